"""What real X archives hold that the other fixtures did not: reply ids given only as numbers, photos of a
post written in a community (their own media folder), and a photo shown from another account's post."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from studio.sources import load_input, read_archive, read_archive_file
from studio.sources.result import SourceError

OWNER, HANDLE, BOB = "1402345678901234567", "dana_ships", "783214"
BASE = 1795455785472424065  # ids past 2**53, as X's are


def item(n: int, text: str, parent: int | None = None, *, media=(), shown: str | None = None) -> dict:
    """One archive post of the owner's (id BASE + n) answering ``parent``; ``media``: (key, type, source user)."""
    shown = text if shown is None else shown
    t = {"id_str": str(BASE + n), "id": str(BASE + n), "full_text": text,
         "display_text_range": [str(text.index(shown)), str(text.index(shown) + len(shown))],
         "created_at": f"Tue May 28 14:{n:02d}:00 +0000 2024", "favorite_count": "2", "retweet_count": "0",
         "entities": {"hashtags": [], "urls": [], "user_mentions": []}}
    if parent is not None:
        t.update(in_reply_to_status_id_str=str(BASE + parent), in_reply_to_user_id_str=OWNER,
                 in_reply_to_screen_name=HANDLE)
    if media:
        entries = []
        for key, kind, source in media:
            m = {"type": kind, "url": "https://t.co/m" + key, "media_url_https": f"https://pbs.twimg.com/media/{key}.jpg"}
            if source:
                m.update(source_user_id_str=source, source_user_id=source, source_status_id_str="1700000000000000009")
            entries.append(m)
        t["extended_entities"] = {"media": entries}
        t["entities"]["media"] = entries[:1]
    return {"tweet": t}


def jpeg(color: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (80, 60), color).save(out, "JPEG", quality=95)
    return out.getvalue()


def write(path: Path, files: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps(
            [{"account": {"accountId": OWNER, "username": HANDLE, "accountDisplayName": "Dana"}}]))
        for name, data in files.items():
            zf.writestr(name, data)
    return path


def ytd(kind: str, items: list) -> str:
    return f"window.YTD.{kind}.part0 = " + json.dumps(items, indent=2, ensure_ascii=False)


@pytest.fixture
def archive(tmp_path):
    """``archive(items, **files)``: the path of a zip holding ``items`` as data/tweets.js (with account.js), and
    ``files`` by their path in the zip."""
    def make(items: list, files: dict[str, str | bytes] | None = None) -> Path:
        path = tmp_path / f"a{len(list(tmp_path.glob('a*.zip')))}.zip"
        return write(path, {"data/tweets.js": ytd("tweets", items), **(files or {})})
    return make


def texts(result) -> list[list[str]]:
    """Each thread's words, post by post."""
    return [[p.text for p in t.posts] for t in result.threads]


def three_posts() -> list[dict]:
    """A plain thread of the owner's: "Opening 🧵", "Middle.", "End."."""
    return [item(1, "Opening 🧵"), item(2, "@dana_ships Middle.", 1, shown="Middle."),
            item(3, "@dana_ships End.", 2, shown="End.")]


def red_share(image) -> float:
    """How red the photo's middle pixel is (a red photo from the fixture: near 1)."""
    with Image.open(io.BytesIO(image.data)) as img:
        r, g, b = img.convert("RGB").getpixel((img.width // 2, img.height // 2))
    return r / max(r + g + b, 1)


def test_reply_ids_given_only_as_numbers_still_chain_the_thread(archive):
    """An archive re-saved by a tool (or an older export) may give ``in_reply_to_status_id`` as a JSON number with
    no ``_str`` twin: the thread is read in order, every word, the big ids exact."""
    items = [item(1, "Numbers only 🧵"), item(2, "@dana_ships Second &amp; more.", 1, shown="Second &amp; more."),
             item(3, "@dana_ships Third.", 2, shown="Third.")]
    for it in items[1:]:
        t = it["tweet"]
        t["in_reply_to_status_id"] = int(t.pop("in_reply_to_status_id_str"))
        t["in_reply_to_user_id"] = int(t.pop("in_reply_to_user_id_str"))
    assert '"in_reply_to_status_id": 1795455785472424066' in ytd("tweets", items)  # a number, not a string
    result = read_archive(archive(items))
    assert texts(result) == [["Numbers only", "Second & more.", "Third."]]
    assert [p.id for p in result.threads[0].posts] == [str(BASE + n) for n in (1, 2, 3)]


RED, BLUE, GREEN = (220, 20, 20), (20, 20, 220), (20, 220, 20)


def red(image) -> bool | None:
    """True for a red photo of the fixture, False for a blue or green one (None: neither)."""
    share = red_share(image)
    return True if share > 0.8 else False if share < 0.2 else None


def community_photos() -> dict:
    """X keeps the photos of posts written in a community in data/community_tweet_media/, not tweets_media/."""
    items = [item(1, "In the community 🧵 https://t.co/mK1", media=[("K1", "photo", None)],
                  shown="In the community 🧵"),
             item(2, "@dana_ships And on. https://t.co/mK2", 1, media=[("K2", "photo", None)], shown="And on.")]
    return dict(items=[], files={"data/community-tweet.js": ytd("community_tweet", items),
                                 f"data/community_tweet_media/{BASE + 1}-K1.jpg": RED,
                                 f"data/community_tweet_media/{BASE + 2}-K2.jpg": BLUE},
                words=["In the community", "And on."], red=[[True], [False]],
                listed={str(BASE + 1): [f"{BASE + 1}-K1.jpg"], str(BASE + 2): [f"{BASE + 2}-K2.jpg"]})


def borrowed_photos() -> dict:
    """A post that links another account's photo lists it with that account as its source; the archive may hold
    the file under the owner's post id. The owner's own photo in the same post stays; the other is named."""
    items = [item(1, "Look at these 🧵 https://t.co/mOWN", media=[("OWN", "photo", None), ("BOBS", "photo", BOB)],
                  shown="Look at these 🧵"),
             item(2, "@dana_ships That one is @bob's. https://t.co/mBOB2", 1, media=[("BOB2", "photo", BOB)],
                  shown="That one is @bob's."),
             item(3, "@dana_ships Mine again.", 2, shown="Mine again.")]
    return dict(items=items, files={f"data/tweets_media/{BASE + 1}-OWN.jpg": RED,
                                    f"data/tweets_media/{BASE + 1}-BOBS.jpg": GREEN,
                                    f"data/tweets_media/{BASE + 2}-BOB2.jpg": GREEN},
                words=["Look at these", "That one is @bob's.", "Mine again."], red=[[True], [], []],
                listed={str(BASE + 1): [f"{BASE + 1}-OWN.jpg"]},
                note=("another account's post", [str(BASE + 1), str(BASE + 2)]))


def edited_photos() -> dict:
    """An edited post is read as its latest version; its photos may be filed under the first version's id. They are
    found there, in the order the post shows them (not the order of their names)."""
    first, latest = BASE + 1, BASE + 5
    edits = {"initial": {"editTweetIds": [str(first), str(latest)]}}
    items = [item(1, "Frist try 🧵 https://t.co/mZZ", media=[("ZZ", "photo", None), ("AA", "photo", None)],
                  shown="Frist try 🧵"),
             item(5, "First try 🧵 https://t.co/mZZ", media=[("ZZ", "photo", None), ("AA", "photo", None)],
                  shown="First try 🧵"),
             item(6, "@dana_ships Then this.", 1, shown="Then this.")]
    items[0]["tweet"]["edit_info"] = edits
    items[1]["tweet"]["edit_info"] = {"edit": {"initialTweetId": str(first), "editControlInitial":
                                               edits["initial"]}}
    return dict(items=items, files={f"data/tweets_media/{first}-ZZ.jpg": RED,
                                    f"data/tweets_media/{first}-AA.jpg": BLUE},
                words=["First try", "Then this."], red=[[True, False], []])


@pytest.mark.parametrize("case", [community_photos, borrowed_photos, edited_photos])
def test_each_posts_own_photos_are_found_where_real_archives_file_them(archive, case):
    """Community posts' photos, a photo shown from another account's post, an edited post's photos under its first
    version's id: each post gets its own photos (by colour), in order, and no photo is called missing."""
    c = case()
    path = archive(c["items"], {name: jpeg(color) if isinstance(color, tuple) else color
                                for name, color in c["files"].items()})
    result = read_archive(path)
    posts = result.threads[0].posts
    assert [p.text for p in posts] == c["words"]
    assert [[red(img) for img in p.images] for p in posts] == c["red"]
    assert not any("not in the archive" in w for w in result.warnings), result.warnings
    if "note" in c:
        words, ids = c["note"]
        note = next(w for w in result.warnings if words in w)
        assert all(i in note for i in ids)
    if "listed" in c:
        assert read_archive(path, load_media=False).media == c["listed"]


def old_item(n: int, text: str, parent: int | None, replied: str, *, ranged: bool) -> dict:
    """A post of 2014 (id 4954…n, before X took the answered "@name" out of a reply's words), its display range from
    0 as X gives such posts (or none, as older exports)."""
    t = {"id_str": str(495455785472424000 + n), "full_text": text, "created_at": f"Tue May 27 14:0{n}:00 +0000 2014",
         "favorite_count": "9", "retweet_count": "1", "entities": {"urls": []}}
    if ranged:
        t["display_text_range"] = ["0", str(len(text))]
    if parent is not None:
        t.update(in_reply_to_status_id_str=str(495455785472424000 + parent), in_reply_to_screen_name=replied,
                 in_reply_to_user_id_str=OWNER if replied.lower() == HANDLE else BOB)
    return {"tweet": t}


@pytest.mark.parametrize("ranged", [True, False])
def test_a_2014_thread_drops_the_at_name_replying_put_first_in_any_case(archive, ranged):
    """Before 2017 replying wrote "@dana_ships " into the words (and the range covers it); X hides it now, so the
    slides do too, whatever its case. Any other @name the creator wrote stays, every other word too, and a recent
    post's "@dana_ships" typed inside its range."""
    items = [old_item(1, "Tweetstorm about shipping.", None, "", ranged=ranged),
             old_item(2, "@dana_ships Ship small.", 1, HANDLE, ranged=ranged),
             old_item(3, "@Dana_Ships @bob Ship often, as @bob says.", 2, HANDLE, ranged=ranged),
             old_item(4, "@DANA_SHIPS Done.", 3, HANDLE, ranged=ranged)]
    # since 2017 X keeps the answered "@name" out of the range: one inside it from 0 is the creator's word
    recent = [item(1, "Recent 🧵"), item(2, "@dana_ships is me, and I say so.", 1)]
    result = read_archive(archive(items + recent))
    threads = {t.id: [p.text for p in t.posts] for t in result.threads}
    assert threads == {"495455785472424001": ["Tweetstorm about shipping.", "Ship small.",
                                              "@bob Ship often, as @bob says.", "Done."],
                       str(BASE + 1): ["Recent", "@dana_ships is me, and I say so."]}


@pytest.mark.parametrize("kind, file", [("account", "account.js"), ("noteTweet", "note-tweet.js"),
                                        ("profile", "profile.js"), ("deleted_tweets", "deleted-tweets.js")])
def test_another_data_file_chosen_in_place_of_the_posts_is_named(kind, file):
    """The Archive tab takes a lone .js: the archive's account.js (or note-tweet.js …) picked by mistake is named,
    with the file to choose, instead of "no posts that could be read"."""
    body = f"window.YTD.{kind}.part0 = " + json.dumps([{kind: {"accountId": OWNER, "text": "x"}}])
    with pytest.raises(SourceError) as caught:
        read_archive_file(body.encode(), name=file)
    message = str(caught.value)
    assert message.startswith(f"{file} holds the archive's “{kind}” data, not your posts")
    assert "data/tweets.js" in message and ".zip" in message


def test_a_lone_tweets_part_speaks_of_itself_and_not_of_missing_photos(tmp_path):
    """tweets-part1.js given alone: its threads, no note that photos are missing from a folder it never had (the
    one note says a lone file brings no photos), and its damage named under its own name."""
    items = [item(1, "Part one 🧵 https://t.co/mK1", media=[("K1", "photo", None)], shown="Part one 🧵"),
             item(2, "@dana_ships On.", 1, shown="On."), {"tweet": {"id_str": "x"}}]
    path = tmp_path / "tweets-part1.js"
    path.write_text("window.YTD.tweets.part1 = " + json.dumps(items), "utf-8")
    result = read_archive_file(path)
    assert texts(result) == [["Part one", "On."]]
    assert not any("tweets_media" in w for w in result.warnings), result.warnings
    assert "skipped 1 unreadable item in data/tweets-part1.js" in result.warnings


@settings(max_examples=40, deadline=None)
@given(casing=st.lists(st.booleans(), min_size=len(HANDLE), max_size=len(HANDLE)),
       words=st.lists(st.from_regex(r"[A-Za-z0-9é😀&<>,.!?']{1,10}", fullmatch=True), min_size=1, max_size=12),
       ranged=st.booleans())
def test_an_old_self_reply_keeps_every_word_after_the_at_name_in_any_case(tmp_path_factory, casing, words, ranged):
    """Property: whatever the case of the "@dana_ships " replying put first, the reply reads exactly its words."""
    handle = "".join(c.upper() if up else c for c, up in zip(HANDLE, casing))
    said = " ".join(words)
    stored = said.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    items = [old_item(1, "Opening words.", None, "", ranged=ranged),
             old_item(2, f"@{handle} {stored}", 1, HANDLE, ranged=ranged)]
    path = write(tmp_path_factory.mktemp("old") / "a.zip", {"data/tweets.js": ytd("tweets", items)})
    assert [p.text for p in read_archive(path).threads[0].posts] == ["Opening words.", said]


def test_a_quoted_post_is_named_and_a_post_that_only_quotes_is_never_a_blank_slide(archive):
    """X hides a quote's t.co link (display range) and shows the quoted post under the words. The slides never show
    another's post: its link is named in a note, and written on the slide of a post that has no words besides."""
    def quoting(n: int, words: str, parent: int | None, target: str) -> dict:
        text = (f"@{HANDLE} " if parent else "") + words + (" " if words else "") + f"https://t.co/q{n}"
        it = item(n, text, parent, shown=words)
        if not words:  # X's range of a reply with no words: empty, after the @name
            it["tweet"]["display_text_range"] = [str(len(HANDLE) + 2)] * 2
        it["tweet"]["entities"]["urls"] = [{"url": f"https://t.co/q{n}", "expanded_url": target,
                                            "display_url": target.split("//", 1)[1][:24] + "…"}]
        return it
    items = [quoting(1, "This is so true 🧵", None, "https://twitter.com/bob/status/1795000000000000001"),
             item(2, "@dana_ships Here is why.", 1, shown="Here is why."),
             quoting(3, "", 2, "https://x.com/bob/status/1795000000000000002")]
    path = archive(items)
    result = read_archive(path)
    assert [p.text for p in result.threads[0].posts] == [
        "This is so true", "Here is why.", "x.com/bob/status/1795000000000000002"]
    note = next(w for w in result.warnings if "quote" in w)
    assert note.startswith("2 posts quote another post")
    assert "twitter.com/bob/status/1795000000000000001" in note and str(BASE + 3) in note
    listed = read_archive(path, load_media=False)  # the listing: the slide's words, no note yet (no thread chosen)
    assert [p.text for p in listed.threads[0].posts][2] == "x.com/bob/status/1795000000000000002"
    assert not any("quote" in w for w in listed.warnings)
    assert any("quote" in w for w in read_archive(path, load_media=False, thread_id=str(BASE + 1)).warnings)


@pytest.mark.parametrize("field", ["in_reply_to_status_id_str", "id_str", "display_text_range", "edit_info"])
def test_a_superscript_digit_in_an_id_is_damage_read_past_never_a_traceback(archive, field):
    """"²" is a digit to str.isdigit() but not to int(): a damaged id or range holding one stopped the whole import
    with a ValueError. The rest of the archive reads; the damaged post's words are kept where it can be read."""
    items = three_posts()
    t = items[1]["tweet"]
    t[field] = {"in_reply_to_status_id_str": "17²", "id_str": "²", "display_text_range": ["0", "²"],
                "edit_info": {"initial": {"editTweetIds": ["²", t["id_str"]]}}}[field]
    result = read_archive(archive(items))
    words = [p.text for thread in result.threads for p in thread.posts]
    if field == "in_reply_to_status_id_str":  # the chain breaks there: the rest is a thread of its own
        assert words == ["Middle.", "End."] and result.threads[0].incomplete
    elif field == "id_str":  # a post with no id is no post: named as unreadable
        assert words == ["Opening", "End."] and "skipped 1 unreadable item in data/tweets.js" in result.warnings
    else:
        assert words == ["Opening", "Middle.", "End."]


@pytest.mark.parametrize("urls", [True, 1.5, 7])
def test_a_long_posts_link_list_in_a_damaged_shape_keeps_its_words(archive, urls):
    """note-tweet.js whose ``urls`` is not a list stopped the import with a TypeError; the long post reads whole."""
    rest = " and every word after X's limit, kept."
    items = [item(1, "A long opening post https://t.co/more", shown="A long opening post"),
             item(2, "@dana_ships Next.", 1, shown="Next.")]
    note = {"noteTweet": {"createdAt": "2024-05-28T14:01:00.000Z",
                          "core": {"text": "A long opening post" + rest, "urls": urls}}}
    result = read_archive(archive(items, {"data/note-tweet.js": ytd("noteTweet", [note])}))
    assert texts(result) == [["A long opening post" + rest, "Next."]]


def test_an_archive_unzipped_with_its_own_top_folder_reads_from_the_folder_above(sample_archive, tmp_path):
    """The archive's folder zipped again and unzipped: "Downloads/backup/twitter-2024-05-28-…/data/…" (and a Mac's
    __MACOSX beside it). The folder chosen holds the archive one level down: it reads as the zip does."""
    outer = tmp_path / "backup"
    with zipfile.ZipFile(sample_archive) as zf:
        zf.extractall(outer / "twitter-2024-05-28-0a1b2c")
    (outer / "__MACOSX").mkdir()
    (outer / ".DS_Store").write_bytes(b"\0")
    result = load_input(outer)
    assert texts(result) == texts(read_archive(sample_archive))
    assert sum(len(p.images) for t in result.threads for p in t.posts) == 3
    (outer / "notes").mkdir()  # a second folder: which one is meant is not guessed
    with pytest.raises(SourceError, match="not an extracted X archive"):
        load_input(outer)


@pytest.mark.parametrize("avatar", ["default_profile.png", "abc.jpg"])
def test_the_header_banner_is_never_taken_for_the_account_picture(archive, avatar):
    """profile_media/ holds the picture and the header banner ("<id>-1600000000.jpg", no extension in profile.js).
    A creator who kept X's default picture (not in the archive) has none: the banner was taken for it."""
    banner = io.BytesIO()
    Image.new("RGB", (1500, 500), (220, 20, 20)).save(banner, "JPEG")
    profile = {"profile": {"avatarMediaUrl": f"https://pbs.twimg.com/profile_images/1/{avatar}",
                           "headerMediaUrl": f"https://pbs.twimg.com/profile_banners/{OWNER}/1600000000"}}
    result = read_archive(archive(three_posts(), {
        "data/profile.js": ytd("profile", [profile]), f"data/profile_media/{OWNER}-1600000000.jpg": banner.getvalue(),
        f"data/profile_media/{OWNER}-abc.jpg": jpeg(BLUE)}))
    picture = result.threads[0].posts[0].avatar
    if avatar == "abc.jpg":
        assert picture is not None and red_share(picture) < 0.2
    else:
        assert picture is None
