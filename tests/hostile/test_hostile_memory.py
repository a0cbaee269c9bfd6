"""A page load's memory goes when its page is closed: nothing keeps a deleted page alive.

Each page held itself in memory through its upload handlers, which the web framework kept in its
caches (4,096 entries): every page load stayed, 2–4 MB each (issue 13: 112 → 454 MB over a load run).
"""
from __future__ import annotations

import asyncio
import gc

from nicegui import Client

PAGES = 6


def _deleted_pages_in_memory() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Client) and o.id not in Client.instances)


async def test_closed_pages_are_freed(studio):
    before = set(Client.instances)
    for _ in range(PAGES):  # browsers that load the page and leave
        response = await studio.http_client.get("/")
        assert response.status_code == 200
    opened = [client for cid, client in Client.instances.items() if cid not in before]
    assert len(opened) == PAGES
    for client in opened:
        client.delete()  # what NiceGUI does once the browser has gone
    del opened, client
    # Thumbnails still being drawn for them hold them until they are done; then they must go.
    # The last one may stay referenced by the request just served.
    give_up = asyncio.get_running_loop().time() + 90
    while _deleted_pages_in_memory() > 1 and asyncio.get_running_loop().time() < give_up:
        await asyncio.sleep(0.5)
    assert _deleted_pages_in_memory() <= 1
