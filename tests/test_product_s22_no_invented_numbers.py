"""No layout draws a number the creator did not write: sentences read as points get a dot, not "01" / "02"."""
from __future__ import annotations

import re

import pytest

from render_helpers import carousel_of, runs
from studio import render
from studio.layouts import LAYOUTS

PROSE = ["Three habits that changed how I work",
         "Deep work needs guarding. Protect the maker's schedule. Always. Say no to meetings before noon.",
         "Write before you open Slack. Every single morning. Then ship it.",
         "That is all."]
_NUMBER = re.compile(r"\d")


def _texts(layout: str) -> list[list[str]]:
    c = carousel_of(PROSE, format="instagram-square", layout=layout)
    return [[r.text for r in runs(svg) if r.role not in ("page-number",)] for svg in render.render_slides(c)]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_no_layout_numbers_a_thread_that_has_no_numbers(layout):
    for n, texts in enumerate(_texts(layout)):
        digits = [t for t in texts if _NUMBER.search(t)]
        assert not digits, (layout, n, digits)


def test_the_list_layout_dots_each_sentence():
    c = carousel_of(PROSE, format="instagram-square", layout="list")
    svg = render.render_slides(c)[1]
    rows = [r for r in runs(svg) if r.role == "marker"]
    assert not rows, [r.text for r in rows]  # no "01" / "02" badge
    assert svg.count('class="list-row"') == 3  # still a designed list: a band per point
