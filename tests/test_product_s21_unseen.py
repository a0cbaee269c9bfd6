"""Threads nobody had tried before session 21 (tests/fixtures/unseen-s21): a right-to-left list with nested
English rows, quotes in quotes with emoji, very long hashtags and handles, math symbols, CJK with fullwidth
punctuation, lines of emoji only, a 25,000-character premium post, tab-indented code in a list, a Markdown table,
ASCII art, bidi control characters, variation selectors, skin tones and keycaps, nested bullets of every indent.
On every layout and format and a few themes: no word outside the safe area, no boxed glyph or character in a face
without its glyph, and every letter and digit the slides hold is drawn."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_product_unseen_inputs import LAYOUTS, draws_every_letter_inside

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s21"
INPUTS = sorted(FIXTURES.glob("*.txt"))
FORMATS = ["instagram-square", "linkedin-portrait", "instagram-story"]
THEMES = ["paper", "midnight", "terminal"]


def check(path: Path, fmt: str, theme: str, layouts=LAYOUTS) -> None:
    draws_every_letter_inside(path, fmt, layouts, theme=theme)


@pytest.mark.parametrize("fmt, theme", [(f, t) for f, t in zip(FORMATS, THEMES)])
@pytest.mark.parametrize("path", [p for p in INPUTS if "premium" not in p.stem], ids=lambda p: p.stem)
def test_an_unseen_s21_input_draws_every_letter_inside_the_page(path, fmt, theme):
    check(path, fmt, theme)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_25000_character_premium_post_draws_every_letter_inside_the_page(fmt):
    # (the post card and the big statement, at the chosen body size, need more than the 40-page cap on a square
    # page: refused with the studio's message, see tests/hostile/test_hostile_oversized_page.py)
    check(FIXTURES / "07-premium-25k.txt", fmt, "paper", ["headline-body", "list", "image-focus", "split"])
