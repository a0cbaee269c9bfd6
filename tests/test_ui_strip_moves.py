"""Slide moves (components/slide_moves.py) a page could send that name no slide: told truly, nothing moved."""
from __future__ import annotations

from test_slide_strip import order, strip_row
from ui_helpers import trigger


async def test_a_move_from_before_the_first_slide_says_no_slide_moved(studio, testid):
    before = order(studio)
    trigger(studio, strip_row(studio, testid), "reorder", {"old_index": -1, "new_index": 2})
    await studio.should_see("That slide is not in the strip: nothing was moved.")
    await studio.should_not_see("There is no slide 0")
    assert order(studio) == before
    assert not studio.shared.document.can_undo
