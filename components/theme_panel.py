"""Preset Themes: the current slide drawn in every theme (hover for a large preview); click to apply.

"Compare themes" opens the same comparison large enough to read."""
from __future__ import annotations

from nicegui import ui

from . import engine
from .compare_themes import CompareThemes
from .first_open import OnFirstOpen
from .tiles import Gallery
from .view import View


class ThemePanel(Gallery):
    testid, setting, label = "theme-option", "theme", "Theme"

    def __init__(self, view: View) -> None:
        self.compare = OnFirstOpen(None, lambda: CompareThemes(view))  # its dialog: built when first opened
        ui.button("Compare themes", icon="view_comfy", on_click=self.compare.open).props(
            "outline dense no-caps data-testid=compare-themes-open").classes("w-full q-mb-sm")
        super().__init__(view, {key: theme.label for key, theme in engine.THEMES.items()})

    def variant(self, carousel, key: str):
        return engine.single(carousel, self.drawn_slide(carousel), theme=key)
