"""In Chromium: a file dropped on the paste box (a real drop: a DataTransfer holding a File) fills the box as a paste
does, through the same parts when long; a file that is not text, is too big, or belongs to another importer is named
with what to do, and the box keeps what it held."""
from __future__ import annotations

import pytest

pytest.importorskip("selenium")

from components.paste_size import PART  # noqa: E402
from test_paste_s22_browser import (BOX, box_length, card_texts, import_adding, joined,  # noqa: E402
                                    notices, paste, state, studio)
from ui_helpers import wait  # noqa: E402

pytestmark = pytest.mark.slow
assert studio  # (the fixture, imported)

# A drag of ``File``s over the box and a drop on it, as the browser fires them; returns whether the page took the
# drag (its dragover cancelled: else the browser opens the file) and the drop. A file's content is text, a list of
# bytes, or [text, times] (text repeated, made in the page)
_DROP = """const box = document.querySelector(arguments[0]), dropped = new DataTransfer();
for (const [name, content] of arguments[1]) {
  const body = typeof content === 'string' ? content : typeof content[0] === 'string'
    ? content[0].repeat(content[1]) : new Uint8Array(content);
  dropped.items.add(new File([body], name));
}
const fire = (type) => !box.dispatchEvent(new DragEvent(type, {dataTransfer: dropped, bubbles: true,
                                                                cancelable: true}));
fire('dragenter');
return [fire('dragover'), fire('drop')];"""


def drop(driver, *files: tuple[str, object]) -> None:
    assert driver.execute_script(_DROP, BOX, [list(f) for f in files]) == [True, True]


def box_value(driver) -> str:
    return driver.execute_script(f"return document.querySelector('{BOX}').value")


def told(driver, words: str) -> None:
    wait(driver, lambda: any(words in n for n in notices(driver)), timeout=60, describe=lambda: state(driver))


THREAD = "First post from a file 🚀\r\n\r\nSecond post, with “quotes”.\r\n\r\nThird post ends it."


def test_a_text_file_dropped_fills_the_box_and_is_imported(studio):
    drop(studio, ("notes.txt", THREAD))
    told(studio, "notes.txt is in the box")
    assert box_value(studio) == THREAD.replace("\r\n", "\n")
    import_adding(studio)
    wait(studio, lambda: card_texts(studio)[3:] == [p.replace("\r\n", "") for p in THREAD.split("\r\n\r\n")],
         timeout=120, describe=lambda: state(studio))


def test_a_long_markdown_file_goes_through_the_parts_and_every_post_comes_in(studio):
    posts = [f"Post {n}: " + '"Why?" she asked. "Because." ' * 250 for n in range(1, 21)]
    text = joined(posts)
    assert len(text) > PART
    drop(studio, ("thread.md", text))
    told(studio, f"thread.md is in the box ({len(text):,} characters)")
    import_adding(studio)
    wait(studio, lambda: len(card_texts(studio)) == 3 + len(posts), timeout=300, describe=lambda: state(studio))
    assert [c.split()[:2] for c in card_texts(studio)[3:]] == [p.split()[:2] for p in posts]


def test_files_the_box_does_not_take_are_named_and_the_box_keeps_its_words(studio):
    paste(studio, "Words typed before the drop.")
    drop(studio, ("photo.txt", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 74, 70, 73, 70, 0, 1]))
    told(studio, "photo.txt is not UTF-8 text")
    drop(studio, ("huge.txt", ["words ", 1_000_000]))
    told(studio, "huge.txt is 6,000,000 bytes; the studio reads at most 1 MB (1,048,576 characters)")
    drop(studio, ("long.txt", ["word ", 250_000]))  # 1.25 M characters, under the bytes read
    told(studio, "long.txt is 1,250,000 characters; the studio reads at most 1 MB")
    drop(studio, ("twitter-archive.zip", [80, 75, 3, 4]))
    told(studio, "twitter-archive.zip is a .zip: an X archive is imported from the Archive tab")
    drop(studio, ("carousel.json", "{}"))
    told(studio, "carousel.json is a .json file: a Carousel Studio project opens from the Project file tab")
    drop(studio, ("a.txt", "one"), ("b.txt", "two"))
    told(studio, "Drop one file at a time")
    assert box_value(studio) == "Words typed before the drop."
    assert box_length(studio) == len("Words typed before the drop.")
    import_adding(studio)  # the box's words, not any file's, are what an import reads
    wait(studio, lambda: card_texts(studio)[3:] == ["Words typed before the drop."], timeout=120,
         describe=lambda: state(studio))
