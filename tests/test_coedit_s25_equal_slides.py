"""Review A (session 25): plain studio, two equal (empty) slides; another tab's undo of an edit to the first must not
hand the second's name to the first: the tab's selection would jump, and its Delete (sent before it heard of the
undo, naming the slide it showed) would delete the other slide with no notice."""
from __future__ import annotations

import asyncio

from ui_helpers import trigger, until


def shown(user, testid) -> dict:
    (bar,) = testid(user, "strip-bar")
    return {"slide": bar.props.get("data-cs-shown"), "next": bar.props.get("data-cs-next")}


def selected(user, testid) -> int | None:
    thumbs = testid(user, "slide-thumb")
    with user:
        chosen = [e for e in user.client.elements.values() if "cs-selected" in e.classes]
        for i, thumb in enumerate(thumbs):
            if any(thumb in list(e.descendants()) for e in chosen):
                return i
    return None


def state(doc) -> list[tuple[str, str]]:
    return [(s.title, s.body) for s in doc.carousel.slides]


async def test_another_tabs_undo_keeps_the_selection_and_the_delete_on_the_slide_shown(studio, create_user, testid):
    other = create_user()
    await other.open("/")
    doc = studio.shared.document
    doc.add_slide(2)
    doc.add_slide(5)  # slides 3 and 6: two empty slides, equal
    await until(lambda: len(testid(studio, "slide-thumb")) == len(doc.carousel.slides))
    assert doc.carousel.slides[2] == doc.carousel.slides[5]
    doc.set_slide_text(2, body="hello there")  # someone types into the first empty slide
    trigger(studio, testid(studio, "slide-thumb")[5], "click")  # tab A shows the second empty slide
    await until(lambda: selected(studio, testid) == 5 and shown(studio, testid)["slide"])
    saw = shown(studio, testid)
    doc.undo()  # another tab's Ctrl+Z: slide 3 empty again (every slide a new object)
    await asyncio.sleep(0.5)
    assert selected(studio, testid) == 5
    assert shown(studio, testid)["slide"] == saw["slide"]
    before = state(doc)
    trigger(studio, testid(studio, "delete-slide")[0], "click", saw)  # A's Delete, sent before it heard
    await until(lambda: len(doc.carousel.slides) == len(before) - 1)
    assert state(doc) == before[:5] + before[6:]  # the slide A showed, not its twin at 3
