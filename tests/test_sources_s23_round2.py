"""Session 23, round 2: the reviewer's findings on the page-copy reader. The creator's words are never cut as an
ad, a reply row's four counts stay X's, a thread is not handed to another account, the reader stays linear, and
the notices say only what is true."""
from __future__ import annotations

from pathlib import Path

import pytest
from page_copy_helpers import page

from studio.app.imports import Imports

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s23-sources"


def posts_of(text: str) -> list[str]:
    return [p.text for p in Imports.paste(text).threads[0].posts]


@pytest.mark.parametrize("name", ["r2-ad-colon-name-de.txt", "r2-ad-colon-name-en.txt", "r2-ad-question-name.txt"])
def test_a_name_handle_and_ad_label_in_the_creators_post_stay_there(name):
    """ "Mein Lieblingskanal:" / "Lernwerk" / "@lernwerk" / "Anzeige" / "Ist das Werbung? Nein." is the creator's."""
    result = Imports.paste((FIXTURES / name).read_text(encoding="utf-8"))
    middle = result.threads[0].posts[1].text.splitlines()
    assert middle[1:4] == ["Lernwerk", "@lernwerk", "Anzeige" if "-de" in name or "question" in name else "Ad"]
    assert len(middle) == 5
    assert not any("@lernwerk" in w for w in result.warnings)


@pytest.mark.parametrize("above", ["Best tool ever!", "Who helped me most? Easy.", "My pick:", "Thanks."])
def test_an_ad_label_under_the_creators_mention_keeps_every_line(above):
    words = [above, "Sam Lee", "@samlee", "Ad", "free for a week. Try it."]
    got = posts_of(page(["Opening words here."], ["1/ Start.", *words], ["2/ Last words."]))
    assert got[1].splitlines() == ["Start.", *words]


@pytest.mark.parametrize(("name", "post", "words"), [
    ("r2-colon-four-count-row-min.txt", 1, "Here is what I learned:"),
    ("r2-colon-four-count-row.txt", 1, "The three tools I would pay for again:"),
    ("r2-s19-chrome-colon-reply.txt", 1, "What we charge today:")])
def test_four_counts_under_a_colon_are_xs_row_where_the_other_replies_show_four(name, post, words):
    """Four counts (replies, reposts, likes, views) is X's usual row under a reply: no number of it is the author's."""
    result = Imports.paste((FIXTURES / name).read_text(encoding="utf-8"))
    assert result.threads[0].posts[post].text.endswith(words)
    assert not any("kept as the author's" in w for w in result.warnings)


def test_a_copy_from_the_authors_replies_down_into_others_stays_the_authors():
    """Zoe's two posts, then four replies by Mia, and no X Pro column title: the thread is still Zoe's."""
    result = Imports.paste((FIXTURES / "r2-copy-from-reply-others-many.txt").read_text(encoding="utf-8"))
    assert [p.text for p in result.threads[0].posts] == ["Deep work needs a whole day, not a gap between calls.",
                                                         "Output went up. Nobody wants to go back."]
    assert {p.handle for p in result.threads[0].posts} == {"zoehart"}
    assert "skipped posts by other accounts on the page: @miafox" in result.warnings


def test_x_pro_columns_without_the_column_title_keep_the_first_account():
    """The same columns with "Thread" taken out: only X Pro's column title lets another account win."""
    text = (FIXTURES / "page-xpro-two-columns.txt").read_text(encoding="utf-8").replace("\nThread\n", "\n", 1)
    assert {p.handle for p in Imports.paste(text).threads[0].posts} == {"miafox"}


class _Counted(list):
    """A page's lines that count how many of them the reader takes (a slice takes all of its lines)."""

    taken = 0

    def __getitem__(self, key):
        got = super().__getitem__(key)
        type(self).taken += len(got) if isinstance(key, slice) else 1
        return got


def _lines_taken(n: int) -> int:
    from studio.sources.paste import _page_headers
    ad = ["Done.", "Growth Labs", "@growthlabs", "Ad", "Scale your outbound now."]
    lines = page(["Opening words here."]).split("\n") + ad * n
    _Counted.taken = 0
    _page_headers(_Counted(lines))
    return _Counted.taken


def test_finding_the_headers_of_a_page_of_ad_shapes_takes_lines_in_step_with_its_size():
    """Each "@handle" looks only at its nearest lines: twice the ads, about twice the lines taken (was each
    handle copying all the lines under it: four times)."""
    assert _lines_taken(800) <= 2.2 * _lines_taken(400)


def test_show_more_replies_over_the_opening_posts_full_time_is_the_authors():
    """X never shows "Show more replies" over the page's own post's time, and the copy goes on under it."""
    result = Imports.paste((FIXTURES / "r2-opening-show-more-replies.txt").read_text(encoding="utf-8"))
    assert [p.text for p in result.threads[0].posts] == ["Opening words here.\nShow more replies", "Middle.",
                                                         "Last words."]
    assert not any("copy stops" in w for w in result.warnings)


def test_show_more_replies_mid_copy_is_kept_and_never_said_to_end_it():
    result = Imports.paste(page(["Opening words here."], ["The second point.", "Show more replies"], ["Last words."],
                                counts=False))
    assert [p.text for p in result.threads[0].posts][1] == "The second point.\nShow more replies"
    assert not any("copy stops" in w for w in result.warnings)


@pytest.mark.parametrize("words", [["@samlee", "@dana_k", "you two."], ["@samlee", "thanks for the idea."]])
def test_handles_opening_the_opening_post_are_all_the_authors(words):
    """No "Replying to" over them: every "@handle" opening the page's own post is the author's (the first went)."""
    result = Imports.paste(page(words, ["Middle words."], ["Last words."]))
    assert [p.text for p in result.threads[0].posts][0] == "\n".join(words)


def test_a_name_and_handle_under_the_last_post_are_quoted_as_there_line_by_line():
    result = Imports.paste((FIXTURES / "r2-who-to-follow-tail.txt").read_text(encoding="utf-8"))
    notes = [w for w in result.warnings if "@samlee" in w]
    assert len(notes) == 1 and "“Sam Lee” / “@samlee” under the last post" in notes[0]
    assert "between the posts" not in notes[0]


def test_a_colon_line_over_a_handle_is_quoted_as_its_own_line():
    """ "Go follow:" over "@samlee": the notice never joins them into a line the copy did not hold."""
    result = Imports.paste(page(["Opening words here."], ["Middle words.", "Go follow:", "@samlee", "Follow"],
                                ["Last words."]))
    assert "Go follow: @samlee" not in "\n".join(result.warnings)
    assert any("“Go follow:” / “@samlee” between the posts" in w for w in result.warnings)


def test_show_more_replies_over_the_opening_posts_time_is_named_like_xs_other_labels():
    result = Imports.paste((FIXTURES / "r2-opening-show-more-replies.txt").read_text(encoding="utf-8"))
    assert any('("Show more replies")' in w and "kept as the author's" in w for w in result.warnings)
