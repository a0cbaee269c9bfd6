"""A slide typed into is laid out for the preview (and its page count) off the event loop: a paste of 16,000
characters held the loop over a second. A layout of words that changed while it was made never reaches the screen."""
from __future__ import annotations

import sys
import threading
import time

from components import engine
from test_slide_strip_keys import strip_of, strip_row
from ui_helpers import trigger, until


def previewed(monkeypatch) -> list[str]:
    """The bodies the slide editor's preview draws, in order."""
    drawn: list[str] = []
    draw = engine.draw_slide_page

    def drawing(laid, *args, **kwargs):
        if sys._getframe(1).f_code.co_name == "_draw_preview":
            drawn.append(laid.carousel.slides[laid.slide_index].body)
        return draw(laid, *args, **kwargs)
    monkeypatch.setattr(engine, "draw_slide_page", drawing)
    return drawn


async def test_the_slide_typed_into_is_laid_out_off_the_event_loop(studio, testid, monkeypatch):
    trigger(studio, testid(studio, "slide-thumb")[1], "click")
    (body,) = testid(studio, "slide-body")
    drawn = previewed(monkeypatch)
    threads: list[threading.Thread] = []
    lay_out = engine.lay_out_slide

    def laying_out(*args, **kwargs):
        threads.append(threading.current_thread())
        return lay_out(*args, **kwargs)
    monkeypatch.setattr(engine, "lay_out_slide", laying_out)
    words = "🇫🇷" * 300
    body.value = words
    await until(lambda: drawn and drawn[-1] == words)
    assert threads and all(t is not threading.main_thread() for t in threads)
    view = strip_of(strip_row(studio, testid)).view
    assert view.counts()[1] == engine.slide_page_count(view.carousel, 1)


async def test_a_layout_of_older_words_that_comes_late_never_replaces_the_newer(studio, testid, monkeypatch):
    trigger(studio, testid(studio, "slide-thumb")[1], "click")
    (body,) = testid(studio, "slide-body")
    drawn = previewed(monkeypatch)
    lay_out = engine.lay_out_slide
    older_started, release, older_done = threading.Event(), threading.Event(), threading.Event()

    def slow_for_older(carousel, index, *args, **kwargs):
        laid = lay_out(carousel, index, *args, **kwargs)
        if carousel.slides[index].body == "older":
            older_started.set()
            release.wait(30)
            older_done.set()
        return laid
    monkeypatch.setattr(engine, "lay_out_slide", slow_for_older)
    body.value = "older"
    await until(older_started.is_set)
    body.value = "newer"  # typed while the older words are laid out
    release.set()
    await until(lambda: drawn and drawn[-1] == "newer")
    assert older_done.is_set() and "older" not in drawn
    view = strip_of(strip_row(studio, testid)).view
    assert view.laid_out(1).carousel.slides[1].body == "newer"


async def test_the_thumbnail_of_the_slide_typed_into_is_drawn_from_the_layout_made_off_the_loop(studio, testid,
                                                                                             monkeypatch):
    """The strip's thumbnail waits for the slide's layout off the loop and is drawn from it (the renderer keeps it):
    drawn at once, it laid the slide out again on the loop."""
    from studio import render
    trigger(studio, testid(studio, "slide-thumb")[1], "click")
    (body,) = testid(studio, "slide-body")
    drawn = previewed(monkeypatch)
    words = "🇫🇷" * 300 + " thumbnail"
    laid_in: list[threading.Thread] = []
    lay_out = render._lay_out

    def laying_out(ctx, carousel, slide, *args, **kwargs):
        if slide.body == words:
            laid_in.append(threading.current_thread())
            if threading.current_thread() is not threading.main_thread():
                time.sleep(1.5)  # a long layout: the strip's thumbnail would be drawn before it ends
        return lay_out(ctx, carousel, slide, *args, **kwargs)
    monkeypatch.setattr(render, "_lay_out", laying_out)
    thumb = testid(studio, "slide-thumb")[1]
    body.value = words
    await until(lambda: drawn and drawn[-1] == words and "thumbnail" in thumb_svg(thumb))
    assert laid_in and threading.main_thread() not in laid_in


def thumb_svg(thumb) -> str:
    """The SVG the strip's thumbnail shows."""
    return next((e.props.get("content", "") for e in thumb.descendants() if "content" in e.props), "")
