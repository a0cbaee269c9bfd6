"""The paste box's value as its script sends a long one: in parts (each under the socket's message limit), put back
together whole; over the cap, only its length, and the studio names the cap (tests/test_paste_s22_browser.py pastes
for real in Chromium)."""
from __future__ import annotations

import inspect

import pytest
from nicegui import ui
from nicegui.elements.mixins import value_element

from components import nicegui_seams
from components.paste_size import PART, SEND
from studio.limits import MAX_TEXT_BYTES
from studio.sources.paste import parse_paste
from ui_helpers import click, trigger, until

TEXT = "\n\n---\n\n".join(f'Post {n}: "Why?" she asked.\n"Because," I said. ' + "Words here. " * 900
                          for n in range(1, 31))


def posts(studio) -> list[str]:
    return [p.text for p in studio.shared.document.carousel.thread.posts]


def send_in_parts(studio, box, text: str, parts: list[str] | None = None) -> None:
    parts = parts or [text[i:i + PART] for i in range(0, len(text), PART)]
    for index, part in enumerate(parts):
        trigger(studio, box, "update:value", {"part": part, "index": index, "count": len(parts)})


def test_the_value_listener_is_niceguis_own_until_the_seam_replaces_it():
    """sync_value_with: NiceGUI's value element sends its value through one listener of its own, with the default
    script, registered as ``update:`` its value prop; the seam gives it the studio's script."""
    assert "self.on(f'update:{self.VALUE_PROP}'" in inspect.getsource(value_element.ValueElement.__init__)
    box = ui.textarea()
    nicegui_seams.sync_value_with(box, SEND, lambda handle: handle)
    (listener,) = box._event_listeners.values()
    assert listener.type == "update:value" and listener.js_handler == SEND


@pytest.fixture
def box(studio, testid):
    return testid(studio, "source-input")[0]


@pytest.fixture
def earlier(studio, box) -> list[str]:
    """The box holds a thread pasted before (never to be imported in a later paste's stead); the posts before."""
    box.value = "A thread pasted before.\n\nIts second post."
    return posts(studio)


def import_reads(studio, testid, text: str):
    click(studio, testid(studio, "source-import")[0])
    return until(lambda: posts(studio) == [p.text for p in parse_paste(text).threads[0].posts])


async def test_a_value_sent_in_parts_comes_in_whole_and_is_imported(studio, testid, box):
    assert len(TEXT) > 2 * PART
    send_in_parts(studio, box, TEXT)
    assert box.value == TEXT
    await import_reads(studio, testid, TEXT)


OVER = [{"over": 1_200_000}]
LOST = [{"part": "a" * PART, "index": 0, "count": 3}, {"part": "b" * PART, "index": 1, "count": 3},
        {"part": "c", "index": 2, "count": 4}]  # the last, out of turn: part 2 of 3 never came
COMING = [{"part": "a" * PART, "index": 0, "count": 3}]


@pytest.mark.parametrize("sent, at_once, at_import, emptied", [
    (OVER, "The pasted text is 1,200,000 characters; the studio reads at most 1 MB", "Nothing was imported", True),
    (LOST, "Only 2 of the 3 parts of the pasted text reached the studio: nothing of it was read",
     "Only 2 of the 3 parts", True),
    (COMING, None, "The pasted text is still reaching the studio (1 of 3 parts)", False),
], ids=["over the cap", "a part never came", "parts still coming"])
async def test_a_paste_not_whole_is_named_and_the_box_before_is_not_imported(
        studio, testid, box, earlier, sent, at_once, at_import, emptied):
    """Over the cap (as the browser counted it), a part that never came, or parts still coming when Import is
    clicked: the studio says so, now and at Import, and never reads the text the box held before instead."""
    for args in sent:
        trigger(studio, box, "update:value", args)
    if at_once:
        await studio.should_see(at_once)
    assert (box.value == "") is emptied
    click(studio, testid(studio, "source-import")[0])
    await studio.should_see(at_import)
    assert posts(studio) == earlier


async def test_parts_past_the_cap_or_out_of_turn_are_not_kept(studio, box):
    """A browser sending more than the cap in parts is told the cap; a part out of turn is dropped, not joined."""
    parts = ["x" * PART] * (MAX_TEXT_BYTES // PART + 2)
    send_in_parts(studio, box, "", parts)
    await studio.should_see("the studio reads at most 1 MB")
    assert box.value == ""
    trigger(studio, box, "update:value", {"part": "late", "index": 1, "count": 2})
    trigger(studio, box, "update:value", {"part": "words", "index": 0, "count": 2})
    trigger(studio, box, "update:value", {"part": " here", "index": 1, "count": 2})
    assert box.value == "words here"


SHORT = "Short thread first post.\n\nSecond post here."


async def test_a_new_paste_while_parts_are_missing_names_the_lost_one_and_is_read_itself(studio, testid, box):
    trigger(studio, box, "update:value", {"part": "a" * PART, "index": 0, "count": 2})
    trigger(studio, box, "update:value", SHORT)
    await studio.should_see("Only 1 of the 2 parts of the pasted text reached the studio")
    assert box.value == SHORT
    await import_reads(studio, testid, SHORT)
