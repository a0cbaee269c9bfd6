"""The studio's preview draws every script's letters where the layout put them, in real headless Chromium.

The renderer lays text out itself, glyph by glyph in visual order, with Arabic already in its joined forms, and
the browser must draw those characters as they are. Chromium shaped Arabic presentation forms again (our fonts
carry no substitution table, so its shaper made lam-alef ligatures and joins of its own): glyphs changed width
under their fixed positions and overlapped in the preview, while the export was right. The check: in each
``<tspan>`` placed character by character, no glyph ends past the start of the next one.
"""
from __future__ import annotations

import json

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from studio.new_project import lay_out  # noqa: E402
from studio.render import render_slides  # noqa: E402
from studio.sources import read_text  # noqa: E402

pytestmark = pytest.mark.slow  # a studio server and a browser

POSTS = {
    "Arabic": "مرحبا بالعالم، لا شيء يضيع: الكلمات تبقى كما كتبها الكاتب بالضبط.",
    "Hebrew": "שלום עולם, המילים נשארות בדיוק כפי שנכתבו.",
    "Thai": "ภาษาไทยไม่มีช่องว่างระหว่างคำ แต่ต้องตัดบรรทัดให้ถูก",
    "Hindi": "हिन्दी भाषा में संयुक्ताक्षर जैसे क्ष, त्र और ज्ञ सही दिखने चाहिए।",
    "Japanese": "日本語のテキストはスペースなしで長く続きます。",
    "Mixed": "The word مرحبا means hello, and שלום too — 123 stays in order.",
}

# For every tspan placed character by character (an x per character): how far each glyph, as the browser
# draws it, reaches past the start of the next character, in slide units.
OVERLAPS_JS = """
const done = arguments[arguments.length - 1];
const svgs = JSON.parse(arguments[0]);
const hosts = svgs.map(svg => {
  const host = document.createElement('div');
  host.style.width = '540px';
  document.body.appendChild(host);
  host.attachShadow({mode: 'open'}).innerHTML = svg;
  return host;
});
document.fonts.ready.then(() => requestAnimationFrame(() => {
  const found = [];
  for (const host of hosts) {
    for (const span of host.shadowRoot.querySelectorAll('tspan[x]')) {
      const xs = span.getAttribute('x').trim().split(/\\s+/).map(Number);
      if (xs.length < 2 || xs.length !== span.getNumberOfChars()) continue;
      for (let i = 0; i + 1 < xs.length; i++) {
        const past = span.getEndPositionOfChar(i).x - xs[i + 1];
        found.push([span.textContent, i, past]);
      }
    }
  }
  hosts.forEach(h => h.remove());
  done(found);
}));
"""


def test_letters_of_every_script_stay_where_the_layout_put_them(studio_server, driver):
    carousel = lay_out(read_text("\n\n".join(POSTS.values())).threads[0])
    svgs = render_slides(carousel)
    driver.get(studio_server)  # the studio's page: its @font-face rules serve the renderer's fonts
    WebDriverWait(driver, 120).until(lambda d: d.execute_script("return document.fonts.size > 0"))
    driver.set_script_timeout(120)
    measured = driver.execute_async_script(OVERLAPS_JS, json.dumps(svgs))
    spans = {text for text, _, _ in measured}
    assert any("\ufe8e" in s or "\ufedf" in s for s in spans), "no Arabic span placed character by character"
    overlapping = [(text, i, round(past, 2)) for text, i, past in measured if past > 0.5]
    assert not overlapping, overlapping
