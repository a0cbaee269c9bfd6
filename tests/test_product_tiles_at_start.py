"""Every gallery open on a new page is drawn when the server starts (session 17: the Layout Template tiles were
grey placeholders on a fresh server's first page; only the theme tiles were drawn at start). One mechanism:
``tiles.draw_tiles_at_start`` draws each ``Gallery`` whose panel is open on a first page."""
from __future__ import annotations

import asyncio

from components import engine, thumbnails
from components.app import current_studio
from components.thumbnails import LOADING
from ui_helpers import until

FIRST_PAGE = {"layout-option": len(engine.LAYOUTS), "theme-option": len(engine.THEMES)}


def drawing_ahead() -> bool:
    return any(t.get_name().endswith("tiles drawn ahead") and not t.done() for t in asyncio.all_tasks())


async def test_after_start_the_first_pages_tiles_are_real_drawings(studio_data, user, monkeypatch):
    from nicegui import helpers

    from components import theme_panel
    thumbnails.THUMBNAILS.clear()
    monkeypatch.setattr(helpers, "is_user_simulation", lambda: False)  # a real server's start
    theme_panel.draw_tiles_at_start(current_studio())  # the one call in app.py's start-up
    await until(lambda: not drawing_ahead(), timeout=120)  # drawn in the workers, off the event loop
    drawn = set(thumbnails.THUMBNAILS._done.values())
    await user.open("/")
    for testid, count in FIRST_PAGE.items():
        tiles = [e for e in user.current_layout.descendants() if e.props.get("data-testid") == testid]
        assert len(tiles) == count
        assert not [t.props.get("data-key") for t in tiles if LOADING in t.classes], testid  # no placeholder
        shown = [e.content for t in tiles for e in t.descendants() if hasattr(e, "show_now")]
        assert len(shown) == count and all(s and s in drawn for s in shown), testid  # the drawings made at start
        assert all("<svg" in s for s in shown)


def test_each_gallery_on_a_first_page_says_what_its_tiles_draw(studio_data):
    """The tiles drawn ahead are those a page builds: one per choice, from the first slide (a content slide for
    the layouts), each a one-slide carousel with the choice applied."""
    from components.layout_panel import LayoutPanel
    from components.pattern_panel import PatternPanel
    from components.theme_panel import ThemePanel
    from components.tiles import GALLERIES
    from studio.app import Studio

    assert {g for g in GALLERIES if g.first_page} == {LayoutPanel, ThemePanel}  # the pattern panel opens closed
    assert PatternPanel in GALLERIES
    carousel = Studio(studio_data).document.carousel
    layouts = LayoutPanel.first_variants(carousel)
    assert [c.layout for c in layouts] == list(engine.LAYOUTS)
    assert all(len(c.slides) == 1 and c.slides[0].kind == "content" for c in layouts)
    themes = ThemePanel.first_variants(carousel)
    assert [c.theme for c in themes] == list(engine.THEMES)
