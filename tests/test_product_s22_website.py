"""A long brand website (a tracking link) stays inside its band beside a full name and handle, shortened readably."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from render_helpers import carousel_of, parse, runs
from studio import render
from studio.brand import BrandProfile
from studio.layouts.base import cut_to_fit, label_line, label_width
from studio.layouts.chrome import fit_website

SITE = ("https://www.linkedin.com/in/maya-okafor-product-design/?utm_source=share&utm_campaign=share_via"
        "&utm_content=profile&utm_medium=ios_app&originalSubdomain=uk&trk=public_profile_browsemap_profile-result"
        "-card_result-card_full-click&lipi=urn%3Ali%3Apage")


def _slide(placement: str, fmt: str, website: str = SITE, name: str = "Maya Okafor") -> str:
    c = carousel_of(["Cover words here.", "Second post.", "Third."], format=fmt)
    c.brand = BrandProfile(name=name, handle="mayamakes", website=website, placement=placement)
    return render.render_slides(c)[1]


@pytest.mark.parametrize("fmt", ["instagram-square", "instagram-story", "linkedin-portrait"])
@pytest.mark.parametrize("placement", ["header", "footer", "header-footer"])
def test_a_tracking_link_is_shortened_inside_its_band_beside_the_whole_name(placement, fmt):
    svg = _slide(placement, fmt)
    width = float(parse(svg).get("width"))
    rs = runs(svg)
    site = [r for r in rs if r.role == "website"]
    brand = [r for r in rs if r.role == "brand"]
    handle = [r for r in rs if r.role == "handle"]
    assert "".join(r.text for r in brand) == "Maya Okafor"
    assert "".join(r.text for r in handle) == "@mayamakes"
    assert site, "the website is drawn"
    text = "".join(r.text for r in site)
    assert text.startswith("linkedin.com/in/maya-okafor") and text.endswith("…"), text
    ident_right = max(r.x + r.width for r in brand + handle)
    for r in site:
        assert r.x >= ident_right and r.x + r.width <= width, (r, ident_right)
        assert r.size >= 9.0, "never shrunk below a readable size"


def test_a_website_that_fits_is_drawn_whole_with_its_scheme():
    site = "https://mayamakes.com"
    text = "".join(r.text for r in runs(_slide("header", "instagram-square", site)) if r.role == "website")
    assert text == site


@settings(max_examples=40, deadline=None)
@given(word=st.text(st.characters(categories=("L", "N", "P", "S")), min_size=1, max_size=300),
       width=st.floats(1, 400))
def test_a_word_without_spaces_is_cut_at_a_character_and_fits(word, width):
    from studio.layouts.base import TextStyle
    style = TextStyle("Inter", 400, 12.0, 1.3, "#000", "#000")
    cut = cut_to_fit(word, style, 12.0, width)
    if cut:
        assert cut.endswith("…") and word.startswith(cut[:-1])
        assert label_width(cut, "Inter", 400, 12.0) <= width


def test_a_long_name_with_no_space_keeps_its_first_letters():
    from studio.layouts.base import TextStyle
    from studio.render import make_context
    ctx = make_context(carousel_of(["One."]))
    style = TextStyle(ctx.body_font, 700, 12.0, 1.3, "#000", "#000")
    els, w = label_line(ctx, "Supercalifragilistic" * 10, style, 0, 20, 120)
    from studio.svg import document
    text = "".join(r.text for r in runs(document(200, 40, 1, *els)))
    assert text.startswith("Super") and w <= 120


def test_fit_website_prefers_host_and_path_over_a_tiny_size():
    from studio.render import make_context
    ctx = make_context(carousel_of(["One."]))
    text, size = fit_website(ctx, SITE, 200)
    assert size >= 9.0 and text.startswith("linkedin.com/") and text.endswith("…")


@pytest.mark.parametrize("placement", ["header", "footer", "header-footer"])
@pytest.mark.parametrize("who", [{}, {"name": "Maya Okafor", "handle": "mayamakes"}])
def test_a_tracking_link_beside_a_logo_stays_readable_and_inside(placement, who):
    from tests_images import tiny_jpeg
    c = carousel_of(["Cover words here.", "Second post.", "Third."], format="instagram-square")
    c.brand = BrandProfile(website=SITE, placement=placement, logo=tiny_jpeg(300, 100), **who)
    svg = render.render_slides(c)[1]
    safe = render.make_context(c).safe
    site = [r for r in runs(svg) if r.role == "website"]
    assert site and "".join(r.text for r in site).endswith("…")
    for r in site:
        assert safe.x - 0.5 <= r.x and r.x + r.width <= safe.right + 0.5 and r.size >= 9.0, r
