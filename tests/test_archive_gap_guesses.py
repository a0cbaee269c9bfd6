"""Guesses an archive import makes across a deleted post, kept to the ones nothing contradicts (session 16
review). Numbers at the head of posts ("2/3 of founders", "24/7", "1/2 cup") were cut as post numbers from any
thread, deleted posts or not; a standalone post was made the cover of a thread written minutes later whose "1/"
was deleted; of two threads written at once, one went on with the other's posts; the warnings named threads
that were not imported. When in doubt the creator's words stay and nothing is joined."""
from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from property_examples import examples
from studio.sources.archive import read_archive
from test_archive_deleted_gap import START_MS, archive, post_id, thread


def read_texts(posts) -> list[str]:
    result = read_archive(archive(posts), load_media=False, thread_id=posts[0][0])
    return [p.text for p in result.threads[0].posts]


@pytest.mark.parametrize("texts", [
    ["Founder lessons:", "2/3 of founders quit in year one.", "24/7 hustle is a myth."],
    ["Survey results", "1/4 of devs use Rust.", "3/4 use Python.", "9/10 want remote work."],
    ["Pancakes 🥞", "1/2 cup flour, 1 egg", "3/4 cup milk, whisk"],
    ["1/ Tried the new café", "2/ Coffee was great", "10/10 would go again"],
    ["Grading my year:", "2/10 for sleep", "8/10 for work"],
    ["1. Ship on Tuesday\n2. Test on Monday", "3. Deploy at noon\n4. Monitor all night"],
    ["Why we moved", "Rent went up 1/3", "Our team now works 24/7"],
], ids=["fractions", "survey", "recipe", "rating", "grades", "lists", "end-numbers"])
def test_numbers_that_are_not_post_numbers_stay_when_nothing_was_deleted(texts):
    assert read_texts(thread(START_MS, texts)) == texts


# A post's marker: (number, total or None) in one style
MARKERS = {"slash": "{n}/{t} ", "slash-bare": "{n}/ ", "paren": "{n}) ", "dot": "{n}. "}


@settings(max_examples=examples(60), deadline=None)
@given(st.sampled_from(sorted(MARKERS)), st.booleans(),
       st.lists(st.tuples(st.integers(1, 12), st.integers(1, 12)), min_size=2, max_size=6))
def test_property_posts_that_are_not_a_numbered_run_keep_every_word(style, hook, marks):
    numbers = [n for n, _ in marks]
    totals = {t for _, t in marks} if style == "slash" else {None}
    firsts = (2, 1) if hook else (1,)
    run = any(numbers == list(range(f, f + len(numbers))) for f in firsts)
    assume(not (run and len(totals) == 1 and (None in totals or max(numbers) <= min(totals))))
    texts = (["A hook of mine"] if hook else []) + [
        MARKERS[style].format(n=n, t=t) + f"words of post {chr(65 + k)}" for k, (n, t) in enumerate(marks)]
    assert read_texts(thread(START_MS, texts)) == texts


def test_numbers_skip_ahead_only_where_a_post_was_deleted():
    posts = thread(START_MS, ["1/ Opening", "2/ Second", "3/ Third (deleted)", "4/ Fourth", "10/10 would go again"])
    kept = posts[:2] + posts[3:]
    assert read_texts(kept) == ["1/ Opening", "2/ Second", "4/ Fourth", "10/10 would go again"]
    assert read_texts(posts[:2] + posts[3:4]) == ["Opening", "Second", "Fourth"]


def test_a_numbered_thread_whose_opener_was_deleted_is_not_joined_to_a_post_before_it():
    gm = [(post_id(START_MS), "gm everyone", None)]
    later = thread(START_MS + 600_000, ["1/ Opener (deleted)", "2/ second", "3/ third"])
    result = read_archive(archive(gm + later[1:]), load_media=False)
    assert [[p.text for p in t.posts] for t in result.threads] == [["2/ second", "3/ third"]]
    assert result.threads[0].incomplete
    assert not any("not in the archive" in w for w in result.warnings)


def test_a_thread_after_a_post_of_its_own_is_joined_only_when_that_post_says_a_thread_starts():
    alone = [(post_id(START_MS), "gm everyone", None)]
    marked = [(post_id(START_MS), "How we ship 🧵", None)]
    later = thread(START_MS + 600_000, ["Deleted", "Part two", "Part three"])
    apart = read_archive(archive(alone + later[1:]), load_media=False)
    assert [[p.text for p in t.posts] for t in apart.threads] == [["Part two", "Part three"]]
    joined = read_archive(archive(marked + later[1:]), load_media=False)
    assert [[p.text for p in t.posts] for t in joined.threads] == [["How we ship", "Part two", "Part three"]]


def test_numbers_that_go_on_across_the_gap_join():
    posts = thread(START_MS, ["1/ Opener", "2/ Second (deleted)", "3/ Third", "4/ Fourth"])
    assert read_texts(posts[:1] + posts[2:]) == ["Opener", "Third", "Fourth"]


def test_two_threads_written_at_once_are_not_joined_across_a_gap():
    a = thread(START_MS, ["A1", "A2", "A3 deleted", "A4", "A5"], step_ms=240_000)  # 0, 4, (8), 12, 16 min
    b1 = (post_id(START_MS + 60_000, 20), "B1", None)
    b2 = (post_id(START_MS + 300_000, 21), "B2", b1[0])  # B's last post, at 5 min: the last before A3
    result = read_archive(archive(a[:2] + a[3:] + [b1, b2]), load_media=False)
    assert sorted([p.text for p in t.posts] for t in result.threads) == [["A1", "A2"], ["A4", "A5"], ["B1", "B2"]]
    assert not any("not in the archive" in w for w in result.warnings)


def test_join_warnings_name_only_the_threads_imported():
    a = thread(START_MS, ["A1", "A2", "A3 deleted", "A4"])
    b = [(post_id(START_MS + 5 * 86_400_000 + k * 20_000, 10 + k), text, None) for k, text in
         enumerate(["B1", "B2", "B3 deleted", "B4"])]
    b = [(i, text, b[k - 1][0] if k else None) for k, (i, text, _) in enumerate(b)]
    posts = a[:2] + a[3:] + b[:2] + b[3:]
    everything = read_archive(archive(posts), load_media=False)
    assert sum("not in the archive" in w for w in everything.warnings) == 2
    one = read_archive(archive(posts), load_media=False, thread_id=a[0][0])
    assert [w for w in one.warnings if "not in the archive" in w] == [
        w for w in everything.warnings if f"of thread {a[0][0]} " in w]
    assert len(one.warnings) == 1
