"""An X archive's other files pasted into the text box: a clear message, never a slide of JSON."""
from __future__ import annotations

import pytest

from studio.app.imports import Imports
from studio.sources import SourceError

MANIFEST = ('window.__THAR_CONFIG = {\n  "userInfo" : {\n    "accountId" : "1500000000000000001",\n'
            '    "userName" : "lena_ops",\n    "displayName" : "Lena Ops"\n  }\n}')
ACCOUNT = 'window.YTD.account.part0 = [\n  {\n    "account" : {\n      "username" : "lena_ops"\n    }\n  }\n]'


@pytest.mark.parametrize("text, start", [(MANIFEST, "window.__THAR_CONFIG"), (ACCOUNT, "window.YTD.account.part0"),
                                         ("\ufeff" + MANIFEST.replace("\n", "\r\n"), "window.__THAR_CONFIG")])
def test_an_archive_file_other_than_tweets_js_is_named(text, start):
    with pytest.raises(SourceError) as err:
        Imports.paste(text)
    assert str(err.value) == (f"this is a file of an X archive (it starts with {start}): import the archive's .zip, "
                              "or its data/tweets.js, under Archive instead of pasting it")
