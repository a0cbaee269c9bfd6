"""Layout Template: the content structure of the slides, as live thumbnails."""
from __future__ import annotations

from nicegui import ui

from studio.session import TEXT, Change

from . import engine
from .svg_view import SvgView
from .tiles import TileGroup, gallery_slide
from .view import Debounce, View

GALLERY_PAUSE = 0.8  # seconds without typing before the gallery redraws


class LayoutPanel:
    def __init__(self, view: View) -> None:
        self.view = view
        self.group = TileGroup("layout-option", self._pick, columns=3)
        self.svgs: dict[str, SvgView] = {}
        for key, layout in engine.LAYOUTS.items():
            with self.group.tile(key, layout.label):
                self.svgs[key] = SvgView().classes("cs-tile-svg")
                ui.label(layout.label).classes("cs-tile-title")
        self._later = Debounce(self._draw, GALLERY_PAUSE)
        self._draw()

    def _pick(self, key: str) -> None:
        self.view.attempt(self.view.workspace.set_setting, "layout", key, origin=self.view.token)

    def _draw(self) -> None:
        carousel = self.view.carousel
        index = gallery_slide(carousel, self.view.selected, prefer_content=True)
        for key, html in self.svgs.items():
            html.set_content(engine.render_single(carousel, index, layout=key))
        self.group.mark(carousel.layout)

    def refresh(self, change: Change | None) -> None:
        if change is not None and change.what == TEXT:
            self._later()
        else:
            self._draw()

    selection_changed = _draw
