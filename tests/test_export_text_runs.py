"""Raster pages draw a plain run of text in one call (``drawing._text``): the pixels CairoSVG's own
letter-by-letter drawing gives, for every script, weight and layout; anything else still goes to CairoSVG."""
from __future__ import annotations

import cairosvg.surface as cairosvg_surface
import pytest
from cairosvg.text import text as cairosvg_text
from PIL import ImageChops

from studio.export import drawing, pages
from studio.post import Post, Thread
from studio.structure import carousel_from_thread

from core_matrix import core_of

POSTS = [
    "A hook with **bold words** and an emoji 🚀 on the cover",
    "1) Latin, digits 0123456789 and punctuation: “quotes”, dashes — and ellipses…\nA second line of body text.",
    "2) مرحبا بالعالم — Arabic, right to left, beside English words",
    "3) 日本語のテキストと English mixed on one slide",
    "4) Combining marks: e\u0301 a\u0308 n\u0303, and Thai ภาษาไทย",
    "5) " + " ".join(["A long slide that continues on a second page."] * 40),
    "Thanks for reading! Follow for more.",
]


def _with_cairosvg_text(monkeypatch) -> None:
    for tag in drawing._TEXT_TAGS:
        monkeypatch.setitem(cairosvg_surface.TAGS, tag, cairosvg_text)
    monkeypatch.setattr(cairosvg_surface, "text", cairosvg_text)


def _differing(a, b, threshold: int = 0) -> int:
    """Pixels where some channel differs by more than ``threshold``."""
    difference = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > threshold else 0)
    return difference.histogram()[255]


@pytest.fixture(scope="module")
def carousel():
    pages.prepare()
    return carousel_from_thread(Thread("runs", [Post(str(i), text) for i, text in enumerate(POSTS, 1)]))


# core: the serif theme with kerned pairs; the dark and the monospaced ones are the same drawing path
@pytest.mark.parametrize("theme", core_of(["editorial", "midnight", "terminal"], ["editorial"]))
def test_every_page_has_the_pixels_cairosvg_draws_letter_by_letter(carousel, theme, monkeypatch):
    carousel.theme = theme
    width, height = pages.page_size(carousel, 2)
    svgs = [pages.page_svg(carousel, i, 2) for i in range(pages.page_total(carousel))]
    ours = [drawing.render_pixels(svg, width, height) for svg in svgs]
    _with_cairosvg_text(monkeypatch)
    theirs = [drawing.render_pixels(svg, width, height) for svg in svgs]
    assert len(svgs) >= len(POSTS) + 1  # the long slide took two pages
    for number, (a, b) in enumerate(zip(ours, theirs), 1):
        # one call composites glyphs that touch a little differently than one call per glyph: a few edge pixels
        assert _differing(a, b, threshold=64) == 0, number
        assert _differing(a, b) <= width * height // 10_000, number


@pytest.mark.parametrize("attributes", ['text-anchor="middle"', 'stroke="#ff0000"', 'dx="3"', 'letter-spacing="2"',
                                        'fill="url(#g)"', 'rotate="10"'])
def test_runs_with_anything_more_are_drawn_as_cairosvg_draws_them(attributes, monkeypatch):
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 200 100">'
           '<defs><linearGradient id="g"><stop offset="0" stop-color="#00f"/><stop offset="1" stop-color="#f00"/>'
           '</linearGradient></defs>'
           f'<text font-family="CS Inter" font-size="20" {attributes}>'
           '<tspan x="100" y="50">Middle</tspan></text></svg>')
    ours = drawing.render_pixels(svg, 400, 200)
    _with_cairosvg_text(monkeypatch)
    assert _differing(ours, drawing.render_pixels(svg, 400, 200)) == 0
    assert ours.getextrema() != ((255, 255),) * 3  # the text was drawn


def test_text_in_a_clip_path_still_clips(monkeypatch):
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 200 100">'
           '<defs><clipPath id="c"><text font-family="CS Inter" font-size="60" x="10" y="70">Clip</text></clipPath>'
           '</defs><rect width="200" height="100" fill="#0a0" clip-path="url(#c)"/></svg>')
    ours = drawing.render_pixels(svg, 400, 200)
    _with_cairosvg_text(monkeypatch)
    assert _differing(ours, drawing.render_pixels(svg, 400, 200)) == 0
    assert ours.getpixel((390, 10)) == (255, 255, 255)  # outside the letters: not painted


def test_the_text_style_cairosvg_ignores_is_left_out_of_what_it_parses():
    tree = drawing.parse_svg('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                             f'<text{drawing._TEXT_STYLE_BYTES.decode()} font-size="9">a</text></svg>')
    assert "style" not in tree.children[0] and "font-kerning" not in tree.children[0]
