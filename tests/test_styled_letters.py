"""Styled Unicode letters and **emphasis**: real letters at the matching weight/style, accent colour,
plain letters for screen readers, and a visible, named fallback for characters no font has."""
from __future__ import annotations


import pytest
from defusedxml import ElementTree as ET
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage
from PIL import ImageChops

from studio import render, text
from studio.export.alt_text import slide_alt_text
from studio.export.platforms import check_platform
from studio.caption import draft_captions

from render_helpers import cairosvg_pixels, carousel_of
from property_examples import examples

NS = "{http://www.w3.org/2000/svg}"

# Each family of Mathematical Alphanumeric letters writing "bold" (script & co. become plain letters).
FAMILIES = {
    "serif bold": ("𝐛𝐨𝐥𝐝", "be"),
    "serif italic": ("𝑏𝑜𝑙𝑑", "ei"),
    "serif bold italic": ("𝒃𝒐𝒍𝒅", "bei"),
    "sans": ("𝖻𝗈𝗅𝖽", ""),
    "sans bold": ("𝗯𝗼𝗹𝗱", "be"),
    "sans italic": ("𝘣𝘰𝘭𝘥", "ei"),
    "sans bold italic": ("𝙗𝙤𝙡𝙙", "bei"),
    "monospace": ("𝚋𝚘𝚕𝚍", "m"),
    "script": ("𝒷ℴ𝓁𝒹", ""),
    "bold script": ("𝓫𝓸𝓵𝓭", ""),
    "fraktur": ("𝔟𝔬𝔩𝔡", ""),
    "double-struck": ("𝕓𝕠𝕝𝕕", ""),
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_of_styled_letters_becomes_plain_letters_with_its_style(family):
    styled, style = FAMILIES[family]
    para, = text.prepare(f"Make it {styled} today")
    assert para.text == "Make it bold today"
    word = para.clusters[8:12]
    assert {c.style for c in word} == {style}
    assert text.plain_letters(styled) == "bold"
    assert not text.uncovered(styled)


def test_italic_h_from_letterlike_symbols_joins_its_word():
    assert text.plain_letters("𝑤ℎ𝑦") == "why"
    assert text.plain_letters("ℝ is the set of reals") == "ℝ is the set of reals"  # alone, a maths sign stays


def test_double_asterisks_mark_emphasis_and_disappear():
    para, = text.prepare("Ship **small** changes, not **big ones**")
    assert para.text == "Ship small changes, not big ones"
    emphasised = "".join(c.text for c in para.clusters if "e" in c.style)
    assert emphasised == "smallbig ones"
    assert text.prepare("2 ** 8 is 256")[0].text == "2 ** 8 is 256"  # not emphasis: spaces inside the markers


def _slide_svg(body: str, **settings) -> str:
    c = carousel_of(["Hook. More.", body], **settings)
    return render.render_slide(c, 1, scale=1)


def _tspans(svg: str) -> list:
    return list(ET.fromstring(svg).iter(NS + "tspan"))


@pytest.mark.parametrize("theme", ["paper", "midnight"])
def test_styled_and_asterisk_emphasis_are_drawn_bold_in_the_accent_colour(theme):
    from studio.theme import get_theme, palette
    accent = palette(get_theme(theme)).accent
    for body in ("Ship 𝗯𝗼𝗹𝗱 changes every week", "Ship **bold** changes every week"):
        svg = _slide_svg(body, theme=theme)
        assert "**" not in svg and "𝗯" not in svg
        bold, = [t for t in _tspans(svg) if t.text == "bold"]
        assert bold.get("font-weight") == "700" and bold.get("fill") == accent


def test_italic_letters_are_drawn_italic():
    svg = _slide_svg("It is 𝘢𝘭𝘸𝘢𝘺𝘴 the cache")
    slanted, = [t for t in ET.fromstring(svg).iter(NS + "text") if "".join(t.itertext()) == "always"]
    assert slanted.get("transform", "").startswith("matrix(1 0 -0.2 1 ")


def test_styled_letters_keep_their_style_in_a_line_with_arabic_words():
    """An Arabic word's joined forms change its length; the other words' styles stay theirs."""
    svg = _slide_svg("Say مرحبا بالعالم, then 𝘢𝘭𝘸𝘢𝘺𝘴 and 𝗯𝗼𝗹𝗱 words")
    slanted = [t for t in ET.fromstring(svg).iter(NS + "text") if "".join(t.itertext()) == "always"]
    assert len(slanted) == 1 and slanted[0].get("transform", "").startswith("matrix(1 0 -0.2 1 ")
    assert [t.get("font-weight") for t in _tspans(svg) if t.text == "bold"] == ["700"]


@given(st.text(alphabet="مرحبا بالعالم xy𝘢𝗯\u0651", max_size=30))
@settings(max_examples=examples(60))
def test_every_character_keeps_a_style_after_arabic_is_joined(line):
    """Each prepared cluster of a plain letter has the style its letter was typed in."""
    for para in text.prepare(line, links=False):
        for cluster in para.clusters:
            if cluster.text in ("x", "y"):
                assert cluster.style == ""
            elif cluster.text in ("a", "b"):
                assert cluster.style, cluster


def _png(svg: str) -> PILImage.Image:
    return cairosvg_pixels(svg)


def test_styled_letters_draw_exactly_like_marked_emphasis_not_boxes():
    styled = _png(_slide_svg("Ship 𝗯𝗼𝗹𝗱 changes every week"))
    marked = _png(_slide_svg("Ship **bold** changes every week"))
    plain = _png(_slide_svg("Ship bold changes every week"))
    assert ImageChops.difference(styled, marked).getbbox() is None
    assert ImageChops.difference(styled, plain).getbbox() is not None  # emphasis shows


def test_alt_text_and_captions_get_plain_letters():
    c = carousel_of(["𝗛𝗼𝘄 I ship **fast**. More.", "1) 𝘚𝘮𝘢𝘭𝘭 Steps\nShip **daily**."])
    alt = slide_alt_text(c, 1)
    assert "Small Steps" in alt and "daily" in alt and "**" not in alt
    captions = draft_captions(c)
    for caption in (captions.linkedin, captions.instagram):
        assert "**" not in caption and not any(0x1D400 <= ord(ch) <= 0x1D7FF for ch in caption)


def test_a_character_no_font_has_is_a_visible_boxed_mark_that_the_check_names():
    c = carousel_of(["Hook. More.", "Egypt wrote 𓀀 long ago"])
    svg = render.render_slide(c, 1, scale=1)
    assert "𓀀" not in svg
    assert any(e.get("class") == "missing-glyph" for e in ET.fromstring(svg).iter())
    warnings = check_platform(c, "linkedin", pages=3)
    assert any("𓀀" in w and "boxed" in w for w in warnings)


STYLED = st.text(st.characters(min_codepoint=0x1D400, max_codepoint=0x1D7FF) | st.sampled_from(" *abc"),
                 max_size=20)


@settings(max_examples=examples(80), deadline=None)
@given(STYLED)
def test_plain_letters_never_leave_a_styled_letter_and_keep_the_words_count(value):
    plain = text.plain_letters(value)
    assert not any(text.styled_letter(ch) for ch in plain)
    if "**" not in value:
        assert len(plain.split()) == len(value.split())
