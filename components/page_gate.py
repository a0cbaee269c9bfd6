"""Pages are built one at a time, so a burst of page loads cannot crowd out the pages already open.

A page is built in steps that let the event loop serve other work between them (``StudioPage.build``).
Ten page loads at once would interleave their steps, and a static file or an edit of an open page would
wait behind a step of each of them. Through this gate one page is built at a time; the others wait their
turn without using the loop. The gate opens again as soon as the page's response starts, so a client that
reads its page slowly (or never) holds up nobody.
"""
from __future__ import annotations

import asyncio
import weakref
from typing import Any

from . import nicegui_seams

PAGE_TIMEOUT_S = 60.0  # NiceGUI breaks a page not built within 3 s; built in steps under load it may take longer


class PageGate:
    """ASGI middleware: GET requests for pages (any path but ``passes``) go through one at a time."""

    def __init__(self, app: Any, *, passes: tuple[str, ...]) -> None:
        self.app = app
        self.passes = passes
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = \
            weakref.WeakKeyDictionary()  # one per event loop (the tests run one per test)

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or scope["path"].startswith(self.passes):
            await self.app(scope, receive, send)
            return
        lock = self._locks.setdefault(asyncio.get_running_loop(), asyncio.Lock())
        await lock.acquire()
        held = True

        async def send_and_open(message: dict) -> None:
            nonlocal held
            if held and message["type"] == "http.response.start":
                held = False
                lock.release()
            await send(message)

        try:
            await self.app(scope, receive, send_and_open)
        finally:
            if held:
                lock.release()


def allow_slow_builds() -> None:
    """Give a page PAGE_TIMEOUT_S to be built. NiceGUI serves the studio's page with its own default of 3 s,
    after which it throws the page away and answers with an error: a page built in steps on a loaded machine,
    with other work going between them, can take longer than that and is still on its way."""
    nicegui_seams.set_root_page_timeout(PAGE_TIMEOUT_S)
