"""The tests' fast raster helper gives the very pixels of CairoSVG's PNG route, transparency included."""
from __future__ import annotations

import io

import cairosvg
import numpy as np
import pytest
from PIL import Image

from render_helpers import cairosvg_pixels, sample_carousel
from studio import render

# a transparent page with half-transparent shapes, an antialiased edge and text: every alpha from 0 to 255
SEE_THROUGH = """<svg xmlns="http://www.w3.org/2000/svg" width="120" height="90">
<circle cx="40" cy="40" r="33.3" fill="#c83264" fill-opacity="0.37"/>
<rect x="50.5" y="10.25" width="60" height="50" fill="#1e78c8" opacity="0.8" transform="rotate(7)"/>
<text x="8" y="82" font-size="15" fill="#202020">Ag 40%</text></svg>"""


def through_png(svg: str, **kwargs) -> np.ndarray:
    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), **kwargs)
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


@pytest.mark.parametrize("kwargs", [{}, {"scale": 0.5}, {"output_width": 97}])
def test_see_through_pixels_are_those_of_the_png(kwargs):
    expected = through_png(SEE_THROUGH, **kwargs)
    got = np.asarray(cairosvg_pixels(SEE_THROUGH, **kwargs))
    assert got.shape == expected.shape
    assert np.array_equal(got, expected)
    alphas = np.asarray(Image.open(io.BytesIO(cairosvg.svg2png(bytestring=SEE_THROUGH.encode(), **kwargs))))[..., 3]
    assert alphas.min() == 0 and len(np.unique(alphas)) > 20  # clear, opaque and many shares between


def test_a_slide_is_drawn_as_the_png_draws_it():
    svg = render.render_slide(sample_carousel(theme="midnight"), 1)
    assert np.array_equal(np.asarray(cairosvg_pixels(svg, output_width=540)), through_png(svg, output_width=540))
