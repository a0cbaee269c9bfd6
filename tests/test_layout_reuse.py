"""Typing lays out only what the keystroke changed: what it reuses (a title fitted once, pieces measured once per
paragraph, glyph positions) draws the very same pages as a cold layout, and is forgotten with the laid-out pages."""
from __future__ import annotations

import dataclasses
import uuid

import pytest

from studio import render, text
from studio.app.sample import sample_carousel
from studio.layouts import LAYOUTS, templates

from core_matrix import core_of

TYPED = "More words arrive one key at a time, then a list:\n- first point\n- second point with #tag and @name"


def _typed_states(carousel, index: int):
    """The slide's body after each keystroke of TYPED (and a title typed afterwards)."""
    slide = carousel.slides[index]
    base = slide.body
    for end in range(0, len(TYPED) + 1, 3):
        slide.body = f"{base} {TYPED[:end]}"
        yield
    for end in range(1, 12, 2):
        slide.title = "A new title, typed"[:end]
        yield


# core: a title and body, bullets, and a post card; CI runs every layout
@pytest.mark.parametrize("layout", core_of(sorted(LAYOUTS), ["headline-body", "list", "post-card"]))
def test_pages_drawn_while_typing_are_the_pages_of_a_cold_layout(layout):
    carousel = dataclasses.replace(sample_carousel(), layout=layout)
    index = 2
    render.pages_per_slide(carousel)  # every cache warm, as in a running studio
    for _ in _typed_states(carousel, index):
        laid = render.lay_out_slide(carousel, index, scale=1)
        warm = [render.draw_slide_page(laid, page, page + 1, 20) for page in range(laid.pages)]
        render.clear_cache()  # the laid-out pages and every word cache it names
        text.prepare.cache_clear()
        cold = [render.render_slide_page(carousel, index, page, page + 1, 20, scale=1) for page in range(laid.pages)]
        assert render.slide_page_count(carousel, index, scale=1) == laid.pages
        assert warm == cold


def test_typing_in_the_body_fits_the_title_once():
    carousel = dataclasses.replace(sample_carousel(), layout="headline-body")
    index = 2
    carousel.slides[index].title = "1) A headline that stays while the text below it grows"
    render.lay_out_slide(carousel, index, scale=1)
    before = templates._fitted_title.cache_info().misses, templates._heading.cache_info().misses
    for n in range(8):
        carousel.slides[index].body += f" word{n}"
        render.lay_out_slide(carousel, index, scale=1)
    assert (templates._fitted_title.cache_info().misses, templates._heading.cache_info().misses) == before


def test_the_word_caches_are_bounded_and_emptied_with_the_laid_out_pages():
    render.clear_cache()
    carousel = dataclasses.replace(sample_carousel(), layout="headline-body")
    fresh = uuid.uuid4().hex  # words no other test laid out (other caches, not emptied here, do not answer)
    carousel.slides[2].title, carousel.slides[2].body = f"Title {fresh}", f"Words {fresh} and more words"
    render.render_slides(carousel, scale=1)
    assert all(cached.cache_info().currsize > 0 for cached in render.WORD_CACHES)
    assert all(cached.cache_info().maxsize is not None for cached in render.WORD_CACHES)
    render.clear_cache()
    assert all(cached.cache_info().currsize == 0 for cached in render.WORD_CACHES)
