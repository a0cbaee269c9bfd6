"""A paste with an HTML flavour (a copy of X's page): the studio reads the HTML as the command line reads an HTML file,
off the event loop; the box shows the plain text, which is read as before when the HTML is not X's page."""
from __future__ import annotations

from pathlib import Path

from studio.limits import MAX_TEXT_BYTES
from studio.sources.paste import parse_paste
from ui_helpers import click, trigger, until

SOURCES = Path(__file__).resolve().parent / "fixtures" / "sources"
HTML = (SOURCES / "unseen-page-clipboard-html.html").read_text(encoding="utf-8")
# what Chromium put in the same copy's plain text (document.body.innerText): its emoji were pictures, so they are gone
PLAIN = (SOURCES / "unseen-page-clipboard-html.plain.txt").read_text(encoding="utf-8")


def posts(studio) -> list[str]:
    return [p.text for p in studio.shared.document.carousel.thread.posts]


async def paste(studio, testid, text: str, html: str, plain: str | None = None) -> None:
    """A paste as the browser reports it (assets: the box's ``paste`` listener), then the box's text, then Import."""
    box = testid(studio, "source-input")[0]
    trigger(studio, box, "paste", {"html": html, "text": text if plain is None else plain})
    box.value = text
    click(studio, testid(studio, "source-import")[0])


async def test_a_page_copy_is_read_from_its_html_with_its_emoji(studio, testid):
    expected = [p.text for p in parse_paste(HTML).threads[0].posts]
    assert "❤️" in expected[1] and "❤️" not in PLAIN  # (what the HTML has and the plain text lost)
    await paste(studio, testid, PLAIN, HTML, plain=PLAIN.replace("\n", "\r\n"))  # Windows' line ends
    await until(lambda: posts(studio) == expected)
    assert {p.handle for p in studio.shared.document.carousel.thread.posts} == {"danakim_dev"}
    assert testid(studio, "source-input")[0].value == ""  # imported: the box empties as after any paste


async def test_the_box_edited_after_the_paste_is_read_from_its_text(studio, testid):
    edited = PLAIN.replace("Ship on Fridays.", "Ship on Mondays.")
    await paste(studio, testid, edited, HTML, plain=PLAIN)
    await until(lambda: any("Ship on Mondays." in t for t in posts(studio)))
    assert not any("❤️" in t for t in posts(studio))  # what the creator sees in the box is what comes in


async def test_html_that_is_not_x_page_is_read_from_its_plain_text(studio, testid):
    """A draft copied from a document whose HTML runs its paragraphs together: not X's page, so the plain text the
    box shows is read, as before."""
    text = "Hook: three habits.\n\nFirst habit: write daily, even a line.\n\nSecond habit: ship every week."
    html = "<meta charset='utf-8'><div>" + text.replace("\n\n", " ") + "</div>"
    from_text = [p.text for p in parse_paste(text).threads[0].posts]
    assert from_text != [p.text for p in parse_paste(html).threads[0].posts]
    await paste(studio, testid, text, html)
    await until(lambda: posts(studio) == from_text)


async def test_the_html_is_let_go_once_the_box_holds_other_text(studio, testid):
    box = testid(studio, "source-input")[0]
    trigger(studio, box, "paste", {"html": HTML, "text": PLAIN})
    box.value = "My own draft\n\n" + PLAIN  # pasted below words already in the box
    box.value = PLAIN  # and the draft taken out again: the paste's HTML is gone all the same
    click(studio, testid(studio, "source-import")[0])
    expected = [p.text for p in parse_paste(PLAIN).threads[0].posts]
    await until(lambda: posts(studio) == expected)
    assert not any("❤️" in t for t in posts(studio))


async def test_html_over_the_paste_cap_is_not_kept(studio, testid):
    big = "<div>" + "x" * MAX_TEXT_BYTES + "</div>"
    await paste(studio, testid, PLAIN, big)
    await until(lambda: len(posts(studio)) == 4 and posts(studio)[0].startswith("I shipped 12"))
    assert not any("❤️" in t for t in posts(studio))  # read from the box's text
