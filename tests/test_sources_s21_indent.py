"""A pasted text keeps its creator's indentation and its 🧵 hook: nested list lines stay nested on the one-post
path as on the multi-post one (the layouts draw them as nested rows), and a short first paragraph marked 🧵 is
the thread's first post of its own."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from studio.sources import read_text
from studio.sources.paste import pack_sentences

NESTED = (Path(__file__).parent / "fixtures" / "unseen-s21" / "13-sub-bullets-mixed.txt").read_text(encoding="utf-8")
NESTED_LINES = ["  - inbox zero", "  - plan the sprint", "    - deep work", "    - no meetings", "    1. demo",
                "    2. retro"]


def _texts(text: str) -> list[str]:
    return [p.text for p in read_text(text).threads[0].posts]


def test_a_one_post_paste_keeps_its_nested_list_lines():
    [post] = _texts(NESTED)
    lines = post.split("\n")
    assert all(line in lines for line in NESTED_LINES)  # the tab became four spaces, as on every path
    assert lines[0] == "How I plan a week:" and "- Monday" in lines


def test_one_post_and_a_longer_thread_read_the_nested_lines_alike():
    alone = _texts(NESTED)[0]
    inside = _texts("Before the list, a post of its own.\n\n---\n\n" + NESTED + "\n\n---\n\nAfter it, one more.")
    assert inside[1] == alone


def test_a_packed_post_starts_at_its_first_word():
    """Lines that do not fit in one post are packed: an indented line that opens a post loses only its
    leading spaces there, and every word arrives in order."""
    items = [f"  - item number {i} of a long list that goes on" for i in range(12)]
    posts = pack_sentences("\n".join(items))
    assert len(posts) > 1
    assert all(p == p.lstrip() for p in posts)
    assert " ".join(" ".join(posts).split()) == " ".join(" ".join(items).split())
    assert any("\n  - item" in p for p in posts)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.text("abc xyz", min_size=1, max_size=30).filter(str.strip)),
                min_size=1, max_size=8))
def test_indented_lines_that_fit_keep_their_indentation(rows):
    lines = ["Plan:"] + [" " * (2 * depth) + "- " + words.strip() for depth, words in rows]
    [post] = pack_sentences("\n".join(lines), limit=10_000)
    assert post.split("\n") == [line.rstrip() for line in lines]


def test_a_short_hook_marked_with_the_thread_emoji_is_the_first_post():
    posts = _texts("My week 🧵\n\n" + NESTED + "\n\nLast post.")
    assert posts[0] == "My week"
    assert posts[1].startswith("How I plan a week:\n- Monday\n  - inbox zero")
    assert posts[-1].endswith("Last post.")  # a tiny closing line still joins the post above (the merge rule)


def test_a_hook_emoji_first_or_last_in_its_paragraph_alike():
    assert _texts("Big news 🧵\n\nWe shipped the new editor today.") == ["Big news", "We shipped the new editor today."]
    assert _texts("🧵 Big news\n\nWe shipped the new editor today.") == ["Big news", "We shipped the new editor today."]


def test_without_the_emoji_a_short_opener_still_joins_the_next_paragraph():
    assert _texts("Big news\n\nWe shipped the new editor today.") == ["Big news\nWe shipped the new editor today."]


def test_a_lone_thread_label_is_no_hook_post():
    assert _texts("Thread 🧵\n\nWe shipped it today.\n\nMore soon.") == ["We shipped it today.\n\nMore soon."]


@settings(max_examples=60, deadline=None)
@given(st.text("abcdef ", min_size=1, max_size=15).filter(lambda s: s.strip() and "thread" not in s),
       st.lists(st.text("ghijk .", min_size=1, max_size=60).filter(lambda s: s.strip(". ")), min_size=1,
                max_size=4))
def test_a_hook_paragraph_is_its_own_post_and_no_word_is_lost(hook, paragraphs):
    text = hook + " 🧵\n\n" + "\n\n".join(paragraphs)
    posts = _texts(text)
    assert posts[0] == " ".join(hook.split())
    assert " ".join(" ".join(posts).split()) == " ".join(text.replace("🧵", "").split())


def test_a_post_number_written_otherwise_splits_as_a_plain_one():
    plain = _texts("Hook here\n\n2/\n\nLast.")
    assert plain == ["Hook here", "Last."]
    assert _texts("Hook here\n\n2/\u00a0\n\nLast.") == plain  # a no-break space after the number
    assert _texts("Hook here\n\n2/\u00a0Last.") == plain
    assert _texts("Hook here\n\n(2/)\n\nLast.") == plain
    assert _texts("Hook here\n\n(2/) Last.") == plain
    assert _texts("Hook here\n\n2/2\n\nLast.") == plain  # the last of two, alone on its line


def test_a_run_of_bracketed_numbers_without_a_total_and_no_break_spaces():
    assert _texts("Hook\n\n(1/) First one.\n\n(2/) Second one.") == ["Hook", "First one.", "Second one."]
    assert _texts("1/\u00a0First.\n\n2/\u00a0Second.") == ["First.", "Second."]


def test_a_two_over_two_in_words_or_ending_the_text_stays_the_authors():
    assert _texts("Hook here.\n\n2/2 done today.") == ["Hook here.\n2/2 done today."]
    assert _texts("Score so far:\n\n2/2") == ["Score so far:\n2/2"]


def test_a_thread_emoji_inside_an_opening_code_block_makes_no_hook_post():
    text = '```\nx = "🧵"\n```\n\nAfter it.\n\nMore.'
    assert _texts(text) == ['```\nx = "🧵"\n```\nAfter it.\n\nMore.']  # as with any short opener


def test_a_hook_of_two_paragraphs_marked_with_the_thread_emoji_over_a_lone_two():
    assert _texts("Ten things 🧵\n\nFirst paragraph of hook.\n\n2/\n\nLast.") == [
        "Ten things\n\nFirst paragraph of hook.", "Last."]
    # unmarked, the lone "2/" under two paragraphs stays the author's (as before)
    assert _texts("Ten things\n\nFirst paragraph of hook.\n\n2/\n\nLast.") == [
        "Ten things\nFirst paragraph of hook.\n\n2/\nLast."]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["2/", "2/\u00a0", "(2/)", "[2/]", "2/2", "(2/2)"]),
       st.text("abcdefgh ", min_size=1, max_size=40).filter(lambda s: s.strip()),
       st.text("ijklmnop ", min_size=1, max_size=40).filter(lambda s: s.strip()))
def test_a_second_post_number_alone_on_its_line_splits_and_keeps_every_word(mark, hook, last):
    hook, last = " ".join(hook.split()).capitalize() + ".", " ".join(last.split()).capitalize() + "."
    assert _texts(f"{hook}\n\n{mark}\n\n{last}") == [hook, last]
