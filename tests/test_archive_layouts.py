"""X archives laid out as real ones vary: posts written in a community (community-tweet.js), the archive of
2012–2018 (a Grailbird file a month, user_details.js, no display range), and display ranges that do not fit the
text they come with. Every word of the owner's thread arrives; what X hides (reply @handles, photo links) stays out."""
from __future__ import annotations

import io
import json
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.sources import SourceError, load_input, read_archive

OWNER, HANDLE = "1402345678901234567", "dana"
BASE = 1700000000000000000


def item(n: int, text: str, parent: int | None = None, **fields) -> dict:
    t = {"id_str": str(BASE + n), "full_text": text, "display_text_range": ["0", str(len(text))],
         "created_at": f"Tue May 28 10:00:{n:02d} +0000 2024", "favorite_count": "1", "retweet_count": "0",
         "entities": {"urls": []}}
    if parent is not None:
        t.update(in_reply_to_status_id_str=str(BASE + parent), in_reply_to_user_id_str=OWNER,
                 in_reply_to_screen_name=HANDLE)
    t.update(fields)
    return {"tweet": t}


def data_file(kind: str, items: list) -> str:
    return f"window.YTD.{kind}.part0 = " + json.dumps(items, ensure_ascii=False, indent=1)


def archive(files: dict[str, str]) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("data/account.js", data_file("account", [{"account": {"accountId": OWNER, "username": HANDLE,
                                                                          "accountDisplayName": "Dana"}}]))
        for name, text in files.items():
            zf.writestr(name, text)
    out.seek(0)
    return out


def texts(result) -> list[list[str]]:
    return [[p.text for p in t.posts] for t in result.threads]


def test_a_thread_written_in_a_community_is_read():
    files = {"data/tweets.js": data_file("tweets", [item(1, "A post of my own.")]),
             "data/community-tweet.js": data_file("community_tweet", [item(3, "Second, in the community.", 2),
                                                                      item(2, "Posted to a community 🧵")])}
    result = read_archive(archive(files), load_media=False)
    assert texts(result) == [["Posted to a community", "Second, in the community."]]


def test_a_community_file_listed_in_the_manifest_is_read():
    manifest = ("window.__THAR_CONFIG = " + json.dumps({"dataTypes": {
        "tweets": {"files": [{"fileName": "data/tweets.js"}]},
        "communityTweet": {"files": [{"fileName": "data/community-tweet-part1.js"}]}}}))
    files = {"data/manifest.js": manifest, "data/tweets.js": data_file("tweets", [item(1, "Mine.")]),
             "data/community-tweet-part1.js": data_file("community_tweet", [item(2, "One"), item(3, "Two", 2)])}
    assert texts(read_archive(archive(files), load_media=False)) == [["One", "Two"]]


@pytest.mark.parametrize("end_shift", [-9, -4, -1])
def test_a_display_range_shorter_than_the_words_does_not_cut_them(end_shift):
    """A range counted on the text before its escapes, or in UTF-16, ends inside the author's words: all stay."""
    text = "Ship it 👩‍💻 &amp; test &lt;now&gt; today https://t.co/Pic123"
    end = len(text) - len(" https://t.co/Pic123") + end_shift
    photo = {"media": [{"type": "photo", "url": "https://t.co/Pic123", "media_url_https": "https://x/p.jpg"}]}
    files = {"data/tweets.js": data_file("tweets", [item(1, text, display_text_range=["0", str(end)],
                                                         extended_entities=photo), item(2, "Two", 1)])}
    assert texts(read_archive(archive(files), load_media=False))[0][0] == "Ship it 👩‍💻 & test <now> today"


def test_a_display_range_still_hides_reply_handles_and_photo_links():
    text = "@dana @sam and here we go https://t.co/Pic123"
    photo = {"media": [{"type": "photo", "url": "https://t.co/Pic123", "media_url_https": "https://x/p.jpg"}]}
    files = {"data/tweets.js": data_file("tweets", [item(1, "First"), item(
        2, text, 1, display_text_range=["6", str(len(text) - 20)], extended_entities=photo)])}
    assert texts(read_archive(archive(files), load_media=False)) == [["First", "@sam and here we go"]]


@given(st.text(st.sampled_from("ab &;<>👩‍💻#@é\n"), min_size=1, max_size=30).filter(lambda t: t.strip("\n ") != ""),
       st.integers(-5, 40), st.integers(-5, 40))
def test_property_no_display_range_drops_a_word(words, start, end):
    """Whatever range comes with the text, every word of it that is not an @handle arrives."""
    raw = "Lead " + words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + " end"
    files = {"data/tweets.js": data_file("tweets", [item(1, "First"), item(
        2, raw, 1, display_text_range=[str(start), str(end)])])}
    got = texts(read_archive(archive(files), load_media=False))[0][1]
    for word in ("Lead", "end", *words.split()):
        if not word.startswith("@"):
            assert word in got, (word, got)


def old_tweet(n: int, text: str, parent: int | None = None, **fields) -> dict:
    t = {"id_str": str(460000000000000000 + n), "text": text, "created_at": f"2014-05-2{n % 10} 14:03:0{n} +0000",
         "source": "web", "entities": {"urls": [], "user_mentions": [], "media": []},
         "user": {"name": "Dana", "screen_name": HANDLE, "id_str": OWNER}}
    if parent is not None:
        t.update(in_reply_to_status_id_str=str(460000000000000000 + parent), in_reply_to_user_id_str=OWNER,
                 in_reply_to_screen_name=HANDLE)
    t.update(fields)
    return t


def old_archive(top: str = "") -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(top + "tweets.csv", "tweet_id,text\n")
        zf.writestr(top + "data/js/user_details.js", "var user_details =  " + json.dumps(
            {"screen_name": HANDLE, "full_name": "Dana Old", "id": OWNER}, indent=1))
        zf.writestr(top + "data/js/tweet_index.js", "var tweet_index = []")
        zf.writestr(top + "data/js/tweets/2014_05.js", "Grailbird.data.tweets_2014_05 = \n" + json.dumps(
            [old_tweet(3, "@dana 3/ the end &amp; more", 2), old_tweet(2, "@dana 2/ middle @sam", 1),
             old_tweet(1, "1/ A tweetstorm from 2014 &lt;3"),
             old_tweet(4, "RT @sam: someone else's", retweeted_status={"id_str": "1"})], indent=1))
        zf.writestr(top + "data/js/tweets/2014_06.js", "Grailbird.data.tweets_2014_06 = \n" + json.dumps(
            [old_tweet(5, "@dana 4/ a month later", 3)], indent=1))
    out.seek(0)
    return out


@pytest.mark.parametrize("top", ["", "tweets-2014/"])
def test_the_archive_of_2012_to_2018_is_read(top):
    result = read_archive(old_archive(top), load_media=False)
    assert texts(result) == [["A tweetstorm from 2014 <3", "middle @sam", "the end & more",  # numbered: as an
                              "a month later"]]  # import shows them (tests/test_archive_numbering.py)
    first = result.threads[0].posts[0]
    assert (first.handle, first.author_name, first.created_at) == (HANDLE, "Dana Old", "2014-05-21T14:03:01+00:00")


def test_the_old_archive_extracted_to_a_folder_is_read(tmp_path):
    with zipfile.ZipFile(old_archive()) as zf:
        zf.extractall(tmp_path / "old")
    assert len(load_input(tmp_path / "old", load_media=False).threads) == 1


def test_a_zip_of_other_js_files_is_still_refused_with_a_message():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("data/js/app.js", "var x = 1")
    out.seek(0)
    with pytest.raises(SourceError, match="not an X archive"):
        read_archive(out, load_media=False)


def test_an_archive_zipped_with_backslashes_is_read(tmp_path):
    """Windows PowerShell's Compress-Archive names entries "twitter-2024\\data\\tweets.js"; photos included."""
    from PIL import Image
    photo = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 90, 40)).save(photo, "JPEG")
    media = {"media": [{"type": "photo", "url": "https://t.co/Pic1", "media_url_https": "https://x/AAA.jpg"}]}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("twitter-2024\\data\\account.js", data_file("account", [{"account": {
            "accountId": OWNER, "username": HANDLE, "accountDisplayName": "Dana"}}]))
        zf.writestr("twitter-2024\\data\\tweets.js", data_file("tweets", [
            item(1, "Backslashes 🧵 https://t.co/Pic1", extended_entities=media), item(2, "Second", 1)]))
        zf.writestr(f"twitter-2024\\data\\tweets_media\\{BASE + 1}-AAA.jpg", photo.getvalue())
    out.seek(0)
    result = read_archive(out)
    assert texts(result) == [["Backslashes", "Second"]]
    assert [len(p.images) for p in result.threads[0].posts] == [1, 0]
    assert result.threads[0].posts[0].author_name == "Dana"


def test_one_month_of_the_old_archive_given_alone_is_read(tmp_path):
    """data/js/tweets/2014_05.js on its own (a file, or its text pasted) reads as posts, not as a thread of code."""
    from studio.sources import load_threads
    month = tmp_path / "2014_05.js"
    month.write_text("Grailbird.data.tweets_2014_05 = \n" + json.dumps(
        [old_tweet(2, "@dana two", 1), old_tweet(1, "one &amp; all")], indent=1), encoding="utf-8")
    assert texts(load_input(month)) == [["one & all", "two"]]
    assert texts(load_threads(month.read_bytes(), name="pasted")) == [["one & all", "two"]]
