"""Long lists drawn a slice at a time, so other browsers and requests are served between the slices.

A 300-post thread's cards took about 4 s to build and the strip of 300 slides about 2 s, on the event
loop that serves every browser: a static file or another browser's edit waited for all of it. A list
longer than one slice shows its first slice at once and the rest a slice at a time, with a short pause
after each; drawing the list again stops a drawing still under way.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from nicegui import background_tasks, ui

T = TypeVar("T")

SLICE = 15  # items drawn at once: a card or a strip item costs about 1-3 ms of CPU on an idle machine
PAUSE_S = 0.01  # after each slice: long enough for a waiting request to get through (see StudioPage.build)


class Sliced:
    """Draws a list into a container, a slice at a time; ``then`` runs once the whole list is drawn."""

    def __init__(self, size: int = SLICE) -> None:
        self.size = size
        self._drawing: asyncio.Task | None = None

    @property
    def drawing(self) -> bool:
        """True while the rest of a list is still being drawn."""
        return self._drawing is not None and not self._drawing.done()

    def draw(self, container: ui.element, items: Sequence[T], draw_one: Callable[[int, T], Any],
             then: Callable[[], Any] | None = None) -> None:
        """Draw ``draw_one(index, item)`` for every item into ``container``: the first slice now, the rest later."""
        self.stop()
        self._slice(container, items, 0, draw_one)
        if len(items) <= self.size:
            if then is not None:
                then()
            return
        self._drawing = background_tasks.create(self._rest(container, items, draw_one, then),
                                                name="draw a long list in slices")

    def stop(self) -> None:
        """Stop a drawing under way (the list is about to be drawn again, or the page has gone)."""
        if self._drawing is not None and not self._drawing.done():
            self._drawing.cancel()
        self._drawing = None

    async def _rest(self, container: ui.element, items: Sequence[T], draw_one: Callable[[int, T], Any],
                    then: Callable[[], Any] | None) -> None:
        for start in range(self.size, len(items), self.size):
            await asyncio.sleep(PAUSE_S)
            if container.is_deleted or container.client.is_deleted:
                return
            self._slice(container, items, start, draw_one)
        if then is not None:
            then()

    def _slice(self, container: ui.element, items: Sequence[T], start: int, draw_one: Callable[[int, T], Any]) -> None:
        with container:
            for index in range(start, min(start + self.size, len(items))):
                draw_one(index, items[index])
