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

