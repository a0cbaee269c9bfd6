"""'Lay out all' on a big thread shows its progress, and Cancel stops the work and puts the slides back.

For a carousel of 40 slides or more, the pages per slide are counted off the event loop before the
pages redraw (seconds for 300 slides). Meanwhile the page that asked shows a progress bar with Cancel:
Cancel stops the counting at its next slide and undoes the new layout, so nothing of it is kept or saved.
"""
from __future__ import annotations

import asyncio
import copy
import time

import pytest
from nicegui.testing import UserInteraction

from components import engine

POSTS = 120


def _one(user, testid: str):
    (element,) = [e for e in user.client.elements.values() if e.props.get("data-testid") == testid]
    return element


@pytest.fixture
def counted(monkeypatch) -> list[int]:
    """The slides counted so far, slowly: a loaded machine, where the counting takes a while."""
    counted: list[int] = []
    count_one = engine.slide_page_count

    def slowly(carousel, index, *args):
        counted.append(index)
        time.sleep(0.02)
        return count_one(carousel, index, *args)

    monkeypatch.setattr(engine, "slide_page_count", slowly)
    return counted


async def _until(condition, what: str, seconds: float = 120) -> None:
    give_up = asyncio.get_running_loop().time() + seconds
    while not condition():
        assert asyncio.get_running_loop().time() < give_up, what
        await asyncio.sleep(0.05)


@pytest.mark.slow  # stress: a 120-post thread
async def test_cancel_stops_the_counting_and_puts_the_slides_back(studio, counted):
    doc = studio.shared.document
    text = "\n\n".join(f"Post {n}: a thought worth its own slide, number {n}." for n in range(1, POSTS + 1))
    with studio:
        doc.set_thread(studio.shared.imports.paste(text).threads[0])  # the cards only: the slides stay
    before = copy.deepcopy(doc.carousel.slides)
    row = _one(studio, "layout-progress").parent_slot.parent
    assert not row.visible

    UserInteraction(studio, {_one(studio, "layout-all")}, None).click()
    assert row.visible and len(doc.carousel.slides) > POSTS
    await _until(lambda: len(counted) >= 5, "the counting did not start")
    UserInteraction(studio, {_one(studio, "layout-cancel")}, None).click()
    await _until(lambda: studio.notify.contains("Lay out all cancelled"), "no notice of the cancel")
    assert not row.visible
    assert doc.carousel.slides == before
    stopped_at = len(counted)
    await asyncio.sleep(1.0)
    assert len(counted) <= stopped_at + 1 and len(counted) < POSTS  # stopped at its next slide, not finished


@pytest.mark.slow  # stress: a 120-post thread
async def test_the_progress_goes_away_once_laid_out(studio):
    doc = studio.shared.document
    text = "\n\n".join(f"Post {n}: a thought worth its own slide, number {n}." for n in range(1, POSTS + 1))
    with studio:
        doc.set_thread(studio.shared.imports.paste(text).threads[0])
    row = _one(studio, "layout-progress").parent_slot.parent
    UserInteraction(studio, {_one(studio, "layout-all")}, None).click()
    await _until(lambda: studio.notify.contains("Slides rebuilt from the thread"), "no notice of the new slides")
    assert not row.visible and len(doc.carousel.slides) > POSTS


@pytest.mark.slow  # stress: a 120-post thread
async def test_cancel_of_a_big_import_keeps_the_paste_and_the_slides(studio, counted):
    doc = studio.shared.document
    before = copy.deepcopy(doc.carousel.slides)
    text = "\n\n".join(f"Post {n}: a thought worth its own slide, number {n}." for n in range(1, POSTS + 1))
    box = _one(studio, "source-input")
    with studio:
        box.set_value(text)
    UserInteraction(studio, {_one(studio, "source-import")}, None).click()
    await _until(lambda: len(counted) >= 5, "the counting did not start")
    assert _one(studio, "layout-cancel").visible
    UserInteraction(studio, {_one(studio, "layout-cancel")}, None).click()
    await _until(lambda: studio.notify.contains("Import cancelled"), "no notice of the cancel")
    assert doc.carousel.slides == before
    assert box.value == text  # the creator's words stay in the box, to import again
    stopped_at = len(counted)
    await asyncio.sleep(1.0)
    assert len(counted) <= stopped_at + 1 and len(counted) < POSTS
