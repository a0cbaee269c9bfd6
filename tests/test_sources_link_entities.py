"""A post link's words when the post holds "&", "<" or ">": X stores them as "&amp;", "&lt;", "&gt;" but counts
its display range on the decoded text, so the range ends early in the stored text (recorded responses only)."""
from __future__ import annotations

import json
import urllib.parse

from hypothesis import given, settings
from hypothesis import strategies as st

from property_examples import examples
from studio.app.imports import Imports
from studio.sources.link import FetchError

AUTHOR = {"id_str": "1500000000000000001", "name": "Lena Ops", "screen_name": "lena_ops",
          "profile_image_url_https": "https://pbs.twimg.com/profile_images/9/lena_normal.jpg"}
ROOT, REPLY = "1860000000000000000", "1860000000041943040"
PHOTO = "https://t.co/PhotoLnk01"


def escape(text: str) -> str:
    """What X stores: "&", "<" and ">" as entities, nothing else."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def post(post_id: str, words: str, *, parent: str | None = None, link: bool = False, photo: bool = False,
         counted_on: str = "decoded") -> dict:
    """A syndication answer for a post of ``words`` (with a link and a photo's t.co after them), its display range
    counted on the decoded text as X counts it (or on the stored text, as older recordings have it)."""
    shown = words + (" https://t.co/AbCdEfGh12" if link else "")
    decoded = shown + (f" {PHOTO}" if photo else "")
    end = len(shown) if counted_on == "decoded" else len(escape(shown))
    data = {"__typename": "Tweet", "id_str": post_id, "text": escape(decoded), "display_text_range": [0, end],
            "created_at": "2026-11-02T15:04:10.000Z", "favorite_count": 3, "user": AUTHOR,
            "entities": {"urls": [{"url": "https://t.co/AbCdEfGh12", "expanded_url": "https://lenaops.dev/pricing",
                                   "display_url": "lenaops.dev/pricing"}] if link else [],
                         "media": [{"url": PHOTO}] if photo else []},
            "mediaDetails": [{"type": "photo", "url": PHOTO,
                              "media_url_https": "https://pbs.twimg.com/media/GbX1aQW.jpg"}] if photo else []}
    if parent:
        data.update(in_reply_to_status_id_str=parent, in_reply_to_user_id_str=AUTHOR["id_str"],
                    in_reply_to_screen_name=AUTHOR["screen_name"])
    return data


def answering(*posts: dict):
    """A fetch answering from ``posts`` (a photo or the avatar: not found, which the reader only warns about)."""
    by_id = {p["id_str"]: json.dumps(p).encode() for p in posts}

    def fetch(url: str) -> bytes:
        parts = urllib.parse.urlsplit(url)
        post_id = urllib.parse.parse_qs(parts.query).get("id", [""])[0]
        if parts.hostname != "cdn.syndication.twimg.com" or post_id not in by_id:
            raise FetchError("HTTP 404", 404)
        return by_id[post_id]
    return fetch


def texts_of(*posts: dict) -> list[str]:
    fetch = answering(*posts)
    result = Imports.fetch_link(f"https://x.com/lena_ops/status/{posts[-1]['id_str']}", fetch=fetch)
    return [p.text for p in result.threads[0].posts]


def test_a_post_with_an_ampersand_and_a_photo_keeps_its_last_words_and_its_link():
    words = "1/ Pricing & packaging > features. Q&A calls <3. Notes:"
    got = texts_of(post(ROOT, "Working alone taught me this 🧵"),
                   post(REPLY, words, parent=ROOT, link=True, photo=True))
    assert got == ["Working alone taught me this", words + " lenaops.dev/pricing"]


def test_a_range_counted_on_the_stored_text_is_read_as_before():
    words = "Q&A calls > surveys, every week."
    got = texts_of(post(ROOT, "Working alone 🧵"), post(REPLY, words, parent=ROOT, photo=True, counted_on="stored"))
    assert got == ["Working alone", words]


WORDS = st.sampled_from(["Q&A", "ship", "<3", "->", "a>b", "&", "R&D", "pricing", "users", "&amp;", "🚀", "café",
                         "#buildinpublic", "@bob_dev", "a<b>c", "AT&T", "1/"])


@settings(max_examples=examples(40), deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12), st.booleans(), st.booleans(),
       st.sampled_from(["decoded", "stored"]))
def test_property_every_word_of_a_linked_post_arrives_once(words, link, photo, counted_on):
    text = "Start " + " ".join(words)
    got = texts_of(post(ROOT, "Thread opener"), post(REPLY, text, parent=ROOT, link=link, photo=photo,
                                                     counted_on=counted_on))
    assert got[1] == text + (" lenaops.dev/pricing" if link else "")
    assert "t.co" not in got[1]


def test_a_long_post_whose_rest_x_does_not_give_is_named():
    cut = "2/ " + "Lockfile-keyed caches made installs go from 14 minutes to 40 seconds. " * 3 + "Lockfile…"
    reply = post(REPLY, cut, parent=ROOT)
    reply["note_tweet"] = {"id": "Tm90ZVR3ZWV0OjE4NjA="}  # X says the post is long, without its text
    result = Imports.fetch_link(f"https://x.com/lena_ops/status/{REPLY}",
                                fetch=answering(post(ROOT, "Working alone 🧵"), reply))
    assert [p.text for p in result.threads[0].posts] == ["Working alone", cut]
    assert (f"1 long post ({REPLY}) is cut at 280 characters: X's public view does not give the rest; paste it into "
            "the slide, or import your X archive") in result.warnings


def test_xs_link_from_a_cut_long_post_to_itself_is_not_among_its_words():
    cut = "2/ " + "Lockfile-keyed caches made installs go from 14 minutes to 40 seconds. " * 3 + "Lockfile…"
    reply = post(REPLY, cut + " https://t.co/SeLf123456", parent=ROOT)
    reply["display_text_range"] = [0, len(cut) + 24]  # X shows its link to the post's rest within the range
    reply["entities"]["urls"] = [{"url": "https://t.co/SeLf123456", "display_url": "twitter.com/i/web/status/1…",
                                  "expanded_url": f"https://twitter.com/i/web/status/{REPLY}"}]
    reply["note_tweet"] = {"id": "Tm90ZVR3ZWV0OjE4NjA="}
    result = Imports.fetch_link(f"https://x.com/lena_ops/status/{REPLY}",
                                fetch=answering(post(ROOT, "Working alone 🧵"), reply))
    assert [p.text for p in result.threads[0].posts] == ["Working alone", cut]
    assert any("is cut at 280 characters" in w for w in result.warnings)
