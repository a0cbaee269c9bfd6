"""Typing in real Chromium into the plain studio (no ``--share``) while its connection fails: every letter
ends in the box, in the preview and in the saved project.

The three ways a page loses its connection: the server held back (a loaded machine: the socket times out
and comes back), the socket away longer than the server waits for it (the server forgets the page, which
loads again), and the server restarted (the page loads again from a server that never knew it).
"""
from __future__ import annotations

import json
import os
import signal
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from studio.server_process import free_port, running_studio
from test_browser_share import chromium, put_caret, wait

RECONNECT_TIMEOUT = 10  # seconds the studio waits for a page's connection to come back (components/app.py)
# Longer than the browser waits for the server's ping (NiceGUI: 8 s + 4 s with reconnect_timeout 10): the
# connection is lost while the words are typed, as it was for a studio starved by a loaded machine.
HELD_BACK = 14
PREVIEW_SVG = ("const root = document.querySelector('[data-testid=slide-preview]').shadowRoot;"
               " return root ? root.innerHTML.replace(/^<style>.*?<\\/style>/, '') : ''")


def body_box(driver):
    from selenium.webdriver.common.by import By
    return driver.find_element(By.CSS_SELECTOR, "textarea[data-testid=slide-body]")


def body(driver) -> str:
    return body_box(driver).get_attribute("value")


def open_studio(driver, url: str) -> str:
    """The studio in this tab, the caret at the end of the first slide's text; returns that text."""
    driver.get(url)
    wait(lambda: body_box(driver).is_displayed() and driver.execute_script("return window.did_handshake"),
         timeout=120)
    before = body(driver)
    put_caret(driver, len(before))
    return before


def type_letters(driver, words: str) -> None:
    for letter in words:
        driver.switch_to.active_element.send_keys(letter)


def loaded_again(driver) -> None:
    wait(lambda: driver.execute_script("return !window.csOldPage && window.did_handshake"), timeout=120)


def preview_words(driver) -> str:
    """The words of the slide text in the preview's SVG (its <text class=body> runs), in drawing order."""
    svg = driver.execute_script(PREVIEW_SVG)
    if not svg:
        return ""
    root = ET.fromstring(svg)
    runs = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "body"]
    return " ".join(" ".join(runs).split())


def saved_texts(data: Path) -> set[str]:
    """Every string in the data folder's saved projects."""
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
    for path in (data / "projects").glob("*.json"):
        try:
            walk(json.loads(path.read_text("utf-8")))
        except (OSError, ValueError):  # being replaced this moment
            pass
    return found


def kept(driver) -> list[str]:
    return driver.execute_script(
        "return Object.keys(sessionStorage).filter((k) => k.startsWith('carousel-studio-unanswered:'))"
        ".map((k) => JSON.parse(sessionStorage.getItem(k)).value)")


def everywhere(driver, data: Path, expected: str) -> None:
    """``expected`` in the box, and in the saved project."""
    try:
        wait(lambda: body(driver) == expected, timeout=90)
        wait(lambda: expected in saved_texts(data), timeout=90)
    except AssertionError:
        raise AssertionError(f"expected {expected!r}; the box: {body(driver)!r}; saved: "
                             f"{sorted(t for t in saved_texts(data) if t[:20] == expected[:20])!r}") from None


def test_words_typed_while_away_longer_than_the_reconnect_timeout_are_kept(tmp_path):
    """The tab's connection drops and stays away until the server has forgotten the page; the words typed
    meanwhile come back with the page loaded again, once."""
    words = " Typed while away."
    with running_studio(tmp_path) as studio:
        tab = chromium()
        try:
            before = open_studio(tab, studio.url)
            tab.execute_script("window.socket.disconnect()")
            type_letters(tab, words)
            assert kept(tab) == [before + words]
            time.sleep(RECONNECT_TIMEOUT + 20)  # the server forgets the page after this (later when loaded)
            tab.execute_script("window.csOldPage = true; window.socket.connect()")
            loaded_again(tab)  # the server had forgotten the page: it loads again
            everywhere(tab, tmp_path, before + words)
            wait(lambda: kept(tab) == [])  # taken: forgotten
        finally:
            tab.quit()


def test_words_typed_while_the_server_is_held_back_reach_the_preview_and_the_project(tmp_path):
    """The server stops answering while the words are typed (a starved studio), long enough for the
    browser to give up on its connection; then it goes on."""
    words = " Document a point and land here"
    with running_studio(tmp_path) as studio:
        tab = chromium()
        try:
            before = open_studio(tab, studio.url)
            type_letters(tab, " Alpha")
            wait(lambda: preview_words(tab).endswith("Alpha"), timeout=120)  # the server has every word so far
            os.kill(studio.process.pid, signal.SIGSTOP)
            try:
                type_letters(tab, words)  # into a connection the server does not read
                time.sleep(HELD_BACK)  # the server held back: the browser gives up on its connection
            finally:
                os.kill(studio.process.pid, signal.SIGCONT)
            everywhere(tab, tmp_path, before + " Alpha" + words)
            wait(lambda: preview_words(tab).endswith("Alpha" + words), timeout=120)
        finally:
            tab.quit()


def test_words_the_server_never_got_outlive_a_server_restart(tmp_path):
    """Nothing the tab sends reaches the server; the server is restarted: the page loads again from the new
    server, and the words typed are in the box and the saved project."""
    port, words = free_port(), " Kept across a restart."
    tab = chromium()
    try:
        with running_studio(tmp_path, port=port) as studio:
            before = open_studio(tab, studio.url)
            tab.execute_script("window.socket.io.engine.transport.ws.send = () => {}")  # nothing arrives
            type_letters(tab, words)
            wait(lambda: kept(tab) == [before + words])
            tab.execute_script("window.csOldPage = true")
        with running_studio(tmp_path, port=port):
            loaded_again(tab)
            everywhere(tab, tmp_path, before + words)
    finally:
        tab.quit()
