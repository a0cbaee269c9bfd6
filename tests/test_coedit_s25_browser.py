"""Two real Chromium sessions on ``serve --share``: Ada splits the slide Bob is typing at the end of, or picks another
CTA tile while Bob types the outro headline; every letter Bob typed stays, once, in order, where he typed it."""
from __future__ import annotations

import re
import threading
import time

import pytest

from studio.outro import OutroCTA
from studio.server_process import running_studio
from test_browser_share import TOKEN, body_box, chromium, join
from ui_helpers import by_testid, wait

pytestmark = pytest.mark.slow
MARKS = "".join(f"<{n}>" for n in range(25))


@pytest.fixture
def shared_url(tmp_path):
    with running_studio(tmp_path, "--share", "--token", TOKEN) as studio:
        yield studio.url


def _pair(url):
    ada, bob = chromium(), chromium()
    join(ada, url, "Ada")
    join(bob, url, "Bob")
    wait(ada, lambda: len(by_testid(ada, "face")) == 2, describe=lambda: f"{len(by_testid(ada, 'face'))} faces")
    return ada, bob


def _value(driver, find) -> str:
    try:
        return find(driver).get_attribute("value") or ""
    except Exception:  # noqa: BLE001 - the page may be redrawing
        return ""


def _type_while(bob, find, letters, act, *, clear=False):
    """Bob types ``letters`` one by one at the end of the box; ``act()`` runs meanwhile (once it sees some of them)."""
    from selenium.webdriver.common.keys import Keys

    def type_steadily():
        box = find(bob)
        box.click()
        box.send_keys(Keys.CONTROL, Keys.END)
        if clear:
            box.send_keys(Keys.CONTROL, "a")
            box.send_keys(Keys.DELETE)
        for letter in letters:
            wait(bob, lambda: find(bob).send_keys(letter) or True, describe=lambda: _value(bob, find))
            time.sleep(0.06)
    typist = threading.Thread(target=type_steadily)
    typist.start()
    act()
    typist.join()


def test_a_split_while_bob_types_keeps_his_letters_in_order_in_the_half_that_holds_his_place(shared_url):
    ada, bob = _pair(shared_url)
    try:
        wait(bob, lambda: len(by_testid(bob, "slide-thumb")) >= 9, describe=lambda: len(by_testid(bob, "slide-thumb")))
        by_testid(bob, "slide-thumb")[3].click()
        by_testid(ada, "slide-thumb")[3].click()
        wait(ada, lambda: _value(ada, body_box) == _value(bob, body_box) != "",
             describe=lambda: (_value(ada, body_box), _value(bob, body_box)))
        words = _value(bob, body_box)
        def split() -> None:  # once Ada's page shows Bob's first letters: the server knows where he types
            wait(ada, lambda: "<2>" in _value(ada, body_box), describe=lambda: _value(ada, body_box))
            by_testid(ada, "split-slide")[0].click()
        _type_while(bob, body_box, MARKS, split)

        def ended() -> bool:  # Ada's page shows the new second half, as Bob's does
            return _value(bob, body_box).endswith(MARKS) and _value(ada, body_box) == _value(bob, body_box)
        wait(bob, ended, timeout=90, describe=lambda: f"Bob: {_value(bob, body_box)!r}; Ada: {_value(ada, body_box)!r}")
        held = _value(bob, body_box)
        assert re.findall(r"<\d+>", held) == re.findall(r"<\d+>", MARKS)  # once each, in order, together
        assert words.rstrip().endswith(held[:-len(MARKS)].strip())  # after the words that were before his place
        assert len(held) - len(MARKS) < len(words)  # (the slide was split)
        ada.find_elements("css selector", "[data-testid=slide-thumb]")[3].click()  # the first half: none of his
        wait(ada, lambda: words.startswith(_value(ada, body_box)) and _value(ada, body_box),
             describe=lambda: _value(ada, body_box))
    finally:
        ada.quit(), bob.quit()


def test_picking_a_cta_tile_while_bob_types_the_headline_leaves_his_headline_whole(shared_url):
    ada, bob = _pair(shared_url)

    def headline(driver):
        return driver.find_element("css selector", "[data-testid=cta-headline] input, input[data-testid=cta-headline]")

    def button(driver):
        return driver.find_element("css selector", "[data-testid=cta-button] input, input[data-testid=cta-button]")
    try:
        for driver in (ada, bob):
            panel = driver.find_element("css selector", "[data-testid=panel-campaign] .q-expansion-item__container > .q-item")
            driver.execute_script("arguments[0].scrollIntoView()", panel)
            panel.click()
            wait(driver, lambda d=driver: headline(d).is_displayed(), describe=lambda d=driver: d.title)
        typed = "Grab my free onboarding checklist today "
        def pick() -> None:  # once Ada's page shows Bob's first words
            wait(ada, lambda: _value(ada, headline).startswith("Grab my"), describe=lambda: _value(ada, headline))
            by_testid(ada, "cta-option")[1].click()
        _type_while(bob, headline, typed, pick, clear=True)
        repost = OutroCTA.default(2).button
        wait(ada, lambda: _value(ada, headline) == _value(bob, headline) == typed and _value(ada, button) == repost,
             timeout=90, describe=lambda: (f"Bob: {_value(bob, headline)!r}; Ada: {_value(ada, headline)!r}, "
                                           f"button {_value(ada, button)!r}"))
    finally:
        ada.quit(), bob.quit()
