"""Builds X data archives in the shapes X has really written them, with the threads each should read as.

``build(seed, path)`` writes one zip (its shape drawn from ``seed``) and returns the threads it holds as the
creator wrote them: (first post id, [each post's words]). Shapes drawn: ``tweets.js`` or ``tweet.js`` (with its
``window.YTD.tweet`` header), one to four parts, items wrapped in ``{"tweet": …}`` or bare, ``data/`` at the top
or inside one folder zipped by a Mac (``__MACOSX/``, ``.DS_Store``), with or without ``manifest.js``, photos in
``tweets_media/`` or ``tweet_media/`` (some missing, some extra), ``&amp;`` entities, t.co links, long posts in
``note-tweet.js``, edited posts, reposts, replies to others and to deleted posts, quotes, emoji and RTL text.
Nothing is read from outside: every word and photo is made here.
"""
from __future__ import annotations

import io
import json
import random
import zipfile
from datetime import datetime, timedelta, timezone
from html import escape
from pathlib import Path

OWNER, HANDLE, NAME = "1402345678901234567", "dana_ships", "Dana Ships"
OTHER, OTHER_HANDLE = "783214", "bob_other"
BASE = 1795455785472424065  # ids past 2**53, as X's are

WORDS = ("ship", "small", "often", "measure", "first", "cache", "what", "does", "not", "change", "tests",
         "R&D", "<tags>", "a>b", "rock'n'roll", "\"quoted\"", "#buildinpublic", "$NVDA", "@alice", "42%", "3.5x",
         "🚀", "👩‍💻", "🇫🇷", "❤️", "שלום", "עולם", "مرحبا", "بالعالم", "日本語", "naïve", "café", "—", "…", "1,234",
         "e.g.", "(see", "below)", "x_y", "C++", "Q&A", "&", "fast.", "done!", "why?", "&amp;", "&lt;b&gt;", "AT&T",
         "@dana_ships", "\n\n1. one", "\n2. two", "\n- dash", "→", "½", "Ὀδυσσεύς", "👍🏽", "⚠️")


def _photo() -> bytes:
    from PIL import Image
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


PHOTO = _photo()


def _created(n: int) -> str:
    at = datetime(2024, 5, 28, 14, 0, tzinfo=timezone.utc) + timedelta(seconds=7 * n)
    return at.strftime("%a %b %d %H:%M:%S +0000 %Y")


def _iso(n: int) -> str:
    at = datetime(2024, 5, 28, 14, 0, tzinfo=timezone.utc) + timedelta(seconds=7 * n)
    return at.strftime("%Y-%m-%dT%H:%M:%S.000Z")


class _Maker:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.n = 0
        self.items: list[dict] = []
        self.notes: list[dict] = []
        self.deleted: list[dict] = []
        self.media: dict[str, bytes] = {}
        self.expected: list[tuple[str, list[str]]] = []

    def next_id(self) -> int:
        self.n += 1
        return BASE + self.n * 4096 * 1024 * 7  # seven seconds apart, as their snowflake times say

    def words(self, k: int) -> str:
        text = " ".join(self.rng.choice(WORDS) for _ in range(k))
        return text.replace("@alice", "@alice_b")

    def tweet(self, i: int, shown: str, parent: int | None, *, to_other: bool = False, links: int = 0,
              photos: int = 0, quote: bool = False, versions: tuple[int, ...] = ()) -> dict:
        """One post: ``shown`` its words as the creator wrote them (links added after as t.co)."""
        rng = self.rng
        lead = ""
        if parent is not None:
            lead = f"@{OTHER_HANDLE} " if to_other else f"@{HANDLE} "
            if rng.random() < 0.15:
                lead += "@alice_b @carol_c "  # X puts every account of the conversation before a reply's words
        urls, text = [], shown
        expected = shown
        for k in range(links):
            short = f"https://t.co/{rng.randrange(36 ** 10):010x}"[:23]
            expanded = f"https://example.dev/post/{i}/{k}?utm=a&b=c"
            display = f"example.dev/post/{i}/{k}…"
            text += f" {short}"
            expected += f" {expanded}"
            urls.append({"url": short, "expanded_url": expanded, "display_url": display})
        hidden = ""
        if quote:
            short = f"https://t.co/q{i % 10 ** 9:09d}"
            urls.append({"url": short, "expanded_url": f"https://twitter.com/{OTHER_HANDLE}/status/1700000000000000001",
                         "display_url": f"twitter.com/{OTHER_HANDLE}/…"})
            hidden += f" {short}"
        media = []
        for k in range(photos):
            key = f"F{i % 10 ** 6:06d}{k}xYz"
            media.append({"url": f"https://t.co/m{i % 10 ** 8:08d}", "type": "photo", "id_str": str(i + k + 1),
                          "media_url_https": f"https://pbs.twimg.com/media/{key}.jpg"})
        if media:
            hidden += f" {media[0]['url']}"
        stored = escape(lead + text, quote=False) + hidden
        start = len(lead)
        end = len(lead + text)  # X counts the range on the decoded text
        t = {"id_str": str(i), "id": str(i), "full_text": stored,
             "display_text_range": [str(start), str(end)], "created_at": _created((i - BASE) // (4096 * 1024 * 7)),
             "favorite_count": str(rng.choice([0, 3, 12, 999999999, 2 ** 40])), "retweet_count": str(rng.randrange(50)),
             "favorited": False, "retweeted": False, "truncated": False, "lang": "en", "source": "<a href=\"x\">X</a>",
             "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": urls},
             "edit_info": {"initial": {"editTweetIds": [str(v) for v in (versions or (i,))],
                                       "editableUntil": "2024-05-28T15:03:11.000Z", "editsRemaining": "5",
                                       "isEditEligible": True}}}
        if media:
            t["entities"]["media"] = media[:1]
            t["extended_entities"] = {"media": media}
        if parent is not None:
            t.update(in_reply_to_status_id_str=str(parent), in_reply_to_status_id=str(parent),
                     in_reply_to_user_id_str=OTHER if to_other else OWNER,
                     in_reply_to_user_id=OTHER if to_other else OWNER,
                     in_reply_to_screen_name=OTHER_HANDLE if to_other else HANDLE)
        t["_expected"] = expected
        t["_photos"] = [m["media_url_https"].rsplit("/", 1)[1] for m in media]
        return t

    def thread(self) -> None:
        rng = self.rng
        size = rng.choice([2, 2, 3, 5, 8, 13])
        opens_on_other = rng.random() < 0.1
        expected, parent = [], None
        first = None
        if opens_on_other:  # an answer to someone else that the owner went on under
            other = self.next_id()
            self.items.append(self.tweet(other, "A question from someone else?", None))
            self.items[-1]["_skip"] = True  # (another account's post: not in the owner's archive)
            self.items.pop()
            parent_other = other
        for k in range(size):
            i = self.next_id()
            first = first or i
            kind = rng.random()
            shown = self.words(rng.randrange(3, 30))
            if k == 0 and opens_on_other:
                t = self.tweet(i, shown, parent_other, to_other=True)
            elif kind < 0.1 and not opens_on_other:  # a long post, whole in note-tweet.js
                link = f"https://t.co/L{i % 10 ** 9:09d}"
                expanded = f"https://example.dev/long/{i}"
                whole = (link + " " if rng.random() < 0.3 else "") + " ".join([shown] * 12)[:900].rstrip()
                whole += f" {link}" if rng.random() < 0.5 else ""
                cut = whole[:270].rstrip() + "…"
                t = self.tweet(i, cut, parent)
                if link in cut:
                    t["entities"]["urls"].append({"url": link, "expanded_url": expanded,
                                                  "display_url": f"example.dev/long/{i}"})
                selfie = f"https://t.co/n{i % 10 ** 9:09d}"
                t["full_text"] += f" {selfie}"
                t["entities"]["urls"].append({"url": selfie, "expanded_url": f"https://twitter.com/i/web/status/{i}",
                                              "display_url": "twitter.com/i/web/status/1…"})
                self.notes.append({"noteTweet": {"noteTweetId": str(i + 77), "createdAt": _iso((i - BASE) // (4096 * 1024 * 7)),
                                                 "updatedAt": _iso((i - BASE) // (4096 * 1024 * 7)),
                                                 "core": {"text": escape(whole, quote=False), "urls": [
                                                     {"shortUrl": link, "expandedUrl": expanded,
                                                      "displayUrl": f"example.dev/long/{i}"}] if link in whole else [],
                                                     "mentions": [], "hashtags": [],
                                                          "cashtags": [], "styletags": []}}})
                t["_expected"] = whole.replace(link, expanded)
                if link in cut:
                    t["_expected_cut"] = cut.replace(link, expanded)
            elif kind < 0.13 and k:  # photos and no words
                t = self.tweet(i, "", parent, photos=rng.randrange(1, 3))
            elif kind < 0.15 and k:  # only a quote: the slide shows the quoted post's link
                t = self.tweet(i, "", parent, quote=True)
                t["_expected"] = f"https://twitter.com/{OTHER_HANDLE}/status/1700000000000000001"
            elif kind < 0.2:
                t = self.tweet(i, shown, parent, links=rng.randrange(1, 3))
            elif kind < 0.3:
                t = self.tweet(i, shown, parent, photos=rng.randrange(1, 5))
            elif kind < 0.35 and shown:
                t = self.tweet(i, shown, parent, quote=True)
            elif kind < 0.42 and k:  # edited: the first version then the latest, both in tweets.js
                j = self.next_id()
                old = self.tweet(i, shown + " typo", parent, versions=(i, j))
                t = self.tweet(j, shown, parent, versions=(i, j))
                t["edit_info"] = {"edit": {"initialTweetId": str(i),
                                           "editControlInitial": {"editTweetIds": [str(i), str(j)],
                                                                  "editableUntil": "2024-05-28T15:03:11.000Z",
                                                                  "editsRemaining": "4", "isEditEligible": True}}}
                self.items.append(old)
                if rng.random() < 0.5:  # a third version, kept or left out of the archive
                    j2 = self.next_id()
                    ids = (i, j, j2)
                    latest = self.tweet(j2, shown, parent, versions=ids)
                    latest["edit_info"] = {"edit": {"initialTweetId": str(i),
                                                    "editControlInitial": {"editTweetIds": [str(v) for v in ids]}}}
                    for version in (old, t):
                        version["edit_info"] = ({"initial": {"editTweetIds": [str(v) for v in ids]}}
                                                if version is old else latest["edit_info"])
                    t["_expected"] = "typo kept"
                    t["full_text"] = escape(shown, quote=False) + " v2"
                    if rng.random() < 0.5:
                        self.items.append(t)
                    t, j = latest, j2
                i = j if rng.random() < 0.7 else i  # the next reply answers the latest version, or the first
            elif kind < 0.47 and k:  # the post before was deleted after this one answered it
                gone = self.next_id()
                self.deleted.append(self.tweet(gone, "deleted words", parent))
                t = self.tweet(i, shown, gone)
            else:
                t = self.tweet(i, shown, parent)
            self.items.append(t)
            expected.append(t["_expected"])
            parent = i
        self.expected.append((str(first), expected))

    def noise(self) -> None:
        rng = self.rng
        kind = rng.random()
        i = self.next_id()
        if kind < 0.3:
            t = self.tweet(i, f"RT @{OTHER_HANDLE}: " + self.words(8), None)
        elif kind < 0.6:
            t = self.tweet(i, self.words(6), 1700000000000000003, to_other=True)
        else:
            t = self.tweet(i, self.words(9), None)
        self.items.append(t)


def _plain(t: dict, numbers: bool = False) -> dict:
    """The post as tweets.js holds it; ``numbers``: ids as JSON numbers, without their ``…_str`` twins (older and
    re-saved archives)."""
    t = {k: v for k, v in t.items() if not k.startswith("_")}
    if numbers:
        for key in ("id", "in_reply_to_status_id", "in_reply_to_user_id"):
            if key in t:
                t[key] = int(t[key])
                t.pop(key + "_str", None)
    return t


def build(seed: int, path: Path, *, threads: int = 4, noise: int = 6) -> dict:
    """One archive at ``path`` in a shape drawn from ``seed``; returns its shape and expected threads."""
    rng = random.Random(seed)
    m = _Maker(rng)
    for _ in range(threads):
        m.thread()
        for _ in range(rng.randrange(noise + 1)):
            m.noise()
    shape = {"file": rng.choice(["tweets", "tweet"]), "parts": rng.choice([1, 1, 2, 3, 4]),
             "wrapped": rng.random() < 0.7, "root": rng.choice(["", "", "twitter-2024-05-28-9f3a1c/"]),
             "manifest": rng.random() < 0.6, "media": rng.choice(["tweets_media", "tweet_media"]),
             "missing": rng.random() < 0.3, "extra": rng.random() < 0.3, "numbers": rng.random() < 0.2,
             "account": rng.random() < 0.85}
    items = list(reversed(m.items))  # newest first, as X writes them
    rng.shuffle(items) if rng.random() < 0.2 else None
    kind = shape["file"]
    root = shape["root"]
    parts = [items[k::shape["parts"]] for k in range(shape["parts"])]
    names = [f"data/{kind}{'' if k == 0 else f'-part{k}'}.js" for k in range(len(parts))]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        if root:
            zf.writestr(root + ".DS_Store", b"\x00\x00\x00\x01Bud1")
            zf.writestr("__MACOSX/" + root + "._.DS_Store", b"\x00\x05\x16\x07")
        if shape["account"]:
            zf.writestr(root + "data/account.js", "window.YTD.account.part0 = " + json.dumps(
                [{"account": {"accountId": OWNER, "username": HANDLE, "accountDisplayName": NAME,
                              "createdAt": "2011-03-02T10:00:00.000Z"}}], indent=2))
        for k, (name, part) in enumerate(zip(names, parts)):
            body = [_plain(t, shape["numbers"]) for t in part]
            body = [{"tweet": t} for t in body] if shape["wrapped"] else body
            zf.writestr(root + name, f"window.YTD.{kind}.part{k} = " + json.dumps(body, indent=2, ensure_ascii=False))
            if root:
                zf.writestr(f"__MACOSX/{root}data/._{name.split('/')[-1]}", b"\x00\x05\x16\x07junk")
        if m.notes:
            zf.writestr(root + "data/note-tweet.js", "window.YTD.note_tweet.part0 = " + json.dumps(m.notes, indent=2,
                                                                                                   ensure_ascii=False))
        if m.deleted:
            zf.writestr(root + "data/deleted-tweets.js", "window.YTD.deleted_tweets.part0 = " + json.dumps(
                [{"tweet": dict(_plain(t), deleted_at="2024-06-01T10:00:00.000Z")} for t in m.deleted], indent=2))
        photos = [(t["id_str"], p) for t in m.items for p in t["_photos"]]
        for n, (i, p) in enumerate(photos):
            if shape["missing"] and n % 3 == 0:
                continue
            zf.writestr(f"{root}data/{shape['media']}/{i}-{p}", PHOTO)
        if shape["extra"]:
            zf.writestr(f"{root}data/{shape['media']}/{BASE + 999}-stray.jpg", PHOTO)
            zf.writestr(f"{root}data/{shape['media']}/.DS_Store", b"\x00")
        if shape["manifest"]:
            types = {kind: {"mediaDirectory": f"data/{shape['media']}",
                            "files": [{"fileName": n, "globalName": f"{kind}", "count": str(len(p))}
                                      for n, p in zip(names, parts)]},
                     "account": {"files": [{"fileName": "data/account.js", "globalName": "account", "count": "1"}]}}
            if m.notes:
                types["noteTweet"] = {"files": [{"fileName": "data/note-tweet.js", "globalName": "noteTweet",
                                                 "count": str(len(m.notes))}]}
            if m.deleted:
                types["deletedTweets"] = {"files": [{"fileName": "data/deleted-tweets.js", "count": "1"}]}
            zf.writestr(root + "data/manifest.js", "window.__THAR_CONFIG = " + json.dumps(
                {"userInfo": {"accountId": OWNER, "userName": HANDLE, "displayName": NAME},
                 "archiveInfo": {"sizeBytes": "123", "generationDate": "2024-06-01T10:00:00.000Z"},
                 "dataTypes": types}, indent=2))
    shape["expected"] = m.expected
    shape["photos"] = {t["id_str"]: t["_photos"] for t in m.items if t["_photos"]}
    return shape
