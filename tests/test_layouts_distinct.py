"""Each layout has its own composition: on the same text-only slide, six PNGs that differ pairwise."""
from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest
from defusedxml import ElementTree as ET

from studio import render
from studio.layouts import LAYOUTS

from core_matrix import core_of
from render_helpers import cairosvg_pixels, carousel_of

NS = "{http://www.w3.org/2000/svg}"
SLIDE = ("2) Cache Warming This is the step most teams skip. A cold cache after every deploy means your first "
         "thousand users pay for it.")


def _png(layout: str, fmt: str, text: str = SLIDE) -> np.ndarray:
    svg = render.render_slide(carousel_of(["Hook. More.", text], layout=layout, format=fmt), 1, scale=1)
    return np.asarray(cairosvg_pixels(svg), dtype=np.int16)


# core: the default format; the story's own placement is checked in core by test_render_svg (short content, story)
@pytest.mark.parametrize("fmt", core_of(["linkedin-portrait", "instagram-story"], ["linkedin-portrait"]))
def test_six_layouts_differ_pairwise_in_more_than_a_tenth_of_their_pixels(fmt):
    assert len(LAYOUTS) == 6
    images = {key: _png(key, fmt) for key in LAYOUTS}
    for a, b in combinations(images, 2):
        differ = (np.abs(images[a] - images[b]).max(axis=2) > 8).mean()
        assert differ > 0.10, (a, b, round(float(differ), 3))


def _classes(layout: str, text: str) -> set[str]:
    svg = render.render_slide(carousel_of(["Hook. More.", text], layout=layout), 1, scale=1)
    return {e.get("class") for e in ET.fromstring(svg).iter() if e.get("class")}


def test_each_layout_draws_its_own_composition_without_a_photo():
    assert "statement-panel" in _classes("big-statement", SLIDE)
    assert "split-block" in _classes("split", SLIDE)
    assert "photo-placeholder" in _classes("image-focus", SLIDE)
    assert "list-row" in _classes("list", "What we cache: - sessions - feature flags - prices")
    assert "list-row" in _classes("list", SLIDE)  # sentences become the points


def test_image_focus_without_a_photo_is_flagged_for_the_studio():
    c = carousel_of(["Hook. More.", SLIDE], layout="image-focus")
    assert "photo" in render.layout_note(c, 1).lower()
    assert render.layout_note(carousel_of(["Hook. More.", SLIDE]), 1) == ""
