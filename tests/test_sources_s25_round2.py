"""Session 25, round 2: page copies shaped as an attacker found they break the reader, each a fixture here
(``fixtures/sources-s25r2``): a display name shaped like X's own text ("@noor", "500", "3h"), a copy starting
inside the opening post (two posts; Hindi, Urdu, Burmese, Amharic sentence ends), X's lines under the opening
post in other languages, polls, ads, Follow buttons, the "Relevant people" box, full-width post numbers and video
notices. The creator's words arrive exactly, post by post, under the right author, and X's lines do not."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.app.imports import Imports

FIXTURES = Path(__file__).parent / "fixtures" / "sources-s25r2"
COPIES = sorted(p.name for p in FIXTURES.glob("*.txt"))


def expected(name: str) -> dict:
    return json.loads((FIXTURES / name).with_suffix(".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", COPIES)
def test_the_creators_words_arrive_post_by_post_and_none_of_xs(name):
    want = expected(name)
    result = Imports.paste((FIXTURES / name).read_text(encoding="utf-8"))
    posts = result.threads[0].posts
    assert [p.text for p in posts] == want["posts"]
    if want["handle"]:
        assert {(p.author_name, p.handle) for p in posts} == {(want["name"], want["handle"])}
    if "warn" in want:  # what was left out is named
        assert any(want["warn"] in w for w in result.warnings), result.warnings
