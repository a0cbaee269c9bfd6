"""Avatar initials skip what opens a name without being its first letter: modifier letters, apostrophes, quotes,
brackets, marks."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from render_helpers import NS, carousel_of, parse
from studio import render
from studio.layouts import base


def _drawn_initials(name: str) -> str:
    """The text drawn inside the brand avatar's circle of a slide whose brand is ``name``, left to right."""
    c = carousel_of(["Hello world.\n\nSecond para."])
    c.brand.name = name
    root = parse(render.render_slide(c, 0))
    circle = next(root.iter(NS + "circle"))
    cx, cy, r = (float(circle.get(k)) for k in ("cx", "cy", "r"))
    runs = []
    for node in root.iter(NS + "text"):
        for t in node.iter(NS + "tspan"):
            x, y = float((t.get("x") or "0").split()[0]), float(t.get("y"))
            if abs(x - cx) < r and abs(y - cy) < r:
                runs.append((x, t.text or ""))
    return "".join(text for _, text in sorted(runs))


@pytest.mark.parametrize("name,drawn", [
    ("\u02bbIolani Luahine", "IL"),        # ʻokina opens a Hawaiian name
    ("\u02bbOkina Hawai\u02bbi", "OH"),
    ("\u0149 test", "NT"),                 # ŉ is ʼn
    ("\u2018Iolani Luahine", "IL"),        # the ʻokina typed as a turned comma
    ("'Tis Mine", "TM"),
    ("\u0301Ana Bell", "AB"),               # a stray combining accent before the letter
    ("(Jane) Doe", "JD"),
    ("\u201cMaya\u201d Okafor", "MO"),
    ("\u00a1Hola Amigos", "HA"),
    ("\U0001F680 launch", "L"),              # an emoji opening a word is no letter: the next word's
])
def test_a_name_opening_with_a_modifier_gets_its_letters_as_initials(name, drawn):
    assert _drawn_initials(name) == drawn


LEAD = hs.sampled_from(["\u02bb", "\u02bc", "\u02b9", "'", "\u2019", "\u2018", "\u0301", "\u0308", "(", "\u201c",
                        "\u00a1", "\u00b4", "`"])
WORD = hs.text(hs.characters(categories=("Lu", "Ll")), min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(hs.lists(hs.tuples(hs.lists(LEAD, max_size=2), WORD), min_size=1, max_size=2))
def test_an_initial_is_never_a_modifier_letter_or_mark(words):
    marks = base._initials(" ".join("".join(lead) + w for lead, w in words), "Inter")
    for ch, _ in marks:
        assert unicodedata.category(ch) in ("Lu", "Ll", "Lt", "Lo"), (words, ch)
    plain = base._initials(" ".join(w for _, w in words), "Inter")
    assert [c for c, _ in marks] == [c for c, _ in plain], words
