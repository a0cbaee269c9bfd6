"""Session 24: a post read as sentence points (List layout, no list lines) keeps a line's tail with its sentence:
"Ship every day. 🚀" / "Rest on Sunday." was drawn as the points "Ship every day." and "🚀 Rest on Sunday." (the
emoji moved to the next line's sentence); hashtags and a dash credit the same."""
from __future__ import annotations

import pytest

from render_helpers import carousel_of, runs
from studio import render
from studio.layouts.templates import list_of


@pytest.mark.parametrize("text, points", [
    ("Ship every day. 🚀\nRest on Sunday. 😴", ["Ship every day. 🚀", "Rest on Sunday. 😴"]),
    ("I shipped it. #buildinpublic\nNow I rest.", ["I shipped it. #buildinpublic", "Now I rest."]),
    ("Ship every day. — my coach\nRest on Sunday. — my doctor", ["Ship every day. — my coach",
                                                                "Rest on Sunday. — my doctor"]),
    ("Ship it. 🇫🇷 👍🏽\nDone now.", ["Ship it. 🇫🇷 👍🏽", "Done now."]),
])
def test_a_lines_tail_stays_with_its_sentence(text, points):
    assert list_of(text)[1] == points


@pytest.mark.parametrize("text, points", [
    ("One. Two. 🚀 Three.\nFour.", ["One.", "Two.", "🚀 Three.", "Four."]),  # an emoji opening a sentence: its own
    ("Ship every day. (Really.)\nRest on Sunday.", ["Ship every day.", "(Really.)", "Rest on Sunday."]),
    ("Consistency beats\nintensity. Always.", ["Consistency beats intensity.", "Always."]),  # a wrapped sentence
])
def test_other_points_read_as_before(text, points):
    assert list_of(text)[1] == points


def test_the_list_layout_draws_the_emoji_on_its_sentences_row():
    svg = render.render_slides(carousel_of(["Intro", "My week:\nShip every day. 🚀\nRest on Sunday. 😴\nRead at night. 📚", "End"], layout="list",
                                           format="instagram-square"))[1]
    rows: dict[float, list[str]] = {}
    for r in runs(svg):
        if r.role in ("body", "emoji:body"):
            rows.setdefault(round(r.y), []).append(r.text)
    lines = [" ".join(v) for _, v in sorted(rows.items())]
    assert lines == ["Ship every day. 🚀", "Rest on Sunday. 😴", "Read at night. 📚"], lines
