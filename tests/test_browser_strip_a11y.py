"""The slide strip for a keyboard, a screen reader and two fingers, in real headless Chromium: the focus ring shows
wherever the strip puts the focus (the row while it is drawn anew, the moved slide's thumbnail after), a redraw from
elsewhere gives a focused thumbnail's focus back, each thumbnail has a name in the accessibility tree and a move is
said, and a pinch on a thumbnail zooms the page."""
from __future__ import annotations

import re
import time

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from test_browser_strip_drag import centre, undo  # noqa: E402
from ui_helpers import (FOCUSED_THUMB, alt_move, by_testid, drawn, focus_thumb, moved,  # noqa: E402
                        thumb_texts, wait)

# the focused element: its slide's words (a thumbnail's), and whether a focus ring is drawn around it
_FOCUS = """
const a = document.activeElement, s = getComputedStyle(a);
const svg = a.querySelector('.cs-thumb-svg')?.shadowRoot?.querySelector('svg');
return {thumb: a.matches('[data-testid=slide-thumb]'), row: a.classList.contains('cs-strip'),
        text: svg ? svg.textContent.slice(0, 40) : null,
        ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1};
"""

# a move from elsewhere (as another browser's, or an import): the strip is drawn anew, the focus left where it was
_MOVE_FROM_ELSEWHERE = """
const row = document.querySelector('.cs-strip');
getElement(row.id.slice(1)).$emit('reorder', {old_index: arguments[0], new_index: arguments[1]});
"""

# whenever the row takes the focus: whether a ring is drawn around it then
_WATCH_THE_ROW = """
const row = document.querySelector('.cs-strip');
window.__row = [];
row.addEventListener('focus', () => { const s = getComputedStyle(row);
  window.__row.push(s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1); });
"""


def focus(driver) -> dict:
    return driver.execute_script(_FOCUS)


@pytest.fixture(scope="module")
def page(driver, studio_server):
    driver.get(studio_server)
    wait(driver, lambda: len(by_testid(driver, "slide-thumb")) > 5 and all(thumb_texts(driver)))
    wait(driver, lambda: driver.execute_script("return !!(window.socket && window.socket.connected)"))
    return driver


def test_the_moved_slides_thumbnail_and_the_row_meanwhile_show_the_focus_ring(page):
    """Alt+Right: the row holds the focus while the strip is drawn anew (it showed no ring: a keyboard user saw the
    focus nowhere), then the moved slide's thumbnail has it, ringed."""
    page.execute_script(_WATCH_THE_ROW)
    before = alt_move(page, 1)
    assert focus(page)["ring"] and focus(page)["text"] == before[1]
    held = page.execute_script("return window.__row")
    print("\nthe row took the focus, ringed:", held)
    assert held and all(held)
    undo(page)
    wait(page, lambda: [t[:40] for t in thumb_texts(page)] == before)


def test_a_redraw_from_elsewhere_gives_the_focus_back_to_the_same_slide(page):
    """Another move redraws the strip while a thumbnail has the focus: the thumbnail of the same slide (now one place
    on) takes it back, ringed; the focus fell to the page before. Focus the person moved away stays away."""
    before = drawn(page)
    focus_thumb(page, 1)
    ActionChains(page).send_keys(Keys.TAB).perform()  # a keyboard user, on the third slide
    wait(page, lambda: page.execute_script(FOCUSED_THUMB) == 2)
    assert focus(page)["ring"]
    page.execute_script(_MOVE_FROM_ELSEWHERE, 4, 0)
    wait(page, lambda: [t[:40] for t in thumb_texts(page)] == moved(before, 4, 0))
    wait(page, lambda: focus(page)["thumb"])
    assert focus(page) == {"thumb": True, "row": False, "text": before[2], "ring": True}
    assert page.execute_script(FOCUSED_THUMB) == 3
    page.execute_script("document.activeElement.blur()")  # the person moved the focus away
    page.execute_script(_MOVE_FROM_ELSEWHERE, 0, 4)
    wait(page, lambda: [t[:40] for t in thumb_texts(page)] == before)
    assert page.execute_script("return document.activeElement === document.body")


def ax_nodes(driver) -> list[dict]:
    driver.execute_cdp_cmd("Accessibility.enable", {})
    return driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]


def value(node: dict, key: str):
    return (node.get(key) or {}).get("value")


def prop(node: dict, name: str):
    return next((p["value"].get("value") for p in node.get("properties", []) if p["name"] == name), None)


def test_a_screen_reader_hears_each_slides_place_and_title_and_the_move(page):
    before = drawn(page)
    slides = [n for n in ax_nodes(page) if prop(n, "roledescription") == "slide"]
    names = [value(n, "name") for n in slides]
    print("\n", names[:3], "…", names[-1])
    assert len(names) == len(before)
    assert all(re.fullmatch(rf"Slide {i + 1} of {len(names)}: \S.*", name) for i, name in enumerate(names))
    assert all(value(n, "role") == "group" and prop(n, "focusable") for n in slides)
    assert all("Alt+Left" in value(n, "description") for n in slides[:-1])  # how to move it (not the outro)
    alt_move(page, 1)
    moved_name = names[1].split(": ", 1)[1]

    def said() -> list[str]:
        nodes = ax_nodes(page)
        by_id = {n["nodeId"]: n for n in nodes}
        return [value(n, "name") for n in nodes if value(n, "role") == "StaticText"
                and (value(n, "name") or "").startswith("Moved")
                and value(by_id.get(n.get("parentId"), {}), "role") == "status"
                and prop(by_id[n["parentId"]], "live") == "polite"]

    wait(page, said)
    assert said()[0].strip() == f"Moved “{moved_name}” to slide 3 of {len(names)}."
    now = [value(n, "name") for n in ax_nodes(page) if prop(n, "roledescription") == "slide"]
    assert now[2] == f"Slide 3 of {len(names)}: {moved_name}"
    undo(page)
    wait(page, lambda: [t[:40] for t in thumb_texts(page)] == before)


def test_a_long_strips_redraw_from_elsewhere_gives_the_focus_back_too(page):
    """A strip of over 25 slides is hidden and emptied before it is drawn anew, a slice at a time: the focus is given
    back once the slide's thumbnail is drawn. (It adds slides: the last test but the phone's.)"""
    while (count := len(by_testid(page, "slide-thumb"))) < 32:
        page.execute_script("document.querySelector('[data-testid=add-slide-end]').click()")
        wait(page, lambda: len(by_testid(page, "slide-thumb")) > count)
    before = drawn(page)
    focus_thumb(page, 1)
    ActionChains(page).send_keys(Keys.TAB).perform()
    wait(page, lambda: page.execute_script(FOCUSED_THUMB) == 2)
    page.execute_script(_MOVE_FROM_ELSEWHERE, 5, 0)
    wait(page, lambda: [t[:40] for t in thumb_texts(page)] == moved(before, 5, 0))
    wait(page, lambda: focus(page)["thumb"])
    assert focus(page) == {"thumb": True, "row": False, "text": before[2], "ring": True}
    undo(page)
    wait(page, lambda: [t[:40] for t in thumb_texts(page)] == before)


def two_fingers(driver, x: float, y: float, apart: float) -> None:
    """Two fingers on (x, y), spread ``apart`` px further each and lifted (timestamps set: any machine's pace)."""
    start = time.time()

    def event(kind: str, gap: float, at: float) -> None:
        points = [] if kind == "touchEnd" else [{"x": x - gap, "y": y, "id": 0}, {"x": x + gap, "y": y, "id": 1}]
        driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points, "timestamp": at})

    event("touchStart", 10, start)
    for step in range(1, 21):
        event("touchMove", 10 + apart * step / 20, start + step * 0.016)
    event("touchEnd", 0, start + 0.4)


def test_two_fingers_on_a_thumbnail_zoom_the_page(page, studio_server):
    """On a phone (a narrow mobile view), a pinch that starts on a thumbnail zooms the page: the strip let the
    browser pan a thumbnail only up and down, which blocked the zoom too."""
    try:
        page.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                             {"width": 400, "height": 800, "deviceScaleFactor": 1, "mobile": True})
        page.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
        page.get(studio_server)
        wait(page, lambda: len(by_testid(page, "slide-thumb")) > 1 and all(thumb_texts(page)))
        assert page.execute_script("return visualViewport.scale") == 1
        x, y = centre(page, by_testid(page, "slide-thumb")[1])
        two_fingers(page, x, y, 100)
        wait(page, lambda: page.execute_script("return visualViewport.scale") > 1.5)
        print("\nzoomed to", page.execute_script("return visualViewport.scale"))
    finally:
        page.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
        page.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                             {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
