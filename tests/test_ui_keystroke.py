"""The typing path: each keystroke lays out only the slide typed into, and hands autosave the words later."""
from __future__ import annotations

import sys

import pytest

from components import engine, view
from studio.app import projects
from studio.app.sample import sample_carousel
from hand_clock import HandClock
from ui_helpers import trigger, until

LONG = "A sentence that keeps the slide busy for a while. " * 40


def test_one_page_of_one_slide_is_drawn_as_the_whole_carousel_draws_it():
    carousel = sample_carousel()
    carousel.slides[2].body = LONG
    counts = engine.pages_per_slide(carousel)
    assert counts[2] >= 2
    starts, total = engine.first_pages(counts), sum(counts)
    for slide, pages in enumerate(counts):
        assert engine.slide_page_count(carousel, slide) == pages
        laid = engine.lay_out_slide(carousel, slide, scale=1)  # what the preview draws from: count and page in one
        assert laid.pages == pages
        for page in range(pages):
            whole = engine.render_slide(carousel, starts[slide] + page, scale=1)
            assert engine.render_slide_page(carousel, slide, page, starts[slide] + page + 1, total, scale=1) == whole
            assert engine.draw_slide_page(laid, page, starts[slide] + page + 1, total) == whole
    with pytest.raises(IndexError):
        engine.render_slide_page(carousel, 0, counts[0], 1, total)
    with pytest.raises(IndexError):
        engine.draw_slide_page(engine.lay_out_slide(carousel, 0), counts[0], 1, total)


async def test_typing_recounts_the_slide_and_the_preview_is_the_whole_carousels_page(studio, testid):
    trigger(studio, testid(studio, "slide-thumb")[2], "click")
    (body,) = testid(studio, "slide-body")
    preview = testid(studio, "slide-preview")[0]
    doc = studio.shared.document
    for text in (LONG, LONG + " More.", "Short again.", LONG * 2):
        body.value = text
        counts = engine.pages_per_slide(doc.carousel)
        drawn = engine.render_slide(doc.carousel, engine.first_pages(counts)[2], scale=1)
        await until(lambda: preview.content == drawn)  # keystrokes may wait for the drawing before (PREVIEW_SHARE)
        hints = [f"continues on {counts[2]} pages"] if counts[2] > 1 else []  # under the preview
        await until(lambda: [label.text for label in labels(studio, "cs-hint") if "continues" in label.text] == hints)
    # the slide strip follows: a thumbnail per slide, the one typed into showing its page count
    await until(lambda: any(label.text == f"{counts[2]} pages" for label in labels(studio, "cs-thumb-pages")))


async def test_a_burst_of_typing_is_handed_to_autosave_twice_and_saved_whole(studio, testid, monkeypatch):
    doc = studio.shared.document
    doc.rename("Typed project")  # a saved project from here on
    autosaver = studio.shared.autosaver
    handed = []
    changed = autosaver.changed
    monkeypatch.setattr(autosaver, "changed", lambda *args: handed.append(args[1].slides[1].body) or changed(*args))
    monkeypatch.setattr(projects, "monotonic", lambda: 1000.0)  # every keystroke within one hand-over time
    trigger(studio, testid(studio, "slide-thumb")[1], "click")
    (body,) = testid(studio, "slide-body")
    words = "Every keystroke is kept"
    for end in range(1, len(words) + 1):
        body.value = words[:end]
    assert handed == ["E"]  # the first keystroke at once, the rest once the hand-over time has passed
    await until(lambda: len(handed) == 2)
    assert handed[1] == words
    autosaver.flush()
    assert studio.shared.store.projects.load(doc.project_id).slides[1].body == words


async def test_own_typing_waits_only_while_the_drawing_before_it_took_as_long_again(studio, testid, monkeypatch):
    """A keystroke is drawn at once unless the last drawing began less than twice its own time ago (redrawing
    takes at most half the server's time, PREVIEW_SHARE); then once that has passed, with the latest words.
    Time is moved by hand: each drawing "takes" what the test says."""
    clock = HandClock()
    monkeypatch.setattr(view, "CLOCK", clock)
    took, drawn = [0.02], []
    draw = engine.draw_slide_page

    def drawing(laid, *args, **kwargs):
        if sys._getframe(1).f_code.co_name == "_draw_preview":  # the slide editor's preview (not a thumbnail)
            drawn.append(laid.carousel.slides[laid.slide_index].body)
            clock.time += took[0]
        return draw(laid, *args, **kwargs)

    trigger(studio, testid(studio, "slide-thumb")[1], "click")
    (body,) = testid(studio, "slide-body")
    monkeypatch.setattr(engine, "draw_slide_page", drawing)
    start = clock.time
    body.value = "A"
    await until(lambda: drawn == ["A"])  # the first keystroke at once; its drawing took 0.02 s
    body.value = "AB"
    await until(lambda: any(abs(t.due - (start + 0.04)) < 1e-9 for t in clock.timers if not t.cancelled))
    clock.advance(0.01)
    body.value = "ABC"
    took[0] = 0.001
    assert drawn == ["A"]  # held until twice the first drawing's time has passed since it began
    clock.advance(0.01)  # 0.04 s after the first drawing began
    await until(lambda: drawn == ["A", "ABC"])  # the latest words, once
    clock.time += 0.005  # the last drawing took 0.001 s: 0.002 s after it began, the next may start
    body.value = "ABCD"
    await until(lambda: drawn == ["A", "ABC", "ABCD"])
    took[0] = 5.0  # a drawing held up by a busy machine holds up the next by PREVIEW_LONGEST at most
    clock.time += 0.01
    body.value = "ABCDE"
    await until(lambda: drawn[-1] == "ABCDE")
    body.value = "ABCDEF"
    await until(lambda: drawn[-1] == "ABCDEF")
    assert drawn == ["A", "ABC", "ABCD", "ABCDE", "ABCDEF"]


def labels(user, css_class: str) -> list:
    from nicegui import ui
    with user:
        return [e for e in user.client.elements.values() if isinstance(e, ui.label) and css_class in e.classes]
