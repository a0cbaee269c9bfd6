"""Round 2 of session 20: an archive's complete post ending in its own "…" is not taken for a cut long post."""
from __future__ import annotations

import json

from studio.sources.archive import read_archive_file

HEAD = "window.YTD.tweets.part0 = "
WORDS = ("Why I stopped estimating in hours, and what our team does instead. For two years every estimate we gave "
         "was wrong by a factor of two or three, and the worst part was not the lateness: it was the meetings about "
         "the lateness. So we sized work by risk and never looked back…")


def _archive(full_text: str, shown: int) -> bytes:
    tweet = {"id_str": "3100000000000000301", "id": "3100000000000000301", "full_text": full_text,
             "created_at": "Tue Dec 01 12:00:00 +0000 2026", "favorite_count": "5", "retweet_count": "1",
             "display_text_range": ["0", str(shown)],
             "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []}}
    reply = {"id_str": "3100000000000000302", "id": "3100000000000000302", "full_text": "Here is how it works.",
             "created_at": "Tue Dec 01 12:01:00 +0000 2026", "favorite_count": "1", "retweet_count": "0",
             "display_text_range": ["0", "21"], "in_reply_to_status_id_str": "3100000000000000301",
             "in_reply_to_user_id_str": "42", "in_reply_to_screen_name": "ines_codes",
             "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []}}
    tweet["in_reply_to_user_id_str"] = None
    return (HEAD + json.dumps([{"tweet": tweet}, {"tweet": reply}])).encode()


def test_a_complete_post_ending_in_its_own_ellipsis_near_the_limit_is_not_named_as_cut():
    assert 265 <= len(WORDS) <= 280
    result = read_archive_file(_archive(WORDS, len(WORDS)), name="tweets.js")
    assert result.threads[0].posts[0].text == WORDS
    assert not any("cut at 280" in w for w in result.warnings)


def test_a_long_post_with_xs_hidden_link_to_the_rest_is_named_as_cut():
    result = read_archive_file(_archive(WORDS + " https://t.co/Wq3Lp9Xz2K", len(WORDS)), name="tweets.js")
    assert result.threads[0].posts[0].text == WORDS
    assert any("cut at 280" in w for w in result.warnings)
