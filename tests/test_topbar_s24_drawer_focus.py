"""A drawer over the page on a phone (390×844), keyboard only: opening it takes the focus in, Tab stays inside it,
Escape closes it and the focus is back on its toggle. Real headless Chromium."""
from __future__ import annotations

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from ui_helpers import open_studio, wait  # noqa: E402

pytestmark = pytest.mark.slow

# where the focus is: the drawer (left/right) holding it, its label, and the open overlay drawer (if any)
_STATE = """
const e = document.activeElement;
const d = e && e.closest('.q-drawer');
const open = [...document.querySelectorAll('.q-drawer.q-drawer--mobile')]
  .filter(x => !x.classList.contains('q-layout--prevent-focus'));
return {in: d ? (d.classList.contains('q-drawer--left') ? 'left' : 'right') : null,
        testid: e && e.getAttribute('data-testid'), label: e && (e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30)),
        tag: e && e.tagName, open: open.map(x => x.classList.contains('q-drawer--left') ? 'left' : 'right')};
"""

DRAWERS = [("toggle-source", "right"), ("toggle-settings", "left")]


def state(driver) -> dict:
    return driver.execute_script(_STATE)


@pytest.fixture
def phone(driver, studio_server):
    open_studio(driver, studio_server, 390)
    yield driver
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})


@pytest.mark.parametrize("toggle, side", DRAWERS)
def test_a_drawer_over_the_page_keeps_the_keyboard_until_escape(phone, toggle, side):
    driver = phone
    button = driver.find_element("css selector", f"[data-testid={toggle}]")
    driver.execute_script("arguments[0].focus()", button)
    wait(driver, lambda: state(driver)["testid"] == toggle, describe=lambda: state(driver))
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait(driver, lambda: state(driver)["open"] == [side] and state(driver)["in"] == side, describe=lambda: state(driver))
    for keys in [Keys.TAB] * 25 + [Keys.SHIFT + Keys.TAB] * 5:  # round the drawer and past its ends, both ways
        if keys == Keys.TAB:
            ActionChains(driver).send_keys(Keys.TAB).perform()
        else:
            ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        wait(driver, lambda: state(driver)["in"] == side, timeout=10, describe=lambda: state(driver))
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    wait(driver, lambda: state(driver)["open"] == [] and state(driver)["testid"] == toggle,
         describe=lambda: state(driver))
