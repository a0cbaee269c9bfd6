"""A tweets.js read with no thread chosen (pasted, or given to the command line) is read as a listing: a long post
of a later place in a thread is kept whole there, never cut without a word."""
from __future__ import annotations

from pathlib import Path

from studio.sources import load_input, read_text

# a two-post thread whose second post holds 5,040 words (23,099 characters: within X Premium's 25,000)
FILE = Path(__file__).parent / "fixtures" / "unseen-s21-sources" / "tweets-long-later-post.js"


def test_a_long_later_post_of_a_listing_is_kept_whole():
    for result in (load_input(FILE), read_text(FILE.read_text(encoding="utf-8"))):
        words = [len(p.text.split()) for p in result.threads[0].posts]
        assert max(words) == 5_040, words
