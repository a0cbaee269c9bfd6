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
from studio.render import (EMPHASIS_HINT, SlideLayout, draw_slide_page, lay_out_slide, layout_note, page_count, pages_per_slide,
                           render_slide, render_slide_page, render_slides, slide_headline, slide_page_count)
from studio.theme import THEMES

__all__ = ["FORMATS", "FAMILIES", "LAYOUTS", "PATTERNS", "THEMES", "Carousel", "ensure_fonts", "face_file", "font_faces",
           "get_format", "EMPHASIS_HINT", "layout_note", "slide_headline", "page_count", "pages_per_slide",
           "slide_page_count", "SlideLayout", "lay_out_slide", "draw_slide_page", "render_slide", "render_slide_page",
           "render_slides", "render_single", "single", "swatch", "first_pages"]


def single(carousel: Carousel, slide_index: int, **settings: object) -> Carousel:
    """One slide as a carousel of its own with some settings changed (what a gallery thumbnail draws).

    The thread keeps only what the slide shows (its posts, and the first post for the author), so
    a thumbnail of a 300-post thread is as cheap to key and to hand to a worker as any other.
    It has no page number: drawn alone, the slide would say "1/1", which is not its number.
    """
    slide = carousel.slides[slide_index]
    thread = carousel.thread
    if thread is not None:
        wanted = set(slide.post_ids)
        posts = [p for i, p in enumerate(thread.posts) if i == 0 or p.id in wanted]
        thread = dataclasses.replace(thread, posts=posts)
    brand = dataclasses.replace(carousel.brand, show_slide_numbers=False)
    return dataclasses.replace(carousel, slides=[slide], thread=thread, **{"brand": brand, **settings})


def swatch(carousel: Carousel, **settings: object) -> Carousel:
    """A blank content slide with some settings changed: the background and pattern alone."""
    from studio.slide import Slide
    return single(dataclasses.replace(carousel, slides=[Slide(kind="content")]), 0, **settings)


def render_single(carousel: Carousel, slide_index: int, **settings: object) -> str:
    """The first page of one slide drawn on its own with some settings changed."""
    return render_slide(single(carousel, slide_index, **settings), 0, scale=1)


def first_pages(counts: list[int]) -> list[int]:
    """Page index where each slide starts, from ``pages_per_slide``."""
    starts, total = [], 0
    for count in counts:
        starts.append(total)
        total += count
    return starts
