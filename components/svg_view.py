"""A slide's SVG shown inside its own shadow root.

Many slides are on one page at once (preview, strip, galleries). Their SVGs use
ids for gradients, patterns and clip paths, and the same id can appear in
several of them. In one document ``url(#id)`` finds the first element with that
id — and paints nothing when that one sits in a collapsed panel. A shadow root per
SVG keeps every id local to its own slide; the page's @font-face rules still apply.
"""
from __future__ import annotations

from nicegui import ui

from studio import ASSETS_DIR


class SvgView(ui.element, component=ASSETS_DIR / "svg_view.js"):
    """Shows SVG text produced by ``studio.render`` (trusted: built by our own renderer, text escaped)."""

    def __init__(self, content: str = "") -> None:
        super().__init__()
        self._props["content"] = content
        self.thumbnail = ""  # the drawing it waits for (components.thumbnails); any content set directly wins

    @property
    def content(self) -> str:
        return self._props["content"]

    def set_content(self, content: str) -> None:
        self.thumbnail = ""
        if content != self._props["content"]:
            self._props["content"] = content
            self.update()
