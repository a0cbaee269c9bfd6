"""One slide's place in the strip: the gap before it (a drop target) and its thumbnail, named for a screen reader."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nicegui import ui

from studio.slide import Slide

from .dragdrop import make_drop_target
from .slide_moves import slide_name
from .svg_view import SvgView


# Delete or Backspace (no modifier) on a thumbnail: the slide it shows is named, as the bar's Delete names its slide
SAY_DELETE = ("(e) => { if (!['Delete', 'Backspace'].includes(e.key) || e.altKey || e.ctrlKey || e.metaKey "
              "|| e.shiftKey || e.repeat) return; e.preventDefault(); "
              "emit({slide: e.target.closest?.('[data-slide]')?.dataset.slide ?? null}) }")


@dataclass
class StripItem:
    """A slide's place: ``element`` (gap and thumbnail), ``svg`` (filled once every item is there) and, in share
    mode, ``faces`` (who else is on the slide)."""
    element: ui.element
    svg: SvgView
    faces: ui.row | None


def strip_item(index: int, slide: Slide, *, slides: int, pages: int, name: str, shared: bool,
               select: Callable[[int], None], insert: Callable[[str, int], None],
               drop_on: Callable[[str, int, bool], None], delete: Callable[[Any], None]) -> StripItem:
    """Slide ``index`` of ``slides`` in the strip: a post dropped on the gap before it is ``insert``-ed there, one
    dropped on its thumbnail goes on the slide (``drop_on``); a click or Enter ``select``-s it; Delete or Backspace
    on it is its ``delete`` (the bar's Delete, naming this slide). Its thumbnail is named for a screen reader
    ("Slide 3 of 9: <title>") and, ``name``, for the browser's moves (``SlideNames``)."""
    outro_last = slide.kind == "outro" and index == slides - 1  # it stays last: not dragged, nothing after it
    faces = None
    with ui.element("div").classes("cs-strip-item cs-strip-outro" if outro_last else "cs-strip-item") as item:
        item.props["data-slide"] = name
        gap = ui.element("div").classes("cs-gap").props("data-testid=slide-gap")
        make_drop_target(gap, lambda post_id, _: insert(post_id, index))
        with ui.element("div").classes("cs-thumb").props("data-testid=slide-thumb") as thumb:
            svg = SvgView().classes("cs-thumb-svg")  # filled by show_pages once every item is there
            ui.label(str(index + 1)).classes("cs-thumb-number")
            if shared:
                faces = ui.row().classes("cs-thumb-faces no-wrap gap-0")
            if pages > 1:
                ui.label(f"{pages} pages").classes("cs-thumb-pages") \
                    .tooltip("This slide's text continues on the next page")
        # (not a button: axe wants a button's shown text, its number and the slide's words, in its name)
        thumb.props("tabindex=0 role=group aria-roledescription=slide")
        thumb.props["aria-label"] = f"Slide {index + 1} of {slides}: {slide_name(slide)}"
        thumb.props["aria-description"] = "Enter shows it; Delete removes it." if outro_last else \
            "Enter shows it; Delete removes it. Alt+Left or Alt+Right moves it, or drag it along the strip."
        thumb.on("click", lambda: select(index))
        thumb.on("keydown.enter", lambda: select(index))
        thumb.on("keydown", lambda e: delete(e), js_handler=SAY_DELETE)
        if slide.kind != "outro":  # the outro holds the call to action: no post goes on it
            make_drop_target(thumb, lambda post_id, shift: drop_on(post_id, index, shift))
            thumb.props["title"] = "Drop a post here to add it (Shift: replace)"  # a tooltip each: 13 more components
    return StripItem(item, svg, faces)
