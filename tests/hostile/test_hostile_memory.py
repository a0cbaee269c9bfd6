"""A page load's memory goes when its page is closed: nothing keeps a deleted page alive.

Each page held itself in memory through its upload handlers, which the web framework kept in its
caches (4,096 entries): every page load stayed, 2–4 MB each (issue 13: 112 → 454 MB over a load run).
"""
from __future__ import annotations

import asyncio
import gc

import pytest
from nicegui import Client

PAGES = 6


def _deleted_pages_in_memory() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Client) and o.id not in Client.instances)


@pytest.mark.slow  # stress: seven page loads and repeated full garbage collections
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


@pytest.fixture
def pages_checked_often(monkeypatch):
    """The studio checks for unopened pages every 0.1 s instead of 5 s (set before it starts)."""
    from components import memory
    monkeypatch.setattr(memory, "UNOPENED_CHECK_S", 0.1)


async def test_a_page_no_browser_opens_is_dropped_early(pages_checked_often, studio):
    """A script fetching the page again and again holds each page for UNOPENED_PAGE_S, not NiceGUI's minute."""
    from components import memory
    assert memory.UNOPENED_PAGE_S < 60
    before = set(Client.instances)
    response = await studio.http_client.get("/")
    assert response.status_code == 200
    (fetched,) = [cid for cid in Client.instances if cid not in before]
    Client.instances[fetched].created -= memory.UNOPENED_PAGE_S  # time moved by hand: fetched that long ago
    give_up = asyncio.get_running_loop().time() + 60
    while fetched in Client.instances and asyncio.get_running_loop().time() < give_up:
        await asyncio.sleep(0.05)
    assert fetched not in Client.instances
    assert studio.client.id in Client.instances  # the connected page stays


def test_closed_pages_are_tidied_up_once_per_burst(monkeypatch):
    """Many pages closing at once cost one collection and one trim, not one each."""
    from components import memory
    tidy = memory.Tidy(every=0.05)
    runs = []
    monkeypatch.setattr(tidy, "collect", lambda: runs.append("collect"))

    async def burst() -> None:
        for _ in range(20):
            tidy.page_closed()
        while not runs:
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)

    asyncio.run(burst())
    assert runs == ["collect"]
    assert not tidy.due
