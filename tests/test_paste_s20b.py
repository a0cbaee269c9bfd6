"""Round 2 of session 20: drafts and long words."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from studio.sources.paste import pack_sentences


@pytest.mark.parametrize("word", ["a.co" * 300 + "x", "a.co" * 300, "x" * 900, "ab🧵" * 200])
def test_one_long_word_is_cut_into_pieces_with_no_space_put_inside_it(word):
    out = pack_sentences(word)
    assert all(" " not in piece for piece in out)
    assert "".join(out) == word


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["a.co", "x", "é", "🧵", "https://x.co/", "ab"]), min_size=80, max_size=400))
def test_a_long_word_made_of_any_pieces_comes_back_whole(bits):
    word = "".join(bits)
    out = pack_sentences("Start here. " + word)
    assert "".join(out) in ("Start here. " + word, "Start here." + word)  # (a chunk may end at "here.")
