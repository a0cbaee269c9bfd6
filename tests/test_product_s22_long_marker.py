"""Session 22, round 3: a list marker too wide to hang under ("-" x 40) does not squeeze its item's words: they
keep the column's width, whole, and nothing is drawn outside the safe area."""
from __future__ import annotations

import pytest

from render_helpers import carousel_of, runs
from studio import render

WORDS = "and here come many words that wrap onto the next line and the next one too"


@pytest.mark.parametrize("layout", ["post-card", "headline-body", "list", "split"])
@pytest.mark.parametrize("fmt", ["instagram-square", "linkedin-portrait"])
def test_a_very_long_marker_keeps_its_items_words_whole_and_inside(layout, fmt):
    long = carousel_of(["Intro", "Notes:\n" + "-" * 40 + " " + WORDS + "\n- short", "ok"], layout=layout, format=fmt)
    short = carousel_of(["Intro", "Notes:\n- " + WORDS + "\n- short", "ok"], layout=layout, format=fmt)
    svgs = render.render_slides(long)
    assert len(svgs) == len(render.render_slides(short))  # not a page per squeezed word
    safe = render.make_context(long).safe
    drawn = [r for r in runs(svgs[1]) if r.role == "body"]
    assert all(safe.x - 0.5 <= r.x and r.x + r.width <= safe.right + 0.5 for r in drawn)
    words = [w for r in drawn for w in r.text.split() if w.strip("-")]
    assert " ".join(words).endswith(WORDS + " short")  # no word cut mid-word
