"""Threads nobody had tried, pasted as a creator pastes them (tests/fixtures/unseen-s17 to -s20): Hebrew,
Arabic, Hindi, CJK, Thai and Lao with English; math-styled and fullwidth letters; ZWJ emoji, flags, keycaps and
lone modifiers; long URLs, hashtags and handles; cashtags, prices and dates; one-word and very long posts; thread
numbers of every style; quotes, bullets, code; invisible and bidi control characters, Zalgo marks. On every
layout, square and portrait: no word outside the safe area, no character in a face without its glyph, no boxed
glyph, and every letter and digit the slides hold is drawn."""
from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from render_helpers import NS, parse, runs
from studio import fonts, render
from studio.sources.paste import parse_paste
from studio.structure import carousel_from_thread
from studio.text import has_glyph, prepare

FIXTURES = Path(__file__).parent / "fixtures"
INPUTS = sorted(p for d in ("unseen-s17", "unseen-s18", "unseen-s19", "unseen-s20") for p in (FIXTURES / d).glob("*.txt"))
LAYOUTS = ["post-card", "headline-body", "big-statement", "list", "image-focus", "split"]


def letters(text: str) -> Counter:
    """Letters and digits (NFKC: math letters fold to plain ones), counted: bidi and emoji order aside."""
    return Counter(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch)[0] in "LN")


def unfaced(root) -> list[tuple[str, str]]:
    """(text, family) of every character drawn in a face that has no glyph for it: cairo draws a box there."""
    out = []
    for node in root.iter(NS + "text"):
        for t in node.iter(NS + "tspan"):
            if t.get("class") == "emoji-text" or t.get("fill-opacity") == "0" or not t.text:
                continue
            family = fonts.family_from_css(t.get("font-family") or node.get("font-family"))
            out += [(ch, family) for ch in t.text if not ch.isspace() and unicodedata.category(ch)[0] != "C"
                    and not has_glyph(family, ch)]
    return out


def draws_every_letter_inside(path: Path, fmt: str, layouts=LAYOUTS, **settings) -> None:
    """On each of ``layouts``: no boxed glyph, no letter in a face without it, no run outside the safe area, and
    every letter and digit the slides hold drawn."""
    thread = parse_paste(path.read_text("utf-8")).threads[0]
    for layout in layouts:
        c = carousel_from_thread(thread, layout=layout, format=fmt, **settings)
        safe = render.make_context(c).safe
        drawn: Counter = Counter()
        for svg in render.render_slides(c):
            root = parse(svg)
            assert not [n for n in root.iter(NS + "rect") if n.get("class") == "missing-glyph"], (layout, path.stem)
            assert not unfaced(root), (layout, path.stem, unfaced(root))
            for r in runs(svg):
                assert safe.x - 0.5 <= r.x and r.x + r.width <= safe.right + 0.5, (layout, r.text, r.x, r.width)
                drawn += letters(r.text)
        held = sum((letters(" ".join(p.text for p in prepare(s.title + "\n" + s.body))) for s in c.slides
                    if s.kind != "outro"), Counter())  # links show X's short text
        assert not held - drawn, (layout, path.stem, held - drawn)


@pytest.mark.parametrize("fmt", ["instagram-square", "linkedin-portrait"])
@pytest.mark.parametrize("path", INPUTS, ids=[f"{p.parent.name[-3:]}-{p.stem}" for p in INPUTS])
def test_an_unseen_input_draws_every_letter_inside_the_page_on_every_layout(path, fmt):
    draws_every_letter_inside(path, fmt)
