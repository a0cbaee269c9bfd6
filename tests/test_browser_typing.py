"""Typing in real Chromium while the server is held back: the preview always ends with the words typed."""
from __future__ import annotations

import os
import signal
import time
import xml.etree.ElementTree as ET

import pytest

pytest.importorskip("selenium")
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from studio.server_process import running_studio  # noqa: E402

# Longer than the browser waits for the server's ping (NiceGUI: 8 s + 4 s with reconnect_timeout 10): the
# connection is lost while the words are typed, as it was for a studio starved by a loaded machine.
HELD_BACK = 14
TYPED = " Document a point and land here"
PREVIEW_SVG = ("const root = document.querySelector('[data-testid=slide-preview]').shadowRoot;"
               " return root ? root.innerHTML.replace(/^<style>.*?<\\/style>/, '') : ''")


def wait(driver, condition, timeout=120):  # generous: the held-back server catches up first
    return WebDriverWait(driver, timeout, poll_frequency=0.1,
                         ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: condition())


def preview_words(driver) -> str:
    """The words of the slide text in the preview's SVG (its <text class=body> runs), in drawing order."""
    svg = driver.execute_script(PREVIEW_SVG)
    if not svg:
        return ""
    root = ET.fromstring(svg)
    runs = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "body"]
    return " ".join(" ".join(runs).split())


def test_words_typed_while_the_server_is_held_back_reach_the_preview(driver, tmp_path):
    with running_studio(tmp_path) as studio:
        driver.get(studio.url)
        wait(driver, lambda: driver.find_elements(By.CSS_SELECTOR, "[data-testid=slide-thumb]"))
        driver.find_elements(By.CSS_SELECTOR, "[data-testid=slide-thumb]")[1].click()
        wait(driver, lambda: "Slide 2 of" in driver.find_element(By.CSS_SELECTOR, ".cs-position").text)
        box = driver.find_element(By.CSS_SELECTOR, "textarea[data-testid=slide-body]")
        wait(driver, lambda: box.is_displayed())
        box.click()
        box.send_keys(Keys.CONTROL, Keys.END)
        box.send_keys(" Alpha")
        wait(driver, lambda: preview_words(driver).endswith("Alpha"))  # the server has every word so far
        os.kill(studio.process.pid, signal.SIGSTOP)
        try:
            box.send_keys(TYPED)  # fast, into a connection the server does not read
            time.sleep(HELD_BACK)  # the server held back: the browser gives up on its connection
        finally:
            os.kill(studio.process.pid, signal.SIGCONT)
        final = box.get_attribute("value")
        assert final.endswith("Alpha" + TYPED)
        wait(driver, lambda: preview_words(driver).endswith("Alpha" + TYPED))
