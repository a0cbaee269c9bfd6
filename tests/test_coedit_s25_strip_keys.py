"""Newcomer (session 25): a slide left the strip silently when its only post was dropped on another slide; Delete
on a focused thumbnail did nothing."""
from __future__ import annotations

from components.slide_moves import slide_name
from ui_helpers import trigger, until


def names(doc) -> list[str]:
    return [slide_name(s) for s in doc.carousel.slides]


async def test_a_post_dropped_from_its_own_slide_says_which_slide_went_and_that_undo_brings_it_back(studio, testid):
    doc = studio.shared.document
    post = doc.carousel.thread.posts[2]
    own = next(i for i, s in enumerate(doc.carousel.slides) if s.post_ids == [post.id])
    name, before = slide_name(doc.carousel.slides[own]), names(doc)
    start = len(studio.notify.messages)
    trigger(studio, testid(studio, "slide-thumb")[own + 2], "drop", {"post_id": post.id, "shift": False})
    assert len(doc.carousel.slides) == len(before) - 1
    told = [str(m) for m in studio.notify.messages[start:]]
    assert any(f"Slide {own + 1} (“{name}”)" in m and "Undo brings it back" in m for m in told), told
    assert doc.undo() and names(doc) == before


async def test_delete_or_backspace_on_a_focused_thumbnail_deletes_its_slide_not_the_selected_one(studio, testid):
    doc = studio.shared.document
    trigger(studio, testid(studio, "slide-thumb")[1], "click")  # slide 2 selected
    for key_thumb in (4, 2):  # Delete on slide 5's thumbnail, then Backspace on slide 3's (the same event)
        before = names(doc)
        thumb = testid(studio, "slide-thumb")[key_thumb]
        item = thumb.parent_slot.parent
        trigger(studio, thumb, "keydown", {"slide": item.props["data-slide"]})
        await until(lambda: len(doc.carousel.slides) == len(before) - 1)
        assert names(doc) == before[:key_thumb] + before[key_thumb + 1:]
