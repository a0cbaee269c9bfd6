"""In Chromium: a long file dropped on the paste box (too long for the editor's undo) says Ctrl+Z cannot take it back
and offers "Put back what was there", which puts the box's words back; a saved page (.html) dropped is read as a
copy of that page is (its text in the box, its HTML read at Import: X's emoji drawn as pictures kept)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

from components.paste_source import SMALL_PASTE  # noqa: E402
from test_paste_s22_browser import BOX, by_testid, card_texts, import_adding, state, studio  # noqa: E402
from test_paste_s23_drop import box_value, drop, told  # noqa: E402
from test_paste_s23_dropkeep import WORDS, typed  # noqa: E402
from ui_helpers import wait  # noqa: E402

pytestmark = pytest.mark.slow
assert studio  # (the fixture, imported)

SOURCES = Path(__file__).resolve().parent / "fixtures" / "sources"
PAGE = (SOURCES / "unseen-page-clipboard-html.html").read_text(encoding="utf-8")


def long_file() -> str:
    return "\n\n" + "\n\n".join(f"File post {n}: " + "words from the dropped file.\n" * 40 for n in range(1, 21))


def test_a_long_drop_says_ctrl_z_cannot_take_it_back_and_puts_back_what_was_there(studio):
    text = long_file()
    assert len(text) > SMALL_PASTE
    typed(studio, WORDS)
    drop(studio, ("long.txt", text))
    told(studio, "Ctrl+Z cannot take back a drop this long: “Put back what was there”, under the box")
    assert box_value(studio) == WORDS + text
    wait(studio, lambda: by_testid(studio, "paste-put-back")[0].is_displayed(), describe=lambda: state(studio))
    by_testid(studio, "paste-put-back")[0].click()
    told(studio, "The box holds what it held before the drop.")
    wait(studio, lambda: box_value(studio) == WORDS and not by_testid(studio, "paste-put-back")[0].is_displayed(),
         describe=lambda: state(studio))
    import_adding(studio)  # the studio has the words put back, not the file's
    wait(studio, lambda: len(card_texts(studio)) == 4, timeout=120, describe=lambda: state(studio))
    assert card_texts(studio)[3] == WORDS


def test_put_back_is_not_offered_once_the_box_is_typed_into(studio):
    typed(studio, WORDS)
    drop(studio, ("long.txt", long_file()))
    wait(studio, lambda: by_testid(studio, "paste-put-back")[0].is_displayed(), describe=lambda: state(studio))
    box = studio.find_element(By.CSS_SELECTOR, BOX)
    box.send_keys(Keys.CONTROL, Keys.END)
    box.send_keys("!")
    wait(studio, lambda: not by_testid(studio, "paste-put-back")[0].is_displayed(), describe=lambda: state(studio))
    assert box_value(studio).endswith("file.\n!")


def test_a_saved_page_dropped_is_read_as_a_copy_of_that_page(studio):
    drop(studio, ("thread on X.html", PAGE))
    told(studio, "thread on X.html is in the box (the page's text): click Import thread to read it as a copy of its "
         "page.")
    assert "Pick boring tech" in box_value(studio)
    import_adding(studio)
    wait(studio, lambda: any(t.startswith("Pick boring tech") for t in card_texts(studio)), timeout=120,
         describe=lambda: state(studio))
    assert any("❤️👍🏽" in t for t in card_texts(studio))  # read from the page's HTML (its emoji are pictures)


def test_any_other_saved_page_is_read_from_its_text_every_word_kept(studio):
    page = ("<html><head><style>p{color:red}</style><script>document.title='ran'</script></head><body>"
            "<h1>My notes</h1><p>First post, <b>bold</b> words &amp; <i>more</i>.</p>"
            "<p>Second post <img src='https://example.com/x.png' alt='🚀'> launch.</p></body></html>")
    drop(studio, ("notes.htm", page))
    told(studio, "notes.htm is in the box (the page's text)")
    assert box_value(studio) == "My notes\n\nFirst post, bold words & more.\n\nSecond post 🚀 launch."
    assert studio.execute_script("return document.title") != "ran"
    import_adding(studio)
    wait(studio, lambda: len(card_texts(studio)) > 3, timeout=120, describe=lambda: state(studio))
    assert " ".join(card_texts(studio)[3:]).split() == "My notes First post, bold words & more. Second post 🚀 " \
        "launch.".split()


def test_a_saved_page_dropped_beside_typed_words_keeps_them(studio):
    typed(studio, WORDS + "\n\n")
    drop(studio, ("thread on X.html", PAGE))
    told(studio, "thread on X.html is in the box (the page's text), put in at the caret: the words the box held are "
         "kept")
    import_adding(studio)
    wait(studio, lambda: any("Pick boring tech" in t for t in card_texts(studio)), timeout=120,
         describe=lambda: state(studio))
    assert any(WORDS in t for t in card_texts(studio)[3:])  # not lost to the page's HTML, which does not hold them
