"""Session 24: page copies and pastes not tuned on before (Edge, Brave, Chrome on Android, "Who can reply?",
"Post your reply", translate and community-note buttons, videos, edits, Grok, deleted quoted posts, numbered
lists inside a post) and the notices that name what a copy left out."""
from __future__ import annotations

from studio.app.imports import Imports


def paste(text: str):
    return Imports.paste(text)


def texts(text: str) -> list[str]:
    return [p.text for p in paste(text).threads[0].posts]


OPENING = ["Post", "Conversation", "Ben Carter", "@bencarter", "Follow"]
FULL_TIME = ["9:40 AM · Nov 28, 2026", "·", "7,800", "Views", "3", "12", "90", "4"]


def reply(*words: str, counts: bool = True) -> list[str]:
    return ["Ben Carter", "@bencarter", "·", "Nov 28", *words, *(["2", "3", "40"] if counts else [])]


def test_a_name_box_left_out_between_posts_quotes_its_follow_button_too():
    copy = "\n".join([*OPENING, "Go follow him:", *FULL_TIME, "Sam Lee", "@samlee", "Follow",
                      *reply("He taught me pricing.")])
    result = paste(copy)
    assert texts(copy) == ["Go follow him:", "He taught me pricing."]
    assert any("“Sam Lee” / “@samlee” between the posts (and “Follow” under it)" in w for w in result.warnings)
