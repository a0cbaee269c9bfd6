"""The search for X's hidden link to the rest of a long post decodes a post's "&amp;" only when the post holds a
t.co link (most posts hold none: a 60,000-post listing skips that work), and still finds the link when it is there."""
from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

from studio.sources import archive, read_archive
from test_archive_deferred import _archive


def _decoded_in_the_search(monkeypatch) -> list[str]:
    seen: list[str] = []
    decode = archive.unescape_entities

    def watched(text: str) -> str:
        if sys._getframe(1).f_code.co_name == "_cut_at_limit":
            seen.append(text)
        return decode(text)

    monkeypatch.setattr(archive, "unescape_entities", watched)
    return seen


def test_a_post_with_no_tco_link_is_not_decoded_to_look_for_one(monkeypatch):
    seen = _decoded_in_the_search(monkeypatch)
    words = ["Salt &amp; pepper", "Bread &amp; butter &lt;3", "Fish &amp; chips"]
    with tempfile.TemporaryDirectory() as tmp:
        path = _archive(Path(tmp) / "a.zip", words, False)
        for result in (read_archive(path, load_media=False), read_archive(path)):
            assert [p.text for p in result.threads[0].posts] == ["Salt & pepper", "Bread & butter <3", "Fish & chips"]
    assert seen == []


def test_a_long_post_cut_before_its_hidden_link_is_still_found_after_decoding(monkeypatch):
    seen = _decoded_in_the_search(monkeypatch)
    decoded = ("Tom & Jerry " * 25)[:276].rstrip() + "…"
    stored = decoded.replace("&", "&amp;") + " https://t.co/AbC123"
    with tempfile.TemporaryDirectory() as tmp:
        path = _archive(Path(tmp) / "a.zip", ["Opening post", stored], False)
        with zipfile.ZipFile(path) as zf:
            files = {name: zf.read(name).decode() for name in zf.namelist()}
        # X counts the range on the decoded text: the stored text's range ends inside its "&amp;"s
        files["data/tweets.js"] = files["data/tweets.js"].replace(f'"{len(stored)}"', f'"{len(decoded)}"', 1)
        with zipfile.ZipFile(path, "w") as zf:
            for name, body in files.items():
                zf.writestr(name, body)
        result = read_archive(path)
    assert seen, "the post holding a t.co link was not decoded"
    assert any("cut at 280 characters" in w and "1600000000000000001" in w for w in result.warnings), result.warnings
