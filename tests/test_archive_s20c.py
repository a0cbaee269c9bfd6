"""Round 3 of session 20: a photo's or quoted post's link after a long post's words is no sign it was cut."""
from __future__ import annotations

import json

import pytest

from studio.sources.archive import read_archive_file
from test_archive_s20b import HEAD, WORDS

_PHOTO = "https://t.co/Ph0t0Abc12"
_QUOTE = "https://t.co/Qu0teAbc12"


def _archive(link: str | None, kind: str) -> bytes:
    full = WORDS + (f" {link}" if link else "")
    entities = {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []}
    tweet = {"id_str": "3100000000000000301", "full_text": full, "created_at": "Tue Dec 01 12:00:00 +0000 2026",
             "favorite_count": "5", "retweet_count": "1", "display_text_range": ["0", str(len(WORDS))],
             "entities": entities}
    if kind == "photo":
        m = {"id_str": "9", "media_url_https": "https://pbs.twimg.com/media/abc.jpg", "url": link,
             "display_url": "pic.x.com/abc", "type": "photo", "indices": [str(len(WORDS) + 1), str(len(full))],
             "expanded_url": "https://x.com/ines_codes/status/3100000000000000301/photo/1"}
        entities["media"] = [m]
        tweet["extended_entities"] = {"media": [m]}
    elif kind == "quote":
        entities["urls"] = [{"url": link, "expanded_url": "https://x.com/someone/status/3000000000000000001",
                             "display_url": "x.com/someone/status/3…",
                             "indices": [str(len(WORDS) + 1), str(len(full))]}]
    reply = {"id_str": "3100000000000000302", "full_text": "Here is how it works.",
             "created_at": "Tue Dec 01 12:01:00 +0000 2026", "favorite_count": "1", "retweet_count": "0",
             "display_text_range": ["0", "21"], "in_reply_to_status_id_str": "3100000000000000301",
             "in_reply_to_user_id_str": "42", "in_reply_to_screen_name": "ines_codes",
             "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []}}
    return (HEAD + json.dumps([{"tweet": tweet}, {"tweet": reply}])).encode()


@pytest.mark.parametrize("link, kind", [(_PHOTO, "photo"), (_QUOTE, "quote")])
def test_a_photos_or_quoted_posts_link_is_not_the_rest_of_the_post(link, kind):
    result = read_archive_file(_archive(link, kind), name="tweets.js")
    assert not any("cut at 280" in w for w in result.warnings)


def test_a_bare_link_after_the_words_still_marks_a_cut_post():
    result = read_archive_file(_archive("https://t.co/Rest0Abc12", "none"), name="tweets.js")
    assert any("cut at 280" in w for w in result.warnings)
