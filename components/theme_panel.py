"""Preset Themes: the current slide drawn in every theme (hover for a large preview); click to apply.

"Compare themes" opens the same comparison large enough to read."""
from __future__ import annotations

from nicegui import background_tasks, helpers, ui

from studio.app import Studio

from . import engine
from .compare_themes import CompareThemes
from .first_open import OnFirstOpen
from .thumbnails import THUMBNAILS
from .thumbnails import key as thumbnail_key
from .tiles import Gallery, gallery_slide
from .view import View


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
    carousel = studio.document.carousel
    if not carousel.slides:
        return
    slide = gallery_slide(carousel, 0, prefer_content=ThemePanel.prefer_content)  # what a new page has selected
    for theme in engine.THEMES:
        variant = engine.single(carousel, slide, theme=theme)
        background_tasks.create(THUMBNAILS.drawn(thumbnail_key(variant), variant), name="theme tiles drawn ahead")
