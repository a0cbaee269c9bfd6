"""An X archive wrapped once more (session 16): zipped again for a backup, or sent inside another zip."""
from __future__ import annotations

import io
import zipfile

import pytest

from studio.sources import SourceError
from studio.sources.archive import read_archive
from test_archive_deleted_gap import START_MS, archive, thread


def test_an_archive_zipped_inside_another_zip_is_named():
    """Sent by mail or zipped again for a backup: the outer zip holds the archive's .zip, not its files. The message
    said only "not an X archive"; it now names the zip inside and what to do."""
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w") as z:
        z.writestr("twitter-2026-11-20-abc.zip", archive(thread(START_MS, ["One.", "Two."])).getvalue())
    outer.seek(0)
    outer.name = "backup.zip"
    with pytest.raises(SourceError, match=r"backup\.zip holds another zip \(twitter-2026-11-20-abc\.zip\).*unzip"):
        read_archive(outer, load_media=False)
