"""Session 24: page copies and pastes written as browsers and creators give them, not tuned on before: Edge, Brave
and Chrome on Android (the phone's one-line "9:40 AM · 11/28/26 · 7.8K Views"), "Who can reply?" and "Post your
reply" boxes, "Translate post" and "Rate proposed Community Notes", quoted posts inside thread posts (one with a video),
videos from other accounts ("0:42" / "From @x"), "Last edited" times, posts cut by "Show more", the creator answering
a commenter mid-thread, "Replying to @a and @b", X's side menu with "Grok", "Subscribe", deleted quoted posts ("This
post is unavailable."), a 40-post thread, typed threads ("1/", "2/12", "🧵", "(3/7)", "(1/3)" at the end), numbered
lists inside posts, and creators whose own words look like X's ("Show more", "Follow", "12K views", "Ad", "Quote").
Every word the creator wrote arrives, post by post, and none of X's."""
from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest
from page_copy_helpers import SHAPES, check_page_copy

from studio.app.imports import Imports

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s24-sources"
ALL = sorted(p.name for p in FIXTURES.glob("*.txt"))
PAGES = [n for n in ALL if n.startswith("page-")]
X_LINES = {"Follow", "Views", "Show more", "Translate post", "Quote", "Who can reply?", "Post your reply", "Reply",
           "Rate proposed Community Notes", "0:42", "1:12", "0:17", "From", "From @writingclass", "Studio Lumen",
           "This post is unavailable.", "This post is unavailable. Learn more", "Subscribe", "Grok", "Last edited",
           "Show replies", "Show more replies", "Replying to", "@kimlee", "@saraj", "Explore", "Home", "·"}


def expected(name: str) -> dict:
    return json.loads((FIXTURES / name).with_suffix(".expected.json").read_text(encoding="utf-8"))


def posts_of(name: str) -> list[str]:
    return [p.text for p in Imports.paste((FIXTURES / name).read_text(encoding="utf-8")).threads[0].posts]


def test_there_are_thirty_unseen_copies():
    assert len(ALL) >= 30 and len(PAGES) >= 20


@pytest.mark.parametrize("name", ALL)
def test_no_word_of_the_creator_is_lost_and_none_is_added(name):
    wrote = collections.Counter(w for t in expected(name)["posts"] for w in t.split())
    read = collections.Counter(w for t in posts_of(name) for w in t.split())
    assert (wrote - read, read - wrote) == (collections.Counter(), collections.Counter())


@pytest.mark.parametrize("name", ALL)
def test_the_posts_split_where_the_creator_split_them(name):
    assert posts_of(name) == expected(name)["posts"]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("name", PAGES)
def test_every_post_and_word_arrives_without_xs_lines_in_every_browser_shape(name, shape):
    check_page_copy(FIXTURES / name, shape, X_LINES)
