"""An archive post with "&", "<" or ">" (stored as "&amp;", "&lt;", "&gt;") and a link, a photo or a quote after
its words: X counts the display range on the decoded text, so the stored text must not be cut by it — every word
and link of the author's arrives once, X's own t.co links never."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from property_examples import examples
from studio.sources import read_archive_file

BASE, STEP = 1860000000000000000, 4194304000  # post ids a second apart


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def tweet(k: int, words: str, link: bool, photo: bool, quote: bool, counted_on: str) -> dict:
    shown = words + (f" https://t.co/Lnk{k:07d}" if link else "")
    full = shown + (f" https://t.co/Pic{k:07d}" if photo else "") + (f" https://t.co/Quo{k:07d}" if quote else "")
    end = len(shown) if counted_on == "decoded" else len(escape(shown))
    urls = ([{"url": f"https://t.co/Lnk{k:07d}", "expanded_url": f"https://example.com/p{k}",
              "display_url": f"example.com/p{k}"}] if link else []) + \
           ([{"url": f"https://t.co/Quo{k:07d}", "expanded_url": f"https://x.com/ana/status/1{k}",
              "display_url": "x.com/ana/status/1…"}] if quote else [])
    t = {"id_str": str(BASE + k * STEP), "full_text": escape(full), "display_text_range": ["0", str(end)],
         "created_at": f"Mon Nov 02 15:04:1{k} +0000 2026", "favorite_count": "1", "retweet_count": "0",
         "entities": {"urls": urls}}
    if photo:
        media = [{"url": f"https://t.co/Pic{k:07d}", "media_url_https": f"https://pbs.twimg.com/media/K{k}.jpg",
                  "type": "photo"}]
        t["entities"]["media"] = media
        t["extended_entities"] = {"media": media}
    if k:
        t.update(in_reply_to_status_id_str=str(BASE + (k - 1) * STEP), in_reply_to_user_id_str="1",
                 in_reply_to_screen_name="lena_ops")
    return {"tweet": t}


def read(posts: list[tuple]) -> list[str]:
    items = [tweet(k, *post) for k, post in enumerate(posts)]
    data = ("window.YTD.tweets.part0 = " + json.dumps(items[::-1], ensure_ascii=False)).encode()
    return [p.text for p in read_archive_file(data).threads[0].posts]


def test_a_post_whose_entities_make_up_a_links_length_keeps_its_link():
    # six "&" stored as "&amp;" make 24 characters more, a space and a t.co link: the range then ended right
    # before the author's own link on the stored text, which was dropped as if X had hidden it
    words = "Q&A, R&D, AT&T, P&L, M&A and B&B"
    assert read([("Opening post of the thread", False, False, False, "decoded"),
                 (words, True, True, False, "decoded")])[1] == words + " example.com/p1"


def test_a_quoted_posts_link_and_a_photos_stay_out_of_the_words():
    assert read([("Opening post", False, False, False, "decoded"), ("Q&A <3 with you", False, True, True,
                                                                    "decoded")])[1] == "Q&A <3 with you"


_WORDS = st.sampled_from(["Ship", "Q&A", "<3", "a>b", "AT&T", "café", "🚀", "中文", "#SaaS", "@bob_dev", "42%", "it.",
                          "—", "&amp;", "R&D", "&"])


@settings(max_examples=examples(40), deadline=None)
@given(st.lists(st.tuples(st.lists(_WORDS, min_size=1, max_size=10).map(lambda ws: "Go " + " ".join(ws)),
                          st.booleans(), st.booleans(), st.booleans(), st.sampled_from(["decoded", "stored"])),
                min_size=2, max_size=5))
def test_property_every_word_and_link_of_an_archive_post_arrives_once(posts):
    got = read(posts)
    assert got == [words + (f" example.com/p{k}" if link else "")
                   for k, (words, link, _, _, _) in enumerate(posts)]
