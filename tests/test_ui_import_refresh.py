"""What an import redraws: only pages a browser shows, and the strip from this process's fresh layout."""
from __future__ import annotations

import httpx
from nicegui import Client, app

from components import thumbnails
from components.svg_view import SvgView
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
