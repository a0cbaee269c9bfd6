"""Ways in the other tests never tried: an archive's posts saved as plain JSON (tweets.js without its
"window.YTD… =" line, as tools and people save it), post links shared through the mirrors that fix X's
embeds, and threads numbered "1/n" while they were written. Each reads as what it is, never as a thread
whose words are JSON or start with a stray "n"."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.sources import load_input, load_threads, parse_paste, read_text
from studio.sources.link import parse_post_link

from test_unseen_archives import HANDLE, post

ITEMS = [post(1, "How we ship 🧵"), post(2, "Tests first &amp; then ship.", 1)]
POSTS = ["How we ship", "Tests first & then ship."]


def posts_of(result) -> list[list[str]]:
    return [[p.text for p in t.posts] for t in result.threads]


OLDER = [{"tweet": {"retweeted": False, "source": "web", **item["tweet"]}} for item in ITEMS]  # no edit_info yet


@pytest.mark.parametrize("items", [ITEMS, [item["tweet"] for item in ITEMS], OLDER, [i["tweet"] for i in OLDER]],
                         ids=["wrapped", "bare", "older", "older-bare"])
def test_an_archives_posts_as_plain_json_read_as_the_archive(tmp_path, items):
    raw = json.dumps(items, indent=2, ensure_ascii=False)
    for name in ("tweets.json", "tweets.txt"):
        (tmp_path / name).write_text(raw, encoding="utf-8")
        assert posts_of(load_input(tmp_path / name)) == [POSTS]
    for source in (raw, raw.encode(), "\ufeff\n" + raw):
        assert posts_of(load_threads(source)) == [POSTS]
    assert posts_of(read_text(raw)) == [POSTS]  # pasted into the studio
    assert load_threads(raw).threads[0].posts[0].handle == HANDLE


def test_a_thread_about_json_is_still_a_thread():
    text = '[{"name": "a"}] is a JSON array.\n\nAnd {"full_text": 1} is an object.'
    assert posts_of(load_threads(text)) == [['[{"name": "a"}] is a JSON array.', 'And {"full_text": 1} is an object.']]


@pytest.mark.parametrize("host", ["fxtwitter.com", "vxtwitter.com", "fixupx.com", "fixvx.com"])
def test_post_links_through_embed_mirrors(host):
    assert parse_post_link(f"https://{host}/dana_ships/status/1795455791755609371?s=46") == \
        ("dana_ships", "1795455791755609371")


# ---------------------------------------------------------------- "1/n": a thread numbered as it was written

_word = st.sampled_from(["Charge", "more", "ship", "now", "🚀", "שלום", "ภาษาไทย", "#tag", "@ana", "n", "x", "1/2",
                         "cup"])
_paragraph = st.lists(_word, min_size=1, max_size=8).map(" ".join).filter(lambda p: not p[0].isdigit())


@given(st.lists(_paragraph, min_size=2, max_size=7), st.sampled_from(["{n}/n", "{n}/N", "{n}/x", "({n}/n)"]),
       st.sampled_from(["", "How I grew 🧵\n\n"]), st.sampled_from(["\n", "\n\n"]))
def test_property_posts_numbered_1_of_n_come_back_exactly(paragraphs, marker, hook, gap):
    text = hook + gap.join(marker.format(n=n) + " " + p for n, p in enumerate(paragraphs, 1))
    posts = [p.text for p in parse_paste(text).threads[0].posts]
    assert posts == (["How I grew"] if hook else []) + paragraphs
