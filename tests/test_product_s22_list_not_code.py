"""Indented list lines ("◦ a", "‣ b", "(1) Plan", "1.1 Outline", "✅ done") are list lines, never fenced as code."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.code import fence_indented_code
from studio.reading import list_lines

MARKERS = ["◦", "‣", "▪", "–", "→", "(1)", "(12)", "1)", "1.", "1.1", "2.3.", "✅", "👉🏽", "1️⃣", "🚀"]


@pytest.mark.parametrize("marker", MARKERS)
def test_an_indented_list_line_is_not_fenced(marker):
    text = f"1. Draft\n   {marker} one idea per post\n   {marker} hook first\n2. Publish"
    assert fence_indented_code(text) == text


def test_the_nested_marker_thread_keeps_its_list():
    text = ("2. Draft\n   ‣ one idea per post\n   ‣ hook first\n3. Publish\n"
            "1. Capture\n   ◦ voice notes\n   ◦ screenshots")
    fenced = fence_indented_code(text)
    assert "```" not in fenced
    assert all(row is not None for row in list_lines(fenced.split("\n")))


@pytest.mark.parametrize("code", ["x = compute(1)", "$ npm i carousel", "return total", "(a, b) = pair()"])
def test_indented_code_is_still_fenced(code):
    assert "```" in fence_indented_code(f"Try this:\n  {code}\n  {code}")


@settings(max_examples=60, deadline=None)
@given(marker=st.sampled_from(MARKERS), words=st.lists(st.text("abcdefgh xyz", min_size=1, max_size=20)
                                                      .filter(str.strip), min_size=1, max_size=4),
       depth=st.integers(2, 8))
def test_list_lines_at_any_depth_are_never_code(marker, words, depth):
    text = "Intro:\n" + "\n".join(" " * depth + f"{marker} {w.strip()}" for w in words)
    assert fence_indented_code(text) == text
