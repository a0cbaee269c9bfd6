"""In Chromium: a paste whose HTML (a copy of X's page) is longer than one socket message reaches the studio in parts
and is read from its HTML (its emoji, pictures on X, are only there); HTML over the cap is not sent, the creator is
told, and the import reads the plain text."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("selenium")

from test_paste_s22_browser import BOX, card_texts, import_adding, notices, state, studio  # noqa: E402
from ui_helpers import wait  # noqa: E402

pytestmark = pytest.mark.slow
assert studio  # (the fixture, imported)

SOURCES = Path(__file__).resolve().parent / "fixtures" / "sources"
HTML = (SOURCES / "unseen-page-clipboard-html.html").read_text(encoding="utf-8")
PLAIN = (SOURCES / "unseen-page-clipboard-html.plain.txt").read_text(encoding="utf-8")

# Ctrl+V as the browser fires it (the clipboard's two flavours), then the plain text it puts in the box; the HTML is
# the page's copy with a comment of ``arguments[2]`` quoted words made in the page (quotes, escaped twice, swell it)
_PASTE = """const box = document.querySelector(arguments[0]), copied = new DataTransfer();
copied.setData('text/html', arguments[1].replace('</body>', '<!-- ' + '"q" '.repeat(arguments[2]) + '--></body>'));
copied.setData('text/plain', arguments[3]);
box.focus();
box.dispatchEvent(new ClipboardEvent('paste', {clipboardData: copied, bubbles: true, cancelable: true}));
box.value = arguments[3];
box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));"""


def paste_page(driver, padding: int) -> None:
    driver.execute_script(_PASTE, BOX, HTML, padding, PLAIN)


def test_a_page_copy_longer_than_a_message_is_read_from_its_html(studio):
    paste_page(studio, 150_000)  # 600,000 characters of HTML, 1.5 M once escaped twice
    import_adding(studio)
    wait(studio, lambda: any(t.startswith("Pick boring tech") for t in card_texts(studio)), timeout=120,
         describe=lambda: state(studio))
    assert any("❤️👍🏽" in t for t in card_texts(studio))  # from the HTML: the plain text has no emoji
    assert "❤️" not in PLAIN


def test_a_page_copy_over_the_cap_is_named_and_its_plain_text_read(studio):
    paste_page(studio, 300_000)  # 1.2 M characters of HTML
    wait(studio, lambda: any("characters of HTML, over the 1 MB the studio reads: its plain text is read instead"
                             in n for n in notices(studio)), timeout=60, describe=lambda: state(studio))
    import_adding(studio)
    wait(studio, lambda: any(t.startswith("Pick boring tech") for t in card_texts(studio)), timeout=120,
         describe=lambda: state(studio))
    assert not any("❤️" in t for t in card_texts(studio))
