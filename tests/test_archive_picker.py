"""The archive's thread picker, driven through NiceGUI's simulated user: a thread that opens with an answer
to someone else says so in its row, from what the archive holds."""
from __future__ import annotations

import io
import json
import zipfile

from nicegui import ui

from components.archive_source import thread_row
from studio.sources.result import answer_note
from studio.post import Post, Thread
from ui_helpers import open_source_tab, trigger, until

OWNER = "4242"


def _post(post_id: int, text: str, reply_to: int | None = None, to_user: str = OWNER, to_name: str | None = "ada",
          likes: int = 0) -> dict:
    start = len(text.split(" ", 1)[0]) + 1 if text.startswith("@") else 0  # X leaves the @mention out of the post
    item = {"id_str": str(post_id), "full_text": text, "created_at": "Wed May 29 15:12:04 +0000 2024",
            "favorite_count": str(likes), "retweet_count": "0", "display_text_range": [str(start), str(len(text))],
            "entities": {"urls": [], "hashtags": [], "user_mentions": []}}
    if reply_to:
        item.update(in_reply_to_status_id_str=str(reply_to), in_reply_to_user_id_str=to_user)
        if to_name is not None:
            item["in_reply_to_screen_name"] = to_name
    return {"tweet": item}


def _archive() -> bytes:
    posts = [_post(10, "Ferns: everything I learned in a year of growing them.", likes=300),
             _post(11, "Shade matters more than water for most ferns I tried.", 10),
             _post(20, "@grace_h Here is why I disagree, in two parts.", 19, to_user="77", to_name="grace_h",
                   likes=50),
             _post(21, "The numbers were measured on one machine.", 20),
             _post(30, "@someone Quick answer, then the details.", 29, to_user="78", to_name=None, likes=5),
             _post(31, "The details.", 30),
             _post(41, "A thread whose first post is gone.", 40),
             _post(42, "Its second post.", 41)]
    account = [{"account": {"accountId": OWNER, "username": "ada", "accountDisplayName": "Ada"}}]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(posts, indent=2))
        archive.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps(account))
    return out.getvalue()


def test_the_note_says_whom_a_first_post_answered():
    thread = Thread(id="1", posts=[Post(id="1", text="Hi")])
    assert thread_row(thread)["note"] == ""
    assert thread_row(thread, "grace_h")["note"] == "answers @grace_h"
    assert thread_row(thread, "")["note"] == "answers a post"
    assert answer_note(None) == ""


async def test_picker_rows_say_which_thread_answers_someone(studio, testid):
    open_source_tab(studio, "Archive")
    (upload,) = testid(studio, "archive-upload")
    with studio:
        await upload.handle_uploads([ui.upload.SmallFileUpload("archive.zip", "application/zip", _archive())])
    await until(lambda: bool(testid(studio, "thread-picker")), timeout=60)
    (table,) = testid(studio, "thread-picker")
    notes = {row["id"]: row["note"] for row in table.rows}
    assert notes == {"10": "", "20": "answers @grace_h", "30": "answers a post", "41": "first post missing"}
    answer = next(row for row in table.rows if row["id"] == "20")
    assert answer["title"].startswith("Here is why I disagree") and answer["posts"] == 2
    assert any(column["field"] == "note" for column in table.columns)  # the rows' notes are shown in a column
    trigger(studio, table, "rowClick", [{}, answer, 1])
    ws = studio.shared.document
    await until(lambda: ws.carousel.thread is not None and ws.carousel.thread.id == "20", timeout=60)
    assert [p.text for p in ws.carousel.thread.posts] == ["Here is why I disagree, in two parts.",
                                                          "The numbers were measured on one machine."]
