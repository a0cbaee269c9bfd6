"""A last post "3/ End." is post 3 whose word is "End.": the "/" is its number's, not a "/end" mark (that had left a
stray "3" on post 2 and "End." on no slide)."""
from __future__ import annotations

import pytest

from studio.sources.paste import parse_paste


@pytest.mark.parametrize("last", ["End.", "end", "Fin."])
def test_a_numbered_last_post_of_one_word_is_kept(last):
    posts = [p.text for p in parse_paste(f"Hook 🧵\n\n2/ Middle point here.\n\n3/ {last}").threads[0].posts]
    assert posts == ["Hook", "Middle point here.", last]


def test_a_real_end_mark_still_goes():
    posts = [p.text for p in parse_paste("Hook 🧵\n\n2/ Middle point here. /end").threads[0].posts]
    assert posts == ["Hook", "Middle point here."]
