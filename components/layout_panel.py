"""Layout Template: the content structure of the slides, as live thumbnails."""
from __future__ import annotations

from . import engine
from .tiles import Gallery, gallery_slide
from .view import View


class LayoutPanel(Gallery):
    testid, setting, label = "layout-option", "layout", "Layout"

    def __init__(self, view: View) -> None:
        super().__init__(view, {key: layout.label for key, layout in engine.LAYOUTS.items()})

    def variant(self, carousel, key: str):
        index = gallery_slide(carousel, self.view.selected, prefer_content=True)
        return engine.single(carousel, index, layout=key)
