"""Words the creator wrote that look like X's or like a post number: a "0/3" or "1/3" that is a fraction in the
opening sentence, a post that is its number alone, a post whose last line is "Like", "Share" or "Reply" (X's
buttons are icons: a copy of the page holds their counts, never their words). Each arrives whole."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from property_examples import examples
from studio.app.imports import Imports
from studio.sources.paste import split_posts, strip_post_numbers

CHROME = (Path(__file__).parent / "fixtures" / "unseen-s19-sources" / "page-chrome-logged-in.txt").read_text(
    encoding="utf-8")
POST_2 = "2/ Ship ugly. Here are v1 and v3 of our landing page\nImage\nALT\nImage"
SHAPES = {"chrome": lambda t: t, "firefox-blank-lines": lambda t: "\n\n".join(t.split("\n"))}
LESSONS = "\n\n1/3 First lesson here.\n\n2/3 Second lesson.\n\n3/3 Third lesson."


def _texts(text: str) -> list[str]:
    return [p.text for p in Imports.paste(text).threads[0].posts]


def test_a_zero_over_three_in_the_opening_sentence_stays_the_authors():
    assert _texts("0/3 of my bets paid off this year." + LESSONS) == [
        "0/3 of my bets paid off this year.", "First lesson here.", "Second lesson.", "Third lesson."]


def test_a_zero_label_over_the_same_totals_still_numbers_the_cover():
    assert _texts("0/3 Intro: what I learned" + LESSONS)[0] == "Intro: what I learned"


def test_a_post_that_is_its_number_alone_is_left_out_and_named():
    result = Imports.paste("0/3" + LESSONS)  # (no words of the creator's: round 2 leaves it out, with a notice)
    assert [p.text for p in result.threads[0].posts] == ["First lesson here.", "Second lesson.", "Third lesson."]
    assert any("post 1" in w and "only its number" in w for w in result.warnings)


@pytest.mark.parametrize("rest", ["\n\n2/ Most of them run out of cash.\n\n3/ The rest run out of will.\n\n4/ Fin.",
                                  "\n\n2/5 Most of them run out of cash.\n\n3/5 The rest run out of will.\n\n4/5 Fin."])
def test_a_fraction_opening_a_thread_whose_numbers_do_not_match_it_stays(rest):
    # (over "2/", "3/" alone a "1/3" fits the run of three: it numbers it)
    assert split_posts("1/3 of startups fail in year one." + rest) == [
        "1/3 of startups fail in year one.", "Most of them run out of cash.", "The rest run out of will.", "Fin."]


def test_a_fraction_opening_a_copied_page_stays_the_authors():
    assert strip_post_numbers(["1/3 of startups fail", "2/ Most run out of cash.", "3/ The rest give up.", "4/ Fin."],
                              page=True) == ["1/3 of startups fail", "Most run out of cash.", "The rest give up.", "Fin."]
    assert strip_post_numbers(["0/3 of my bets paid off.", "1/3 a", "2/3 b", "3/3 c"], page=True)[0] == \
        "0/3 of my bets paid off."


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("word", ["Like", "Share", "Reply", "Repost", "Bookmark", "Like\nShare\nReply", "Promoted", "Ad",
                                  "Views", "Share\nViews"])
def test_a_post_ending_in_a_button_word_keeps_it(shape, word):
    text = CHROME.replace(POST_2, "2/ Ship ugly. Then ask people what they\n" + word)
    texts = _texts(SHAPES[shape](text))
    assert texts[2].split() == ["Ship", "ugly.", "Then", "ask", "people", "what", "they", *word.split()]
    assert texts[3].startswith("Talk to 5 users")


@pytest.mark.parametrize("word", ["Like", "Share", "Reply"])
def test_the_opening_and_the_last_post_keep_a_button_word_too(word):
    opening = CHROME.replace("my past self:\n0:42", "my past self:\n" + word)
    assert _texts(opening)[0].endswith("my past self:\n" + word)
    last = CHROME.replace("#buildinpublic\nTranslate post", "#buildinpublic\n" + word)
    assert _texts(last)[-1].endswith("#buildinpublic\n" + word)


def test_xs_whole_button_row_stays_out():
    text = CHROME.replace(POST_2, "2/ Ship ugly.\nReply\nRepost\nLike\nBookmark\nShare")
    assert _texts(text)[2] == "Ship ugly."


_BUTTON = st.sampled_from(["Like", "Share", "Reply", "Repost", "Bookmark", "like", "SHARE"])


@settings(max_examples=examples(40), deadline=None)
@given(st.lists(_BUTTON, min_size=1, max_size=2), st.sampled_from(list(SHAPES)))
def test_property_one_or_two_button_words_under_a_post_are_the_authors(words, shape):
    text = CHROME.replace(POST_2, "2/ Ship ugly, then\n" + "\n".join(words))
    assert _texts(SHAPES[shape](text))[2].split() == ["Ship", "ugly,", "then", *words]


_LINE = st.sampled_from(["Ship it.", "then ask", "Show more", "Translate post", "Mostrar más", "Like", "why?",
                         "2/3 of users", "0:42", "#buildinpublic", "@sam_k"])


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=5), st.sampled_from(list(SHAPES)))
def test_property_xs_words_between_the_authors_lines_stay(lines, shape):
    """A line worded as X's button with the author's words under it is the author's: every line arrives."""
    body = ["Ship ugly, then", *lines, "the end."]
    text = CHROME.replace(POST_2, "2/ " + "\n".join(body))
    assert _texts(SHAPES[shape](text))[2].split() == " ".join(body).split()


def test_a_hook_over_a_run_from_zero_is_its_own_post():
    assert split_posts("Hook here 🧵\n\n0/3 Intro: what I learned" + LESSONS) == [
        "Hook here 🧵", "Intro: what I learned", "First lesson here.", "Second lesson.", "Third lesson."]


def test_a_copied_pages_hook_over_posts_numbered_from_zero_loses_the_numbers():
    assert strip_post_numbers(["Hook 🧵", "0/ Intro", "1/ a", "2/ b"], page=True) == ["Hook 🧵", "Intro", "a", "b"]


@pytest.mark.parametrize("heading", ["Discover more", "Messages", "Relevant people"])
def test_an_opening_post_with_a_line_worded_as_xs_heading_arrives_whole(heading):
    page = CHROME.replace("Here is what I would tell my past self:\n0:42",
                          f"Here is what I would tell my past self:\n{heading}\nabout the next ten years")
    texts = _texts(page)
    assert texts[0].endswith(f"my past self:\n{heading}\nabout the next ten years")
    assert len(texts) == 6
