"""The X data archive: layouts, thread rebuilding, text, media — and hostile zips."""
from __future__ import annotations

import io
import json
import re
import struct
import zipfile
from pathlib import Path

import pytest
from PIL import Image as PILImage

from studio.sources import SourceError, load_input, load_threads, read_archive, read_text
from studio.app.imports import read_input
from studio.sources import archive as archive_mod, archive_files
from property_examples import ANY_CHARACTER, examples

OWNER_ID, HANDLE = "1402345678901234567", "jane_builds"


# ------------------------------------------------------------------ helpers

def tweet(id_: int, text: str, reply_to: int | None = None, *, to_user: str = OWNER_ID, likes: int = 0,
          reposts: int = 0, created: str = "Wed May 29 15:12:04 +0000 2024", rng=None, urls=(), media=()) -> dict:
    t = {"id_str": str(id_), "id": str(id_), "full_text": text, "created_at": created,
         "favorite_count": str(likes), "retweet_count": str(reposts), "retweeted": False,
         "display_text_range": [str(x) for x in (rng or (0, len(text)))],
         "entities": {"urls": list(urls), "hashtags": [], "user_mentions": []}}
    if reply_to is not None:
        t.update(in_reply_to_status_id_str=str(reply_to), in_reply_to_user_id_str=to_user,
                 in_reply_to_screen_name=HANDLE if to_user == OWNER_ID else "someone_else")
    if media:
        t["extended_entities"] = {"media": list(media)}
        t["entities"]["media"] = list(media)[:1]
    return t


def ytd(kind: str, items: list, part: int = 0) -> str:
    return f"window.YTD.{kind}.part{part} = " + json.dumps(items, indent=2, ensure_ascii=False)


def photo(post_id: int, name: str, tco: str = "https://t.co/pic") -> dict:
    return {"type": "photo", "url": tco, "media_url_https": f"https://pbs.twimg.com/media/{name}",
            "display_url": "pic.x.com/abc", "expanded_url": f"https://x.com/{HANDLE}/status/{post_id}/photo/1"}


def jpeg(colour=(200, 60, 30), size=(64, 48)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", size, colour).save(out, "JPEG")
    return out.getvalue()


def build(path: Path, tweets: list[dict], *, name: str = "tweets", wrap: bool = True, parts: int = 1,
          account: bool = True, files: dict[str, bytes | str] | None = None, root: str = "") -> Path:
    """Write an archive zip in X's layout (data/tweets.js…, account.js, media folders)."""
    items = [{"tweet": t} if wrap else t for t in tweets]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        chunk = -(-len(items) // parts) if items else 0
        for p in range(parts):
            fname = f"data/{name}.js" if p == 0 else f"data/{name}-part{p}.js"
            if fname in (files or {}):
                continue
            zf.writestr(root + fname, ytd(name, items[p * chunk:(p + 1) * chunk] if chunk else [], p))
        if account:
            zf.writestr(root + "data/account.js", ytd("account", [{"account": {
                "accountId": OWNER_ID, "username": HANDLE, "accountDisplayName": "Jane Builds"}}]))
        for fname, data in (files or {}).items():
            zf.writestr(root + fname, data)
    return path


FOLLOW_UP = tweet(101, "The follow-up post of the thread, with enough words.", 100)


def chain(start: int, n: int, text="Post {i} of the thread, with enough words to be a post.", **kw) -> list[dict]:
    return [tweet(start + i, text.format(i=i + 1), None if i == 0 else start + i - 1, **kw) for i in range(n)]


# ------------------------------------------------------------------ the sample archive

def test_sample_archive(sample_archive):
    progress = []
    result = read_archive(sample_archive, progress=lambda d, t: progress.append((d, t)))
    assert result.warnings == []
    top, second = result.threads
    assert top.id == "1795455785472424065" and (top.likes, top.reposts) == (412, 88)
    assert top.title == "How we cut CI from 40 to 8 minutes" and top.marked_as_thread
    assert [p.id for p in top.posts][-1] == "1795455801180387330" and len(top.posts) == 6
    assert top.posts[0].text == ("How we cut CI from 40 to 8 minutes\n\n"
                                 "Caching & parallel jobs did most of it. Here is the whole story:")
    # t.co replaced by the expanded link, the trailing media link dropped
    assert top.posts[4].text.endswith("Details: example.dev/blog/faster-ci-with-sharding-and-caching")
    assert "t.co" not in " ".join(p.text for p in top.posts)
    assert [len(p.images) for p in top.posts] == [0, 1, 0, 2, 0, 0]
    assert all(img.width == 1600 and img.height == 900 for p in top.posts for img in p.images)
    first = top.posts[0]
    assert (first.author_name, first.handle) == ("Jane Builds", "jane_builds")
    assert first.url == "https://x.com/jane_builds/status/1795455785472424065"
    assert first.created_at == "2024-05-28T14:03:18+00:00"
    assert first.avatar is not None and max(first.avatar.width, first.avatar.height) <= 400
    # the long post comes from note-tweet.js (different id, matched by time and prefix)
    assert second.posts[0].text.endswith("Here they are, with the reason each one stuck.")
    assert len(second.posts[0].text) > 280 and "…" not in second.posts[0].text
    # the reply to someone else and the unrelated single post are not threads
    ids = {p.id for t in result.threads for p in t.posts}
    assert "1795455807463572636" not in ids and "1795455804321979983" not in ids
    assert progress and progress[-1][0] == progress[-1][1] and all(d <= t for d, t in progress)


def test_listing_without_media_names_the_files(sample_archive):
    result = read_archive(sample_archive, load_media=False)
    assert all(not p.images and p.avatar is None for t in result.threads for p in t.posts)
    assert result.media["1795455794897202024"] == ["1795455794897202024-B00501BDDCD0528.jpg",
                                                   "1795455794897202024-3AA22AC1B83A88B.jpg"]


def test_thread_id_keeps_one_thread(sample_archive):
    result = read_archive(sample_archive, thread_id="1795455810605165289")
    assert [t.id for t in result.threads] == ["1795455810605165289"]
    with pytest.raises(SourceError, match="no thread with id"):
        read_archive(sample_archive, thread_id="42")


def _threads(result) -> list[tuple[str, list[str], list[int]]]:
    return [(t.id, [p.text for p in t.posts], [len(p.images) for p in t.posts]) for t in result.threads]


def test_an_extracted_archive_folder_reads_like_its_zip(sample_archive, tmp_path):
    """Browsers on macOS unzip downloads: the folder (or its data/ folder) is the same archive."""
    with zipfile.ZipFile(sample_archive) as zf:
        zf.extractall(tmp_path / "twitter-2024")
    from_zip = read_archive(sample_archive)
    for folder in (tmp_path / "twitter-2024", tmp_path / "twitter-2024" / "data"):
        result = load_input(folder)
        assert _threads(result) == _threads(from_zip) and result.warnings == []
        assert result.threads[0].posts[0].avatar is not None
    (tmp_path / "notes").mkdir()
    with pytest.raises(SourceError, match="not an extracted X archive"):
        load_input(tmp_path / "notes")
    thread, warnings = read_input(tmp_path / "twitter-2024", "1795455810605165289")  # what render reads
    assert (thread.id, warnings) == ("1795455810605165289", [])


def test_a_link_in_an_archive_folder_is_not_followed(tmp_path):
    secret = tmp_path / "elsewhere"
    secret.mkdir()
    (secret / "tweets.js").write_text(ytd("tweets", [{"tweet": t} for t in chain(500, 3, "Secret {i} words here.")]))
    folder = tmp_path / "archive"
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "tweets.js").write_text(ytd("tweets", [{"tweet": t} for t in chain(100, 2)]))
    (folder / "data" / "tweets-part1.js").symlink_to(secret / "tweets.js")
    (folder / "data" / "more").symlink_to(secret, target_is_directory=True)
    (thread,) = load_input(folder).threads
    assert [p.id for p in thread.posts] == ["100", "101"]


def test_tweets_js_on_its_own_is_read_as_the_archive_would_be(tmp_path):
    """The archive's data file given alone (a file, its bytes or pasted text): its threads, and why photos are missing."""
    data = ytd("tweets", [{"tweet": t} for t in chain(100, 3, media=())]).encode()
    (tmp_path / "tweets.js").write_bytes(b"\xef\xbb\xbf" + data)
    for result in (load_input(tmp_path / "tweets.js"), load_threads(data), read_text(data.decode())):
        (thread,) = result.threads
        assert [p.id for p in thread.posts] == ["100", "101", "102"]
        assert thread.posts[0].text == "Post 1 of the thread, with enough words to be a post."
        assert any("no photos" in w and "tweets-part1.js" in w for w in result.warnings)
    assert "window" not in " ".join(p.text for p in read_text(data.decode()).threads[0].posts)
    two = ytd("tweets", [{"tweet": t} for t in chain(100, 2) + chain(200, 2, likes=5)])
    result = read_text(two)
    assert [t.id for t in result.threads] == ["200", "100"]
    assert any("holds 2 threads" in w and "most likes" in w for w in result.warnings)
    with pytest.raises(SourceError, match="has no thread: 1 post read, but none form a thread"):
        read_text(ytd("tweets", [{"tweet": tweet(7, "A single post.")}]))
    with pytest.raises(SourceError, match="not UTF-8"):
        read_text(ytd("tweets", [{"tweet": tweet(7, "Lone \ud800 surrogate.")}]))


# ------------------------------------------------------------------ layouts

@pytest.mark.parametrize("name,wrap", [("tweets", True), ("tweet", True), ("tweets", False), ("tweet", False)])
def test_file_names_and_wrappers(tmp_path, name, wrap):
    path = build(tmp_path / "a.zip", chain(100, 3), name=name, wrap=wrap)
    (thread,) = read_archive(path).threads
    assert [p.id for p in thread.posts] == ["100", "101", "102"]


def test_multi_part_files_and_a_rezipped_folder(tmp_path):
    posts = chain(100, 4) + chain(200, 3, likes=5)
    path = build(tmp_path / "a.zip", posts, parts=3, root="twitter-2024-05-30-abc/")
    result = read_archive(path)
    assert [len(t.posts) for t in result.threads] == [3, 4]  # 15 likes beat 0
    assert result.threads[0].likes == 15


def test_manifest_lists_the_files(tmp_path):
    manifest = "window.__THAR_CONFIG = " + json.dumps({"dataTypes": {
        "tweets": {"mediaDirectory": "data/tweets_media",
                   "files": [{"fileName": "data/my-posts.js", "globalName": "YTD.tweets.part0", "count": "2"},
                             {"fileName": "data/missing.js"}]}}})
    path = build(tmp_path / "a.zip", [], files={"data/manifest.js": manifest,
                                                "data/my-posts.js": ytd("tweets", [{"tweet": t} for t in chain(5, 2)])})
    result = read_archive(path)
    assert [p.id for p in result.threads[0].posts] == ["5", "6"]
    assert "data/missing.js is listed in the manifest but missing from the zip" in result.warnings


def test_without_account_js_the_handle_comes_from_self_replies(tmp_path):
    path = build(tmp_path / "a.zip", chain(100, 2), account=False)
    post = read_archive(path).threads[0].posts[0]
    assert post.handle == HANDLE and post.author_name == ""
    assert post.url == f"https://x.com/{HANDLE}/status/100"


# ------------------------------------------------------------------ threads

def test_branching_chain_follows_the_longest_branch_and_names_the_other(tmp_path):
    posts = chain(100, 2) + [tweet(105, "Later branch reply, long enough to be a post.", 101),
                             tweet(103, "Lower branch reply, long enough to be a post.", 101),
                             tweet(104, "Reply under the higher branch, long enough.", 105)]
    result = read_archive(build(tmp_path / "a.zip", posts))
    (thread,) = result.threads
    assert [p.id for p in thread.posts] == ["100", "101", "105", "104"]
    assert any("forks" in w and "103" in w for w in result.warnings)


def test_missing_first_post_is_kept_and_marked_incomplete(tmp_path):
    posts = [tweet(101, "Second post; the first was deleted.", 100), tweet(102, "Third post of it.", 101)]
    (thread,) = read_archive(build(tmp_path / "a.zip", posts)).threads
    assert thread.incomplete and [p.id for p in thread.posts] == ["101", "102"]


def test_reposts_and_lone_replies_to_others_are_not_threads(tmp_path):
    posts = [tweet(100, "RT @someone: their post, not mine", None),
             tweet(101, "@someone_else I agree with this", 99, to_user="99", rng=(14, 31)),
             tweet(103, "A lone post, short.")]
    result = read_archive(build(tmp_path / "a.zip", posts + chain(200, 2)))
    assert [t.id for t in result.threads] == ["200"]


def test_single_long_post_is_offered_short_singles_are_not(tmp_path):
    long_text = "A long post that needed more than one tweet's worth of room. " * 8
    notes = [{"noteTweet": {"noteTweetId": "7", "createdAt": "2024-05-29T15:12:04.000Z", "core": {"text": long_text}}}]
    posts = [tweet(100, long_text[:270] + "…"), tweet(101, "Short one.")]
    result = read_archive(build(tmp_path / "a.zip", posts, files={"data/note-tweet.js": ytd("noteTweet", notes)}))
    assert [t.id for t in result.threads] == ["100"]
    assert result.threads[0].posts[0].text == long_text.strip()


def test_threads_sorted_by_likes_plus_reposts_then_newest(tmp_path):
    posts = chain(100, 2, likes=3) + chain(200, 2, reposts=5) + chain(300, 2, likes=3)
    result = read_archive(build(tmp_path / "a.zip", posts))
    assert [t.id for t in result.threads] == ["200", "300", "100"]  # 10, 6, 6 (newer first)


# ------------------------------------------------------------------ text

def test_display_range_entities_and_links(tmp_path):
    text = "@jane_builds Fish &amp; chips &lt;3 https://t.co/abc and more https://t.co/pic"
    urls = [{"url": "https://t.co/abc", "expanded_url": "https://www.example.com/a/long/path/to/read",
             "display_url": "example.com/a/long/path/to…"}]
    posts = [tweet(100, "Opening post of the thread, long enough to count."),
             tweet(101, text, 100, rng=(13, len(text) - len(" https://t.co/pic")), urls=urls,
                   media=[photo(101, "X1.jpg")])]
    (thread,) = read_archive(build(tmp_path / "a.zip", posts)).threads
    assert thread.posts[1].text == "Fish & chips <3 example.com/a/long/path/to/read and more"


def test_display_range_counts_code_points_with_emoji(tmp_path):
    text = "Ship it 🚀🧵 now https://t.co/pic"
    posts = [tweet(100, text, rng=(0, 14), media=[photo(100, "A.jpg")]), FOLLOW_UP]
    (thread,) = read_archive(build(tmp_path / "a.zip", posts)).threads
    assert thread.posts[0].text == "Ship it 🚀🧵 now" and thread.marked_as_thread  # (a 🧵 among words stays)


def test_note_tweet_matched_by_time_and_prefix(tmp_path):
    full = "Why we rewrote the importer. " + "It streams every item instead of loading the file. " * 8
    short = full[:270] + "…"
    notes = [{"noteTweet": {"noteTweetId": "999", "createdAt": "2024-05-29T15:12:05.000Z",
                            "core": {"text": full + " https://t.co/n1", "urls": [
                                {"shortUrl": "https://t.co/n1", "expandedUrl": "https://example.org/why",
                                 "displayUrl": "example.org/why"}]}}},
             {"noteTweet": {"noteTweetId": "998", "createdAt": "2024-05-29T15:12:04.000Z",
                            "core": {"text": "A different long post entirely. " * 10}}}]
    posts = [tweet(100, short), FOLLOW_UP]
    path = build(tmp_path / "a.zip", posts, files={"data/note-tweet.js": ytd("noteTweet", notes)})
    (thread,) = read_archive(path).threads
    assert thread.posts[0].text == full + " example.org/why"  # text kept as written, link expanded


def test_mojibake_in_archive_text_is_repaired(tmp_path):
    posts = [tweet(100, "Next step β†’ ship it πŸ‘‡"), FOLLOW_UP]
    (thread,) = read_archive(build(tmp_path / "a.zip", posts)).threads
    assert thread.posts[0].text == "Next step → ship it 👇"


# ------------------------------------------------------------------ media

def test_photos_attach_in_order_and_broken_media_is_a_warning(tmp_path):
    media = [photo(100, "AAA.jpg"), photo(100, "BBB.jpg"), photo(100, "CCC.png"),
             {"type": "video", "url": "https://t.co/pic", "media_url_https": "https://pbs.twimg.com/v/VID.jpg"}]
    posts = [tweet(100, "With photos https://t.co/pic", rng=(0, 11), media=media), FOLLOW_UP]
    files = {"data/tweets_media/100-BBB.jpg": jpeg((0, 0, 255)), "data/tweets_media/100-AAA.jpg": jpeg((255, 0, 0)),
             "data/tweets_media/100-CCC.png": b"not an image at all",
             "data/tweets_media/555-ZZZ.jpg": jpeg(),  # a post that is not in any thread: never read
             "data/profile_media/1402345678901234567-me.jpg": jpeg(size=(900, 900))}
    result = read_archive(build(tmp_path / "a.zip", posts, files=files))
    post = result.threads[0].posts[0]
    assert len(post.images) == 2
    reds = [PILImage.open(io.BytesIO(img.data)).convert("RGB").getpixel((5, 5)) for img in post.images]
    assert reds[0][0] > 200 and reds[1][2] > 200  # AAA (red) before BBB (blue), as the post shows them
    assert any("100-CCC.png" in w and "not an image" in w for w in result.warnings)
    assert any("video in post 100" in w and "not embedded" in w for w in result.warnings)
    assert post.avatar is not None and (post.avatar.width, post.avatar.height) == (400, 400)


def test_old_tweet_media_folder(tmp_path):
    posts = [tweet(100, "Photo post https://t.co/pic", rng=(0, 10), media=[photo(100, "OLD.jpg")]), FOLLOW_UP]
    path = build(tmp_path / "a.zip", posts, name="tweet", files={"data/tweet_media/100-OLD.jpg": jpeg()})
    assert len(read_archive(path).threads[0].posts[0].images) == 1


# ------------------------------------------------------------------ bad input

def test_not_a_zip(tmp_path):
    path = tmp_path / "archive.zip"
    path.write_bytes(b"this is not a zip")
    with pytest.raises(SourceError, match="archive.zip is not a zip file"):
        read_archive(path)
    with pytest.raises(SourceError, match="not a zip file"):
        read_archive(io.BytesIO(b"PK\x03\x04 broken"))


def test_zip_without_tweets(tmp_path):
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("holiday.jpg", jpeg())
    with pytest.raises(SourceError, match="photos.zip has no posts"):
        read_archive(path)
    empty = build(tmp_path / "empty.zip", [])
    with pytest.raises(SourceError, match="no posts"):
        read_archive(empty)


def _patch_declared_size(data: bytes, member: str, size: int) -> bytes:
    """Rewrite a member's uncompressed size in the central directory (what zipfile trusts)."""
    at = data.index(b"PK\x01\x02" + data[data.index(b"PK\x01\x02") + 4:data.index(b"PK\x01\x02") + 4])
    while True:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_len].decode() == member:
            return data[:at + 24] + struct.pack("<I", size) + data[at + 28:]
        at = data.index(b"PK\x01\x02", at + 4)


def test_member_declared_beyond_512_mb_is_refused_without_reading(tmp_path):
    path = build(tmp_path / "a.zip", chain(100, 2))
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(_patch_declared_size(path.read_bytes(), "data/tweets.js", 600 * 2**20))
    with pytest.raises(SourceError) as err:
        read_archive(bomb)
    assert "data/tweets.js" in str(err.value) and "600 MB" in str(err.value) and "512 MB" in str(err.value)


def test_member_that_inflates_beyond_the_limit_while_streaming(tmp_path, monkeypatch):
    monkeypatch.setattr(archive_files, "MEMBER_LIMIT", 256 * 1024)
    monkeypatch.setattr(archive_files, "CHUNK", 64 * 1024)
    padding = [tweet(10_000 + i, "x" * 200) for i in range(2000)]  # ~1.5 MB, compresses to little
    path = build(tmp_path / "a.zip", chain(100, 2) + padding)
    with pytest.raises(SourceError, match="inflate"):
        read_archive(path)
    # a member whose real size is bigger than it declares is caught as damage, not read on
    lying = tmp_path / "lying.zip"
    small = build(tmp_path / "small.zip", chain(100, 2))
    lying.write_bytes(_patch_declared_size(small.read_bytes(), "data/tweets.js", 40))
    with pytest.raises(SourceError, match="damaged"):
        read_archive(lying)


def test_unsafe_member_paths_are_skipped_and_named(tmp_path):
    path = build(tmp_path / "a.zip", chain(100, 2), files={"../../evil.js": "x", "/abs/data/tweets.js": "x",
                                                           "data/tweets_media/../../../x.jpg": jpeg()})
    result = read_archive(path)
    assert len(result.threads) == 1
    (warning,) = [w for w in result.warnings if "unsafe" in w]
    assert "skipped 3 files with unsafe paths" in warning and "'../../evil.js'" in warning
    assert not (tmp_path.parent / "evil.js").exists()


def test_invalid_utf8_and_damaged_json_are_warnings_naming_the_file(tmp_path):
    good = ytd("tweets", [{"tweet": t} for t in chain(100, 2)])
    bad = ytd("tweets", [{"tweet": t} for t in chain(200, 2)], 1).encode().replace(b"Post 1", b"Post \xff")
    path = build(tmp_path / "a.zip", [], files={"data/tweets.js": good, "data/tweets-part1.js": bad,
                                                "data/tweets-part2.js": 'window.YTD.tweets.part2 = [{"tweet": {"id_str": "3"'})
    result = read_archive(path)
    assert [t.id for t in result.threads] == ["100"]
    assert any(w.startswith("skipped data/tweets-part1.js: it is not UTF-8 text (byte 0xff") for w in result.warnings)
    assert any(w.startswith("skipped data/tweets-part2.js") for w in result.warnings)


def test_only_bad_files_is_an_error_with_the_reason(tmp_path):
    path = build(tmp_path / "a.zip", [], files={"data/tweets.js": b"window.YTD.tweets.part0 = [\xff\xfe]"})
    with pytest.raises(SourceError, match="no posts that could be read.*not UTF-8"):
        read_archive(path)


def test_items_that_are_not_posts_are_counted(tmp_path):
    items = [{"tweet": t} for t in chain(100, 2)] + [{"tweet": {"id_str": "abc"}}, 42, {"like": {}}]
    path = build(tmp_path / "a.zip", [], files={"data/tweets.js": ytd("tweets", items)})
    result = read_archive(path)
    assert len(result.threads) == 1
    assert "skipped 3 unreadable items in data/tweets.js" in result.warnings


def test_nothing_is_executed(tmp_path):
    payload = "window.YTD.tweets.part0 = (function(){ throw new Error('ran') })() || []"
    path = build(tmp_path / "a.zip", [], files={"data/tweets.js": payload})
    with pytest.raises(SourceError, match="expected window.YTD"):
        read_archive(path)


def test_a_zip_listing_absurdly_many_files_is_refused_before_reading_it(tmp_path, monkeypatch):
    path = build(tmp_path / "a.zip", chain(100, 2), files={f"data/x{i}.txt": "" for i in range(30)})
    monkeypatch.setattr(archive_mod, "MAX_ENTRIES", 20)
    with pytest.raises(SourceError, match="lists 32 files"):
        read_archive(path)
    with pytest.raises(SourceError, match="lists 32 files"):
        read_archive(io.BytesIO(path.read_bytes()))


def test_photo_names_that_do_not_match_fall_back_to_the_post_files(tmp_path):
    posts = [tweet(100, "Photo https://t.co/pic", rng=(0, 5), media=[photo(100, "RENAMED.jpg")]), FOLLOW_UP]
    path = build(tmp_path / "a.zip", posts, files={"data/tweets_media/100-other.jpg": jpeg(),
                                                   "data/tweets_media/100-clip.mp4": b"\x00\x00"})
    assert len(read_archive(path).threads[0].posts[0].images) == 1


def test_an_archive_without_threads_says_why(tmp_path):
    result = read_archive(build(tmp_path / "a.zip", [tweet(1, "Just one short post."), tweet(2, "RT @x: theirs")]))
    assert result.threads == []
    assert result.warnings == ["2 posts read, but none form a thread (a post followed by your own replies to it)"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=examples(60), deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["data/tweets.js", "data/account.js", "data/manifest.js"]))
def test_property_arbitrary_file_contents_never_crash(blob, member):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        if member != "data/tweets.js":
            zf.writestr("data/tweets.js", ytd("tweets", [{"tweet": t} for t in chain(100, 2)]))
        zf.writestr(member, blob)
    try:
        read_archive(io.BytesIO(buf.getvalue()))
    except SourceError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=examples(60), deadline=None)
@given(st.binary(max_size=2000))
def test_property_arbitrary_bytes_are_refused_cleanly(blob):
    try:
        read_archive(io.BytesIO(b"PK\x03\x04" + blob))
    except SourceError as exc:
        assert "\n" not in str(exc)


@settings(max_examples=examples(80), deadline=None)
@given(st.text(ANY_CHARACTER, max_size=400), st.sampled_from(["window.YTD.tweets.part0 = ", "\ufeff window.YTD.tweet.part3="]))
def test_property_pasted_tweets_js_gives_threads_or_a_clear_error(body, prefix):
    try:
        result = read_text(prefix + body)
    except SourceError as exc:
        assert "\n" not in str(exc)
    else:
        assert result.threads and all(p.text for t in result.threads for p in t.posts)


def test_author_from_the_manifest_when_account_js_is_missing(tmp_path):
    manifest = "window.__THAR_CONFIG = " + json.dumps({"userInfo": {
        "accountId": OWNER_ID, "userName": "jane_builds", "displayName": "Jane From Manifest"}})
    path = build(tmp_path / "a.zip", chain(100, 2), account=False, files={"data/manifest.js": manifest})
    post = read_archive(path).threads[0].posts[0]
    assert (post.author_name, post.handle) == ("Jane From Manifest", "jane_builds")


def test_counts_of_one_are_singular(tmp_path):
    path = build(tmp_path / "a.zip", [], files={"data/tweets.js": ytd("tweets", [{"tweet": tweet(1, "Just one post.")}, 42]),
                                                "../evil.js": "x"})
    result = read_archive(path)
    assert result.threads == []
    assert "skipped 1 file with unsafe paths: '../evil.js'" in result.warnings
    assert "skipped 1 unreadable item in data/tweets.js" in result.warnings
    assert "1 post read, but none form a thread (a post followed by your own replies to it)" in result.warnings
    assert not any(re.search(r"\b1 \w+s\b|\(s\)", w) for w in result.warnings)


def test_a_thread_opened_as_an_answer_to_someone_else_is_listed_from_that_answer(tmp_path):
    """Answering someone, then going on under one's own answer, is a thread on X: it is listed, opening with the
    answer's own words (not the @mention X puts before them). A lone answer to someone stays out."""
    opening = tweet(300, "@someone_else Here is why I disagree, in three parts.", 299, to_user="99", rng=(14, 53))
    thread = [opening, tweet(301, "First, the numbers were measured on one machine.", 300),
              tweet(302, "Second, nobody ran it twice.", 301)]
    lone = tweet(310, "@someone_else Agreed!", 309, to_user="99", rng=(14, 21))
    result = load_input(build(tmp_path / "a.zip", thread + [lone] + chain(400, 2)))
    opened = next(t for t in result.threads if t.id == "300")
    assert [p.text for p in opened.posts] == ["Here is why I disagree, in three parts.",
                                              "First, the numbers were measured on one machine.",
                                              "Second, nobody ran it twice."]
    assert not any(p.id == "310" for t in result.threads for p in t.posts)
    assert len(result.threads) == 2
    assert result.answers == {"300": "someone_else"}  # the other thread opens with a post of its own


def test_answers_name_only_what_the_archive_says(tmp_path):
    """The listing says whose post a thread's first post answered: the archive's handle, nothing made up."""
    unnamed = tweet(500, "@x Why it broke, in two posts.", 499, to_user="99")
    del unnamed["in_reply_to_screen_name"]
    odd = tweet(600, "@x A second answer, in two posts.", 599, to_user="98")
    odd["in_reply_to_screen_name"] = "not a handle\n"
    missing = tweet(701, "The middle of a thread whose start is gone.", 700)
    posts = [unnamed, tweet(501, "It ran out of memory.", 500), odd, tweet(601, "And more.", 600),
             missing, tweet(702, "Its end.", 701)] + chain(800, 2)
    result = read_archive(build(tmp_path / "a.zip", posts), load_media=False)
    assert {t.id for t in result.threads} == {"500", "600", "701", "800"}
    assert result.answers == {"500": "", "600": ""}
    assert read_archive(build(tmp_path / "b.zip", posts), thread_id="500").answers == {"500": ""}
