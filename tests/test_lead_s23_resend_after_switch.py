"""The plain studio: a slide box's change sent again after a reconnection (no word from the browser before it of
which slide the box showed) is made on the slide the box shows now, never on the slide last typed on."""
from __future__ import annotations

import asyncio

import pytest

from ui_helpers import trigger


def texts(studio, field: str) -> list[str]:
    return [getattr(slide, field) or "" for slide in studio.shared.document.carousel.slides]


@pytest.mark.parametrize(("testid_name", "field"), [("slide-body", "body"), ("slide-alt", "alt_text")])
async def test_a_change_sent_again_after_a_switch_goes_on_the_slide_shown(studio, testid, testid_name, field):
    (box,) = testid(studio, testid_name)
    thumbs = testid(studio, "slide-thumb")
    trigger(studio, thumbs[2], "click")
    typed_first = texts(studio, field)[2] + " A"
    trigger(studio, box, "beforeinput", box.props.get("data-cs-shown"))  # as the browser says before a keystroke
    trigger(studio, box, "update:value", typed_first)
    trigger(studio, thumbs[4], "click")
    await asyncio.sleep(0.1)
    shown = texts(studio, field)[4]
    trigger(studio, box, "update:value", shown + " X")  # resent after a reconnection: no word before it
    await asyncio.sleep(0.1)
    after = texts(studio, field)
    assert after[2] == typed_first
    assert after[4] == shown + " X"
