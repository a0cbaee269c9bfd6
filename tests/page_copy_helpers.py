"""Page copies built for the sources tests."""
from __future__ import annotations


def page(*posts: list[str], counts: bool = True) -> str:
    """An English copy of a thread page: the opening post with its full time and counts, then the replies."""
    out = ["Post", "Conversation", "Ben Carter", "@bencarter", "Follow", *posts[0], "9:40 AM · Nov 28, 2026", "·",
           "7,800", "Views"]
    out += ["3", "12", "90", "4"] if counts else []
    for p in posts[1:]:
        out += ["Ben Carter", "@bencarter", "·", "Nov 28", *p] + (["2", "3", "40"] if counts else [])
    return "\n".join(out)
