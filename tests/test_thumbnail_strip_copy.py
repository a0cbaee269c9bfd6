"""The slide strip's pages drawn in a thread are the carousel as it was when asked for (components/thumbnails.py):
the thread drew the live carousel, which the next Alt+Right reorders in place meanwhile, and kept the mixed pages
under the first order's key for good (CI: a slide shown twice, another missing, a keyboard move that never showed)."""
from __future__ import annotations

import asyncio
import copy
import threading
import xml.etree.ElementTree as ET

from components import thumbnails
from render_helpers import carousel_of
from ui_helpers import until


def words(svg: str) -> str:
    return " ".join("".join(ET.fromstring(svg).itertext()).split())


async def test_a_strips_pages_are_drawn_from_the_carousel_as_it_was_asked_for(monkeypatch):
    carousel = carousel_of([f"{i}/5 Point number {i}: a habit worth keeping." for i in range(1, 6)])
    expected = [words(svg) for svg in thumbnails.draw_pages(copy.deepcopy(carousel))]
    started, go = threading.Event(), threading.Event()
    draw = thumbnails.draw_pages

    def held(drawn_from):  # the thread starts, and waits while the loop moves a slide
        started.set()
        go.wait(60)
        return draw(drawn_from)

    monkeypatch.setattr(thumbnails, "draw_pages", held)
    cache = thumbnails.Thumbnails()
    drawing = asyncio.ensure_future(cache.pages(thumbnails.key(carousel), carousel, thread=True))
    await until(started.is_set, timeout=60)
    carousel.slides.insert(3, carousel.slides.pop(1))  # the next Alt+Right, meanwhile
    go.set()
    drawn = await drawing
    assert [words(svg) for svg in drawn] == expected
    assert len(set(expected)) == len(expected)  # (each page its own words)
