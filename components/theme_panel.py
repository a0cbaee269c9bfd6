"""Preset Themes: the current slide drawn in every theme (hover for a large preview); click to apply.

"Compare themes" opens the same comparison large enough to read."""
from __future__ import annotations

from nicegui import ui

from studio.app import Studio

from . import engine, tiles
from .compare_themes import CompareThemes
from .first_open import OnFirstOpen
from .tiles import Gallery
from .view import View


class ThemePanel(Gallery):
    testid, setting, label = "theme-option", "theme", "Theme"
    first_page = True  # open on a new page: drawn at start (``tiles.draw_tiles_at_start``)
    options = engine.THEMES

    def __init__(self, view: View) -> None:
        self.compare = OnFirstOpen(None, lambda: CompareThemes(view))  # its dialog: built when first opened
        ui.button("Compare themes", icon="view_comfy", on_click=self.compare.open).props(
            "outline dense no-caps data-testid=compare-themes-open").classes("w-full q-mb-sm")
        super().__init__(view, self.choices())


def draw_tiles_at_start(studio: Studio) -> None:
    """Every gallery a first page shows (layouts, themes) drawn when the server starts: ``tiles.draw_tiles_at_start``."""
    tiles.draw_tiles_at_start(studio)


def draw_tiles_ahead(studio: Studio) -> None:
    """The theme tiles alone drawn ahead (``tiles.draw_tiles_ahead`` draws every gallery open on a first page)."""
    tiles.draw_tiles_ahead(studio, [ThemePanel])
