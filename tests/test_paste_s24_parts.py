"""The paste box's server side of a drop Ctrl+Z cannot take back and of a saved page dropped (their browser side:
tests/test_paste_s24_drop.py in Chromium)."""
from __future__ import annotations

from components.paste_source import DROP, PAGE_FILE, TEXT_FILE, dropped_message
from ui_helpers import trigger


def test_a_long_drop_says_plainly_ctrl_z_cannot_take_it_back():
    message, kind = dropped_message({"name": "n.txt", "chars": 20_000, "undoable": False, "total": 20_000})
    assert "Ctrl+Z cannot take back a drop this long: “Put back what was there”, under the box" in message
    assert kind == "info"
    assert "Ctrl+Z" not in dropped_message({"name": "n.txt", "chars": 200, "undoable": True})[0]


def test_a_saved_page_is_taken_and_named_as_a_page():
    assert "PAGE_FILE" not in DROP and PAGE_FILE in DROP and TEXT_FILE in DROP
    message, kind = dropped_message({"name": "thread.html", "chars": 900, "page": True})
    assert message == "thread.html is in the box (the page's text): click Import thread to read it as a copy of its page."
    assert "or a saved page (.html)" in dropped_message({"name": "a.pdf", "problem": "kind"})[0]


async def test_put_back_is_offered_while_the_box_holds_what_the_drop_made(studio, testid):
    box = testid(studio, "source-input")[0]
    row = testid(studio, "paste-put-back-row")[0]
    assert not row.visible
    trigger(studio, box, "drop", {"name": "long.txt", "chars": 20, "undoable": False, "total": 20})
    await studio.should_see("Ctrl+Z cannot take back a drop this long")
    assert row.visible
    box.value = "x" * 20  # the drop's value, come after its report
    assert row.visible
    box.value = "x" * 21  # typed into
    assert not row.visible
