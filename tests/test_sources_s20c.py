"""Round 3 of session 20: fractions kept as the author's words, X's words after a page's last post."""
from __future__ import annotations

import pytest

from page_copy_helpers import page as _page
from studio.app.imports import Imports
from studio.sources.paste import split_posts, strip_post_numbers


def _texts(text: str) -> list[str]:
    return [p.text for p in Imports.paste(text).threads[0].posts]


@pytest.mark.parametrize("first", ["1/3 of startups fail in year one.", "1/3 de las startups fracasan.",
                                   "1/3 der Startups scheitern.", "1/3 des startups échouent.",
                                   "1/2 cup of flour is all you need.", "1/4 of startups fail 🧵"])
def test_a_fraction_before_a_partitive_or_unit_word_is_the_authors(first):
    draft = f"{first}\n\n2/ The rest run out of cash.\n\n3/ Here is how."
    assert split_posts(draft) == [first, "The rest run out of cash.", "Here is how."]
    assert strip_post_numbers([first, "2/ The rest.", "3/ How."], page=True) == [first, "The rest.", "How."]
    assert _texts(_page([first], ["2/ The rest."], ["3/ How."]))[0] == first.removesuffix(" 🧵")  # (a 🧵 goes)


def test_a_fraction_after_a_hook_stays_in_a_page_copy():
    assert _texts(_page(["Hook"], ["1/3 of us quit."], ["2/ Why."], ["3/ How."])) == [
        "Hook", "1/3 of us quit.", "Why.", "How."]


def test_lower_case_alone_is_not_a_fraction():
    assert split_posts("1/3 here's how I did it\n\n2/ first\n\n3/ second") == ["here's how I did it", "first", "second"]


def test_a_mark_a_later_one_numbers_again_is_the_authors_fraction():
    assert split_posts("1/2 of founders quit 🧵\n\n1/ Why.\n\n2/ How.") == ["1/2 of founders quit 🧵", "Why.", "How."]
    assert split_posts("1/2 Founders quit 🧵\n\n1/ Why.\n\n2/ How.") == ["1/2 Founders quit 🧵", "Why.", "How."]
    assert strip_post_numbers(["1/2 Founders quit", "1/ Why.", "2/ How."]) == ["1/2 Founders quit", "Why.", "How."]
    assert split_posts("1/3 A\n\n2/3 B\n\n3/3 C") == ["A", "B", "C"]  # a total written alike still numbers


@pytest.mark.parametrize("numbered", [True, False])
def test_quote_ending_the_pages_last_post_without_counts_is_kept(numbered):
    posts = [["Hook here."], ["2/ Body." if numbered else "Body."], ["3/ Last words" if numbered else "Last words",
                                                                    "Quote"]]
    assert _texts(_page(*posts, counts=False))[-1] == "Last words\nQuote"


@pytest.mark.parametrize("label", ["Show this thread", "Show replies", "Read more"])
def test_a_label_ending_the_pages_last_post_without_counts_is_kept_with_a_notice(label):
    result = Imports.paste(_page(["Hook here."], ["Body."], ["Last words", label], counts=False))
    assert result.threads[0].posts[-1].text == f"Last words\n{label}"
    assert any(f'"{label}"' in w for w in result.warnings)


@pytest.mark.parametrize("counts", [True, False])
@pytest.mark.parametrize("end", [["Something went wrong. Try reloading.", "Retry"],
                                 ["Show additional replies, including those that may contain offensive content",
                                  "Show"],
                                 ["Descubre más", "Procedente de todo X"], ["Discover more"], ["Mehr entdecken"],
                                 ["Découvrir plus"]])
def test_xs_lines_after_the_last_post_stay_out_of_the_slides(end, counts):
    page = _page(["Hook line here."], ["Second post."], ["Third post, the last."], counts=counts)
    result = Imports.paste(page + "\n" + "\n".join(end))
    assert [p.text for p in result.threads[0].posts] == ["Hook line here.", "Second post.", "Third post, the last."]
    if len(end) == 1:  # a lone heading might have been the author's last line: said
        assert any(f'"{end[0]}"' in w for w in result.warnings)


@pytest.mark.parametrize("counts", [True, False])
@pytest.mark.parametrize("word", ["Post your reply", "Show probable spam", "Mostrar respuestas", "Antworten anzeigen"])
def test_xs_reply_labels_ending_a_post_over_the_next_one_are_the_authors(word, counts):
    result = Imports.paste(_page(["How I ship"], ["What we call it:", word], ["Last one here."], counts=counts))
    assert [p.text for p in result.threads[0].posts][1] == f"What we call it:\n{word}"


@pytest.mark.parametrize("counts", [True, False])
@pytest.mark.parametrize("at", [0, 1, 2])
def test_a_list_of_xs_menu_words_in_a_post_keeps_its_last_one(at, counts):
    posts = [["How I ship"], ["Middle."], ["Last one here."]]
    posts[at] = ["Our three tabs:", "Home", "Search", "Messages"]
    assert _texts(_page(*posts, counts=counts))[at] == "Our three tabs:\nHome\nSearch\nMessages"


def _bare_notice(warnings: list[str], post: int) -> str:
    return next(w for w in warnings if w.startswith(f"left out post {post}:") and "only its number" in w)


def test_a_number_alone_on_its_line_over_the_next_mark_is_a_post_of_no_words_in_drafts_too():
    result = Imports.paste("1/ How I grew\n\n2/\n3/ Write daily.\n\n4/ Reply.")
    assert [p.text for p in result.threads[0].posts] == ["How I grew", "Write daily.", "Reply."]
    assert _bare_notice(result.warnings, 2)


@pytest.mark.parametrize("bare", ["2/", "2/3"])
def test_a_page_post_that_is_only_its_number_is_left_out_with_a_notice(bare):
    result = Imports.paste(_page(["Hook 🧵"], [bare], ["Last."]))
    assert [p.text for p in result.threads[0].posts] == ["Hook", "Last."]
    assert _bare_notice(result.warnings, 2)


@pytest.mark.parametrize("words", ["24/7", "50/50"])
def test_a_page_post_of_a_number_no_thread_fits_stays(words):
    assert _texts(_page(["Hook 🧵"], ["Middle."], [words]))[-1] == words


def test_a_number_and_a_thread_emoji_alone_is_said_to_hold_the_emoji():
    result = Imports.paste("1/ How I grew\n\n2/ 🧵\n\n3/ Write daily.")
    assert "🧵" in _bare_notice(result.warnings, 2)



def test_a_page_reads_the_other_posts_counts_once_not_per_post():
    """Steps, not time: the lines run inside _parse_page's own helpers (block and its generator expressions) grow
    with the posts, not with their pairs (each post asked about every other post's counts: quadratic)."""
    import sys

    n = 120
    page = _page(*[[f"Post {k} of the thread."] for k in range(n)], counts=False)  # (no counts: nothing stops early)
    steps = [0]

    def local(frame, event, arg):
        steps[0] += event == "line"
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_qualname.startswith("_parse_page.") else None

    before = sys.gettrace()  # (a coverage tracer, if one runs, is put back)
    sys.settrace(calls)
    try:
        posts = _texts(page)
    finally:
        sys.settrace(before)
    assert len(posts) == n
    assert steps[0] < 40 * n


def test_a_partitive_like_word_after_a_total_the_later_marks_give_is_numbering():
    assert split_posts("1/3 do this first\n\n2/3 then that\n\n3/3 done") == ["do this first", "then that", "done"]
    assert strip_post_numbers(["1/3 do this first", "2/3 then that", "3/3 done"], page=True) == [
        "do this first", "then that", "done"]
