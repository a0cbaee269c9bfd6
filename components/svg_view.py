"""A slide's SVG shown inside its own shadow root.

Many slides are on one page at once (preview, strip, galleries). Their SVGs use
ids for gradients, patterns and clip paths, and the same id can appear in
several of them. In one document ``url(#id)`` finds the first element with that
id — and paints nothing when that one sits in a collapsed panel. A shadow root per
SVG keeps every id local to its own slide; the page's @font-face rules still apply.
"""
from __future__ import annotations

import json
from typing import Any

from nicegui import Client, ui

from studio import ASSETS_DIR


def page_call(client: Client, name: str, *args: Any) -> None:
    """Run the page function ``name`` of assets/svg_view.js (``csPage``, loaded with the SVG view, which every
    studio page has) in ``client``'s page, with ``args`` as JSON: the scripts stay in that file, Python only
    names them."""
    client.run_javascript(f"csPage.{name}({', '.join(json.dumps(arg) for arg in args)})")


class SvgView(ui.element, component=ASSETS_DIR / "svg_view.js"):
    """Shows SVG text produced by ``studio.render`` (trusted: built by our own renderer, text escaped)."""

    def __init__(self, content: str = "") -> None:
        super().__init__()
        self._props["content"] = content
        self._props["seq"] = 0  # counts the drawings sent: the browser keeps the newest (see ``show_now``)
        self.thumbnail = ""  # the drawing it waits for (components.thumbnails); any content set directly wins

    @property
    def content(self) -> str:
        return self._props["content"]

    def set_content(self, content: str) -> None:
        if self._take(content):
            self.update()

    def show_now(self, content: str) -> None:
        """``set_content``, drawn by calling the browser's view directly: an element update makes Vue render
        the page around it again, 5–20 ms of the browser's time on every keystroke in the studio."""
        if not self.client.has_socket_connection:  # not yet shown, or reconnecting: the page draws the props
            self.set_content(content)
            return
        with self._props.suspend_updates():
            taken = self._take(content)
        if taken:
            page_call(self.client, "showSvg", self.id, content, self._props["seq"])

    def _take(self, content: str) -> bool:
        self.thumbnail = ""
        if content == self._props["content"]:
            return False
        self._props["content"] = content
        self._props["seq"] += 1
        return True


def drop_class_now(element: ui.element, name: str) -> None:
    """``element.classes(remove=name)`` without an element update (a render of the whole page)."""
    if name not in element.classes:
        return
    if not element.client.has_socket_connection:
        element.classes(remove=name)
        return
    with element.classes.suspend_updates():
        element.classes(remove=name)
    page_call(element.client, "dropClass", element.id, name)
