"""An Alt+Right pressed while the page knows its socket is cut off is not lost (review s18, which corrected the cause
the comments gave): NiceGUI holds it until the new socket's handshake (kept_text.js resets ``did_handshake`` on a
disconnect) and sends it then, once; the slide moves once. The press that is lost is one sent into a connection the
server has closed while the browser still thinks it open (test_browser_strip_drag: the resend covers it)."""
from __future__ import annotations

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.keys import Keys  # noqa: E402
from test_browser_strip_drag import (_FOCUSED, alt, by_testid, drawn, moved, page,  # noqa: E402,F401
                                     thumb_texts, undo, wait)

# the strip's emits, key presses, disconnect and connect, in the order they happened
_LOG = """
const row = document.querySelector('.cs-strip').id.slice(1);
const emit = window.socket.emit;
window.__log = [];
window.socket.emit = function (type, message, ...rest) {
  if (type === 'event' && String(message.id) === row) window.__log.push(['emit', this.connected]);
  return emit.call(this, type, message, ...rest);
};
window.__emit = emit;
window.socket.on('disconnect', () => window.__log.push(['disconnect']));
window.socket.on('connect', () => window.__log.push(['connect']));
"""


def test_a_press_made_while_cut_off_goes_out_after_the_new_handshake_and_moves_the_slide_once(page):
    before = drawn(page)
    page.execute_script(_LOG)
    page.execute_script("arguments[0].focus()", by_testid(page, "slide-thumb")[1])
    page.execute_script("window.socket.io.engine.close()")  # cut off; socket.io reconnects on its own
    wait(page, lambda: ["disconnect"] in page.execute_script("return window.__log"))
    alt(page, Keys.ARROW_RIGHT, 1)
    wait(page, lambda: [t[:40] for t in thumb_texts(page)] == moved(before, 1, 2))
    wait(page, lambda: page.execute_script(_FOCUSED) == 2)
    log = page.execute_script("return window.__log")
    print("log", log)
    page.execute_script("window.socket.emit = window.__emit")
    first = log.index(["emit", True])  # the first copy went out connected...
    assert ["connect"] in log[:first]  # ...after the new socket's connect (held until then, not sent into the void)
    assert ["emit", False] not in log
    assert drawn(page) == moved(before, 1, 2)  # moved once
    undo(page)
    wait(page, lambda: [t[:40] for t in thumb_texts(page)] == before)
