"""Builders shared by the hostile-input tests."""
from __future__ import annotations

import asyncio
import json
import time

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


async def static_waits(client: httpx.AsyncClient, waits: list[float], stop: asyncio.Event) -> None:
    """A static request every 100 ms until ``stop``; each wait counts from when it was due, as a browser's request
    would sit on its socket while the loop is busy (this client shares the server's loop: its own timer waits too)."""
    due = time.perf_counter()
    while not stop.is_set():
        response = await client.get(STATIC)
        assert response.status_code == 200
        waits.append(time.perf_counter() - due)
        due = time.perf_counter() + 0.1
        await asyncio.sleep(0.1)
