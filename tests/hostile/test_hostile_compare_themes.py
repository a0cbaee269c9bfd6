"""Compare themes draws its 15 to 45 slides off the event loop: other browsers are not held up meanwhile."""
from __future__ import annotations

import threading

from components import engine, offload, thumbnails
from ui_helpers import click, until


async def test_compare_themes_draws_off_the_event_loop(studio, testid, monkeypatch):
    thumbnails.THUMBNAILS.clear()  # nothing kept: every drawing is made now
    drawing_threads = []
    render_slide = engine.render_slide

    def recorded(*args, **kwargs):
        drawing_threads.append(threading.current_thread())
        return render_slide(*args, **kwargs)

    monkeypatch.setattr(engine, "render_slide", recorded)
    loop_thread = threading.current_thread()
    with offload.in_this_process():  # drawn in a thread here, so that the replaced renderer is the one used
        await _compare_first_slides(studio, testid)
    assert drawing_threads and loop_thread not in drawing_threads


async def _compare_first_slides(studio, testid) -> None:
    click(studio, testid(studio, "compare-themes-open")[0])
    await studio.should_see("Click a theme to use it.")
    testid(studio, "compare-which")[0].value = "first"
    views = [e for row in testid(studio, "compare-row") for e in row.descendants() if "cs-compare-svg" in e.classes]
    assert len(views) == 3 * len(engine.THEMES)
    await until(lambda: all(view.content for view in views), timeout=120)
    assert not any(thumbnails.LOADING in view.classes for view in views)
