"""Two Alt+Right presses handled in one turn of the loop (python-socketio runs each message's handler as its own
task, so two messages read together are both queued before the strip's drawing task starts): the first press's
strip asks for its pages under the first order's key, and the second press reordered the carousel in place before
they were drawn. The first order's key kept the second order's pages: Undo back to it showed a slide twice and
missed another (review s18; components/thumbnails.py ``frozen``). Both ways of drawing: a thread, a worker process."""
from __future__ import annotations

import copy
import xml.etree.ElementTree as ET

import pytest

from components import engine, thumbnails
from test_slide_strip_keys import slide_name, strip_of, strip_row
from test_slide_strip_presses import sent
from ui_helpers import trigger, until


def words(svg: str | None) -> str:
    return " ".join("".join(ET.fromstring(svg).itertext()).split()) if svg else ""


def shown(strip) -> list[str | None]:
    """Each thumbnail's SVG, None while it is still being drawn."""
    return [svg.content if not svg.thumbnail else None for svg in strip.thumbs]


async def settled(strip) -> None:
    await until(lambda: all(shown(strip)), timeout=60)
    await until(lambda: not thumbnails.THUMBNAILS._pending, timeout=60)


@pytest.mark.parametrize("thread", [True, False], ids=["thread", "worker process"])
async def test_two_presses_in_one_turn_then_undo_show_the_first_orders_own_thumbnails(studio, testid, monkeypatch,
                                                                                      thread):
    if not thread:
        monkeypatch.setattr(thumbnails, "STRIP_IN_THREAD_PAGES", 0)  # a strip as long as a worker process's
    doc = studio.shared.document
    row = strip_row(studio, testid)
    strip = strip_of(row)
    await settled(strip)
    name = slide_name(studio, testid, 1)
    sent(studio, row, {"slide": name, "step": 1, "key": 1, "earlier": [], "session": "r"})  # both handled before
    sent(studio, row, {"slide": name, "step": 1, "key": 2, "earlier": [], "session": "r"})  # any other task runs
    await settled(strip)
    trigger(studio, testid(studio, "undo")[0], "click")  # back to the first press's order
    await settled(strip)
    expected = thumbnails.draw_pages(copy.deepcopy(doc.carousel))
    want = [words(expected[start]) for start in engine.first_pages(strip.view.counts())]
    got = [words(svg) for svg in shown(strip)]
    print("want", [w[:10] for w in want])
    print("got ", [w[:10] for w in got])
    assert got == want  # each thumbnail shows its own slide
    assert len(set(want)) == len(want)
