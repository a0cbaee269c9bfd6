"""Round 2 of session 20: page copies where the creator's own lines look like X's interface."""
from __future__ import annotations

import pytest

from page_copy_helpers import page
from studio.sources.paste import parse_paste


def texts(text: str) -> tuple[list[str], list[str]]:
    result = parse_paste(text)
    return [p.text for p in result.threads[0].posts], result.warnings


@pytest.mark.parametrize("heading", ["Search", "Messages", "Explore", "Relevant people", "What's happening"])
def test_an_opening_post_with_a_line_worded_as_a_heading_and_a_quoted_post_arrives_whole(heading):
    posts, warnings = texts(page(["Our app has three tabs now:", heading, "Home", "Here is why 🧵", "Quote",
                                  "Dana Kim", "@danakim", "·", "Nov 2", "Tabs are overrated."],
                                 ["1/ Fewer tabs, fewer choices."], ["2/ Users found things faster."]))
    assert posts == [f"Our app has three tabs now:\n{heading}\nHome\nHere is why", "Fewer tabs, fewer choices.",
                     "Users found things faster."]
    assert not any("other accounts" in w for w in warnings)


def test_a_cut_post_holding_the_authors_own_show_more_is_named_as_cut():
    posts, warnings = texts(page(["Hook 🧵"], ["1/ The menu item", "Show more", "became All 12 reports.", "Show more"],
                                 ["2/ Last one."]))
    assert posts == ["Hook", "The menu item\nShow more\nbecame All 12 reports.", "Last one."]
    assert any("post 2" in w and "Show more" in w for w in warnings)


def test_an_uncut_post_holding_the_authors_show_more_is_not_named_as_cut():
    posts, warnings = texts(page(["Hook 🧵"], ["1/ The menu item", "Show more", "became All 12 reports."],
                                 ["2/ Last one."]))
    assert posts[1] == "The menu item\nShow more\nbecame All 12 reports."
    assert not any("Show more" in w for w in warnings)


def test_a_translated_opening_post_keeps_its_lines_worded_as_an_engine():
    posts, _ = texts(page(["Translated from Japanese by", "Google", "Three companies I learned from 🧵", "Toyota",
                           "Google", "Sony", "Bing"], ["1/ Next."], ["2/ Last."]))
    assert posts[0] == "Three companies I learned from\nToyota\nGoogle\nSony\nBing"
    posts, _ = texts(page(["Translated from Japanese by Google", "Three companies I learned from 🧵", "Toyota",
                           "Google", "Sony"], ["1/ Next."], ["2/ Last."]))
    assert posts[0] == "Three companies I learned from\nToyota\nGoogle\nSony"


LABELS = ["Quote", "Pinned", "Following", "Show replies", "Post", "Show this thread", "Read more", "Replying to",
          "Show less"]


@pytest.mark.parametrize("label", LABELS)
def test_a_posts_last_line_worded_as_a_label_over_its_counts_is_the_authors(label):
    posts, warnings = texts(page(["How I ship 🧵"], ["What we call it:", label], ["Last one here."]))
    assert posts == ["How I ship", f"What we call it:\n{label}", "Last one here."]


@pytest.mark.parametrize("label", LABELS)
def test_a_posts_last_line_worded_as_a_label_with_nothing_under_it_is_kept_and_named(label):
    posts, warnings = texts(page(["How I ship 🧵"], ["What we call it:", label], ["Last one here."], counts=False))
    assert posts == ["How I ship", f"What we call it:\n{label}", "Last one here."]
    assert any(w.startswith("post 2 ") and f'"{label}"' in w for w in warnings)
    assert not any("quoted post" in w for w in warnings)


def test_a_copy_without_counts_stopping_at_discover_more_keeps_it_out_of_the_last_slide():
    copy = page(["Hook line here."], ["Second post."], ["Third post, the last."], counts=False)
    posts, _ = texts(copy + "\nDiscover more\nSourced from across X")
    assert posts[-1] == "Third post, the last."
    posts, _ = texts(copy + "\nDiscover more\nSourced from across X\nDana Kim\n@danakim\n·\nNov 2\nOther words.")
    assert posts[-1] == "Third post, the last."


@pytest.mark.parametrize("word", ["Visualizaciones", "vues", "Visualizações", "weergaven", "Ad"])
def test_a_posts_last_word_worded_as_xs_views_in_any_language_is_the_authors(word):
    posts, _ = texts(page(["How I ship 🧵"], ["Our metric:", word], ["Last one here."]))
    assert posts[1] == f"Our metric:\n{word}"


def test_a_creators_list_of_x_button_words_left_out_is_named():
    posts, warnings = texts(page(["How I ship 🧵"], ["The buttons:", "Reply", "Repost", "Like"], ["Last one here."]))
    assert posts[1] == "The buttons:"
    assert any(w.startswith("post 2 ") and "Reply / Repost / Like" in w for w in warnings)


@pytest.mark.parametrize("first", ["42", "Read 14 replies"])
def test_a_posts_first_line_worded_as_a_count_is_the_authors(first):
    posts, _ = texts(page(["How I ship 🧵"], [first, "is the answer."], ["Last one here."]))
    assert posts[1] == f"{first}\nis the answer."
    posts, _ = texts(page([first, "is the answer 🧵"], ["Second."], ["Last one here."]))
    assert posts[0] == f"{first}\nis the answer"
