"""The slide strip on the server. Its drag (assets/slide_strip.js says ``reorder`` once, with the slide's old and new
index): the slide moves there in one undo step and is selected; anything else a page could send moves nothing.
Where a post card can be dropped: never on the outro, and no gap after it (a post goes in front of it)."""
from __future__ import annotations

import pytest

from render_helpers import carousel_of
from studio.app.document import Document
from studio.app.edit_history import EditError
from test_slide_strip_keys import press, slide_name, strip_of, told
from ui_helpers import trigger, until


def strip_row(studio, testid):
    thumb = testid(studio, "slide-thumb")[0]
    return thumb.parent_slot.parent.parent_slot.parent  # thumbnail -> its item -> the row


def order(studio) -> list[tuple[str, ...]]:
    return [tuple(s.post_ids) or (s.kind,) for s in studio.shared.document.carousel.slides]


async def test_a_dragged_slide_moves_once_and_is_selected(studio, testid):
    before = order(studio)
    trigger(studio, strip_row(studio, testid), "reorder", {"old_index": 1, "new_index": 3})
    assert order(studio) == before[:1] + before[2:4] + before[1:2] + before[4:]
    await studio.should_see("Slide 4 of")
    labels = [t.props["aria-label"] for t in testid(studio, "slide-thumb")]
    assert labels[3].startswith(f"Slide 4 of {len(before)}")  # the strip was drawn again
    studio.shared.document.undo()
    assert order(studio) == before  # one move, one undo step


NO_DRAG = [None, [], {"old_index": "1", "new_index": 2}, {"old_index": 1}, {"old_index": True, "new_index": 2},
           {"old_index": 1.5, "new_index": 2}]


async def test_what_no_drag_sends_moves_nothing(studio, testid):
    """Each in turn on one page (each moves nothing, so the page stays as opened: one page build, not six)."""
    before = order(studio)
    for args in NO_DRAG:
        trigger(studio, strip_row(studio, testid), "reorder", args)
        assert order(studio) == before, args
    assert not studio.shared.document.can_undo


async def test_a_slide_no_longer_there_is_told_not_raised(studio, testid):
    before = order(studio)
    trigger(studio, strip_row(studio, testid), "reorder", {"old_index": len(before) + 3, "new_index": 0})
    await studio.should_see(f"There is no slide {len(before) + 4}")
    assert order(studio) == before


def drop_listeners(element) -> list:
    return [listener for listener in element._event_listeners.values() if listener.type == "drop"]


async def test_the_outro_takes_no_post_and_no_gap_after_it_says_otherwise(studio, testid):
    doc = studio.shared.document
    thumbs = testid(studio, "slide-thumb")
    assert doc.carousel.slides[-1].kind == "outro"
    assert not drop_listeners(thumbs[-1]) and "title" not in thumbs[-1].props  # no "Drop a post here" either
    assert all(drop_listeners(t) for t in thumbs[:-1])
    gaps = testid(studio, "slide-gap")
    tail = next(g for g in gaps if "cs-gap-tail" in g.classes)
    assert not tail.visible  # a post dropped there would land in front of the outro: the gap before it does that
    doc.delete_slide(len(doc.carousel.slides) - 1)  # no outro now: the tail gap appends
    await until(lambda: tail.visible)
    assert all(drop_listeners(t) for t in testid(studio, "slide-thumb"))


def test_the_outro_stays_last_when_slides_move():
    doc = Document(carousel_of(["Hook 🧵", "One.", "Two.", "Three."]), clock=lambda: 0.0)
    kinds = lambda: [s.kind for s in doc.carousel.slides]  # noqa: E731
    assert kinds()[-1] == "outro" and len(kinds()) == 5
    assert doc.move_slide(1, 4) == 3  # dropped after the outro: in front of it
    assert kinds()[-1] == "outro" and doc.carousel.slides[3].body == "One."
    with pytest.raises(EditError, match="outro stays the last slide"):
        doc.move_slide(4, 1)
    assert doc.move_slide(4, 4) == 4  # let go where it was: nothing to say
    doc.delete_slide(4)  # no outro: any slide may go last
    assert doc.move_slide(0, 3) == 3


async def test_the_outros_thumbnail_says_it_stays_and_a_move_of_it_is_told(studio, testid):
    thumbs = testid(studio, "slide-thumb")
    assert thumbs[-1].props["aria-description"] == "Enter shows it; Delete removes it."
    assert "Alt+Left" in thumbs[-2].props["aria-description"]
    before = order(studio)
    press(studio, testid, len(before) - 1, -1, key=1)  # Alt+Left
    await studio.should_see("The outro stays the last slide")
    assert order(studio) == before
    assert told(studio, testid) == {"slide": len(before) - 1, "seq": 1}  # it keeps the focus


async def test_a_keyboard_moves_focus_waits_for_the_strip_drawn_after_the_move(studio, testid, monkeypatch):
    """Under load the relay hands the author's page its change a turn later: told at once, the browser focused a
    thumbnail of the strip about to go, and the focus was lost when the new one came."""
    row = strip_row(studio, testid)
    strip = strip_of(row)
    heard = []
    monkeypatch.setattr(strip, "refresh", heard.append)  # the change comes later
    press(studio, testid, 1, 1, key=3)
    assert heard and "focus" not in row.props
    monkeypatch.undo()
    strip.refresh(heard[0])  # handed now: drawn, then told
    assert told(studio, testid) == {"slide": 2, "seq": 3}


async def test_a_drag_that_moves_nothing_leaves_a_keyboard_moves_focus_waiting(studio, testid, monkeypatch):
    """A mouse drag clamped back to its own place (past the outro) while a keyboard move waits for its strip: the
    focus is told only once the move's strip is drawn (the long-strip case, a drawing in slices under way, is the
    slow twin in test_slide_strip_keys.py)."""
    doc = studio.shared.document
    row = strip_row(studio, testid)
    strip = strip_of(row)
    heard = []
    monkeypatch.setattr(strip, "refresh", heard.append)  # the change comes later
    press(studio, testid, 1, 1, key=3)
    last = len(doc.carousel.slides) - 2  # the last slide before the outro
    moved = list(doc.carousel.slides)
    trigger(studio, row, "reorder", {"old_index": last, "new_index": last + 1})  # no key: the mouse's
    assert list(doc.carousel.slides) == moved  # clamped: nothing moved
    assert heard and "focus" not in row.props
    monkeypatch.undo()
    strip.refresh(heard[0])  # handed now: drawn, then told
    assert told(studio, testid) == {"slide": 2, "seq": 3}


async def test_a_keyboard_move_tells_the_browser_which_thumbnail_to_focus_once_drawn(studio, testid):
    """Alt+Right (assets/slide_strip.js sends the move with its number): the strip is drawn anew, and the browser is
    told which thumbnail now has the slide; a drag says nothing of focus."""
    before = order(studio)
    name = slide_name(studio, testid, 1)
    press(studio, testid, 1, 1, key=7)
    assert order(studio) == before[:1] + [before[2], before[1]] + before[3:]
    assert told(studio, testid) == {"slide": 2, "seq": 7}
    trigger(studio, strip_row(studio, testid), "reorder", {"slide": name, "step": 1, "key": 8})  # pressed again
    assert order(studio)[3] == before[1]
    assert told(studio, testid) == {"slide": 3, "seq": 8}
    trigger(studio, strip_row(studio, testid), "reorder", {"old_index": 3, "new_index": 1})  # dragged back
    assert order(studio) == before
    told_then = {"slide": name, "seq": 8, "session": ""}  # (no drawing of the row named)
    assert strip_row(studio, testid).props["focus"] == told_then  # unchanged
    trigger(studio, strip_row(studio, testid), "reorder", {"slide": name, "step": 1, "key": True})
    assert strip_row(studio, testid).props["focus"] == told_then  # not a move number
