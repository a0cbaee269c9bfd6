"""Issue 13: one person's 4,500-word paste (under the word cap, over 40 pages) made every page load HTTP 500 for
everyone, also after a restart. The studio keeps opening; the slide's thumbnail says what is wrong with it."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from studio import limits

PASTE = " ".join(f"considerations{n % 97}" for n in range(2_350))  # needs more than 40 pages, under the caps


def thumbnail(user, testid, slide: int) -> str:
    thumb = testid(user, "slide-thumb")[slide]
    svg = next(child.content for child in thumb.default_slot.children if hasattr(child, "content"))
    return " ".join(" ".join(ET.fromstring(svg).itertext()).split()) if svg else ""


async def test_a_slide_over_the_page_cap_leaves_the_studio_open_for_everyone(studio, create_user, testid):
    assert len(PASTE.split()) <= limits.MAX_WORDS_PER_POST and len(PASTE) <= limits.MAX_BODY_CHARS
    studio.shared.document.set_slide_text(1, body=PASTE, origin=None)  # under the word cap: taken
    bob = create_user()
    await bob.open("/")  # a new page load: was HTTP 500
    assert "needs more than 40 pages" in thumbnail(bob, testid, 1)
    assert studio.shared.document.carousel.slides[1].body == PASTE  # nothing lost


async def test_an_overlong_title_or_text_typed_is_refused_with_a_notice(studio, testid):
    doc = studio.shared.document
    before = doc.carousel.slides[0].title
    (title,) = testid(studio, "slide-title")
    title.value = "a" * (limits.MAX_TITLE_CHARS + 1)
    await studio.should_see("The title of slide 1 has 2,001 characters; the limit is 2,000")
    assert doc.carousel.slides[0].title == before
    (body,) = testid(studio, "slide-body")
    body.value = "w " * (limits.MAX_WORDS_PER_POST + 1)
    await studio.should_see("one slide may hold at most 5,000")
    assert len(doc.carousel.slides[0].body.split()) < 100
