"""Two tabs away longer than the server waits (reconnect_timeout 10 s): NiceGUI loads each page again once it is
back, and it opened on slide 1 (attack 24b F11), the words typed while away put on whatever box showed. Each page
now opens on the slide it showed, from its own address (``view.Place``), with those words kept on that slide."""
from __future__ import annotations

import time

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from studio.server_process import running_studio  # noqa: E402
from test_browser_share import TOKEN, body_box, chromium, join  # noqa: E402
from test_browser_typing import RECONNECT_TIMEOUT  # noqa: E402
from ui_helpers import by_testid, wait  # noqa: E402

pytestmark = pytest.mark.slow
WORDS = " Typed while away."


def position(tab) -> str:
    return " ".join(e.text for e in tab.find_elements(By.CSS_SELECTOR, ".cs-position"))


def state(tab):
    """What the page held (for a wait's timeout)."""
    return lambda: {"url": tab.current_url, "position": position(tab),
                    "connected": tab.execute_script("return !!(window.socket && window.socket.connected)"),
                    "body": body_box(tab).get_attribute("value")[-60:] if by_testid(tab, "slide-body") else None}


def opened(tab, url: str, name: str, share: bool) -> None:
    if share:
        join(tab, url, name)
    else:
        tab.set_page_load_timeout(90)
        tab.get(url)
    wait(tab, lambda: len(by_testid(tab, "slide-thumb")) > 6 and tab.execute_script("return window.did_handshake"),
         timeout=120, describe=state(tab))


def shows(tab, index: int) -> None:
    """The slide at ``index`` shown, and the page's address says so."""
    wait(tab, lambda: position(tab).startswith(f"Slide {index + 1} of ") and f"n={index + 1}&" in tab.current_url,
         timeout=90, describe=state(tab))


@pytest.mark.parametrize("share", [False, True], ids=["plain", "share"])
def test_pages_loaded_again_open_on_the_slides_their_tabs_showed(tmp_path, share):
    with running_studio(tmp_path, *(("--share", "--token", TOKEN) if share else ())) as studio:
        tabs = [chromium(), chromium()]
        try:
            for tab, name, index in zip(tabs, ("Ada", "Bob"), (3, 5)):
                opened(tab, studio.url, name, share)
                by_testid(tab, "slide-thumb")[index].click()
                shows(tab, index)
            ada, bob = tabs
            before = body_box(ada).get_attribute("value")
            for tab in tabs:
                tab.execute_script("window.socket.disconnect()")
            body_box(ada).click()
            body_box(ada).send_keys(Keys.CONTROL, Keys.END)
            for letter in WORDS:
                ada.switch_to.active_element.send_keys(letter)
            time.sleep(RECONNECT_TIMEOUT + 20)  # the server forgets both pages (a wait for time itself, not a check)
            for tab in tabs:
                tab.execute_script("window.csOldPage = true; window.socket.connect()")
            for tab, index in zip(tabs, (3, 5)):
                wait(tab, lambda t=tab: t.execute_script("return !window.csOldPage && window.did_handshake"),
                     timeout=120, describe=state(tab))
                shows(tab, index)
            wait(ada, lambda: body_box(ada).get_attribute("value") == before + WORDS, timeout=90,
                 describe=state(ada))
        finally:
            for tab in tabs:
                tab.quit()
