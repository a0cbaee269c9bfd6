"""The paste box's server side of a page copy's HTML sent in parts and of a file dropped on it (the browser's side:
tests/test_paste_s23_rich.py and tests/test_paste_s23_drop.py in Chromium)."""
from __future__ import annotations

from pathlib import Path

import pytest

from components.paste_size import PART
from components.paste_source import dropped_message
from ui_helpers import click, trigger, until

SOURCES = Path(__file__).resolve().parent / "fixtures" / "sources"
HTML = (SOURCES / "unseen-page-clipboard-html.html").read_text(encoding="utf-8")
PLAIN = (SOURCES / "unseen-page-clipboard-html.plain.txt").read_text(encoding="utf-8")


def posts(studio) -> list[str]:
    return [p.text for p in studio.shared.document.carousel.thread.posts]


def flavour_parts(html: str, text: str) -> list[dict]:
    parts = [("html", html[i:i + PART]) for i in range(0, len(html), PART)] + \
        [("text", text[i:i + PART]) for i in range(0, len(text), PART)]
    return [{"kind": kind, "part": part, "index": index, "count": len(parts)} for index, (kind, part) in
            enumerate(parts)]


async def pasted(studio, testid, parts: list[dict]) -> None:
    box = testid(studio, "source-input")[0]
    for args in parts:
        trigger(studio, box, "paste", args)
    box.value = PLAIN
    click(studio, testid(studio, "source-import")[0])


async def test_a_page_copy_sent_in_parts_is_read_from_its_html(studio, testid):
    html = HTML.replace("</body>", "<!-- " + '"q" ' * 60_000 + "--></body>")
    await pasted(studio, testid, flavour_parts(html, PLAIN))
    await until(lambda: any("❤️👍🏽" in p for p in posts(studio)), timeout=60)


async def test_a_page_copy_a_part_of_which_came_out_of_turn_is_read_from_its_plain_text(studio, testid):
    html = HTML.replace("</body>", "<!-- " + '"q" ' * 60_000 + "--></body>")
    parts = flavour_parts(html, PLAIN)
    del parts[1]
    await pasted(studio, testid, parts)
    await until(lambda: any(p.startswith("Pick boring tech") for p in posts(studio)), timeout=60)
    assert not any("❤️" in p for p in posts(studio))


async def test_a_page_copy_over_the_cap_is_named(studio, testid):
    await pasted(studio, testid, [{"html_over": 1_200_000}])
    await studio.should_see("The page copied with this paste is 1,200,000 characters of HTML, over the 1 MB the "
                            "studio reads: its plain text is read instead")
    await until(lambda: any(p.startswith("Pick boring tech") for p in posts(studio)), timeout=60)


@pytest.mark.parametrize("report, said, kind", [
    ({"name": "notes.txt", "chars": 1234}, "notes.txt is in the box (1,234 characters): click Import thread", "info"),
    ({"name": "big.txt", "problem": "big", "bytes": 6_000_000},
     "big.txt is 6,000,000 bytes; the studio reads at most 1 MB (1,048,576 characters) of text. Nothing was put",
     "negative"),
    ({"name": "x.txt", "problem": "binary"}, "x.txt is not UTF-8 text", "warning"),
    ({"name": "Archive.ZIP", "problem": "kind"}, "Archive.ZIP is a .zip: an X archive is imported from the Archive "
     "tab", "warning"),
    ({"name": "p.json", "problem": "kind"}, "a Carousel Studio project opens from the Project file tab", "warning"),
    ({"name": "slides.pdf", "problem": "kind"}, "slides.pdf is not a text file: the paste box takes a .txt or .md",
     "warning"),
    ({"problem": "many", "count": 2}, "Drop one file at a time", "warning"),
    ({"name": 5, "problem": "odd"}, "The file is not a text file", "warning"),
])
def test_what_a_dropped_file_is_told(report, said, kind):
    message, shown_as = dropped_message(report)
    assert said in message and shown_as == kind


async def test_a_drop_report_is_shown_as_a_notice(studio, testid):
    trigger(studio, testid(studio, "source-input")[0], "drop", {"name": "deck.key", "problem": "kind"})
    await studio.should_see("deck.key is not a text file")
