"""The laid-out pages kept (``studio.render``'s page cache) stay within their bound in bytes, not in characters.

A page's markup holding one emoji takes 4 bytes a character (one curly quote: 2), so a bound counted in characters let
the cache hold up to 4 times its size: one tab typing for long grew the server by each version's pages (issue 13)."""
from __future__ import annotations

import dataclasses
import sys

import pytest

from studio import render
from studio.app.sample import sample_carousel

BOUND = 120_000  # bytes: a few dozen slides' pages


@pytest.fixture
def small_cache(monkeypatch):
    render.clear_cache()
    monkeypatch.setattr(render, "_PAGE_CACHE_BYTES", BOUND)
    yield
    render.clear_cache()


def _held() -> int:
    return sum(sys.getsizeof(part.markup) for _, _, parts in list(render._PAGE_CACHE.values()) for part in parts)


@pytest.mark.parametrize("words", ["Launch day \U0001F680 version {n}", "\u201cQuoted\u201d version {n}",
                                   "Plain words, version {n}"])
def test_the_pages_kept_while_typing_stay_within_the_bound_in_bytes(small_cache, words):
    carousel = sample_carousel()
    seen = 0
    for n in range(40):  # every pause in typing lays the edited slide out again
        slides = list(carousel.slides)
        slides[1] = dataclasses.replace(slides[1], title=words.format(n=n))
        carousel = dataclasses.replace(carousel, slides=slides)
        render.render_slides(carousel)
        seen = max(seen, _held())
    assert render._PAGE_CACHE  # something is kept
    assert seen <= BOUND
    assert render._cache_bytes == _held()  # what the cache counts is what it holds
