"""A list in a right-to-left post runs right to left even when its items open on a Latin name ("- Slack
للمحادثة"): an item as much English as Arabic has no say; the heading above decides, as X shows the post."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from render_helpers import NS, carousel_of, parse, runs
from studio import render
from studio.layouts.base import list_rtl
from studio.post import Post, Thread
from studio.structure import carousel_from_thread

ITEMS = [("Slack", "للمحادثة"), ("Notion", "للتوثيق"), ("Zoom", "عند الضرورة")]


def _lines(svg: str) -> dict[int, list]:
    """Body runs by baseline (rounded)."""
    out: dict[int, list] = {}
    for r in runs(svg):
        if r.role == "body":
            out.setdefault(round(r.y), []).append(r)
    return out


def _markers(svg: str, y: float) -> list[float]:
    """x of every list marker (a dot or a number) drawn on the line at baseline ``y``."""
    found = [r.x for r in runs(svg) if r.role == "marker" and abs(r.y - y) < 12]
    for node in parse(svg).iter(NS + "circle"):
        if not node.get("class") and abs(float(node.get("cy")) - y) < 20 and float(node.get("r")) < 10:
            found.append(float(node.get("cx")))
    return found


def _assert_reads_from_the_right(svg: str, items) -> None:
    lines = _lines(svg)
    for latin, arabic in items:
        y, line = next((y, ln) for y, ln in lines.items() if any(latin in r.text for r in ln))
        name = next(r for r in line if latin in r.text)
        words = [r for r in line if r is not name]
        assert words and all(name.x > r.x for r in words), (latin, [(r.text, r.x) for r in line])
        marks = _markers(svg, y)
        if marks:  # a drawn marker stands right of the item
            assert all(m > name.x for m in marks), (latin, marks, name.x)
        else:  # as written (a post card): the line's own dash is right of the name
            assert name.text.rstrip().endswith("-"), name.text


@pytest.mark.parametrize("text, items", [
    ("أدواتي:\n- Slack للمحادثة\n- Notion للتوثيق\n- Zoom عند الضرورة", ITEMS),
    ("أدواتي:\n- Slack للمحادثة\n- Notion للتوثيق", ITEMS[:2]),
    ("أدواتي:\n1. Slack للمحادثة\n2. Notion للتوثيق\n3. Zoom عند الضرورة", ITEMS),
    ("مقدمة قصيرة هنا.\n\nأدواتي:\n- Slack للمحادثة\n- Notion للتوثيق", ITEMS[:2]),
])
def test_an_arabic_list_of_items_opening_on_latin_names_runs_right_to_left(text, items):
    svg = render.render_slide(carousel_of(["غلاف", text]), 1)
    _assert_reads_from_the_right(svg, items)


def test_a_post_card_arabic_list_opening_on_latin_names_reads_from_the_right():
    text = "أدواتي:\n- Slack للمحادثة\n- Notion للتوثيق\n- Zoom عند الضرورة"
    thread = Thread("t", [Post("1", "غلاف", author_name="Maya", handle="m"),
                          Post("2", text, author_name="Maya", handle="m")])
    svg = render.render_slide(carousel_from_thread(thread, layout="post-card"), 1)
    _assert_reads_from_the_right(svg, ITEMS)


LATIN = hs.text(hs.characters(min_codepoint=ord("a"), max_codepoint=ord("z")), min_size=1, max_size=8)
ARABIC = hs.text(hs.characters(min_codepoint=0x0627, max_codepoint=0x064A), min_size=1, max_size=8)


@settings(max_examples=200, deadline=None)
@given(hs.lists(hs.tuples(LATIN, ARABIC), min_size=1, max_size=5), hs.booleans())
def test_items_as_english_as_arabic_follow_the_heading(pairs, rtl_heading):
    """However an even item opens, Latin first or Arabic first, the heading decides."""
    items = [f"{a} {b}" for a, b in pairs]
    assert list_rtl(items, "أدواتي:" if rtl_heading else "My tools:") is rtl_heading
    assert list_rtl([f"{b} {a}" for a, b in pairs], "أدواتي:" if rtl_heading else "My tools:") is rtl_heading


def test_an_arabic_list_going_on_to_a_continuation_page_keeps_its_direction():
    """The running head's title has its say on the page the list goes on to (it flipped left to right there)."""
    names = ["Slack", "Notion", "Zoom", "Figma", "Linear", "GitHub", "Vercel", "Stripe", "Canva", "Loom", "Miro"]
    text = "أدواتي المفضلة في العمل اليومي:\n" + "\n".join(f"- {n} للمحادثة" for n in names)
    thread = Thread("t", [Post("1", "غلاف المنشور", author_name="Maya", handle="m"),
                          Post("2", text, author_name="Maya", handle="m")])
    svgs = render.render_slides(carousel_from_thread(thread, layout="list"))
    pages = [svg for svg in svgs if any(n in svg for n in names)]
    assert len(pages) == 2  # the list goes on to a second page
    for svg in pages:
        drawn = [(n, "للمحادثة") for n in names if f">{n}<" in svg]
        assert drawn
        _assert_reads_from_the_right(svg, drawn)


@pytest.mark.parametrize("heading, rtl", [("أدواتي المفضلة في العمل اليومي:", True), ("My favourite tools:", False)])
def test_a_running_head_stands_on_its_titles_side(heading, rtl):
    names = ["Slack", "Notion", "Zoom", "Figma", "Linear", "GitHub", "Vercel", "Stripe", "Canva", "Loom", "Miro", "Asana", "Jira", "Docker", "Postman"]
    word = "للمحادثة" if rtl else "for chat"
    text = heading + "\n" + "\n".join(f"- {n} {word}" for n in names)
    thread = Thread("t", [Post("1", "غلاف" if rtl else "Cover", author_name="Maya", handle="m"),
                          Post("2", text, author_name="Maya", handle="m")])
    svgs = render.render_slides(carousel_from_thread(thread, layout="list"))
    heads = [r for svg in svgs for r in runs(svg) if r.role == "running-head"]
    width = float(parse(svgs[0]).get("viewBox").split()[2])
    assert heads
    left, right = min(r.x for r in heads), max(r.x + r.width for r in heads)
    assert (width - right < left) is rtl, (left, right, width)
