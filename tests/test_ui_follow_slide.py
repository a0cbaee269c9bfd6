"""Someone else adds, removes or moves slides: this person's selection stays on the slide they were on (it stayed at
its number, so their preview and text boxes jumped to another slide)."""
from __future__ import annotations

from test_slide_strip import strip_row
from test_ui_studio import preview, svg_text
from ui_helpers import trigger


def select(studio, testid, index: int) -> None:
    trigger(studio, testid(studio, "slide-thumb")[index], "click")


async def test_a_slide_removed_before_the_selected_one_keeps_the_selection_on_its_slide(studio, testid):
    doc = studio.shared.document
    select(studio, testid, 2)
    title = doc.carousel.slides[2].title
    doc.delete_slide(0, origin=object())  # someone else
    await studio.should_see(f"Slide 2 of {len(doc.carousel.slides)}")
    assert title.split()[-1] in svg_text(preview(studio, testid))


async def test_a_selected_slide_moved_by_someone_else_stays_selected(studio, testid):
    doc = studio.shared.document
    select(studio, testid, 2)
    title = doc.carousel.slides[2].title
    doc.move_slide(2, 5, origin=object())
    await studio.should_see(f"Slide 6 of {len(doc.carousel.slides)}")
    assert title.split()[-1] in svg_text(preview(studio, testid))


async def test_the_persons_own_move_still_selects_the_slide_moved(studio, testid):
    doc = studio.shared.document
    select(studio, testid, 2)
    trigger(studio, strip_row(studio, testid), "reorder", {"old_index": 4, "new_index": 1})
    await studio.should_see(f"Slide 2 of {len(doc.carousel.slides)}")
async def test_someone_elses_undo_of_a_delete_keeps_my_slide(studio, testid):
    doc = studio.shared.document
    select(studio, testid, 2)
    title = doc.carousel.slides[2].title
    other = object()
    doc.delete_slide(0, origin=other)
    await studio.should_see(f"Slide 2 of {len(doc.carousel.slides)}")
    doc.undo(origin=other)  # they take their delete back
    await studio.should_see(f"Slide 3 of {len(doc.carousel.slides)}")
    assert title.split()[-1] in svg_text(preview(studio, testid))


async def test_the_first_slide_shown_on_opening_follows_too(studio, testid):
    doc = studio.shared.document
    title = doc.carousel.slides[0].title
    doc.move_slide(0, 3, origin=object())  # someone else, before this person clicked anything
    await studio.should_see(f"Slide 4 of {len(doc.carousel.slides)}")
    assert title.split()[-1] in svg_text(preview(studio, testid))


async def test_step_then_someone_else_deletes(studio, testid):
    doc = studio.shared.document
    select(studio, testid, 2)
    trigger(studio, testid(studio, "next-slide")[0], "click")
    await studio.should_see(f"Slide 4 of {len(doc.carousel.slides)}")
    title = doc.carousel.slides[3].title
    doc.delete_slide(0, origin=object())
    await studio.should_see(f"Slide 3 of {len(doc.carousel.slides)}")
    assert title.split()[-1] in svg_text(preview(studio, testid))
