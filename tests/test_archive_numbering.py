"""An archive thread numbered "1/", "2/" … (session 16): the numbers went onto the slides, beside the slides' own
page numbers ("8/ Step 8" on page 8/25, "14/" on page 13 after a deleted post), and a few posts the layout read as
headed steps showed "04" instead. A pasted thread loses them; an archive's now does too, when every post after the
hook carries its number in order (a gap allowed: a post was deleted). Other numbers stay the creator's."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from property_examples import examples
from studio.sources.archive import read_archive
from test_archive_deleted_gap import START_MS, archive, thread


def read_texts(posts) -> list[str]:
    result = read_archive(archive(posts), load_media=False, thread_id=posts[0][0])
    return [p.text for p in result.threads[0].posts]


def test_numbered_posts_lose_their_numbers_on_import():
    posts = thread(START_MS, ["How I price my work 🧵", "1/ Charge from day one.", "2/ Raise prices yearly.",
                              "3/ Never discount for friends."])
    assert read_texts(posts) == ["How I price my work", "Charge from day one.", "Raise prices yearly.",
                                 "Never discount for friends."]


def test_numbers_that_do_not_number_the_posts_stay():
    texts = ["My 3 rules:", "1. Ship on Tuesday.\n2. Never on a holiday.", "10/10 would do it again.", "Thanks!"]
    assert read_texts(thread(START_MS, texts)) == texts


@settings(max_examples=examples(40), deadline=None)
@given(st.integers(3, 20), st.data(), st.sampled_from(["{n}/ ", "{n}/{t} ", "({n}/{t}) "]))
def test_property_numbers_go_across_a_deleted_post(n, data, marker):
    deleted = data.draw(st.sets(st.integers(1, n - 2), max_size=2))
    words = [f"Post {chr(65 + k)} says its piece." for k in range(n)]
    posts = thread(START_MS, [marker.format(n=k + 1, t=n) + w for k, w in enumerate(words)])
    kept = [p for k, p in enumerate(posts) if k not in deleted]
    assert read_texts(kept) == [w for k, w in enumerate(words) if k not in deleted]


@settings(max_examples=examples(30), deadline=None)
@given(st.lists(st.integers(1, 12), min_size=2, max_size=5), st.sampled_from(["{n}/ ", "{n}. ", "({n}/9) ", ""]))
def test_property_the_listing_shows_the_title_the_import_gives(numbers, marker):
    """`carousel-studio threads` listed "1/ How I price my work"; the import titled it "How I price my work"."""
    posts = thread(START_MS, [marker.format(n=n) + f"Post {chr(65 + k)} of mine" for k, n in enumerate(numbers)])
    listed = read_archive(archive(posts), load_media=False).threads[0]
    imported = read_archive(archive(posts), load_media=False, thread_id=posts[0][0]).threads[0]
    assert listed.title == imported.title


def test_a_numbered_first_post_is_listed_without_its_number():
    posts = thread(START_MS, ["1/ How I price my work", "2/ Charge from day one.", "3/ Raise prices yearly."])
    assert read_archive(archive(posts), load_media=False).threads[0].title == "How I price my work"
