"""Session 21, round 2: a project file the studio wrote always opens again (a thread post over the caps is cut
at load with a notice, never refused; a paste cuts it the same way), cut notices count what the slide holds in
the unit that was over, cuts fall between grapheme clusters and outside links, and a damaged archive's loops,
display ranges and counts are read and named."""
from __future__ import annotations


import regex
from hypothesis import given, strategies as st

import studio.app.imports as imports
from components.post_cards import card_text
from studio.app.imports import carousel_from_input, read_archive_thread
from studio.limits import MAX_BODY_CHARS, MAX_POSTS, MAX_WORDS_PER_POST
from studio.project_file import carousel_to_json
from studio.sources import read_archive, read_project
from studio.sources.paste import parse_paste
from studio.sources.post_caps import cut_post_text, post_text_over
from test_sources2_s21_archive_caps import BASE, STEP, archive, tw, tweets_js

FAMILY = "\U0001F469\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466"  # one cluster, seven code points


def ids(n: int) -> list[int]:
    return [BASE + k * STEP for k in range(n)]


def boundaries(text: str) -> set[int]:
    return {m.end() for m in regex.finditer(r"\X", text)} | {0}


# -------------------------------------------------------------------- 1. a saved project opens again


def test_a_pasted_long_post_is_cut_with_a_notice_and_the_saved_project_opens_again(tmp_path):
    path = tmp_path / "thread.txt"
    path.write_text("Intro post about things 🧵\n\n" + "x" * 45_004 + "\n\nLast post here", encoding="utf-8")
    carousel, warnings = carousel_from_input(path)
    assert all(not post_text_over(p.text) for p in carousel.thread.posts)
    assert any(w.startswith("post 2 of the pasted thread (p2) has 45,0") and "characters" in w for w in warnings)
    notes: list[str] = []
    assert read_project(carousel_to_json(carousel), notes).slides  # it had been refused: "the limit is 40,000"
    assert notes == []


def test_a_paste_post_within_the_caps_gets_no_notice():
    result = parse_paste("Hook 🧵\n\n" + "word " * 4_000 + "\n\nEnd")
    assert not any("cut" in w for w in result.warnings)


# -------------------------------------------------------------------- 3. a cut's notice


def test_an_archive_cut_notice_counts_what_the_post_keeps_once_its_number_is_gone(tmp_path):
    a, b, c, d = ids(4)
    posts = [tw(a, "1/ How we did it 🧵"), tw(b, "2/ Second step", a), tw(c, "3/ Third step", b),
             tw(d, "4/ " + "longword " * 5_200, c)]
    result = read_archive(archive(tmp_path, posts), thread_id=str(a))
    last = result.thread().posts[3].text
    assert not last.startswith("4/")
    note = next(w for w in result.warnings if str(d) in w)
    assert f"({len(last):,} characters kept)" in note


def test_a_word_cut_is_named_in_words(tmp_path):
    a, b = ids(2)
    result = read_archive(archive(tmp_path, [tw(a, "Hook post"), tw(b, "a " * 6_000, a)]), thread_id=str(a))
    note = next(w for w in result.warnings if str(b) in w)
    assert "6,000 words; the limit is 5,000" in note and f"({MAX_WORDS_PER_POST:,} words kept)" in note
    assert "characters" not in note


# -------------------------------------------------------------------- 4. loops


def test_a_reply_loop_is_not_a_thread_missing_its_first_post(tmp_path):
    a, b, c = ids(3)
    result = read_archive(archive(tmp_path, [tw(a, "A first", c), tw(b, "B second", a), tw(c, "C third", b)]))
    thread = result.thread()
    assert [p.text for p in thread.posts] == ["A first", "B second", "C third"]
    assert thread.incomplete is False and thread.id not in result.answers


def test_two_loops_are_named_in_the_plural(tmp_path):
    a, b, c, d = ids(4)
    path = archive(tmp_path, [tw(a, "A one", b), tw(b, "B two", a), tw(c, "C three", d), tw(d, "D four", c)])
    note = next(w for w in read_archive(path).warnings if "loop" in w)
    assert note.startswith("2 threads of the archive answer themselves in a loop")


# -------------------------------------------------------------------- 5. display range, counts


def test_an_unreadable_display_range_is_named(tmp_path):
    for rng in ("12", "oops", ["40", "5"], ["a", "b"]):
        a, b = ids(2)
        path = archive(tmp_path, [tw(a, "Root alpha"), tw(b, "Bravo words", a, display_text_range=rng)])
        result = read_archive(path, thread_id=str(a))
        assert [p.text for p in result.thread().posts] == ["Root alpha", "Bravo words"]
        assert any(str(b) in w and "display_text_range" in w for w in result.warnings), rng


def test_a_count_with_thousands_separators_reads_as_its_number(tmp_path):
    a, b = ids(2)
    path = archive(tmp_path, [tw(a, "Root alpha"), tw(b, "Bravo words", a, favorite_count="1,234")])
    assert read_archive(path, thread_id=str(a)).thread().posts[1].likes == 1_234


# -------------------------------------------------------------------- 6. a gap past the post cap


def test_a_gap_past_the_post_cap_is_not_named(tmp_path):
    posts = [tw(i, f"Post {k} words", i - STEP if k else None) for k, i in enumerate(ids(MAX_POSTS + 20))]
    del posts[MAX_POSTS + 9]  # post 310 is gone; 311 answers it
    result = read_archive(archive(tmp_path, posts), thread_id=str(BASE))
    assert len(result.thread().posts) == MAX_POSTS
    assert not any("not in the archive" in w for w in result.warnings)


# -------------------------------------------------------------------- 7. where a post is cut


def test_a_cut_with_no_space_near_falls_between_grapheme_clusters():
    for text, size in ((FAMILY * 6_000, 7), ("e\u0301\u0302" * 14_000, 3)):
        cut, _ = cut_post_text(text)
        assert text.startswith(cut) and cut and len(cut) % size == 0 and not post_text_over(cut)


def test_a_cut_keeps_a_link_out_whole():
    text = "中" * 39_950 + "https://example.com/a-long-path" + "字" * 5_000
    cut, _ = cut_post_text(text)
    assert cut == "中" * 39_950


@given(st.lists(st.sampled_from(["a", "bc ", "\n", FAMILY, "e\u0301", "中文", "https://x.co/abc "]), max_size=40),
       st.sampled_from(["x", FAMILY, "e\u0301\u0302", "中", "a "]))
def test_a_cut_is_a_prefix_within_the_caps_ending_at_a_cluster_boundary(head, filler):
    text = "".join(head) + filler * (MAX_BODY_CHARS // len(filler) + 50)
    cut, last = cut_post_text(text)
    assert text.startswith(cut) and not post_text_over(cut) and last
    assert len(cut) in boundaries(text[:len(cut) + 20])


# -------------------------------------------------------------------- 8. a card's preview


def test_a_cards_preview_ends_between_grapheme_clusters():
    shown = card_text(FAMILY * 300)
    assert shown.endswith(" …")
    kept = shown[:-2]
    assert (FAMILY * 300).startswith(kept) and len(kept) % 7 == 0 and kept


# -------------------------------------------------------------------- 9. a bare tweets.js, read once


def test_a_bare_tweets_js_with_no_thread_chosen_is_read_once_and_gives_the_top_thread(tmp_path, monkeypatch):
    a, b, c, d, e = ids(5)
    path = tmp_path / "tweets.js"
    path.write_text(tweets_js([tw(a, "Quiet thread"), tw(b, "Quiet reply", a),
                               tw(c, "Loved thread", favorite_count="90"), tw(d, "2/ loved words", c),
                               tw(e, "3/ more loved words", d)]), encoding="utf-8")
    calls = []
    real = imports.read_archive_file
    monkeypatch.setattr(imports, "read_archive_file", lambda *args, **kw: calls.append(kw) or real(*args, **kw))
    texts = [p.text for p in read_archive_thread(path, name="tweets.js").thread().posts]
    assert texts == ["Loved thread", "loved words", "more loved words"] and len(calls) == 1


def test_an_author_name_is_cut_between_grapheme_clusters():
    from studio.sources.post_caps import MAX_AUTHOR_CHARS, cut_author
    name = "Jane " + FAMILY * 100
    cut = cut_author(name)
    assert name.startswith(cut) and len(cut) <= MAX_AUTHOR_CHARS and (len(cut) - 5) % 7 == 0 and cut.startswith("Jane ")
