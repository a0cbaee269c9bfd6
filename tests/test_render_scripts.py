"""Japanese, Chinese, Korean and Thai text gets a real face; what no face covers is reported."""
from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import cairosvg
import pytest
from PIL import Image as PILImage

from studio import fonts, render, text
from studio.carousel import Carousel
from studio.slide import Slide

SAMPLES = {"Japanese": "ひらがなカタカナ日本語", "Chinese": "简体中文繁體字", "Korean": "한국어 문장",
           "Thai": "ภาษาไทย"}


@pytest.mark.parametrize("script", sorted(SAMPLES))
def test_every_character_of_the_script_has_a_face(script):
    for ch in SAMPLES[script].replace(" ", ""):
        face = text.font_for(ch, "Inter")
        assert text.has_glyph(face, ch), (script, ch, face)


def _png(ch: str, family: str) -> bytes:
    fonts.ensure_family(family)
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60">'
           f'<rect width="60" height="60" fill="#fff"/><text x="5" y="45" font-size="40" '
           f'font-family="{fonts.css_family(family)}">{ch}</text></svg>')
    return cairosvg.svg2png(bytestring=svg.encode())


def test_cairo_draws_different_shapes_for_different_cjk_and_thai_characters():
    # missing glyphs are all the same empty box, so two characters drawn alike mean tofu
    for a, b in (("日", "本"), ("한", "국"), ("ก", "ษ")):
        face = text.font_for(a, "Inter")
        pa, pb = (PILImage.open(io.BytesIO(_png(c, face))).convert("L") for c in (a, b))
        assert pa.tobytes() != pb.tobytes(), (a, b, face)
        assert pa.getextrema()[0] < 100  # there is ink


def test_missing_glyphs_lists_sorted_unique_characters_no_face_covers():
    carousel = Carousel(slides=[
        Slide(kind="cover", title="日本語 and ไทย"),
        Slide(body="Hieroglyphs 𓀀𓀁 and 𓀀 again, emoji 🎉 fine, Arabic مرحبا fine"),
    ])
    assert render.missing_glyphs(carousel) == ["𓀀", "𓀁"]


def test_missing_glyphs_is_empty_for_the_covered_scripts():
    carousel = Carousel(slides=[Slide(title=s, body=s) for s in SAMPLES.values()])
    assert render.missing_glyphs(carousel) == []


def test_missing_glyphs_reads_brand_and_outro_text():
    carousel = Carousel(slides=[Slide(title="ok")])
    carousel.brand.name = "Name 𓀂"
    carousel.cta.button = "Go 𓀃"
    assert render.missing_glyphs(carousel) == ["𓀂", "𓀃"]


def test_a_symbol_no_font_has_is_drawn_as_its_picture_not_boxed():
    # "☑" and "✔" alone are common in threads and X shows them as pictures; "✔︎" asks for text, which a
    # symbol face draws (tests/test_unseen_symbols.py)
    carousel = Carousel(slides=[Slide(title="Done ✔\ufe0e", body="☑ shipped ✔ tested")])
    assert render.missing_glyphs(carousel) == []
    svg = render.render_slide(carousel, 0)
    assert svg.count("<image") == 2 and ">" + text.MISSING_MARK + "<" not in svg


def test_a_combining_mark_the_text_face_lacks_is_drawn_from_a_face_that_has_it():
    # "a̋" (a + double acute): Inter has no U+030B and drew its "no glyph" box over the a
    carousel = Carousel(slides=[Slide(title="Title", body="Zoltán a\u030b ends")])
    assert render.missing_glyphs(carousel) == []
    root = ET.fromstring(render.render_slide(carousel, 0))
    faces = {el.text: el.get("font-family") for el in root.iter() if el.text and "a\u030b" in el.text}
    assert faces and all("Inter" not in face for face in faces.values())
    assert text.font_for("a\u030b", "Inter") == text.font_for("a\u030b\ufe0f", "Inter") != "Inter"
    assert text.font_for("e\ufe0f", "Inter") == "Inter"  # a variation selector is not a mark to draw
    # a mark no bundled face has is named by the export check, not drawn silently as a box
    assert render.missing_glyphs(Carousel(slides=[Slide(title="Title", body="x\u20d0 arrow")])) == ["\u20d0"]
