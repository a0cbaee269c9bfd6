"""Selectable tiles (formats, layouts, themes, patterns, CTA variants) and live gallery thumbnails."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
import logging
from typing import Any

from nicegui import background_tasks, helpers, ui

from studio.carousel import Carousel
from studio.app import Changed, ProjectSwitched, SlideChanged, Studio, renames_only

from . import engine
from .hover_preview import HoverPreview
from .svg_view import SvgView
from .thumbnails import LOADING, THUMBNAILS, show
from .thumbnails import key as thumbnail_key
from .view import Debounce, View

log = logging.getLogger("carousel_studio")

# Seconds without typing before a gallery redraws its tiles for the slide's new words (a dozen tiles drawn in the
# workers; words 8 px tall): ten people typing at once each pause about once a second, and 0.8 s drew every edit.
GALLERY_PAUSE = 2.0

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
            tile = ui.element("div").classes("cs-tile")
        # one change for all five (a props string is parsed, and each of its props is a change of its own);
        # data-key: its name is its visible label (an aria-label would hide it)
        tile.props.update({"data-testid": self.testid, "tabindex": "0", "role": "radio", "aria-checked": "false",
                           "data-key": str(key)})
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


GALLERIES: list[type[Gallery]] = []  # every kind of gallery, as its module defines it


class Gallery:
    """A settings panel of live thumbnails, one per choice of a carousel setting; click to apply.

    Subclasses name the ``testid`` and ``setting`` and say what one choice's thumbnail shows
    (``variant``: a one-slide carousel), which tile is current (``current``) and what a tile
    sets (``value``). Thumbnails come from the shared cache, drawn off the event loop: a tile not
    drawn yet shows a placeholder (or its previous drawing, dimmed) and fills in when it is ready.
    """

    testid = ""
    setting = ""
    label = ""  # the radio group's name for screen readers
    swatch = False  # draw in a magnifying swatch frame (patterns): the background alone, no slide's words
    prefer_content = False  # the tiles show the first content slide while a cover or outro is selected

    def __init__(self, view: View, choices: dict[str, str]) -> None:
        self.view = view
        self.group = TileGroup(self.testid, self._pick, columns=3, label=self.label)
        self.svgs: dict[str, SvgView] = {}
        self.shown = True  # its panel is open: a closed one draws nothing until it opens again
        self._stale = False  # changed while closed
        for key, label in choices.items():
            with self.group.tile(key):  # no tooltip: it would repeat the label shown under the tile
                if self.swatch:
                    with ui.element("div").classes("cs-tile-svg cs-swatch"):
                        self.svgs[key] = SvgView()
                else:
                    self.svgs[key] = SvgView().classes("cs-tile-svg")
                ui.label(label).classes("cs-tile-title")
        self._later = Debounce(self._draw, GALLERY_PAUSE)
        self._draw()
        self.hover = HoverPreview(self, choices, gallery_slide)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        GALLERIES.append(cls)

    first_page = False  # its panel is open on a new page: its tiles are drawn when the server starts

    options: dict[str, Any] = {}  # the registry the tiles offer (each entry has a ``label``)

    @classmethod
    def choices(cls) -> dict[str, str]:
        """Each tile's key → its label."""
        return {key: option.label for key, option in cls.options.items()}

    @classmethod
    def variant_of(cls, carousel: Carousel, slide: int | None, key: str) -> Carousel:
        """What ``key``'s tile draws when the tiles show slide ``slide`` (None: a swatch): a one-slide carousel."""
        return engine.single(carousel, slide, **{cls.setting: key})

    def variant(self, carousel: Carousel, key: str) -> Carousel:
        return self.variant_of(carousel, self.drawn_slide(carousel), key)

    @classmethod
    def first_variants(cls, carousel: Carousel) -> list[Carousel]:
        """The tiles a new page shows (its selected slide is the first)."""
        slide = None if cls.swatch else gallery_slide(carousel, 0, prefer_content=cls.prefer_content)
        return [cls.variant_of(carousel, slide, key) for key in cls.choices()]

    def drawn_slide(self, carousel: Carousel) -> int | None:
        """The slide whose words the tiles show (None: a swatch shows none)."""
        return None if self.swatch else gallery_slide(carousel, self.view.selected, prefer_content=self.prefer_content)

    def current(self, carousel: Carousel) -> str:
        return getattr(carousel, self.setting)

    def value(self, key: str) -> Any:
        return key

    def _pick(self, key: str) -> None:
        self.view.attempt(self.view.document.set_setting, self.setting, self.value(key), origin=self.view.person)

    def panel_opened(self, opened: bool) -> None:
        """Its panel was opened or closed; opened, it catches up with what changed meanwhile."""
        self.shown = opened
        if opened and self._stale:
            self._draw()

    def _draw(self, fill: bool = True) -> None:
        """Show the kept thumbnails now; draw the missing ones off the event loop (``fill``: start at once)."""
        self._stale = not self.shown
        if self._stale:
            self._later.cancel()
            return
        carousel = self.view.carousel
        self.group.mark(self.current(carousel))
        missing = {}
        for choice, svg in self.svgs.items():
            variant = self.variant(carousel, choice)
            name = svg.thumbnail = thumbnail_key(variant)
            drawn = THUMBNAILS.get(name)
            tile = self.group.tiles[choice]
            if drawn is None:
                missing[choice] = (name, variant)
                # the tile wears the look: a class on the view would send its whole old drawing again (~7 KB a tile)
                tile.classes(add=LOADING)
            else:
                show(svg, name, drawn, tile)
        if missing and fill:
            background_tasks.create(self._fill(missing), name=f"{self.testid} thumbnails")

    async def _fill(self, missing: dict[str, tuple[str, Carousel]]) -> None:
        for choice, (name, variant) in missing.items():
            if self.view.client.is_deleted:
                return
            if self.svgs[choice].thumbnail != name:  # a later edit asked for another drawing: this one is not shown
                continue
            try:
                drawn = await THUMBNAILS.drawn(name, variant)
            except Exception:  # noqa: BLE001 - a tile that cannot be drawn stays blank; the studio goes on
                log.exception("could not draw the %s thumbnail %r", self.setting, choice)
                continue
            show(self.svgs[choice], name, drawn, self.group.tiles[choice])

    def refresh(self, change: Changed | None) -> None:
        if renames_only(change):
            return
        if isinstance(change, SlideChanged) and change.text_only:
            if change.slide == self.drawn_slide(self.view.carousel):  # not another person's slide: no tile changes
                self._later()  # typing: redraw once it pauses, so keystrokes stay fast
        elif isinstance(change, ProjectSwitched):
            # another carousel (an import): its slide and strip are drawn first, the tiles a moment later
            self._draw(fill=False)
            self._later()
        else:
            self._draw()

    def selection_changed(self) -> None:
        self._draw()


def draw_tiles_at_start(studio: Studio) -> None:
    """``draw_tiles_ahead`` when the server starts; not in a test's simulated browser (NiceGUI's ``user``), whose app
    starts for each test, before the test lends it the run's workers: the tiles would fork a pool of their own."""
    if not helpers.is_user_simulation():
        draw_tiles_ahead(studio)


def draw_tiles_ahead(studio: Studio, galleries: list[type[Gallery]] | None = None) -> None:
    """At start: the tiles a first page shows (every gallery open on it: ``Gallery.first_page``, in the page's order)
    are drawn in the workers now, so a creator who opens the studio right away finds them there, or joins their
    drawing under way. Cold, each worker loads each theme's fonts first: tiles were placeholders for a moment."""
    for gallery in [g for g in GALLERIES if g.first_page] if galleries is None else galleries:
        background_tasks.create(_draw_tiles(studio, gallery), name=f"{gallery.setting} tiles drawn ahead")


async def _draw_tiles(studio: Studio, gallery: type[Gallery]) -> None:
    """A gallery's every tile at once; a failure (the workers could not start) is one line in the log, no
    traceback: a page draws its tiles itself, and says so if they cannot be drawn."""
    count = 0
    try:
        carousel = studio.document.carousel
        if not carousel.slides:
            return
        variants = gallery.first_variants(carousel)
        count = len(variants)
        drawn = await asyncio.gather(*(THUMBNAILS.drawn(thumbnail_key(v), v) for v in variants),
                                     return_exceptions=True)
    except Exception as exc:  # noqa: BLE001 - only ahead of time
        drawn = [exc]
    failed = [d for d in drawn if isinstance(d, BaseException) and not isinstance(d, asyncio.CancelledError)]
    if failed:
        log.warning("%s tiles not drawn ahead at start (%d of %d): %s", gallery.label, len(failed),
                    count or len(failed), f"{type(failed[0]).__name__}: {failed[0]}")
