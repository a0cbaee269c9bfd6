"""HTML5 drag and drop of post cards onto slides and the gaps between them.

A post card carries its id in a ``data-post-id`` attribute (set as a prop, so it
is escaped by construction); the drop handler reads it back in the browser and
emits it to Python. No user data is ever written into JavaScript source.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import events, ui

MIME = "application/x-carousel-post"

_DRAG_START = ("(e) => { const id = e.currentTarget.dataset.postId;"
               f" e.dataTransfer.setData('{MIME}', id); e.dataTransfer.setData('text/plain', id);"
               " e.dataTransfer.effectAllowed = 'copy'; document.body.classList.add('cs-dragging'); }")
_DRAG_END = "() => document.body.classList.remove('cs-dragging')"
# the target says what a drop does: Shift held replaces (studio.css shows "Replace" then)
_DRAG_OVER = ("(e) => { if (!e.dataTransfer.types.includes('" + MIME + "')) return; e.preventDefault();"
              " e.dataTransfer.dropEffect = 'copy'; e.currentTarget.classList.add('cs-drop-hover');"
              " e.currentTarget.classList.toggle('cs-drop-replace', e.shiftKey); }")
_DRAG_LEAVE = "(e) => e.currentTarget.classList.remove('cs-drop-hover', 'cs-drop-replace')"
_DROP = ("(e) => { e.currentTarget.classList.remove('cs-drop-hover', 'cs-drop-replace');"
         " document.body.classList.remove('cs-dragging');"
         f" const id = e.dataTransfer.getData('{MIME}'); if (!id) return; e.preventDefault(); e.stopPropagation();"
         " emit({post_id: id, shift: e.shiftKey}); }")


def make_draggable(element: ui.element, post_id: str) -> ui.element:
    """Let a post card be dragged; the drop target learns its id."""
    element._props["draggable"] = "true"  # pylint: disable=protected-access
    element._props["data-post-id"] = post_id  # pylint: disable=protected-access
    element.on("dragstart", js_handler=_DRAG_START)
    element.on("dragend", js_handler=_DRAG_END)
    return element


def make_drop_target(element: ui.element, on_drop: Callable[[str, bool], Any]) -> ui.element:
    """Accept a dropped post card: ``on_drop(post_id, shift_held)``."""
    def handle(e: events.GenericEventArguments) -> None:
        args = e.args if isinstance(e.args, dict) else {}  # a browser may send anything: not a drop then
        post_id = args.get("post_id")
        if isinstance(post_id, str) and post_id:
            on_drop(post_id, bool(args.get("shift")))

    element.on("dragover", js_handler=_DRAG_OVER)
    element.on("dragleave", js_handler=_DRAG_LEAVE)
    element.on("drop", handle, js_handler=_DROP)
    return element
