"""The studio's page without NiceGUI's in-browser Tailwind runtime, in real headless Chromium.

``ui.run(tailwind=False)`` (components/app.py): the runtime compiled Tailwind in the browser and restyled the
whole page each time it met a new class, the largest browser-side cost of an import. The few utility classes
components/ use are defined in assets/studio.css instead. These tests fail if the runtime comes back, if a
class on the page (every panel open, the export dialog open) has no rule in any stylesheet, or if a utility
class stops meaning what Tailwind made it mean.
"""
from __future__ import annotations

import pytest

pytest.importorskip("selenium")
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

# Prefixes of classes that only hook scripts or styles of their own: Quasar's and NiceGUI's state classes,
# the icon font, and the studio's own names (studio.css styles most; some only mark an element for tests).
HOOKS = ("q-", "nicegui-", "material-", "cs-")
# Quasar and NiceGUI put these on their elements with no rule anywhere: markers, not looks.
UNSTYLED = {"body--light", "desktop", "no-touch", "notranslate", "scroll--mobile", "on-left", "disabled"}

# What each utility class the studio uses must do (Tailwind's values, which the page was designed with).
UTILITIES = {
    "w-full": {"width": "500px"},  # of a 500 px wide box
    "w-80": {"width": "320px"},
    "min-w-0": {"min-width": "0px"},
    "flex-1": {"flex-grow": "1", "flex-shrink": "1", "flex-basis": "0%"},
    "gap-0": {"row-gap": "0px", "column-gap": "0px"},
    "gap-1": {"row-gap": "4px"},
    "gap-2": {"row-gap": "8px"},
    "gap-3": {"row-gap": "12px"},
    "gap-4": {"row-gap": "16px"},
    "gap-5": {"row-gap": "20px"},
    "gap-x-2": {"column-gap": "8px"},
    "gap-y-1": {"row-gap": "4px"},
    "p-0": {"padding-top": "0px", "padding-left": "0px"},
    "mx-1": {"margin-left": "4px", "margin-right": "4px"},
    "my-1": {"margin-top": "4px", "margin-bottom": "4px"},
    "mt-2": {"margin-top": "8px"},
    "mr-1": {"margin-right": "4px"},
    "text-sm": {"font-size": "14px", "line-height": "20px"},
    "text-lg": {"font-size": "18px", "line-height": "28px"},
    "text-xl": {"font-size": "20px", "line-height": "28px"},
    "font-medium": {"font-weight": "500"},
    "font-semibold": {"font-weight": "600"},
    "sr-only": {"position": "absolute", "width": "1px", "height": "1px", "overflow-x": "hidden",
                "white-space": "nowrap", "clip-path": "inset(50%)"},
}

# Every selector of every rule the page's stylesheets hold (layers, media and imported sheets included).
SELECTORS_JS = """
const selectors = [];
const walk = (rules) => {
  for (const rule of rules) {
    if (rule.selectorText) selectors.push(rule.selectorText);
    if (rule.styleSheet) { try { walk(rule.styleSheet.cssRules); } catch (e) {} }
    if (rule.cssRules) walk(rule.cssRules);
  }
};
for (const sheet of document.styleSheets) { try { walk(sheet.cssRules); } catch (e) {} }
return selectors;
"""
CLASSES_JS = """
const found = new Set();
for (const e of document.querySelectorAll('[class]')) {
  (e.getAttribute('class') || '').split(/\\s+/).filter(Boolean).forEach(c => found.add(c));
}
return [...found].sort();
"""


def wait(driver, condition, timeout=60):  # generous: a loaded machine takes seconds per round trip
    return WebDriverWait(driver, timeout, poll_frequency=0.05,
                         ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: condition())


def by_testid(driver, name):
    return driver.find_elements(By.CSS_SELECTOR, f"[data-testid={name}]")


@pytest.fixture(scope="module")
def studio_page(driver, studio_server):
    driver.get(studio_server)
    wait(driver, lambda: len(by_testid(driver, "slide-thumb")) > 3)
    return driver


def test_no_tailwind_runtime_or_stylesheet_reaches_the_page(studio_page):
    scripts = studio_page.execute_script("return [...document.scripts].map(s => s.src).filter(Boolean)")
    assert not [s for s in scripts if "tailwind" in s.lower()]
    assert not studio_page.find_elements(By.CSS_SELECTOR, "style[type='text/tailwindcss']")
    styles = studio_page.execute_script("return [...document.querySelectorAll('style')].map(s => s.textContent)")
    assert not [s for s in styles if "tailwindcss" in s]
    assert len(styles) > 1  # the check above looked at the page's real stylesheets (studio.css among them)


def unstyled_classes(driver) -> list[str]:
    selectors = " ".join(driver.execute_script(SELECTORS_JS))
    classes = driver.execute_script(CLASSES_JS)
    css_names = driver.execute_script("return arguments[0].map(c => CSS.escape(c))", classes)
    return [c for c, name in zip(classes, css_names) if not c.startswith(HOOKS) and c not in UNSTYLED
            and not any(f".{name}{end}" in selectors + " " for end in (" ", ",", ":", ".", "[", ">", ")"))]


def test_every_class_on_the_page_has_a_rule_with_every_panel_and_the_export_dialog_open(studio_page):
    from test_browser_a11y import open_every_panel
    open_every_panel(studio_page)
    assert unstyled_classes(studio_page) == []
    by_testid(studio_page, "export-open")[0].click()
    wait(studio_page, lambda: [e for e in by_testid(studio_page, "export-pdf") if e.is_displayed()])
    assert unstyled_classes(studio_page) == []


@pytest.mark.parametrize("name", sorted(UTILITIES))
def test_a_utility_class_means_what_tailwind_made_it_mean(studio_page, name):
    computed = studio_page.execute_script("""
        const box = document.createElement('div');
        box.style.cssText = 'position: absolute; visibility: hidden; width: 500px';
        const probe = box.appendChild(document.createElement('div'));
        probe.className = arguments[0];
        probe.style.display = 'flex';  // gap and flex apply to flex boxes
        document.body.append(box);
        const style = getComputedStyle(probe);
        const values = Object.fromEntries(arguments[1].map(p => [p, style.getPropertyValue(p)]));
        box.remove();
        return values;""", name, list(UTILITIES[name]))
    assert computed == UTILITIES[name]


def test_key_elements_keep_their_look(studio_page):
    look = studio_page.execute_script("""
        const style = (selector) => getComputedStyle(document.querySelector(selector));
        const status = style('[data-testid=cards-status]');
        const cards = style('.cs-cards');
        const importButton = document.querySelector('[data-testid=source-import]');
        return {status: [status.position, status.width, status.height, status.overflow],
                cards: cards.rowGap, stage: style('.cs-stage').columnGap,
                // Tailwind's utilities sat above NiceGUI's .nicegui-row (align-items: flex-start)
                topbar: style('.cs-topbar').alignItems,
                // the element defaults: no margins, borders solid once given a width
                reset: [style('.cs-stage').borderTopStyle, style('.cs-panel-title').marginTop],
                importWidth: importButton.offsetWidth === importButton.parentElement.clientWidth,
                bodyMargin: style('body').margin};""")
    assert look == {"status": ["absolute", "1px", "1px", "hidden"], "cards": "8px", "stage": "20px",
                    "topbar": "center", "reset": ["solid", "0px"], "importWidth": True, "bodyMargin": "0px"}


def test_on_a_phone_every_top_bar_button_is_on_the_screen(studio_page):
    """At 390 px the top bar wraps onto a second line: Export and Posts ran off the screen's edge."""
    studio_page.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    try:
        def off_screen() -> list[str]:
            return studio_page.execute_script("""
                return [...document.querySelectorAll('.cs-topbar button')]
                  .filter(b => b.offsetParent !== null)
                  .filter(b => { const r = b.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth; })
                  .map(b => b.getAttribute('data-testid') || b.textContent.trim());""")
        wait(studio_page, lambda: studio_page.execute_script("return innerWidth") == 390)
        wait(studio_page, lambda: not off_screen())
        assert studio_page.find_element(By.CSS_SELECTOR, "[data-testid=export-open]").is_displayed()
        assert studio_page.find_element(By.CSS_SELECTOR, "[data-testid=toggle-source]").is_displayed()
    finally:
        studio_page.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
