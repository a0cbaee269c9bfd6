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


def opened(tab, url: str) -> list[str]:
    """The studio loaded in ``tab`` and connected: its slides' titles."""
    tab.get(url)
    wait(lambda: len(by_testid(tab, "slide-thumb")) > 4 and tab.execute_script("return window.did_handshake"),
         timeout=120)
    return titles(tab)


def notices(tab) -> str:
    return " ".join(n.text for n in tab.find_elements(By.CSS_SELECTOR, ".q-notification"))


def test_a_press_made_while_away_longer_than_the_server_waits_is_made_or_told(tmp_path):
    with running_studio(tmp_path) as studio:
        tab = chromium()
        try:
            before = opened(tab, studio.url)
            tab.execute_script("window.socket.disconnect()")
            focus_thumb(tab, 1)
            alt(tab, Keys.ARROW_RIGHT, 1)
            assert tab.execute_script(FOCUSED_THUMB) in (1, -1)
            time.sleep(RECONNECT_TIMEOUT + 20)  # the server forgets the page (a wait for time itself, not a check)
            tab.execute_script("window.csOldPage = true; window.socket.connect()")
            loaded_again(tab)
            # (never sent: the page knew it was cut off, and the server forgot it before it was back)
            wait(lambda: "may not have been made" in notices(tab), timeout=60)
            assert titles(tab) == before
        finally:
            tab.quit()


# a page whose connection never gets as far as its handshake (the page loaded again at once, or its socket died)
_NO_HANDSHAKE = ("Object.defineProperty(window, 'did_handshake', {get: () => false, set: () => {},"
                 " configurable: true});")
# the page's drags and presses never reach the server
_LOSE_EVERY_MOVE = ("const emit = window.socket.emit.bind(window.socket);"
                    " window.socket.emit = (...a) => a[0] === 'event' && /session/.test(JSON.stringify(a[1] || ''))"
                    " ? undefined : emit(...a);")


def test_a_drag_unanswered_when_the_page_loads_again_twice_is_told_on_the_page_that_connects(tmp_path):
    """A drag never answered, then the page loaded again, and again before that page's connection was up: the
    first reload forgot the kept drag at once and the second had nothing to tell, so it was lost without a word. It
    is kept until a page can tell it, and that page does."""
    from test_browser_strip_drag import flick
    with running_studio(tmp_path) as studio:
        tab = chromium()
        try:
            before = opened(tab, studio.url)
            tab.execute_script(_LOSE_EVERY_MOVE)
            thumbs = by_testid(tab, "slide-thumb")
            flick(tab, thumbs[1], thumbs[3], steps=1, dx=thumbs[3].rect["width"] * 0.3)
            kept = "return Object.keys(sessionStorage).filter(k => k.startsWith('carousel-studio-presses:')).length"
            wait(lambda: tab.execute_script(kept) == 1)
            stalled = tab.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _NO_HANDSHAKE})
            tab.refresh()
            wait(lambda: by_testid(tab, "slide-thumb") and tab.execute_script("return !!window.socket"), timeout=120)
            time.sleep(2)  # (time for the page to read what it was left: a wait for time, not a check)
            assert tab.execute_script(kept) == 1  # not forgotten by a page that cannot tell it
            tab.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": stalled["identifier"]})
            tab.refresh()
            wait(lambda: "may not have been made" in notices(tab), timeout=60)
            assert titles(tab) == before and tab.execute_script(kept) == 0
        finally:
            tab.quit()
