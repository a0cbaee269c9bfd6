"""What an import redraws (only pages a browser shows; the strip from this process's fresh layout), and a paste
laid out ahead of the click."""
from __future__ import annotations

import copy
import threading

import httpx
from nicegui import Client, app

from components import thumbnails, view
from components.paste_source import AHEAD_PAUSE
from studio import render
from components.svg_view import SvgView
from background import running
from hand_clock import HandClock
from ui_helpers import click, until

THREAD = ("Ferns want shade, not darkness: a thread.\n\n"
          "Water them in the morning, never at noon.\n\n"
          "Repot in spring, one size up and no more.")


def cards(client: Client) -> list[str]:
    with client:
        return [e.props["data-post-id"] for e in client.elements.values() if e.props.get("data-testid") == "post-card"]


async def test_a_page_no_browser_has_connected_to_is_redrawn_when_one_connects(studio, testid):
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://studio") as http:
        assert (await http.get("/")).status_code == 200  # a page built for a request; no browser connects to it
    (ghost,) = [c for c in Client.instances.values() if c is not studio.client and not c.has_socket_connection]
    before = cards(ghost)

    testid(studio, "source-input")[0].value = THREAD
    click(studio, testid(studio, "source-import")[0])
    posts = [p.id for p in studio.shared.document.carousel.thread.posts]
    assert cards(studio.client) == posts and len(posts) == 3
    assert cards(ghost) == before  # nobody sees it: not redrawn

    await ghost.handle_handshake("socket", "tab", None, "document", None)  # its browser connects after all
    await until(lambda: cards(ghost) == posts)


async def test_the_strip_of_a_short_carousel_is_drawn_in_this_process(studio, testid, monkeypatch):
    offloaded = []
    real = thumbnails.off_loop

    async def off_loop(work, *args, thread=False):
        offloaded.append((work.__name__, thread))
        return await real(work, *args, thread=thread)

    monkeypatch.setattr(thumbnails, "off_loop", off_loop)
    thumbnails.THUMBNAILS.clear()
    testid(studio, "source-input")[0].value = THREAD
    click(studio, testid(studio, "source-import")[0])
    strip = [svg for thumb in testid(studio, "slide-thumb") for svg in thumb.descendants() if isinstance(svg, SvgView)]
    await until(lambda: all(svg.content and thumbnails.LOADING not in svg.classes for svg in strip))
    assert ("draw_pages", True) in offloaded
    assert any("Repot" in svg.content for svg in strip)  # the new slides, not the sample's


async def test_a_pasted_thread_is_laid_out_and_its_strip_drawn_before_import_is_clicked(studio, testid, monkeypatch):
    imports = studio.shared.imports
    ahead, made = [], []
    real = imports.lay_out_ahead

    def lay_out_ahead(text):
        ahead.append(text)
        made.append(real(text))
        return made[-1]

    monkeypatch.setattr(imports, "lay_out_ahead", lay_out_ahead)
    thumbnails.THUMBNAILS.clear()
    pasted = "\n\n".join(f"{n}) Leaf number {n} of the fern, and why it unrolls so slowly in the shade." for n in range(1, 9))
    testid(studio, "source-input")[0].value = pasted  # one paste: a few hundred characters at once
    await until(lambda: len(made) == 1)
    assert ahead == [pasted] and made[0] is not None
    first_page = thumbnails.page_name(thumbnails.key(made[0]), 0)
    await until(lambda: thumbnails.THUMBNAILS.get(first_page) is not None)  # the strip, drawn ahead too

    laid_out = []
    real_run = render._run
    monkeypatch.setattr(render, "_run", lambda *args, **kw: laid_out.append(1) or real_run(*args, **kw))
    click(studio, testid(studio, "source-import")[0])
    assert len(cards(studio.client)) == 8
    assert laid_out == []  # every page came from the layout made ahead
    # the strip shows with the first slide, as drawn ahead: nothing was left to draw
    strip = [svg for thumb in testid(studio, "slide-thumb") for svg in thumb.descendants() if isinstance(svg, SvgView)]
    assert len(strip) == len(studio.shared.document.carousel.slides)
    assert all(svg.content and thumbnails.LOADING not in svg.classes for svg in strip)
    assert strip[0].content == thumbnails.THUMBNAILS.get(first_page)


async def test_typing_is_not_laid_out_ahead(studio, testid, monkeypatch):
    clock = HandClock()  # the page's delayed work waits for this clock, moved by hand
    monkeypatch.setattr(view, "CLOCK", clock)
    imports = studio.shared.imports
    ahead = []
    monkeypatch.setattr(imports, "lay_out_ahead", ahead.append)
    box = testid(studio, "source-input")[0]
    for end in range(5, 60, 5):
        box.value = THREAD[:end]
    click(studio, testid(studio, "source-import")[0])  # at once: the import does the work itself
    box.value = THREAD + "\n\n" + THREAD
    click(studio, testid(studio, "source-import")[0])
    clock.advance(2 * AHEAD_PAUSE)
    await until(lambda: not running("lay out a paste ahead"))  # one started by then would have ended
    assert ahead == []


async def test_import_clicked_while_the_paste_is_laid_out_waits_for_it_and_imports_once(studio, testid, monkeypatch):
    imports = studio.shared.imports
    started, release = threading.Event(), threading.Event()
    real = imports.lay_out_ahead

    def slow(text):
        started.set()
        release.wait(60)
        real(text)

    monkeypatch.setattr(imports, "lay_out_ahead", slow)
    pasted = "\n\n".join(f"{n}) Frond {n}: water it at dawn, keep it from the noon sun." for n in range(1, 7))
    testid(studio, "source-input")[0].value = pasted
    await until(started.is_set)
    button = testid(studio, "source-import")[0]
    click(studio, button)
    click(studio, button)  # a double click
    assert len(cards(studio.client)) != 6  # still waiting for the layout made ahead
    release.set()
    await until(lambda: len(cards(studio.client)) == 6)
    await until(lambda: not running("import a paste laid out ahead"))
    # imported once: the second click did not ask "new project?"
    assert not running("ask where the thread goes") and not testid(studio, "import-ask-new")
    assert studio.shared.document.carousel.thread.posts[0].text.startswith("Frond 1")


async def test_cancel_while_a_big_paste_is_read_changes_nothing_and_keeps_the_text(studio, testid):
    """A paste too big to read on the spot is read in a worker; Cancel gives the studio back at once, and the
    result, when it comes, is dropped: the carousel is as it was and the pasted text stays in its box."""
    from components.paste_source import SMALL_PASTE
    doc = studio.shared.document
    before = copy.deepcopy(doc.carousel)
    big = "\n\n".join(f"Post {n}: a sentence long enough to be a post of its own, about a bakery." for n in range(250))
    assert len(big) > SMALL_PASTE
    box = testid(studio, "source-input")[0]
    box.value = big
    click(studio, testid(studio, "source-import")[0])
    assert running("read a big paste") and testid(studio, "paste-reading")[0].visible
    click(studio, testid(studio, "paste-cancel")[0])  # before the worker can answer: the loop has not turned
    await studio.should_see("Import cancelled — nothing was changed")
    assert not testid(studio, "paste-reading")[0].visible
    await until(lambda: not running("read a big paste"))  # the worker's answer came and was dropped
    assert doc.carousel == before
    assert box.value == big
    click(studio, testid(studio, "source-import")[0])  # importing it again still works
    await until(lambda: doc.carousel != before)
    assert len(doc.carousel.thread.posts) == 250
