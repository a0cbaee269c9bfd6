"""A post whose date names no time (second 60, February 30) is read without one, with a note; never a traceback
(the lookup of long posts written near it used to raise)."""
from __future__ import annotations

import json
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from property_examples import examples
from studio.sources import read_archive

OWNER = "1402345678901234567"
FIRST = 1795455785472424065


def _tweet(i: int, text: str, created: str, parent: int | None = None) -> dict:
    d = {"id_str": str(i), "full_text": text, "display_text_range": ["0", str(len(text))], "created_at": created,
         "favorite_count": "1", "retweet_count": "0", "entities": {"urls": []}}
    if parent:
        d.update(in_reply_to_status_id_str=str(parent), in_reply_to_user_id_str=OWNER)
    return {"tweet": d}


def _archive(path: Path, created: str) -> Path:
    items = [_tweet(FIRST, "Opening post", "Tue May 28 14:00:05 +0000 2024"),
             _tweet(FIRST + 1, "second post", created, FIRST)]
    notes = [{"noteTweet": {"noteTweetId": "9", "createdAt": "2024-05-28T14:00:59.000Z",
                            "core": {"text": "a long post " * 40}}}]
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(items))
        zf.writestr("data/note-tweet.js", "window.YTD.note_tweet.part0 = " + json.dumps(notes))
        zf.writestr("data/account.js", "window.YTD.account.part0 = "
                    + json.dumps([{"account": {"accountId": OWNER, "username": "dana"}}]))
    return path


@pytest.mark.parametrize("created", ["Tue May 28 14:00:60 +0000 2024", "Fri Feb 30 14:00:07 +0000 2024",
                                     "Tue May 28 25:00:00 +0000 2024", "2024-02-30 14:00:07 +0000"])
def test_a_date_that_does_not_exist_is_read_as_unknown_with_a_note(tmp_path, created):
    path = _archive(tmp_path / "a.zip", created)
    for result in (read_archive(path, load_media=False), read_archive(path, thread_id=str(FIRST))):
        posts = result.threads[0].posts
        assert [p.text for p in posts] == ["Opening post", "second post"]
        assert [p.created_at for p in posts] == ["2024-05-28T14:00:05+00:00", ""]
        [note] = [w for w in result.warnings if "date" in w]
        assert str(FIRST + 1) in note and created in note and "without a date" in note


DIGITS = st.text("0123456789", min_size=1, max_size=3)
TWO = st.integers(0, 99).map("{:02d}".format)
CREATED = st.one_of(
    st.builds("Fri {} {} {}:{}:{} +0000 2024".format, st.sampled_from(["Feb", "Apr", "May"]),
              st.integers(1, 35), TWO, st.integers(0, 61).map("{:02d}".format), st.integers(55, 63).map(str)),
    st.builds("{} {} {} {}:{}:{} {}{} {}".format, st.sampled_from(["Tue", "Fri", "Xyz"]),
              st.sampled_from(["Feb", "May", "Dec", "Foo"]), DIGITS, DIGITS, DIGITS, DIGITS,
              st.sampled_from("+-"), st.text("0123456789", min_size=4, max_size=4), DIGITS.map(lambda d: d * 2)),
    st.builds("{}-{}-{} {}:{}:{} +{}".format, st.text("0123456789", min_size=4, max_size=4), DIGITS, DIGITS,
              DIGITS, DIGITS, DIGITS, st.text("0123456789", min_size=4, max_size=4)),
    st.text(max_size=40))


@settings(max_examples=examples(60), deadline=None)
@given(CREATED)
def test_any_created_at_is_read_never_raising_and_dated_only_with_a_real_time(created):
    with tempfile.TemporaryDirectory() as tmp:
        path = _archive(Path(tmp) / "a.zip", created)
        for result in (read_archive(path, load_media=False), read_archive(path, thread_id=str(FIRST))):
            posts = result.threads[0].posts
            assert [p.text for p in posts] == ["Opening post", "second post"]
            if posts[1].created_at:
                datetime.fromisoformat(posts[1].created_at)
                assert not any("does not exist" in w for w in result.warnings)
