"""Session 21: an X archive keeps to the caps a paste and a project file keep (posts per thread, a post's
text, the author's name), a damaged archive is read as far as it can be and names what it left out, and a
``tweets.js`` given on its own is imported whole."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from studio.app.imports import read_archive_thread
from studio.carousel import Carousel
from studio.limits import MAX_BODY_CHARS, MAX_POSTS, MAX_WORDS_PER_POST
from studio.post import Post, Thread
from studio.project_file import carousel_to_json
from studio.sources import SourceError, read_archive, read_project
from studio.sources.post_caps import MAX_AUTHOR_CHARS, cut_post_text, post_text_over

OWNER, HANDLE = "1402345678901234567", "jane"
BASE = 1795455785472424065
STEP = 10 ** 7


def tw(i: int, text, parent: int | None = None, **fields) -> dict:
    t = {"id_str": str(i), "id": str(i), "full_text": text, "created_at": "Tue May 28 14:03:18 +0000 2024",
         "favorite_count": "5", "retweet_count": "1", "display_text_range": ["0", str(len(text))],
         "entities": {"urls": [], "hashtags": []}, "lang": "en"}
    if parent:
        t.update(in_reply_to_status_id_str=str(parent), in_reply_to_user_id_str=OWNER, in_reply_to_screen_name=HANDLE)
    t.update(fields)
    return {"tweet": t}


def tweets_js(tweets: list[dict]) -> str:
    return "window.YTD.tweets.part0 = " + json.dumps(tweets)


def archive(tmp_path: Path, tweets: list[dict], name: str = "Jane") -> Path:
    path = tmp_path / "archive.zip"
    account = [{"account": {"username": HANDLE, "accountId": OWNER, "accountDisplayName": name}}]
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps(account))
        zf.writestr("data/tweets.js", tweets_js(tweets))
    return path


def chain(n: int, text=lambda k: f"Post {k} words") -> list[dict]:
    return [tw(BASE + k * STEP, text(k), BASE + (k - 1) * STEP if k else None) for k in range(n)]


# -------------------------------------------------------------------- 1. posts per thread


def test_a_thread_longer_than_the_cap_is_read_up_to_it_and_says_what_was_left_out(tmp_path):
    path = archive(tmp_path, chain(MAX_POSTS + 20))
    result = read_archive(path, thread_id=str(BASE))
    thread = result.thread()
    assert len(thread.posts) == MAX_POSTS
    assert thread.posts[-1].text == f"Post {MAX_POSTS - 1} words"
    note = next(w for w in result.warnings if "left out" in w)
    assert f"{MAX_POSTS + 20:,} posts" in note and "the last 20" in note
    assert str(BASE + MAX_POSTS * STEP) in note  # the first post left out, by its id
    at_cap = read_archive(archive(tmp_path, chain(MAX_POSTS)), thread_id=str(BASE))  # (the same file name)
    assert len(at_cap.thread().posts) == MAX_POSTS and not any("left out" in w for w in at_cap.warnings)


def test_the_listing_of_a_long_thread_holds_the_cap_too(tmp_path):
    path = archive(tmp_path, chain(MAX_POSTS + 5))
    result = read_archive(path, load_media=False)
    assert [len(t.posts) for t in result.threads] == [MAX_POSTS]
    assert any("the last 5" in w for w in result.warnings)


# -------------------------------------------------------------------- 2. a post's text, the author


def test_an_archive_post_over_the_character_cap_is_cut_with_a_note_naming_it(tmp_path):
    long_post = "word " * 2_000 + "x" * 100_000
    path = archive(tmp_path, [tw(BASE, "Hook"), tw(BASE + STEP, long_post, BASE), tw(BASE + 2 * STEP, "Last", BASE + STEP)])
    result = read_archive(path, thread_id=str(BASE))
    posts = result.thread().posts
    assert [p.text for p in (posts[0], posts[2])] == ["Hook", "Last"]
    assert len(posts[1].text) <= MAX_BODY_CHARS and long_post.startswith(posts[1].text)
    assert posts[1].text.count("word") == 2_000  # cut where the words end, not inside them
    assert any(str(BASE + STEP) in w and "cut" in w for w in result.warnings)


def test_an_archive_post_over_the_word_cap_is_cut_at_it(tmp_path):
    long_post = " ".join(f"w{k}" for k in range(MAX_WORDS_PER_POST + 300))
    path = archive(tmp_path, [tw(BASE, "Hook"), tw(BASE + STEP, long_post, BASE)])
    result = read_archive(path, thread_id=str(BASE))
    text = result.thread().posts[1].text
    assert text.split() == long_post.split()[:MAX_WORDS_PER_POST]
    assert any(str(BASE + STEP) in w for w in result.warnings)


def test_an_archive_author_name_over_its_cap_is_cut_with_a_note(tmp_path):
    path = archive(tmp_path, chain(3), name="N" * 50_000)
    result = read_archive(path, thread_id=str(BASE))
    assert {p.author_name for p in result.thread().posts} == {"N" * MAX_AUTHOR_CHARS}
    assert any("display name" in w and "50,000" in w for w in result.warnings)


def _project(post_text: str = "Fine", name: str = "Jane") -> str:
    posts = [Post(id="p1", text="Hook", author_name=name, handle="jane"),
             Post(id="p2", text=post_text, author_name=name, handle="jane")]
    return carousel_to_json(Carousel(thread=Thread(id="t", posts=posts)))


@pytest.mark.parametrize("text, said", [("x" * (MAX_BODY_CHARS + 1), "characters"),
                                        ("a " * (MAX_WORDS_PER_POST + 1), "words")])
def test_a_project_whose_thread_post_is_over_the_cap_is_cut_naming_it(text, said):
    notes: list[str] = []
    post = read_project(_project(text), notes).thread.posts[1]
    assert not post_text_over(post.text) and text.startswith(post.text)
    assert any(f"post 2 of the carousel's thread (p2) has" in n and said in n for n in notes)


def test_a_project_whose_thread_author_is_over_its_cap_is_cut_naming_it():
    notes: list[str] = []
    posts = read_project(_project(name="N" * (MAX_AUTHOR_CHARS + 1)), notes).thread.posts
    assert {p.author_name for p in posts} == {"N" * MAX_AUTHOR_CHARS}
    assert any("author name" in n and "2 posts" in n for n in notes)
    assert read_project(_project("x" * MAX_BODY_CHARS, "N" * MAX_AUTHOR_CHARS)).thread.posts[1].text


@given(st.text(alphabet=st.sampled_from("ab \n\u00e9😀"), max_size=300), st.integers(0, 2))
def test_a_cut_text_is_the_start_of_the_text_within_the_caps(head, repeat):
    text = head + ("long " * 9_000 + "y" * 50_000) * repeat
    cut, last = cut_post_text(text)
    assert text.startswith(cut) and not post_text_over(cut)
    assert (cut == text) == (not post_text_over(text)) and (last == "") == (cut == text)


# -------------------------------------------------------------------- 3. damaged archives


def test_posts_answering_each_other_in_a_loop_are_read_and_named(tmp_path):
    a, b, c, d = (BASE + k * STEP for k in range(4))
    path = archive(tmp_path, [tw(a, "Root alpha"), tw(b, "Second bravo", a), tw(c, "Third charlie", d),
                              tw(d, "Fourth delta", c)])
    result = read_archive(path, load_media=False)
    words = {p.text for t in result.threads for p in t.posts}
    assert {"Third charlie", "Fourth delta"} <= words
    assert any("loop" in w and str(c) in w for w in result.warnings)


def test_a_post_answering_itself_keeps_its_replies(tmp_path):
    a, b, c = (BASE + k * STEP for k in range(3))
    path = archive(tmp_path, [tw(a, "Root alpha"), tw(b, "Self bravo", b), tw(c, "Child charlie", b)])
    result = read_archive(path, load_media=False)
    assert any([p.text for p in t.posts] == ["Self bravo", "Child charlie"] for t in result.threads)


@pytest.mark.parametrize("count, likes", [("1.0", 1), ("1.2K", 1_200), ("many", 0), ([3], 0)])
def test_a_count_in_another_shape_keeps_the_post(tmp_path, count, likes):
    a, b, c = (BASE + k * STEP for k in range(3))
    path = archive(tmp_path, [tw(a, "Root alpha"), tw(b, "Middle bravo words", a, favorite_count=count),
                              tw(c, "Last charlie", b)])
    result = read_archive(path, thread_id=str(a))
    posts = result.thread().posts
    assert [p.text for p in posts] == ["Root alpha", "Middle bravo words", "Last charlie"]
    assert posts[1].likes == likes


def test_unreadable_entities_keep_the_words_as_written_and_are_named(tmp_path):
    a, b, c = (BASE + k * STEP for k in range(3))
    path = archive(tmp_path, [tw(a, "Root alpha"), tw(b, "Bravo https://t.co/abc", a, entities={"urls": "nope"}),
                              tw(c, "Charlie", b, extended_entities={"media": [None]}),
                              tw(c + STEP, "Delta", c, entities="broken")])
    result = read_archive(path, thread_id=str(a))
    assert [p.text for p in result.thread().posts] == ["Root alpha", "Bravo https://t.co/abc", "Charlie", "Delta"]
    note = next(w for w in result.warnings if "shape" in w)
    assert all(str(i) in note for i in (b, c)) and "3 posts" in note


def test_an_unreadable_display_range_keeps_the_post(tmp_path):
    a, b = BASE, BASE + STEP
    path = archive(tmp_path, [tw(a, "Root alpha"), tw(b, "Bravo words", a, display_text_range=[None, None])])
    assert [p.text for p in read_archive(path, thread_id=str(a)).thread().posts] == ["Root alpha", "Bravo words"]


# -------------------------------------------------------------------- 4. tweets.js on its own


def test_a_tweets_js_on_its_own_is_imported_whole_without_its_numbers(tmp_path):
    path = tmp_path / "tweets.js"
    numbered = chain(4, lambda k: f"{k + 1}/ Point number {k + 1} here" if k else "How we ship: a thread")
    path.write_text(tweets_js(numbered), encoding="utf-8")
    for thread_id in (str(BASE), None):
        texts = [p.text for p in read_archive_thread(path, thread_id, name="tweets.js").thread().posts]
        assert texts == ["How we ship: a thread"] + [f"Point number {k} here" for k in range(2, 5)], thread_id


# -------------------------------------------------------------------- a long post's card


async def test_a_long_posts_card_carries_only_its_start(studio, testid):
    from nicegui import ui
    long_post = "words of a long premium post " * 1_300  # 37,700 characters: within the caps
    studio.shared.document.set_thread(Thread("t", [Post("a", "Hook"), Post("b", long_post)]))
    await studio.should_see("Drag Post #2")
    with studio:
        shown = [e.text for e in studio.client.elements.values()
                 if isinstance(e, ui.label) and "cs-post-text" in e.classes]
    assert shown[0] == "Hook"
    assert len(shown[1]) <= 1_002 and shown[1].endswith(" …")
    assert long_post.startswith(shown[1][:-2]) and long_post[len(shown[1]) - 2] == " "  # cut after a whole word
