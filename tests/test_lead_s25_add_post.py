"""A post added to the current slide with its card's button (or Shift+Enter) says which slide went when the post
left its own slide, and that Undo brings it back, as a drop on the strip does."""
from __future__ import annotations

from components.slide_moves import slide_name
from ui_helpers import click, trigger


async def test_adding_a_post_from_its_own_slide_says_which_slide_went(studio, testid):
    doc = studio.shared.document
    trigger(studio, testid(studio, "slide-thumb")[1], "click")
    posts = doc.carousel.thread.posts
    index, post = next((i, p) for i, p in enumerate(posts)
                       if any(s.post_ids == [p.id] for s in doc.carousel.slides[3:]))
    own = next(i for i, s in enumerate(doc.carousel.slides) if s.post_ids == [post.id])
    name, count = slide_name(doc.carousel.slides[own]), len(doc.carousel.slides)
    start = len(studio.notify.messages)
    click(studio, testid(studio, "add-to-slide")[index])
    assert len(doc.carousel.slides) == count - 1 and post.id in doc.carousel.slides[1].post_ids
    told = [str(m) for m in studio.notify.messages[start:]]
    assert any(f"Slide {own + 1} (“{name}”)" in m and "Undo brings it back" in m for m in told), told
