"""The theme tiles a first page shows are drawn when the server starts, so a creator who opens the studio at once
does not look at placeholders while the workers load each theme's fonts."""
from __future__ import annotations

from components import engine, thumbnails
from components.app import current_studio
from components.theme_panel import draw_tiles_ahead
from components.thumbnails import LOADING
from background import running
from ui_helpers import until



async def test_the_tiles_drawn_at_start_are_the_ones_a_new_page_shows(studio_data, user):
    thumbnails.THUMBNAILS.clear()
    kept = lambda: len(thumbnails.THUMBNAILS._done)  # noqa: E731
    draw_tiles_ahead(current_studio())
    await until(lambda: kept() == len(engine.THEMES))  # drawn in the workers, off the event loop
    drawn = dict(thumbnails.THUMBNAILS._done)
    await user.open("/")
    tiles = [e for e in user.current_layout.descendants() if e.props.get("data-testid") == "theme-option"]
    assert len(tiles) == len(engine.THEMES)
    assert not [t for t in tiles if LOADING in t.classes]  # every tile had its drawing when the page was built
    shown = {e.content for t in tiles for e in t.descendants() if hasattr(e, "show_now")}
    assert shown == set(drawn.values())


async def test_the_server_draws_them_at_start_and_a_tests_simulated_browser_does_not(studio_data, user, monkeypatch):
    from nicegui import helpers

    from components import theme_panel
    thumbnails.THUMBNAILS.clear()
    theme_panel.draw_tiles_at_start(current_studio())  # NiceGUI's user: its app starts for each test
    assert not running("theme tiles drawn ahead")
    monkeypatch.setattr(helpers, "is_user_simulation", lambda: False)
    theme_panel.draw_tiles_at_start(current_studio())  # a real server's start
    assert running("theme tiles drawn ahead")
    await until(lambda: len(thumbnails.THUMBNAILS._done) >= len(engine.THEMES))


async def test_workers_that_cannot_start_are_one_line_in_the_log_no_traceback(studio_data, user, monkeypatch, caplog):
    """Only ahead of time: the pages draw their tiles themselves. One line says why, not a traceback a theme."""
    import logging

    thumbnails.THUMBNAILS.clear()

    async def cannot_fork(name, variant):
        raise OSError("[Errno 12] Cannot allocate memory")

    monkeypatch.setattr(thumbnails.THUMBNAILS, "drawn", cannot_fork)
    with caplog.at_level(logging.INFO):
        draw_tiles_ahead(current_studio())
        await until(lambda: not running("theme tiles drawn ahead"))
    said = [r for r in caplog.records if "Cannot allocate memory" in r.getMessage() or r.exc_info]
    assert [(r.levelno, r.exc_info) for r in said] == [(logging.WARNING, None)]
    assert f"({len(engine.THEMES)} of {len(engine.THEMES)})" in said[0].getMessage()
    caplog.clear()  # (told, on purpose)
