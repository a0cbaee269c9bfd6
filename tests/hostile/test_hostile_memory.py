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


async def test_a_page_no_browser_opens_is_dropped_early(studio):
    """A script fetching the page again and again holds each page for UNOPENED_PAGE_S, not NiceGUI's minute."""
    from components import memory
    before = set(Client.instances)
    response = await studio.http_client.get("/")
    assert response.status_code == 200
    (fetched,) = [Client.instances[cid] for cid in Client.instances if cid not in before]
    memory.drop_unopened_pages()
    assert fetched.id in Client.instances  # young: a browser may still connect to it
    fetched.created -= memory.UNOPENED_PAGE_S + 1  # as if fetched that long ago, and never opened
    memory.drop_unopened_pages()
    assert fetched.id not in Client.instances
    assert studio.client.id in Client.instances  # the connected page stays


class _FetchedPage:
    """What ``drop_unopened_pages`` reads of a page: fetched long ago, no browser connected."""

    def __init__(self, name: str, deleted: list[str]) -> None:
        self.id, self.deleted = name, deleted
        self.has_socket_connection = False
        self._delete_tasks = {}
        self.created = 0.0  # long before UNOPENED_PAGE_S ago

    def delete(self) -> None:
        self.deleted.append(self.id)
        del Client.instances[self.id]


def test_unopened_pages_are_deleted_one_per_turn_of_the_loop(monkeypatch):
    """Ten clients fetching pages left 10-20 unopened pages per check; deleted in one go, they held up every
    request for up to 0.65 s. Now one goes at once and the others one per turn, with the loop free between."""
    from components import memory
    deleted: list[str] = []
    pages = {name: _FetchedPage(name, deleted) for name in ("a", "b", "c", "d")}
    monkeypatch.setattr(Client, "instances", dict(pages))

    async def check() -> list[list[str]]:
        seen = []
        memory.drop_unopened_pages()
        seen.append(list(deleted))
        pages["c"].has_socket_connection = True  # a browser opens this page meanwhile: it stays
        memory.drop_unopened_pages()  # the next check while the others are still going: no second round
        while memory._dropping is not None and not memory._dropping.done():
            await asyncio.sleep(0)
            if deleted != seen[-1]:
                seen.append(list(deleted))
        return seen

    seen = asyncio.run(check())
    assert seen == [["a"], ["a", "b"], ["a", "b", "d"]]
    assert list(Client.instances) == ["c"]


async def test_a_closed_page_goes_without_a_garbage_collection(studio):
    """Reference counting frees a deleted page's elements: the full collection that used to free them
    walked every live page and held up every browser. What is left for the collector is a handful of
    objects per page, none of them an element's props, classes or style."""
    from nicegui.props import Props
    response = await studio.http_client.get("/")
    assert response.status_code == 200
    page = max(Client.instances.values(), key=lambda client: client.created)
    elements = len(page.elements)
    assert elements > 100
    gc.collect()
    gc.disable()
    try:
        page.delete()
        del page
        gc.set_debug(gc.DEBUG_SAVEALL)  # what a collection would free is kept in gc.garbage, to be counted
        gc.collect()
        left = list(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert not [o for o in left if isinstance(o, Props)]
    assert len(left) < elements  # before: about 5,100 objects for a page of 260 elements


def test_closed_pages_are_tidied_up_once_per_burst(monkeypatch):
    """Many pages closing at once cost one collection and one trim, not one each."""
    from components import memory
    from hand_clock import HandClock
    clock = HandClock()
    tidy = memory.Tidy(every=10, clock=clock)
    runs = []
    monkeypatch.setattr(tidy, "collect", lambda: runs.append("collect"))

    async def burst() -> None:
        for _ in range(20):
            tidy.page_closed()
        assert clock.waiting == 1 and runs == []
        assert clock.advance(10) == 1
        await tidy._task
        tidy.page_closed()  # a page closing after the tidy-up: the next burst
        assert clock.waiting == 1

    asyncio.run(burst())
    assert runs == ["collect"]


def test_a_tidy_up_collects_only_while_few_pages_are_open(monkeypatch):
    """A full collection walks every open page's objects: with many open it would hold up every browser,
    and closed pages no longer need one."""
    from components import memory
    collections = []
    monkeypatch.setattr(memory.gc, "collect", lambda: collections.append(len(Client.instances)))
    tidy = memory.Tidy()
    monkeypatch.setattr(tidy, "trim", None)
    monkeypatch.setattr(Client, "instances", {str(n): None for n in range(memory.FEW_PAGES + 1)})
    tidy.collect()
    assert collections == []
    monkeypatch.setattr(Client, "instances", {str(n): None for n in range(memory.FEW_PAGES)})
    tidy.collect()
    assert collections == [memory.FEW_PAGES]


def test_what_was_drawn_for_pages_goes_once_every_page_is_closed(monkeypatch):
    """Ten browsers editing filled the thumbnails, the export pages drawn ahead and the laid-out pages to their
    bounds (about 240 MB) and the server kept them for nobody after they left."""
    from components import memory
    from components.thumbnails import PAGE_COUNTS, THUMBNAILS
    from studio import render
    from studio.app import exports
    from studio.app.sample import sample_carousel
    from studio.carousel import Carousel

    THUMBNAILS._keep("a tile", "<svg/>")
    PAGE_COUNTS.keep(Carousel(), [1])
    exports.DRAWN.put("a page", b"png")
    render.render_slides(sample_carousel())
    monkeypatch.setattr(memory.Tidy, "collect", lambda self: None)
    monkeypatch.setattr(Client, "instances", {"open": None})
    asyncio.run(memory.Tidy().tidy())
    assert THUMBNAILS.get("a tile") and exports.DRAWN.get("a page") and render._PAGE_CACHE  # a page is open
    monkeypatch.setattr(Client, "instances", {})
    asyncio.run(memory.Tidy().tidy())
    assert THUMBNAILS.get("a tile") is None and THUMBNAILS.size == 0 and not PAGE_COUNTS.known(Carousel())
    assert exports.DRAWN.get("a page") is None and len(exports.DRAWN) == 0
    assert not render._PAGE_CACHE


def test_what_start_up_freed_goes_back_to_the_system_soon_after(monkeypatch):
    """Start-up frees much of what it made in threads (6-24 MB of their malloc arenas); it stayed resident until
    the first visitor's page closed. Now it is handed back TIDY_EVERY_S after start, in a thread."""
    import gc
    import threading

    from components import memory
    from hand_clock import HandClock
    monkeypatch.setattr(memory, "THRESHOLDS", gc.get_threshold())  # this test process keeps its collector as is
    trims = []
    monkeypatch.setattr(memory, "malloc_trim", lambda: lambda pad: trims.append((pad, threading.current_thread())))
    clock = HandClock()

    async def start() -> None:
        memory.collect_less_often(clock)
        assert trims == [] and clock.waiting == 1
        assert clock.advance(memory.TIDY_EVERY_S) == 1
        await asyncio.gather(*memory._KEPT)

    asyncio.run(start())
    assert [pad for pad, _ in trims] == [0]
    assert trims[0][1] is not threading.main_thread()  # not on the event loop
