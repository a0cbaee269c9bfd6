"""Newcomer (session 25), in real headless Chromium: Delete or Backspace on a focused thumbnail deletes that
thumbnail's slide (not the selected one), as the bar's Delete does; Undo brings it back."""
from __future__ import annotations

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from test_browser_strip_drag import undo  # noqa: E402
from ui_helpers import by_testid, drawn, thumb_texts, wait  # noqa: E402

pytestmark = pytest.mark.slow

_FOCUS = "const t = document.querySelectorAll('[data-testid=slide-thumb]')[arguments[0]]; t.focus(); " \
         "return document.activeElement === t;"


@pytest.mark.parametrize("key", [Keys.DELETE, Keys.BACKSPACE])
def test_delete_on_a_focused_thumbnail_deletes_its_slide(driver, studio_server, key):
    driver.get(studio_server)
    wait(driver, lambda: len(by_testid(driver, "slide-thumb")) > 5 and all(thumb_texts(driver)),
         describe=lambda: thumb_texts(driver))
    wait(driver, lambda: driver.execute_script("return !!(window.socket && window.socket.connected)"),
         describe=lambda: "the page never connected")
    before = drawn(driver)
    by_testid(driver, "slide-thumb")[1].click()  # slide 2 selected
    assert driver.execute_script(_FOCUS, 4)  # slide 5's thumbnail focused
    ActionChains(driver).send_keys(key).perform()
    wait(driver, lambda: [t[:40] for t in thumb_texts(driver)] == before[:4] + before[5:],
         describe=lambda: [t[:40] for t in thumb_texts(driver)])
    undo(driver)
    wait(driver, lambda: [t[:40] for t in thumb_texts(driver)] == before,
         describe=lambda: [t[:40] for t in thumb_texts(driver)])
