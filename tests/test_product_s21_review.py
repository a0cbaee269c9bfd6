"""Session 21, round 2: what the review of round 1 found. Each test fails on round 1's code."""
from __future__ import annotations

import pytest

from render_helpers import NS, carousel_of, parse, runs
from studio import render
from studio.layouts.templates import list_of


def _slide(body: str, layout: str, fmt: str = "instagram-square") -> str:
    """The SVG of the page that draws ``body`` (a post between two others)."""
    c = carousel_of(["Hook.", body, "Last."], layout=layout, format=fmt)
    counts = render.pages_per_slide(c)
    return render.render_slides(c)[counts[0]]


def _dots(svg: str) -> int:
    return len([n for n in parse(svg).iter(NS + "circle") if n.get("class") == "sub-marker"])


def _drawn(svg: str) -> list[str]:
    return [r.text.strip() for r in runs(svg) if r.text.strip()]


_LAUNCH = "How I run a launch\n1. Prepare\n   1. write the page\n   2. line up a demo\n2. Launch\n   1. post at 9am"
_UNDER_BULLET = "Plan\n- Research\n  1. Interview users\n  2. Read reviews\n- Build"


@pytest.mark.parametrize("layout", ["headline-body", "split", "post-card", "list"])
@pytest.mark.parametrize("body, nested", [(_LAUNCH, 3), (_UNDER_BULLET, 2)])
def test_a_nested_numbered_line_keeps_its_number(layout, body, nested):
    # "   1. write the page" was drawn as a hollow dot and "write the page": the creator's "1." was lost
    svg = _slide(body, layout)
    drawn = " ".join(_drawn(svg))
    assert _dots(svg) == 0
    for words in ("1. write the page", "2. line up a demo", "1. post at 9am", "1. Interview users",
                  "2. Read reviews"):
        if words.split(". ")[1] in body:
            assert words in drawn, (words, drawn)


def test_nested_numbered_rows_read_with_their_numbers():
    assert list_of(_LAUNCH)[1:] == (["Prepare", "1. write the page", "2. line up a demo", "Launch", "1. post at 9am"],
                                    ["1", "◦", "◦", "2", "◦"])


@pytest.mark.parametrize("text", ["Steps\n1. Plan\n  2. Build\n  3. Ship", "Steps\n1. Plan\n\t2. Build\n\t3. Ship",
                                  "Steps\n  1. Plan\n2. Build\n    3. Ship"])
def test_a_numbered_line_going_on_with_the_numbering_is_a_sibling_whatever_its_indent(text):
    # "1. Plan" / "  2. Build" / "  3. Ship" nested 2 and 3 under 1, so no list was read: rows "1. Plan 2." "Build 3."
    assert list_of(text) == ("Steps", ["Plan", "Build", "Ship"], ["1", "2", "3"])


@pytest.mark.parametrize("layout", ["headline-body", "split"])
def test_an_indented_sibling_in_a_body_gets_its_badge(layout):
    svg = _slide("Steps\n1. Plan\n  2. Build\n  3. Ship", layout)
    assert _dots(svg) == 0
    assert [r.text.strip() for r in runs(svg) if r.role == "marker"] == ["1", "2", "3"]


@pytest.mark.parametrize("text, items", [
    ("Books\n1. Deep Work.\nCal Newport shows why focus wins.\n2. Atomic Habits.\nJames Clear nails small steps.\n"
     "3. The Mom Test.\nRob Fitzpatrick on customer talks.",
     ["Deep Work. Cal Newport shows why focus wins.", "Atomic Habits. James Clear nails small steps.",
      "The Mom Test. Rob Fitzpatrick on customer talks."]),
    ("Tips\n1. Hold 1:1s weekly,\n   even when calm.\n2. Give feedback early,\n   never in public,\n"
     "and always with kindness.",
     ["Hold 1:1s weekly, even when calm.", "Give feedback early, never in public, and always with kindness."]),
])
def test_the_last_item_goes_on_like_the_others(text, items):
    # the last item's second line was split off as an unnumbered row ("Rob Fitzpatrick on customer talks."), where
    # the items before it had the same shape and kept it; a line starting with a small letter was cut off too
    assert list_of(text)[1] == items
    assert list_of(text + "\n\nThat is all.")[1] == items + ["That is all."]


_RULE = "Why I write every day\n1. It clears my head\n2. It compounds\n3. It opens doors\nRule 1: never skip twice."


def test_one_rule_line_after_a_list_leaves_its_badges_on():
    # one "Rule 1:" line took the badges off the whole list: "1. It clears my head" drawn as plain text
    assert list_of(_RULE)[1:] == (["It clears my head", "It compounds", "It opens doors", "Rule 1: never skip twice."],
                                  ["1", "2", "3", ""])
    for layout in ("list", "headline-body"):
        markers = [r.text.strip() for r in runs(_slide(_RULE, layout)) if r.role == "marker"]
        assert [m.lstrip("0") for m in markers] == ["1", "2", "3"], (layout, markers)


_ROUTINE = ("My morning routine\n1. Wake at 6\n2. Walk 20 minutes\n3. Write 500 words\n- No phone before 9\n"
            "- No news at all")


def test_bullets_after_a_numbered_list_with_no_indent_are_a_list_of_their_own():
    # "- No phone before 9" was drawn as a sub-item of "3. Write 500 words"
    assert list_of(_ROUTINE)[1:] == (["Wake at 6", "Walk 20 minutes", "Write 500 words", "No phone before 9",
                                      "No news at all"], ["1", "2", "3", "•", "•"])
    assert list_of("My tips\n1. Wake up early.\n2. Read daily.\n3. Exercise.\nI do all three.\n- bonus: sleep")[1:] == (
        ["Wake up early.", "Read daily.", "Exercise.", "I do all three.", "bonus: sleep"], ["1", "2", "3", "", "•"])
    # indented deeper, or between numbered items: under the item above
    assert list_of("Plan\n1. Write\n   - outline\n2. Edit\n- cut\n3. Ship")[2] == ["1", "◦", "2", "◦", "3"]
    for layout in ("headline-body", "split"):
        svg = _slide(_ROUTINE, layout)
        assert _dots(svg) == 0
        x = {r.text.strip(): r.x for r in runs(svg) if r.role == "body"}
        assert x["No phone before 9"] < x["Write 500 words"] + 1, (layout, x)
    assert _dots(_slide("Plan\n1. Write\n   - outline\n2. Edit\n- cut\n3. Ship", "headline-body")) == 2


def test_nested_rows_carried_onto_the_next_page_keep_their_band():
    # the rest of "2. Lesson…"'s sub-items, carried to the next page, were drawn with no band behind them
    item = ("{n}. Lesson number {n} is about shipping something small every single week\n"
            "   - keep the scope tiny so that it fits into one afternoon of focused work\n"
            "   - tell people about it the same day you ship it, even when it feels early")
    body = "Everything I learned\n" + "\n".join(item.format(n=n) for n in range(1, 8))
    c = carousel_of(["Hook.", body, "Last."], layout="list", format="linkedin-square")
    counts = render.pages_per_slide(c)
    pages = render.render_slides(c)[counts[0]:counts[0] + counts[1]]
    assert len(pages) >= 2
    for svg in pages:
        bands = [(float(n.get("y")), float(n.get("y")) + float(n.get("height")))
                 for n in parse(svg).iter(NS + "rect") if n.get("class") == "list-row"]
        loose = [r.text for r in runs(svg) if r.role == "body" and not any(a <= r.y <= b for a, b in bands)]
        assert not loose


def test_a_thai_run_with_no_syllable_safe_cut_fills_its_lines():
    # "ไเไเ…" (every cluster a vowel written ahead of its consonant) was cut one character per line
    from studio.text import prepare, wrap_para
    word = "ไเ" * 60
    lines = wrap_para(prepare(word)[0], "Inter", 400, 18, 200)
    assert "".join(line.text for line in lines) == word
    assert len(lines) < 20 and all(len(line.text) > 3 for line in lines[:-1])


@pytest.mark.parametrize("layout", ["list", "headline-body"])
def test_a_nested_rows_dot_stands_clear_of_its_text(layout):
    # the hollow dot sat 0.25 em from the text: nearly touching it
    svg = _slide("How I write:\n1. Write\n  - outline\n2. Edit", layout)
    dot = next(n for n in parse(svg).iter(NS + "circle") if n.get("class") == "sub-marker")
    text = next(r for r in runs(svg) if r.text.strip() == "outline")
    right = float(dot.get("cx")) + float(dot.get("r")) + float(dot.get("stroke-width")) / 2
    assert text.x - right >= 0.35 * text.size


@pytest.mark.parametrize("layout", ["headline-body", "split"])
def test_a_third_nesting_level_is_drawn_further_in(layout):
    # "- Build" / "  - Frontend" / "    - Components" drew Frontend and Components at one indent
    svg = _slide("Plan\n- Build\n  - Frontend\n    - Components\n    - Styles\n  - Backend\n- Ship", layout)
    x = {r.text.strip(): r.x for r in runs(svg) if r.role == "body"}
    assert x["Build"] < x["Frontend"] < x["Components"]
    assert x["Components"] == pytest.approx(x["Styles"]) and x["Frontend"] == pytest.approx(x["Backend"])
    assert x["Ship"] == pytest.approx(x["Build"])


def test_a_third_nesting_level_in_the_list_layout_is_drawn_further_in():
    body = "Plan\n- Build\n  - Frontend\n    - Components\n    - Styles\n  - Backend\n- Ship"
    assert list_of(body)[2] == ["•", "◦", "◦◦", "◦◦", "◦", "•"]
    svg = _slide(body, "list")
    x = {r.text.strip(): r.x for r in runs(svg) if r.role == "body"}
    assert x["Build"] < x["Frontend"] < x["Components"]
    assert x["Components"] == pytest.approx(x["Styles"]) and x["Frontend"] == pytest.approx(x["Backend"])
