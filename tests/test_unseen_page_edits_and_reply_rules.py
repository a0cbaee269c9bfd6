"""Copies of thread pages with what X adds around a post that earlier copies did not have: the "Who can reply?"
box under an opening post whose author limited replies, the banner over an edited post's older version, a poll
in a copy with a blank line between every two lines — in Chrome's, Firefox's and Safari's shapes."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from property_examples import examples
from studio.app.imports import Imports

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s19-sources"
PAGES = ["page-chrome-logged-in.txt", "page-logged-out-poll-quote.txt", "page-who-can-reply.txt"]


def _safari(text: str) -> str:
    """Each post's header on one line ("Name@handle·Nov 2"), as a copy that keeps inline parts together has it."""
    return re.sub(r"^(.+)\n(@\w+)\n·\n(\S.*)$", r"\1\2·\3", text, flags=re.MULTILINE)


SHAPES = {"chrome": lambda t: t, "firefox-blank-lines": lambda t: "\n\n".join(t.split("\n")),
          "windows": lambda t: t.replace("\n", "\r\n"), "safari": _safari}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("name", PAGES)
def test_every_post_arrives_once_in_order_without_xs_lines(name, shape):
    expected = json.loads((FIXTURES / name).with_suffix(".expected.json").read_text(encoding="utf-8"))
    result = Imports.paste(SHAPES[shape]((FIXTURES / name).read_text(encoding="utf-8")))
    posts = result.threads[0].posts
    got = [p.text for p in posts]
    if shape == "firefox-blank-lines":  # every line break became a blank line: the words arrive, post by post
        assert [t.split() for t in got] == [t.split() for t in expected["posts"]]
    else:
        assert got == expected["posts"]
    assert {(p.author_name, p.handle) for p in posts} == {(expected["name"], expected["handle"])}


def test_an_older_version_of_an_edited_post_is_named():
    result = Imports.paste((FIXTURES / "page-who-can-reply.txt").read_text(encoding="utf-8"))
    assert result.warnings == [
        "post 1 is an older version of its post (X showed \"There’s a new version of this post\" over it): the slide "
        "has the words before the edit; open the latest version on X and copy it again, or paste its words into "
        "the slide"]


def test_a_poll_in_a_copy_with_blank_lines_between_every_line_keeps_only_its_options():
    page = "\n\n".join(["Dana Kim", "@danakim_dev", "Should we keep the free plan? 🧵", "10:04 AM · May 28, 2024",
                        "Dana Kim", "@danakim_dev", "·", "May 28", "You decide.", "Yes, keep it", "61.3%",
                        "No, kill it", "38.7%", "1,024 votes · Final results", "8", "40"])
    assert [p.text for p in Imports.paste(page).threads[0].posts] == [
        "Should we keep the free plan?", "You decide.\n\nYes, keep it\n\nNo, kill it"]


_WORDS = ["Hire", "slowly", "fire", "fast", "🚀", "can", "reply", "People", "latest", "version", "post", "42%",
          "@samlee", "#hiring", "Who", "new", "There’s", "of", "this", "See", "the"]
_RULES = ["People @danakim_dev mentioned can reply", "Accounts @danakim_dev follows or mentioned can reply",
          "Only subscribers can reply", "Verified accounts can reply"]


@settings(max_examples=examples(40), deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=7).map(" ".join), min_size=2, max_size=5),
       st.sampled_from(_RULES), st.booleans(), st.sampled_from(["\n", "\n\n"]))
def test_property_xs_boxes_around_the_opening_post_never_reach_the_slides(posts, rule, old, joiner):
    lines = ["Post", "Conversation", "Dana Kim", "@danakim_dev", posts[0]]
    lines += ["There’s a new version of this post.", "See the latest post"] if old else []
    lines += ["10:04 AM · May 28, 2024", "·", "9,812", "Views", "7", "15", "140", "Who can reply?", rule]
    for text in posts[1:]:
        lines += ["Dana Kim", "@danakim_dev", "·", "May 28", text, "3", "12"]
    result = Imports.paste(joiner.join(lines))
    assert [p.text.split() for p in result.threads[0].posts] == [t.split() for t in posts]
    assert any("older version" in w for w in result.warnings) == old


@pytest.mark.parametrize("word", ["Follow", "Subscribe", "Folgen", "Seguir", "Suivre"])
def test_a_post_that_ends_in_the_word_follow_keeps_it(word):
    page = "\n".join(["Dana Kim", "@danakim_dev", "Three verbs for new founders 🧵", "10:04 AM · May 28, 2024", "·",
                      "48K", "Views", "Dana Kim", "@danakim_dev", "·", "May 28", "Ship", "Listen", word, "3", "12",
                      "Dana Kim", "@danakim_dev", "·", "May 28", "That's the list.", "1", "9"])
    assert [p.text for p in Imports.paste(page).threads[0].posts] == [
        "Three verbs for new founders", f"Ship\nListen\n{word}", "That's the list."]


@settings(max_examples=examples(40), deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=6).map(" ".join),
                          st.sampled_from(["", "Follow", "Subscribe", "42", "Seguir"])), min_size=2, max_size=5),
       st.sampled_from(["\n", "\n\n"]))
def test_property_a_word_of_xs_buttons_ending_a_post_is_the_authors(posts, joiner):
    texts = [words + (f"\n{last}" if last else "") for words, last in posts]
    lines = ["Dana Kim", "@danakim_dev", texts[0], "10:04 AM · May 28, 2024", "·", "9,812", "Views", "7", "15"]
    for text in texts[1:]:
        lines += ["Dana Kim", "@danakim_dev", "·", "May 28", text, "3", "12", "140", "2.1K"]
    result = Imports.paste(joiner.join(lines))
    assert [p.text.split() for p in result.threads[0].posts] == [t.split() for t in texts]


def test_numbers_over_the_opening_posts_time_are_the_authors():
    page = "\n".join(["Dana Kim", "@danakim_dev", "Customers we lost last year:", "42", "10:04 AM · May 28, 2024",
                      "·", "9,812", "Views", "7", "15", "Dana Kim", "@danakim_dev", "·", "May 28", "Here is why.",
                      "3", "12"])
    assert [p.text for p in Imports.paste(page).threads[0].posts] == ["Customers we lost last year:\n42",
                                                                      "Here is why."]


def test_an_opening_post_ending_in_a_mention_reads_in_a_copy_with_blank_lines():
    page = "\n\n".join(["Dana Kim", "@danakim_dev", "Hiring lessons, with thanks to @samlee", "10:04 AM · May 28, 2024",
                        "·", "9,812", "Views", "Dana Kim", "@danakim_dev", "·", "May 28", "First: hire slowly.", "3"])
    result = Imports.paste(page)
    assert [p.text for p in result.threads[0].posts] == ["Hiring lessons, with thanks to @samlee", "First: hire slowly."]
    assert {p.handle for p in result.threads[0].posts} == {"danakim_dev"}


def test_a_line_of_a_post_ending_in_a_mention_is_no_header_in_a_copy_with_blank_lines():
    lines = ["Post", "Conversation", "Dana Kim", "@danakim_dev", "Lessons from a year of hiring\nwith thanks to @samlee\n"
             "and the team", "10:04 AM · May 28, 2024", "·", "9,812", "Views", "Dana Kim", "@danakim_dev", "·",
             "May 28", "Hire slowly, with @ana_writes", "3"]
    result = Imports.paste("\n\n".join(lines))
    assert [p.text for p in result.threads[0].posts] == [
        "Lessons from a year of hiring\nwith thanks to @samlee\nand the team", "Hire slowly, with @ana_writes"]
    assert {p.handle for p in result.threads[0].posts} == {"danakim_dev"}


_LINE = st.lists(st.sampled_from(_WORDS + ["@samlee", "@ana_writes"]), min_size=2, max_size=6).map(" ".join)


@settings(max_examples=examples(40), deadline=None)
@given(st.lists(st.lists(_LINE, min_size=1, max_size=3).map("\n".join), min_size=2, max_size=5))
def test_property_posts_of_several_lines_arrive_whole_in_a_copy_with_blank_lines(posts):
    lines = ["Post", "Conversation", "Dana Kim", "@danakim_dev", posts[0], "10:04 AM · May 28, 2024", "·", "9,812",
             "Views", "7", "15"]
    for text in posts[1:]:
        lines += ["Dana Kim", "@danakim_dev", "·", "May 28", text, "3", "12"]
    result = Imports.paste("\n\n".join(lines))
    assert [p.text.split() for p in result.threads[0].posts] == [t.split() for t in posts]


def test_the_reply_box_under_the_opening_post_naming_a_long_handle_stays_out():
    lines = ["Post", "Conversation", "Marco", "@marco_bellini_", "Hiring lessons 🧵", "11:20 AM · Nov 5, 2026", "·",
             "9,812", "Views", "7", "15", "Replying to @marco_bellini_", "Post your reply", "Reply", "Marco",
             "@marco_bellini_", "·", "Nov 5", "Hire slowly."]
    assert [p.text for p in Imports.paste("\n".join(lines)).threads[0].posts] == ["Hiring lessons", "Hire slowly."]
