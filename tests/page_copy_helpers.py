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


# A copy as browsers give it: as Chrome copies, with every line break a blank line (Firefox), with Windows breaks.
SHAPES = {"chrome": lambda t: t, "firefox-blank-lines": lambda t: "\n\n".join(t.split("\n")),
          "windows": lambda t: t.replace("\n", "\r\n")}


def check_page_copy(path, shape: str, x_lines: set[str]) -> None:
    """The copy at ``path`` (its ``.expected.json`` beside it: posts, name, handle) pasted in ``shape``: every post
    and word of the creator arrives, with the author, and none of X's ``x_lines`` the creator did not write."""
    import json

    from studio.app.imports import Imports
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    posts = Imports.paste(SHAPES[shape](path.read_text(encoding="utf-8"))).threads[0].posts
    got = [p.text for p in posts]
    if shape == "chrome":
        assert got == expected["posts"]
    else:  # every line break became a blank line (or \r\n): the words arrive, post by post
        assert [t.split() for t in got] == [t.split() for t in expected["posts"]]
    assert {(p.author_name, p.handle) for p in posts} == {(expected["name"], expected["handle"])}
    creator_lines = {x.strip() for t in expected["posts"] for x in t.split("\n")}
    assert not {x.strip() for t in got for x in t.split("\n")} & (x_lines - creator_lines)
