"""Session 22: lists the creator bulleted with "◦" or "‣", numbered "(1)" or sub-numbered "1.1", are read as lists;
their numbers stay as written (never a badge of ours), and a lone "(1)" in prose stays prose."""
from __future__ import annotations

import pytest

from render_helpers import carousel_of, parse, runs, NS
from studio import render
from studio.reading import list_entries


def _slide(text: str, layout: str) -> str:
    return render.render_slides(carousel_of(["Intro", text], layout=layout, format="linkedin-portrait"))[1]


@pytest.mark.parametrize("bullet", ["◦"])  # "‣" is a list too, drawn as written: test_product_s24_lists.py
def test_a_list_bulleted_with_a_hollow_dot_or_a_triangle_is_a_list(bullet):
    text = f"Tools:\n{bullet} Figma\n{bullet} Notion\n{bullet} Linear"
    assert [item for _, item in list_entries(text)] == ["Figma", "Notion", "Linear"]
    body = {r.text: r.x for r in runs(_slide(text, "headline-body")) if r.role == "body"}
    assert set(body) == {"Figma", "Notion", "Linear"}  # the bullet drawn as a list's dot, the words beside it
    assert len({round(x) for x in body.values()}) == 1 and min(body.values()) > 60


def test_parenthesised_numbers_are_rows_that_keep_their_numbers_as_written():
    text = "Steps:\n(1) Plan it\n(2) Build it\n(3) Ship it"
    assert [n for n, _ in list_entries(text)] == ["1", "2", "3"]
    svg = _slide(text, "list")
    rows = [n for n in parse(svg).iter(NS + "rect") if n.get("class") == "list-row"]
    assert len(rows) == 3
    drawn = [r.text for r in runs(svg) if r.role in ("body", "marker")]
    assert drawn == ["(1) Plan it", "(2) Build it", "(3) Ship it"]  # no "01" of ours beside the creator's "(1)"
    # … but a lone "(1)" in prose, or a decimal opening a line, is no list
    assert list_entries("We shipped.\n(1) I think that was the turning point.\nThen came growth.") == []
    assert list_entries("Big year.\n1.5 million people signed up.\nThanks to you.") == []


@pytest.mark.parametrize("layout", ["headline-body", "list"])
def test_sub_numbers_nest_under_their_item_as_written(layout):
    text = "Steps:\n1. Plan\n1.1 Outline\n1.2 Draft\n2. Ship"
    body = {r.text: r.x for r in runs(_slide(text, layout)) if r.role == "body"}
    assert body["1.1 Outline"] == body["1.2 Draft"] > body["Plan"] == body["Ship"]



@pytest.mark.parametrize("layout", ["headline-body", "list"])
@pytest.mark.parametrize("line", ["✅ Friday: demo whatever is done, even if it is ugly and late and unfinished",
                                  "(2) Never publish the same day you draft, however good the draft looks"])
def test_an_item_with_its_own_bullet_or_number_hangs_its_wrapped_lines_under_its_words(layout, line):
    text = f"Rules:\n{line}\n{line[:3]} Short one"
    svg = render.render_slides(carousel_of(["Intro", text], layout=layout, format="instagram-square"))[1]
    body = [r for r in runs(svg) if r.role == "body"]
    first = next(r for r in body if r.text.startswith(("Friday", "(2) Never")))
    wrapped = body[body.index(first) + 1]
    assert wrapped.y > first.y and not wrapped.text.startswith(("Short", "(2)"))
    if line[0] == "✅":  # the emoji is a run of its own: the words' run starts after it, the wrapped line there too
        assert abs(wrapped.x - first.x) < 1
    else:  # "(2) Never …" is one run: the wrapped line starts further in, past "(2) "
        assert first.x + first.size * 1.2 < wrapped.x < first.x + first.size * 2.5
