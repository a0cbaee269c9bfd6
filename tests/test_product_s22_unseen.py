"""Threads nobody had tried before session 22 (tests/fixtures/unseen-s22): emoji and arrow bullets amid prose,
long links, a run of hashtags, code, CJK and right-to-left words among Latin ones, very long words, one-word posts,
quotes with their authors, nested lists under "◦" "‣" "(1)" "1.1", a table and aligned columns, a box diagram, a
25-post thread, styled letters with flags and ZWJ families, "–" and "▪" bullets. On every layout, a LinkedIn and an
Instagram format and two themes: no word outside the safe area, every letter drawn, box drawing in monospace."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from render_helpers import NS, parse
from studio import render
from studio.sources.paste import parse_paste
from studio.structure import carousel_from_thread
from test_product_unseen_inputs import LAYOUTS, draws_every_letter_inside

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s22"
INPUTS = sorted(FIXTURES.glob("*.txt"))
BOX = re.compile(r"[\u2500-\u257f]")


@pytest.mark.parametrize("fmt, theme", [("linkedin-portrait", "paper"), ("instagram-square", "midnight")])
@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_an_unseen_s22_thread_draws_every_letter_inside_the_page(path, fmt, theme):
    draws_every_letter_inside(path, fmt, theme=theme)
    thread = parse_paste(path.read_text("utf-8")).threads[0]
    for layout in LAYOUTS:
        for svg in render.render_slides(carousel_from_thread(thread, layout=layout, format=fmt, theme=theme)):
            for t in parse(svg).iter(NS + "tspan"):  # a box drawing's lines in the monospace face: its boxes close
                assert not BOX.search(t.text or "") or "Mono" in (t.get("font-family") or ""), (layout, t.text)
