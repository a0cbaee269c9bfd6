"""Looks a creator called broken, in real headless Chromium: the export dialog's two-way choices read as controls."""
from __future__ import annotations

import pytest

pytest.importorskip("selenium")
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def wait(driver, condition, timeout=60):
    return WebDriverWait(driver, timeout, poll_frequency=0.05,
                         ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: condition())


# each toggle: its border, and whether each option not chosen is inside it with a line before it (or is first)
_TOGGLES = """
return [...document.querySelectorAll('.q-btn-toggle')].map(t => {
  const box = t.getBoundingClientRect(), style = getComputedStyle(t);
  const buttons = [...t.querySelectorAll('.q-btn')];
  return {border: parseFloat(style.borderTopWidth), radius: parseFloat(style.borderTopLeftRadius),
          inside: buttons.every(b => { const r = b.getBoundingClientRect();
                                       return r.left >= box.left && r.right <= box.right + 0.5; }),
          parted: buttons.slice(1).every(b => parseFloat(getComputedStyle(b).borderLeftWidth) >= 1)};
});
"""


def test_the_export_dialogs_choices_have_a_frame_around_every_option(driver, studio_server):
    """"PNG | JPEG" and the resolution: the option not chosen was bare text beside a coloured block."""
    driver.get(studio_server)
    wait(driver, lambda: driver.find_elements(By.CSS_SELECTOR, "[data-testid=slide-thumb]")
         and driver.execute_script("return !!(window.socket && window.socket.connected)"))
    driver.find_element(By.CSS_SELECTOR, "[data-testid=export-open]").click()
    wait(driver, lambda: len(driver.execute_script(_TOGGLES)) == 2)
    for toggle in driver.execute_script(_TOGGLES):
        assert toggle["border"] >= 1 and toggle["radius"] > 0 and toggle["inside"] and toggle["parted"], toggle
