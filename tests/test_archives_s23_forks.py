"""A thread the owner replied to twice at one post (a fork): the longest branch is read, the other one named."""
from __future__ import annotations

import pytest

from studio.sources import read_archive
from test_archives_s23_shapes import BASE, archive, post


def read(tmp_path, posts):
    result = read_archive(archive(tmp_path / "a.zip", posts))
    return [[p.text for p in t.posts] for t in result.threads], [w for w in result.warnings if "forks" in w]


@pytest.mark.parametrize("edited", [False, True], ids=["two replies to one post", "replies to two versions"])
def test_a_fork_follows_its_longest_branch_and_names_the_posts_of_the_other(tmp_path, edited):
    """The first reply at the fork is a dead end; the later one goes on: the thread follows the later, and a note
    names the left-out reply with its words."""
    middle = ([post(3, "Middle, fixed.", 1, versions=(2, 3))] if edited else [post(2, "Middle.", 1)])
    answered_late = 3 if edited else 2
    posts = [post(1, "Opening post."), *middle, post(4, "A dead end reply.", 2),
             post(5, "The reply that goes on.", answered_late), post(6, "And its end.", 5)]
    threads, notes = read(tmp_path, posts)
    assert threads == [["Opening post.", middle[0]["tweet"]["full_text"].split(" ", 1)[1],
                        "The reply that goes on.", "And its end."]]
    assert len(notes) == 1 and notes[0].startswith(f"post 2 of thread {BASE + 1} ")
    assert f"leave out 1 post ({BASE + 4} “A dead end reply.”)" in notes[0]


def test_branches_as_long_keep_the_first_written_and_name_every_post_of_the_others(tmp_path):
    posts = [post(1, "Opening post."), post(2, "First branch.", 1), post(3, "Second branch.", 1),
             post(4, "Second branch, more.", 3), post(5, "First branch, more.", 2)]
    threads, notes = read(tmp_path, posts)
    assert threads == [["Opening post.", "First branch.", "First branch, more."]]
    assert len(notes) == 1 and notes[0].startswith(f"post 1 of thread {BASE + 1} ")
    assert f"leave out 2 posts ({BASE + 3} “Second branch.”, {BASE + 4});" in notes[0]


def test_a_thread_without_a_fork_has_no_fork_note(tmp_path):
    threads, notes = read(tmp_path, [post(1, "Opening post."), post(2, "Reply.", 1), post(3, "End.", 2)])
    assert threads == [["Opening post.", "Reply.", "End."]] and notes == []
