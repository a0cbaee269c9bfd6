"""Pasted text with no blank lines: one post per line when each line is a post, else whole lines packed.

Many places copy a thread one post per line (an unrolled thread, a notes app, a chat). Before, such a paste was
packed into 280-character posts sentence by sentence: posts were cut in the middle ("3) Split the suite by
duration." | "Four shards finish within a minute.") and list items were split across slides.
"""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from property_examples import examples
from studio.sources import parse_paste
from studio.sources.counting import weighted_length

THREAD = [
    "How I cut our CI time from 40 minutes to 6, step by step.",
    "1) Measure first. 61% of the time was installing dependencies, not running tests.",
    "2) Cache the wheel directory between runs. That alone saved 14 minutes.",
    "3) Split the suite by historical duration, not by file count. Four shards finish within a minute of each other.",
    "4) Stop rebuilding the Docker image on every push. Build it nightly, pin it by digest.",
    "5) The last 2 minutes were flaky retries. Fix the flakes; retries hide bugs.",
    "That's it. If this helped, follow me for more build-speed notes 👇",
]


def texts(text: str) -> list[str]:
    return [p.text for p in parse_paste(text).threads[0].posts]


def test_a_thread_pasted_one_post_per_line_gives_one_post_per_line():
    assert texts("\n".join(THREAD)) == THREAD  # the creator's numbering stays as written


def test_a_short_list_stays_one_post():
    text = "Three things I learned this year:\n- Ship early.\n- Talk to users.\n- Rest."
    assert texts(text) == [text]


def test_hard_wrapped_prose_is_packed_without_breaking_its_lines():
    prose = ("We moved the whole team to trunk-based development last spring and the first month was rough, "
             "because every habit we had assumed long-lived branches. Reviews got smaller, then faster, and by "
             "June nobody wanted to go back. The trick was feature flags for anything that took more than a "
             "day, and a rule that main is always releasable, even at five on a Friday afternoon.")
    wrapped = []
    for word in prose.split():  # wrapped at 60 columns, as an email or a text editor does
        if wrapped and len(wrapped[-1]) + 1 + len(word) <= 60:
            wrapped[-1] += " " + word
        else:
            wrapped.append(word)
    posts = texts("\n".join(wrapped))
    assert len(posts) > 1 and all(weighted_length(p) <= 280 for p in posts)
    assert [line for p in posts for line in p.split("\n")] == wrapped  # every line whole, in order


# Words only (numbering markers and a lone "Thread" label are removed by design, tested elsewhere).
_line = st.lists(st.sampled_from(["carousel", "slides", "swipe", "save.", "why?", "日本語", "👩‍💻", "ok!", "#ship",
                                  "https://example.org/x", "—"]), min_size=1, max_size=40).map(" ".join)


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(_line, min_size=1, max_size=12))
def test_property_lines_keep_every_word_in_order_within_the_limit(lines):
    posts = texts("\n".join(lines))
    assert all(weighted_length(p) <= 280 for p in posts)
    words = [w for line in lines for w in line.split()]
    got = [w for p in posts for w in p.split()]
    assert regex.findall(r"\X", "".join(got)) == regex.findall(r"\X", "".join(words))
