"""load_input / load_threads: one front door that works out what it was given."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from studio.carousel import Carousel
from studio.project_file import carousel_to_json
from studio.sources import ImportResult, SourceError, load_input, load_threads
from studio.sources import link as link_mod


def test_bytes_and_file_objects_are_sniffed(sample_archive, pasted_thread):
    archive = sample_archive.read_bytes()
    assert len(load_threads(archive, load_media=False).threads) == 2
    assert len(load_threads(io.BytesIO(archive), load_media=False).threads) == 2
    project = carousel_to_json(Carousel(name="Sniffed"))
    assert load_threads(project.encode("utf-8")).name == "Sniffed"
    assert load_threads("\ufeff  " + project).name == "Sniffed"
    pasted = pasted_thread.read_bytes()
    assert len(load_threads(pasted).threads[0].posts) == 7
    assert len(load_threads(io.BytesIO(pasted)).threads[0].posts) == 7


def test_utf16_text_with_a_bom_is_read():
    text = "First post of the thread here.\n\nSecond post of the thread here."
    result = load_threads(text.encode("utf-16"))
    assert [p.text for p in result.threads[0].posts] == text.split("\n\n")


def test_a_text_string_is_never_taken_as_a_path_on_disk(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("server secret\n\nsecond paragraph of the secret")
    result = load_threads(str(secret))
    assert result.threads[0].posts[0].text == str(secret)  # the text itself, not the file's contents


def test_a_post_link_is_fetched(monkeypatch):
    calls = []

    def fake(url, fetch=None):
        calls.append(url)
        return ImportResult()
    monkeypatch.setattr("studio.sources.fetch_post_link", fake)
    load_threads("  https://x.com/jane/status/123\n")
    load_input("https://x.com/jane/status/456")
    assert calls == ["https://x.com/jane/status/123", "https://x.com/jane/status/456"]
    assert link_mod.ENDPOINT.startswith("https://")


def test_load_input_errors(tmp_path):
    with pytest.raises(SourceError, match="file not found"):
        load_input(tmp_path / "nope.zip")
    with pytest.raises(SourceError, match="is a folder"):
        load_input(tmp_path)
    (tmp_path / "x.zip").write_text("not a zip")
    with pytest.raises(SourceError, match="x.zip is not a zip file"):
        load_input(tmp_path / "x.zip")
    (tmp_path / "big.txt").write_bytes(b"a" * (16 * 2**20 + 10))
    with pytest.raises(SourceError, match="too large for thread text"):
        load_input(tmp_path / "big.txt")


def test_carousel_file_by_suffix(tmp_path):
    path = tmp_path / "c.json"
    path.write_text(carousel_to_json(Carousel(name="From file")))
    assert isinstance(load_input(path), Carousel)
    path.write_text("[]")
    with pytest.raises(SourceError, match="not a carousel file"):
        load_input(path)
