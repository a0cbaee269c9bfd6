"""A carousel of many slides is laid out off the event loop before the pages redraw.

Every page redraws from the pages per slide. Counting them lays out every slide: for 300 slides that
took 8.5 s on the event loop after "Lay out all" or a theme change, and every browser and request
waited (issue 13). Now the server counts them in a worker first and then tells the pages.
"""
from __future__ import annotations

import asyncio
import threading

import pytest

from components import engine
from components.app import BIG_CAROUSEL, BIG_TEXT

POSTS = 80


def _thumbs(user) -> int:
    return sum(1 for e in user.client.elements.values() if e.props.get("data-testid") == "slide-thumb")


@pytest.mark.slow  # stress: an 80-post thread laid out and drawn
async def test_a_big_carousel_is_counted_off_the_event_loop_and_then_shown(studio, monkeypatch):
    loop_thread = threading.current_thread()
    counted_in: list[tuple[int, threading.Thread]] = []
    count_one = engine.slide_page_count

    def spy(carousel, index, *args):
        counted_in.append((len(carousel.slides), threading.current_thread()))
        return count_one(carousel, index, *args)

    count_all = engine.pages_per_slide

    def spy_all(carousel):
        counted_in.append((len(carousel.slides), threading.current_thread()))
        return count_all(carousel)

    monkeypatch.setattr(engine, "slide_page_count", spy)  # the server counts slide by slide (it can stop)
    monkeypatch.setattr(engine, "pages_per_slide", spy_all)  # a page would count all at once
    text = "\n\n".join(f"Post {n}: a thought worth its own slide, number {n}." for n in range(1, POSTS + 1))
    thread = studio.shared.imports.paste(text).threads[0]
    with studio:
        studio.shared.imports.lay_out(thread)  # "Lay out all": every slide new
    slides = len(studio.shared.document.carousel.slides)
    assert slides >= BIG_CAROUSEL

    deadline = asyncio.get_running_loop().time() + 120
    while _thumbs(studio) != slides:  # the page redraws once the pages are counted
        assert asyncio.get_running_loop().time() < deadline, f"the strip shows {_thumbs(studio)} of {slides} slides"
        await asyncio.sleep(0.1)

    big = [where for n, where in counted_in if n >= BIG_CAROUSEL]
    assert big, "the big carousel's pages were never counted"
    assert all(where is not loop_thread for where in big), "a big carousel was laid out on the event loop"


@pytest.mark.slow  # stress: three long slides laid out and drawn
async def test_a_few_long_slides_are_counted_off_the_event_loop_too(studio, monkeypatch):
    """Counting pages costs by text, not by slides: 7 slides of 20,000 characters held the loop 1.5 s."""
    loop_thread = threading.current_thread()
    counted_on_loop: list[int] = []
    count_one, count_all = engine.slide_page_count, engine.pages_per_slide

    def spy(carousel, index, *args):
        if threading.current_thread() is loop_thread:
            counted_on_loop.append(len(carousel.slides[index].body))
        return count_one(carousel, index, *args)

    def spy_all(carousel):
        if threading.current_thread() is loop_thread:
            counted_on_loop.extend(len(slide.body) for slide in carousel.slides)
        return count_all(carousel)

    monkeypatch.setattr(engine, "slide_page_count", spy)
    monkeypatch.setattr(engine, "pages_per_slide", spy_all)
    sentence = "A long thought that runs on and on, as long posts do. "
    text = "\n\n".join(f"Post {n}: " + sentence * 150 for n in range(1, 4))
    thread = studio.shared.imports.paste(text).threads[0]
    with studio:
        studio.shared.imports.lay_out(thread)
    carousel = studio.shared.document.carousel
    assert len(carousel.slides) < BIG_CAROUSEL
    assert sum(len(s.body) for s in carousel.slides) > BIG_TEXT

    deadline = asyncio.get_running_loop().time() + 120
    while _thumbs(studio) < len(carousel.slides):
        assert asyncio.get_running_loop().time() < deadline, f"the strip shows {_thumbs(studio)} slides"
        await asyncio.sleep(0.1)
    assert not any(n > 1000 for n in counted_on_loop), "a long slide's pages were counted on the event loop"
