"""Helpers for the studio's ``user``-fixture tests: click, trigger, wait for a condition."""
from __future__ import annotations

import asyncio
import contextlib
import threading

from nicegui.testing.user_interaction import UserInteraction


def click(user, element) -> None:
    UserInteraction(user, {element}, None).click()


def trigger(user, element, event: str, args=None) -> None:
    UserInteraction(user, {element}, None).trigger(event, args)


async def until(condition, timeout: float = 30.0) -> None:
    """Wait for background handlers (dialogs, imports, thumbnails drawn in workers) to finish."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


def open_panel(user, title: str) -> None:
    """Open a settings panel as a click on its header does (a closed panel is built when first opened)."""
    from nicegui import ui
    with user:
        expansion = next(e for e in user.client.elements.values()
                         if isinstance(e, ui.expansion) and e.props.get("label") == title)
    expansion.value = True


def open_source_tab(user, name: str) -> None:
    """Open a tab of the Source Content panel as a click on it does (a tab is built when first opened)."""
    from nicegui import ui
    with user:
        tab = next(e for e in user.client.elements.values() if isinstance(e, ui.tab) and e.props.get("name") == name)
    click(user, tab)


async def open_project_file(user, data: bytes, name: str = "ferns.json", until_named: str | None = "Ferns") -> None:
    """Upload ``data`` on the Project file tab, as choosing the file does; wait until the project named
    ``until_named`` is open (None: do not wait)."""
    from nicegui import ui
    open_source_tab(user, "Project file")
    with user:
        (upload,) = [e for e in user.client.elements.values() if e.props.get("data-testid") == "project-upload"]
        await upload.handle_uploads([ui.upload.SmallFileUpload(name, "application/json", data)])
    if until_named is not None:
        await until(lambda: user.shared.document.carousel.name == until_named)


@contextlib.contextmanager
def paste_reads_held(monkeypatch, holds):
    """Reading a paste for which ``holds(text)`` is true (in a thread of this process, as the studio's worker would)
    waits until the test lets it end; yields ``(started, release)``. Released at the end in any case."""
    from components import offload
    from studio.app import imports
    started, release = threading.Event(), threading.Event()
    read = imports.Imports.paste

    def held(text: str):
        if holds(text):
            started.set()
            release.wait(60)
        return read(text)

    monkeypatch.setattr(imports.Imports, "paste", staticmethod(held))
    try:
        with offload.in_this_process():
            yield started, release
    finally:
        release.set()


# -- the slide strip in real Chromium (Selenium imported only when these run) ---------------------------------------

# the index among the thumbnails of the focused one (-1: the focus is elsewhere)
FOCUSED_THUMB = ("const thumbs = [...document.querySelectorAll('[data-testid=slide-thumb]')];"
                 " return thumbs.indexOf(document.activeElement)")
_THUMBS = ("return [...document.querySelectorAll('[data-testid=slide-thumb]')].map(e => {"
           " const root = e.querySelector('.cs-thumb-svg').shadowRoot;"
           " const svg = root && root.querySelector('svg'); return svg ? svg.textContent : ''; })")

# where the focus is and what the tab keeps: said when a keyboard move's answer never comes
_STRIP_STATE = ("const a = document.activeElement;"
                " const thumbs = [...document.querySelectorAll('[data-testid=slide-thumb]')];"
                " return {focused: thumbs.indexOf(a), active: a ? a.tagName + '.' + a.className : null,"
                " connected: !!(window.socket && window.socket.connected), handshake: !!window.did_handshake,"
                " notices: [...document.querySelectorAll('.q-notification')].map(n => n.innerText),"
                " kept: Object.fromEntries(Object.keys(sessionStorage).map(k => [k, sessionStorage.getItem(k)]))}")


def by_testid(driver, name):
    from selenium.webdriver.common.by import By
    return driver.find_elements(By.CSS_SELECTOR, f"[data-testid={name}]")


def wait(driver, condition, timeout=60, describe=None):
    """Wait for ``condition()``; on a timeout, the message says what ``describe()`` finds then (the page's state)."""
    from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.05,
                             ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: condition())
    except TimeoutException as error:
        if describe is None:
            raise
        raise TimeoutException(f"waited {timeout} s; then: {describe()}") from error


def open_studio(driver, url: str, width: int | None = None) -> None:
    """The studio loaded and connected, its strip drawn; at ``width`` px as a phone (below 600) or a desktop window
    (the test clears the override: ``Emulation.clearDeviceMetricsOverride``)."""
    from selenium.webdriver.common.by import By
    if width:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 844 if width < 600 else 900, "deviceScaleFactor": 1,
                                "mobile": width < 600})
    driver.get(url)
    wait(driver, lambda: driver.find_elements(By.CSS_SELECTOR, "[data-testid=slide-thumb]")
         and driver.execute_script("return !!(window.socket && window.socket.connected)"))


def thumb_texts(driver) -> list[str]:
    """The words of each thumbnail in the strip, in its order ('' for one not drawn yet)."""
    return driver.execute_script(_THUMBS)


def drawn(driver) -> list[str]:
    """The strip's thumbnails once all are drawn: the start of each one's words."""
    wait(driver, lambda: all(thumb_texts(driver)))
    return [t[:40] for t in thumb_texts(driver)]


def moved(titles: list[str], old: int, new: int) -> list[str]:
    titles = list(titles)
    titles.insert(new, titles.pop(old))
    return titles


def alt(driver, key: str, times: int) -> None:
    """Alt+``key`` pressed ``times`` times in a row, as a keyboard does (on whatever has the focus)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    chain = ActionChains(driver).key_down(Keys.ALT)
    for _ in range(times):
        chain = chain.send_keys(key)
    chain.key_up(Keys.ALT).perform()


def focus_thumb(driver, index: int) -> None:
    driver.execute_script("arguments[0].focus()", by_testid(driver, "slide-thumb")[index])


def await_moved(driver, before: list[str], old: int, new: int) -> None:
    """Wait until the strip shows ``before`` with the slide at ``old`` moved to ``new``, and the focus is on its
    thumbnail there (the answer to a keyboard move)."""
    def state() -> str:
        return (f"expected {moved(before, old, new)}, strip {[t[:40] for t in thumb_texts(driver)]}, "
                f"{driver.execute_script(_STRIP_STATE)}")
    wait(driver, lambda: [t[:40] for t in thumb_texts(driver)] == moved(before, old, new), describe=state)
    wait(driver, lambda: driver.execute_script(FOCUSED_THUMB) == new, describe=state)


def alt_move(driver, index: int, step: int = 1, times: int = 1) -> list[str]:
    """Alt+Right (``step`` 1) or Alt+Left (-1) ``times`` times on the thumbnail at ``index``; waits for the slide
    moved and its thumbnail focused. Returns the strip as it was before (``drawn``)."""
    from selenium.webdriver.common.keys import Keys
    before = drawn(driver)
    focus_thumb(driver, index)
    alt(driver, Keys.ARROW_RIGHT if step > 0 else Keys.ARROW_LEFT, times)
    await_moved(driver, before, index, index + step * times)
    return before


def typed(box, text: str, monkeypatch) -> list:
    """``text`` arrives as a browser's keystroke does (NiceGUI's own handler sends an input nothing back while it
    runs); the methods then run in the browser are returned as they come."""
    ran = []
    monkeypatch.setattr(box, "run_method", lambda name, *args, **kwargs: ran.append(name))
    box._send_update_on_value_change = False  # noqa: SLF001 - what NiceGUI's handler does for an input
    try:
        box.value = text
    finally:
        box._send_update_on_value_change = True  # noqa: SLF001
    return ran
