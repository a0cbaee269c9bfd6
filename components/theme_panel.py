"""Preset Themes: the current slide drawn in every theme; click to apply."""
from __future__ import annotations

from . import engine
from .tiles import Gallery, gallery_slide
from .view import View


class ThemePanel(Gallery):
    testid, setting, label = "theme-option", "theme", "Theme"

    def __init__(self, view: View) -> None:
        super().__init__(view, {key: theme.label for key, theme in engine.THEMES.items()})

    def thumbnail(self, carousel, key: str) -> str:
        return engine.render_single(carousel, gallery_slide(carousel, self.view.selected), theme=key)
