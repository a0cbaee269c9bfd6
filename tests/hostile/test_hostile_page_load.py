"""Browsers loading pages never hold up the pages already open: static files keep answering meanwhile.

A page is built in steps that let other requests go between them, and one page at a time
(``components.page_gate``). Built in one go and all at once, a static request sent while several pages
were loading waited for all of them (load.py, 10 clients: static p95 11 s).
"""
from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from hostile_helpers import StaticRequests
from nicegui import app

from components.page import StudioPage
from components.page_gate import PageGate

PAGES = 6


async def _page(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 200 and "slide-preview" in response.text


@pytest.mark.slow  # stress: six studio pages built at once
async def test_static_requests_answer_while_pages_load(studio, monkeypatch):
    building = 0
    build = StudioPage.build

    async def counted_build(page):
        nonlocal building
        building += 1
        try:
            await build(page)
        finally:
            building -= 1

    monkeypatch.setattr(StudioPage, "build", counted_build)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://studio") as client:
        async with StaticRequests(client, busy=lambda: building > 0) as statics:
            started = time.perf_counter()
            await asyncio.gather(*(_page(client) for _ in range(PAGES)))
            loading = time.perf_counter() - started
    print(f"{PAGES} pages at once {loading:.2f} s; while they were built, {statics.answered_while_busy} static "
          f"requests were answered, the slowest in {statics.worst_ms():.0f} ms")
    # Built in steps, a page lets requests through between them; built in one go, none could be answered while
    # a page was being built (the gate builds one at a time, so the requests would only go between pages).
    assert statics.answered_while_busy >= 2


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
