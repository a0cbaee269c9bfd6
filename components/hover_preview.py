"""Hovering (or focusing) a gallery tile shows the current slide drawn again, large, with that choice.

The renderer draws the preview at its own size, in a worker thread (never on the event loop), a
moment after the pointer settles on a tile: passing over a row of tiles draws nothing.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nicegui import run, ui

from studio.carousel import Carousel

from . import engine
from .svg_view import SvgView

if TYPE_CHECKING:
    from .tiles import Gallery

log = logging.getLogger("carousel_studio")

PREVIEW_WIDTH = 320  # CSS px: .cs-hover-preview
SETTLE_MS = 250  # the pointer rests this long on a tile before its preview is drawn

# Wait until the pointer settles; a newer tile, or leaving, cancels the wait.
_SETTLE = f"(e) => {{ clearTimeout(window.csHoverWait); window.csHoverWait = setTimeout(() => emit(), {SETTLE_MS}); }}"
_LEAVE = "(e) => { clearTimeout(window.csHoverWait); emit(); }"


def draw_preview(carousel: Carousel, index: int, setting: str, value: Any) -> str:
    """The slide ``index`` with ``setting`` changed, drawn at PREVIEW_WIDTH (the SVG's own size)."""
    variant = engine.single(carousel, index, **{setting: value})
    width = engine.get_format(carousel.format).design_size[0]
    return engine.render_slide(variant, 0, scale=PREVIEW_WIDTH / width)


class HoverPreview:
    """One floating preview for a gallery's tiles (beside the settings drawer, never under the pointer)."""

    def __init__(self, gallery: Gallery, labels: dict[str, str], slide_of: Callable[..., int]) -> None:
        self.gallery = gallery
        self.labels = labels
        self.slide_of = slide_of
        self.showing: str | None = None
        with gallery.view.client.content:  # outside the drawer, whose scrolling box would clip it
            with ui.element("div").classes("cs-hover-preview").props(
                    f"aria-hidden=true data-testid=hover-preview data-gallery={gallery.testid}") as self.box:
                self.svg = SvgView().classes("cs-hover-svg")
                self.caption = ui.label().classes("cs-hover-caption")
        self.box.set_visibility(False)
        for key, tile in gallery.group.tiles.items():
            for event in ("mouseenter", "focus"):
                tile.on(event, lambda k=key: self.show(k), js_handler=_SETTLE)
            for event in ("mouseleave", "blur"):
                tile.on(event, self.hide, js_handler=_LEAVE)

    async def show(self, key: str) -> None:
        gallery = self.gallery
        carousel = gallery.view.carousel
        if not carousel.slides:
            return
        self.showing = key
        # layouts are about content: the layout gallery draws the first content slide (as its tiles do)
        index = self.slide_of(carousel, gallery.view.selected, prefer_content=gallery.setting == "layout")
        try:
            svg = await run.io_bound(draw_preview, carousel, index, gallery.setting, gallery.value(key))
        except Exception:  # noqa: BLE001 - a preview that cannot be drawn is not shown; the tile still works
            log.warning("could not draw the hover preview of %s", key, exc_info=True)
            return
        if self.showing != key:  # the pointer moved on while it was drawn
            return
        self.svg.set_content(svg)
        self.caption.set_text(self.labels.get(key, str(key)))
        self.box.set_visibility(True)

    def hide(self) -> None:
        self.showing = None
        self.box.set_visibility(False)
