"""A run of dashes is the writer's text (a table's "----" rule, "--" as a dash), never a bullet: a bullet is
ONE marker followed by a space."""
from __future__ import annotations

import io

import pypdfium2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from studio.carousel import Carousel, Slide
from studio.export.pdf import export_pdf
from studio.reading import list_line, written_marker

TABLE = "**Key:** numbers matter.\n\nCol1    Col2    Col3\n----    ----    ----\nabc     def     ghi\n" \
        "jkl     mno     pqr\n\nClosing thought: ship it."


def _pdf_text(body: str, layout: str) -> str:
    out = io.BytesIO()
    export_pdf(Carousel(slides=[Slide(body=body)], layout=layout), out)
    return pypdfium2.PdfDocument(out.getvalue())[0].get_textpage().get_text_range()


@pytest.mark.parametrize("layout", ["list", "headline-body", "post-card"])
def test_a_text_tables_dash_rule_keeps_every_dash(layout):
    text = _pdf_text(TABLE, layout)
    assert text.count("-") == 12, text
    assert "•" not in text, text


@pytest.mark.parametrize("line", ["----    ----    ----", "-- not a bullet", "--- rule", "–– x", "•• two dots"])
def test_more_than_one_marker_is_text(line):
    assert list_line(line) is None and written_marker(line) == ""


@pytest.mark.parametrize("line, item", [("- Figma", ("•", "Figma")), ("• Notion", ("•", "Notion")),
                                        ("– Zoom", ("•", "Zoom")), ("* Slack", ("•", "Slack"))])
def test_one_marker_then_a_space_is_still_a_bullet(line, item):
    assert list_line(line) == item


@settings(max_examples=200, deadline=None)
@given(hs.text("-–", min_size=2, max_size=8), hs.text(hs.characters(categories=("Ll", "Lu", "Nd")), min_size=1,
                                                       max_size=10))
def test_a_run_of_dashes_never_becomes_a_bullet(dashes, words):
    assert list_line(f"{dashes} {words}") is None


@pytest.mark.parametrize("rule", ["- - -", "* * *", "• • •", "- -"])
def test_a_spaced_rule_is_kept_as_written_not_made_an_item(rule):
    """A section break written as spaced markers ("* * *") is no bullet whose item is the rest of the rule."""
    assert list_line(rule) is None
    body = f"Three rules I keep:\n\n- Ship small\n- Write it down\n- Ask early\n\n{rule}\n\nThat is all. Go build."
    text = _pdf_text(body, "list")
    assert " ".join(text.split()).count(rule) == 1, text
