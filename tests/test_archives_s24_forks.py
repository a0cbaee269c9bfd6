"""A thread longer than a carousel that forks past the cut: the posts of the branch not followed are named too."""
from __future__ import annotations

from studio.limits import MAX_POSTS
from studio.sources import read_archive
from test_archives_s23_shapes import BASE, archive, post


def test_a_fork_past_the_cap_names_the_posts_of_its_other_branch(tmp_path):
    """Posts 1 … MAX_POSTS + 20 in one chain, and a second reply to post MAX_POSTS + 5: the thread is cut at
    MAX_POSTS, and the note on the cut names that reply as left out too (no fork note names a post not shown)."""
    last = MAX_POSTS + 20
    fork_at, stray = MAX_POSTS + 5, last + 1
    posts = [post(1, "Opening.")] + [post(i, f"Post {i}.", i - 1) for i in range(2, last + 1)]
    posts.append(post(stray, "A second reply past the cut.", fork_at))
    for load_media in (True, False):
        result = read_archive(archive(tmp_path / "a.zip", posts), load_media=load_media)
        [thread] = result.threads
        assert len(thread.posts) == MAX_POSTS
        [cut] = [w for w in result.warnings if "a carousel holds at most" in w]
        assert (f"as is 1 more post where the thread forks past the cut (at post {fork_at}, {BASE + fork_at}: "
                f"{BASE + stray})") in cut
        assert not any("forks there" in w for w in result.warnings)


def test_a_cut_thread_without_a_fork_past_the_cut_says_nothing_of_one(tmp_path):
    last = MAX_POSTS + 3
    posts = [post(1, "Opening.")] + [post(i, f"Post {i}.", i - 1) for i in range(2, last + 1)]
    posts.append(post(last + 1, "A second reply before the cut.", 7))
    result = read_archive(archive(tmp_path / "a.zip", posts), load_media=False)
    [cut] = [w for w in result.warnings if "a carousel holds at most" in w]
    assert "forks past the cut" not in cut and f"the last 3 (from post {MAX_POSTS + 1}" in cut
    assert any(w.startswith(f"post 7 of thread {BASE + 1} ") and str(BASE + last + 1) in w for w in result.warnings)
