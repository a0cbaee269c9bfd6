"""The progress bar shown while a big carousel's pages are counted, with its Cancel ("Lay out all" and imports)."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from nicegui import background_tasks, ui

from .offload import Progress
from .view import View


class LayoutProgress:
    """"Laying out the slides…" with a bar and a Cancel that stops the counting and undoes the last change."""

    def __init__(self, view: View) -> None:
        self.view = view
        # the bar wraps to a line of its own: beside the words it was 55 px wide in the 288 px drawer
        with ui.row().classes("w-full items-center gap-x-2 gap-y-1") as self.row:
            ui.label("Laying out the slides…").classes("cs-hint flex-1").props("data-testid=layout-progress")
            self.cancel_button = ui.button("Cancel", icon="close", on_click=self._cancel).props(
                "flat dense no-caps size=sm data-testid=layout-cancel")
            self.bar = ui.linear_progress(value=0, show_value=False).props("rounded").classes("w-full")
        self.row.set_visibility(False)
        self._timer: ui.timer | None = None
        self._counting: Progress | None = None  # the counting this page's "Lay out all" or import started
        self._cancelled: str | None = None  # what its Cancel says (None: no Cancel)
        self._go_back: Callable[[], Any] | None = None  # what its Cancel does instead of an undo

    def select_first(self) -> None:
        """Show the first slide; for a big carousel once its pages are counted (off the event loop: selecting
        needs them, and counting 300 slides here held up every browser for seconds)."""
        if not self.view.server.laying_out:
            self.view.select(0)
            return

        async def when_counted() -> None:
            while self.view.server.laying_out:
                await asyncio.sleep(0.1)
            with self.view.client:  # a background task has no slot of its own
                self.view.select(0)

        background_tasks.create(when_counted(), name="select the first slide once counted")

    def follow(self, done: Callable[[], Any], cancelled: str | None,
               go_back: Callable[[], Any] | None = None) -> None:
        """``done()`` once a big carousel's pages are counted (at once if there is nothing to count), with a
        progress bar meanwhile; with a ``cancelled`` notice, also a Cancel that undoes the last change (or
        calls ``go_back``)."""
        counting = self.view.server.counting
        if counting is None:
            done()
            return
        self._counting, self._cancelled, self._go_back = counting, cancelled, go_back
        self.bar.set_value(0)
        self.cancel_button.set_visibility(cancelled is not None)
        self.row.set_visibility(True)

        def follow() -> None:
            self.bar.set_value(counting.fraction)
            if self.view.server.counting is not counting:  # done (or cancelled)
                self._end()
                if not counting.cancelled:
                    done()

        self._timer = ui.timer(0.2, follow)

    def _end(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.row.set_visibility(False)

    def _cancel(self) -> None:
        counting = self._counting
        if counting is None or counting is not self.view.server.counting or counting.cancelled \
                or self._cancelled is None:
            return  # counted already: the slides are laid out (Undo puts the previous ones back)
        counting.cancel()
        self._end()
        if self._go_back is None:
            self.view.person.undo(self.view.document)
        elif self.view.attempt(self._go_back, doing="going back to your project") is None:
            return
        self.view.notify(self._cancelled, position="top")
