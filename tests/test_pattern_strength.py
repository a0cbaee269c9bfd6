"""Pattern strength: a carousel setting the renderer applies; tiles make each pattern recognisable."""
from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest

from studio import render
from studio.carousel import Carousel
from studio.project_file import carousel_from_json, carousel_to_json
from studio.pattern import PATTERNS, SWATCH_STRENGTH
from studio.schema import SchemaError
from studio.slide import Slide

from render_helpers import cairosvg_pixels


def _pixels(carousel: Carousel) -> np.ndarray:
    return np.asarray(cairosvg_pixels(render.render_slide(carousel, 0, scale=1)).convert("L"), dtype=np.int16)


def _blank(**settings) -> Carousel:
    return Carousel(slides=[Slide(kind="content")], theme="clean", **settings)


def test_strength_scales_the_pattern_and_zero_hides_it():
    flat = _pixels(_blank(pattern="none"))
    contrast = [np.abs(_pixels(_blank(pattern="grid", pattern_strength=s)) - flat).sum() for s in (0.0, 1.0, 3.0)]
    assert contrast[0] == 0 < contrast[1] < contrast[2]


def test_strength_is_saved_and_checked():
    c = _blank(pattern="dots", pattern_strength=2.5)
    assert carousel_from_json(carousel_to_json(c)).pattern_strength == 2.5
    with pytest.raises(SchemaError, match="pattern_strength"):
        carousel_from_json(carousel_to_json(_blank(pattern_strength=9.0)))


def test_each_pattern_tile_is_recognisable():
    tiles = {key: _pixels(_blank(pattern=key, pattern_strength=SWATCH_STRENGTH))[100:300, 100:300]
             for key in PATTERNS if key != "none"}
    for a, b in combinations(tiles, 2):
        assert (np.abs(tiles[a] - tiles[b]) > 6).mean() > 0.03, (a, b)
