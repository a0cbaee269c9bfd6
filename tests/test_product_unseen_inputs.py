"""Ten inputs nobody had tried (tests/fixtures/unseen-s17, session 17), pasted as a creator pastes them: Hebrew,
Hindi, CJK and Thai with English; math-styled letters; ZWJ emoji, flags and keycaps; long URLs and hashtags; one
300-character word; thread numbers of every style; quotes and bullets of every kind. On every layout, square and
portrait: no word outside the safe area, no boxed glyph, and every letter and digit the slides hold is drawn."""
from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from render_helpers import NS, parse, runs
from studio import render
from studio.sources.paste import parse_paste
from studio.structure import carousel_from_thread
from studio.text import prepare

INPUTS = sorted((Path(__file__).parent / "fixtures" / "unseen-s17").glob("*.txt"))
LAYOUTS = ["post-card", "headline-body", "big-statement", "list", "image-focus", "split"]


def letters(text: str) -> Counter:
    """Letters and digits (NFKC: math letters fold to plain ones), counted: bidi and emoji order aside."""
    return Counter(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch)[0] in "LN")


@pytest.mark.parametrize("fmt", ["instagram-square", "linkedin-portrait"])
@pytest.mark.parametrize("path", INPUTS, ids=[p.stem for p in INPUTS])
def test_an_unseen_input_draws_every_letter_inside_the_page_on_every_layout(path, fmt):
    thread = parse_paste(path.read_text("utf-8")).threads[0]
    for layout in LAYOUTS:
        c = carousel_from_thread(thread, layout=layout, format=fmt)
        safe = render.make_context(c).safe
        svgs = render.render_slides(c)
        drawn: Counter = Counter()
        for svg in svgs:
            root = parse(svg)
            assert not [n for n in root.iter(NS + "rect") if n.get("class") == "missing-glyph"], (layout, path.stem)
            for r in runs(svg):
                assert safe.x - 0.5 <= r.x and r.x + r.width <= safe.right + 0.5, (layout, r.text, r.x, r.width)
                drawn += letters(r.text)
        held = sum((letters(" ".join(p.text for p in prepare(s.title + "\n" + s.body))) for s in c.slides
                    if s.kind != "outro"), Counter())  # links show X's short text
        assert not held - drawn, (layout, path.stem, held - drawn)
