"""Showing a merged text in a text box of a shared studio, with the caret kept in place."""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from nicegui import ui
from nicegui.elements.mixins.value_element import ValueElement
from nicegui.events import GenericEventArguments

from studio import ASSETS_DIR

if TYPE_CHECKING:
    from .view import View


def show(box: ValueElement, value: Any, *, again: bool) -> None:
    """Set ``box`` to ``value``; ``again``: send it even if the browser sent this very value last.

    NiceGUI keeps what a browser typed when the server's value equals it. In a shared studio a
    text pushed to the box may have crossed the person's last keystroke and replaced it on
    their screen, so the merged text is sent again (an equal text changes nothing there).
    """
    box.value = value
    if again:
        box._client_value = _NOT_SENT  # noqa: SLF001 - NiceGUI's record of the browser's own value
        box.update()


_NOT_SENT = object()


def start_shared_text(view: View) -> None:
    """In this (connected) page: carets stay beside their text when merged text arrives, and words
    typed on this tab's previous page while it was offline are merged in (assets/shared_text.js)."""
    ui.run_javascript(_script())


def take_drafts(view: View) -> None:
    """Merge the words a tab typed offline before its page loaded again (call while building the page)."""
    def merge(e: GenericEventArguments) -> None:
        for draft in e.args if isinstance(e.args, list) else []:
            try:
                field, slide, base, value = draft["field"], int(draft["slide"]), str(draft["base"]), str(draft["value"])
            except (KeyError, TypeError, ValueError):
                continue
            view.attempt(view.document.put_back, field, slide, base, value, origin=view.person,
                         doing="adding what you typed while offline")
    ui.on("cs_drafts", merge)


@cache
def _script() -> str:
    return (ASSETS_DIR / "shared_text.js").read_text("utf-8")
