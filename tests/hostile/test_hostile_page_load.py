"""Browsers loading pages never hold up the pages already open: static files keep answering meanwhile.

A page is built in steps that let other requests go between them, and one page at a time
(``components.page_gate``). Built in one go and all at once, a static request sent while several pages
were loading waited for all of them (load.py, 10 clients: static p95 11 s).
"""
from __future__ import annotations

import asyncio
import statistics
import time

import httpx
from hostile_helpers import static_waits
from nicegui import app

from components.page_gate import PageGate

GOAL = 0.2  # the goal: no static request waits more than 200 ms
PAGES = 6


async def _page(client: httpx.AsyncClient) -> float:
    started = time.perf_counter()
    response = await client.get("/")
    assert response.status_code == 200 and "slide-preview" in response.text
    return time.perf_counter() - started


async def test_static_requests_answer_while_pages_load(studio):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://studio") as client:
        alone = statistics.median([await _page(client) for _ in range(3)])  # one page, nothing else going on
        waits: list[float] = []
        stop = asyncio.Event()
        watcher = asyncio.create_task(static_waits(client, waits, stop))
        await asyncio.sleep(0.3)  # requests are flowing when the browsers come
        started = time.perf_counter()
        await asyncio.gather(*(_page(client) for _ in range(PAGES)))
        loading = time.perf_counter() - started
        stop.set()
        await watcher
    worst = max(waits)
    print(f"one page alone {alone:.2f} s; {PAGES} pages at once {loading:.2f} s; "
          f"static waits: worst {worst * 1000:.0f} ms of {len(waits)}")
    # Built in one go, a static request sent as the pages came waited for all of them (about PAGES × alone);
    # in steps, one page at a time, it waits for one step. Both scale with the machine's load.
    # Half of what one go would give keeps a margin for a loaded machine (2 × alone failed once at load 10:
    # 0.62 s against 0.48 s) and still fails the old build (3.76 s against a 2.31 s bound at 2 × alone).
    assert worst < max(GOAL, PAGES / 2 * alone), (worst, alone)


async def _asgi_calls(gate: PageGate, paths: list[str]) -> list[str]:
    """Send one GET per path through ``gate`` at once; what the app behind it saw, in order."""
    seen: list[str] = []
    release = asyncio.Event()

    async def behind(scope, receive, send):
        seen.append(f"start {scope['path']}")
        if scope["path"] == "/":
            await release.wait()  # the first page is still being built
        await send({"type": "http.response.start", "status": 200, "headers": []})
        seen.append(f"answered {scope['path']}")
        await asyncio.sleep(0.01)  # its body goes out while the next page may start
        await send({"type": "http.response.body", "body": b""})

    gate.app = behind

    async def request(path: str) -> None:
        async def send(message):
            pass
        await gate({"type": "http", "method": "GET", "path": path}, None, send)

    tasks = [asyncio.create_task(request(path)) for path in paths]
    for _ in range(20):
        await asyncio.sleep(0)
    release.set()
    await asyncio.gather(*tasks)
    return seen


async def test_pages_go_through_the_gate_one_at_a_time():
    gate = PageGate(None, passes=("/studio-static/",))
    seen = await _asgi_calls(gate, ["/", "/other", "/studio-static/studio.css"])
    # The static file went past the page being built; the second page started once the first answered.
    assert seen.index("answered /studio-static/studio.css") < seen.index("answered /")
    assert seen.index("answered /") < seen.index("start /other")
