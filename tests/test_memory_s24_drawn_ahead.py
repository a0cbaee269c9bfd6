"""The export drawn ahead keeps a bounded number of bytes however long one tab edits (session 24: one browser's
800 ordinary edits took the server from 116 to 517 MB, the drawings of every version typed kept up to 128 MB)."""
from __future__ import annotations

import re
from concurrent.futures import Future
from pathlib import Path

from studio.app import exports
from studio.export.drawn import DrawnPages

PNG_PAGE = bytes(150 * 1024)  # what one page at scale 2 weighs (130-150 KB); one object shared, counted each time
ROOT = Path(__file__).resolve().parent.parent


def test_many_pauses_keep_at_most_the_documented_bytes(monkeypatch):
    drawn = DrawnPages(max_bytes=exports.DRAWN.max_bytes)  # the studio's own bound, on a store of this test's own
    monkeypatch.setattr(exports, "DRAWN", drawn)
    for edit in range(400):  # each pause draws the page the edit changed; the drawing lands from the pool
        job: Future = Future()
        exports.DRAWN.expect(f"page-{edit}", job)
        job.set_result(PNG_PAGE)
    kept = sum(len(exports.DRAWN.get(f"page-{edit}") or b"") for edit in range(400))
    assert kept <= exports.DRAWN_BYTES, f"{kept / 2**20:.1f} MB kept after 400 edits"
    assert len(exports.DRAWN) <= exports.DRAWN_BYTES // len(PNG_PAGE)
    assert exports.DRAWN.get("page-399") == PNG_PAGE  # the carousel as it is now is still drawn


def test_the_studio_bound_is_the_one_documented():
    limits = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    stated = re.search(r"export pages drawn ahead \(up to (\d+) MB\)", limits)
    assert stated is not None
    assert exports.DRAWN.max_bytes == int(stated.group(1)) * 2**20
