"""One tab typing for long keeps the gallery tiles of its last words only (issue 13: a long session's server grew
~0.3 MB an edit, most of it every pause's new set of theme and layout tiles, kept until a 48 MB budget was full).

The tiles are counted, drawn through ``Thumbnails.drawn`` as the galleries ask for them (the drawing itself replaced
by a cheap stand-in in a thread of this process: what is kept is the subject, not how a tile looks)."""
from __future__ import annotations

import dataclasses

import pytest

from components import thumbnails
from components.layout_panel import LayoutPanel
from components.offload import in_this_process
from components.theme_panel import ThemePanel
from components.thumbnails import TILE_WORDS_KEPT, Thumbnails
from studio.app.sample import sample_carousel

GALLERIES = (ThemePanel, LayoutPanel)


@pytest.fixture
def cheap_drawing(monkeypatch):
    monkeypatch.setattr(thumbnails, "draw", lambda variant: f"<svg>{variant.slides[0].title}</svg>")
    with in_this_process():
        yield


def _typed(carousel, slide: int, words: str):
    slides = list(carousel.slides)
    slides[slide] = dataclasses.replace(slides[slide], title=words)
    return dataclasses.replace(carousel, slides=slides)


def _tiles(carousel, slide: int) -> list[tuple[str, object]]:
    """(name, variant) of every theme and layout tile showing ``slide`` (what a page's galleries ask for)."""
    variants = [gallery.variant_of(carousel, slide, choice) for gallery in GALLERIES for choice in gallery.choices()]
    return [(thumbnails.key(variant), variant) for variant in variants]


async def _draw_all(cache: Thumbnails, tiles) -> None:
    for name, variant in tiles:
        assert await cache.drawn(name, variant) is not None


def _kept(cache: Thumbnails, tiles) -> int:
    return sum(cache.get(name) is not None for name, _ in tiles)


async def test_typing_for_long_keeps_the_tiles_of_the_last_words_only(cheap_drawing):
    cache = Thumbnails()
    carousel = sample_carousel()
    drawn = []
    for version in range(TILE_WORDS_KEPT + 40):  # every pause in typing: the galleries draw the slide's new words
        carousel = _typed(carousel, 1, f"Typed title, version {version}")
        tiles = _tiles(carousel, 1)
        await _draw_all(cache, tiles)
        drawn.append(tiles)
    per_version = len(drawn[0])
    assert per_version >= 8
    assert sum(_kept(cache, tiles) for tiles in drawn) == TILE_WORDS_KEPT * per_version
    assert _kept(cache, drawn[-1]) == per_version  # the words shown now: every tile
    assert _kept(cache, drawn[-TILE_WORDS_KEPT]) == per_version  # an undo away: kept
    assert _kept(cache, drawn[0]) == 0


async def test_tiles_still_looked_at_stay_while_another_slide_is_typed(cheap_drawing):
    """Bob's page shows the tiles of his own slide; Ada types into hers meanwhile. Bob's page asking for his tiles
    again (its gallery redrawn) keeps them among the last used, whatever Ada types."""
    cache = Thumbnails()
    carousel = sample_carousel()
    bobs = _tiles(carousel, 2)
    await _draw_all(cache, bobs)
    adas = []
    for version in range(3 * TILE_WORDS_KEPT):
        carousel = _typed(carousel, 1, f"Ada typing {version}")
        adas.append(_tiles(carousel, 1))
        await _draw_all(cache, adas[-1])
        if version % 8 == 0:
            assert _kept(cache, bobs) == len(bobs)
    assert _kept(cache, bobs) == len(bobs)
    assert _kept(cache, adas[0]) == 0  # Ada's words of long ago went


async def test_a_theme_tried_keeps_the_tiles_of_the_same_words_together(cheap_drawing):
    """A new theme picked redraws the layout tiles with it: those are the same words' tiles, not a new version's."""
    cache = Thumbnails()
    carousel = sample_carousel()
    themes = list(ThemePanel.choices())
    older = _tiles(_typed(carousel, 1, "Words before"), 1)
    await _draw_all(cache, older)
    first = _tiles(carousel, 1)
    await _draw_all(cache, first)
    for theme in themes:
        await _draw_all(cache, _tiles(dataclasses.replace(carousel, theme=theme), 1))
    for version in range(TILE_WORDS_KEPT - 1):  # every later version but one: the first words stay the oldest kept
        await _draw_all(cache, _tiles(_typed(carousel, 1, f"Later {version}"), 1))
    assert _kept(cache, first) == len(first)
    assert _kept(cache, older) == 0
