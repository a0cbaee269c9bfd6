"""Body text that continues onto further pages fills each page down to the safe area's bottom."""
from __future__ import annotations

import pytest

from studio import render
from studio.carousel import Carousel
from studio.slide import Slide

from render_helpers import body_text, runs

WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod " * 140).split()


@pytest.mark.parametrize("layout", ["headline-body", "post-card", "image-focus", "split"])
def test_continuation_pages_are_filled(layout):
    c = Carousel(layout=layout, slides=[Slide(title="A title", body=" ".join(WORDS)), Slide(kind="outro")])
    pages = render.paginate(c, 1)
    parts = [p for p in pages if p.slide_index == 0]
    assert len(parts) >= 3
    height = 675
    svgs = [render.render_slide(c, i, 1) for i in range(len(parts))]
    for svg in svgs[:-1]:
        ys = [r.y for r in runs(svg) if r.role == "body"]
        assert max(ys) > 0.8 * height  # text runs down to the footer band
        assert min(ys) < 0.25 * height  # and starts near the top (no space kept for a title or photo)
    drawn = body_text(svgs, roles=("body",)).split()
    assert drawn[-len(WORDS):] == WORDS and drawn[:-len(WORDS)] in ([], ["A", "title"])  # a post card reads as one text
