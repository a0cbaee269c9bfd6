"""A copied profile page: X's header over the posts (name, bio, join date, follower counts, the row of tabs) is
not a post; the author's posts below it are read as from any page."""
from __future__ import annotations

import pytest

from studio.sources import parse_paste

HEADER = """Jane Builds
12.3K posts
Jane Builds
@jane_builds
Building fast CI for everyone.
Berlin
example.dev
Joined March 2015
312 Following
{followers}
Followed by Sam Lee and 3 others you follow
{tabs}
"""
POSTS = """Pinned
Jane Builds
@jane_builds
·
Nov 28
How we cut CI from 40 to 8 minutes 🧵
5
20
180
12K
Show this thread
Jane Builds reposted
Sam Lee
@samlee
·
Nov 27
Nobody reads threads anymore.
3
5
Jane Builds
@jane_builds
·
2h
Coffee is a build tool.
1
4
"""
TABS_EN = "Posts\nReplies\nHighlights\nArticles\nMedia\nLikes"
TABS_DE = "Beiträge\nAntworten\nHighlights\nArtikel\nMedien\nGefällt mir"


@pytest.mark.parametrize("followers, tabs", [("12.4K Followers", TABS_EN), ("1,204 Followers", TABS_EN),
                                             ("12.406 Follower", TABS_DE)])
def test_the_profile_header_is_not_a_post(followers, tabs):
    result = parse_paste(HEADER.format(followers=followers, tabs=tabs) + POSTS)
    posts = result.threads[0].posts
    assert [p.text for p in posts] == ["How we cut CI from 40 to 8 minutes", "Coffee is a build tool."]
    assert {p.handle for p in posts} == {"jane_builds"}
    assert result.warnings[0].startswith("left out the profile's header (bio, join date, follower counts and tabs)")
    text = " ".join(p.text for p in posts)
    assert "Joined" not in text and "Followers" not in text and "Building fast CI" not in text


@pytest.mark.parametrize("words", ["We hit\n12.4K Followers\ntoday. Thanks!\nPosts\nReplies",
                                   "Our numbers:\n312 Following\n12.4K Followers\nPosts\nReplies\nMedia\nThanks!",
                                   "312 Following\n12.4K Followers\nPosts\nReplies\nMedia"])
def test_a_post_that_names_followers_and_tabs_keeps_every_word(words):
    """No posts right under the tabs: the lines are the author's."""
    copy = f"Jane Builds\n@jane_builds\n{words}\n10:02 AM · Nov 28, 2026\n·\n12.3K\n Views\n" + \
           "Jane Builds\n@jane_builds\n·\nNov 28\nSecond post.\n"
    result = parse_paste(copy)
    assert [p.text for p in result.threads[0].posts] == [words, "Second post."]
    assert not any("profile" in w for w in result.warnings)


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

VOCAB = ["12.4K Followers", "1,204 Followers", "Posts", "Replies", "Media", "Likes", "Highlights",
         "Followed by Sam", "ship it", "Joined March 2015", "312 Following", "Pinned"]


@given(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=9))
def test_property_lines_inside_a_post_are_never_taken_for_a_profile_header(lines):
    """Whatever the author's post says, a page with no profile header above its posts keeps every line of it."""
    body = "Our numbers:\n" + "\n".join(lines) + "\nThanks!"
    copy = f"Jane Builds\n@jane_builds\n{body}\n10:02 AM · Nov 28, 2026\n·\n12.3K\n Views\n" + \
           "Jane Builds\n@jane_builds\n·\nNov 28\nSecond post.\n"
    texts = [p.text for p in parse_paste(copy).threads[0].posts]
    assert texts[0] == body and texts[-1] == "Second post."
