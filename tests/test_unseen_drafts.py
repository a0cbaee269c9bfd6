"""A draft written in a thread scheduler marks each new post with two or more blank lines and keeps one blank
line between the paragraphs of a post: pasted, it gives exactly those posts, paragraphs kept."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from studio.sources import parse_paste

DRAFT = ("I rebuilt our onboarding in a week. Here is what changed.\n\n(A thread.)\n\n\n\n"
         "Day 1: we cut the signup form from 9 fields to 3.\n\nConversion went up 18% the same day.\n\n\n"
         "Day 3: a checklist instead of a tour.\n\nNobody finished the tour. Everybody finishes a checklist.\n \n\t\n"
         "Thanks!")


def posts(text: str) -> list[str]:
    return [p.text for p in parse_paste(text).threads[0].posts]


def test_a_scheduler_draft_gives_its_posts_with_their_paragraphs():
    assert posts(DRAFT) == [
        "I rebuilt our onboarding in a week. Here is what changed.\n\n(A thread.)",
        "Day 1: we cut the signup form from 9 fields to 3.\n\nConversion went up 18% the same day.",
        "Day 3: a checklist instead of a tour.\n\nNobody finished the tour. Everybody finishes a checklist.",
        "Thanks!"]


def test_numbering_still_wins_over_an_extra_blank_line():
    text = "How we doubled signups 🧵\n\n\n1/ Fewer fields.\n\n2/ A checklist.\n\n3/ Earlier email."
    assert posts(text) == ["How we doubled signups", "Fewer fields.", "A checklist.", "Earlier email."]


def test_one_extra_blank_line_in_a_plain_paste_changes_nothing():
    text = ("We moved the whole team to four-day weeks last spring.\n\n\n"
            "Output did not drop: it went up, and so did retention.\n\n"
            "The trick was cutting meetings, not hours.")
    assert posts(text) == ["We moved the whole team to four-day weeks last spring.",
                           "Output did not drop: it went up, and so did retention.",
                           "The trick was cutting meetings, not hours."]


def test_a_code_block_with_blank_lines_stays_in_its_draft_post():
    code = "```\ndef f():\n    return 1\n\n\ndef g():\n    return 2\n```"
    text = f"Two helpers:\n{code}\n\n\nWhy two?\n\nBecause one is never enough.\n\n\nThat's it for today, folks."
    assert posts(text) == ["Two helpers:\n" + code,  # the code as written, blank lines and all
                           "Why two?\n\nBecause one is never enough.", "That's it for today, folks."]


WORDS = st.sampled_from(["ship", "weekly", "users", "onboarding", "🚀", "Café", "naïve", "测试", "שלום", "fix",
                         "it", "then", "measure", "again", "#growth", "@dana", "https://example.com/x"])
paragraph = st.lists(WORDS, min_size=1, max_size=8).map(lambda w: " ".join(w) + ".")
post = st.lists(paragraph, min_size=1, max_size=3).map("\n\n".join)


@given(st.lists(post, min_size=3, max_size=7), st.lists(st.sampled_from(["\n\n\n", "\n\n\n\n", "\n \n\t\n"]),
                                                        min_size=1, max_size=3), st.booleans())
def test_property_a_draft_gives_exactly_its_posts(texts, gaps, with_paragraphs):
    if not with_paragraphs:
        texts = [t.replace("\n\n", " ") for t in texts]
    if not any("\n\n" in t for t in texts):
        texts[0] += "\n\nOne more thought."
    text = "".join(t + gaps[i % len(gaps)] for i, t in enumerate(texts))
    assert posts(text) == texts
