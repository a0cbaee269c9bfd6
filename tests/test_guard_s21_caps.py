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


def test_the_command_line_says_when_a_project_file_holds_an_over_cap_outro_text(tmp_path):
    import json

    from studio.app.imports import read_input
    from studio.app.sample import sample_carousel
    from studio.project_file import carousel_to_json

    data = json.loads(carousel_to_json(sample_carousel()))
    data["carousel"]["cta"]["headline"] = "H" * 5_000
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data))
    carousel, warnings = read_input(path)
    assert carousel.cta.headline == "H" * 5_000
    assert any("outro's headline (5,000 characters; the limit is 300)" in w for w in warnings)
