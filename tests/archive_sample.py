"""Builds the sample X data archive the tests read, in the real archive layout.

Two threads by @jane_builds (one of six posts with three photos, one opened by a long
"note tweet"), a reply to someone else and a single post, split over ``tweets.js`` and
``tweets-part1.js`` with ``account.js``, ``profile.js``, ``manifest.js``, ``note-tweet.js``
and the media folders — everything generated here, nothing read from outside the repository.
"""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from PIL import Image, ImageDraw

OWNER_ID, HANDLE, NAME = "1402345678901234567", "jane_builds", "Jane Builds"
AVATAR_KEY = "bfc8a50b114e3f7308a3bdc60b5c3199"
NOTE_TEXT = ("Three rules for code review that saved our team hours every week. We tried many checklists over "
             "the years; most of them died within a month because they asked reviewers to remember twenty things "
             "at once. These three survived because each one changes what you look at first, not how long you "
             "look. Here they are, with the reason each one stuck.")

# (id, replies to, time, likes, reposts, text, photos as (media id, key), urls as (t.co, expanded, display))
POSTS = [
    ("1795455785472424065", None, "14:03:18", 412, 88,
     "How we cut CI from 40 to 8 minutes 🧵\n\nCaching &amp; parallel jobs did most of it. Here is the whole story:",
     (), ()),
    ("1795455788614016718", "1795455785472424065", "14:03:25", 0, 0,
     "1) Measure first.\n\nWe timed every step for a week. 61% of the time was dependency installs, not tests. "
     "Nobody had guessed that. https://t.co/e992b7dbd0", (("1795455788614016719", "A7F11A3922406B7"),), ()),
    ("1795455791755609371", "1795455788614016718", "14:03:32", 0, 0,
     "2) Cache what doesn't change.\n\n- lockfile-keyed dependency cache\n- compiled assets keyed by source hash\n"
     "- test fixtures built once a day\n\nInstalls went from 14 min to 40 s.", (), ()),
    ("1795455794897202024", "1795455791755609371", "14:03:39", 0, 0,
     "3) Split the tests into 4 shards 👇\n\nShards are balanced by last week's timings, not by file count. "
     "The slowest shard now finishes within 20 s of the fastest. https://t.co/f48de3cf24",
     (("1795455794897202025", "B00501BDDCD0528"), ("1795455794897202026", "3AA22AC1B83A88B")), ()),
    ("1795455798038794677", "1795455794897202024", "14:03:46", 0, 0,
     "4) Fail fast.\n\nLint and type checks run first, in 45 s. Half of all red builds stop there, before a "
     "single test container starts. Details: https://t.co/Xy12AbCdEf", (),
     (("https://t.co/Xy12AbCdEf", "https://example.dev/blog/faster-ci-with-sharding-and-caching",
       "example.dev/blog/faster-c…"),)),
    ("1795455801180387330", "1795455798038794677", "14:03:53", 0, 0,
     "That's it. If this was useful, follow @jane_builds for more build-speed notes. #DevOps #CI", (), ()),
    ("1795455804321979983", None, "14:04:00", 3, 0, "Unrelated single post: coffee is a build tool.", (), ()),
    ("1795455807463572636", "1795000000000000001", "14:04:07", 0, 0, "@someone_else Great point!", (), ()),
    ("1795455810605165289", None, "14:04:14", 57, 0, NOTE_TEXT[:270] + "…", (), ()),
    ("1795455813746757942", "1795455810605165289", "14:04:21", 0, 0,
     "Rule one: review the test first. If the test is wrong, the code doesn't matter.", (), ()),
    ("1795455816888350595", "1795455813746757942", "14:04:28", 0, 0,
     "Rule two: ask questions, don't issue orders. \"What happens if X is empty?\" beats \"handle empty X\".", (), ()),
]
PART0 = 4  # the newest four posts go to tweets.js, the rest to tweets-part1.js (newest first, as X writes them)


def _jpeg(size: tuple[int, int], seed: int) -> bytes:
    """A photo-like JPEG: a diagonal gradient with a few shapes, different for each seed."""
    w, h = size
    img = Image.linear_gradient("L").resize(size).convert("RGB")
    img = Image.merge("RGB", [c.point(lambda v, k=k: (v * (k + 1) + seed * 40) % 256) for k, c in enumerate(img.split())])
    draw = ImageDraw.Draw(img)
    for i in range(4):
        x = (seed * 131 + i * 377) % (w - 200)
        draw.ellipse((x, h // 5 + i * 60, x + 180, h // 5 + i * 60 + 180), fill=(250 - i * 40, 90 + seed * 30, 60 + i * 30))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=70)
    return out.getvalue()


def _ytd(kind: str, items: list, part: int = 0) -> str:
    return f"window.YTD.{kind}.part{part} = " + json.dumps(items, indent=2, ensure_ascii=False)


def _tweet(post: tuple) -> dict:
    id_, parent, clock, likes, reposts, text, photos, urls = post
    visible = text.rsplit(" https://t.co/", 1)[0] if photos else text
    start = text.index(" ") + 1 if text.startswith("@") else 0
    t = {"edit_info": {"initial": {"editTweetIds": [id_], "editableUntil": "2024-05-28T15:03:11.000Z",
                                   "editsRemaining": "5", "isEditEligible": True}},
         "retweeted": False, "source": '<a href="https://mobile.x.com" rel="nofollow">X Web App</a>',
         "entities": {"hashtags": [], "symbols": [], "user_mentions": [],
                      "urls": [{"url": u, "expanded_url": e, "display_url": d,
                                "indices": [str(text.index(u)), str(text.index(u) + len(u))]} for u, e, d in urls]},
         "display_text_range": [str(start), str(len(visible))], "favorite_count": str(likes), "id_str": id_,
         "truncated": False, "retweet_count": str(reposts), "id": id_,
         "created_at": f"Tue May 28 {clock} +0000 2024", "favorited": False, "full_text": text, "lang": "en"}
    if photos:
        tco = text.rsplit(" ", 1)[1]
        media = [{"id_str": mid, "id": mid, "type": "photo", "url": tco, "display_url": "pic.x.com/" + tco[-10:],
                  "expanded_url": f"https://x.com/{HANDLE}/status/{id_}/photo/{n}",
                  "indices": [str(len(visible) + 1), str(len(visible) + 1 + len(tco))],
                  "media_url": f"http://pbs.twimg.com/media/{key}.jpg",
                  "media_url_https": f"https://pbs.twimg.com/media/{key}.jpg",
                  "sizes": {"large": {"w": "1600", "h": "900", "resize": "fit"}}}
                 for n, (mid, key) in enumerate(photos, 1)]
        t["extended_entities"] = {"media": media}
        t["entities"]["media"] = media[:1]
    if parent:
        to_self = parent.startswith("179545")
        t.update(in_reply_to_status_id_str=parent, in_reply_to_status_id=parent,
                 in_reply_to_user_id_str=OWNER_ID if to_self else "99", in_reply_to_user_id=OWNER_ID if to_self else "99",
                 in_reply_to_screen_name=HANDLE if to_self else "someone_else")
    return {"tweet": t}


def build_sample_archive(path: Path) -> Path:
    """Write the sample archive zip to ``path`` and return it."""
    tweets = [_tweet(p) for p in reversed(POSTS)]
    manifest = {"userInfo": {"accountId": OWNER_ID, "userName": HANDLE, "displayName": NAME},
                "archiveInfo": {"sizeBytes": "1", "generationDate": "2026-11-01T09:50:29.344Z",
                                "isPartialArchive": False, "maxPartSizeBytes": "53687091200"},
                "dataTypes": {"tweets": {"mediaDirectory": "data/tweets_media", "files": [
                    {"fileName": "data/tweets.js", "globalName": "YTD.tweets.part0", "count": str(PART0)},
                    {"fileName": "data/tweets-part1.js", "globalName": "YTD.tweets.part1",
                     "count": str(len(tweets) - PART0)}]}}}
    note = {"noteTweet": {"noteTweetId": "1795455810605165366", "updatedAt": "2024-05-28T14:04:14.000Z",
                          "createdAt": "2024-05-28T14:04:14.000Z",
                          "core": {"styletags": [], "urls": [], "text": NOTE_TEXT, "mentions": [], "cashtags": [],
                                   "hashtags": []}}}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Your archive.html", "<html><body>Your archive</body></html>")
        zf.writestr("data/manifest.js", "window.__THAR_CONFIG = " + json.dumps(manifest, indent=2))
        zf.writestr("data/account.js", _ytd("account", [{"account": {
            "email": "someone@example.invalid", "createdVia": "web", "username": HANDLE, "accountId": OWNER_ID,
            "createdAt": "2015-02-12T12:50:19.000Z", "accountDisplayName": NAME}}]))
        zf.writestr("data/profile.js", _ytd("profile", [{"profile": {
            "description": {"bio": "Builds things. Writes threads.", "website": "", "location": ""},
            "avatarMediaUrl": f"https://pbs.twimg.com/profile_images/1/{AVATAR_KEY}.jpeg", "headerMediaUrl": ""}}]))
        zf.writestr("data/tweets.js", _ytd("tweets", tweets[:PART0]))
        zf.writestr("data/tweets-part1.js", _ytd("tweets", tweets[PART0:], 1))
        zf.writestr("data/note-tweet.js", _ytd("noteTweet", [note]))
        zf.writestr(f"data/profile_media/{OWNER_ID}-{AVATAR_KEY}.jpeg", _jpeg((640, 640), 7))
        for seed, (id_, *_rest) in enumerate(POSTS):
            for mid, key in POSTS[seed][6]:
                zf.writestr(f"data/tweets_media/{id_}-{key}.jpg", _jpeg((1600, 900), seed + len(key) % 3))
    return path
