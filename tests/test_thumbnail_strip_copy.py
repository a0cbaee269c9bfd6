"""The slide strip's pages kept under a carousel's key are that carousel's (components/thumbnails.py ``frozen``): the
drawing took the live carousel, which the next Alt+Right reorders in place before the drawing task's first step or
while a thread draws it, and kept another order's pages (or a mix) under the first order's key for good (CI: a
slide shown twice, another missing, a keyboard move that never showed)."""
from __future__ import annotations

import asyncio
import copy
import threading
import xml.etree.ElementTree as ET

import pytest
from nicegui import core

from components import thumbnails
from render_helpers import carousel_of
from ui_helpers import until


def words(svg: str) -> str:
    return " ".join("".join(ET.fromstring(svg).itertext()).split())


@pytest.fixture
async def cache(monkeypatch) -> thumbnails.Thumbnails:
    """A cache of its own, and NiceGUI's loop (``background_tasks``) this test's."""
    monkeypatch.setattr(core, "loop", asyncio.get_running_loop())
    monkeypatch.setattr(thumbnails, "THUMBNAILS", thumbnails.Thumbnails())
    return thumbnails.THUMBNAILS


def five():
    return carousel_of([f"{i}/5 Point number {i}: a habit worth keeping." for i in range(1, 6)])


def kept(cache: thumbnails.Thumbnails, carousel_key: str, pages: int) -> list[str]:
    return [words(cache.get(thumbnails.page_name(carousel_key, page)) or "<none/>") for page in range(pages)]


async def test_a_strip_drawn_ahead_is_the_order_asked_for_when_the_next_press_comes_before_its_task(cache):
    """The next press's handler is a task already queued: it moves a slide before the drawing task's first step."""
    carousel = five()
    expected = [words(svg) for svg in thumbnails.draw_pages(copy.deepcopy(carousel))]
    carousel_key = thumbnails.key(carousel)
    thumbnails.draw_ahead(carousel)
    carousel.slides.insert(3, carousel.slides.pop(1))  # the next Alt+Right, before the drawing task starts
    await until(lambda: not cache._pending and cache.get(thumbnails.page_name(carousel_key, 0)), timeout=60)
    print("expected", [w[:12] for w in expected])
    print("kept    ", [w[:12] for w in kept(cache, carousel_key, len(expected))])
    assert kept(cache, carousel_key, len(expected)) == expected
    assert len(set(expected)) == len(expected)  # (each page its own words)


async def test_a_strip_drawn_ahead_is_the_order_asked_for_when_the_next_press_comes_while_it_is_drawn(cache, monkeypatch):
    carousel = five()
    expected = [words(svg) for svg in thumbnails.draw_pages(copy.deepcopy(carousel))]
    started, go = threading.Event(), threading.Event()
    draw = thumbnails.draw_pages

    def held(drawn_from):  # the thread starts, and waits while the loop moves a slide
        started.set()
        go.wait(60)
        return draw(drawn_from)

    monkeypatch.setattr(thumbnails, "draw_pages", held)
    carousel_key = thumbnails.key(carousel)
    thumbnails.draw_ahead(carousel)
    await until(started.is_set, timeout=60)
    carousel.slides.insert(3, carousel.slides.pop(1))  # the next Alt+Right, meanwhile
    go.set()
    await until(lambda: not cache._pending and cache.get(thumbnails.page_name(carousel_key, 0)), timeout=60)
    assert kept(cache, carousel_key, len(expected)) == expected
    assert len(set(expected)) == len(expected)  # (each page its own words)
