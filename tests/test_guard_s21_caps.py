"""The over-cap rule's test of "only deleted from": exactly the texts that are the old one with one stretch cut."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from studio.app.slide_edits import _only_cut


@given(st.text(max_size=60), st.data())
def test_one_stretch_cut_is_a_cut(before, data):
    i = data.draw(st.integers(0, len(before)))
    j = data.draw(st.integers(i, len(before)))
    assert _only_cut(before, before[:i] + before[j:])


@given(st.text(max_size=40), st.text(max_size=40))
def test_a_cut_is_what_remains_of_one_stretch(before, text):
    found = any(before[:i] + before[j:] == text for i in range(len(before) + 1) for j in range(i, len(before) + 1))
    assert _only_cut(before, text) == found
