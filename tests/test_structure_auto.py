"""Automatic structure: cover from the hook, one slide per post, outro; headline and list readers."""
from __future__ import annotations

import pytest

from studio.post import Post, Thread
from studio.reading import headline_and_body, list_items, split_number
from studio.structure import carousel_from_thread, cover_texts

from render_helpers import sample_carousel, sample_posts
from property_examples import examples


def test_sample_thread_becomes_cover_posts_outro():
    c = sample_carousel(theme="midnight")
    kinds = [s.kind for s in c.slides]
    assert kinds == ["cover"] + ["content"] * (len(sample_posts()) - 1) + ["outro"]
    assert c.theme == "midnight"
    cover = c.slides[0]
    assert cover.title == "Most carousels fail in the first two seconds."
    assert cover.body.startswith("Not because the ideas are weak") and "🧵" not in cover.body
    first = c.slides[1]
    assert first.title == "1) Lead with the payoff" and first.body.startswith("Your cover is a promise.")
    assert first.post_ids == ["1"]
    last = c.slides[-2]
    assert last.title == "" and last.body.startswith("That is the whole system.")


def test_post_image_goes_on_its_slide():
    from tests_images import tiny_jpeg
    img = tiny_jpeg()
    thread = Thread("t", [Post("a", "Hook. And more words here."), Post("b", "Second post", images=[img])])
    c = carousel_from_thread(thread)
    assert c.slides[1].image == img


@pytest.mark.parametrize("layout,override", [("headline-body", "image-focus"), ("list", "image-focus"),
                                             ("big-statement", "image-focus"), ("post-card", None),
                                             ("split", None), ("image-focus", None)])
def test_a_post_photo_is_never_hidden_by_a_text_only_layout(layout, override):
    from tests_images import tiny_jpeg
    thread = Thread("t", [Post("a", "Hook. More."), Post("b", "With photo", images=[tiny_jpeg()]), Post("c", "Text")])
    c = carousel_from_thread(thread, layout=layout)
    assert c.slides[1].layout == override and c.slides[2].layout is None


def test_long_first_post_keeps_every_word():
    long = "A hook. " + "word " * 80
    c = carousel_from_thread(Thread("t", [Post("a", long)]))
    text = " ".join(s.title + " " + s.body for s in c.slides)
    assert text.split().count("word") == 80


@pytest.mark.parametrize("text,expected", [
    ("1) Sparse Attention\nIt reads less.", ("1) Sparse Attention", "It reads less.")),
    ("First sentence. Second one.", ("First sentence.", "Second one.")),
    ("Short heading\nBody line one.", ("Short heading", "Body line one.")),
    ("no punctuation at all", ("", "no punctuation at all")),
])
def test_headline_and_body(text, expected):
    assert headline_and_body(text) == expected


@pytest.mark.parametrize("text,items", [
    ("Intro\n- a\n- b\n- c", ["a", "b", "c"]),
    ("• one\n• two", ["one", "two"]),
    ("1. first\n2. second\n3. third", ["first", "second", "third"]),
    ("Tools I use - Figma - Notion - Canva", ["Figma", "Notion", "Canva"]),
    ("just a sentence - with a dash", []),
])
def test_list_items(text, items):
    assert list_items(text) == items


def test_split_number_and_cover_markers():
    assert split_number("1) Lead with the payoff") == ("1", "Lead with the payoff")
    assert split_number("Plain title") == ("", "Plain title")
    assert cover_texts("🧵 Big idea. Here is why it matters to you 🧵") == (
        "Big idea.", "Here is why it matters to you")


def test_cover_keeps_every_character_but_the_thread_emoji():
    assert cover_texts("Ship faster → learn faster. Here is my playbook 👇") == (
        "Ship faster → learn faster.", "Here is my playbook 👇")
    assert cover_texts("Thread: Big idea. Why it matters to you ⬇️ (1/5)") == (
        "Thread: Big idea.", "Why it matters to you ⬇️ (1/5)")
    assert cover_texts("🧵👇") == ("👇", "")


from hypothesis import given, settings
from hypothesis import strategies as st

WORDS = st.sampled_from(["Hello", "world.", "1)", "Lead", "-", "•", "2.", "item", "\n", "\n\n", "🧵", "👇", "why?",
                         "Thread:", "a", "b!", "שלום", "مرحبا", "https://x.io/a", "@ada", "#tag", "—", "1/5", "thread", "3/4"])
POST = st.lists(WORDS, min_size=1, max_size=30).map(" ".join)


@settings(max_examples=examples(60), deadline=None)
@given(POST)
def test_headline_and_body_lose_no_word(text):
    head, body = headline_and_body(text)
    assert (head + " " + body).split() == text.split()


@settings(max_examples=examples(60), deadline=None)
@given(POST)
def test_list_items_come_from_the_text(text):
    flat = " ".join(text.split())
    for item in list_items(text):
        assert " ".join(item.split()) in flat


@settings(max_examples=examples(40), deadline=None)
@given(st.lists(POST, min_size=1, max_size=6))
def test_every_post_word_reaches_a_slide(posts):
    thread = Thread("t", [Post(str(i), t) for i, t in enumerate(posts)])
    c = carousel_from_thread(thread)
    drawn = " ".join(s.title + " " + s.body for s in c.slides).split()
    for word in " ".join(posts[1:]).split():
        assert word in drawn
    for word in posts[0].replace("🧵", " ").split():  # the thread emoji is the one thing the cover drops
        assert word in drawn


@pytest.mark.parametrize("layout", ["headline-body", "post-card", "split"])
def test_every_photo_of_a_post_gets_a_slide(layout):
    from tests_images import tiny_jpeg
    a, b, c3 = tiny_jpeg(colour=(200, 0, 0)), tiny_jpeg(colour=(0, 200, 0)), tiny_jpeg(colour=(0, 0, 200))
    assert len({a.data, b.data, c3.data}) == 3
    thread = Thread("t", [Post("a", "Hook. More words here."), Post("b", "Two photos", images=[a, b, c3]),
                          Post("c", "Text")])
    c = carousel_from_thread(thread, layout=layout)
    kinds = [(s.kind, s.post_ids, s.body) for s in c.slides]
    assert kinds[1:5] == [("content", ["b"], "Two photos"), ("content", ["b"], ""), ("content", ["b"], ""),
                          ("content", ["c"], "Text")]
    assert [s.image for s in c.slides[1:4]] == [a, b, c3]
    assert all(s.layout == "image-focus" and s.title == "" for s in c.slides[2:4])


def test_extra_photos_of_the_first_post_follow_the_cover():
    from tests_images import tiny_jpeg
    a, b = tiny_jpeg(colour=(200, 0, 0)), tiny_jpeg(colour=(0, 200, 0))
    c = carousel_from_thread(Thread("t", [Post("a", "Hook. More words here.", images=[a, b])]))
    assert [s.kind for s in c.slides] == ["cover", "content", "outro"]
    assert c.slides[0].image == a and c.slides[1].image == b and c.slides[1].layout == "image-focus"


LONG_HOOK = ("I spent the last three years building developer tools for small teams and the one thing I keep "
             "learning over and over is that nobody reads the documentation until something breaks in production")


@pytest.mark.parametrize("text", [
    LONG_HOOK,
    LONG_HOOK + ". Second sentence here.",
    "Here is the thing about shipping quickly: you learn faster than anyone who waits for the perfect plan to arrive",
    "word " * 200,
])
def test_a_long_cover_hook_is_cut_and_the_rest_moves_to_the_subtitle(text):
    hook, rest = cover_texts(text)
    assert 20 <= len(hook) <= 90, hook
    assert (hook + " " + rest).split() == text.split()


def test_the_hook_is_cut_at_a_clause_break_when_there_is_one():
    text = "Here is the thing about shipping quickly: you learn faster than anyone who waits for the perfect plan"
    assert cover_texts(text)[0] == "Here is the thing about shipping quickly:"


def test_a_short_hook_is_not_cut():
    assert cover_texts("Short and sweet, with a comma. Then more words.") == (
        "Short and sweet, with a comma.", "Then more words.")


@settings(max_examples=examples(80), deadline=None)
@given(st.lists(st.sampled_from(["alpha", "beta,", "gamma:", "delta —", "epsilon;", "x" * 30, "\n", "end."]),
                min_size=1, max_size=60).map(" ".join))
def test_cover_texts_lose_no_character(text):
    hook, rest = cover_texts(text)
    assert (hook + " " + rest).split() == text.split()
    assert len(hook) <= 90 or not any(ch.isspace() for ch in hook[20:90])


def test_a_long_cjk_hook_is_cut_at_its_punctuation():
    text = "日本語のテキストはスペースなしで続きます、これは長い文章で、改行の機会がたくさんあります" * 3
    hook, rest = cover_texts(text)
    assert len(hook) <= 90 and hook.endswith("、") and hook + rest == text


def test_a_cjk_first_sentence_becomes_the_hook():
    text = "日本語のテキストはスペースなしで続きます。これは長い文章で、改行の機会がたくさんあります。"
    assert cover_texts(text) == ("日本語のテキストはスペースなしで続きます。", "これは長い文章で、改行の機会がたくさんあります。")
