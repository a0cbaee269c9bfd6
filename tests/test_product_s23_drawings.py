"""Session 23: a table or ASCII drawing keeps every row on one line (never cut, never past the margin), a box
drawing with walls between its borders is read as a drawing, and a drawing too small to read in a narrow column
(Split's text beside the colour block) moves to a page of its own with the whole width."""
from __future__ import annotations

import pytest

from render_helpers import carousel_of, parse, runs
from studio import render
from studio.text import drawing_lines
from test_product_s22_drawings import _chars

ROWS = ["| Metric            | Before  | After   | Change  | Notes                      |",
        "|-------------------|---------|---------|---------|----------------------------|",
        "| Impressions       | 12,400  | 48,900  | +294%   | carousel posts only        |",
        "| Profile visits    | 310     | 1,420   | +358%   | mostly from saves          |",
        "| Followers gained  | 45      | 390     | +767%   | peaked in week three       |"]
TABLE = "Results after 30 days of testing:\n\n" + "\n".join(ROWS) + "\n\nCarousels win. Try it this week."
BOXES = ["+-------------+     +--------------+     +-----------+",
         "| Obsidian    | --> | Draft in X   | --> | LinkedIn  |",
         "| (notes)     |     | (thread)     |     | + Insta   |",
         "+-------------+     +--------------+     +-----------+"]
ART = "My setup:\n" + "\n".join(BOXES) + "\nSimple and fast."


def test_boxes_with_walls_between_their_borders_are_a_drawing():
    assert drawing_lines(BOXES) == [True] * 4
    assert drawing_lines(["My setup:"] + BOXES + ["Simple and fast."]) == [False] + [True] * 4 + [False]


def _rows(svgs: list[str]) -> list[list[tuple[str, float, str]]]:
    return [chars for svg in svgs for chars in _chars(svg).values() if chars and chars[0][0] in "|+"]


@pytest.mark.parametrize("layout", ["post-card", "headline-body", "big-statement", "list", "image-focus", "split"])
@pytest.mark.parametrize("fmt", ["instagram-square", "instagram-portrait", "instagram-story"])
@pytest.mark.parametrize("text,rows", [(TABLE, ROWS), (ART, BOXES)])
def test_every_row_is_one_line_inside_the_margin(layout, fmt, text, rows):
    svgs = render.render_slides(carousel_of(["Intro", text], layout=layout, format=fmt))[1:-1]
    drawn = _rows(svgs)
    assert ["".join(ch for ch, _, _ in row if ch != " ") for row in drawn] == [r.replace(" ", "") for r in rows]
    width = float(parse(svgs[0]).get("viewBox").split()[2])
    assert all(0 < x < width - 30 for row in drawn for _, x, _ in row)


def _drawing_size(layout: str) -> float:
    svgs = render.render_slides(carousel_of(["Intro", TABLE], layout=layout, format="instagram-square"))[1:-1]
    return min(r.size for svg in svgs for r in runs(svg) if r.text.startswith("|"))


def test_a_drawing_too_small_beside_the_split_block_gets_the_whole_width_of_a_page():
    assert _drawing_size("split") >= _drawing_size("headline-body") * 0.99
