"""An emoji-led line or sentence is the creator's bullet only among others (a run of two, or after a list item or
a lead-in's ":"); one alone in prose is prose: a prose post keeps its 01 02 03 in the List layout, and a
paragraph with an emoji-led line in its middle stays one paragraph in every layout that draws a body."""
from __future__ import annotations

import pytest

from render_helpers import carousel_of
from studio.layouts.templates import body_blocks, list_of
from studio.render import make_context

PARAGRAPH = ("🚀 Launch day!\nWe shipped the new editor today after six months of work.\n😂 that was fun\n"
             "And the team celebrated with cake. © 2024 Acme™\n❤️ Thanks to everyone who tested it.")


@pytest.mark.parametrize("text", [
    "We had big news today. 🚀 We launched the editor. It took six months. Thanks all.",
    "Lost my keys. 😭 Found them later. Life is good.",
    "🚀 Launch day!\nWe shipped.",
    "Big week. 🇫🇷 Paris was lovely. Home now.",
])
def test_one_emoji_led_sentence_in_prose_is_a_point_like_the_others(text):
    _, points, markers = list_of(text)
    assert markers == ["•"] * len(points)  # a dot each: no count the creator did not write
    assert " ".join(points).split() == text.split()  # every word, once, in order


@pytest.mark.parametrize("text, markers", [
    ("We did it. 🚀 Fast. 😂 Fun.", ["•", "", ""]),  # a run of two: the creator's bullets
])
def test_emoji_led_sentences_among_others_stay_bullets(text, markers):
    assert list_of(text)[2] == markers


@pytest.mark.parametrize("text, items", [
    ("Trips:\n🇫🇷 Paris\n🇯🇵 Tokyo\n🇺🇸 New York", ["🇫🇷 Paris", "🇯🇵 Tokyo", "🇺🇸 New York"]),
    ("🚀 Fast\n😂 Fun", ["🚀 Fast", "😂 Fun"]),
    ("Wins:\n- Shipped\n🚀 Launched", ["Shipped", "🚀 Launched"]),  # after a bullet item
])
def test_runs_of_emoji_led_lines_and_flags_are_rows(text, items):
    assert list_of(text)[1] == items
    assert "1" not in list_of(text)[2]


def test_an_emoji_led_line_in_a_paragraph_keeps_it_one_block():
    carousel = carousel_of(["A hook for the cover slide", "Body"])
    blocks = body_blocks(make_context(carousel), PARAGRAPH, 18)
    assert [(b.marker, b.indent) for b in blocks] == [("", 0.0)]
    assert " ".join(p.text for p in blocks[0].paras).split() == PARAGRAPH.split()


def test_a_run_of_emoji_lines_in_a_body_are_items_of_their_own():
    carousel = carousel_of(["A hook for the cover slide", "Body"])
    blocks = body_blocks(make_context(carousel), "What we built:\n🚀 An editor\n😂 Some jokes\nThe end.", 18)
    assert [[p.text for p in b.paras] for b in blocks] == [
        ["What we built:"], ["🚀 An editor"], ["😂 Some jokes"], ["The end."]]
