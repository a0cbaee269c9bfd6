"""Layout Template: the content structure of the slides, as live thumbnails."""
from __future__ import annotations

from . import engine
from .tiles import Gallery
from .view import View


class LayoutPanel(Gallery):
    testid, setting, label, prefer_content = "layout-option", "layout", "Layout", True

    def __init__(self, view: View) -> None:
        super().__init__(view, {key: layout.label for key, layout in engine.LAYOUTS.items()})

    def variant(self, carousel, key: str):
        return engine.single(carousel, self.drawn_slide(carousel), layout=key)
