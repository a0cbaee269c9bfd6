"""Hostile and unusual characters in a post: what a slide draws for them."""
from __future__ import annotations

import pytest
from defusedxml import ElementTree as ET
from hypothesis import given
from hypothesis import strategies as st

from render_helpers import NS, carousel_of
from studio.render import render_slide
from studio.text import prepare

SELECTORS = "\ufe0e\ufe0f\u034f\U000e0100"


@pytest.mark.parametrize("text", ["❤\ufe0e love", "✔\ufe0e done", "葛\U000e0100飾区", "a\u034fb", "↩\ufe0e back"])
def test_a_variation_selector_on_a_text_character_draws_nothing_of_its_own(text):
    """A selector asks for a look; some faces map it to a visible "NO GLYPH" box, drawn after the heart."""
    clusters = [c for p in prepare(text) for c in p.clusters]
    assert not any(ch in SELECTORS for c in clusters for ch in c.text)
    assert "".join(c.text for c in clusters) == "".join(ch for ch in text if ch not in SELECTORS)
    root = ET.fromstring(render_slide(carousel_of(["Hook line for the cover", text + " and more words"]), 1))
    drawn = "".join(t.text or "" for t in root.iter(NS + "tspan"))
    assert not any(ch in SELECTORS for ch in drawn)


def test_an_emoji_keeps_its_selector_and_is_drawn_as_an_emoji():
    clusters = [c for p in prepare("❤\ufe0f ✔\ufe0f") for c in p.clusters if not c.is_space]
    assert [c.emoji is not None for c in clusters] == [True, True]
    assert [c.text for c in clusters] == ["❤\ufe0f", "✔\ufe0f"]


PIECES = st.sampled_from(["```", "```py", "\n", "\n\n", "\n\n\n", "    ", "\t", "  ", "def f(x):", "if (a) {", "}",
                          "return x", "- item", "1. step", "1/", "🧵", "❤\ufe0e", "\u202e", "\u200b", "👩‍💻", "שלום",
                          "مرحبا", "ສະບາຍດີ", "မြန်မာ", "বাংলা", "<b>", "&amp;", "**kwargs", "x" * 90, "Show more", "42",
                          "https://example.com/" + "a" * 60, "@dana", "#tag", " ", "word", "Thread:", "/end"])


@given(st.lists(PIECES, min_size=1, max_size=40).map("".join))
def test_property_any_mix_of_code_scripts_and_marks_imports_and_draws(text):
    from studio.render import page_count
    from studio.sources import SourceError, parse_paste
    from studio.structure import carousel_from_thread
    from studio.code import code_lines
    try:
        result = parse_paste(text)
    except SourceError as exc:
        assert str(exc)
        return
    for post in result.threads[0].posts:
        assert post.text.strip()
        assert len(code_lines(post.text)) == len(post.text.split("\n"))
    carousel = carousel_from_thread(result.threads[0])
    total = page_count(carousel)
    for index in range(min(total, 3)):
        root = ET.fromstring(render_slide(carousel, index))
        width = float(root.get("viewBox").split()[2])
        for rect in root.iter(NS + "rect"):
            if rect.get("class") == "code-panel":
                assert 0 <= float(rect.get("x")) and float(rect.get("x")) + float(rect.get("width")) <= width


def test_a_direction_override_is_not_dropped_silently():
    """U+202E (right-to-left override) turns the letters after it around on X. The slide draws every letter in
    the order typed (a spoofed "gpj.exe" reads as what it is) and the export check names the slide with it."""
    from studio.carousel import Carousel, Slide
    from studio.export.platforms import check_platform
    carousel = Carousel(slides=[Slide(title="Files", body="Open invoice\u202egpj.exe\u202c now"),
                                Slide(title="Plain", body="Nothing odd here"),
                                Slide(title="Mixed \u202dשלום\u202c", body="")])
    root = ET.fromstring(render_slide(carousel, 0))
    drawn = " ".join("".join(t.itertext()) for t in root.iter(NS + "text"))
    assert "invoicegpj.exe" in drawn and "\u202e" not in drawn
    warnings = check_platform(carousel, "linkedin", pages=3)
    assert [w[:60] for w in warnings if "override" in w] == [
        "Slide 1 holds a right-to-left override (U+202E), which X sho",
        "Slide 3 holds a left-to-right override (U+202D), which X sho"]
    assert check_platform(Carousel(slides=[Slide(title="Plain", body="words")]), "instagram", pages=1) == []
