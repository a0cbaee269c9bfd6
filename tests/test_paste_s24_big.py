"""In Chromium: the 0.95 MB paste of dialogue (~34,000 lines) is shown in a box of fixed height that scrolls, so no
input lays the whole text out again to grow the box (an auto-growing box held the tab ~1.3 s per input, and ~7 s to
fill under load); the studio stays usable (a typed word reaches the end of it) and every post is read."""
from __future__ import annotations

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

from test_paste_s22_browser import (BOX, POSTS, box_length, card_texts, dialogue, import_adding,  # noqa: E402
                                    joined, paste, state, studio)
from ui_helpers import wait  # noqa: E402

pytestmark = pytest.mark.slow
assert studio  # (the fixture, imported)

_SIZE = "const b = document.querySelector(arguments[0]); return [b.clientHeight, b.scrollHeight];"


def test_a_big_dialogue_paste_keeps_the_box_its_size_and_every_post_is_read(studio):
    empty = studio.execute_script(_SIZE, BOX)[0]
    posts = dialogue(950_000)
    text = joined(posts)
    assert text.count("\n") > 30_000
    paste(studio, text)
    height, scrolled = studio.execute_script(_SIZE, BOX)
    assert height == empty  # not grown: the box scrolls its text
    assert scrolled > 100 * height
    box = studio.find_element(By.CSS_SELECTOR, BOX)
    box.send_keys(Keys.CONTROL, Keys.END)
    box.send_keys(" The end.")
    wait(studio, lambda: box_length(studio) == len(text) + len(" The end."), describe=lambda: state(studio))
    assert studio.execute_script(_SIZE, BOX)[0] == empty
    import_adding(studio)
    wait(studio, lambda: len(card_texts(studio)) == 3 + POSTS, timeout=300, describe=lambda: state(studio))
    shown = card_texts(studio)[3:]
    assert [c.split("\n")[0] for c in shown[:-1]] == [p.split("\n")[0] for p in posts[:-1]]
    assert shown[-1] == posts[-1] + " The end."
