"""X archives the other tests never saw: posts the owner deleted mid-thread, photos missing from
tweets_media/, a long post whose full text the archive lacks. The thread still reads in order, and
whatever could not come along is named in a warning."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from studio.sources import read_archive

OWNER, HANDLE = "1402345678901234567", "dana_ships"


def post(n: int, text: str, parent: int | None = None, *, urls=(), photos=()) -> dict:
    """One archive item of the owner's, id 17000…n, answering ``parent`` (a post of the owner's)."""
    t = {"id_str": str(1700000000000000000 + n), "full_text": text, "display_text_range": ["0", str(len(text))],
         "created_at": f"Tue May 28 10:{n // 60:02d}:{n % 60:02d} +0000 2024", "favorite_count": "3",
         "retweet_count": "0", "entities": {"urls": [{"url": u, "expanded_url": e, "display_url": d}
                                                     for u, e, d in urls]}}
    if parent is not None:
        t.update(in_reply_to_status_id_str=str(1700000000000000000 + parent), in_reply_to_user_id_str=OWNER,
                 in_reply_to_screen_name=HANDLE)
    if photos:
        t["extended_entities"] = {"media": [{"type": "photo", "url": "https://t.co/pic" + key,
                                             "media_url_https": f"https://pbs.twimg.com/media/{key}.jpg"}
                                            for key in photos]}
    return {"tweet": t}


def archive(path: Path, tweets: list[dict], deleted: list[dict] = (), files: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps(
            [{"account": {"accountId": OWNER, "username": HANDLE, "accountDisplayName": "Dana"}}]))
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(tweets, ensure_ascii=False))
        if deleted:
            zf.writestr("data/deleted-tweets.js", "window.YTD.deleted_tweets.part0 = " + json.dumps(deleted))
        for name, data in (files or {}).items():
            zf.writestr(name, data)
    return path


@pytest.fixture
def tiny_jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 90, 40)).save(out, "JPEG")
    return out.getvalue()


def texts(result) -> list[list[str]]:
    return [[p.text for p in t.posts] for t in result.threads]


def test_a_post_deleted_mid_thread_leaves_one_thread_and_says_so(tmp_path):
    gone = post(2, "Second thoughts: deleted.", 1)
    items = [post(1, "How we ship 🧵"), post(3, "Third: tests first.", 2), post(4, "Fourth: then ship.", 3)]
    result = read_archive(archive(tmp_path / "a.zip", items, [gone]), load_media=False)
    assert texts(result) == [["How we ship", "Third: tests first.", "Fourth: then ship."]]
    assert not result.threads[0].incomplete
    assert result.warnings == ["left out 1 post you deleted (listed in data/deleted-tweets.js): "
                               "the thread goes on from the post before"]


def test_a_deleted_first_post_starts_the_thread_at_the_next(tmp_path):
    items = [post(2, "Second post.", 1), post(3, "Third post.", 2)]
    result = read_archive(archive(tmp_path / "a.zip", items, [post(1, "Gone.")]), load_media=False)
    assert texts(result) == [["Second post.", "Third post."]]
    assert not result.threads[0].incomplete


def test_without_the_deleted_file_the_thread_goes_on_across_the_gap(tmp_path):
    # post 2's id says it was written right after post 1 (the same second): it was the thread's second post
    # (session 16: the rest was a thread of its own, "first post missing"; tests/test_archive_deleted_gap.py).
    # The 🧵 says post 1 opened a thread: a post of its own before a thread whose opener was deleted is not joined
    items = [post(1, "Opening 🧵"), post(3, "Third post.", 2), post(4, "Fourth post.", 3)]
    result = read_archive(archive(tmp_path / "a.zip", items), load_media=False)
    assert texts(result) == [["Opening", "Third post.", "Fourth post."]] and not result.threads[0].incomplete
    assert result.warnings[0].startswith("post 2 of thread 1700000000000000001 answers a post of yours that is not")


def test_a_photo_missing_from_tweets_media_is_named(tmp_path, tiny_jpeg):
    items = [post(1, "Look 🧵", photos=["AAA"]), post(2, "And this", 1, photos=["BBB", "CCC"])]
    zf = archive(tmp_path / "a.zip", items, files={f"data/tweets_media/{1700000000000000001}-AAA.jpg": tiny_jpeg,
                                                   f"data/tweets_media/{1700000000000000002}-BBB.jpg": tiny_jpeg})
    result = read_archive(zf)
    assert [len(p.images) for p in result.threads[0].posts] == [1, 1]
    assert result.warnings == ["1 photo of 1 post (1700000000000000002) is not in the archive's data/tweets_media "
                               "folder: those slides show the text without them"]


def test_a_long_post_without_its_full_text_keeps_the_cut_and_says_so(tmp_path):
    body = "Why I stopped writing long emails: every paragraph I cut made the reply come faster. " * 4
    link = ("https://t.co/NoTe123456", "https://twitter.com/i/web/status/1700000000000000001", "twitter.com/i/web/s…")
    items = [post(1, body[:270] + "… https://t.co/NoTe123456", urls=[link]), post(2, "Short reply.", 1)]
    result = read_archive(archive(tmp_path / "a.zip", items), load_media=False)
    first = result.threads[0].posts[0].text
    assert first == body[:270].strip() + "…"  # X's link to the post itself is not the author's word
    assert result.warnings == ["1 long post (1700000000000000001) is cut at 280 characters: the archive's "
                               "data/note-tweet.js has no full text for it; paste the rest into the slide"]


@given(st.integers(3, 12).flatmap(lambda n: st.tuples(st.just(n), st.sets(st.integers(1, n - 1), max_size=n - 2))))
def test_property_deleted_posts_never_break_a_thread(tmp_path_factory, case):
    n, gone = case
    items = [post(i, f"Post number {i}.", i - 1 if i > 1 else None) for i in range(1, n + 1)]
    kept = [item for i, item in enumerate(items, 1) if i not in gone]
    path = archive(tmp_path_factory.mktemp("a") / "a.zip", kept, [items[i - 1] for i in gone])
    result = read_archive(path, load_media=False)
    assert texts(result) == [[f"Post number {i}." for i in range(1, n + 1) if i not in gone]]
    assert not result.threads[0].incomplete
