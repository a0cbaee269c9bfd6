"""An X archive in its real layout, as X writes it today: a top folder when re-zipped, BOM and CRLF in the data
files, tweets.js and tweets-part1.js, an edited post, a deleted one, a long post in note-tweet.js, a repost and a
reply to someone else among the thread's posts, two photos named <post id>-<media key>.jpg — read through the
studio's own calls; and two archives zipped together, which are never mixed."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from studio.app.imports import list_archive, read_archive_thread
from studio.sources import SourceError


OWNER, HANDLE, NAME = "1500000000000000001", "lena_ops", "Lena Ops"

LONG = ("4/ The long version, because this one matters more than the rest. Nobody tells you that the hard "
        "part of working alone is not the work: it is deciding what not to do. Every week I write down "
        "three things I will not touch, and I keep the list where I can see it. It sounds small; it saved "
        "me months. Read the whole list here: https://t.co/NoteLink01 and tell me yours &amp; why.")


def jpeg(seed: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (seed * 40 % 255, 120, 200 - seed * 30 % 200)).save(out, "JPEG")
    return out.getvalue()


def tw(id_, text, created, reply_to=None, reply_user=None, reply_name=None, urls=(), media=(), rng=None,
       edits=None, likes="0", rts="0"):
    t = {"edit_info": {"initial": {"editTweetIds": edits or [id_], "editableUntil": "2026-11-02T16:04:10.000Z",
                                   "editsRemaining": "5", "isEditEligible": True}},
         "retweeted": False, "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
         "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": [
             {"url": u, "expanded_url": e, "display_url": d, "indices": ["0", "23"]} for u, e, d in urls]},
         "display_text_range": ["0", str(len(text))] if rng is None else [str(rng[0]), str(rng[1])],
         "favorite_count": likes, "id_str": id_, "truncated": False, "retweet_count": rts, "id": id_,
         "created_at": created, "favorited": False, "full_text": text, "lang": "en"}
    if reply_to:
        t.update({"in_reply_to_status_id_str": reply_to, "in_reply_to_status_id": reply_to,
                  "in_reply_to_user_id": reply_user, "in_reply_to_user_id_str": reply_user,
                  "in_reply_to_screen_name": reply_name})
    if media:
        ms = [{"expanded_url": f"https://x.com/{HANDLE}/status/{id_}/photo/1", "indices": ["0", "1"],
               "url": short, "media_url": f"http://pbs.twimg.com/media/{key}.jpg", "id_str": mid, "id": mid,
               "media_url_https": (f"https://pbs.twimg.com/media/{key}.jpg" if kind == "photo" else
                                   f"https://pbs.twimg.com/amplify_video_thumb/{mid}/img/{key}.jpg"),
               "sizes": {}, "type": kind, "display_url": f"pic.x.com/{key[:10]}"} for short, key, mid, kind in media]
        t["entities"]["media"] = ms
        t["extended_entities"] = {"media": ms}
    return {"tweet": t}


def ytd(kind, items, part=0, crlf=False, bom=False, sep=" = "):
    s = f"window.YTD.{kind}.part{part}{sep}" + json.dumps(items, indent=2, ensure_ascii=False)
    if crlf:
        s = s.replace("\n", "\r\n")
    return ("\ufeff" if bom else "") + s


def build(path, top="", crlf=True, bom=True, with_manifest=True, base=1860000000000000000):
    """Write the archive; returns the ids of the thread's posts by their names here."""
    I = lambda n: str(base + n * 4194304 * 1000)  # noqa: E731 - posts ~1 s apart
    A1, A2, A2e, OTHER, A3, A4, A5, A6, RT, A7, SOLO = (I(k) for k in (0, 10, 40, 50, 60, 70, 80, 90, 95, 100, 200))
    trunc = LONG[:270].rsplit(" ", 1)[0] + "… https://t.co/SelfLink01"
    tweets_new = [
        tw(A7, "5/5 That&#39;s all. Follow @lena_ops for more &amp; reply with your own lesson. #buildinpublic",
           "Mon Nov 02 15:05:50 +0000 2026", A6, OWNER, HANDLE),
        tw(RT, "RT @bob_dev: Solo founders: read this thread by @lena_ops", "Mon Nov 02 15:05:45 +0000 2026"),
        tw(A6, trunc, "Mon Nov 02 15:05:40 +0000 2026", A5, OWNER, HANDLE,
           urls=[("https://t.co/SelfLink01", f"https://twitter.com/i/web/status/{A6}", f"x.com/i/web/status/{A6}")]),
        tw(A5, "3/ Talk to 5 users a week. Q&amp;A calls &gt; surveys &lt;3", "Mon Nov 02 15:05:30 +0000 2026",
           A4, OWNER, HANDLE),
        tw(OTHER, "@bob_dev Thanks Bob, that means a lot!", "Mon Nov 02 15:04:55 +0000 2026", "1859999999999999999",
           "999", "bob_dev", rng=(9, 38)),
    ]
    tweets_old = [
        tw(A3, "2/ Ship ugly. Here are v1 and v3 of our landing page https://t.co/MeDiA00001",
           "Mon Nov 02 15:05:10 +0000 2026", A2, OWNER, HANDLE, rng=(0, 52),
           media=[("https://t.co/MeDiA00001", "GbX1aQWXgAAnVxw", "1860000000000000901", "photo"),
                  ("https://t.co/MeDiA00001", "GbX1aQWXgAEr2Zk", "1860000000000000902", "photo")]),
        tw(A2e, "1/ Pricing: charge from day one. Free users give you opinions; paying users give you "
           "priorities. More: https://t.co/AbCdEfGh12", "Mon Nov 02 15:04:50 +0000 2026", A1, OWNER, HANDLE,
           urls=[("https://t.co/AbCdEfGh12", "https://www.lenaops.dev/pricing?ref=x", "lenaops.dev/pricing?ref=x")],
           edits=[A2, A2e]),
        tw(A2, "1/ Pricing: charge from day one. Free users give opinions; paying users give "
           "priorities.", "Mon Nov 02 15:04:20 +0000 2026", A1, OWNER, HANDLE, edits=[A2, A2e]),
        tw(A1, "Working alone for 2 years taught me more than 6 years at big companies 🧵\n\nHere is what I "
           "would tell my past self:", "Mon Nov 02 15:04:10 +0000 2026", likes="1204", rts="311"),
        tw(SOLO, "Coffee &amp; code.", "Sun Nov 01 09:00:00 +0000 2026", likes="2"),
    ]
    note = [{"noteTweet": {"noteTweetId": "1860000000000077777", "updatedAt": "2026-11-02T15:05:40.000Z",
                           "lifecycle": {"value": "published", "name": "Published", "originalName": "published",
                                         "annotations": {}},
                           "createdAt": "2026-11-02T15:05:40.000Z",
                           "core": {"styletags": [], "urls": [{"shortUrl": "https://t.co/NoteLink01",
                                                               "expandedUrl": "https://lenaops.dev/not-to-do",
                                                               "displayUrl": "lenaops.dev/not-to-do"}],
                                    "text": LONG, "mentions": [], "cashtags": [], "hashtags": []}}}]
    deleted = [tw(A4, "3/ deleted draft", "Mon Nov 02 15:05:20 +0000 2026", A3, OWNER, HANDLE)]
    deleted[0]["tweet"]["deleted_at"] = "Mon Nov 02 15:06:00 +0000 2026"
    account = [{"account": {"email": "x@example.com", "createdVia": "web", "username": HANDLE, "accountId": OWNER,
                            "createdAt": "2015-01-01T00:00:00.000Z", "accountDisplayName": NAME}}]
    manifest = {"userInfo": {"accountId": OWNER, "userName": HANDLE, "displayName": NAME},
                "archiveInfo": {"sizeBytes": "1000", "generationDate": "2026-11-30T10:00:00.000Z",
                                "isPartialArchive": False, "maxPartSizeBytes": "53687091200"},
                "readmeInfo": {"fileName": "data/README.txt", "directory": "data/", "name": "README.txt"},
                "dataTypes": {
                    "account": {"files": [{"fileName": "data/account.js", "globalName": "YTD.account.part0", "count": "1"}]},
                    "tweets": {"mediaDirectory": "data/tweets_media",
                               "files": [{"fileName": "data/tweets.js", "globalName": "YTD.tweets.part0", "count": "5"},
                                         {"fileName": "data/tweets-part1.js", "globalName": "YTD.tweets.part1", "count": "5"}]},
                    "noteTweet": {"files": [{"fileName": "data/note-tweet.js", "globalName": "YTD.note_tweet.part0", "count": "1"}]},
                    "deletedTweets": {"mediaDirectory": "data/deleted_tweets_media",
                                      "files": [{"fileName": "data/deleted-tweets.js", "globalName": "YTD.deleted_tweets.part0", "count": "1"}]},
                }}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        def w(name, data):
            z.writestr(top + name, data.encode("utf-8") if isinstance(data, str) else data)
        if with_manifest:
            w("data/manifest.js", "window.__THAR_CONFIG = " + json.dumps(manifest, indent=2))
        w("data/account.js", ytd("account", account))
        w("data/tweets.js", ytd("tweets", tweets_new, 0, crlf, bom))
        w("data/tweets-part1.js", ytd("tweets", tweets_old, 1, crlf, bom, sep="="))
        w("data/note-tweet.js", ytd("note_tweet", note, 0, crlf, bom))
        w("data/deleted-tweets.js", ytd("deleted_tweets", deleted))
        w(f"data/tweets_media/{A3}-GbX1aQWXgAAnVxw.jpg", jpeg(1))
        w(f"data/tweets_media/{A3}-GbX1aQWXgAEr2Zk.jpg", jpeg(2))
        w("Your archive.html", "<html></html>")
    return dict(A1=A1, A2=A2, A2e=A2e, A3=A3, A5=A5, A6=A6, A7=A7)


def test_every_post_of_the_thread_arrives_once_in_order_with_its_photos(tmp_path):
    ids = build(tmp_path / "twitter-2026-11-30.zip", top="twitter-2026-11-30-9f8e7d/")
    listing = list_archive(tmp_path / "twitter-2026-11-30.zip")
    assert [t.id for t in listing.threads] == [ids["A1"]]
    (thread,) = read_archive_thread(tmp_path / "twitter-2026-11-30.zip", ids["A1"]).threads
    assert [p.id for p in thread.posts] == [ids[k] for k in ("A1", "A2e", "A3", "A5", "A6", "A7")]
    assert [p.text for p in thread.posts] == [
        "Working alone for 2 years taught me more than 6 years at big companies\n\nHere is what I would tell my "
        "past self:",
        "Pricing: charge from day one. Free users give you opinions; paying users give you priorities. More: "
        "lenaops.dev/pricing?ref=x",
        "Ship ugly. Here are v1 and v3 of our landing page",
        "Talk to 5 users a week. Q&A calls > surveys <3",
        LONG[3:].replace("https://t.co/NoteLink01", "lenaops.dev/not-to-do").replace("&amp;", "&"),
        "That's all. Follow @lena_ops for more & reply with your own lesson. #buildinpublic"]
    assert [len(p.images) for p in thread.posts] == [0, 0, 2, 0, 0, 0]
    assert {(p.author_name, p.handle) for p in thread.posts} == {(NAME, HANDLE)}


def test_two_archives_zipped_together_are_never_mixed_and_the_other_is_named(tmp_path):
    one = build(tmp_path / "a.zip", top="lena/")
    two = build(tmp_path / "b.zip", top="lena-2025/", base=1760000000000000000)
    both = tmp_path / "both.zip"
    with zipfile.ZipFile(both, "w") as out:
        for part in ("a.zip", "b.zip"):
            with zipfile.ZipFile(tmp_path / part) as z:
                for info in z.infolist():
                    out.writestr(info.filename, z.read(info))
    result = list_archive(both)
    assert [t.id for t in result.threads] == [one["A1"]]
    assert ("found 2 X archives in it (lena/, lena-2025/): read only lena/; import each other archive on its own"
            in result.warnings)
    assert two["A1"] not in {p.id for t in result.threads for p in t.posts}


def test_the_data_folders_files_zipped_without_it_get_a_clear_message(tmp_path):
    build(tmp_path / "full.zip")
    loose = tmp_path / "Archive.zip"  # "Compress 9 items" inside data/: the files, without their folder
    with zipfile.ZipFile(tmp_path / "full.zip") as z, zipfile.ZipFile(loose, "w") as out:
        for info in z.infolist():
            if info.filename.startswith("data/"):
                out.writestr(info.filename.removeprefix("data/"), z.read(info))
    with pytest.raises(SourceError) as err:
        list_archive(loose)
    assert str(err.value) == ("Archive.zip holds tweets.js, but not in a data/ folder as X's archive has it: "
                              "import the .zip X sent, or zip the archive's whole folder (the one holding data/)")
