"""Background Pattern: tiles of the current slide with each pattern (or the theme's own)."""
from __future__ import annotations

from nicegui import ui

from studio.session import TEXT, Change

from . import engine
from .svg_view import SvgView
from .tiles import TileGroup
from .view import Debounce, View

GALLERY_PAUSE = 0.8  # seconds without typing before the gallery redraws
THEME_DEFAULT = "theme"  # tile key for "the theme's own pattern" (pattern None)


class PatternPanel:
    def __init__(self, view: View) -> None:
        self.view = view
        self.group = TileGroup("pattern-option", self._pick, columns=3)
        self.svgs: dict[str, SvgView] = {}
        choices = {THEME_DEFAULT: "Theme's own"} | {k: k.title() for k in engine.PATTERNS if k != "none"} \
            | {"none": "None"}
        for key, label in choices.items():
            with self.group.tile(key, label):
                with ui.element("div").classes("cs-tile-svg cs-swatch"):
                    self.svgs[key] = SvgView()
                ui.label(label).classes("cs-tile-title")
        self._later = Debounce(self._draw, GALLERY_PAUSE)
        self._draw()

    def _pick(self, key: str) -> None:
        value = None if key == THEME_DEFAULT else key
        self.view.attempt(self.view.workspace.set_setting, "pattern", value, origin=self.view.token)

    def _draw(self) -> None:
        carousel = self.view.carousel
        for key, html in self.svgs.items():  # the background alone, magnified, so the pattern can be seen
            html.set_content(engine.render_swatch(carousel, pattern=None if key == THEME_DEFAULT else key))
        self.group.mark(carousel.pattern or THEME_DEFAULT)

    def refresh(self, change: Change | None) -> None:
        if change is not None and change.what == TEXT:
            self._later()
        else:
            self._draw()

    selection_changed = _draw
