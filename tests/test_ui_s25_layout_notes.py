"""A slide's layout note is a caption of its own under its Layout box (as the box's hint it was drawn over the
Title box); the Layout Template tiles show each layout even on a slide with a layout of its own, and say so."""
from __future__ import annotations

import dataclasses

from components import engine
from components.layout_panel import LayoutPanel
from components.svg_view import SvgView
from studio.render import render_slide
from ui_helpers import trigger, until


def choose(studio, testid, index: int) -> None:
    trigger(studio, testid(studio, "slide-thumb")[index], "click")


def tile_drawings(studio, testid) -> dict[str, str]:
    """Each layout tile's drawing, once shown (a tile still waiting for one gives its own key)."""
    found = {}
    for tile in testid(studio, "layout-option"):
        (view,) = [e for e in tile.descendants() if isinstance(e, SvgView)]
        found[tile.props["data-key"]] = tile.props["data-key"] if view.thumbnail else view.content
    return found


def all_distinct(studio, testid) -> bool:
    drawings = tile_drawings(studio, testid)
    return not set(drawings) & set(drawings.values()) and len(set(drawings.values())) == len(engine.LAYOUTS)


async def test_the_image_focus_note_is_a_caption_not_a_hint_over_the_title(studio, testid):
    studio.shared.document.set_slide_layout(1, "image-focus")
    choose(studio, testid, 1)
    (note,) = testid(studio, "slide-layout-note")
    await until(lambda: note.visible and "Image focus shows a photo" in note.text)
    (select,) = testid(studio, "slide-layout")
    assert not select.props.get("hint")  # no overlay drawn under the field, over the next one
    studio.shared.document.set_slide_layout(1, None)
    await until(lambda: not note.visible)
    choose(studio, testid, 0)  # a cover has no layout box: no note
    await until(lambda: not note.visible)


async def test_tiles_tell_layouts_apart_on_a_slide_with_its_own_layout(studio, testid):
    studio.shared.document.set_slide_layout(1, "image-focus")
    choose(studio, testid, 0)  # the cover: the tiles show the first content slide, whose own layout is image focus
    await until(lambda: all_distinct(studio, testid), timeout=120)
    (own,) = testid(studio, "layout-own")
    assert not own.visible  # the cover has no layout of its own
    choose(studio, testid, 1)
    await until(lambda: own.visible and "Slide 2 keeps its own layout, Image focus" in own.text)
    await until(lambda: all_distinct(studio, testid), timeout=120)


def test_each_layout_tile_draws_differently_on_a_slide_with_its_own_layout():
    from studio.app.sample import sample_carousel
    carousel = sample_carousel()
    slides = list(carousel.slides)
    slides[1] = dataclasses.replace(slides[1], layout="image-focus")
    carousel = dataclasses.replace(carousel, slides=slides)
    drawn = {render_slide(LayoutPanel.variant_of(carousel, 1, key), 0, scale=1) for key in engine.LAYOUTS}
    assert len(drawn) == len(engine.LAYOUTS)
