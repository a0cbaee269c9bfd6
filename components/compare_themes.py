"""Compare themes: the current slide, or the first three, drawn large in every theme; one click applies one.

The drawings are gallery thumbnails (the same one-slide carousels, ``components.thumbnails``): kept ones show
at once, the others are drawn off the event loop and fill in (15 themes x 3 slides took seconds on it).
"""
from __future__ import annotations

import logging

from nicegui import background_tasks, ui

from studio.carousel import Carousel

from . import engine
from .svg_view import SvgView
from .thumbnails import LOADING, THUMBNAILS, show
from .thumbnails import key as thumbnail_key
from .view import View

log = logging.getLogger("carousel_studio")

FIRST = 3  # "first three slides"


class CompareThemes:
    """A wide dialog with one row per theme; clicking a row (or its button) puts that theme on the carousel."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.which = "current"
        with ui.dialog().props("maximized=false data-testid=compare-themes") as self.dialog, \
                ui.card().classes("cs-compare"):
            self.dialog.props["aria-label"] = "Compare themes"
            with ui.row().classes("w-full items-center no-wrap gap-3"):
                ui.label("Compare themes").classes("text-xl font-semibold")
                self.toggle = ui.toggle({"current": "This slide", "first": f"First {FIRST} slides"},
                                        value="current", on_change=lambda e: self._show(e.value)).props(
                    "dense no-caps unelevated toggle-color=primary data-testid=compare-which")
                ui.space()
                ui.button(icon="close", on_click=self.dialog.close).props("flat round dense aria-label=Close")
            ui.label("Click a theme to use it.").classes("cs-hint")
            self.rows = ui.element("div").classes("w-full cs-compare-rows").props(
                "role=radiogroup aria-label='Themes'")

    def open(self) -> None:
        self._show(self.which)
        self.dialog.open()

    def _slides(self) -> list[int]:
        carousel = self.view.carousel
        if self.which == "current":
            return [self.view.selected]
        return list(range(min(FIRST, len(carousel.slides))))

    def _show(self, which: str) -> None:
        self.which = which or "current"
        carousel = self.view.carousel
        slides = self._slides()
        self.rows.clear()
        width = 180 if len(slides) == 1 else 150  # three slides: two themes a row still fit at 1280 px
        self.rows.style(f"--cs-compare-svg:{width}px;--cs-compare-card:{24 + (width + 8) * len(slides)}px")
        missing: list[tuple[SvgView, str, Carousel]] = []
        with self.rows:
            for key, theme in engine.THEMES.items():
                chosen = key == carousel.theme
                with ui.column().classes("gap-1 cs-compare-row" + (" cs-compare-chosen" if chosen else "")).props(
                        f"data-testid=compare-row data-key={key} tabindex=0 role=radio "
                        f"aria-checked={'true' if chosen else 'false'}") as row:
                    row.props["aria-label"] = f"{theme.label} theme"
                    row.on("click", lambda k=key: self._apply(k))
                    row.on("keydown.enter", lambda k=key: self._apply(k))
                    row.on("keydown.space.prevent", lambda k=key: self._apply(k))
                    with ui.row().classes("w-full items-baseline no-wrap gap-2"):
                        ui.label(theme.label).classes("font-semibold")
                        if chosen:
                            ui.label("In use").classes("cs-hint")
                    with ui.row().classes("w-full no-wrap gap-2"):
                        for index in slides:
                            missing += self._drawing(engine.single(carousel, index, theme=key))
        if missing:
            background_tasks.create(self._fill(missing), name="compare themes")

    @staticmethod
    def _drawing(variant: Carousel) -> list[tuple[SvgView, str, Carousel]]:
        """A view of ``variant``, drawn if kept; else a placeholder, returned to be filled."""
        name = thumbnail_key(variant)
        drawn = THUMBNAILS.get(name)
        svg = SvgView(drawn or "").classes("cs-compare-svg")
        if drawn is not None:
            return []
        svg.thumbnail = name
        svg.classes(add=LOADING)
        return [(svg, name, variant)]

    async def _fill(self, missing: list[tuple[SvgView, str, Carousel]]) -> None:
        for svg, name, variant in missing:
            if svg.is_deleted:  # shown again meanwhile (the other toggle) or the page closed
                continue
            try:
                show(svg, name, await THUMBNAILS.drawn(name, variant))
            except Exception:  # noqa: BLE001 - a drawing that fails stays blank; the studio goes on
                log.exception("could not draw a theme comparison")

    def _apply(self, key: str) -> None:
        view = self.view
        if view.attempt(view.document.set_setting, "theme", key, origin=view.person) is not None:
            self.dialog.close()
            view.notify(f"Theme “{engine.THEMES[key].label}” applied", position="top")
