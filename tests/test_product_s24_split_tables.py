"""Session 24: a table too wide for Split's narrow column is given the page's width, each row on one line (it was
wrapped cell by cell into an unreadable column); a table that fits the column keeps Split's colour block."""
from __future__ import annotations

import pytest

from render_helpers import NS, carousel_of, parse, runs
from studio import render
import dataclasses
import io

from PIL import Image as PILImage

from studio.image import Image

WIDE = ("Plans compared:\n| Plan | Price per month | Seats included | Storage | Support level |\n|---|---|---|---|---|\n"
        "| Free | $0 | 1 | 5 GB | Community forum |\n| Pro | $12 | 5 | 100 GB | Email within 24h |")
# too wide for Split's column, readable across the page (a table wider still keeps the column: test_product_s24_split_sizes)
MEDIUM = ("Plans compared:\n| Plan | Price per month | Seats | Storage |\n|---|---|---|---|\n| Free | $0 | 1 | 5 GB |\n"
          "| Pro | $12 | 5 | 100 GB |")
NARROW = "Scores:\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |"


def _table_rows(svg: str) -> list[float]:
    """The baselines of the table's lines (its monospace runs), one per drawn line."""
    return sorted({round(r.y, 1) for r in runs(svg) if r.role == "body" and r.text.lstrip()[:1] == "|"})


def _classes(svg: str) -> set[str]:
    return {n.get("class") for n in parse(svg).iter() if n.get("class")}


@pytest.mark.parametrize("fmt", ["instagram-square", "linkedin-portrait"])
def test_a_wide_table_in_split_keeps_each_row_on_one_line(fmt):
    svg = render.render_slides(carousel_of(["Intro", MEDIUM, "End"], layout="split", format=fmt))[1]
    assert len(_table_rows(svg)) == 4  # header, separator, two rows: none wrapped
    drawn = " ".join(r.text for r in runs(svg) if r.role in ("body", "title")).split()
    for word in MEDIUM.split():
        assert word in drawn or set(word) <= set("|-"), word


def test_a_narrow_table_keeps_the_split_block():
    svg = render.render_slides(carousel_of(["Intro", NARROW, "End"], layout="split", format="instagram-square"))[1]
    assert "split-block" in _classes(svg) and len(_table_rows(svg)) == 4


def _portrait_photo() -> Image:
    buf = io.BytesIO()
    PILImage.new("RGB", (60, 90), (40, 90, 160)).save(buf, "PNG")
    return Image(buf.getvalue(), "image/png", 60, 90)


def test_a_wide_table_beside_a_portrait_photo_goes_full_width_above_it():
    carousel = carousel_of(["Intro", MEDIUM, "End"], layout="split", format="instagram-square")
    slides = list(carousel.slides)
    slides[1] = dataclasses.replace(slides[1], image=_portrait_photo())
    svg = render.render_slides(dataclasses.replace(carousel, slides=slides))[1]
    rows = _table_rows(svg)
    assert len(rows) == 4
    [pic] = [n for n in parse(svg).iter(NS + "image") if not (n.get("class") or "").startswith("emoji")]
    assert float(pic.get("y")) > rows[-1]  # the photo kept, below the table


CODE = "```python\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n```"


def _code_lines(svg: str) -> int:
    return len({round(r.y, 1) for r in runs(svg) if r.role == "body"})


def test_code_too_wide_for_splits_column_is_drawn_across_the_page():
    split = render.render_slides(carousel_of(["Intro", CODE, "End"], layout="split", format="instagram-square"))[1]
    full = render.render_slides(carousel_of(["Intro", CODE, "End"], layout="headline-body",
                                            format="instagram-square"))[1]
    assert _code_lines(split) == _code_lines(full) <= 3  # "return …" wraps once at most, not cut up in the column


def test_short_code_keeps_the_split_block():
    svg = render.render_slides(carousel_of(["Intro", "Run:\n```\nnpm test\n```", "End"], layout="split",
                                           format="instagram-square"))[1]
    assert "split-block" in _classes(svg)
