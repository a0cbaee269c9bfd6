"""The typed slide is laid out off the event loop before the pages hear of the edit (``view.LaidAhead``)."""
from __future__ import annotations

import asyncio
import threading

from components import engine, view
from components.view import LaidAhead
from studio.app.sample import sample_carousel
from ui_helpers import trigger, until

LONG = "A sentence that keeps the slide busy for a while. " * 40


def test_a_layout_made_from_an_older_copy_never_replaces_a_newer_one():
    carousel = sample_carousel()
    laid = LaidAhead()
    carousel.slides[1].body = "First words."
    older = laid.ahead(carousel, 1)
    carousel.slides[1].body = "Second words."
    newer = laid.ahead(carousel, 1)
    laid.lay_out(*newer)  # the newer copy's layout finishes first
    laid.lay_out(*older)
    assert text_of(laid.get(carousel, 1)) == "Second words."
    carousel.slides[1].body = "Third words, typed since."
    assert laid.get(carousel, 1) is None  # not from the words the slide has now


def test_the_copy_keeps_the_words_it_was_made_with_while_the_slide_changes_in_place():
    carousel = sample_carousel()
    carousel.slides[2].body = "Words when copied."
    ahead = LaidAhead().ahead(carousel, 2)
    carousel.slides[2].body = "Words typed during the layout."
    assert ahead[1].slides[2].body == "Words when copied."
    assert text_of(LaidAhead().lay_out(*ahead)) == "Words when copied."
    copied = view.words_copy(carousel)
    carousel.slides[0].title = "A new cover title"
    assert copied.slides[0].title != carousel.slides[0].title


def test_a_change_other_than_words_drops_the_layouts_and_those_being_made():
    carousel = sample_carousel()
    laid = LaidAhead()
    kept = laid.ahead(carousel, 1)
    laid.lay_out(*kept)
    being_made = laid.ahead(carousel, 2)
    laid.forget()
    laid.lay_out(*being_made)  # finished after the change of looks: made from the old looks
    assert laid.get(carousel, 1) is None
    assert laid.get(carousel, 2) is None
    laid.lay_out(*laid.ahead(carousel, 2))
    assert laid.get(carousel, 2) is not None


def test_a_layout_is_found_only_for_the_carousel_it_was_made_from():
    one, other = sample_carousel(), sample_carousel()
    laid = LaidAhead()
    laid.lay_out(*laid.ahead(one, 1))
    assert laid.get(one, 1) is not None
    assert laid.get(other, 1) is None


async def test_typing_lays_the_slide_out_off_the_loop_and_every_page_draws_the_newest_words(studio, testid, monkeypatch):
    """Where each layout of the typed slide runs is recorded: never on the event loop's thread."""
    on_loop = threading.get_ident()
    threads: list[bool] = []
    real = engine.lay_out_slide

    def recording(carousel, index, *args, **kwargs):
        threads.append(threading.get_ident() == on_loop)
        return real(carousel, index, *args, **kwargs)

    monkeypatch.setattr(engine, "lay_out_slide", recording)
    trigger(studio, testid(studio, "slide-thumb")[2], "click")
    await asyncio.sleep(0.2)  # the selection's own drawing (a slide nobody typed into) is not what is counted
    threads.clear()
    (body,) = testid(studio, "slide-body")
    preview = testid(studio, "slide-preview")[0]
    doc = studio.shared.document
    for text in ("Short words.", LONG, LONG + " More.", "Short again.", LONG * 2):
        body.value = text
        counts = engine.pages_per_slide(doc.carousel)
        drawn = engine.render_slide(doc.carousel, engine.first_pages(counts)[2], scale=1)
        await until(lambda: preview.content == drawn, 60)
        hints = [f"continues on {counts[2]} pages"] if counts[2] > 1 else []
        await until(lambda: [label.text for label in labels(studio, "cs-hint") if "continues" in label.text] == hints, 60)
    assert threads, "the typed slide was never laid out"
    assert not any(threads), f"{threads.count(True)} of {len(threads)} layouts ran on the event loop"


async def test_keystrokes_quicker_than_the_layout_end_on_the_last_words(studio, testid, monkeypatch):
    """The layout of each keystroke is held until the next keystroke came: the pages still end on the last."""
    gate = threading.Event()
    real = engine.lay_out_slide

    def slow(carousel, index, *args, **kwargs):
        gate.wait(10)
        return real(carousel, index, *args, **kwargs)

    trigger(studio, testid(studio, "slide-thumb")[1], "click")
    (body,) = testid(studio, "slide-body")
    preview = testid(studio, "slide-preview")[0]
    doc = studio.shared.document
    monkeypatch.setattr(engine, "lay_out_slide", slow)
    words = "Every keystroke counts"
    for end in range(1, len(words) + 1):
        body.value = words[:end]
    await asyncio.sleep(0.1)
    gate.set()
    counts = engine.pages_per_slide(doc.carousel)
    drawn = engine.render_slide(doc.carousel, engine.first_pages(counts)[1], scale=1)
    await until(lambda: preview.content == drawn, 60)
    assert doc.carousel.slides[1].body == words


def text_of(laid: engine.SlideLayout | None) -> str:
    assert laid is not None
    return laid.carousel.slides[laid.slide_index].body


def labels(user, css_class: str) -> list:
    from nicegui import ui
    with user:
        return [e for e in user.client.elements.values() if isinstance(e, ui.label) and css_class in e.classes]
