"""Canvas & Ratio: the destination platform's format as labelled ratio tiles."""
from __future__ import annotations

from nicegui import ui

from studio.app import Changed, SlideChanged

from . import engine
from .tiles import TileGroup
from .view import View

PLATFORM_NAMES = {"linkedin": "LinkedIn", "instagram": "Instagram"}


class CanvasPanel:
    def __init__(self, view: View) -> None:
        self.view = view
        self.group = TileGroup("format-option", self._pick, columns=3, label="Format")
        for key, fmt in engine.FORMATS.items():
            width, height = fmt.design_size
            scale = 46 / max(width, height)
            with self.group.tile(key, f"{fmt.label}: {fmt.width_px}×{fmt.height_px} px"):
                with ui.element("div").classes("cs-ratio-box"):
                    ui.element("div").classes(f"cs-ratio-shape cs-{fmt.platform}").style(
                        f"width:{width * scale:.0f}px;height:{height * scale:.0f}px")
                ui.label(PLATFORM_NAMES.get(fmt.platform, fmt.platform)).classes("cs-tile-title")
                ui.label(f"{fmt.ratio} · {fmt.label.split(' ', 1)[-1]}").classes("cs-tile-sub")
        self.refresh(None)

    def _pick(self, key: str) -> None:
        self.view.attempt(self.view.document.set_setting, "format", key, origin=self.view.person)

    def refresh(self, change: Changed | None) -> None:
        if isinstance(change, SlideChanged):  # a slide's words, photo or layout: the format stays
            return
        self.group.mark(self.view.carousel.format)
