"""A list in Arabic or Hebrew (session 16, found by eye): its bullets and numbers stood at the left margin, a
column's width away from their right-aligned items. Now each item's marker is at its right, where it is read
first, the items beside it; a left-to-right list keeps its markers on the left."""
from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from property_examples import examples
from render_helpers import NS, carousel_of, parse, runs
from studio.render import render_slide

ARABIC = "خطوات بسيطة:\n1) مرحبا بالعالم\n2) اكتب كل يوم\n3) انشر كل أسبوع"
HEBREW = "נקודות:\n• שלום עולם\n• כתוב כל יום"
ENGLISH = "Simple steps:\n1) hello world\n2) write every day\n3) post every week"


def markers_and_items(text: str, layout: str) -> tuple[list[tuple[float, float]], list, float]:
    """(each marker's left and right edge, the body's runs, the page width) on the slide of ``text``."""
    svg = render_slide(carousel_of(["A cover for the list", text], layout=layout), 1)
    root = parse(svg)
    marks = []
    for node in root.iter():
        if node.tag == NS + "circle" and node.get("fill") and not node.get("class"):
            cx, r = float(node.get("cx")), float(node.get("r"))
            marks.append((cx - r, cx + r))
    items = [r for r in runs(svg) if r.role == "body"]
    top = min(r.y for r in items) - 60
    marks = [(left, right) for (left, right), node in zip(marks, [n for n in root.iter() if n.tag == NS + "circle"
             and n.get("fill") and not n.get("class")]) if float(node.get("cy")) > top]  # not the avatar's
    rows = [r for r in runs(svg) if r.role == "marker" and r.text.isdigit()]
    if layout == "list" and rows:  # the big row numbers (a bulleted list keeps its dots)
        marks = [(r.x, r.x + r.width) for r in rows]
    return marks, items, float(root.get("viewBox").split()[2])


@pytest.mark.parametrize("layout", ["headline-body", "list"])
@pytest.mark.parametrize("text, count", [(ARABIC, 3), (HEBREW, 2)], ids=["arabic", "hebrew"])
def test_a_right_to_left_list_has_its_markers_on_the_right(text, count, layout):
    marks, items, page_w = markers_and_items(text, layout)
    assert len(marks) == count and items
    rightmost_word = max(r.x + r.width for r in items)
    leftmost_word = min(r.x for r in items)
    for left, right in marks:
        assert left > rightmost_word - 1  # beside the words, on their right
        assert right < page_w - 20  # inside the margin
    assert leftmost_word > 0


@pytest.mark.parametrize("layout", ["headline-body", "list"])
def test_a_left_to_right_list_keeps_its_markers_on_the_left(layout):
    marks, items, _ = markers_and_items(ENGLISH, layout)
    assert len(marks) == 3
    assert all(right < min(r.x for r in items) + 1 for _, right in marks)


def test_a_wrapped_right_to_left_item_keeps_its_lines_beside_the_marker():
    long_item = "1) " + " ".join(["مرحبا بالعالم"] * 8) + "\n2) اكتب"
    marks, items, _ = markers_and_items("خطوات:\n" + long_item, "headline-body")
    assert len(marks) == 2
    first_marker_left = marks[0][0]
    lines = {}
    for r in items:
        lines.setdefault(round(r.y), []).append(r)
    item_lines = [v for v in lines.values() if max(x.x + x.width for x in v) < first_marker_left]
    assert len(item_lines) >= 3  # the item wraps, every line of it left of the marker
    ends = [max(x.x + x.width for x in v) for v in item_lines]
    assert max(ends) - min(ends) < 2  # right-aligned against the marker, all of them


@pytest.mark.parametrize("text, rtl", [
    ("قائمة:\n• مرحبا بالعالم\n• Ship on Tuesday\n• اكتب كل يوم", True),
    ("Steps:\n• Ship on Tuesday\n• اكتب كل يوم\n• Write the changelog first", False)], ids=["arabic", "english"])
def test_a_list_keeps_one_direction_for_an_item_in_the_other_script(text, rtl):
    """A list follows its first item: an English item of an Arabic list has its marker on the right too, its
    words against it; an Arabic item of an English list, on the left."""
    marks, items, _ = markers_and_items(text, "headline-body")
    assert len(marks) == 3 and len({round(left) for left, _ in marks}) == 1  # one column of markers
    lines: dict[int, list] = {}
    for r in items:
        lines.setdefault(round(r.y), []).append(r)
    item_lines = list(lines.values())[-3:]
    if rtl:
        ends = [max(r.x + r.width for r in line) for line in item_lines]
        assert max(ends) - min(ends) < 2 and max(ends) < marks[0][0]
    else:
        starts = [min(r.x for r in line) for line in item_lines]
        assert max(starts) - min(starts) < 2 and min(starts) > marks[0][1]


def marker_sides(text: str) -> list[str]:
    """For each bullet of ``text``'s slide: "right" when it stands right of its item's words, else "left"."""
    marks, items, _ = markers_and_items(text, "headline-body")
    lines: dict[int, list] = {}
    for r in items:
        lines.setdefault(round(r.y), []).append(r)
    rows = list(lines.values())[-len(marks):]
    return ["right" if left > max(r.x + r.width for r in row) - 1 else "left" for (left, _), row in zip(marks, rows)]


@pytest.mark.parametrize("text, sides", [
    ("قائمة:\n• 2024\n• مرحبا بالعالم\n• اكتب كل يوم", ["right"] * 3),
    ("قائمة:\n• iPhone 15 Pro\n• مرحبا بالعالم\n• اكتب كل يوم", ["right"] * 3),
    ("عنوان\nهذه قائمة السنوات:\n• 2024\n• 2025", ["right"] * 2),
    ("Title\nThe years we shipped:\n• 2024\n• 2025", ["left"] * 2),
    ("• مرحبا بالعالم\n• اكتب كل يوم\n\n• Ship on Tuesday\n• Write the changelog", ["right"] * 2 + ["left"] * 2),
    ("• Ship on Tuesday\n• Write the changelog\n\n• مرحبا بالعالم\n• اكتب كل يوم", ["left"] * 2 + ["right"] * 2),
    ("قائمة:\n• مرحبا بالعالم\n\n• Ship on Tuesday\n\n• اكتب كل يوم", ["right"] * 3),
    ("Steps / خطوات\n• Ship on Tuesday\n• مرحبا بالعالم\n• مرحبا بالعالم", ["right"] * 3),
], ids=["number-first", "english-first", "numbers-under-arabic", "numbers-under-english", "arabic-then-english",
        "english-then-arabic", "one-list-set-apart", "two-items-alike"])
def test_a_list_runs_as_most_of_its_items_and_a_blank_line_between_two_lists_starts_another(text, sides):
    assert marker_sides(text) == sides


ARABIC_ITEMS = ["مرحبا بالعالم", "اكتب كل يوم", "انشر"]
ENGLISH_ITEMS = ["Ship on Tuesday", "Write the changelog", "Post it"]


@settings(max_examples=examples(15), deadline=None)
@given(st.lists(st.sampled_from(ARABIC_ITEMS + ENGLISH_ITEMS + ["2024", "42 %"]), min_size=2, max_size=4))
def test_property_a_list_keeps_its_markers_on_the_side_most_of_its_items_read_from(items):
    rtl = sum(i in ARABIC_ITEMS for i in items)
    ltr = sum(i in ENGLISH_ITEMS for i in items)
    assume(rtl != ltr)
    sides = marker_sides("Steps / خطوات\n" + "\n".join(f"• {i}" for i in items))
    assert sides == ["right" if rtl > ltr else "left"] * len(items)
