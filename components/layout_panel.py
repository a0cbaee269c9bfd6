"""Layout Template: the content structure of the slides, as live thumbnails."""
from __future__ import annotations

import dataclasses

from nicegui import ui

from studio.carousel import Carousel

from . import engine
from .tiles import Gallery
from .view import View


class LayoutPanel(Gallery):
    testid, setting, label, prefer_content = "layout-option", "layout", "Layout", True
    first_page = True  # open on a new page: drawn at start (``tiles.draw_tiles_at_start``)

    options = engine.LAYOUTS

    def __init__(self, view: View) -> None:
        self.own = None  # made before the tiles draw (``_draw`` fills it)
        super().__init__(view, self.choices())
        self.own = ui.label().classes("text-caption text-grey-7").props("data-testid=layout-own")
        self._tell_own()

    @classmethod
    def variant_of(cls, carousel: Carousel, slide: int | None, key: str) -> Carousel:
        """The shown slide in layout ``key``: a layout of its own would draw all six tiles alike."""
        variant = super().variant_of(carousel, slide, key)
        slides = [dataclasses.replace(s, layout=None) for s in variant.slides]
        return dataclasses.replace(variant, slides=slides)

    def _draw(self, fill: bool = True) -> None:
        super()._draw(fill)
        self._tell_own()

    def _tell_own(self) -> None:
        """Under the tiles, when the selected slide has a layout of its own (set in its Layout box): which one, as
        the highlighted tile is the carousel's layout and would otherwise contradict the slide's box."""
        if self.own is None:
            return
        slides = self.view.carousel.slides
        index = self.view.selected
        own = slides[index].layout if 0 <= index < len(slides) else None
        layout = engine.LAYOUTS.get(own) if own else None
        self.own.set_text(f"Slide {index + 1} keeps its own layout, {layout.label} (its Layout box); the "
                          "highlighted tile is every other slide's." if layout else "")
        self.own.set_visibility(layout is not None)
