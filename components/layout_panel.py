"""Layout Template: the content structure of the slides, as live thumbnails."""
from __future__ import annotations

from . import engine
from .tiles import Gallery
from .view import View


class LayoutPanel(Gallery):
    testid, setting, label, prefer_content = "layout-option", "layout", "Layout", True
    first_page = True  # open on a new page: drawn at start (``tiles.draw_tiles_at_start``)

    options = engine.LAYOUTS

    def __init__(self, view: View) -> None:
        super().__init__(view, self.choices())
