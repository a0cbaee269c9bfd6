"""A 400 KB paste never holds up the other requests: static files keep answering while it is read.

Measured in-process (the ``user`` fixture's server): a static file is fetched every 100 ms through
the same ASGI app and event loop that handle the paste, so any work done on the loop shows as a wait.
The bounds are ratios of the same run, not wall-clock constants: were the paste read on the event loop,
one static request would wait about as long as the reading took (0.5 s here; before, the studio froze).
"""
from __future__ import annotations

import asyncio
import gc
import time

import httpx
from nicegui import app
from nicegui.testing.user_interaction import UserInteraction

STATIC = "/studio-static/studio.css"
GOAL = 0.2  # the goal: no static request waits more than 200 ms


async def _statics(client: httpx.AsyncClient, waits: list[float], stop: asyncio.Event) -> None:
    """A static request every 100 ms; each wait counts from when it was due, as a browser's request would
    sit on its socket while the server's loop is busy."""
    due = time.perf_counter()
    while True:
        response = await client.get(STATIC)
        assert response.status_code == 200
        waits.append(time.perf_counter() - due)
        if stop.is_set():
            return
        due = time.perf_counter() + 0.1
        try:
            await asyncio.wait_for(stop.wait(), 0.1)
        except asyncio.TimeoutError:
            pass
        due = min(due, time.perf_counter())  # stopped early: due now


async def _notified(user, words: str, timeout: float = 120.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not user.notify.contains(words):
        assert asyncio.get_running_loop().time() < deadline, f"no notice with {words!r}"
        await asyncio.sleep(0.05)


async def test_static_requests_answer_while_a_400_kb_paste_is_read(studio):
    (box,) = [e for e in studio.client.elements.values() if e.props.get("data-testid") == "source-input"]
    (button,) = [e for e in studio.client.elements.values() if e.props.get("data-testid") == "source-import"]
    paste = "x" * 400_000  # the case: one 400 KB word (it froze every request for 23 s)
    # The pages of earlier tests in this process are garbage now: collected here, not in the middle of the
    # measurement (a collection of them cost 0.22 s after the 120-post tests and failed the bound).
    gc.collect()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://studio") as client:
        baseline: list[float] = []
        stop = asyncio.Event()
        watcher = asyncio.create_task(_statics(client, baseline, stop))
        await asyncio.sleep(1.5)  # the same requests with nothing else going on
        stop.set()
        await watcher

        waits: list[float] = []
        stop = asyncio.Event()
        watcher = asyncio.create_task(_statics(client, waits, stop))
        await asyncio.sleep(0.3)  # requests are flowing when the paste comes
        started = time.perf_counter()
        with studio:
            box.set_value(paste)
        UserInteraction(studio, {button}, None).click()
        await _notified(studio, "at most 300")
        reading = time.perf_counter() - started
        stop.set()
        await watcher

    assert studio.shared.document.carousel.thread.posts  # refused: the open project is as it was
    worst, usual = max(waits), max(baseline)
    print(f"reading {reading:.2f} s; static waits: worst {worst * 1000:.0f} ms of {len(waits)}, "
          f"worst with nothing going on {usual * 1000:.0f} ms")
    # On the event loop, a request sent at most 0.1 s after the reading began would wait for the rest of it
    # (at least 3/4 of it once the reading takes 0.4 s or more); off it, no longer than requests wait anyway
    # on this machine. Both bounds scale with the machine's load. (A read that is over in a fraction of a
    # second cannot tell the two apart: then the goal is the bound.)
    assert worst < max(GOAL, 0.75 * reading), (worst, reading)
    assert worst < max(GOAL, 3 * usual), (worst, usual)
