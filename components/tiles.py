"""Selectable tiles (formats, layouts, themes, patterns, CTA variants) and live gallery thumbnails."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

from studio.carousel import Carousel
from studio.app import Changed, SlideChanged

from .hover_preview import HoverPreview
from .svg_view import SvgView
from .view import Debounce, View

GALLERY_PAUSE = 0.8  # seconds without typing before a gallery redraws

class TileGroup:
    """A grid of tiles acting as one radio group: one selected; ``on_pick(key)`` runs when a tile is chosen.

    Keyboard as for radio buttons: Tab reaches the group, Space or Enter chooses the focused tile,
    the arrow keys move between tiles.
    """

    def __init__(self, testid: str, on_pick: Callable[[Any], Any], *, columns: int = 3, label: str = "") -> None:
        self.testid = testid
        self.on_pick = on_pick
        self.tiles: dict[Any, ui.element] = {}
        self.grid = ui.element("div").classes(f"cs-tiles cs-cols-{columns}").props("role=radiogroup")
        if label:
            self.grid.props["aria-label"] = label
        self.grid.on("keydown", js_handler=ARROWS)

    def tile(self, key: Any, tooltip: str = "") -> ui.element:
        """Open a tile for ``key``; fill it inside a ``with`` block."""
        with self.grid:
            tile = ui.element("div").classes("cs-tile").props(
                f"data-testid={self.testid} tabindex=0 role=radio aria-checked=false")
        tile.props["data-key"] = str(key)  # its name is its visible label (an aria-label would hide it)
        tile.on("click", lambda k=key: self.on_pick(k))
        tile.on("keydown.enter", lambda k=key: self.on_pick(k))
        tile.on("keydown.space.prevent", lambda k=key: self.on_pick(k))
        if tooltip:
            with tile:
                ui.tooltip(tooltip)
        self.tiles[key] = tile
        return tile

    def mark(self, selected: Any) -> None:
        for key, tile in self.tiles.items():
            chosen = key == selected
            if chosen:
                tile.classes(add="cs-tile-selected")
            else:
                tile.classes(remove="cs-tile-selected")
            if tile.props.get("aria-checked") != ("true" if chosen else "false"):
                tile.props["aria-checked"] = "true" if chosen else "false"
                tile.update()


# Arrow keys move the focus between the tiles of a group (the browser does this for native radios).
ARROWS = """(e) => {
  const step = {ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1}[e.key];
  if (!step) return;
  const tiles = [...e.currentTarget.querySelectorAll('[role=radio]')];
  const next = tiles[tiles.indexOf(document.activeElement) + step];
  if (next) { e.preventDefault(); next.focus(); }
}"""


def gallery_slide(carousel: Carousel, selected: int, *, prefer_content: bool = False) -> int:
    """Which slide a gallery draws: the selected one, or the first content slide when asked."""
    if not prefer_content or carousel.slides[selected].kind == "content":
        return selected
    return next((i for i, s in enumerate(carousel.slides) if s.kind == "content"), selected)


class Gallery:
    """A settings panel of live thumbnails, one per choice of a carousel setting; click to apply.

    Subclasses name the ``testid`` and ``setting`` and say how to draw one choice
    (``thumbnail``), which tile is current (``current``) and what a tile sets (``value``).
    """

    testid = ""
    setting = ""
    label = ""  # the radio group's name for screen readers
    swatch = False  # draw in a magnifying swatch frame (patterns)

    def __init__(self, view: View, choices: dict[str, str]) -> None:
        self.view = view
        self.group = TileGroup(self.testid, self._pick, columns=3, label=self.label)
        self.svgs: dict[str, SvgView] = {}
        for key, label in choices.items():
            with self.group.tile(key, label):
                if self.swatch:
                    with ui.element("div").classes("cs-tile-svg cs-swatch"):
                        self.svgs[key] = SvgView()
                else:
                    self.svgs[key] = SvgView().classes("cs-tile-svg")
                ui.label(label).classes("cs-tile-title")
        self._later = Debounce(self._draw, GALLERY_PAUSE)
        self._draw()
        self.hover = HoverPreview(self, choices, gallery_slide)

    def thumbnail(self, carousel: Carousel, key: str) -> str:
        raise NotImplementedError

    def current(self, carousel: Carousel) -> str:
        return getattr(carousel, self.setting)

    def value(self, key: str) -> Any:
        return key

    def _pick(self, key: str) -> None:
        self.view.attempt(self.view.document.set_setting, self.setting, self.value(key), origin=self.view.person)

    def _draw(self) -> None:
        carousel = self.view.carousel
        for key, svg in self.svgs.items():
            svg.set_content(self.thumbnail(carousel, key))
        self.group.mark(self.current(carousel))

    def refresh(self, change: Changed | None) -> None:
        if isinstance(change, SlideChanged) and change.text_only:
            self._later()  # typing: redraw once it pauses, so keystrokes stay fast
        else:
            self._draw()

    def selection_changed(self) -> None:
        self._draw()
