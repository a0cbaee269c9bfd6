"""Symbols asked for as text ("☺︎", U+FE0E) are drawn as text, in the text's colour, by a bundled symbol face;
asked for as emoji ("❤️", U+FE0F) they stay the colour picture; alone ("✔") they stay the picture X shows."""
from __future__ import annotations

import io

import numpy as np
import pytest
from defusedxml import ElementTree as ET
from PIL import Image

from render_helpers import NS
from studio import fonts, render, text
from studio.carousel import Carousel, Slide
from studio.export.images import slide_png

VS15, VS16 = "\ufe0e", "\ufe0f"
AS_TEXT = ["☺", "©", "®", "™", "↔", "✔", "❤", "☀", "♥", "☎", "✈", "☑", "1", "#"]
AS_EMOJI = ["☺", "❤", "☀", "✔", "©", "✈"]


def _body(svg: str) -> tuple[list[tuple[str, str]], int]:
    """((text, face) of every body tspan, emoji images) of a slide's SVG."""
    root = ET.fromstring(svg)
    spans = [(t.text or "", fonts.family_from_css(t.get("font-family") or node.get("font-family")))
             for node in root.iter(NS + "text") if node.get("class") == "body" for t in node.iter(NS + "tspan")
             if t.get("class") != "emoji-text"]  # (an emoji's characters for a PDF's text layer, drawn nowhere)
    return spans, sum(1 for n in root.iter(NS + "image") if "emoji" in (n.get("class") or ""))


@pytest.mark.parametrize("symbol", AS_TEXT)
def test_a_symbol_asked_for_as_text_is_drawn_by_a_text_face(symbol):
    carousel = Carousel(slides=[Slide(title="Title", body=f"ok {symbol}{VS15} done")])
    assert render.missing_glyphs(carousel) == []
    spans, images = _body(render.render_slide(carousel, 0))
    assert images == 0  # before: "☺︎", "✔︎", "☀︎", "☎︎", "✈︎", "☑︎" were colour pictures
    drawn = [(t, face) for t, face in spans if symbol in t]
    assert drawn and all(text.has_glyph(face, symbol) for _, face in drawn), drawn
    assert text.MISSING_MARK not in "".join(t for t, _ in spans)


@pytest.mark.parametrize("symbol", AS_EMOJI)
def test_a_symbol_asked_for_as_emoji_stays_the_colour_picture(symbol):
    carousel = Carousel(slides=[Slide(title="Title", body=f"ok {symbol}{VS16} done")])
    spans, images = _body(render.render_slide(carousel, 0))
    assert images == 1 and symbol not in "".join(t for t, _ in spans)


def test_a_symbol_alone_keeps_the_picture_x_shows():
    spans, images = _body(render.render_slide(Carousel(slides=[Slide(title="T", body="ok ✔ ☺ ❤ ☑ done")]), 0))
    assert images == 4


def test_words_after_a_text_symbol_keep_their_face():
    """Noto Emoji has digits and a space, all emoji-wide: what follows a symbol is not set in it."""
    para = text.prepare(f"Done ✔{VS15} 1 2 3, ok ✈{VS15}!")[0]
    faces = dict.fromkeys(zip((c.text for c in para.clusters), text.assign_fonts(para, "Inter")))
    for (ch, face) in faces:
        if ch not in "✔✈":
            assert face not in fonts.SYMBOL_FACES, (ch, face)


def test_the_text_symbols_are_drawn_in_the_texts_colour_not_in_colour():
    """Pixels: "☺︎ ✔︎ ☀︎ ☎︎" in dark ink on a light page, no saturated pixel; "☺️" beside them has colour."""
    def saturated(body: str) -> int:
        png = Image.open(io.BytesIO(slide_png(Carousel(slides=[Slide(title="T", body=body)]), 0))).convert("HSV")
        hsv = np.asarray(png)
        return int(((hsv[..., 1] > 120) & (hsv[..., 2] > 80)).sum())

    bar = saturated("a b c d")  # the accent bar above the title
    assert saturated(f"☺{VS15} ✔{VS15} ☀{VS15} ☎{VS15}") <= bar + 20
    assert saturated(f"☺{VS16} ✔{VS16} ☀{VS16} ☎{VS16}") > bar + 2000


def test_the_pdf_carries_the_text_symbols_as_text():
    """A reader can search and copy them: each is in the PDF's text, not only in a picture."""
    import pypdfium2

    from studio.export.pdf import export_pdf
    carousel = Carousel(slides=[Slide(title=f"Done ☺{VS15}", body=f"ok ✔{VS15} ☀{VS15} ☎{VS15} ✈{VS15} end")])
    out = io.BytesIO()
    export_pdf(carousel, out)
    drawn = "".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(out.getvalue()))
    assert all(symbol in drawn for symbol in "☺✔☀☎✈"), drawn


def test_a_number_sign_asked_for_as_text_is_not_a_hashtag():
    """"#︎" (U+FE0E, a mark) has no letter: drawn in the text's colour, not the accent of a hashtag."""
    assert not any(c.accent for c in text.prepare(f"Press #{VS15} to dial")[0].clusters)
    assert [c.text for c in text.prepare("#café and #नमस्ते")[0].clusters if c.accent] == \
        ["#", "c", "a", "f", "é", "#", "न", "म", "स्ते"]
