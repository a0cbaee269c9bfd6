"""Below 880 px the page scrolls under a fixed top bar, the notices' band and the strip: a control scrolled to (the
keyboard's Tab moves to it) must stand clear of all three, never under the band (it did, as under the strip), in
real Chromium at 768 and 390 px with a notice shown."""
from __future__ import annotations

import json
import os

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

from ui_helpers import open_studio, wait  # noqa: E402

pytestmark = pytest.mark.slow

# The focused control and where it stands against the top bar, the band of notices and the strip (null: the focus
# is in the top bar, the strip or a notice, which do not scroll).
_FOCUSED = """
const e = document.activeElement;
if (!e || e === document.body || e.closest('.q-header, .q-footer, .q-notification, .q-drawer')) return null;
const r = e.getBoundingClientRect();
const band = Math.min(...[...document.querySelectorAll('.q-notification')].map(n => n.getBoundingClientRect().top));
const header = document.querySelector('.q-header').getBoundingClientRect().bottom;
const strip = document.querySelector('.q-footer').getBoundingClientRect().top;
return {name: e.dataset.testid || e.getAttribute('aria-label') || e.tagName + '.' + String(e.className).slice(0, 40),
        top: Math.round(r.top), bottom: Math.round(r.bottom), header: Math.round(header), band: Math.round(band),
        strip: Math.round(strip), scrolled: Math.round(scrollY), visible: r.width > 0 && r.height > 0,
        list: Math.round(Math.min(...[...document.querySelectorAll('.q-notifications__list--top')].filter(l => l.childElementCount).map(l => l.getBoundingClientRect().top))),
        notes: [...document.querySelectorAll('.q-notification')].map(n => [Math.round(n.getBoundingClientRect().top), n.innerText.slice(0, 50)]),
        pad: getComputedStyle(document.documentElement).scrollPaddingBottom, inner: innerHeight, tag: e.tagName};
"""

# the slide's text box made tall (as a long text makes it): the controls after it are far down the page
_TALL = """
const body = document.querySelector('textarea[data-testid=slide-body], [data-testid=slide-body] textarea');
if (!body) return false;
body.style.minHeight = '1400px';
return document.documentElement.scrollHeight > innerHeight + 1000;
"""

# the notice has slid in: it stands still inside its band (its entrance slides it down from above the band's top)
_SETTLED = """
const list = document.querySelector('.q-notifications__list--top .q-notification')?.parentElement;
return !!list && [...list.children].every(n => getComputedStyle(n).transform === 'none'
                                              && n.getBoundingClientRect().top >= list.getBoundingClientRect().top);
"""


def _clear(place: dict) -> bool:
    """Clear of the top bar, the band and the strip (a control taller than the room between them cannot be)."""
    room = min(place["band"], place["strip"]) - place["header"]
    return place["bottom"] - place["top"] > room or place["top"] >= place["header"] - 1 and place["bottom"] <= min(place["band"], place["strip"]) + 1


@pytest.mark.parametrize("width, height", [(768, 1024), (390, 844)], ids=["768", "390"])
def test_a_control_tabbed_to_never_sits_under_the_notices_band(driver, studio_server, tmp_path, width, height):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a photo")
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        open_studio(driver, studio_server)
        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(notes))  # a notice that stays
        wait(driver, lambda: driver.execute_script(
            "return [...document.querySelectorAll('.q-notification')].some(n => n.getBoundingClientRect().height > 40)"),
            describe=lambda: driver.execute_script("return document.body.innerText.slice(0, 400)"))
        wait(driver, lambda: driver.execute_script(
            "return parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--cs-notices')) > 40"),
            describe=lambda: driver.execute_script(
                "return getComputedStyle(document.documentElement).getPropertyValue('--cs-notices')"))
        wait(driver, lambda: driver.execute_script(_SETTLED), describe=lambda: driver.execute_script(_FOCUSED))
        seen, under, deepest = [], [], 0
        for tall in (False, True):  # the page as it is, then with the controls after the slide's text far down
            if tall:
                wait(driver, lambda: driver.execute_script(_TALL), describe=lambda: driver.execute_script(_FOCUSED))
            driver.execute_script("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
            for _ in range(40):
                ActionChains(driver).send_keys(Keys.TAB).perform()
                place = driver.execute_script(_FOCUSED)
                if place is None or not place["visible"]:
                    continue
                seen.append(place["name"])
                deepest = max(deepest, place["scrolled"])
                if not _clear(place):
                    under.append(place)
        shots = os.environ.get("CS_SHOTS")
        if shots:  # to look at by eye
            driver.save_screenshot(os.path.join(shots, f"band-{width}.png"))
        assert len(seen) >= 10 and deepest > 1000, (seen, deepest, under)  # the page did scroll to reach them
        assert under == [], json.dumps(under)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
