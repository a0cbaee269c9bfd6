"""Headings keep their number badge at every size; short titles shrink before a word is broken."""
from __future__ import annotations

import pytest

from studio import render
from studio.carousel import Carousel
from studio.slide import Slide
from studio.typography import Typography

from render_helpers import runs

TITLES = ["1) Lead with the payoff", "4) Keep your brand quiet but constant", "6) End with one clear ask"]
BODY = ("Same fonts, same colours, your name and @handle on every slide. After three posts people recognise "
        "your work before they read the name 🎨")


@pytest.mark.parametrize("sizes", [(95, 47, 24), (95, 47, 12), (36, 18, 12), (72, 30, 20)])
@pytest.mark.parametrize("title", TITLES)
def test_a_numbered_heading_always_draws_its_badge(sizes, title):
    t, b, m = sizes
    c = Carousel(typography=Typography(title_size=t, body_size=b, meta_size=m),
                 slides=[Slide(title=title, body=BODY), Slide(kind="outro")])
    drawn = runs(render.render_slide(c, 0, 1))
    numbers = [r.text for r in drawn if r.role == "number"]
    assert numbers == ["0" + title[0]]
    words = " ".join(r.text for r in drawn if r.role in ("title", "body"))
    assert title[:2] not in words.split()  # never the raw "4)"
    assert title[3:].split()[0] in words
