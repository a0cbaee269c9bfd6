"""Alt+Left/Right on the slide strip (assets/slide_strip.js) while others edit: pressed again before the strip is
drawn, the page sends one more step of the same slide, and the server moves that slide from where it is now (others'
moves included), never the slide that is now at the index the page last saw. The focus answer comes from a strip
drawn after the move, never from a drawing begun before it."""
from __future__ import annotations

import re

import pytest

from ui_helpers import trigger, until


def strip_row(user, testid):
    with user:
        thumb = testid(user, "slide-thumb")[0]
        return thumb.parent_slot.parent.parent_slot.parent  # thumbnail -> its item -> the row


def strip_of(row):
    """The SlideStrip of a strip's row (its moves, ``SlideMoves``, hear the row's "reorder")."""
    return next(h.handler.__self__.strip for h in row._event_listeners.values() if h.type == "reorder")


def slide_name(user, testid, index: int) -> str:
    """The name the page sends for the slide at ``index`` of its strip (its item's ``data-slide``)."""
    with user:
        return testid(user, "slide-thumb")[index].parent_slot.parent.props["data-slide"]


def told(user, testid) -> dict | None:
    """The focus the page was told (``focus``: the moved slide's name), with the slide's place in the strip as drawn
    now instead of its name."""
    focus = strip_row(user, testid).props.get("focus")
    if focus is None or focus["slide"] is None:
        return focus
    with user:
        names = [t.parent_slot.parent.props["data-slide"] for t in testid(user, "slide-thumb")]
    return {"slide": names.index(focus["slide"]) if focus["slide"] in names else "gone", "seq": focus["seq"]}


def press(user, testid, index: int, step: int, key: int) -> None:
    """Alt+Left/Right (``step``) on the thumbnail at ``index``, as assets/slide_strip.js sends it: the slide's name."""
    trigger(user, strip_row(user, testid), "reorder", {"slide": slide_name(user, testid, index), "step": step,
                                                       "key": key})


async def long_strip_mid_drawing(studio, testid, monkeypatch):
    """A long strip (over 25 slides, drawn in slices) with someone else's edit's drawing under way, and this page's
    own changes held back (the relay hands them over a turn later); returns the row, its strip, the changes held
    and the number of drawings ended."""
    doc = studio.shared.document
    for _ in range(30):
        doc.add_slide(1)
    await until(lambda: len(testid(studio, "slide-thumb")) == len(doc.carousel.slides))
    row = strip_row(studio, testid)
    strip = strip_of(row)
    strip.rebuild()  # someone else's edit: a drawing in slices under way
    assert strip.sliced.drawing
    heard = []
    monkeypatch.setattr(strip, "refresh", heard.append)  # the move is handed to this page later
    return row, strip, heard, strip._draws


async def test_the_focus_is_not_told_from_a_strip_drawn_before_the_move(studio, testid, monkeypatch):
    """The move's own change reaches this page a turn later (the relay): the drawing that ends first shows the
    slides as they were."""
    doc = studio.shared.document
    row, strip, heard, draws = await long_strip_mid_drawing(studio, testid, monkeypatch)
    moving = doc.carousel.slides[2]
    press(studio, testid, 2, 1, key=1)
    assert doc.carousel.slides[3] is moving and heard
    await until(lambda: strip._draws > draws)  # the drawing from before the move ends
    assert "focus" not in row.props
    monkeypatch.undo()
    strip.refresh(heard[0])  # handed now: drawn in slices, then told
    await until(lambda: "focus" in row.props)
    assert told(studio, testid) == {"slide": 3, "seq": 1}


@pytest.mark.slow  # a long strip drawn in slices: its clamped drag is in core as test_slide_strip.py's short-strip twin
async def test_a_drag_that_moves_nothing_leaves_a_keyboard_moves_focus_waiting(studio, testid, monkeypatch):
    """A mouse drag clamped back to its own place (past the outro) while a keyboard move waits for its strip: the
    keyboard move's focus is still told from a strip drawn after it, never from the drawing begun before it."""
    doc = studio.shared.document
    row, strip, heard, draws = await long_strip_mid_drawing(studio, testid, monkeypatch)
    press(studio, testid, 2, 1, key=1)
    last = len(doc.carousel.slides) - 2  # the last slide before the outro
    order = list(doc.carousel.slides)
    trigger(studio, row, "reorder", {"old_index": last, "new_index": last + 1})  # no key: the mouse's
    assert list(doc.carousel.slides) == order  # clamped: nothing moved
    await until(lambda: strip._draws > draws)  # the drawing from before the move ends
    assert "focus" not in row.props
    monkeypatch.undo()
    strip.refresh(heard[0])
    await until(lambda: "focus" in row.props)
    assert told(studio, testid) == {"slide": 3, "seq": 1}


async def test_a_step_for_a_slide_that_is_gone_is_answered_at_once(studio, testid):
    """The page waits for the answer to each press: a slide deleted meanwhile moves nothing and says so."""
    doc = studio.shared.document
    row = strip_row(studio, testid)
    before = [id(s) for s in doc.carousel.slides]
    name = slide_name(studio, testid, 1)
    press(studio, testid, 1, 1, key=1)
    await until(lambda: told(studio, testid) == {"slide": 2, "seq": 1})
    doc.delete_slide(2)  # someone else deletes it
    after = [id(s) for s in doc.carousel.slides]
    trigger(studio, row, "reorder", {"slide": name, "step": 1, "key": 2})
    assert [id(s) for s in doc.carousel.slides] == after != before
    assert row.props["focus"] == {"slide": None, "seq": 2, "session": ""}


async def person(create_user, name: str):
    user = create_user()
    user.javascript_rules[re.compile(r".*localStorage\.getItem.*")] = lambda _: name
    user.javascript_rules[re.compile(r".*sessionStorage\.getItem.*")] = lambda _: None
    user.javascript_rules[re.compile(r".*localStorage\.setItem\((.*)\)")] = lambda m: None
    await user.open("/")
    return user


@pytest.mark.nicegui_main_file("tests/share_main.py")
async def test_a_press_again_moves_the_same_slide_after_someone_elses_move(studio_data, create_user, testid):
    """Ada presses Alt+Right on slide 2; Bob drags slide 5 to the front's second place; Ada presses again before her
    strip is drawn. Her slide goes one more place along from where it now is; Bob's stays where he put it."""
    from components.app import current_studio
    ada = await person(create_user, "Ada")
    bob = await person(create_user, "Bob")
    doc = current_studio().document
    await until(lambda: len(testid(ada, "slide-thumb")) == len(doc.carousel.slides) > 5
                and len(testid(bob, "slide-thumb")) == len(doc.carousel.slides))
    start = doc.slide_ids(None)
    hers, his = start[1], start[4]
    assert slide_name(ada, testid, 1) == hers  # (share mode: a slide's name is its id)
    press(ada, testid, 1, 1, key=1)
    trigger(bob, strip_row(bob, testid), "reorder", {"old_index": 4, "new_index": 1})
    assert doc.slide_ids(None).index(hers) == 3  # (Bob's slide went in front of it)
    trigger(ada, strip_row(ada, testid), "reorder", {"slide": hers, "step": 1, "key": 2})
    now = doc.slide_ids(None)
    assert now.index(hers) == 4 and now.index(his) == 1
    others = [i for i in start if i != hers]
    assert [i for i in now if i != hers] == [others[0], his] + [i for i in others[1:] if i != his]
    row = strip_row(ada, testid)
    await until(lambda: (row.props.get("focus") or {}).get("seq") == 2)
    assert told(ada, testid) == {"slide": 4, "seq": 2}  # her slide's thumbnail, in the strip drawn after the move
    assert row.props["focus"]["slide"] == hers
