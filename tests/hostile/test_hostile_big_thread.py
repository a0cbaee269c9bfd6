"""A 300-post thread's cards and slide strip are drawn a slice at a time: static files answer meanwhile.

Drawing the cards of 300 posts took about 4 s and the strip of 300 slides about 2 s, in one go on the
event loop that serves every browser (issue 13). Now each list shows its first slice at once and the
rest a slice at a time (``components.slices``), so a request waits for one slice at most.
The test checks that requests are answered while the lists are drawn, not how long they wait: a bound on the
wait, even as a share of drawing in one go, failed on a loaded machine.
"""
from __future__ import annotations

import asyncio
import gc
import time

import httpx
import pytest
from hostile_helpers import StaticRequests
from nicegui import app

from components import slices
from components.page import StudioPage
from studio.app import ProjectSwitched
from studio.limits import MAX_POSTS

POSTS = MAX_POSTS  # the most a thread may hold (a slide each and the outro: 300 slides)


def _count(user, testid: str) -> int:
    return sum(1 for e in user.client.elements.values() if e.props.get("data-testid") == testid)


def _page_of(user) -> StudioPage:
    return next(o for o in gc.get_objects() if isinstance(o, StudioPage) and o.view.client is user.client)


async def _until(condition, what: str, seconds: float = 180) -> None:
    give_up = asyncio.get_running_loop().time() + seconds
    while not condition():
        assert asyncio.get_running_loop().time() < give_up, what
        await asyncio.sleep(0.1)


@pytest.mark.slow  # stress: a 300-post thread laid out and drawn three times
async def test_static_requests_answer_while_300_posts_are_drawn(studio, monkeypatch):
    text = "\n\n".join(f"Post {n}: a thought worth its own slide, number {n}." for n in range(1, POSTS + 1))
    thread = studio.shared.imports.paste(text).threads[0]
    assert len(thread.posts) == POSTS
    with studio:
        studio.shared.imports.lay_out(thread)  # "Lay out all"
    slides = len(studio.shared.document.carousel.slides)
    page = _page_of(studio)
    drawn = lambda: (_count(studio, "post-card") == POSTS and _count(studio, "slide-thumb") == slides  # noqa: E731
                     and not page.source.cards.sliced.drawing and not page.strip.sliced.drawing)
    await _until(drawn, "the cards and the strip were not drawn")

    drawing = lambda: page.source.cards.sliced.drawing or page.strip.sliced.drawing  # noqa: E731

    # In one go, as before: nothing else is served until both lists are drawn (the check below would fail so).
    monkeypatch.setattr(slices, "AT_ONCE", 10**6)
    started = time.perf_counter()
    page.source.cards.refresh(None)
    page.strip.rebuild()
    in_one_go = time.perf_counter() - started
    assert not drawing()
    monkeypatch.undo()
    assert drawn()

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://studio") as client:
        async with StaticRequests(client, busy=drawing) as statics:
            with studio:
                page._changed(ProjectSwitched())  # what every page hears when the project changes: everything redrawn
            assert drawing()  # the rest goes a slice at a time
            await _until(drawn, "the cards and the strip were not drawn again")
    print(f"both lists in one go {in_one_go:.2f} s; while drawn in slices {statics.answered_while_busy} static "
          f"requests were answered, the slowest in {statics.worst_ms():.0f} ms")
    # Requests go through between the slices. (Drawn in one go, none could: the loop is not let go meanwhile.)
    assert statics.answered_while_busy >= 3
