"""`carousel-studio threads` says which threads open with an answer to someone, as the studio's picker does."""
from __future__ import annotations

import json
import zipfile

from studio.cli import main
from studio.sources.result import answer_note

OWNER = "4242"


def _post(post_id: int, text: str, reply_to: int | None = None, to_user: str = OWNER,
          to_name: str | None = "ada") -> dict:
    start = len(text.split(" ", 1)[0]) + 1 if text.startswith("@") else 0
    item = {"id_str": str(post_id), "full_text": text, "created_at": "Wed May 29 15:12:04 +0000 2024",
            "favorite_count": str(post_id), "retweet_count": "0", "display_text_range": [str(start), str(len(text))]}
    if reply_to:
        item.update(in_reply_to_status_id_str=str(reply_to), in_reply_to_user_id_str=to_user)
        if to_name is not None:
            item["in_reply_to_screen_name"] = to_name
    return {"tweet": item}


def test_the_table_says_whom_a_first_post_answered(tmp_path, capsys):
    posts = [_post(10, "Ferns: what I learned."), _post(11, "Shade matters.", 10),
             _post(20, "@grace_h Here is why I disagree.", 19, to_user="77", to_name="grace_h"),
             _post(21, "The numbers.", 20),
             _post(30, "@someone Quick answer.", 29, to_user="78", to_name=None), _post(31, "The details.", 30),
             _post(41, "A thread whose first post is gone.", 40), _post(42, "Its second post.", 41)]
    path = tmp_path / "archive.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(posts, indent=2))
        zf.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps(
            [{"account": {"accountId": OWNER, "username": "ada", "accountDisplayName": "Ada"}}]))
    assert main(["threads", str(path)]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[3]: line for line in out.splitlines()[1:]}
    assert lines["10"].endswith(" Ferns: what I learned.")
    assert lines["20"].endswith(" (answers @grace_h) Here is why I disagree.")
    assert lines["30"].endswith(" (answers a post) Quick answer.")
    assert lines["41"].endswith(" (first post missing) A thread whose first post is gone.")
    assert "answers" not in lines["41"] and "answers" not in lines["10"]


def test_the_note_reads_as_the_pickers():
    assert answer_note(None) == ""
    assert answer_note("grace_h") == "answers @grace_h"
    assert answer_note("") == "answers a post"
