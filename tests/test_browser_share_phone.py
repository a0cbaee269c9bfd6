"""A shared studio on a phone (390 px), in real Chromium: the top bar keeps to two lines with others here."""
from __future__ import annotations

import pytest

from test_browser_share import chromium, join, shared_url, wait  # noqa: F401 - (shared_url: the fixture)

pytestmark = pytest.mark.slow

# the top bar's lines: the distinct middles of its shown items (each line centres its items)
_LINES = """
const bar = document.querySelector('.cs-topbar');
const tops = [...bar.children].filter((e) => e.getBoundingClientRect().width > 1 && e.getBoundingClientRect().height > 1)
  .map((e) => { const r = e.getBoundingClientRect(); return Math.round((r.top + r.bottom) / 2 / 6); });
return new Set(tops).size;
"""


def test_on_a_phone_the_shared_top_bar_keeps_to_two_lines(shared_url):  # noqa: F811
    """"You and 1 other" beside the faces pushed Undo, Redo and the menu onto a third line of the top bar."""
    ada, bob = chromium(), chromium()
    try:
        bob.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        join(ada, shared_url, "Ada")
        join(bob, shared_url, "Bob")
        wait(lambda: len(bob.find_elements("css selector", "[data-testid=face]")) == 2)
        words = bob.find_element("css selector", "[data-testid=shared-with]")
        assert words.get_attribute("textContent").strip()  # still said to a screen reader
        print("\nlines", bob.execute_script(_LINES.replace("new Set(tops).size", "tops")))
        assert bob.execute_script(_LINES) <= 2
    finally:
        ada.quit()
        bob.quit()
