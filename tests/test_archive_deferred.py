"""An archive's listing leaves the clean-up of a thread's later posts until their words are read.

The listing (``load_media=False``, no ``thread_id``) must still give exactly what the full read gives: every
post's words, the title, whether the thread is marked with 🧵; and a deferred field must read, compare, copy
and pickle like a set one.
"""
from __future__ import annotations

import copy
import dataclasses
import json
import pickle
import tempfile
import threading
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from property_examples import examples
from studio.post import Post
from studio.sources import archive, read_archive
from test_sources_fast_paths import ascii_texts, texts

OWNER = "1402345678901234567"


def _archive(path: Path, words: list[str], urls: bool) -> Path:
    """One thread of ``words`` (a post each) by the owner, and a single post."""
    items, parent = [], None
    for n, text in enumerate(words):
        id_ = str(1600000000000000000 + n)
        tw = {"id_str": id_, "full_text": text, "display_text_range": ["0", str(len(text))],
              "created_at": f"Tue May 28 14:0{n % 10}:00 +0000 2024", "favorite_count": str(n),
              "retweet_count": "1", "entities": {"urls": []}}
        if urls:
            tw["full_text"] += " https://t.co/abc"
            tw["display_text_range"] = ["0", str(len(tw["full_text"]))]
            tw["entities"]["urls"] = [{"url": "https://t.co/abc", "expanded_url": "https://example.org/caf%C3%A9",
                                       "display_url": "example.org/café"}]
        if parent:
            tw.update(in_reply_to_status_id_str=parent, in_reply_to_user_id_str=OWNER,
                      in_reply_to_screen_name="jane")
        items.append({"tweet": tw})
        parent = id_
    items.append({"tweet": {"id_str": "5", "full_text": "a single post", "created_at": ""}})
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(items, indent=2))
        zf.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps(
            [{"account": {"accountId": OWNER, "username": "jane", "accountDisplayName": "Jane"}}]))
    return path


def _fields(thread) -> tuple:
    return (thread.id, thread.title, thread.incomplete, thread.marked_as_thread,
            [dataclasses.astuple(p) for p in thread.posts])


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.one_of(texts, ascii_texts, st.sampled_from(["plain words", "caf&#233; &#129525;", "x &amp; y"])),
                min_size=2, max_size=6), st.booleans())
def test_listing_gives_what_the_full_read_gives(words, urls):
    with tempfile.TemporaryDirectory() as tmp:
        path = _archive(Path(tmp) / "a.zip", [w or "." for w in words], urls)
        listed = read_archive(path, load_media=False)
        full = read_archive(path)
        assert [_fields(t) for t in listed.threads] == [_fields(t) for t in full.threads]
        assert listed.warnings == full.warnings
        one = read_archive(path, thread_id=str(1600000000000000000))
        assert _fields(one.threads[0]) == _fields(full.thread(str(1600000000000000000)))


def test_later_posts_are_cleaned_when_read():
    with tempfile.TemporaryDirectory() as tmp:
        path = _archive(Path(tmp) / "a.zip", ["Thread: first &amp; best", "second\x00 post /end", "third"], False)
        thread = read_archive(path, load_media=False).threads[0]
        first, second, third = thread.posts
        assert "text" in vars(first) and "text" not in vars(second) and "text" not in vars(third)
        assert thread.title == "first & best"
        assert second.text == "second post" and "text" in vars(second)
        assert third.text == "third"


def test_a_deferred_field_reads_copies_and_pickles_like_a_set_one():
    made = []

    def make():
        made.append(1)
        return "words"

    post = Post(id="1", text="")
    post.defer("text", make)
    assert "text" not in vars(post) and made == []
    twin = pickle.loads(pickle.dumps(post))
    assert made == [1] and "_deferred" not in vars(twin)
    assert twin == post == Post(id="1", text="words") and post.text == "words" and made == [1]
    other = Post(id="2", text="")
    other.defer("text", lambda: "later")
    assert copy.deepcopy(other).text == "later" and dataclasses.replace(other, id="3").text == "later"
    other.text = "set"
    assert other.text == "set"
    assert not hasattr(other, "missing")
    with pytest.raises(ValueError):
        Post(id="4", text="").defer("url", lambda: "a default is found on the class")


# ---------------------------------------------------------------- dates as the code before read them

_MONTH_NUMBERS = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                              "Nov", "Dec"), 1)}


def _reference_iso_date(created: str) -> str:
    m = archive._CREATED_RE.fullmatch(created)
    if not m or m.group(1) not in _MONTH_NUMBERS:
        return ""
    month, day, clock, tz_h, tz_m, year = m.groups()
    return f"{year}-{_MONTH_NUMBERS[month]:02d}-{int(day):02d}T{clock}{tz_h}:{tz_m}"


DAYS = st.one_of(st.integers(0, 39).map(str), st.integers(0, 9).map(lambda d: f"0{d}"),
                 st.sampled_from(["\u0662\u0663", "\u0663", "\u09e7", "7\u0663", "", "123"]))


@settings(max_examples=examples(300), deadline=None)
@given(st.sampled_from(["Jan", "May", "Dec", "Foo", "may", "MAY"]), DAYS,
       st.sampled_from(["14:04:28", "4:04:28", "\u0661\u0664:04:28"]), st.sampled_from(["+0000", "-0530", "0000"]),
       st.sampled_from(["2024", "\u0662\u0660\u0662\u0664", "24"]), st.sampled_from(["Tue", "tue", "T"]))
def test_dates_read_as_before(month, day, clock, tz, year, weekday):
    created = f"{weekday} {month} {day} {clock} {tz} {year}"
    assert archive._iso_date(created) == _reference_iso_date(created)


def test_two_threads_reading_a_deferred_field_at_once_both_get_it():
    both_inside = threading.Barrier(2, timeout=60)

    def make():
        both_inside.wait()  # each reader is inside make() before either stores the value
        return "words"

    post = Post(id="1", text="")
    post.defer("text", make)
    read: list[str] = []
    readers = [threading.Thread(target=lambda: read.append(post.text)) for _ in range(2)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(60)
    assert read == ["words", "words"] and post.text == "words" and "_deferred" not in vars(post)
