"""Session 22: a table or an ASCII drawing in a post is drawn in the monospace face, its rows each on one line at a
size that fits the width, so its columns line up (a Markdown table's cells padded to their column's width)."""
from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import given, strategies as st

from render_helpers import NS, carousel_of, parse
from studio import render
from studio.text import aligned_table, drawing_lines, fence_drawings

TABLE = "Pricing compared\n\n| Plan | Price | Seats |\n|------|------:|:-----:|\n| Free | $0 | 1 |\n" \
        "| Pro | $12/mo | 5 |\n| Team | $49/mo | unlimited |\n\nPick the one that fits."
ART = ("My architecture:\n\n+--------+      +---------+      +------+\n| client | ---> | gateway | ---> |  db  |\n"
       "+--------+      +---------+      +------+")


def _chars(svg: str) -> dict[float, list[tuple[str, float, str]]]:
    """Each drawn line (by baseline) → its characters (char, x, font family), from the per-character x lists."""
    out: dict[float, list] = defaultdict(list)
    for t in parse(svg).iter(NS + "tspan"):
        xs = (t.get("x") or "").split()
        text = t.text or ""
        if len(xs) == len(text):
            out[float(t.get("y"))] += [(ch, float(x), t.get("font-family") or "") for ch, x in zip(text, xs)]
    return out


@pytest.mark.parametrize("layout", ["headline-body", "post-card", "list", "big-statement"])
@pytest.mark.parametrize("fmt", ["linkedin-portrait", "instagram-square"])
def test_a_tables_columns_line_up_in_monospace_one_row_a_line(layout, fmt):
    svg = render.render_slides(carousel_of(["Intro", TABLE], layout=layout, format=fmt))[1]
    rows = [chars for chars in _chars(svg).values() if chars and chars[0][0] == "|"]
    assert len(rows) == 5  # every row on one line of its own, none cut
    assert all("Mono" in family for row in rows for _, _, family in row)
    pipes = [[round(x, 1) for ch, x, _ in row if ch == "|"] for row in rows]
    assert all(p == pipes[0] for p in pipes) and len(pipes[0]) == 4


def test_an_ascii_drawings_spaces_keep_their_width():
    svg = render.render_slides(carousel_of(["Intro", ART], layout="headline-body", format="linkedin-portrait"))[1]
    rows = [chars for chars in _chars(svg).values() if chars and chars[0][0] in "+|"]
    plus = [round(x, 1) for ch, x, _ in rows[0] if ch == "+"]
    pipes = [round(x, 1) for ch, x, _ in rows[1] if ch == "|"]
    assert len(rows) == 3 and plus == [round(x, 1) for ch, x, _ in rows[2] if ch == "+"]
    assert pipes == plus and len(plus) == 6  # each box's wall under its corners: the gaps kept their width


def test_prose_and_lists_are_no_drawing():
    assert not any(drawing_lines(["We grew 3x.", "- Ship it", "- Learn", "Thanks!", "See you. Bye."]))
    assert not any(drawing_lines(["🔥🔥🔥", "🚀🚀🚀"]))
    assert fence_drawings("a\nb - c\nd") == "a\nb - c\nd"


@given(st.lists(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
                                               blacklist_characters="|\n"), max_size=6), min_size=2, max_size=2),
                min_size=2, max_size=4))
def test_property_an_aligned_table_keeps_every_cell_as_written(rows):
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    out = aligned_table(lines)
    assert [[c.strip() for c in line.strip()[1:-1].split("|")] for line in out] == \
        [[c.strip() for c in r] for r in rows] or out == lines


BOXES = ("┌──────────┐    ┌──────────┐    ┌──────────┐    ┌──────────┐\n"
         "│  Client  │───▶│   API    │───▶│ Postgres │───▶│ Replica  │\n"
         "└──────────┘    └──────────┘    └──────────┘    └──────────┘\n```\n                     │\n                     ▼\n"
         "               ┌──────────┐\n               │  Redis   │\n               └──────────┘\n```")


def test_a_box_diagram_whose_indented_part_came_fenced_is_drawn_whole_at_one_size():
    # (an importer fences a drawing's indented lower part as code: the drawing stays one, every row on one line)
    svg = render.render_slides(carousel_of(["Intro", BOXES], layout="post-card", format="instagram-square"))[1]
    rows = _chars(svg)
    top = next(chars for chars in rows.values() if chars and chars[0][0] == "┌")
    assert "".join(ch for ch, _, _ in top).count("┌") == 4  # the four boxes on one line
    steps = {round(b[1] - a[1], 2) for chars in rows.values() for a, b in zip(chars, chars[1:])
             if "Mono" in a[2] and "Mono" in b[2]}
    unit = min(steps)  # one advance for every character of the drawing (a gap: a whole number of them): one size
    assert all(abs(step / unit - round(step / unit)) < 0.01 for step in steps)
    redis = next(chars for chars in rows.values() if any(ch == "R" for ch, _, _ in chars))
    api = next(chars for chars in rows.values() if any(ch == "A" for ch, _, _ in chars))
    assert next(x for ch, x, _ in redis if ch == "R") > next(x for ch, x, _ in api if ch == "│")
