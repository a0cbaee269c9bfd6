"""A page that has not yet heard of slides removed elsewhere (components/relay.py hands other pages an edit a
slice of the loop's turn at a time) still steps through what is there."""
from __future__ import annotations

import gc

from components.page import StudioPage
from ui_helpers import trigger, until


async def test_next_slide_on_a_slide_that_went_meanwhile_goes_to_the_last_slide(studio, testid):
    page = next(o for o in gc.get_objects() if isinstance(o, StudioPage) and o.view.client is studio.client)
    slides = len(studio.shared.document.carousel.slides)
    page.view.person.slide = slides + 2  # where this page was before it heard of the removal
    trigger(studio, testid(studio, "next-slide")[0], "click")
    await until(lambda: page.view.selected == slides - 1)
