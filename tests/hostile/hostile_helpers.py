"""Builders shared by the hostile-input tests."""
from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable

import httpx

from studio.carousel import Carousel
from studio.project_file import carousel_to_json
from studio.slide import Slide


def project_json(title: str = "Hook", **carousel_fields) -> str:
    """A valid project file whose cover slide has ``title`` written as a JSON escape (lone surrogates survive)."""
    text = carousel_to_json(Carousel(name="Poison test", slides=[Slide("cover", "PLACEHOLDER"), Slide(body="body")],
                                     **carousel_fields), indent=None)
    return text.replace('"PLACEHOLDER"', json.dumps(title, ensure_ascii=True))


STATIC = "/studio-static/studio.css"


class StaticRequests:
    """A static file fetched again and again, as a browser's other requests would be, while a test does heavy
    work on the same server; counts the requests answered while ``busy()`` held.

    The tests assert *that* requests were answered while the work was under way, never how long they waited:
    work done on the event loop in one go lets none through, whatever the machine's speed or load. The waits are
    printed for a reader, not asserted (a bound on them failed on a loaded machine)."""

    def __init__(self, client: httpx.AsyncClient, busy: Callable[[], bool], pause: float = 0.01) -> None:
        self.client, self.busy, self.pause = client, busy, pause
        self.waits: list[float] = []
        self.answered_while_busy = 0
        self._stop = asyncio.Event()
        self._task: asyncio.Task | None = None

    async def __aenter__(self) -> StaticRequests:
        self._task = asyncio.create_task(self._fetch())
        while not self.waits:  # flowing before the work begins
            await asyncio.sleep(0.01)
        return self

    async def __aexit__(self, *exc) -> None:
        self._stop.set()
        await self._task

    async def _fetch(self) -> None:
        while not self._stop.is_set():
            started = time.perf_counter()
            response = await self.client.get(STATIC)
            assert response.status_code == 200
            self.waits.append(time.perf_counter() - started)
            # Answered while the work goes on: only an event loop left free between its steps can answer it.
            # (Not "sent and answered": on a loaded machine one request could outlast a short piece of work.)
            self.answered_while_busy += self.busy()
            await asyncio.sleep(self.pause)

    def worst_ms(self) -> float:
        """The longest a request took, in ms (for printing)."""
        return max(self.waits) * 1000
