"""Session 22 list drawings: a one-post thread's nested list stays nested on its cover, a closing line right under
a nested row of the List layout stands apart instead of joining it."""
from __future__ import annotations

from render_helpers import carousel_of, runs
from studio import render

SYSTEM = "My system:\n1. Plan\n   - outline\n   - draft\n2. Ship\n   - retro\nThat is the whole system."


def _body_x(svg: str) -> dict[str, float]:
    return {r.text: r.x for r in runs(svg) if r.role == "body"}


def test_a_one_post_threads_nested_list_stays_nested_on_the_cover():
    c = carousel_of([SYSTEM], layout="headline-body", format="linkedin-portrait")
    cover = render.render_slides(c)[0]
    x = _body_x(cover)
    assert x["outline"] > x["Plan"] and x["draft"] > x["Plan"]
    assert x["retro"] == x["outline"] > x["Ship"]  # under "2. Ship" as "outline" is under "1. Plan"


def test_a_closing_line_under_a_nested_row_is_not_part_of_it_in_the_list_layout():
    c = carousel_of(["Intro", SYSTEM], layout="list", format="linkedin-portrait")
    texts = [r.text for r in runs(render.render_slides(c)[1]) if r.role == "body"]
    assert "retro" in texts and "That is the whole system." in texts
    assert not any("retro" in t and "That" in t for t in texts)



def test_a_post_cards_list_lines_hang_their_wrapped_lines_under_the_words_with_the_marker_kept():
    text = ("My list:\n- first item that is fairly long and will certainly wrap onto a second line in the card\n"
            "   - a nested one, long enough to wrap onto a line of its own as well\n✅ Ship it to the readers that "
            "asked you for it last week\n- second")
    c = carousel_of(["Intro", text], layout="post-card", format="linkedin-portrait")
    body = [r for r in runs(render.render_slides(c)[1]) if r.role in ("body", "emoji:body")]
    lead = next(r for r in body if r.text.startswith("- first"))
    after = body[body.index(lead) + 1]  # the item's second line
    assert after.x > lead.x + 5 and not after.text.startswith("-")
    nested = next(r for r in body if r.text.startswith("- a nested"))
    assert nested.x > lead.x + 5  # further in than its parent
    assert body[body.index(nested) + 1].x > nested.x + 5
    tick = next(r for r in body if r.role == "emoji:body")
    words = [r for r in body if r.role == "body" and abs(r.y - tick.y) < 1][0]
    assert body[body.index(words) + 2].x == words.x > tick.x + 5  # "last week" under "Ship", not under "✅"
    assert "My list:" in [r.text for r in body] and [r.x for r in body if r.text == "- second"] == [lead.x]


def test_a_right_to_left_post_card_item_hangs_from_the_right():
    text = "قائمة:\n- هذا بند طويل جدا يلتف على سطرين على الأقل في البطاقة بالتأكيد\n- ثاني"
    c = carousel_of(["Intro", text], layout="post-card", format="linkedin-portrait")
    body = [r for r in runs(render.render_slides(c)[1]) if r.role == "body"]
    dash = [r for r in body if r.text == "-"]
    first = [r for r in body if r.y == dash[0].y and r.text != "-"][0]
    wrapped = [r for r in body if dash[0].y < r.y < dash[1].y][0]
    assert abs((wrapped.x + wrapped.width) - (first.x + first.width)) < 3  # under the words, right-aligned to them
