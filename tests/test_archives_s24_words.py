"""Real archive shapes met in session 24 (tests/archive_shapes_s24.py): the words of a thread read as written."""
from __future__ import annotations

import json
import zipfile

import pytest

from studio.sources import read_archive
from test_archives_s23_shapes import BASE, HANDLE, archive, post


@pytest.mark.parametrize("note_repeats_lead", [False, True], ids=["note without the reply's @name",
                                                                 "note repeating it"])
@pytest.mark.parametrize("first_word", [f"@{HANDLE}", "Then"], ids=["opens with the @name", "opens with a word"])
def test_a_long_reply_keeps_the_writers_own_opening_at_name(tmp_path, note_repeats_lead, first_word):
    """A long reply whose own words open with the handle X also puts before a reply ("@dana_ships"): the note holds
    the words with or without that plumbing; only the plumbing is left out, never the writer's first word."""
    whole = f"{first_word} " + " ".join(f"point {i} matters here," for i in range(40)) + " the end."
    said = whole[:268].rstrip() + "…"
    lead = f"@{HANDLE} "
    reply = post(2, "x", 1)
    reply["tweet"].update(full_text=lead + said + " https://t.co/Rest2abcde",
                          display_text_range=[str(len(lead)), str(len(lead + said))])
    reply["tweet"]["entities"]["urls"] = [{"url": "https://t.co/Rest2abcde", "display_url": "x.com/i/web/status/1…",
                                           "expanded_url": f"https://x.com/i/web/status/{BASE + 2}"}]
    note = {"noteTweet": {"noteTweetId": "1", "createdAt": "2024-05-28T14:02:00.000Z",
                          "core": {"text": (lead if note_repeats_lead else "") + whole, "urls": [], "mentions": []}}}
    path = archive(tmp_path / "a.zip", [post(1, "Opening post."), reply])
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("data/note-tweet.js", "window.YTD.noteTweet.part0 = " + json.dumps([note]))
    result = read_archive(path)
    assert [[p.text for p in t.posts] for t in result.threads] == [["Opening post.", whole]]


def _answer_to_bob(n: int, text: str) -> dict:
    """The owner's answer (id BASE + n) to another account's post, which the archive does not hold."""
    item = post(n, text)
    item["tweet"].update(full_text="@bob_other " + text, display_text_range=["11", str(11 + len(text))],
                         in_reply_to_status_id_str="1700000000000000003", in_reply_to_user_id_str="783214",
                         in_reply_to_screen_name="bob_other")
    return item


@pytest.mark.parametrize("gap", [1, 2], ids=["one deleted post", "two deleted posts"])
def test_an_answer_to_someone_goes_on_across_a_deleted_reply_of_the_owners(tmp_path, gap):
    """The owner answered Bob, went on under the answer, then deleted the reply under it: the next reply answers
    the deleted one. The thread opens with the answer and goes on after the gap (it was lost whole: the answer
    was taken for a lone reply to Bob, and what followed for one post, no thread)."""
    deleted = [post(2, "Deleted reply.", 1)] + ([post(3, "Deleted too.", 2)] if gap == 2 else [])
    posts = [_answer_to_bob(1, "Good question, here is how."), post(5, "Step one after the gap.", 1 + gap),
             post(6, "Step two.", 5), post(7, "A post of its own.")]
    result = read_archive(archive(tmp_path / "a.zip", posts, deleted=deleted))
    assert [[p.text for p in t.posts] for t in result.threads] == [
        ["Good question, here is how.", "Step one after the gap.", "Step two."]]
    assert result.answers == {str(BASE + 1): "bob_other"}
    assert any(f"left out {gap} post" in w and "you deleted" in w for w in result.warnings), result.warnings


def test_a_long_post_of_tweets_js_given_alone_says_where_its_rest_is(tmp_path):
    """tweets.js given on its own: a long post's rest is in note-tweet.js, which was not given; the note says so
    (it said the archive's note-tweet.js had no full text, which the creator could not check)."""
    from studio.sources import read_archive_file
    said = ("Long words about shipping. " * 12)[:268].rstrip() + "…"
    long_post = post(2, "x", 1)
    lead = f"@{HANDLE} "
    long_post["tweet"].update(full_text=lead + said + " https://t.co/Rest2abcde",
                              display_text_range=[str(len(lead)), str(len(lead + said))])
    long_post["tweet"]["entities"]["urls"] = [{"url": "https://t.co/Rest2abcde", "display_url": "x.com/i/web/…",
                                               "expanded_url": f"https://x.com/i/web/status/{BASE + 2}"}]
    path = archive(tmp_path / "a.zip", [post(1, "Opening post."), long_post])
    data = zipfile.ZipFile(path).read("data/tweets.js")
    result = read_archive_file(data, name="tweets.js", thread_id=str(BASE + 1))
    assert [p.text for p in result.threads[0].posts] == ["Opening post.", said]
    assert [w for w in result.warnings if "cut at 280" in w] == [
        f"1 long post ({BASE + 2}) is cut at 280 characters: X keeps the rest in the archive's data/note-tweet.js, "
        "not given here: import the archive's .zip or folder to read it whole, or paste the rest into the slide"]


def test_the_note_on_deleted_posts_counts_those_of_the_threads_read(tmp_path):
    """Two threads each go on across a deleted post, and a lone reply answers a third deleted post: importing one
    thread names its one gap (it named all three, of posts the creator never sees), the listing the two shown."""
    posts = [post(1, "First thread."), post(3, "First, after its gap.", 2), post(4, "First, end.", 3),
             post(11, "Second thread."), post(13, "Second, after its gap.", 12), post(14, "Second, end.", 13),
             post(22, "A lone reply to a deleted post.", 21)]
    deleted = [post(2, "Gone.", 1), post(12, "Gone too.", 11), post(21, "Gone as well.")]
    path = archive(tmp_path / "a.zip", posts, deleted=deleted)
    one = read_archive(path, thread_id=str(BASE + 11))
    assert [p.text for p in one.threads[0].posts] == ["Second thread.", "Second, after its gap.", "Second, end."]
    assert [w for w in one.warnings if "you deleted" in w] == [
        "left out 1 post you deleted (listed in data/deleted-tweets.js): the thread goes on from the post before"]
    listed = read_archive(path, load_media=False)
    assert len(listed.threads) == 2
    assert [w for w in listed.warnings if "you deleted" in w] == [
        "left out 2 posts you deleted (listed in data/deleted-tweets.js): the thread goes on from the post before"]


def test_huge_like_and_repost_counts_are_read_exactly(tmp_path):
    """X writes counts as text; one past 2**53 was read through a float and came out rounded."""
    first, second = post(1, "Opening post."), post(2, "Reply.", 1)
    first["tweet"].update(favorite_count="9007199254740993", retweet_count="12345678901234567891")
    result = read_archive(archive(tmp_path / "a.zip", [first, second]), load_media=False)
    opening = result.threads[0].posts[0]
    assert (opening.likes, opening.reposts) == (9007199254740993, 12345678901234567891)
