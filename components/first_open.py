"""Parts of the page built the first time they are opened, not with the page."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui


class OnFirstOpen:
    """A part of the page built the first time it is opened (a dialog, a closed settings panel, a tab): most
    page loads never open it, so they never build it. ``container``: where it goes (default: where this
    object is made)."""

    def __init__(self, container: ui.element | None, build: Callable[[], Any]) -> None:
        self.container = container if container is not None else ui.context.slot.parent
        self.build = build
        self.built: Any = None

    def part(self) -> Any:
        """The part, built now if this is the first time."""
        if self.built is None:
            with self.container:
                self.built = self.build()
        return self.built

    def open(self) -> Any:
        """Open a dialog (building it first); returns what its ``open`` returns (a coroutine for some)."""
        return self.part().open()
