"""The PDF's text layer on right-to-left lines, read back as Chrome's viewer reads it (pdfium): every word of
the slide, emoji included, once and in the order typed."""
from __future__ import annotations

import io

import pypdfium2
import pytest
from hypothesis import given, strategies as st

from studio.carousel import Carousel, Slide
from studio.export.pdf import export_pdf

BIDI_MARKS = str.maketrans("", "", "\u200e\u200f")  # invisible marks, no word


def pdf_text(body: str, title: str = "T") -> str:
    """The PDF's text, page after page, whitespace normalised and bidi marks taken out."""
    out = io.BytesIO()
    export_pdf(Carousel(slides=[Slide(title=title, body=body)]), out)
    pages = pypdfium2.PdfDocument(out.getvalue())
    return " ".join(" ".join(page.get_textpage().get_text_range().translate(BIDI_MARKS).split()) for page in pages)


@pytest.mark.parametrize("body", [
    "🙏 شكرا على الفكرة",
    "على الفكرة 🙏 شكرا",
    "תודה על הרעיון 🙏",
    "فريقنا 👩\u200d💻 يعمل بجد",
    "من السعودية 🇸🇦 إلى العالم",
    "ممنون از شما ❤️ دوستان",
    "مبروك 👍🏽 للجميع",
])
def test_an_emoji_on_a_right_to_left_line_is_read_whole_in_its_place(body):
    """An emoji on a right-to-left line was drawn but missing from copy, search and screen-reader text: the
    reader reversed its UTF-16 halves with the line's letters, and a ZWJ sequence or ❤️ came out backwards."""
    assert pdf_text(body) == f"T {body} 1/1"


def test_the_attack_line_keeps_its_emoji():
    """The reported line: the emoji once, last as on the slide, and each Arabic word whole."""
    text = pdf_text("شكرًا @ahmed_dev على الفكرة 🙏").split()
    assert text.count("🙏") == 1 and text[-2] == "🙏", text
    assert all(text.count(word) == 1 for word in ("شكرًا", "الفكرة")), text  # ("على@": see the xfail below)


@pytest.mark.parametrize("body", ["شكرًا لكم", "كتابٌ جديدٌ", "إنْ شاءَ الله", "סֵפֶר טוֹב"])
def test_a_word_with_a_mark_is_read_whole(body):
    """Tanween, sukun, niqqud: drawn letter by letter, each mark came after its base in the PDF, zero-width, and
    a reader took it for a word of its own before the base ("شك ًرا" for "شكرًا")."""
    assert pdf_text(body) == f"T {body} 1/1"


RTL_WORDS = st.sampled_from(["شكرا", "على", "الفكرة", "مرحبا", "العالم", "תודה", "שלום", "ممنون", "دوستان"])
LTR_WORDS = st.sampled_from(["Python", "React", "idea", "2024", "AI"])
EMOJI = st.sampled_from(["🙏", "🚀", "👍🏽", "👩\u200d💻", "🇸🇦", "❤️", "1️⃣", "✅"])


@given(st.lists(st.one_of(RTL_WORDS, RTL_WORDS, LTR_WORDS, EMOJI), min_size=1, max_size=7))
def test_a_mixed_right_to_left_line_keeps_every_word(words):
    """Right-to-left words with Latin words, numbers and emoji: the text read back holds each word of the slide
    as often as the slide shows it. (@names and #tags on such a line: see the xfail below.)"""
    text = pdf_text(" ".join(words), title="Title").split()[1:-1]
    for word in set(words):
        assert text.count(word) == words.count(word), (words, text)


@pytest.mark.xfail(strict=True, reason="pdfium reads a neutral prefix of a Latin word on a right-to-left line "
                   "after the word; the fix belongs with the line's whole text layer (see the s25 rtl report)")
def test_an_at_name_on_a_right_to_left_line_keeps_its_at_sign_in_front():
    assert "@sara" in pdf_text("شكرا شكرا @sara").split()


def test_drawing_marks_in_reading_order_moves_no_glyph(monkeypatch):
    """The marks go into the PDF before their bases, each at its own place: every glyph where CairoSVG's letter by
    letter drawing puts it, to the PDF's precision of glyph advances (a thousandth of the size: 0.07 pt here)."""
    from studio.export import drawing

    def glyphs() -> list:
        out = io.BytesIO()
        export_pdf(Carousel(slides=[Slide(title="T", body="شكرًا لكم مُحَمَّدٌ סֵפֶר 🙏")]), out)
        page = pypdfium2.PdfDocument(out.getvalue())[0].get_textpage()
        return sorted((page.get_text_range(i, 1), page.get_charbox(i))
                      for i in range(page.count_chars()) if not page.get_text_range(i, 1).isspace())

    ours = glyphs()
    monkeypatch.setattr(drawing, "_marked_right_to_left", lambda letters: False)  # CairoSVG's letter by letter
    theirs = glyphs()
    assert [char for char, _ in theirs] == [char for char, _ in ours]
    for (char, box), (_, our_box) in zip(theirs, ours):
        assert max(abs(a - b) for a, b in zip(box, our_box)) < 0.15, (char, box, our_box)
