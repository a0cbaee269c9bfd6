"""A pasted thread whose unnumbered opening post has a few paragraphs over "1/", "2/" … posts: the opening post
stays one post (the cover), each numbered post one post, every word once."""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from property_examples import examples
from studio.app.imports import Imports
from studio.sources.paste import split_posts

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s19-sources"


def texts(text: str) -> list[str]:
    return [p.text for p in Imports.paste(text).threads[0].posts]


def test_a_hook_of_two_paragraphs_over_numbered_posts_is_one_post():
    paste = (FIXTURES / "paste-hook-two-paragraphs.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / "paste-hook-two-paragraphs.expected.json").read_text(encoding="utf-8"))
    assert texts(paste) == expected["posts"]
    assert texts(paste.replace("\n", "\r\n")) == expected["posts"]


def test_a_hook_that_opens_with_a_number_of_its_own_still_leads_the_numbered_posts():
    assert texts("24/7 support is a lie. 🧵\n\n1/ Nobody answers at 3 AM.\n\n2/ Say when you answer instead.") == [
        "24/7 support is a lie.", "Nobody answers at 3 AM.", "Say when you answer instead."]


def test_a_list_under_the_second_paragraph_stays_in_it():
    # "1/ a" right under a line (no blank line before it) is that paragraph's list, not post numbering
    assert texts("First paragraph here, long enough to stand alone as a post.\n\n"
                 "Second paragraph, also long enough to stand alone as a post.\n1/ a\n2/ b") == [
        "First paragraph here, long enough to stand alone as a post.",
        "Second paragraph, also long enough to stand alone as a post.\n1/ a\n2/ b"]


def test_a_preface_longer_than_a_post_keeps_its_paragraphs_apart():
    para = "A paragraph of the preface that says a good deal about the subject at hand."
    got = texts("\n\n".join([para] * 4) + "\n\n1/ First numbered post.\n\n2/ Second numbered post.")
    assert got == [para] * 4 + ["1/ First numbered post.", "2/ Second numbered post."]


_word = st.sampled_from(["Ship", "weekly", "users", "pricing", "🧵", "👇", "Here's", "what", "I", "learned:",
                         "café", "24/7", "1/2", "#SaaS", "@ana_writes", "(really)", "—", "10x", "中文"])
_paragraph = st.lists(_word, min_size=2, max_size=8).map(" ".join)
# (a hook's paragraph that opens with "1/2" would itself read as the first post's number)
_hook_paragraph = _paragraph.filter(lambda p: not p.startswith("1/2"))


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(_hook_paragraph, min_size=1, max_size=3), st.lists(_paragraph, min_size=2, max_size=6),
       st.sampled_from(["{n}/", "{n}/{t}", "({n}/{t})", "{n}/n"]))
def test_property_a_hook_of_paragraphs_then_numbered_posts_come_back_exactly(hook, posts, marker):
    numbered = "\n\n".join(marker.format(n=n, t=len(posts)) + " " + p for n, p in enumerate(posts, 1))
    assert split_posts("\n\n".join(hook) + "\n\n" + numbered) == ["\n\n".join(hook), *posts]


def test_a_thread_numbered_from_0_loses_its_covers_number_too():
    assert texts("0/ Intro: why I wrote this.\n\n1/ First.\n\n2/ Second.\n\n3/ Third.") == [
        "Intro: why I wrote this.", "First.", "Second.", "Third."]


def test_a_fraction_opening_a_hooks_paragraph_does_not_stop_the_numbered_posts():
    assert texts("Big thread 🧵\n\n2/3 of startups fail at pricing.\n\n1/ Price high.\n\n2/ Test often.") == [
        "Big thread\n\n2/3 of startups fail at pricing.", "Price high.", "Test often."]


def test_a_list_numbered_from_1_under_a_hook_is_never_read_from_its_2():
    text = "Hook line here, long enough.\n1) Measure first.\n2) Cache the wheels.\n3) Split the suite."
    assert texts(text) == [text]
