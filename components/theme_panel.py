"""Preset Themes: the current slide drawn in every theme; click to apply."""
from __future__ import annotations

from nicegui import ui

from studio.session import TEXT, Change

from . import engine
from .svg_view import SvgView
from .tiles import TileGroup, gallery_slide
from .view import Debounce, View

GALLERY_PAUSE = 0.8  # seconds without typing before the gallery redraws


class ThemePanel:
    def __init__(self, view: View) -> None:
        self.view = view
        self.group = TileGroup("theme-option", self._pick, columns=3)
        self.svgs: dict[str, SvgView] = {}
        for key, theme in engine.THEMES.items():
            with self.group.tile(key, theme.label):
                self.svgs[key] = SvgView().classes("cs-tile-svg")
                ui.label(theme.label).classes("cs-tile-title")
        self._later = Debounce(self._draw, GALLERY_PAUSE)
        self._draw()

    def _pick(self, key: str) -> None:
        self.view.attempt(self.view.workspace.set_setting, "theme", key, origin=self.view.token)

    def _draw(self) -> None:
        carousel = self.view.carousel
        index = gallery_slide(carousel, self.view.selected)
        for key, html in self.svgs.items():
            html.set_content(engine.render_single(carousel, index, theme=key))
        self.group.mark(carousel.theme)

    def refresh(self, change: Change | None) -> None:
        if change is not None and change.what == TEXT:
            self._later()
        else:
            self._draw()

    selection_changed = _draw
