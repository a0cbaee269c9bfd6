"""Real archive shapes met in session 24 (tests/archive_shapes_s24.py): the words of a thread read as written."""
from __future__ import annotations

import json
import zipfile

import pytest

from studio.sources import read_archive
from test_archives_s23_shapes import BASE, HANDLE, archive, post


@pytest.mark.parametrize("note_repeats_lead", [False, True], ids=["note without the reply's @name",
                                                                 "note repeating it"])
@pytest.mark.parametrize("first_word", [f"@{HANDLE}", "Then"], ids=["opens with the @name", "opens with a word"])
def test_a_long_reply_keeps_the_writers_own_opening_at_name(tmp_path, note_repeats_lead, first_word):
    """A long reply whose own words open with the handle X also puts before a reply ("@dana_ships"): the note holds
    the words with or without that plumbing; only the plumbing is left out, never the writer's first word."""
    whole = f"{first_word} " + " ".join(f"point {i} matters here," for i in range(40)) + " the end."
    said = whole[:268].rstrip() + "…"
    lead = f"@{HANDLE} "
    reply = post(2, "x", 1)
    reply["tweet"].update(full_text=lead + said + " https://t.co/Rest2abcde",
                          display_text_range=[str(len(lead)), str(len(lead + said))])
    reply["tweet"]["entities"]["urls"] = [{"url": "https://t.co/Rest2abcde", "display_url": "x.com/i/web/status/1…",
                                           "expanded_url": f"https://x.com/i/web/status/{BASE + 2}"}]
    note = {"noteTweet": {"noteTweetId": "1", "createdAt": "2024-05-28T14:02:00.000Z",
                          "core": {"text": (lead if note_repeats_lead else "") + whole, "urls": [], "mentions": []}}}
    path = archive(tmp_path / "a.zip", [post(1, "Opening post."), reply])
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("data/note-tweet.js", "window.YTD.noteTweet.part0 = " + json.dumps([note]))
    result = read_archive(path)
    assert [[p.text for p in t.posts] for t in result.threads] == [["Opening post.", whole]]
