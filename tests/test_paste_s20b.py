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


from studio.sources.paste import split_posts, strip_post_numbers  # noqa: E402


def test_a_total_the_run_fits_numbers_the_post():
    assert split_posts("1/5 How I grew my newsletter to 10k\n\n2/ Write every week.\n\n3/ Reply to everyone.\n\n"
                       "4/ Cut the fluff.\n\n5/ Ask for shares.") == [
        "How I grew my newsletter to 10k", "Write every week.", "Reply to everyone.", "Cut the fluff.",
        "Ask for shares."]
    assert split_posts("How I grew 🧵\n\n1/5 Write every week.\n\n2/ Reply to everyone.\n\n3/ Cut.") == [
        "How I grew 🧵", "Write every week.", "Reply to everyone.", "Cut."]
    assert strip_post_numbers(["1/5 How I grew", "2/ a", "3/ b", "4/ c", "5/ d"], page=True) == [
        "How I grew", "a", "b", "c", "d"]


def test_a_total_no_later_mark_fits_stays_the_authors_fraction():
    assert split_posts("1/3 of startups fail.\n\n2/5 Most run out of cash.\n\n3/5 The rest give up.")[0] == \
        "1/3 of startups fail."
    assert strip_post_numbers(["1/3 of startups fail", "2/ a", "3/ b", "4/ c"], page=True)[0] == "1/3 of startups fail"


from studio.sources.paste import parse_paste  # noqa: E402


@pytest.mark.parametrize("number", ["2/", "2/4"])
def test_a_drafts_post_that_is_only_its_number_is_left_out_with_a_notice_naming_it(number):
    total = "/4" if "/" in number[2:] or number.endswith("/4") else "/"
    text = f"1{total} How I grew my newsletter\n\n{number}\n\n3{total} Write daily.\n\n4{total} Reply to all."
    result = parse_paste(text)
    assert [p.text for p in result.threads[0].posts] == ["How I grew my newsletter", "Write daily.", "Reply to all."]
    assert [w for w in result.warnings if "only its number" in w] == ["left out post 2: it holds only its number, no words"]


def test_a_page_copys_post_that_is_only_its_number_is_left_out_with_the_same_notice():
    page = "\n".join(["Ben Carter", "@bencarter", "1/ How I grew my newsletter", "9:40 AM · Nov 28, 2026", "·", "7,800",
                      "Views", "3", "12", "90", "4",
                      "Ben Carter", "@bencarter", "·", "Nov 28", "2/", "2", "3", "40",
                      "Ben Carter", "@bencarter", "·", "Nov 28", "3/ Write daily.", "2", "3", "40",
                      "Ben Carter", "@bencarter", "·", "Nov 28", "4/ Reply to all.", "2", "3", "40"])
    result = parse_paste(page)
    assert [p.text for p in result.threads[0].posts] == ["How I grew my newsletter", "Write daily.", "Reply to all."]
    assert [w for w in result.warnings if "only its number" in w] == ["left out post 2: it holds only its number, no words"]
