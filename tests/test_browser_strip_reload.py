"""An Alt+Right pressed while the connection is away longer than the server waits (reconnect_timeout 10 s): the
page loads again and the press, kept only in the old page, was gone without a word (review s18). The person is
now told the move may not have been made (assets/slide_strip.js ``tellUnmade``), or the slide has moved."""
from __future__ import annotations

import time

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from studio.server_process import running_studio  # noqa: E402
from test_browser_share import chromium, wait  # noqa: E402
from ui_helpers import FOCUSED_THUMB, alt, by_testid, focus_thumb, moved, thumb_texts  # noqa: E402
from test_browser_typing import RECONNECT_TIMEOUT, loaded_again  # noqa: E402

pytestmark = pytest.mark.slow


def titles(tab) -> list[str]:
    wait(lambda: all(thumb_texts(tab)) and thumb_texts(tab))
    return [t[:40] for t in thumb_texts(tab)]


def notices(tab) -> str:
    return " ".join(n.text for n in tab.find_elements(By.CSS_SELECTOR, ".q-notification"))


def test_a_press_made_while_away_longer_than_the_server_waits_is_made_or_told(tmp_path):
    with running_studio(tmp_path) as studio:
        tab = chromium()
        try:
            tab.get(studio.url)
            wait(lambda: len(by_testid(tab, "slide-thumb")) > 4 and tab.execute_script("return window.did_handshake"),
                 timeout=120)
            before = titles(tab)
            tab.execute_script("window.socket.disconnect()")
            focus_thumb(tab, 1)
            alt(tab, Keys.ARROW_RIGHT, 1)
            assert tab.execute_script(FOCUSED_THUMB) in (1, -1)
            time.sleep(RECONNECT_TIMEOUT + 20)  # the server forgets the page (a wait for time itself, not a check)
            tab.execute_script("window.csOldPage = true; window.socket.connect()")
            loaded_again(tab)
            wait(lambda: titles(tab) == moved(before, 1, 2) or "may not have been made" in notices(tab), timeout=60)
            print("strip", titles(tab), "notices", notices(tab))
        finally:
            tab.quit()
