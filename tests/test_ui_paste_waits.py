"""An import that waits (a big paste read in a worker, or a paste still being laid out ahead) is for what the box
held when Import was clicked: the box changed meanwhile, it imports nothing (the creator is told), and a click for
the new words imports them; the old read never lands over them."""
from __future__ import annotations

import asyncio
import threading

import pytest

from studio.limits import MAX_POSTS
from studio.sources.paste import parse_paste
from ui_helpers import click, paste_reads_held, until

MINE = "My own words here.\n\nSecond post of mine."
MINE_POSTS = [p.text for p in parse_paste(MINE).threads[0].posts]
BIG = "\n\n".join(f"Post number {i} says something long enough to count as a post of a thread." for i in
        range(MAX_POSTS))
OTHER_BIG = "\n\n".join(f"Another thread, post {i}, with words of its own for the test to tell apart." for i in
                        range(MAX_POSTS))


def posts(studio) -> list[str]:
    return [p.text for p in studio.shared.document.carousel.thread.posts]


def box(studio, testid):
    return testid(studio, "source-input")[0]


def tasks_named(name: str) -> list:
    return [t for t in asyncio.all_tasks() if t.get_name() == name]


@pytest.fixture
def held_big_read(monkeypatch):
    """Reading a paste over 16,000 characters (in a thread of this process) waits until the test lets it end."""
    with paste_reads_held(monkeypatch, lambda text: len(text) > 16_000) as held:
        yield held


@pytest.fixture
def held_lay_out(monkeypatch):
    """Laying a paste out ahead waits until the test lets it end; yields ``(started, release)``, released at the end."""
    from studio.app import imports
    started, release = threading.Event(), threading.Event()
    lay_out = imports.Imports.lay_out_ahead

    def slow(self, text):
        started.set()
        release.wait(60)
        return lay_out(self, text)

    monkeypatch.setattr(imports.Imports, "lay_out_ahead", slow)
    yield started, release
    release.set()


FIRST = "\n\n".join(f"First thread post {i}, a sentence long enough to be a post." for i in range(8))


async def test_a_big_read_ending_after_newer_words_are_imported_leaves_them(studio, testid, held_big_read):
    started, release = held_big_read
    box(studio, testid).value = BIG
    click(studio, testid(studio, "source-import")[0])
    await until(started.is_set)  # the most posts a thread may hold being read, the Reading row shown
    box(studio, testid).value = MINE  # the creator puts their own words in the box instead
    await studio.should_see("nothing was imported")
    click(studio, testid(studio, "source-import")[0])  # read at once
    await until(lambda: posts(studio) == MINE_POSTS)
    release.set()  # the big read ends now: its posts must not come in over the newer import
    await until(lambda: not tasks_named("read a big paste"))
    await asyncio.sleep(0.2)
    assert posts(studio) == MINE_POSTS
    assert box(studio, testid).value == ""  # emptied by the import of MINE, not left or refilled


async def test_a_click_for_another_big_paste_while_one_is_read_reads_the_new_one(studio, testid, held_big_read):
    started, release = held_big_read
    box(studio, testid).value = BIG
    click(studio, testid(studio, "source-import")[0])
    await until(started.is_set)
    box(studio, testid).value = OTHER_BIG
    click(studio, testid(studio, "source-import")[0])  # not "the same import": a read of its own
    await until(lambda: len(tasks_named("read a big paste")) == 2)
    release.set()
    await until(lambda: not tasks_named("read a big paste"))
    expected = [p.text for p in parse_paste(OTHER_BIG).threads[0].posts]
    await until(lambda: posts(studio) == expected)
    await until(lambda: box(studio, testid).value == "")  # emptied once the posts are in
    assert posts(studio) == expected


async def test_a_click_for_new_words_while_an_import_waits_for_the_lay_out_imports_them(studio, testid,
                                                                                       held_lay_out):
    started, release = held_lay_out
    try:
        box(studio, testid).value = FIRST  # a paste: laid out ahead after a pause
        await until(started.is_set)
        click(studio, testid(studio, "source-import")[0])  # waits for the lay-out
        box(studio, testid).value = MINE
        click(studio, testid(studio, "source-import")[0])  # clicked for MINE: not dropped
        await until(lambda: posts(studio) == MINE_POSTS)
    finally:
        release.set()
    await until(lambda: not tasks_named("import a paste laid out ahead"))
    await asyncio.sleep(0.2)
    assert posts(studio) == MINE_POSTS  # the first paste, clicked for before the box changed, did not come in
    assert box(studio, testid).value == ""


async def test_clicks_while_the_lay_out_is_awaited_import_once(studio, testid, held_lay_out):
    started, release = held_lay_out
    try:
        box(studio, testid).value = FIRST
        await until(started.is_set)
        click(studio, testid(studio, "source-import")[0])
        click(studio, testid(studio, "source-import")[0])  # the same import
        assert len(tasks_named("import a paste laid out ahead")) == 1
    finally:
        release.set()
    expected = [p.text for p in parse_paste(FIRST).threads[0].posts]
    await until(lambda: posts(studio) == expected)
    await until(lambda: not tasks_named("import a paste laid out ahead"))
    assert box(studio, testid).value == ""
