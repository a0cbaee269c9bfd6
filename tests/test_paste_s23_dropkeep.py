"""In Chromium: a file dropped on the paste box holding the creator's typed words goes in at the caret, as a paste
does; their words stay, for a short file (one input Ctrl+Z takes back) and for a long one (put in at once)."""
from __future__ import annotations

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

from components.paste_source import SMALL_PASTE  # noqa: E402
from test_paste_s22_browser import BOX, card_texts, import_adding, state, studio  # noqa: E402
from test_paste_s23_drop import box_value, drop, told  # noqa: E402
from ui_helpers import wait  # noqa: E402

pytestmark = pytest.mark.slow
assert studio  # (the fixture, imported)

WORDS = "My own draft words, typed by hand."
NOTE = "\n\nA short note from a file."


def typed(driver, words: str) -> None:
    box = driver.find_element(By.CSS_SELECTOR, BOX)
    box.click()
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys(words)
    wait(driver, lambda: box_value(driver) == words, describe=lambda: state(driver))


def test_a_short_file_dropped_after_typed_words_keeps_them_and_ctrl_z_takes_it_back(studio):
    typed(studio, WORDS)
    drop(studio, ("note.txt", NOTE))
    told(studio, f"note.txt is in the box ({len(NOTE)} characters), put in at the caret: the words the box held are "
         "kept")
    assert box_value(studio) == WORDS + NOTE
    studio.find_element(By.CSS_SELECTOR, BOX).send_keys(Keys.CONTROL, "z")
    wait(studio, lambda: box_value(studio) == WORDS, describe=lambda: state(studio))


def test_a_long_file_dropped_after_typed_words_keeps_them_and_both_are_imported(studio):
    posts = [f"File post {n}: " + "words from the dropped file. " * 40 for n in range(1, 21)]
    text = "\n\n" + "\n\n".join(posts)
    assert len(text) > SMALL_PASTE
    typed(studio, WORDS)
    drop(studio, ("long.txt", text))
    told(studio, f"long.txt is in the box ({len(text):,} characters), put in at the caret")
    assert box_value(studio) == WORDS + text
    import_adding(studio)
    wait(studio, lambda: len(card_texts(studio)) == 3 + 1 + len(posts), timeout=300, describe=lambda: state(studio))
    assert card_texts(studio)[3] == WORDS
    assert [c.split()[:3] for c in card_texts(studio)[4:]] == [p.split()[:3] for p in posts]
