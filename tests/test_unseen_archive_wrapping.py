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


def zip_of(files: dict[str, bytes], name: str) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for member, data in files.items():
            z.writestr(member, data)
    out.seek(0)
    out.name = name
    return out


def test_a_macs_copy_of_the_inner_zips_attributes_is_not_named():
    inner = archive(thread(START_MS, ["One.", "Two."])).getvalue()
    outer = zip_of({"__MACOSX/._twitter-2026.zip": b"x", "._twitter-2026.zip": b"x", "twitter-2026.zip": inner},
                   "backup.zip")
    with pytest.raises(SourceError) as caught:
        read_archive(outer, load_media=False)
    assert "holds another zip (twitter-2026.zip)" in str(caught.value)


def test_a_zip_among_an_archives_own_files_is_not_taken_for_the_archive():
    outer = zip_of({"data/tweets_media/clip.ZIP": b"x", "readme.txt": b"x"}, "x.zip")
    with pytest.raises(SourceError) as caught:
        read_archive(outer, load_media=False)
    assert "not an X archive" in str(caught.value) and "unzip" not in str(caught.value)


def test_a_folder_holding_the_archives_zip_says_to_import_the_zip(tmp_path):
    (tmp_path / "twitter-2026.zip").write_bytes(archive(thread(START_MS, ["One.", "Two."])).getvalue())
    with pytest.raises(SourceError) as caught:
        read_archive(tmp_path, load_media=False)
    assert "is a folder with a zip in it (twitter-2026.zip)" in str(caught.value)
    assert "unzip" not in str(caught.value)
