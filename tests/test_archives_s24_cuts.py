"""A data file cut short anywhere inside its posts says it ends too early, even where the cut falls right after a
list of a post closes (the file's last characters then look like an array's end); a file whole but damaged inside
says damaged JSON."""
from __future__ import annotations

import json
import zipfile

import pytest
from hypothesis import given, settings, strategies as st

from property_examples import examples
from studio.sources import read_archive
from studio.sources.archive_files import MemberError, iter_items

OWNER = "1402345678901234567"
FIRST = 1795455785472424065


def _tweet(k: int) -> dict:
    i = FIRST + k
    d = {"id_str": str(i), "full_text": f"post {k} “quoted” \\ {{x}}] [y]", "display_text_range": ["0", "9"],
         "created_at": "Tue May 28 14:00:%02d +0000 2024" % k, "favorite_count": "1", "retweet_count": "0",
         "entities": {"urls": [], "media": [{"url": "https://t.co/x", "type": "photo",
                                             "media_url_https": "https://pbs.twimg.com/media/a.jpg"}]},
         "edit_info": {"initial": {"editTweetIds": [str(i)]}}}
    if k:
        d.update(in_reply_to_status_id_str=str(i - 1), in_reply_to_user_id_str=OWNER)
    return {"tweet": d}


BODY = "window.YTD.tweets.part0 = " + json.dumps([_tweet(k) for k in range(4)], indent=2, separators=(",", " : "))


def _message(text: str) -> str:
    try:
        list(iter_items(iter([text])))
    except MemberError as exc:
        return str(exc)
    return ""


@pytest.mark.parametrize("n", [1, 2, 3])
def test_a_file_cut_right_after_a_posts_list_closes_ends_too_early(tmp_path, n):
    at = [i for i in range(len(BODY)) if BODY.startswith('"media" : [', i)][n]
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/tweets.js", BODY[:BODY.index("]", at) + 1])
        zf.writestr("data/account.js", "window.YTD.account.part0 = "
                    + json.dumps([{"account": {"accountId": OWNER, "username": "dana"}}]))
    result = read_archive(path, load_media=False)
    [note] = [w for w in result.warnings if "data/tweets.js" in w]
    assert "ends too early" in note and "damaged JSON" not in note
    if n >= 2:
        assert [p.id for p in result.threads[0].posts] == [str(FIRST + k) for k in range(n)]


@settings(max_examples=examples(200), deadline=None)
@given(st.one_of(st.integers(BODY.index("[") + 2, len(BODY) - 2),
                 st.sampled_from([i + 1 for i, c in enumerate(BODY[:-1]) if c in "]}" and i > BODY.index("[")])))
def test_a_file_cut_anywhere_inside_its_posts_ends_too_early(cut):
    assert "ends too early" in _message(BODY[:cut])


@pytest.mark.parametrize("damage", [('"retweet_count" : "0"', '"retweet_count" : 0"'),
                                    ('a.jpg"\n', 'a.jpg",\n'),
                                    ('"edit_info" : {', '"edit_info" : ')])
def test_a_whole_file_damaged_inside_a_post_says_damaged_json(damage):
    assert _message(BODY.replace(*damage, 1) + ";").startswith("damaged JSON")
