"""A brand name (or website, or outro link) from an old project, far over its cap: each keystroke in its box sends
the edit, not the whole text, and the answer is an edit too (the box sent all 20,000 characters with every
keystroke, and all of them back when one was refused). The cap rule holds: a letter deleted is taken, a letter
added is refused with the studio's message and taken back in the box. Real Chromium, the plain studio."""
from __future__ import annotations

import dataclasses
import json

import pytest

from studio import limits
from studio.app.sample import sample_carousel
from studio.server_process import running_studio
from studio.store import Store
from studio.store.projects import LAST_PROJECT
from test_browser_share import chromium, wait

pytestmark = pytest.mark.slow

NAME = "Ada " + "n" * 20_000


def _frames(driver) -> tuple[list[str], list[str]]:
    """The websocket frames sent and received since the last call (``chromium(frames=True)``)."""
    messages = [json.loads(entry["message"])["message"] for entry in driver.get_log("performance")]
    found = {kind: [m["params"]["response"]["payloadData"] for m in messages if m["method"] == kind]
             for kind in ("Network.webSocketFrameSent", "Network.webSocketFrameReceived")}
    return found["Network.webSocketFrameSent"], found["Network.webSocketFrameReceived"]


def _box(tab):
    from selenium.webdriver.common.by import By
    return tab.find_element(By.CSS_SELECTOR, "input[data-testid=brand-name]")


def _length(tab) -> int:
    return tab.execute_script("return arguments[0].value.length", _box(tab))


def _clicked(element) -> bool:
    element.click()
    return True


def test_an_over_cap_brand_name_is_edited_by_edits_not_whole_texts(tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    carousel = sample_carousel()
    carousel.brand = dataclasses.replace(carousel.brand, name=NAME)
    store = Store(tmp_path)  # an older studio saved this project, before the caps
    store.settings.set(LAST_PROJECT, store.projects.save(carousel))
    with running_studio(tmp_path) as studio:
        tab = chromium(frames=True)
        try:
            tab.get(studio.url)
            wait(lambda: tab.execute_script("return window.did_handshake"), timeout=120)
            header = next(e for e in tab.find_elements(By.CSS_SELECTOR, ".q-expansion-item__container .q-item")
                          if "Brand Kit" in e.text)
            header.click()
            wait(lambda: _length(tab) == len(NAME), timeout=60)
            wait(lambda: _clicked(_box(tab)), timeout=60)  # (once the panel has opened: before, not interactable)
            tab.execute_script("arguments[0].setSelectionRange(arguments[0].value.length, arguments[0].value.length)",
                               _box(tab))
            _frames(tab)
            _box(tab).send_keys(Keys.BACKSPACE)  # only a cut: taken
            wait(lambda: Store(tmp_path).projects.load(Store(tmp_path).settings.get(LAST_PROJECT)).brand.name
                 == NAME[:-1], timeout=60)
            assert _length(tab) == len(NAME) - 1
            _box(tab).send_keys("x")  # longer than before, over the cap: refused, taken back in the box
            wait(lambda: any("The brand's name" in n.text for n in tab.find_elements(By.CSS_SELECTOR, ".q-notification")),
                 timeout=60)
            wait(lambda: _length(tab) == len(NAME) - 1, timeout=60)
            sent, received = _frames(tab)
            assert sent and received
            stretch = "n" * 1_000  # (the slides draw the name cut at its cap: 200 characters)
            assert [len(f) for f in sent + received if stretch in f] == []  # the whole text went neither way
            assert tab.execute_script("return arguments[0].value", _box(tab)) == NAME[:-1]
        finally:
            tab.quit()
