"""What the session-18 by-eye pass over unseen inputs found, each drawn wrong before (tests fail on the old code)."""
from __future__ import annotations

from render_helpers import carousel_of, runs
from studio import render

LESSONS = ("1. Customers are everything, listen more than you talk\n"
           "2. Do not fear failing, every failure is a lesson\n"
           "3. Build a team you trust before the product")


def _content_runs(texts: list[str], layout: str, fmt: str = "linkedin-portrait"):
    c = carousel_of(texts, layout=layout, format=fmt)
    counts = render.pages_per_slide(c)
    return [r for svg in render.render_slides(c)[counts[0]:counts[0] + counts[1]] for r in runs(svg)]


def test_a_numbered_list_whose_first_item_is_the_headline_keeps_its_numbers_on_the_list_layout():
    # the headline took "1." (drawn "01"); the rows below were numbered again from 1: item 2 read "01"
    drawn = _content_runs(["5 lessons from building a startup", LESSONS], "list")
    assert [r.text for r in drawn if r.role == "number"] == ["01"]
    assert [r.text for r in drawn if r.role == "marker"] == ["02", "03"]


def test_a_list_numbered_from_4_in_a_later_post_keeps_the_creators_numbers():
    body = "More rules:\n4. Ship on Fridays too\n5. Write the docs first\n6. Delete more code than you add"
    drawn = _content_runs(["Hook.", body], "list")
    assert [r.text for r in drawn if r.role == "marker"] == ["04", "05", "06"]


HEBREW_LIST = "1. צמיחה של 120% בשנה\n2. 3,400 לקוחות חדשים\n3. NPS של 72"


def test_the_big_statements_number_stands_on_the_side_its_words_start():
    # it was at the left edge of the panel above a right-aligned Hebrew statement
    for texts, right in (([HEBREW_LIST], True), ([LESSONS], False)):
        c = carousel_of(["Hook."] + texts, layout="big-statement", format="linkedin-portrait")
        counts = render.pages_per_slide(c)
        svg = render.render_slides(c)[counts[0]]
        number = next(r for r in runs(svg) if r.role == "number")
        title = [r for r in runs(svg) if r.role == "title"]
        if right:
            assert number.x + number.width >= max(r.x + r.width for r in title) - 1, (number, title)
        else:
            assert number.x <= min(r.x for r in title) + 1, (number, title)


MONO = "𝙺𝚎𝚎𝚙 𝚒𝚝 𝚜𝚒𝚖𝚙𝚕𝚎 𝚊𝚗𝚍 𝚜𝚖𝚊𝚕𝚕, 𝚍𝚎𝚕𝚎𝚝𝚎 𝚖𝚘𝚛𝚎 𝚌𝚘𝚍𝚎 𝚝𝚑𝚊𝚗 𝚢𝚘𝚞 𝚠𝚛𝚒𝚝𝚎 𝚊𝚗𝚍 𝚜𝚑𝚒𝚙 𝚒𝚝 𝚘𝚗 𝙵𝚛𝚒𝚍𝚊𝚢 𝚝𝚘𝚘"


def test_monospace_styled_words_stay_inside_the_page():
    # a space between two monospace words was measured in the body face but drawn in the run's monospace face
    # (0.6 em, not ~0.28): a line of "𝙺𝚎𝚎𝚙 𝚒𝚝 𝚜𝚒𝚖𝚙𝚕𝚎" ran 10 px past the right margin
    for layout in ("headline-body", "split", "post-card"):
        for fmt in ("linkedin-portrait", "instagram-square"):
            c = carousel_of(["Hook.", MONO], layout=layout, format=fmt)
            safe = render.make_context(c).safe
            for svg in render.render_slides(c):
                for r in runs(svg):
                    assert r.x + r.width <= safe.right + 0.5, (layout, fmt, r.text, r.x + r.width, safe.right)
