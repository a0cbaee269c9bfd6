"""Session 25: a Markdown table too wide to draw at the reading size (each row on one line) is no longer shrunk
below it (11.7 px under Split's photo): its cells wrap inside their columns at that size, and a table with more
columns than rows whose words would break that way is turned on its side (each column a row). Every word kept."""
from __future__ import annotations

import io
import re

import pypdfium2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from render_helpers import NS, carousel_of, parse, runs
from test_product_s24_split_sizes import _with_portrait_photo
from studio import render
from studio.export.pdf import export_pdf
from studio.text import _units, prepare, wrapped_table
from studio.typography import MIN_BODY_SIZE

PRICING = ("Our pricing, compared:\n| Plan | Price per month | Seats | Storage | Support |\n|---|---|---|---|---|\n"
           "| Free | $0 | 1 | 5 GB | Community |\n| Pro | $12 | 5 | 100 GB | Email |\n"
           "| Team | $49 | 25 | 1 TB | Priority phone |\nPick one and start.")
SEVEN = ("Plans compared:\n| Plan | Price per month | Seats included | Storage | Support level | Region | SLA |\n"
         "|---|---|---|---|---|---|---|\n| Free | $0 | 1 | 5 GB | Community forum | EU | none |\n"
         "| Pro | $12 | 5 | 100 GB | Email within 24h | US, EU | 99.9% |")


def _table(svg: str):
    return [r for r in runs(svg) if r.role == "body" and "|" in r.text]


def _words(svg: str) -> list[str]:
    return " ".join(r.text for r in runs(svg) if r.role in ("body", "title")).split()


def _kept(text: str, drawn: list[str]) -> bool:
    return all(w in drawn or set(w) <= set("|-+") for w in text.split())


def test_a_table_under_splits_photo_is_drawn_at_the_reading_size():
    svgs = render.render_slides(_with_portrait_photo(carousel_of(["Intro", PRICING], layout="split",
                                                                 format="instagram-square")))
    assert len(svgs) == 3
    table = _table(svgs[1])
    assert table and min(r.size for r in table) >= MIN_BODY_SIZE
    assert _kept(PRICING, _words(svgs[1]))


@pytest.mark.parametrize("layout", ["headline-body", "split", "list", "big-statement", "image-focus", "post-card"])
@pytest.mark.parametrize("fmt", ["instagram-square", "linkedin-portrait"])
def test_a_wide_table_is_readable_in_every_layout(layout, fmt):
    svgs = render.render_slides(carousel_of(["Intro", SEVEN, "End"], layout=layout, format=fmt))
    pages = svgs[1:-1]
    table = [r for svg in pages for r in _table(svg)]
    assert table and min(r.size for r in table) >= MIN_BODY_SIZE, sorted({r.size for r in table})
    assert _kept(SEVEN, [w for svg in pages for w in _words(svg)])


def test_a_wide_short_table_is_turned_on_its_side_and_read_so_from_the_pdf():
    carousel = carousel_of(["Intro", SEVEN, "End"], layout="headline-body", format="instagram-square")
    out = io.BytesIO()
    export_pdf(carousel, out)
    text = " ".join(pypdfium2.PdfDocument(out.getvalue())[1].get_textpage().get_text_range().split())
    assert re.search(r"Plan \| Free \| Pro", text), text  # the plans side by side, a row per column
    assert re.search(r"Seats included \| 1 \| 5", text), text
    assert "Community" in text and "forum" in text and "Email within" in text


_CELL = st.text(alphabet=st.sampled_from(list("abcdefghij XYZ$%0129-") + ["日", "本", "🚀", "é"]), max_size=30)


@given(st.integers(1, 6).flatmap(lambda k: st.lists(st.lists(_CELL, min_size=k, max_size=k), min_size=1,
                                                    max_size=5)), st.integers(20, 60))
def test_a_wrapped_table_keeps_every_letter_in_its_cell_and_fits(rows, columns):
    k = len(rows[0])
    lines = ["| " + " | ".join(c.strip().replace("|", "") for c in r) + " |" for r in rows]
    text = "\n".join([lines[0], "|" + "---|" * k] + lines[1:])
    paras = [p for p in prepare("Table:\n" + text) if p.drawing]
    grid = wrapped_table(tuple(paras), columns)
    if grid is None:
        return  # too many columns to narrow that far: left as it was
    widths = {_units(p.clusters) for p in grid}
    assert len(widths) == 1 and widths.pop() <= columns  # one grid, no wider than asked
    ink = lambda s: re.sub(r"[\s|:-]", "", s)  # noqa: E731
    assert sorted(ink("".join(c.text for p in grid for c in p.clusters))) == sorted(ink(text))


def test_a_styled_word_in_a_table_is_drawn_in_its_style_not_as_missing_marks():
    text = "Tools:\n| Tool | Use |\n|---|---|\n| 𝗙𝗶𝗴𝗺𝗮 | 𝘥𝘦𝘴𝘪𝘨𝘯 |\n| Notion | notes |"
    svg = render.render_slides(carousel_of(["Intro", text, "End"], layout="headline-body",
                                           format="instagram-square"))[1]
    assert "missing-glyph" not in svg  # no boxed marks
    words = _words(svg)
    assert "Figma" in words and "design" in words, words
    [figma] = [n for n in parse(svg).iter(NS + "tspan") if (n.text or "").strip() == "Figma"]
    assert figma.get("font-weight") == "700"


@pytest.mark.parametrize("fmt", ["instagram-square", "linkedin-portrait"])
def test_beside_a_portrait_photo_a_table_goes_across_as_a_grid(fmt):
    svg = render.render_slides(_with_portrait_photo(carousel_of(["Intro", PRICING], layout="split", format=fmt)))[1]
    lines: dict[float, str] = {}
    for r in _table(svg):
        lines[round(r.y, 1)] = lines.get(round(r.y, 1), "") + r.text
    assert {text.count("|") for text in lines.values()} == {6}, lines  # every line a row of the grid, none wrapped
    assert min(r.size for r in _table(svg)) >= MIN_BODY_SIZE


BENCH = ("Benchmarks:\n| Model | Params | MMLU | GSM8K | HumanEval | Latency (ms) | Cost / 1M tokens | License |\n"
         "|---|---|---|---|---|---|---|---|\n| Small | 7B | 64.1 | 52.3 | 31.0 | 42 | $0.20 | Apache-2.0 |\n"
         "| Medium | 34B | 75.2 | 71.8 | 48.2 | 110 | $0.80 | Apache-2.0 |\n| Large | 70B | 82.0 | 86.5 | 67.1 | 230 | $2.50 | Custom |")


@pytest.mark.parametrize("fmt", ["instagram-square", "linkedin-portrait"])
def test_a_table_too_wide_even_for_whole_words_is_readable_and_keeps_every_letter(fmt):
    svgs = render.render_slides(carousel_of(["Intro", BENCH], layout="headline-body", format=fmt))[1:-1]
    table = [r for svg in svgs for r in _table(svg)]
    assert table and min(r.size for r in table) >= MIN_BODY_SIZE
    ink = lambda s: sorted(re.sub(r"[\s|:-]", "", s))  # noqa: E731
    drawn = "".join(r.text for svg in svgs for r in runs(svg) if r.role in ("body", "title"))
    assert ink(drawn) == ink(BENCH)


BOX = ("Our services:\n+-----------------------+------------------------+\n| frontend service here | backend service there  |\n"
       "+-----------------------+------------------------+")


@pytest.mark.parametrize("layout", ["post-card", "big-statement"])
def test_a_box_table_wraps_its_cells_inside_its_borders(layout):
    svg = render.render_slides(carousel_of(["Intro", BOX], layout=layout, format="instagram-square"))[1]
    table = [r for r in runs(svg) if r.role == "body" and r.text[:1] in "|+"]
    assert table and min(r.size for r in table) >= MIN_BODY_SIZE
    assert _kept(BOX, _words(svg))
    borders = [r.text for r in table if r.text.startswith("+")]
    assert len(borders) == 2 and len(set(borders)) == 1 and borders[0].count("+") == 3
