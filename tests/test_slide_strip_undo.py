"""Undo and redo give every slide a new object: each slide keeps its name in the strip all the same (its thumbnail's
``data-slide``), so a keyboard user's focus goes back to the same slide and a press sent before the undo moves the
slide it named."""
from __future__ import annotations

from test_slide_strip_keys import slide_name, strip_row, told
from ui_helpers import trigger, until


def names(user, testid) -> list[str]:
    with user:
        return [t.parent_slot.parent.props["data-slide"] for t in testid(user, "slide-thumb")]


async def test_names_survive_undo_and_redo_of_a_move(studio, testid):
    doc = studio.shared.document
    before = names(studio, testid)
    doc.move_slide(1, 2)
    await until(lambda: names(studio, testid) == [before[0], before[2], before[1]] + before[3:])
    doc.undo()
    await until(lambda: names(studio, testid) == before)
    doc.redo()
    await until(lambda: names(studio, testid) == [before[0], before[2], before[1]] + before[3:])


async def test_a_slide_edited_then_undone_keeps_its_name(studio, testid):
    """Its words differ after the undo: it is the slide that stood at its place. (A deleted slide brought back by
    undo is a slide anew: the others keep theirs.)"""
    doc = studio.shared.document
    before = names(studio, testid)
    doc.set_slide_text(2, title="A title typed")
    doc.delete_slide(4)
    await until(lambda: len(names(studio, testid)) == len(before) - 1)
    doc.undo()
    doc.undo()
    await until(lambda: len(names(studio, testid)) == len(before))
    after = names(studio, testid)
    assert after[:4] + after[5:] == before[:4] + before[5:] and after[4] not in before


async def test_a_press_after_an_undo_moves_the_slide_it_names_and_its_thumbnail_is_focused(studio, testid):
    doc = studio.shared.document
    name = slide_name(studio, testid, 1)
    title = doc.carousel.slides[1].title
    doc.move_slide(1, 3)
    doc.undo()  # every slide a new object; the page's press named the slide before
    assert doc.carousel.slides[1].title == title
    trigger(studio, strip_row(studio, testid), "reorder", {"slide": name, "step": 1, "key": 1})
    assert doc.carousel.slides[2].title == title
    await until(lambda: told(studio, testid) == {"slide": 2, "seq": 1})
    assert strip_row(studio, testid).props["focus"]["slide"] == name
