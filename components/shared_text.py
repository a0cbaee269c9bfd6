"""Showing a merged text in a text box of a shared studio, with the caret kept in place."""
from __future__ import annotations

from functools import cache
from typing import Any

from nicegui import ui
from nicegui.elements.mixins.value_element import ValueElement

from studio import ASSETS_DIR


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


def keep_carets() -> None:
    """In this (connected) page, merged text arriving in a focused box leaves its caret beside the
    same characters (assets/shared_caret.js)."""
    ui.run_javascript(_caret_script())


@cache
def _caret_script() -> str:
    return (ASSETS_DIR / "shared_caret.js").read_text("utf-8")
