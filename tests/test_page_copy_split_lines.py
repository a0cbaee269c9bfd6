"""Page copies whose inline pieces the browser put on lines of their own: a poll's "1,024 votes · Final results"
broken at its "·". X's figures go, the author's options and words stay."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.sources import parse_paste

HEAD = "Sam Lee\n@samlee\nMy year in numbers, a thread 🧵\n9:15 AM · Nov 27, 2026\n·\n45.1K\n Views\n12\n30\n400\n"


def post(body: str) -> str:
    return f"Sam Lee\n@samlee\n·\nNov 27\n{body}\n"


@pytest.mark.parametrize("footer", ["1,024 votes\n·\nFinal results", "12 votes\n·\n2 days left",
                                    "1.2K votes\n·\n\nFinal results", "1,024 votes · Final results"])
def test_a_poll_footer_broken_at_its_dot_is_left_out_with_the_shares(footer):
    copy = HEAD + post(f"Which should I write next?\nPricing\n61.5%\nHiring\n38.5%\n{footer}\n4\n") + post("Thanks!")
    result = parse_paste(copy)
    texts = [p.text for p in result.threads[0].posts]
    assert texts == ["My year in numbers, a thread", "Which should I write next?\nPricing\nHiring", "Thanks!"]
    assert "kept the options of 1 poll, without X's vote shares and counts" in result.warnings


def test_the_authors_own_dot_line_and_votes_stay():
    """Not a poll's footer (no count of votes before the dot): every word is the author's."""
    body = "Two kinds of votes\n·\nFinal results matter\n·\nso do the rest"
    texts = [p.text for p in parse_paste(HEAD + post(body) + post("Thanks!")).threads[0].posts]
    assert texts[1] == body


@given(st.lists(st.sampled_from(["Pricing", "Hiring", "Growth", "·", "12 votes", "Final results", "left"]),
                min_size=1, max_size=6))
def test_property_words_without_a_poll_are_never_dropped(lines):
    """Lines that hold no share (%), so no poll: whatever they are, the post keeps them all."""
    body = "Which one?\n" + "\n".join(lines)
    texts = [p.text for p in parse_paste(HEAD + post(body) + post("Thanks!")).threads[0].posts]
    kept = texts[1].split("\n") if len(texts) == 3 else []
    for word in ("Pricing", "Hiring", "Growth"):
        assert lines.count(word) == kept.count(word)


def test_a_time_closing_a_post_stays_and_is_named():
    """X copies a video's length ("0:58") as a line under the words; the author may have written it too."""
    copy = HEAD + post("Our launch day, uncut:\n0:58\n3\n9\n") + post("Doors open at 9:30 sharp.")
    result = parse_paste(copy)
    assert [p.text for p in result.threads[0].posts][1:] == ["Our launch day, uncut:\n0:58", "Doors open at 9:30 sharp."]
    assert [w for w in result.warnings if "0:58" in w] == [
        "post 2 ended in a time on a line of its own (\"0:58\"), as X shows a video's length: kept, since it may be "
        "the author's; delete it from the slide if it is the video's"]
