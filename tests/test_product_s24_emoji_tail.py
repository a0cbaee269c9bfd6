"""Session 24: a one-sentence post that ends in emoji ("Most carousels fail in the first two seconds. 🚀") is read as
one sentence, the emoji beside its last word: it was cut into a headline and a body of one lone emoji (a small rocket
under the headline, or alone beside Split's block)."""
from __future__ import annotations

import pytest

from render_helpers import carousel_of, runs
from studio import render
from studio.reading import headline_and_body

POST = "Most carousels fail in the first two seconds. 🚀"


@pytest.mark.parametrize("layout", ["headline-body", "split", "big-statement", "image-focus", "list"])
def test_the_emoji_stays_on_its_sentences_last_line(layout):
    drawn = [r for r in runs(render.render_slides(carousel_of(["Intro", POST, "End"], layout=layout,
                                                              format="instagram-square"))[1])
             if r.role in ("title", "body", "emoji:title", "emoji:body")]
    [rocket] = [r for r in drawn if r.text == "🚀"]
    words = [r for r in drawn if r.text != "🚀"]
    assert {r.role for r in words} == {rocket.role.removeprefix("emoji:")}  # one style: no headline and body
    assert abs(rocket.size - words[-1].size) < 0.5 * words[-1].size  # the emoji at the words' size


@pytest.mark.parametrize("text, read", [
    (POST, ("", POST)),
    ("Big news. 🇫🇷 👍🏽", ("", "Big news. 🇫🇷 👍🏽")),
    ("Most carousels fail. 🚀 Here is why.", ("Most carousels fail.", "🚀 Here is why.")),
    ("Most carousels fail. #marketing", ("Most carousels fail.", "#marketing")),
    ("Most carousels fail. Here is why.", ("Most carousels fail.", "Here is why.")),
])
def test_only_an_emoji_tail_keeps_the_post_whole(text, read):
    assert headline_and_body(text) == read
