"""An X archive's other files pasted into the text box: a clear message, never a slide of JSON."""
from __future__ import annotations

import pytest

from studio.app.imports import Imports
from studio.sources import SourceError
from studio.sources.archive_files import not_posts_message

MANIFEST = ('window.__THAR_CONFIG = {\n  "userInfo" : {\n    "accountId" : "1500000000000000001",\n'
            '    "userName" : "lena_ops",\n    "displayName" : "Lena Ops"\n  }\n}')
ACCOUNT = 'window.YTD.account.part0 = [\n  {\n    "account" : {\n      "username" : "lena_ops"\n    }\n  }\n]'


@pytest.mark.parametrize("text, kind", [(MANIFEST, "manifest"), (ACCOUNT, "account"),
                                        ("\ufeff" + MANIFEST.replace("\n", "\r\n"), "manifest")])
def test_an_archive_file_other_than_tweets_js_is_named(text, kind):
    """archive_files' one rule and wording: the file is named by what it holds, not posts."""
    with pytest.raises(SourceError) as err:
        Imports.paste(text)
    assert str(err.value) == not_posts_message(kind, "the pasted text")
