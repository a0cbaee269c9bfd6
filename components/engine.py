"""What the panels draw with: the registries and the slide renderer (actions are in ``studio.app``).

Panels import their choices and the slide SVG from here, so the UI never builds
slide markup itself and there is one place that knows which core module does what.
"""
from __future__ import annotations

import dataclasses

from studio.canvas import FORMATS, get_format
from studio.carousel import Carousel
from studio.fonts import FAMILIES, ensure_fonts, face_file, font_faces
from studio.layouts import LAYOUTS
from studio.pattern import PATTERNS
from studio.render import EMPHASIS_HINT, layout_note, page_count, pages_per_slide, render_slide, slide_headline
from studio.theme import THEMES

__all__ = ["FORMATS", "FAMILIES", "LAYOUTS", "PATTERNS", "THEMES", "Carousel", "ensure_fonts", "face_file", "font_faces",
           "get_format", "EMPHASIS_HINT", "layout_note", "slide_headline", "page_count", "pages_per_slide",
           "render_slide", "render_single", "render_swatch", "first_pages"]


def render_single(carousel: Carousel, slide_index: int, **settings: object) -> str:
    """The first page of one slide drawn on its own with some settings changed (gallery thumbnails)."""
    slide = carousel.slides[slide_index]
    variant = dataclasses.replace(carousel, slides=[slide], **settings)
    return render_slide(variant, 0, scale=1)


def render_swatch(carousel: Carousel, **settings: object) -> str:
    """A blank content slide with some settings changed: the background and pattern alone."""
    from studio.slide import Slide
    variant = dataclasses.replace(carousel, slides=[Slide(kind="content")], **settings)
    return render_slide(variant, 0, scale=1)


def first_pages(counts: list[int]) -> list[int]:
    """Page index where each slide starts, from ``pages_per_slide``."""
    starts, total = [], 0
    for count in counts:
        starts.append(total)
        total += count
    return starts
