"""An edit handed to the open pages a slice of the event loop's turn at a time, the author's page at once.

Each open page redraws what an edit changed (the preview, the strip's thumbnail, the fields), a few
milliseconds each. Handed to ten pages in one go (NiceGUI's ``Event.emit``), one edit held the loop for
the sum: while ten people typed together, a static file or another browser's message waited for up to
ten pages' redraws of several edits (the static-file maximum of issue 13). Here the page whose person
made the change redraws at once (keystroke -> painted as before); every other page hears of it from a
queue drained for at most ``SLICE_S`` a turn of the loop, so the loop reads its sockets between pages' redraws.
Edits that arrive together (ten messages read in one turn) share that slice too: once it is spent, an author's
page goes first in the queue instead of at once.

Each page hears every event in the order they happened: the author's page hears at once only when nothing
is queued for it still. A page deleted while its events wait is skipped. Text edits merge while they wait
(``text_edit``): a page that has one author's edit of a slide's words still queued gets the newest instead of
another entry, so a page that falls behind hears the last text, not every keystroke, and the queue holds at most
one text edit per author, slide and field for each page between two other changes (which are never merged or
passed: slides may have moved). With ``at_once`` (NiceGUI's
simulated browsers in tests, whose checks follow an edit at once) every page hears at once, as ``emit`` does.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter, deque
from collections.abc import Callable, Hashable
from typing import Any

from nicegui import Event

from studio.app.events import SlideChanged

from . import nicegui_seams

log = logging.getLogger("carousel_studio")

SLICE_S = 0.015  # pages handed an edit in one turn of the loop, until this long has passed: a yield after every
# page made the queue drain at the pace of the loop's turns, which on a busy machine fell behind ten typists


class Relay:
    """Hands events of ``event`` (a NiceGUI ``Event`` the pages subscribe to) on, ``slice_s`` of each turn of the loop."""

    def __init__(self, event: Event, at_once: Callable[[], bool] = lambda: False, slice_s: float = SLICE_S,
                 merge_key: Callable[[tuple[Any, ...]], Hashable | None] = lambda args: None) -> None:
        self.event = event
        self.at_once = at_once
        self.slice_s = slice_s
        self.merge_key = merge_key  # events with one key, queued for one page, merge into the newest (None: never)
        self._queue: deque[list] = deque()  # [listener, arguments, merge key], oldest first
        self._queued: Counter[int] = Counter()  # queued events per listener (by id)
        # per listener (by id): its queued entries that a newer event of the same key replaces, since the last
        # queued event without a key (a later one must not move before that)
        self._mergeable: dict[int, dict[Hashable, list]] = {}
        self.merged = 0  # events that replaced a queued one instead of being queued
        self._draining: asyncio.Task | None = None  # the drain under way (kept: a task only weakly referenced may go)
        self._spent = 0.0  # seconds of pages' redraws this turn of the loop (reset by a callback the next turn runs)
        self._turn_marked = False
        self._handed = 0  # pages handed an event this turn

    @property
    def waiting(self) -> int:
        """How many page deliveries are queued."""
        return len(self._queue)

    def emit(self, *args: Any, first: Callable[[Any], bool] | None = None) -> None:
        """Hand ``args`` to every listener: now to those ``first(owner)`` picks (the author's page) when none of
        their earlier events waits, the others in later turns of the loop; in one go without a running loop."""
        listeners = nicegui_seams.listeners(self.event)
        if self.at_once() or not _loop_running():
            for listener in listeners:
                nicegui_seams.hand_to(listener, *args)
            return
        key = self.merge_key(args)
        for listener in listeners:
            if first is not None and not self._queued[id(listener)] and _picked(first, listener):
                if self._left():
                    self._hand(listener, args)
                    continue
                self._queue.appendleft(self._entry(listener, args, key))  # this turn's slice is spent (edits
                # came in together): the author's page goes first in the next; none of its earlier events waits
            elif not self._merge(listener, args, key):
                self._queue.append(self._entry(listener, args, key))
            else:
                continue
            self._queued[id(listener)] += 1
        if self._queue and self._draining is None:
            self._draining = asyncio.get_running_loop().create_task(self._drain(), name="hand an edit to the pages")

    async def _drain(self) -> None:
        try:
            while self._queue:
                if not self._left():
                    await asyncio.sleep(0)  # the loop reads its sockets (requests, other edits) before the next page
                    continue
                listener, args, key = entry = self._queue.popleft()
                self._forget(listener, key, entry)
                if nicegui_seams.still_listening(self.event, listener):
                    self._hand(listener, args)
        finally:
            self._draining = None
            if self._queue:  # stopped early (the server is stopping): nobody hears the rest
                self._queue.clear()
                self._queued.clear()
                self._mergeable.clear()

    def _entry(self, listener: Any, args: tuple[Any, ...], key: Hashable | None) -> list:
        """A queue entry; one with a key is where later events of that key for this listener go."""
        entry = [listener, args, key]
        if key is None:
            self._mergeable.pop(id(listener), None)
        else:
            self._mergeable.setdefault(id(listener), {})[key] = entry
        return entry

    def _merge(self, listener: Any, args: tuple[Any, ...], key: Hashable | None) -> bool:
        """Put ``args`` in place of the queued event of ``key`` for ``listener``, if one waits."""
        entry = self._mergeable.get(id(listener), {}).get(key) if key is not None else None
        if entry is None:
            return False
        entry[1] = args
        self.merged += 1
        return True

    def _left(self) -> bool:
        """Whether this turn of the loop has time left for a page's redraw (the first one always has)."""
        if not self._turn_marked:
            self._turn_marked, self._spent, self._handed = True, 0.0, 0
            asyncio.get_running_loop().call_soon(self._new_turn)
        return not self._handed or self._spent < self.slice_s

    def _new_turn(self) -> None:
        self._turn_marked = False

    def _hand(self, listener: Any, args: tuple[Any, ...]) -> None:
        start = time.perf_counter()
        try:
            nicegui_seams.hand_to(listener, *args)
        finally:
            self._spent += time.perf_counter() - start
            self._handed += 1

    def _forget(self, listener: Any, key: Hashable | None, entry: list) -> None:
        lid = id(listener)
        self._queued[lid] -= 1
        if self._queued[lid] <= 0:
            del self._queued[lid]
        mergeable = self._mergeable.get(lid)
        if mergeable is not None and key is not None and mergeable.get(key) is entry:
            del mergeable[key]
        if mergeable is not None and (not mergeable or lid not in self._queued):
            del self._mergeable[lid]


def text_edit(args: tuple[Any, ...]) -> Hashable | None:
    """The merge key of a change of a slide's words only (``SlideChanged.text_only``): its author, document,
    slide and fields. Its handlers redraw the slide from the document as it is now, so the newest of two such
    events does what both would."""
    event = args[0] if len(args) == 1 else None
    if not isinstance(event, SlideChanged) or not event.text_only:
        return None
    return type(event), id(event.origin), id(event.document), event.slide, event.fields


def _picked(first: Callable[[Any], bool], listener: Any) -> bool:
    try:
        return bool(first(nicegui_seams.listener_owner(listener)))
    except Exception:  # noqa: BLE001 - a listener it cannot judge waits its turn like the others
        log.debug("could not tell whose page a listener is", exc_info=True)
        return False


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True
