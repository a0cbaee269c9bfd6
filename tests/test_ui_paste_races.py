"""A paste's HTML is read off the event loop after Import is clicked: whatever the creator does meanwhile wins. A
newer import stays, words typed meanwhile stay in the box, a newer paste is not replaced by the one being read."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from studio.sources.paste import parse_paste
from ui_helpers import click, paste_reads_held, trigger, until

SOURCES = Path(__file__).resolve().parent / "fixtures" / "sources"
HTML = (SOURCES / "unseen-page-clipboard-html.html").read_text(encoding="utf-8")
PLAIN = (SOURCES / "unseen-page-clipboard-html.plain.txt").read_text(encoding="utf-8")
MINE = "My own words here.\n\nSecond post of mine."
MINE_POSTS = [p.text for p in parse_paste(MINE).threads[0].posts]


def posts(studio) -> list[str]:
    return [p.text for p in studio.shared.document.carousel.thread.posts]


@pytest.fixture
def held_html(monkeypatch):
    """Reading a paste's HTML (in a thread of this process) waits until the test lets it end; yields
    ``(started, release)``."""
    with paste_reads_held(monkeypatch, lambda text: text.lstrip().startswith("<")) as held:
        yield held


def html_read_over() -> bool:
    return not [t for t in asyncio.all_tasks() if t.get_name() == "read a paste's HTML"]


def box(studio, testid):
    return testid(studio, "source-input")[0]


async def paste_and_import(studio, testid, html: str = HTML, plain: str = PLAIN) -> None:
    trigger(studio, box(studio, testid), "paste", {"html": html, "text": plain})
    box(studio, testid).value = plain
    click(studio, testid(studio, "source-import")[0])


async def test_an_html_read_ending_after_a_newer_import_leaves_it(studio, testid, held_html):
    started, release = held_html
    await paste_and_import(studio, testid)
    await until(lambda: started.is_set())  # the page copy is being read (no Reading row: it is short)
    box(studio, testid).value = MINE  # the creator puts their own words in the box instead
    click(studio, testid(studio, "source-import")[0])  # read at once
    await until(lambda: posts(studio) == MINE_POSTS)
    release.set()  # the HTML read ends now: its thread must not come in over the newer import
    await until(html_read_over)
    assert posts(studio) == MINE_POSTS
    assert not testid(studio, "import-brand")  # no dialog asking where the stale thread goes


async def test_words_typed_while_the_html_is_read_stay_in_the_box(studio, testid, held_html):
    started, release = held_html
    before = posts(studio)
    await paste_and_import(studio, testid)
    await until(lambda: started.is_set())
    typed = PLAIN.replace("Ship on Fridays.", "Ship on Mondays.")  # the creator corrects a word
    box(studio, testid).value = typed
    await studio.should_see("nothing was imported")  # told: the click was for what the box held then
    release.set()
    await until(html_read_over)
    assert box(studio, testid).value == typed  # not emptied
    assert posts(studio) == before  # and text never clicked for is not imported
    click(studio, testid(studio, "source-import")[0])  # clicked now: what the box holds comes in
    await until(lambda: any("Ship on Mondays." in p for p in posts(studio)))
    assert box(studio, testid).value == ""


async def test_a_newer_paste_is_not_replaced_by_the_one_being_read(studio, testid, held_html):
    """Pasted over while the first paste's HTML is read: the first is not imported, and the newer paste keeps its
    own HTML (read when its Import is clicked)."""
    started, release = held_html
    before = posts(studio)
    text = "Hook: three habits.\n\nFirst habit: write daily, even a line.\n\nSecond habit: ship every week."
    html = "<meta charset='utf-8'><div>" + text.replace("\n\n", " ") + "</div>"  # not X's page: read from its text
    await paste_and_import(studio, testid)
    await until(lambda: started.is_set())
    trigger(studio, box(studio, testid), "paste", {"html": html, "text": text})  # a paste over the whole box
    box(studio, testid).value = text
    release.set()
    await until(html_read_over)
    assert posts(studio) == before and box(studio, testid).value == text
    click(studio, testid(studio, "source-import")[0])
    await until(lambda: posts(studio) == [p.text for p in parse_paste(text).threads[0].posts])


async def test_html_that_is_not_a_page_read_after_a_newer_paste_leaves_that_paste_and_its_html(studio, testid,
                                                                                              held_html):
    """The fallback (HTML that is not X's page: its plain text is imported) once the box holds a newer paste: it
    neither imports that paste, never clicked for, nor drops its HTML (the emoji only the HTML has)."""
    started, release = held_html
    before = posts(studio)
    text = "Hook: three habits.\n\nFirst habit: write daily, even a line.\n\nSecond habit: ship every week."
    await paste_and_import(studio, testid, "<meta charset='utf-8'><div>" + text + "</div>", text)
    await until(lambda: started.is_set())
    trigger(studio, box(studio, testid), "paste", {"html": HTML, "text": PLAIN})  # X's page copied over it
    box(studio, testid).value = PLAIN
    release.set()
    await until(html_read_over)
    assert posts(studio) == before and box(studio, testid).value == PLAIN
    click(studio, testid(studio, "source-import")[0])
    await until(lambda: posts(studio) == [p.text for p in parse_paste(HTML).threads[0].posts])  # with its emoji
