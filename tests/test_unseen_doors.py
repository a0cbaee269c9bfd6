"""Ways in the other tests never tried: an archive's posts saved as plain JSON (tweets.js without its
"window.YTD… =" line, as tools and people save it), and post links shared through the mirrors that fix X's
embeds. Each reads as what it is, never as a thread whose words are JSON."""
from __future__ import annotations

import json

import pytest

from studio.sources import load_input, load_threads, read_text
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
