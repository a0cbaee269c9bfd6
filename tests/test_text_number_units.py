"""A number keeps its short unit on its line ("20 s", "100 km", "5 %"): layout only, the words stay as typed."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.text import SAFETY, UNITS, measure, prepare, wrap

SHOWN_UNITS = ["s", "ms", "min", "h", "km", "km/h", "kg", "%", "€", "MB", "GB/s", "px", "°C", "x"]
WORDS = ["it", "took", "about", "to", "load", "the", "page", "and", "we", "ran", "faster", "than", "before",
         "minutes", "in", "a", "row", "more", "storage"]


def unit_starts_a_line(lines, size: float = 18, width: float = 1e9) -> list[str]:
    """Lines that open with a unit whose number ended the line before (same paragraph), unless the
    number and its unit are wider than a line together."""
    bad = []
    for before, line in zip(lines, lines[1:]):
        if before.para is not line.para or not before.text[-1:].isdigit():
            continue
        first = re.match(r"\S+", line.text)
        word = first.group(0).rstrip(".,;:!?)") if first else ""
        number = before.text.split()[-1]
        if measure(f"{number} {first.group(0)}", "Inter", 400, size) > width * SAFETY:  # with its full stop
            continue
        if word in UNITS and line.para.clusters[line.start - 1].text == " ":
            bad.append(f"{before.text} | {line.text}")
    return bad


def every_character_kept(text: str, lines) -> bool:
    """The lines hold every character of the paragraph as typed, in order (spaces aside: a line breaks at them)."""
    return "".join(line.text for line in lines).replace(" ", "") == text.replace(" ", "")


@st.composite
def sentences(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(4, 24))):
        if draw(st.booleans()):
            parts.append(f"{draw(st.integers(0, 99999))} {draw(st.sampled_from(SHOWN_UNITS))}"
                         f"{draw(st.sampled_from(['', '', '.', ',']))}")
        else:
            parts.append(draw(st.sampled_from(WORDS)))
    return " ".join(parts)


@given(text=sentences(), width=st.integers(60, 420), size=st.sampled_from([14, 18, 24, 36]))
def test_no_line_starts_with_a_unit_after_a_number(text, width, size):
    lines = wrap(prepare(text), "Inter", 400, size, width)
    assert not unit_starts_a_line(lines, size, width), unit_starts_a_line(lines, size, width)
    assert every_character_kept(text, lines)
    assert not any(line.text != line.text.strip() for line in lines)  # no line ends or starts on a space


@pytest.mark.parametrize("width", range(60, 300, 5))
def test_the_examples_the_newcomer_saw(width):
    text = "It took 20 s to load, we drove 100 km and saved 5 % on fuel at 30 km/h."
    lines = wrap(prepare(text), "Inter", 400, 18, width)
    assert not unit_starts_a_line(lines, 18, width), [line.text for line in lines]
    assert not any(line.text.endswith("km/") for line in lines)
    assert every_character_kept(text, lines)


@pytest.mark.parametrize("text", ["I have 5 minutes to spare in every single meeting this week",
                                  "Top 3 in a row for the whole long season of the league"])
def test_a_word_that_only_begins_like_a_unit_may_still_start_a_line(text):
    """"5 minutes", "3 in": no unit, so the line may break after the number as before."""
    starts = {line.text.split()[0] for width in range(60, 300, 4)
              for line in wrap(prepare(text), "Inter", 400, 18, width)}
    assert {"minutes", "in"} & starts


def test_a_number_too_wide_with_its_unit_is_still_drawn_whole():
    """A line narrower than "100000 km" breaks inside the piece rather than losing a character."""
    text = "100000 km"
    for width in (40, 150, 190):
        lines = wrap(prepare(text), "Inter", 400, 36, width)
        assert every_character_kept(text, lines)
        if width > 40:  # (at 40, "km" alone is wider than the line)
            assert [line.text for line in lines][-1] == "km"  # broken at its space, not inside the unit
