"""A 400 KB paste never holds up the other requests: static files keep answering while it is read.

In-process (the ``user`` fixture's server): a static file is fetched again and again through the same ASGI app
and event loop that handle the paste.
The test checks that requests are answered while the paste is read, not how long they wait (a bound on the
wait failed on a loaded machine): were the paste read on the event loop, none could be answered meanwhile.
"""
from __future__ import annotations

import asyncio
import threading

import httpx
import pytest
from hostile_helpers import StaticRequests
from nicegui import app
from nicegui.testing.user_interaction import UserInteraction

from components import offload
from studio.app.imports import Imports
from studio.limits import MAX_POSTS

GIVE_UP = 120.0  # seconds; only a broken studio waits this long


async def _until(condition, what: str) -> None:
    deadline = asyncio.get_running_loop().time() + GIVE_UP
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, what
        await asyncio.sleep(0.02)


@pytest.mark.slow  # stress: a 400 KB paste read while static requests run
async def test_static_requests_answer_while_a_400_kb_paste_is_read(studio, monkeypatch):
    (box,) = [e for e in studio.client.elements.values() if e.props.get("data-testid") == "source-input"]
    (button,) = [e for e in studio.client.elements.values() if e.props.get("data-testid") == "source-import"]
    paste = "x" * 400_000  # the case: one 400 KB word (it froze every request for 23 s)
    # The reading is held until requests were seen answered meanwhile, so the check does not depend on how
    # fast this machine reads (0.1 s idle): held on the event loop, it would let none through, and give up.
    release = threading.Event()
    read = Imports.paste

    def held_read(text):
        release.wait(GIVE_UP)
        return read(text)

    monkeypatch.setattr(Imports, "paste", staticmethod(held_read))
    clicked = False
    reading = lambda: clicked and not studio.notify.contains(f"at most {MAX_POSTS}")  # noqa: E731
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://studio") as client:
        async with StaticRequests(client, busy=reading) as statics:
            with studio, offload.in_this_process():  # the patched reader is seen in a thread, not a worker
                box.set_value(paste)
                clicked = True
                UserInteraction(studio, {button}, None).click()
                await _until(lambda: statics.answered_while_busy >= 3 or not reading(), "no request was answered")
                release.set()
                await _until(lambda: studio.notify.contains(f"at most {MAX_POSTS}"), "the paste was not refused")

    assert studio.shared.document.carousel.thread.posts  # refused: the open project is as it was
    print(f"while the paste was read, {statics.answered_while_busy} static requests were answered, "
          f"the slowest in {statics.worst_ms():.0f} ms")
    # Read off the event loop, requests go on being answered meanwhile; read on it, none could be.
    assert statics.answered_while_busy >= 3
