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
is queued for it still. A page deleted while its events wait is skipped. With ``at_once`` (NiceGUI's
simulated browsers in tests, whose checks follow an edit at once) every page hears at once, as ``emit`` does.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter, deque
from collections.abc import Callable
from typing import Any

from nicegui import Event

from . import nicegui_seams

log = logging.getLogger("carousel_studio")

SLICE_S = 0.015  # pages handed an edit in one turn of the loop, until this long has passed: a yield after every
# page made the queue drain at the pace of the loop's turns, which on a busy machine fell behind ten typists


class Relay:
    """Hands events of ``event`` (a NiceGUI ``Event`` the pages subscribe to) on, ``slice_s`` of each turn of the loop."""

    def __init__(self, event: Event, at_once: Callable[[], bool] = lambda: False, slice_s: float = SLICE_S) -> None:
        self.event = event
        self.at_once = at_once
        self.slice_s = slice_s
        self._queue: deque[tuple[Any, tuple[Any, ...]]] = deque()  # (listener, arguments), oldest first
        self._queued: Counter[int] = Counter()  # queued events per listener (by id)
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
        for listener in listeners:
            if first is not None and not self._queued[id(listener)] and _picked(first, listener):
                if self._left():
                    self._hand(listener, args)
                    continue
                self._queue.appendleft((listener, args))  # this turn's slice is spent (edits came in together):
                # the author's page goes first in the next; none of its earlier events waits, so its order holds
            else:
                self._queue.append((listener, args))
            self._queued[id(listener)] += 1
        if self._queue and self._draining is None:
            self._draining = asyncio.get_running_loop().create_task(self._drain(), name="hand an edit to the pages")

    async def _drain(self) -> None:
        try:
            while self._queue:
                if not self._left():
                    await asyncio.sleep(0)  # the loop reads its sockets (requests, other edits) before the next page
                    continue
                listener, args = self._queue.popleft()
                self._forget(listener)
                if nicegui_seams.still_listening(self.event, listener):
                    self._hand(listener, args)
        finally:
            self._draining = None
            if self._queue:  # stopped early (the server is stopping): nobody hears the rest
                self._queue.clear()
                self._queued.clear()

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

    def _forget(self, listener: Any) -> None:
        key = id(listener)
        self._queued[key] -= 1
        if self._queued[key] <= 0:
            del self._queued[key]


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
