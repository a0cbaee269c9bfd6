"""In Chromium: a paste whose clipboard has HTML (a copy of X's page) sends the HTML along; the import reads it, so
the emoji X draws as pictures (absent from the plain text the box shows) are in the posts."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("selenium")
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

SOURCES = Path(__file__).resolve().parent / "fixtures" / "sources"

# a paste event as the browser fires it for Ctrl+V (the clipboard's two flavours), then the text it inserts
_PASTE = """
const area = arguments[0], copied = new DataTransfer();
copied.setData('text/html', arguments[1]);
copied.setData('text/plain', arguments[2]);
area.focus();
area.dispatchEvent(new ClipboardEvent('paste', {clipboardData: copied, bubbles: true, cancelable: true}));
area.value = arguments[2];
area.dispatchEvent(new Event('input', {bubbles: true}));
"""


def wait(driver, condition, timeout=60):
    return WebDriverWait(driver, timeout, poll_frequency=0.05,
                         ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: condition())


def cards(driver) -> list[str]:
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "[data-testid=post-card] .cs-post-text")]


def test_a_page_copy_pasted_in_the_box_is_read_from_its_html(driver, studio_server):
    html = (SOURCES / "unseen-page-clipboard-html.html").read_text(encoding="utf-8")
    plain = (SOURCES / "unseen-page-clipboard-html.plain.txt").read_text(encoding="utf-8")
    driver.get(studio_server)
    wait(driver, lambda: driver.find_elements(By.CSS_SELECTOR, "[data-testid=post-card]")
         and driver.execute_script("return !!(window.socket && window.socket.connected)"))
    area = driver.find_elements(By.CSS_SELECTOR, "textarea[data-testid=source-input], [data-testid=source-input] textarea")[0]
    driver.execute_script(_PASTE, area, html, plain)
    wait(driver, lambda: area.get_attribute("value") == plain)
    driver.find_element(By.CSS_SELECTOR, "[data-testid=source-import]").click()
    wait(driver, lambda: any(t.startswith("Pick boring tech") for t in cards(driver)))
    assert any("❤️👍🏽" in t for t in cards(driver))  # from the HTML: the plain text has no emoji
    assert "❤️" not in plain
