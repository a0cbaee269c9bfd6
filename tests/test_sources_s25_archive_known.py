"""Session 25, the known archive faults: a listing cuts an over-cap later post (and says so) as the import does, and
a date X cannot have written (year 1 or 9999, 1970, 2099, a clock offset over 14 hours) is read as no date, with a
note; never a traceback, the thread's order kept."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from studio.app.imports import list_archive, read_archive_thread
from studio.limits import MAX_WORDS_PER_POST

OWNER = "1402345678901234567"
FIRST = 1795455785472424065
BIG = " ".join(f"w{j}" for j in range(MAX_WORDS_PER_POST + 1000))


def _tweet(k: int, text: str, created: str) -> dict:
    d = {"id_str": str(FIRST + k), "full_text": text, "display_text_range": ["0", str(len(text))],
         "created_at": created, "favorite_count": "1", "retweet_count": "0", "entities": {"urls": []}}
    if k:
        d.update(in_reply_to_status_id_str=str(FIRST + k - 1), in_reply_to_user_id_str=OWNER)
    return {"tweet": d}


def _archive(path: Path, tweets: list[dict], damaged: bool = False) -> Path:
    body = "window.YTD.tweets.part0 = " + json.dumps(tweets, indent=2)
    notes = [{"noteTweet": {"noteTweetId": "9", "createdAt": "2024-05-28T14:00:59.000Z",
                            "core": {"text": "a long post " * 40}}}]
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/tweets.js", body[:-40] if damaged else body)  # damaged: cut inside the last post
        zf.writestr("data/note-tweet.js", "window.YTD.note_tweet.part0 = " + json.dumps(notes))
        zf.writestr("data/account.js", "window.YTD.account.part0 = "
                    + json.dumps([{"account": {"accountId": OWNER, "username": "dana"}}]))
    return path


def _day(k: int) -> str:
    return "Tue May 28 14:00:%02d +0000 2024" % k


@pytest.mark.parametrize("damaged", [False, True])
@pytest.mark.parametrize("marked", [False, True])
def test_a_listing_cuts_an_over_cap_later_post_as_the_import_does(tmp_path, damaged, marked):
    hook = "Hook 🧵 here" if marked else "Hook here"
    path = _archive(tmp_path / "a.zip", [_tweet(0, hook, _day(0)), _tweet(1, BIG, _day(1)), _tweet(2, "three", _day(2)),
                                         _tweet(3, "four", _day(3))], damaged)
    listed, imported = list_archive(path), read_archive_thread(path)
    assert [p.text for p in listed.threads[0].posts] == [p.text for p in imported.threads[0].posts]
    assert len(listed.threads[0].posts[1].text.split()) == MAX_WORDS_PER_POST
    assert any("is cut after" in w for w in listed.warnings)


@pytest.mark.parametrize("created", ["Mon Jan 01 00:00:00 +0000 0001", "Fri Dec 31 23:59:59 +0000 9999",
                                     "Tue May 28 14:00:00 +0000 2099", "Tue May 28 14:00:00 +0000 1970",
                                     "Tue May 28 14:00:00 +2300 2024", "Tue May 28 14:00:00 -1900 2024",
                                     "1999-05-28 14:00:00 +0000"])
@pytest.mark.parametrize("where", [0, 1])
def test_a_date_x_cannot_have_written_is_no_date_with_a_note_and_the_order_stays(tmp_path, created, where):
    dates = [_day(5), _day(6), _day(9)]
    dates[where] = created
    path = _archive(tmp_path / "a.zip", [_tweet(k, w, d) for k, (w, d) in enumerate(zip(["Hook", "two", "three"],
                                                                                         dates))])
    for result in (list_archive(path), read_archive_thread(path), read_archive_thread(path, str(FIRST))):
        posts = result.threads[0].posts
        assert [p.text for p in posts] == ["Hook", "two", "three"]
        assert posts[where].created_at == "" and posts[2].created_at == "2024-05-28T14:00:09+00:00"
        [note] = [w for w in result.warnings if "date" in w]
        assert created in note and "without a date" in note


def test_a_tweets_js_read_with_no_thread_chosen_cuts_a_long_later_post_and_names_the_cut():
    from studio.sources import load_input, read_text
    path = Path(__file__).parent / "fixtures" / "unseen-s21-sources" / "tweets-long-later-post.js"
    for result in (load_input(path), read_text(path.read_text(encoding="utf-8"))):
        assert [len(p.text.split()) for p in result.threads[0].posts] == [1, MAX_WORDS_PER_POST]
        assert any("5,040 words" in w and "cut after" in w for w in result.warnings)  # never cut without a word
