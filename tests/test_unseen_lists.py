"""A list item that goes on under itself, indented ("2. Second item" / "   continues here"), stays one item:
its second line is drawn in line with the item's words, not as a paragraph of its own between the items."""
from __future__ import annotations

from defusedxml import ElementTree as ET

from render_helpers import NS, carousel_of
from studio.layouts.templates import body_blocks
from studio.render import make_context, render_slide
from studio.sources import parse_paste

TEXT = "My list:\n1. First item with words\n2. Second item\n   continues here\n3. Third item\nAfter the list."


def test_an_indented_line_under_an_item_goes_on_in_that_item():
    carousel = carousel_of(["A hook for the cover slide", TEXT])
    blocks = body_blocks(make_context(carousel), carousel.slides[1].body, 18)
    assert [(b.marker, [p.text for p in b.paras]) for b in blocks] == [
        ("", ["My list:"]), ("1", ["First item with words"]), ("2", ["Second item", "continues here"]),
        ("3", ["Third item"]), ("", ["After the list."])]


def test_the_items_second_line_is_drawn_in_line_with_its_words():
    root = ET.fromstring(render_slide(carousel_of(["A hook for the cover slide", TEXT], layout="headline-body"), 1))
    xs = {}
    for t in root.iter(NS + "tspan"):
        if t.text and t.text.strip() in ("Second item", "continues here", "After the list."):
            xs[t.text.strip()] = float((t.get("x") or "0").split()[0])
    assert xs["continues here"] == xs["Second item"] > xs["After the list."]


def test_a_pasted_thread_with_a_thread_mark_keeps_the_items_indentation():
    posts = [p.text for p in parse_paste("Three steps 🧵\n\n" + TEXT).threads[0].posts]
    assert "2. Second item\n   continues here\n" in posts[-1]
