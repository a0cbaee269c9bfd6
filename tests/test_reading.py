"""Reading a post: inline lists recovered, numbered headings without punctuation, automatic headlines."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.reading import headline_and_body, list_intro, list_items, numbered_heading, split_number, unflatten
from property_examples import examples


@pytest.mark.parametrize("text,lines", [
    ("Context windows grew fast: - GPT-3.5 → 4k - GPT-4 → 8k - Claude 2 → 100k",
     ["Context windows grew fast:", "- GPT-3.5 → 4k", "- GPT-4 → 8k", "- Claude 2 → 100k"]),
    ("Here's the idea: - Use full global attention sparingly - Cache the rest",
     ["Here's the idea:", "- Use full global attention sparingly", "- Cache the rest"]),
    ("What I check: • latency • cost • quality", ["What I check:", "• latency", "• cost", "• quality"]),
    ("My rules: 1. Ship daily 2. Read the logs 3. Sleep", ["My rules:", "1. Ship daily", "2. Read the logs", "3. Sleep"]),
    ("Tools I use - Figma - Notion - Canva", ["Tools I use", "- Figma", "- Notion", "- Canva"]),
    ("- one - two - three", ["- one", "- two", "- three"]),
])
def test_flattened_lists_come_back_as_lines(text, lines):
    assert unflatten(text).split("\n") == lines


@pytest.mark.parametrize("text", [
    "I went home - tired - and slept for ten hours.",
    "State-of-the-art models are not magic - they are statistics.",
    "GPT-3.5 was released in 2022. Version 2. Not 3.",
    "Scores went 3-4 and 10/10 would recommend.",
    "In 2024 I wrote 2 posts.",
])
def test_a_genuine_hyphen_or_number_in_a_sentence_stays(text):
    assert unflatten(text) == text
    assert list_items(text) == []


def test_list_readers_see_the_recovered_list():
    text = "Context windows grew fast: - GPT-3.5 → 4k - GPT-4 → 8k - Claude 2 → 100k"
    assert list_items(text) == ["GPT-3.5 → 4k", "GPT-4 → 8k", "Claude 2 → 100k"]
    assert list_intro(text) == "Context windows grew fast:"
    head, body = headline_and_body(text)
    assert head == "Context windows grew fast:" and body.split("\n") == ["- GPT-3.5 → 4k", "- GPT-4 → 8k",
                                                                        "- Claude 2 → 100k"]


@pytest.mark.parametrize("text,expected", [
    ("3) Cache Warming This is the step most teams skip.", ("3) Cache Warming", "This is the step most teams skip.")),
    ("1/ The Quiet Failure Mode Most outages start small.", ("1/ The Quiet Failure Mode", "Most outages start small.")),
    ("2) Cost of Retries and Timeouts Every retry doubles the load.",
     ("2) Cost of Retries and Timeouts", "Every retry doubles the load.")),
    ("4) Observability You cannot fix what you cannot see.\nSo log it.",
     ("4) Observability", "You cannot fix what you cannot see.\nSo log it.")),
])
def test_numbered_heading_without_punctuation(text, expected):
    assert numbered_heading(text) == expected
    assert headline_and_body(text) == expected
    number, words = split_number(expected[0])
    assert number and words == expected[0].split(" ", 1)[1]


@pytest.mark.parametrize("text", [
    "1) Cache is king for read-heavy apps.",
    "2/ Here's how it works in practice.",
    "3) Ship It to users early",
    "1) I Think it works",
    "Cache Warming This is no number.",
])
def test_a_numbered_sentence_is_no_heading(text):
    assert numbered_heading(text) is None


WORDS = st.sampled_from(["Hello", "world.", "1)", "Lead", "-", "•", "2.", "1.", "item", "\n", "Cache", "Warming",
                         "This", "is", "tools:", "- a", "• b", "3/", "GPT-4", "state-of-the-art", "→", "x", "the"])
POST = st.lists(WORDS, min_size=1, max_size=30).map(" ".join)


@settings(max_examples=examples(150), deadline=None)
@given(POST)
def test_reading_never_drops_or_invents_a_word(text):
    assert unflatten(text).split() == text.split()
    head, body = headline_and_body(text)
    assert (head + " " + body).split() == text.split()
    flat = " ".join(text.split())
    for item in list_items(text):
        assert " ".join(item.split()) in flat


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta"]), min_size=2, max_size=6),
       st.sampled_from(["-", "•", "–"]))
def test_any_flattened_bullet_list_after_a_lead_in_is_recovered(items, marker):
    text = "Lead-in: " + " ".join(f"{marker} {item}" for item in items)
    assert list_items(text) == items


def _titles(svg: str) -> list[str]:
    from defusedxml import ElementTree as ET
    ns = "{http://www.w3.org/2000/svg}"
    return [" ".join(t.itertext()) for t in ET.fromstring(svg).iter(ns + "text") if t.get("class") == "title"]


def test_automatic_headline_is_at_most_two_lines_and_the_editor_can_show_it():
    from render_helpers import carousel_of
    from studio import render
    long_first = ("Most teams spend their first month tuning prompts, while the real wins come from retrieval "
                  "quality and caching. Here is the rest.")
    c = carousel_of(["Hook. More.", "Short headline here. Then the body text follows.", long_first])
    c.slides[1].title = ""
    assert render.slide_headline(c, 1) == ("Short headline here.", True)
    assert render.slide_headline(c, 2) == ("", False)  # three lines at the title size: it stays body text
    assert not _titles(render.render_slide(c, 2, scale=1))
    drawn = _titles(render.render_slide(c, 1, scale=1))
    assert len(drawn) <= 2 and " ".join(drawn).split() == ["Short", "headline", "here."]
    c.slides[2].title = "Typed by the creator"
    assert render.slide_headline(c, 2) == ("Typed by the creator", False)


def test_numbered_heading_without_punctuation_is_drawn_as_number_and_headline():
    from render_helpers import carousel_of
    from studio import render
    c = carousel_of(["Hook. More.", "3) Cache Warming This is the step most teams skip."])
    svg = render.render_slide(c, 1, scale=1)
    assert " ".join(_titles(svg)) == "Cache Warming"
    assert "03" in svg
