"""Session 23, review of round 1: a table is never drawn below 0.4 of the body (it wraps its rows instead, as
before), a post that is only a table never leaves an empty page, a nested numbered row keeps its number beside an
emoji, the List layout reads sentences across line breaks as before, and a list item goes on across a line break
into a capitalised line."""
from __future__ import annotations

import pytest

from render_helpers import carousel_of, runs
from studio import render
from studio.layouts.templates import list_of
from studio.reading import list_entries

CHROME = {"meta", "brand", "handle", "page-number", "swipe", "author", "website", "running-head"}
LAYOUTS = ["post-card", "headline-body", "big-statement", "list", "image-focus", "split"]
LONGCELL = ("Notes:\n| Name | Note |\n|---|---|\n| Ann | " + "this is a very long note that goes on and on " * 6
            + "|\n| Bob | short |\n\nThat is all.")
TAB_LONG = ("Results:\n| Experiment name that is quite long | Baseline conversion rate | Variant conversion rate | Lift |\n"
            "|---|---|---|---|\n| Shorter onboarding checklist for new users | 2.1% | 3.4% | +62% |\n"
            "| Pricing page redesign with annual toggle | 1.8% | 1.9% | +5% |\n\nThat is all.")
ONLY_TABLE = ("| Plan | Price per month | Seats included | Support level |\n|---|---|---|---|\n"
              "| Free | $0 | 1 | Community forum |\n| Pro | $12 | 5 | Email within a day |")


def _pages(texts: list[str], layout: str, fmt: str = "instagram-square") -> list[list]:
    return [runs(svg) for svg in render.render_slides(carousel_of(texts, layout=layout, format=fmt))]


@pytest.mark.parametrize("fmt", ["instagram-square", "linkedin-portrait"])
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("text", [LONGCELL, TAB_LONG])
def test_a_table_is_never_drawn_below_0_4_of_the_body(text, layout, fmt):
    pages = _pages(["How I run my week, one thread", text, "ok"], layout, fmt)[1:-1]
    body = [r for page in pages for r in page if r.role == "body"]
    prose = next(r for r in body if r.text.startswith("That is all"))  # drawn at the body's size
    assert min(r.size for r in body) >= 0.4 * prose.size


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_post_that_is_only_a_table_leaves_no_empty_page(layout):
    pages = _pages(["Our pricing, a thread", ONLY_TABLE, "Pick one."], layout)
    middle = [[r for r in page if r.role not in CHROME and r.text.strip()] for page in pages[1:-1]]
    assert all(middle)
    assert any("Plan" in r.text for page in middle for r in page)


@pytest.mark.parametrize("layout", ["headline-body", "list", "split"])
def test_a_nested_numbered_row_opening_with_an_emoji_keeps_its_number(layout):
    text = "Plan:\n1. Capture\n   1. ✅ voice notes\n   2. ✅ photos\n2. Draft"
    body = " ".join(r.text for page in _pages(["How I plan my week", text, "ok"], layout)[1:-1] for r in page
                    if r.role == "body")
    assert "1. voice notes" in body and "2. photos" in body  # the emoji is drawn as an image


def test_the_list_layout_reads_a_sentence_across_a_line_break():
    assert list_of("In 2019 I moved from London to\nBerlin with my family. It changed everything. Try it.")[1] == [
        "In 2019 I moved from London to Berlin with my family.", "It changed everything.", "Try it."]
    assert list_of("Roses are red,\n  violets are blue,\nI ship on Fridays,\n  and so should you.")[1] == [
        "Roses are red, violets are blue, I ship on Fridays, and so should you."]


@pytest.mark.parametrize("text,last", [
    ("Gear:\n1. Laptop\n2. Buy a new\nMacBook Pro. Worth every cent.", "Buy a new MacBook Pro. Worth every cent."),
    ("Read:\n- Naval\n- Essays by Paul\nGraham. They are gold.", "Essays by Paul Graham. They are gold."),
    ("Trips:\n- Paris\n- Rome\n- New\nYork City. Loved it.", "New York City. Loved it."),
])
def test_a_list_item_goes_on_into_a_capitalised_line(text, last):
    assert list_entries(text)[-1][1] == last


QUOTE = ('"The best time to plant a tree was 20 years ago. The second best time is now."\n— Chinese proverb\n'
         "Start today.")


def test_a_quotation_and_its_credit_are_one_point_and_the_next_line_starts_the_next():
    assert list_of(QUOTE)[1] == ['"The best time to plant a tree was 20 years ago. The second best time is now." '
                                 "— Chinese proverb", "Start today."]
    # an inch mark opens no quotation; a line after a blank line is no credit
    assert list_of('My desk\nThe monitor is 27" wide. It is great.')[1] == ['My desk The monitor is 27" wide.',
                                                                           "It is great."]
    assert list_of("Ship it\n\n— no excuses\nStart today.")[1] == ["Ship it — no excuses Start today."]
