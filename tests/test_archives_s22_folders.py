"""A folder whose one folder is the archive, beside any number of a Mac's own files: every entry is looked at
(not the first few the file system happens to list), two archive folders are never guessed between, and a folder
of more than 1,000 entries is refused with a message."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from studio.sources import load_input, read_archive
from studio.sources.result import SourceError


@pytest.fixture(autouse=True)
def mac_files_listed_first(monkeypatch):
    """The file system's order is its own (a hash on most): here a Mac's files come first, then the folders by
    name, as some list them, so which entries a reader looks at decides the outcome every run."""
    listed = Path.iterdir
    monkeypatch.setattr(Path, "iterdir", lambda self: iter(sorted(listed(self), key=lambda c: (
        not c.name.startswith("."), c.name))))


def mac_files(folder, n: int) -> None:
    (folder / "__MACOSX").mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"._{i:04d}").write_bytes(b"\0")


def unzip(sample_archive, folder):
    with zipfile.ZipFile(sample_archive) as zf:
        zf.extractall(folder)


def texts(result):
    return [[p.text for p in t.posts] for t in result.threads]


def test_an_archive_folder_beside_many_dotfiles_is_read(sample_archive, tmp_path):
    outer = tmp_path / "backup"
    mac_files(outer, 40)
    unzip(sample_archive, outer / "twitter-2024-05-28-0a1b2c")
    assert texts(load_input(outer, load_media=False)) == texts(read_archive(sample_archive, load_media=False))


@pytest.mark.parametrize("dotfiles", [1, 2, 3, 40])
def test_two_archive_folders_beside_dotfiles_are_not_guessed_between(sample_archive, tmp_path, dotfiles):
    outer = tmp_path / "backup"
    mac_files(outer, dotfiles)
    unzip(sample_archive, outer / "twitter-2015-01-01-aaa")
    unzip(sample_archive, outer / "twitter-2024-05-28-bbb")
    with pytest.raises(SourceError, match="not an extracted X archive"):
        load_input(outer, load_media=False)


def test_a_folder_of_more_than_a_thousand_entries_is_refused_with_a_message(sample_archive, tmp_path):
    outer = tmp_path / "backup"
    mac_files(outer, 1_000)
    unzip(sample_archive, outer / "twitter-2024-05-28-0a1b2c")
    with pytest.raises(SourceError, match=r"backup: is a folder of more than 1,000 files, not an extracted X archive"):
        load_input(outer, load_media=False)
