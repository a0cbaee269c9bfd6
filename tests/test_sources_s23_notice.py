"""Session 23: what the reader drops as X's is either surely X's or quoted in the notice; an ad's shape under a post
whose counts the copy cut off stays the creator's (their own mention has the same shape)."""
from __future__ import annotations

from pathlib import Path

import pytest
from page_copy_helpers import page

from studio.app.imports import Imports

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s23-sources"


@pytest.mark.parametrize("line", ["Conversation", "See new posts", "Show more replies", "Weitere Antworten anzeigen",
                                  "Show additional replies", "Visa fler svar"])
def test_xs_words_where_x_never_puts_them_stay_the_creators(line):
    """X's title row and "Show more replies" never sit over a post's counts: there the line ends the creator's post."""
    result = Imports.paste(page(["Opening words here."], ["The second point matters.", line], ["Last words."]))
    assert [p.text for p in result.threads[0].posts][1] == f"The second point matters.\n{line}"


@pytest.mark.parametrize("line", ["Show more replies", "Mostra altre risposte"])
def test_show_more_replies_ending_a_copy_without_counts_is_quoted(line):
    """Where the copy stops, "Show more replies" is X's most likely: left out, and quoted so the creator sees it."""
    result = Imports.paste(page(["Opening words here."], ["The second point matters."],
                                ["Last words.", line], counts=False))
    assert [p.text for p in result.threads[0].posts][-1] == "Last words."
    assert any(f'"{line}"' in w and "paste it back" in w for w in result.warnings)


def test_the_menus_account_over_the_title_row_is_no_post():
    text = "Home\nExplore\nJane Doe\n@jane\nConversation\n" + page(["Opening words here."], ["Last words."])
    result = Imports.paste(text)
    assert [p.text for p in result.threads[0].posts] == ["Opening words here.", "Last words."]
    assert not any("@jane" in w for w in result.warnings)


def test_an_ad_shape_under_a_post_whose_counts_were_cut_off_stays_in_it():
    """No counts above it, an ad's shape is also the creator's own mention ("Best tool ever!" / "Sam Lee" /
    "@samlee" / "Ad"): kept whole, as before session 23 (a lost word costs more than an ad to delete)."""
    result = Imports.paste((FIXTURES / "ad-after-cut-counts.txt").read_text(encoding="utf-8"))
    assert [p.text for p in result.threads[0].posts][1] == (
        "I called every lead myself.\nGrowth Labs\n@growthlabs\nAd\nScale your outbound in 14 days. Book a demo.")


@pytest.mark.parametrize("intro", ["Mein Lieblingskanal:", "Thanks to the people at", "Shout-out,"])
def test_a_mention_over_an_ad_label_in_the_creators_words_stays(intro):
    """No advertiser's name over the handle (a colon or comma, or words going on): the creator's mention."""
    text = (FIXTURES / "ad-after-cut-counts.txt").read_text(encoding="utf-8").replace(
        "1/ I called every lead myself.\nGrowth Labs\n", f"1/ I called every lead myself.\n{intro}\n")
    posts = [p.text for p in Imports.paste(text).threads[0].posts]
    assert posts[1] == (f"I called every lead myself.\n{intro}\n@growthlabs\nAd\n"
                        "Scale your outbound in 14 days. Book a demo.")


@pytest.mark.parametrize("words", [["@samlee", "thanks for the idea."], ["@samlee", "@dana_k", "you two made this."]])
def test_a_mention_opening_a_reply_of_the_thread_is_the_creators(words):
    """X puts an "@handle" over a post's words only under its "Replying to": alone there it is the author's."""
    posts = [p.text for p in Imports.paste(page(["Opening words here."], words, ["Last words."])).threads[0].posts]
    assert posts == ["Opening words here.", "\n".join(words), "Last words."]


def test_the_handles_under_replying_to_are_still_xs():
    text = page(["Opening words here."], ["Replying to", "@bencarter", "Good point."], ["Last words."])
    result = Imports.paste(text)
    assert [p.text for p in result.threads[0].posts][1] == "Good point."


@pytest.mark.parametrize("k", [0, 1, 2])
@pytest.mark.parametrize("shape", ["\n", "\n\n"])
def test_views_worded_right_under_the_words_are_the_creators(k, shape):
    """X shows "7,800 Views" under the opening post's full time, never right under a post's words."""
    posts = [["Opening words here."], ["Middle words."], ["Last words."]]
    posts[k] = ["Yesterday we got", "1.2K Views"]
    text = page(*posts).replace("\n", shape)
    got = [p.text for p in Imports.paste(text).threads[0].posts]
    assert got[k].split() == "Yesterday we got 1.2K Views".split()


def test_a_name_and_handle_ending_a_post_read_as_a_header_are_quoted():
    """"Go follow him:" / "Sam Lee" / "@samlee" / "Follow" has the shape of X's header with nothing under it: if it
    goes, the notice quotes it."""
    result = Imports.paste(page(["Opening words here."], ["Go follow him:", "Sam Lee", "@samlee", "Follow"],
                                ["Last words."]))
    assert [p.text for p in result.threads[0].posts][1] == "Go follow him:"
    assert any("“Sam Lee” / “@samlee” between the posts" in w for w in result.warnings)
