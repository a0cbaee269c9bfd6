"""X's weighted length (twitter-text v3 rules), and counted nouns in messages ("1 post", "2 posts")."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.sources.counting import URL_LENGTH, fits, weighted_length
from studio.sources.result import count

from property_examples import ANY_CHARACTER


def test_latin_counts_one_cjk_two():
    assert weighted_length("hello") == 5
    assert weighted_length("Καλημέρα") == 8
    assert weighted_length("日本語") == 6
    assert weighted_length("한국어") == 6


def test_every_emoji_counts_two_however_many_code_points():
    for emoji in ("👇", "👨‍👩‍👧‍👦", "🇬🇷", "👍🏽", "❤️", "1️⃣"):
        assert weighted_length(emoji) == 2, emoji


def test_urls_count_23():
    assert weighted_length("https://example.org/a/very/long/path/that/goes/on?and=on") == URL_LENGTH
    assert weighted_length("see example.com now") == 4 + URL_LENGTH + 4
    assert weighted_length("end.") == 4


def test_punctuation_ranges():
    assert weighted_length("\u2013\u2014\u2018\u2019\u201c\u201d") == 6  # dashes and quotes weigh 1
    assert weighted_length("…") == 2 and weighted_length("→") == 2


def test_nfc_before_counting():
    assert weighted_length("e\u0301") == 1


def test_fits_at_280():
    assert fits("a" * 280) and not fits("a" * 281)
    assert fits("日" * 140) and not fits("日" * 141)


@given(st.text(ANY_CHARACTER, max_size=200))
def test_property_weight_between_one_and_two_per_code_point(text):
    n = weighted_length(text)
    assert 0 <= n
    if "http" not in text and "." not in text:
        import unicodedata
        assert n <= 2 * len(unicodedata.normalize("NFC", text))


@pytest.mark.parametrize("n, noun, expected", [(0, "post", "0 posts"), (1, "post", "1 post"), (2, "post", "2 posts"),
                                               (1, "reply", "1 reply"), (3, "reply", "3 replies"),
                                               (1500, "file", "1,500 files")])
def test_count_words(n, noun, expected):
    assert count(n, noun) == expected


def test_count_is_offered_to_the_studio():
    import studio.sources
    assert studio.sources.count is count
