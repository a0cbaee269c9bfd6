"""Session 24 (round 2): a line's emoji tail stays on its sentence's row in the List layout when the sentence ends
with a CJK full stop ("毎日書く。🚀", no space after it) or the tail is a keycap ("Write first. 1️⃣"): it was a row
of its own, or the next line's bullet."""
from __future__ import annotations

import pytest

from render_helpers import carousel_of, runs
from studio import render
from studio.layouts.templates import list_of
from studio.reading import emoji_tail, line_tail


@pytest.mark.parametrize("text, points", [
    ("毎日書く。🚀\n毎週公開する。🔥\n日曜は休む。", ["毎日書く。 🚀", "毎週公開する。 🔥", "日曜は休む。"]),
    ("Write first. 1️⃣\nEdit second. 2️⃣\nPublish third. 3️⃣", ["Write first. 1️⃣", "Edit second. 2️⃣", "Publish third. 3️⃣"]),
    ("Tag it. #️⃣\nShip it. 🚀 #build\nRest.", ["Tag it. #️⃣", "Ship it. 🚀 #build", "Rest."]),
    ("Number one. 1️⃣", ["Number one. 1️⃣"]),
])
def test_a_tail_stays_on_its_sentences_point(text, points):
    assert list_of(text)[1] == points


@pytest.mark.parametrize("text", ["1️⃣", "#️⃣ 🚀", "🇫🇷", "👍🏽"])
def test_keycaps_are_emoji_for_both_readers(text):
    assert emoji_tail(text) and line_tail(text)


@pytest.mark.parametrize("text", ["1", "#build", "— my coach", "", " "])
def test_words_are_no_emoji_tail(text):
    assert not emoji_tail(text)


@pytest.mark.parametrize("text", ["毎日書く。🚀\n毎週公開する。🔥\n日曜は休む。", "Write first. 1️⃣\nEdit second. 2️⃣\nPublish third. 3️⃣"])
def test_no_emoji_is_drawn_on_a_row_of_its_own(text):
    drawn = [r for r in runs(render.render_slides(carousel_of(["Intro", text], layout="list",
                                                              format="linkedin-portrait"))[1])
             if r.role.removeprefix("emoji:") in ("title", "body")]
    for emoji in (r for r in drawn if r.role.startswith("emoji:")):
        beside = [r for r in drawn if not r.role.startswith("emoji:") and abs(r.y - emoji.y) < 2]
        assert beside, (emoji.text, [(r.text, r.y) for r in drawn])


@pytest.mark.parametrize("line, marker", [("🫶🏽 new emoji too", "🫶🏽"), ("🚀 Ship it", "🚀"), ("© 2024 all rights", "")])
def test_an_emoji_bullets_marker_is_the_whole_emoji(line, marker):
    from studio.reading import written_marker
    assert written_marker(line) == marker
