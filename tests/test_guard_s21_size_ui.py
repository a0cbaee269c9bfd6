"""In the studio: Duplicate on a carousel of 300 slides tells the person the cap and changes nothing."""
from __future__ import annotations

import sys
from pathlib import Path

from ui_helpers import click, trigger

sys.path.insert(0, str(Path(__file__).parent))
from test_guard_s21_size import full_carousel  # noqa: E402

from studio.limits import MAX_SLIDES  # noqa: E402


async def test_duplicate_at_the_cap_says_why_and_changes_nothing(studio, testid):
    doc = studio.shared.document
    doc.replace(full_carousel())
    assert len(doc.carousel.slides) == MAX_SLIDES
    trigger(studio, testid(studio, "slide-thumb")[1], "click")
    click(studio, testid(studio, "duplicate-slide")[0])
    await studio.should_see(f"A carousel holds at most {MAX_SLIDES} slides")
    assert len(doc.carousel.slides) == MAX_SLIDES
