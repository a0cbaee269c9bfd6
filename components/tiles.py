"""Selectable tiles (formats, layouts, themes, patterns, CTA variants) and live gallery thumbnails."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui

from studio.carousel import Carousel



class TileGroup:
    """A grid of tiles, one selected; ``on_pick(key)`` runs when a tile is clicked."""

    def __init__(self, testid: str, on_pick: Callable[[Any], Any], *, columns: int = 3) -> None:
        self.testid = testid
        self.on_pick = on_pick
        self.tiles: dict[Any, ui.element] = {}
        self.grid = ui.element("div").classes(f"cs-tiles cs-cols-{columns}")

    def tile(self, key: Any, tooltip: str = "") -> ui.element:
        """Open a tile for ``key``; fill it inside a ``with`` block."""
        with self.grid:
            tile = ui.element("div").classes("cs-tile").props(f"data-testid={self.testid} tabindex=0")
        tile._props["data-key"] = str(key)  # pylint: disable=protected-access
        tile.on("click", lambda k=key: self.on_pick(k))
        tile.on("keydown.enter", lambda k=key: self.on_pick(k))
        if tooltip:
            with tile:
                ui.tooltip(tooltip)
        self.tiles[key] = tile
        return tile

    def mark(self, selected: Any) -> None:
        for key, tile in self.tiles.items():
            if key == selected:
                tile.classes(add="cs-tile-selected")
            else:
                tile.classes(remove="cs-tile-selected")


def gallery_slide(carousel: Carousel, selected: int, *, prefer_content: bool = False) -> int:
    """Which slide a gallery draws: the selected one, or the first content slide when asked."""
    if not prefer_content or carousel.slides[selected].kind == "content":
        return selected
    return next((i for i, s in enumerate(carousel.slides) if s.kind == "content"), selected)
