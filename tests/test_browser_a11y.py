"""Accessibility in real headless Chromium: axe-core on the studio with every panel open, with the export dialog
open and with the caption helper open.

axe-core is vendored (tests/vendor/axe.min.js, MPL-2.0, licence beside it), so the test needs no network.
Moderate, serious and critical violations fail the test; minor ones are printed for the record.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("selenium")
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

AXE = Path(__file__).with_name("vendor") / "axe.min.js"
BLOCKING = ("moderate", "serious", "critical")

# Recorded before the fixes (axe-core 4.14.1, Chromium 156, 1280×800), serious on every view:
#   html-has-lang (html), aria-prohibited-attr (4 emoji <image>s in slide SVGs: aria-label without a role);
#   every panel open adds aria-input-field-name (Title, Body, Header & footer, Line-height sliders);
#   the export dialog adds aria-dialog-name. Moderate: landmark-unique (both drawers' <aside>s were unnamed:
#   Quasar puts a drawer's attributes on its inner content; components/landmarks.py names them), page-has-heading-one.


def wait(driver, condition, timeout=60):
    return WebDriverWait(driver, timeout, poll_frequency=0.05,
                         ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: condition())


def by_testid(driver, name):
    return driver.find_elements(By.CSS_SELECTOR, f"[data-testid={name}]")


def run_axe(driver, context: str = "document") -> list[dict]:
    """axe-core's violations for ``context`` (a CSS selector or "document"), as plain dicts."""
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(AXE.read_text(encoding="utf-8"))
    # panels and dialogs fade and slide in: colours read mid-animation are not the page's
    wait(driver, lambda: driver.execute_script(
        "return document.getAnimations().every(a => a.playState !== 'running'"
        " || a.effect?.getComputedTiming().iterations === Infinity)"))  # a spinner never ends
    driver.set_script_timeout(300)  # the whole page with every panel open, on a loaded machine
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run({'document' if context == 'document' else json.dumps(context)}, {{resultTypes: ['violations']}})"
        ".then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify({error: String(e)})));")
    found = json.loads(result)
    if isinstance(found, dict):
        pytest.fail(f"axe-core failed: {found['error']}")
    return found


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [" ".join(map(str, n["target"])) for n in v["nodes"]]
        lines.append(f"{v['impact']}: {v['id']} ({v['help']}) on {len(targets)} element(s): {', '.join(targets[:6])}")
    return "\n".join(lines)


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in BLOCKING]


@pytest.fixture(scope="module")
def studio_page(driver, studio_server):
    driver.get(studio_server)
    wait(driver, lambda: len(by_testid(driver, "slide-thumb")) > 3)
    return driver


def click_until_shown(driver, button: str, shown, attempts: int = 4) -> None:
    """Click the ``button`` test id (by script) until ``shown()`` holds, each time once the page's socket is
    connected. On a loaded machine axe-core can hold the page's thread long enough for its socket to reconnect,
    and a click sent meanwhile never reaches the server; clicking an open dialog's button again changes nothing."""
    for _ in range(attempts):
        wait(driver, lambda: driver.execute_script(
            "return !!(window.socket && window.socket.connected && window.did_handshake)"), timeout=120)
        driver.execute_script(f"document.querySelector('[data-testid={button}]').click()")
        try:
            wait(driver, shown, timeout=45)
            return
        except TimeoutException:
            print(f"{button}: not shown 45 s after a click; page loaded at {driver.execute_script('return performance.timeOrigin')}")
    pytest.fail(f"{button}: nothing shown after {attempts} clicks")


def open_every_panel(driver) -> None:
    """Expand every settings panel (the left drawer's expansions) that is still closed."""
    for header in driver.find_elements(By.CSS_SELECTOR, ".cs-expansion .q-expansion-item__container > .q-item"):
        if header.get_attribute("aria-expanded") == "false":
            # A script click: the panel above may still be unfolding over this header (intercepted click).
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", header)
            wait(driver, lambda h=header: h.get_attribute("aria-expanded") == "true")  # before the next one moves
    wait(driver, lambda: not driver.find_elements(
        By.CSS_SELECTOR, ".cs-expansion .q-expansion-item__container > .q-item[aria-expanded=false]"))


def test_a_focused_post_card_moves_with_alt_arrows_keeps_the_focus_and_is_announced(studio_page):
    # first, on the fresh page: after axe-core's run in this Selenium session the key press did not reach the card
    # (not seen with every panel open in Playwright); the axe tests follow
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    def texts():
        return [e.text[:40] for e in studio_page.find_elements(By.CSS_SELECTOR, "[data-testid=post-card] .cs-post-text")]

    def focused():
        return studio_page.execute_script(
            "return [...document.querySelectorAll('[data-testid=post-card]')].indexOf(document.activeElement)")

    before = texts()
    studio_page.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()",
                               by_testid(studio_page, "post-card")[2])
    wait(studio_page, lambda: focused() == 2, timeout=60)
    ActionChains(studio_page).key_down(Keys.ALT).send_keys(Keys.ARROW_UP).key_up(Keys.ALT).perform()
    wait(studio_page, lambda: texts()[1:3] == [before[2], before[1]], timeout=60)
    wait(studio_page, lambda: focused() == 1, timeout=60)  # the moved card, redrawn, has the focus again
    status = by_testid(studio_page, "cards-status")[0]
    assert status.get_attribute("aria-live") == "polite"
    wait(studio_page, lambda: status.get_attribute("textContent") == f"Moved: now post #2 of {len(before)}.",
         timeout=60)
    ActionChains(studio_page).key_down(Keys.ALT).send_keys(Keys.ARROW_DOWN).key_up(Keys.ALT).perform()
    wait(studio_page, lambda: texts() == before, timeout=60)
    wait(studio_page, lambda: focused() == 2, timeout=60)


def test_studio_with_every_panel_open_has_no_moderate_or_worse_violation(studio_page):
    open_every_panel(studio_page)
    violations = run_axe(studio_page)
    print("\nstudio, every panel open:\n" + (describe(violations) or "no violations"))
    assert not blocking(violations), describe(blocking(violations))


def test_export_dialog_has_no_moderate_or_worse_violation(studio_page):
    click_until_shown(studio_page, "export-open", lambda: [e for e in by_testid(studio_page, "export-pdf") if e.is_displayed()])
    wait(studio_page, lambda: studio_page.find_elements(By.CSS_SELECTOR, ".cs-check-ok, .cs-check-warn"))
    violations = run_axe(studio_page)
    print("\nexport dialog open:\n" + (describe(violations) or "no violations"))
    assert not blocking(violations), describe(blocking(violations))


def test_caption_helper_has_no_moderate_or_worse_violation(studio_page):
    # found with axe at 1440x900: the dialog had no name and its two text boxes no label (serious, critical)
    click_until_shown(studio_page, "captions-open", lambda: [e for e in studio_page.find_elements(
        By.CSS_SELECTOR, "[data-testid=caption-linkedin], [data-testid=caption-linkedin] textarea") if e.is_displayed()])
    violations = run_axe(studio_page)
    print("\ncaption helper open:\n" + (describe(violations) or "no violations"))
    assert not blocking(violations), describe(blocking(violations))
