"""Memory a closed page leaves behind goes back to the system, and pages no browser opened go early.

A page holds about 12,500 small objects. Once it is deleted, reference counting frees them (its elements'
cycles are broken on removal, ``free_elements_without_collector``), but the allocators keep the freed
space. A tidy-up after pages close gives back what they can with glibc's ``malloc_trim``: most of it when
the server runs on the C library's allocator (``components.allocator``; Python's own keeps every arena
still holding one live object). It runs at most once per ``TIDY_EVERY_S`` seconds, in a thread, so
the loop can answer meanwhile.

What ten editors leave after they go (``benchmarks/load.py --mode edits``; figures over the server warmed by one
browser): no page, client, element or outbox stays; what the first wave fills is bounded (the undo history to its
cap of 100 states, the typed glyphs' outlines and metrics, NiceGUI's weak table of bindable properties, which never
shrinks); Python's live blocks made since the warmed server are under 1 MB and do not grow from wave to wave. The rest
of the resident figure is main-heap pages glibc keeps because a few live blocks sit on each (free lists, per-thread
caches), which ``malloc_trim`` cannot give back; each later wave adds less (+1.3, +0.3, +0.3, +0.2 MB over five).
Clearing CPython's type attribute cache (``forget_attribute_names``) freed thousands of such pinning blocks, and so
did emptying every cache keyed by the words typed (``TEXT_CACHES``): ``wide_spaces`` (up to 2,048 paragraphs) and
``piece_widths`` (1,024 titles), left out of the tidy-up, kept what the edits laid out, made among the pages' objects.
Ten editors, two waves, two runs at once on a machine at load 21-25: +14 / +16 and +13 / +15 MB on the warmed server
without them emptied, +5 / +5 and +4 / +5 MB with (session 19, a quiet machine, before ``wide_spaces`` came:
+3 / +3 / +4). Tried and not kept: glibc mapping blocks of 8 KB and more on their own (``MALLOC_MMAP_THRESHOLD_=8192``)
changed nothing, since glibc maps a block only when the heap would grow. With nobody editing, two waves of pages leave
+0 MB.
Session 22's heap map of the pages kept since the warmed server, a quarter used or less (4.0 MB after wave 1): freed
blocks held for reuse (uvloop's free lists: ~150 handles, ~80 timer handles; asyncio's ~80 future iterators; glibc's
cache of the loop thread's freed blocks, which goes back only when a thread ends) beside a few live ints, dicts and
key tables; pages only new blocks keep (2 MB) hold mostly the undo history's 100 states. Renewing the loop's free
lists took those blocks off the sparse pages but the resident figure did not move (two runs at once: heap +3.7 / +4.6
against +3.8 / +4.9 MB), nor did ending the pools' idle threads: the kinds share pages, so freeing one frees almost
no page. Not kept. Five waves on a busy machine: heap +4.8, +5.6, +6.1, +6.6, +7.1 MB, the same with either change.
Session 23: ten waves (load 14-22) +5 ... +11 MB, rising ~0.6 MB a wave without levelling off, while tracemalloc's
live Python blocks grew by ~0.1 MB over five waves: what grows is pages pinned by few blocks. Among the blocks each
wave leaves for good: ``shared_text.MADE``'s record of what each page's boxes sent (about 100 dicts and deques a
wave), kept for the last 512 pages, deleted or not. Session 24: a deleted page's record now goes ``Made.GONE_S``
(30 s) after the page, then a tidy-up runs (a tab reloading within that time still has its kept typing merged; later
it is taken whole, as after a restart). Two runs at once, four waves, the warm-up's browser making 300 edits first
(so the undo history is full before the baseline): +3, +3, +3, +4 MB (heap +2.6, +3.0, +2.6) against +3, +4, +5, +6
(heap +3.3, +4.3, +4.7) without; session 23's quiet pair without the warm-up's edits: +5, +5, +5, +5 against +5, +6,
+7, +8. What stays is the first wave's high-water mark, no longer a per-wave growth: five waves on the session's
final code +3, +3, +4, +3, +3 MB (heap +2.3 ... +3.1), +2 MB on the fresh start; 0 edits lost.
Session 25, what those 3 MB are (one wave, main and this session's code at once, load ~10, glibc's own figures with
no page open): blocks in use +0.5 / +0.3 MB over the warmed server (78.3 -> 78.8, 78.2 -> 78.5 MB) while the resident
figure is +3 / +2 MB; the live part is the typed glyphs' outlines (fontTools programs and coordinates +6 each, arrays
+12) and 53 weak references with their callbacks, reachable and bounded by the glyphs typed. The rest, ~2-2.5 MB, is
free memory on heap pages each still holding a few live blocks: a high-water mark of the allocator, which
``malloc_trim`` cannot give back (it returns whole free pages) and which a second wave does not raise.
"""
from __future__ import annotations

import asyncio
import gc
import importlib
import re
import sys
import time
import typing
from collections.abc import Callable

from nicegui import Client, app
from nicegui.logging import log
from nicegui.observables import ObservableDict
from nicegui.element import Element
from nicegui.elements.tabs import Tab

from studio import render
from studio.app import exports

from . import view
from .allocator import malloc_trim
from .nicegui_seams import waits_for_reconnect
from .thumbnails import PAGE_COUNTS, STRIP_PAGES, THUMBNAILS

TIDY_EVERY_S = 10.0  # a burst of closing pages is tidied up once, this long after the first one
# the young generations as Python has them (small, quick collections); a full collection after 1,000 of the
# middle ones (7 million allocations, about 500 page builds) unless a tidy-up came first
THRESHOLDS = (700, 10, 1000)
FEW_PAGES = 3  # open pages up to which a full collection is quick (tens of ms): a tidy-up collects then
UNOPENED_PAGE_S = 30.0  # a page no browser connected to for this long is dropped (NiceGUI's own limit: 60 s)
UNOPENED_CHECK_S = 5.0  # how often pages are checked for that
DROP_PAUSE_S = 0.01  # between two unopened pages deleted: requests waiting on the loop go through
# Layout and reading caches keyed by the words on the slides (module -> functions): every typed title adds entries,
# so ten editors fill them to their bounds (about 5 MB after 600 titles). Those keyed by a face, a letter or a glyph
# (font metrics, shaping fonts, outlines) stay: few entries, and each costs a font file read to fill again.
TEXT_CACHES = {"studio.text": ("prepare", "_reshape", "uncovered", "assign_fonts", "_para_ems", "_shaped", "_leads",
                               "_segments", "_segment_starts", "wrap_from", "widest_piece", "line_runs",
                               "para_ems", "wide_spaces", "piece_widths"),
               "studio.shaping": ("shape",),
               "studio.reading": ("unflatten", "headline_and_body", "written_rows"),
               "studio.links": ("target", "shown"),
               "studio.layouts.templates": ("unbreakable",),
               "studio.layouts.base": ("_photo_uri", "_readable_tables")}


class Tidy:
    """After pages close: forget the routes they registered, collect, and return free memory to the system."""

    def __init__(self, every: float = TIDY_EVERY_S, clock: view.Clock | None = None) -> None:
        self.every = every
        self.clock = clock
        self.due = False
        self.trim = malloc_trim()
        self._task: asyncio.Task | None = None

    def page_closed(self) -> None:
        """Called for every deleted page: schedules one tidy-up for the whole burst."""
        if self.due:
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # not on the server's loop (a script deleting pages): nothing to schedule on
            return
        self.due = True
        (self.clock or view.CLOCK).start_timer(self.every, self._start)

    def _start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self.tidy())  # kept: a task only weakly held may vanish

    async def tidy(self) -> None:
        self.due = False
        forget_route_handlers()
        for step in drawing_caches():
            if Client.instances:  # a page opened meanwhile: what is left stays for it
                break
            step()
            await asyncio.sleep(0)  # requests waiting go between two caches: all at once held the loop 0.2-0.4 s
        await asyncio.to_thread(self.collect)

    def collect(self) -> None:
        """A full collection only while few pages are open: closed pages need none (see
        ``free_elements_without_collector``), and one over many live pages holds up every browser.
        The names the type attribute cache keeps go first (``forget_attribute_names``)."""
        forget_attribute_names()
        if len(Client.instances) <= FEW_PAGES:
            gc.collect()
        if self.trim is not None:
            self.trim(0)


def forget_attribute_names() -> None:
    """Let go of the names CPython's type attribute cache keeps (``sys._clear_type_cache``).

    Python 3.11 remembers its last 4,096 attribute lookups with a strong reference to each name, slotted by the
    name's address: a name made on the fly is a new string each time and takes a slot of its own. NiceGUI looks
    up ``'___' + name`` for every bindable property it reads or sets, and unpickling an undo state looks up each
    class by a name read from the bytes. Ten editors left thousands of such strings alive after they went,
    60-80 bytes each, made among the pages' objects and scattered over the heap's pages, each keeping a page
    of otherwise free memory from going back (``benchmarks/load_probe/heapmap.py``: ``'___enabled'`` x394,
    ``'Carousel'`` x69 ... on the sparse pages kept after the load). The cache fills again from the next
    lookups, with the names in use."""
    clear = getattr(sys, "_clear_type_cache", None)
    if clear is not None:
        clear()


def forget_drawings() -> None:
    """Once every page is closed, drop what was drawn for them: the thumbnails (up to 48 MB of SVG), the export
    pages drawn ahead (up to 24 MB of PNG and PDF, and the last drawing's Futures), the laid-out pages (up to
    64 MB) and the words' line layouts
    (``TEXT_CACHES``). Ten browsers editing for a minute filled them all (600 edits each drew its export ahead,
    ~0.2 MB) and they stayed for nobody; the next page draws what it shows again."""
    for step in drawing_caches():
        step()


def drawing_caches() -> list[Callable[[], None]]:
    """What ``forget_drawings`` empties, one cache a step (the tidy-up lets the loop answer between two)."""
    steps = [THUMBNAILS.clear, STRIP_PAGES.clear, PAGE_COUNTS.clear, exports.forget_drawn, render.clear_cache]
    for module, names in TEXT_CACHES.items():
        functions = vars(importlib.import_module(module))
        steps += [functions[name].cache_clear for name in names]
    return steps


def collect_less_often(clock: view.Clock | None = None) -> None:
    """Full collections rarely (``Tidy`` runs one while few pages are open), with what the server holds from its
    start on (modules, fonts, the application) out of the collector's sight. Once per process (the tests start the
    studio many times in one).

    A full collection walks every object and holds up every browser meanwhile: a page holds about 10,000
    of them, and ten clients loading pages keep a hundred or more pages alive. Python started one every
    time the objects grew by a quarter: 23 collections in 70 s of load, up to 2.4 s each (18.7 s in all).
    The young generations are still collected as usual, and 7 million allocations still bring a full
    collection when no page closes for a long time.

    Then, ``TIDY_EVERY_S`` later, free memory goes back to the system, as after pages close: start-up frees
    much of what it made in threads (6-24 MB of the other threads' malloc arenas, smaps), which stayed
    resident until the first visitor's page closed (load.py: the server sat 5-13 MB lower after one browser
    came and left)."""
    if gc.get_threshold() != THRESHOLDS:
        gc.collect()
        gc.freeze()
        gc.set_threshold(*THRESHOLDS)
    trim = malloc_trim()
    if trim is not None:  # what start-up freed goes back too, as after pages close
        (clock or view.CLOCK).start_timer(TIDY_EVERY_S, lambda: _keep(asyncio.to_thread(trim, 0)))


_KEPT: set[asyncio.Future] = set()


def _keep(work) -> None:
    """Run ``work`` (a coroutine) as a task held until it is done (a task only weakly held may vanish)."""
    task = asyncio.ensure_future(work)
    _KEPT.add(task)
    task.add_done_callback(_KEPT.discard)


def forget_route_handlers() -> None:
    """Let closed pages' route handlers go.

    FastAPI remembers every route handler it has classified (lru caches of 4,096 entries). Each
    ``ui.upload`` registers a handler of its own that holds its page, so every page load stayed in
    memory (2–4 MB) until 4,096 handlers later. Emptying these caches costs one re-classification of
    the routes still in use; once per tidy-up, not once per page, so that the new entries do not land
    between the pages' freed objects and keep their memory from being given back.
    """
    from fastapi.dependencies import models
    for value in vars(models).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()
    forget_route_types()


def forget_route_types() -> None:
    """Let go of what each page's upload route left in Python's own caches: its path's pattern (``re``'s cache, 512
    entries) and its answer's ``Annotated[dict[str, str], FieldInfo]`` (``typing``'s, 128 a kind). Bounded, but ten
    editors a wave added eleven of each, for good until full (load.py ``--waves``: FieldInfo, _AnnotatedAlias,
    GenericAlias, re.Pattern +11 a wave). They fill again from what is in use."""
    re.purge()
    for clear in list(getattr(typing, "_cleanups", ())):  # typing's private list of its caches' clear functions
        clear()


def drop_unopened_pages() -> None:
    """Delete pages that no browser connected to within UNOPENED_PAGE_S (a script or a bot fetched them).

    A browser connects within a second or two of receiving the page; one that comes later than this
    finds its page gone and loads it again, as after a server restart.

    One page now, the others one per turn of the event loop with a short pause between (``DROP_PAUSE_S``):
    deleting a page costs about 30 ms, and ten clients fetching pages left 10-20 of them per check, which
    deleted in one go held up every request for 0.4-0.65 s. A check while earlier pages are still being
    deleted leaves the newly stale ones to the next check.
    """
    global _dropping
    if _dropping is not None and not _dropping.done() and _dropping.get_loop().is_running():
        return
    stale = _unopened_pages()
    if not stale:
        return
    _delete(stale[0])
    if len(stale) > 1:
        _dropping = asyncio.get_running_loop().create_task(_delete_in_turns(stale[1:]))


_dropping: asyncio.Task | None = None  # the pages being deleted one per turn (kept: a weakly held task may vanish)


def _unopened_pages() -> list[Client]:
    return [client for client in list(Client.instances.values()) if _unopened(client)]


def _unopened(client: Client) -> bool:
    """A page no browser has connected to for UNOPENED_PAGE_S (as NiceGUI's own pruning finds them)."""
    return (client.id in Client.instances and not client.has_socket_connection and not waits_for_reconnect(client)
            and client.created <= time.time() - UNOPENED_PAGE_S)


async def _delete_in_turns(clients: list[Client]) -> None:
    for client in clients:
        await asyncio.sleep(DROP_PAUSE_S)
        if _unopened(client):  # a browser may have connected meanwhile
            _delete(client)


def _delete(client: Client) -> None:
    try:
        client.delete()
    except Exception:  # as NiceGUI's pruning does: one page failing to go must not keep the others
        log.exception("Error while deleting an unopened page")


def forget_tab_storage(client: Client) -> None:
    """A deleted page's browser-tab storage goes with it, when it holds nothing and no open page is of that tab.

    NiceGUI makes an ``app.storage.tab`` for every new browser tab that connects and keeps it in memory for 30
    days after the tab has gone (``max_tab_storage_age``); the studio stores nothing there, so every visit left
    one behind: ten per wave of ten editors, for good (load.py ``--waves``). A reload's page is of the same tab
    and keeps it (NiceGUI pins a page to the tab that opened it)."""
    tab_id = getattr(client, "_pinned_tab_id", None)  # NiceGUI's private name, looked up softly
    tabs = getattr(app.storage, "_tabs", None)
    tab = tabs.get(tab_id) if isinstance(tabs, dict) and tab_id else None
    if type(tab) is ObservableDict and not tab and all(
            other is client or getattr(other, "_pinned_tab_id", None) != tab_id for other in Client.instances.values()):
        del tabs[tab_id]


def free_elements_without_collector() -> None:
    """A removed element's props, classes and style go with it by reference counting, not in a collection.

    Each of the three is a cycle of NiceGUI's: it lists its own method as its change handler. So every
    element of a closed page waited for a full collection: about 5,100 objects of a page's 12,500, and a
    full collection walks every live page's objects too, holding up every browser (up to 2.2 s with ten
    clients loading pages). After an element is removed its changes have nowhere to go, so the handlers
    are dropped. Installed once: NiceGUI's client removes every element through ``remove_elements``.
    """
    remove = Client.remove_elements
    if getattr(remove, "frees_without_collector", False):
        return

    def remove_elements(client: Client, elements) -> None:
        elements = list(elements)
        remove(client, elements)
        for element in elements:
            _break_cycles(element)

    remove_elements.frees_without_collector = True
    Client.remove_elements = remove_elements


def _break_cycles(element: Element) -> None:
    """NiceGUI's private parts, looked up softly: should a new NiceGUI rename them, pages wait for a
    collection again (test_hostile_memory fails) instead of every removal failing."""
    parts = (getattr(element, name, None) for name in ("_props", "_classes", "_style"))
    for handlers in [getattr(part, "_change_handlers", None) for part in parts] + [
            getattr(element, "_change_handlers", None)]:  # the last: a value element's on_value_change handlers
        if isinstance(handlers, list):
            handlers.clear()
    if isinstance(element, Tab):  # a tab and its tabs refer to each other (the tabs' value is the tab)
        element.tabs = None
