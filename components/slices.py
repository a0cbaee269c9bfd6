"""Long lists drawn a slice at a time, so other browsers and requests are served between the slices.

A 300-post thread's cards took about 4 s to build and the strip of 300 slides about 2 s, on the event
loop that serves every browser: a static file or another browser's edit waited for all of it. A list's
first ``AT_ONCE`` items are drawn at once (a usual thread's whole list); the rest for at most ``SLICE_S`` at
a time, with a pause after each slice.
Drawing the list again stops a drawing still under way.
"""
from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from nicegui import background_tasks, ui

T = TypeVar("T")

AT_ONCE = 25  # items always drawn at once: a usual thread's cards and strip are there when the handler returns
SLICE_S = 0.02  # drawing time per slice after those: a card costs a few ms of CPU, more on a loaded machine
# after each slice: a request takes a dozen turns of the loop (middleware, file reads in a thread); a longer
# pause lets it through in one go instead of one turn per slice
PAUSE_S = 0.02


class Sliced:
    """Draws a list into a container, a slice at a time; ``then`` runs once the whole list is drawn."""

    def __init__(self, seconds: float = SLICE_S) -> None:
        self.seconds = seconds
        self._drawing: asyncio.Task | None = None

    @property
    def drawing(self) -> bool:
        """True while the rest of a list is still being drawn."""
        return self._drawing is not None and not self._drawing.done()

    def draw(self, container: ui.element, items: Sequence[T], draw_one: Callable[[int, T], Any],
             then: Callable[[], Any] | None = None) -> None:
        """Draw ``draw_one(index, item)`` for every item into ``container``, in place of what it holds: a short
        list now; a long one (or one that replaces a long one) a slice at a time, the old items removed first."""
        self.stop()
        if len(container.default_slot.children) > AT_ONCE:  # removing 300 cards took as long as drawing them
            self._drawing = background_tasks.create(self._replace(container, items, draw_one, then),
                                                    name="draw a long list in slices")
            return
        container.clear()
        drawn = self._slice(container, items, 0, draw_one, at_least=AT_ONCE)
        if drawn == len(items):
            if then is not None:
                then()
            return
        self._drawing = background_tasks.create(self._rest(container, items, drawn, draw_one, then),
                                                name="draw a long list in slices")

    async def _replace(self, container: ui.element, items: Sequence[T], draw_one: Callable[[int, T], Any],
                       then: Callable[[], Any] | None) -> None:
        """The old items removed a slice at a time (hidden meanwhile), then the new ones drawn."""
        container.set_visibility(False)
        try:
            while children := list(container.default_slot.children):
                until = time.perf_counter() + self.seconds
                for child in children:
                    container.remove(child)
                    if time.perf_counter() >= until:
                        break
                await asyncio.sleep(PAUSE_S)
                if container.is_deleted or container.client.is_deleted:
                    return
        finally:
            if not container.is_deleted:
                container.set_visibility(True)
        await self._rest(container, items, 0, draw_one, then)

    def stop(self) -> None:
        """Stop a drawing under way (the list is about to be drawn again, or the page has gone)."""
        if self._drawing is not None and not self._drawing.done():
            self._drawing.cancel()
        self._drawing = None

    async def _rest(self, container: ui.element, items: Sequence[T], drawn: int, draw_one: Callable[[int, T], Any],
                    then: Callable[[], Any] | None) -> None:
        while drawn < len(items):
            if drawn:
                await asyncio.sleep(PAUSE_S)
            if container.is_deleted or container.client.is_deleted:
                return
            drawn = self._slice(container, items, drawn, draw_one)
        if then is not None:
            then()

    def _slice(self, container: ui.element, items: Sequence[T], start: int, draw_one: Callable[[int, T], Any],
               at_least: int = 1) -> int:
        """Draw items from ``start`` on: ``at_least`` of them, then more for up to ``seconds``; returns how many
        are drawn now."""
        until = time.perf_counter() + self.seconds
        index = start
        with container:
            while index < len(items) and (index < start + at_least or time.perf_counter() < until):
                draw_one(index, items[index])
                index += 1
        return index
