"""Preset Themes: the current slide drawn in every theme (hover for a large preview); click to apply.

"Compare themes" opens the same comparison large enough to read."""
from __future__ import annotations

import asyncio
import logging

from nicegui import background_tasks, helpers, ui

from studio.app import Studio

from . import engine
from .compare_themes import CompareThemes
from .first_open import OnFirstOpen
from .thumbnails import THUMBNAILS
from .thumbnails import key as thumbnail_key
from .tiles import Gallery, gallery_slide
from .view import View

log = logging.getLogger("carousel_studio")


class ThemePanel(Gallery):
    testid, setting, label = "theme-option", "theme", "Theme"

    def __init__(self, view: View) -> None:
        self.compare = OnFirstOpen(None, lambda: CompareThemes(view))  # its dialog: built when first opened
        ui.button("Compare themes", icon="view_comfy", on_click=self.compare.open).props(
            "outline dense no-caps data-testid=compare-themes-open").classes("w-full q-mb-sm")
        super().__init__(view, {key: theme.label for key, theme in engine.THEMES.items()})

    def variant(self, carousel, key: str):
        return engine.single(carousel, self.drawn_slide(carousel), theme=key)


def draw_tiles_at_start(studio: Studio) -> None:
    """``draw_tiles_ahead`` when the server starts; not in a test's simulated browser (NiceGUI's ``user``), whose app
    starts for each test, before the test lends it the run's workers: the tiles would fork a pool of their own."""
    if not helpers.is_user_simulation():
        draw_tiles_ahead(studio)


def draw_tiles_ahead(studio: Studio) -> None:
    """At start: the theme tiles a first page shows (the carousel's first slide in every theme) are drawn in the
    workers now, so a creator who opens the studio right away finds them there, or joins their drawing under way.
    Cold, each worker loads each theme's fonts first: the tiles were placeholders for 1-3 s after the page."""
    background_tasks.create(_draw_tiles(studio), name="theme tiles drawn ahead")


async def _draw_tiles(studio: Studio) -> None:
    """Every theme's tile at once; a failure (the workers could not start) is one line in the log, no traceback:
    a page draws its tiles itself, and says so if they cannot be drawn."""
    try:
        carousel = studio.document.carousel
        if not carousel.slides:
            return
        slide = gallery_slide(carousel, 0, prefer_content=ThemePanel.prefer_content)  # what a new page has selected
        variants = [engine.single(carousel, slide, theme=theme) for theme in engine.THEMES]
        drawn = await asyncio.gather(*(THUMBNAILS.drawn(thumbnail_key(v), v) for v in variants),
                                     return_exceptions=True)
    except Exception as exc:  # noqa: BLE001 - only ahead of time
        drawn = [exc]
    failed = [d for d in drawn if isinstance(d, BaseException) and not isinstance(d, asyncio.CancelledError)]
    if failed:
        log.warning("Theme tiles not drawn ahead at start (%d of %d): %s", len(failed), len(engine.THEMES),
                    f"{type(failed[0]).__name__}: {failed[0]}")
