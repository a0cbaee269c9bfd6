"""A long slide strip (over 25 slides) in real headless Chromium: it is hidden while it is drawn anew, so the focus
falls to the page; an Alt+Arrow then, while a keyboard move is awaited, is one more step, not the browser's Back."""
from __future__ import annotations

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.keys import Keys  # noqa: E402
from test_browser_strip_drag import _FOCUSED, alt, by_testid, moved, thumb_texts, wait  # noqa: E402

# The second press, sent the moment the redraw has taken the focused thumbnail away (the row hidden, the focus on
# the page): too short a moment (~40 ms) for the driver to hit it from outside.
_PRESS_WHEN_FALLEN = """
const row = document.querySelector('.cs-strip');
const thumb = document.querySelectorAll('[data-testid=slide-thumb]')[1];
window.__pressed = null;
const look = () => {
  if (window.__pressed !== null || document.activeElement !== document.body) return;
  window.__pressed = {hidden: getComputedStyle(row).display === 'none', gone: !thumb.isConnected};
  const e = new KeyboardEvent('keydown', {key: 'ArrowRight', altKey: true, bubbles: true, cancelable: true});
  document.body.dispatchEvent(e);
  window.__pressed.prevented = e.defaultPrevented;
  window.__watch.disconnect();
};
window.__watch = new MutationObserver(look);
window.__watch.observe(row, {childList: true, attributes: true});
thumb.focus();
"""


def test_alt_arrow_while_a_long_strip_is_drawn_anew_moves_the_slide_again_and_the_page_stays(driver, studio_server):
    driver.get("data:text/html,<p>the page before</p>")  # (Back would go here)
    driver.get(studio_server)
    wait(driver, lambda: len(by_testid(driver, "slide-thumb")) > 4 and all(thumb_texts(driver)))
    wait(driver, lambda: driver.execute_script("return !!(window.socket && window.socket.connected)"))
    while (count := len(by_testid(driver, "slide-thumb"))) < 40:
        driver.execute_script("document.querySelector('[data-testid=add-slide-end]').click()")
        wait(driver, lambda: len(by_testid(driver, "slide-thumb")) > count)
    wait(driver, lambda: all(thumb_texts(driver)))
    before = [t[:60] for t in thumb_texts(driver)]
    driver.execute_script(_PRESS_WHEN_FALLEN)
    alt(driver, Keys.ARROW_RIGHT, 1)
    wait(driver, lambda: driver.execute_script("return window.__pressed"))
    pressed = driver.execute_script("return window.__pressed")
    print("\nthe second press:", pressed)
    assert pressed["prevented"]  # not the browser's Back
    wait(driver, lambda: [t[:60] for t in thumb_texts(driver)] == moved(before, 1, 3))  # moved twice
    wait(driver, lambda: driver.execute_script(_FOCUSED) == 3)
    assert driver.current_url.rstrip("/") == studio_server.rstrip("/")
    # and a click on the page meanwhile: the focus is the page's, Alt+Left is the browser's again
    driver.execute_script("document.activeElement.blur()")
    prevented = driver.execute_script(
        "const e = new KeyboardEvent('keydown', {key: 'ArrowLeft', altKey: true, bubbles: true, cancelable: true});"
        " document.body.dispatchEvent(e); return e.defaultPrevented")
    assert prevented is False
