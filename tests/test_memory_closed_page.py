"""What a browser's page held goes when NiceGUI deletes the page (after its reconnect window), and what was
drawn for the words typed goes once nobody is here (issue 13: memory back to where it started)."""
from __future__ import annotations

import asyncio
import gc
import weakref

import pytest
from nicegui import Client

from ui_helpers import trigger, until


def _alive(refs: list[weakref.ref]) -> list[str]:
    gc.collect()
    return [type(o).__name__ for o in (ref() for ref in refs) if o is not None]


# a leak probe (a second page, garbage collections, a wait for the tidy-up): slow. In core, test_hostile_memory's
# test_a_closed_page_goes_without_a_garbage_collection frees a closed page and this module's other tests free
# what was drawn and laid out for closed pages
@pytest.mark.slow
async def test_a_closed_pages_view_person_and_panels_go(studio, create_user, testid, monkeypatch):
    """A second browser edits, then leaves: its page, its View, its Person (the origin of its edits, kept in
    events and undo steps) and its panels must not stay referenced by the shared document or the server
    once the server's tidy-up after closed pages (``memory.Tidy``, ``TIDY_EVERY_S`` later) has run."""
    from components import memory, view
    from components.page import StudioPage
    from components.view import View
    from hand_clock import HandClock
    other = create_user()
    await other.open("/")
    page = next(o for o in gc.get_objects() if isinstance(o, StudioPage) and o.view.client is other.client)
    trigger(other, testid(other, "slide-thumb")[1], "click")
    (title,) = testid(other, "slide-title")
    for word in ("zqa", "zqb", "zqc"):
        title.value = f"Title {word}"
    await until(lambda: "zqc" in (studio.shared.document.carousel.slides[1].title or ""))
    refs = [weakref.ref(o) for o in (page, page.view, page.view.person, other.client, *page.panels)]
    del page, title
    assert all(isinstance(ref(), object) for ref in refs)
    monkeypatch.setattr(view, "CLOCK", clock := HandClock())  # the tidy-up's timer, moved on by hand
    other.client.delete()  # what NiceGUI does once the browser's reconnect window has passed
    other.client = None
    clock.advance(memory.TIDY_EVERY_S)
    give_up = asyncio.get_running_loop().time() + 60  # a drawing in a worker may hold it until it is done
    while _alive(refs) and asyncio.get_running_loop().time() < give_up:
        await asyncio.sleep(0.2)
    assert _alive(refs) == []
    assert any(isinstance(o, View) for o in gc.get_objects())  # the first browser's page is still there


def test_line_layouts_of_the_words_go_once_every_page_is_closed(monkeypatch):
    """Every typed title filled the words' layout caches (about 5 MB after ten editors' 600 titles); they
    stayed for nobody. The font metrics stay: a font read again for the next page would cost more."""
    import importlib

    from components import memory
    from studio import render, text
    from studio.app.sample import sample_carousel

    carousel = sample_carousel()
    for n in range(5):
        carousel.slides[1].title = f"Title zq{n}"
        drawn = render.render_slide(carousel, 1)
    caches = [getattr(importlib.import_module(module), name)
              for module, names in memory.TEXT_CACHES.items() for name in names]
    assert text.prepare.cache_info().currsize and text.wrap_from.cache_info().currsize
    metrics = text._metrics.cache_info().currsize
    assert metrics
    monkeypatch.setattr(memory.Tidy, "collect", lambda self: None)
    monkeypatch.setattr(Client, "instances", {"open": None})
    asyncio.run(memory.Tidy().tidy())
    assert text.prepare.cache_info().currsize  # a page is open: kept
    monkeypatch.setattr(Client, "instances", {})
    asyncio.run(memory.Tidy().tidy())
    assert text.prepare.cache_info().currsize == text.wrap_from.cache_info().currsize == 0
    assert [f.__name__ for f in caches if f.cache_info().currsize] == []
    assert text._metrics.cache_info().currsize == metrics
    assert render.render_slide(carousel, 1) == drawn  # laid out again from nothing: the same slide


def test_the_last_export_drawn_ahead_goes_once_every_page_is_closed(monkeypatch):
    """The last draw ahead's Futures held each page's PNG after the drawn pages were forgotten (1.7 MB of a
    thread's malloc arena after ten editors left)."""
    from concurrent.futures import Future

    from components import memory
    from studio.app import exports

    page = Future()
    page.set_result(b"\x89PNG" + bytes(150_000))
    drawn = weakref.ref(page)  # and its PNG with it
    waiting = Future()  # no worker has begun it: cancelled
    monkeypatch.setattr(exports, "_ahead", [page, waiting])
    monkeypatch.setattr(memory.Tidy, "collect", lambda self: None)
    monkeypatch.setattr(Client, "instances", {"open": None})
    asyncio.run(memory.Tidy().tidy())
    assert exports._ahead == [page, waiting]  # a page is open: kept
    monkeypatch.setattr(Client, "instances", {})
    asyncio.run(memory.Tidy().tidy())
    assert exports._ahead == [] and waiting.cancelled()
    del page
    assert drawn() is None


def test_the_tidy_up_lets_requests_through_between_two_caches(monkeypatch):
    """Emptying every drawing cache in one go held the loop 0.3-0.4 s after ten editors left (load.py --stalls):
    a request waiting meanwhile now goes between two caches, and a page opening midway keeps what is left."""
    from components import memory
    happened: list[str] = []

    def cache(name: str, opens_a_page: bool = False):
        def clear() -> None:
            happened.append(name)
            if opens_a_page:
                monkeypatch.setattr(Client, "instances", {"new": None})
        return clear

    monkeypatch.setattr(memory.Tidy, "collect", lambda self: None)
    monkeypatch.setattr(Client, "instances", {})
    monkeypatch.setattr(memory, "drawing_caches", lambda: [cache("a"), cache("b", opens_a_page=True), cache("c")])

    async def tidy_and_a_request() -> None:
        async def request() -> None:
            happened.append("request")
        tidy = asyncio.create_task(memory.Tidy().tidy())
        await asyncio.sleep(0)  # the tidy-up starts and empties its first cache
        await request()
        await tidy

    asyncio.run(tidy_and_a_request())
    assert happened == ["a", "request", "b"]


def test_names_made_on_the_fly_for_attribute_lookups_go_with_the_tidy_up(monkeypatch):
    """CPython 3.11's type attribute cache keeps each looked-up name alive, and NiceGUI's ``'___' + name`` (or a
    class name unpickled from an undo state) is a new string each time: after the tidy-up the cache no longer
    holds it, and it is freed with its last reference."""
    import sys
    from components import memory

    class Owner:
        pass

    setattr(Owner, "___enabled", True)  # (in the class body the name would be mangled)
    name = "".join(["___", "enabled"])  # a new string, as NiceGUI's BindableProperty makes one
    held = sys.getrefcount(name)
    getattr(Owner(), name)
    if sys.getrefcount(name) == held:
        pytest.skip("this Python's type cache keeps no reference to the names it looked up")
    monkeypatch.setattr(Client, "instances", {})
    memory.Tidy().collect()
    assert sys.getrefcount(name) == held


def test_the_draw_ahead_pause_keeps_neither_the_last_change_nor_its_person(monkeypatch):
    """The draw-ahead pause of a document kept the last change it heard, and through its origin the last visitor's
    Person, for the document's life (load.py --trace: one Person alive after every wave, no page open). It still
    tells the same change reported by a second tab from a new one."""
    from components import draw_ahead, view
    from hand_clock import HandClock
    from studio.app import SlideChanged
    from studio.app.person import Person

    monkeypatch.setattr(view, "CLOCK", HandClock())  # the pause's timer, never run here

    class Tab:  # what the pause reads of a tab: its person
        def __init__(self, person):
            self.view = type("View", (), {"person": person})()

    person, other = Person(), Person()
    first, second = Tab(person), Tab(other)
    pause = draw_ahead.DocumentPause()
    theirs = SlideChanged(other, 1, frozenset({"title"}))
    pause.changed(first, theirs)  # reported by a tab not its author's first: that tab asks to draw, for now
    pause.changed(second, theirs)  # the same change from its author's tab: that tab draws
    assert pause._asker() is second
    mine = SlideChanged(person, 2, frozenset({"title"}))
    pause.changed(second, mine)
    pause.changed(first, mine)  # told from the next change, and drawn by its author's tab
    assert pause._asker() is first
    left = weakref.ref(person)
    del mine, first, person
    gc.collect()
    assert left() is None


# keyed by a letter, a cluster, a face or a glyph: few entries, each costly to fill again (a font file read)
KEPT_BY_LETTER = {"studio.emoji.emoji_file", "studio.text.styled_letter", "studio.text._cluster",
                  "studio.text.drawable",
                  "studio.text._draws", "studio.text.has_glyph", "studio.text._base_char", "studio.text.font_for",
                  "studio.text.cluster_em", "studio.text._symbol_drawable", "studio.text._metrics",
                  "studio.text._glyphs"}


def _word_caches() -> dict[str, int]:
    """Every lru cache of the studio's modules, with its entries."""
    import functools
    import sys
    found = {}
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith("studio"):
            continue
        for key, value in list(vars(module).items()):
            if isinstance(value, functools._lru_cache_wrapper) and value.__module__ == name:
                found[f"{name}.{key}"] = value.cache_info().currsize
    return found


def test_every_cache_the_typed_words_fill_goes_once_every_page_is_closed(monkeypatch):
    """Issue 13: a cache keyed by the words typed keeps, for nobody, what each title made (``wide_spaces`` kept up to
    2,048 paragraphs, ``piece_widths`` 1,024 titles, the reading of a body and its links too), made while ten editors
    typed: each a few live blocks among the pages' freed ones, which glibc then cannot give back. Only caches keyed by
    a letter or a face stay."""
    from components import memory
    from studio import render
    from studio.app.sample import sample_carousel

    carousel = sample_carousel()
    carousel.slides[1].title = "Title warm"
    render.render_slide(carousel, 1)
    before = _word_caches()
    for n in range(5):
        carousel.slides[1].title = f"Title zqx{n} words typed here"
        carousel.slides[1].body = f"Lead zq{n}:\n- one zq{n}\n- two https://example.org/zq{n}"
        render.render_slide(carousel, 1)
    grown = {name for name, size in _word_caches().items() if size > before.get(name, 0)}
    assert {"studio.text.prepare", "studio.text.wide_spaces", "studio.reading.unflatten", "studio.links.shown"} <= grown
    monkeypatch.setattr(memory.Tidy, "collect", lambda self: None)
    monkeypatch.setattr(Client, "instances", {})
    asyncio.run(memory.Tidy().tidy())
    after = _word_caches()
    assert sorted(name for name in grown - KEPT_BY_LETTER if after[name]) == []
