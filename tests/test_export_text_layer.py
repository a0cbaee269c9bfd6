"""The PDF's text layer (what a reader searches, copies and hears) holds the slide's words in reading order."""
from __future__ import annotations

import io
import re

import pypdfium2
import pytest

from studio.carousel import Carousel, Slide
from studio.export.pdf import export_pdf


def pdf_words(carousel) -> list[str]:
    out = io.BytesIO()
    export_pdf(carousel, out)
    text = " ".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(out.getvalue()))
    return re.findall(r"\w+", text)


@pytest.mark.parametrize("title, body", [
    ("How I grew in 𝘴𝘪𝘹 months", "plain body words"),
    ("A cover", "upright then 𝘪𝘵𝘢𝘭𝘪𝘤 words then upright again, and 𝘢 𝘴𝘦𝘤𝘰𝘯𝘥 one at the end"),
])
def test_slanted_words_come_in_the_text_layer_where_the_slide_shows_them(title, body):
    """Italic letters are drawn slanted, in a <text> of their own: it used to follow the line's upright words,
    so a PDF read "in months six" for "in six months"."""
    words = pdf_words(Carousel(slides=[Slide(title=title, body=body)]))
    expected = re.findall(r"\w+", __import__("unicodedata").normalize("NFKC", f"{title} {body}"))
    assert words[:len(expected)] == expected


@pytest.mark.parametrize("words", [["नमस्ते", "दुनिया", "किताब"], ["मैं", "हिंदी", "में", "लिखता", "हूँ"],
                                   ["স্ক্রিপ্ট", "বাংলা"], ["ภาษาไทย", "สวัสดีครับ"], ["தமிழ்", "மொழி", "நல்லது"]])
def test_a_shaped_script_comes_out_of_the_pdf_in_the_order_typed(words):
    """A shaped word is drawn as outlines over its words as invisible text. Drawn letter by letter, a reader
    took the virama the plain face places before its letter for a line of its own ("नमस" / "्" / "ते")."""
    out = io.BytesIO()
    export_pdf(Carousel(slides=[Slide(title="T", body=" ".join(words))]), out)
    text = pypdfium2.PdfDocument(out.getvalue())[0].get_textpage().get_text_range()
    assert " ".join(words) in text, text  # each word whole, a space between (pdfium lost some: "नमस्तेदुनिया")


EMOJI = ["🚀", "👍🏽", "👨\u200d👩\u200d👧\u200d👦", "🇫🇷", "❤️", "1️⃣", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"]


def test_every_emoji_is_in_the_pdfs_text_in_its_place():
    """Emoji are drawn as pictures, and were missing from the PDF's text: "Launch day ok" for "Launch 🚀 day 👍🏽
    ok". A reader now gets each emoji (ZWJ families, skin tones, flags, keycaps) where the slide shows it."""
    body = "Launch " + " and ".join(EMOJI) + " end 🚀 again"
    out = io.BytesIO()
    export_pdf(Carousel(slides=[Slide(title="T", body=body)]), out)
    text = pypdfium2.PdfDocument(out.getvalue())[0].get_textpage().get_text_range()
    assert " ".join(text.split()) == "T " + body + " 1/1"


def test_the_emoji_text_draws_no_pixel():
    """Neither the studio's drawing of a page nor CairoSVG's draws anything for it."""
    import re as regex_module

    from PIL import ImageChops

    from render_helpers import cairosvg_pixels
    from studio.export.drawing import render_pixels
    from studio.render import render_slide
    svg = render_slide(Carousel(slides=[Slide(title="T", body="Launch 🚀 day 👍🏽 ok")]), 0)
    plain = regex_module.sub(r'<tspan[^>]*class="emoji-text"[^>]*>[^<]*</tspan>', "", svg)
    assert plain != svg
    assert ImageChops.difference(cairosvg_pixels(svg), cairosvg_pixels(plain)).getbbox() is None
    assert ImageChops.difference(render_pixels(svg, 540, 675), render_pixels(plain, 540, 675)).getbbox() is None


def test_a_screen_reader_hears_each_emoji_once_from_its_picture():
    """The emoji's picture carries its label; the same characters kept for a PDF's text are hidden from it."""
    from defusedxml import ElementTree as ET

    from studio.render import render_slide
    svg = ET.fromstring(render_slide(Carousel(slides=[Slide(title="T", body="Launch 🚀 day 👍🏽 ok")]), 0))
    ns = "{http://www.w3.org/2000/svg}"
    labels = [i.get("aria-label") for i in svg.iter(ns + "image") if i.get("role") == "img"]
    hidden = [t.text for t in svg.iter(ns + "tspan") if t.get("class") == "emoji-text"]
    assert labels == ["🚀", "👍🏽"] and hidden == labels
    assert all(t.get("aria-hidden") == "true" for t in svg.iter(ns + "tspan") if t.get("class") == "emoji-text")


def test_a_letter_without_a_face_is_read_where_the_slide_shows_its_mark():
    """A letter no bundled face has (Tibetan, Syriac) is drawn as a boxed "?": its mark came after the whole line
    in the PDF's text, "Tibetan and then ? ? ?" for "Tibetan ? ? ? and then" (session 16)."""
    out = io.BytesIO()
    export_pdf(Carousel(slides=[Slide(title="T", body="Tibetan བོད and then ܠܫܢܐ end")]), out)
    text = " ".join(pypdfium2.PdfDocument(out.getvalue())[0].get_textpage().get_text_range().split())
    assert re.sub(r"\?( ?\?)*", "?", text) == "T Tibetan ? and then ? end 1/1"  # a mark per letter, spaced or not
