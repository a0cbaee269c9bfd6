"""Real X archive shapes met in session 23: an edited post whose earlier version the archive lacks."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from studio.sources import read_archive

OWNER, HANDLE = "1402345678901234567", "dana_ships"
BASE = 1795455785472424065  # ids past 2**53, as X's are


def post(n: int, text: str, parent: int | None = None, *, versions: tuple[int, ...] = ()) -> dict:
    """One post of the owner's (id BASE + n) as tweets.js holds it; ``versions``: its edit's ids, first to last."""
    i = str(BASE + n)
    lead = f"@{HANDLE} " if parent is not None else ""
    t = {"id_str": i, "id": i, "full_text": lead + text, "display_text_range": [str(len(lead)), str(len(lead + text))],
         "created_at": f"Tue May 28 14:{n:02d}:00 +0000 2024", "favorite_count": "2", "retweet_count": "0",
         "entities": {"hashtags": [], "urls": [], "user_mentions": []},
         "edit_info": {"initial": {"editTweetIds": [i], "editableUntil": "2024-05-28T15:03:11.000Z",
                                   "editsRemaining": "5", "isEditEligible": True}}}
    if versions:
        ids = [str(BASE + v) for v in versions]
        t["edit_info"] = ({"initial": {"editTweetIds": ids, "editsRemaining": "4", "isEditEligible": True}}
                          if ids[0] == i else
                          {"edit": {"initialTweetId": ids[0], "editControlInitial": {"editTweetIds": ids}}})
    if parent is not None:
        t.update(in_reply_to_status_id_str=str(BASE + parent), in_reply_to_user_id_str=OWNER,
                 in_reply_to_screen_name=HANDLE)
    return {"tweet": t}


def archive(path: Path, posts: list[dict], deleted: list[dict] = ()) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps(
            [{"account": {"accountId": OWNER, "username": HANDLE, "accountDisplayName": "Dana"}}]))
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(posts, indent=2))
        if deleted:
            zf.writestr("data/deleted-tweets.js", "window.YTD.deleted_tweets.part0 = " + json.dumps(
                [{"tweet": dict(d["tweet"], deleted_at="2024-06-01T10:00:00.000Z")} for d in deleted]))
    return path


@pytest.mark.parametrize("first_version", ["absent", "in deleted-tweets.js"])
def test_replies_to_an_edited_posts_first_version_follow_its_latest_when_the_first_is_not_in_tweets_js(
        tmp_path, first_version):
    """A thread opener edited once: tweets.js holds only the latest version, and the replies (written before the
    edit) answer the first version's id. The thread opens with the latest words, its replies after, complete."""
    first = post(1, "Edit thread, first wording", versions=(1, 3))
    posts = [post(2, "Reply written before the edit.", 1), post(3, "Edit thread, fixed wording", versions=(1, 3)),
             post(4, "And the last reply.", 2)]
    result = read_archive(archive(tmp_path / "a.zip", posts, [first] if first_version != "absent" else []))
    assert [(t.id, [p.text for p in t.posts], t.incomplete) for t in result.threads] == [
        (str(BASE + 3), ["Edit thread, fixed wording", "Reply written before the edit.", "And the last reply."],
         False)]
    assert not any("deleted" in w for w in result.warnings)  # nothing of the thread was left out


def test_an_edited_reply_whose_earlier_version_is_missing_keeps_its_place_in_the_thread(tmp_path):
    """The middle post edited, its first version missing: the post after it answers the first version's id and
    still comes after the edited post."""
    posts = [post(1, "Opening post."), post(3, "Middle, as edited.", 1, versions=(2, 3)),
             post(4, "Closing post.", 2)]
    result = read_archive(archive(tmp_path / "a.zip", posts))
    assert [[p.text for p in t.posts] for t in result.threads] == [["Opening post.", "Middle, as edited.",
                                                                    "Closing post."]]


@pytest.mark.parametrize("counted_on", ["decoded text", "stored text"])
def test_a_long_post_with_an_ampersand_cut_at_280_is_named_when_its_full_text_is_missing(tmp_path, counted_on):
    """A long post's first 280 characters end in "…" and X's link to the rest, outside the display range, which X
    counts on the decoded text ("&amp;" one character). With no note-tweet.js entry (and no entity for the link)
    the slide holds only those 280: a note must say so, whatever the words' "&" and "<" do to the counting."""
    said = ("Ship small & often, measure <everything> & learn. " * 6)[:268].rstrip() + "…"
    stored = said.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    long_post = post(2, "x", 1)
    lead = f"@{HANDLE} "
    long_post["tweet"]["full_text"] = lead + stored + " https://t.co/Rest2abcde"
    shown = said if counted_on == "decoded text" else stored
    long_post["tweet"]["display_text_range"] = [str(len(lead)), str(len(lead + shown))]
    result = read_archive(archive(tmp_path / "a.zip", [post(1, "Opening post."), long_post]))
    assert [[p.text for p in t.posts] for t in result.threads] == [["Opening post.", said]]
    assert any("cut at 280 characters" in w and str(BASE + 2) in w for w in result.warnings), result.warnings


@pytest.mark.parametrize("first_version", ["in tweets.js", "absent"])
def test_a_thread_goes_on_across_a_deleted_post_that_answered_an_edited_one(tmp_path, first_version):
    """Post 2 was edited (its reply, post 3, written before the edit, answers the first version), then post 3 was
    deleted: post 4 answers the deleted post 3, which deleted-tweets.js says answered post 2's first version. The
    thread reads 1, 2 (as edited), 4: post 4 was lost, or read as a thread of its own joined to another by guess."""
    edited = [post(2, "Second, first wording.", 1, versions=(2, 5)), post(5, "Second, as edited.", 1, versions=(2, 5))]
    posts = [post(1, "Opening post."), *(edited if first_version == "in tweets.js" else edited[1:]),
             post(4, "Fourth, after the deleted one.", 3)]
    result = read_archive(archive(tmp_path / "a.zip", posts, deleted=[post(3, "Third, deleted.", 2)]))
    assert [[p.text for p in t.posts] for t in result.threads] == [
        ["Opening post.", "Second, as edited.", "Fourth, after the deleted one."]]
    assert not result.threads[0].incomplete
    assert any("left out 1 post you deleted" in w for w in result.warnings), result.warnings


def test_a_long_reply_dense_with_ampersands_finds_its_full_text_in_note_tweet_js(tmp_path):
    """A long reply of logic written out ("1<->2 && 2<->3"), stored as "&lt;-&gt;" and "&amp;&amp;": its display
    range, counted on the decoded text, cut the stored text inside an entity before its 120th character, so its
    first words never matched its note-tweet.js entry and the slide held only the first 280 characters."""
    whole = "Chain of rules: " + " ".join(f"{i}<->{i + 1} &&" for i in range(60)) + " done."
    said = whole[:268].rstrip() + "…"
    stored = said.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    lead = f"@{HANDLE} "
    reply = post(2, "x", 1)
    reply["tweet"].update(full_text=lead + stored + " https://t.co/Rest2abcde",
                          display_text_range=[str(len(lead)), str(len(lead + said))])
    reply["tweet"]["entities"]["urls"] = [{"url": "https://t.co/Rest2abcde", "display_url": "x.com/i/web/status/1…",
                                           "expanded_url": f"https://x.com/i/web/status/{BASE + 2}"}]
    note = {"noteTweet": {"noteTweetId": "1", "createdAt": "2024-05-28T14:02:00.000Z",
                          "core": {"text": whole.strip(), "urls": [], "styletags": [], "mentions": []}}}
    path = archive(tmp_path / "a.zip", [post(1, "Opening post."), reply])
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("data/note-tweet.js", "window.YTD.noteTweet.part0 = " + json.dumps([note]))
    result = read_archive(path)
    assert [[p.text for p in t.posts] for t in result.threads] == [["Opening post.", whole.strip()]]
    assert not any("cut at 280" in w for w in result.warnings), result.warnings


def answer_to_bob(n: int, text: str, versions: tuple[int, ...]) -> dict:
    """The owner's reply (id BASE + n) to a post of another account's, edited (``versions``)."""
    item = post(n, text, versions=versions)
    item["tweet"].update(full_text="@bob " + text, display_text_range=["5", str(5 + len(text))],
                         in_reply_to_status_id_str="1795455785472420000", in_reply_to_user_id_str="99",
                         in_reply_to_screen_name="bob")
    return item


@pytest.mark.parametrize("first_version", ["present", "absent"])
def test_an_edited_answer_to_another_account_opens_its_thread_with_its_latest_words(tmp_path, first_version):
    """The owner answered someone, went on under that answer with replies of their own (to its first version),
    then edited it. The thread opens with the edited words, whether or not tweets.js keeps the first version."""
    posts = ([answer_to_bob(1, "My answer, with a typo", (1, 2))] if first_version == "present" else []) + [
        answer_to_bob(2, "My answer, fixed", (1, 2)), post(3, "And more under it.", 1), post(4, "And the end.", 3)]
    result = read_archive(archive(tmp_path / "a.zip", posts))
    assert [([p.text for p in t.posts], t.incomplete) for t in result.threads] == [
        (["My answer, fixed", "And more under it.", "And the end."], False)]
