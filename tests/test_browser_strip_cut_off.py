"""An Alt+Right pressed while the page knows its socket is cut off is not lost (review s18, which corrected the cause
the comments gave): NiceGUI holds it until the new socket's handshake (kept_text.js resets ``did_handshake`` on a
disconnect) and sends it then, once; the slide moves once. The press that is lost is one sent into a connection the
server has closed while the browser still thinks it open (test_browser_strip_drag: the resend covers it). While cut
off, the page does not queue a copy of the press for each resend: one goes out once the connection is back."""
from __future__ import annotations

import time

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.keys import Keys  # noqa: E402
from test_browser_strip_drag import page, undo  # noqa: E402,F401
from ui_helpers import alt, await_moved, drawn, focus_thumb, moved, thumb_texts, wait  # noqa: E402

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
    focus_thumb(page, 1)
    page.execute_script("window.socket.io.engine.close()")  # cut off; socket.io reconnects on its own
    wait(page, lambda: ["disconnect"] in page.execute_script("return window.__log"))
    alt(page, Keys.ARROW_RIGHT, 1)
    await_moved(page, before, 1, 2)
    log = page.execute_script("return window.__log")
    print("log", log)
    page.execute_script("window.socket.emit = window.__emit")
    first = log.index(["emit", True])  # the first copy went out connected...
    assert ["connect"] in log[:first]  # ...after the new socket's connect (held until then, not sent into the void)
    assert ["emit", False] not in log
    assert drawn(page) == moved(before, 1, 2)  # moved once
    undo(page)
    wait(page, lambda: [t[:40] for t in thumb_texts(page)] == before)


# the strip's emits, each with the page's clock when it went to the socket
_TIMED = """
const row = document.querySelector('.cs-strip').id.slice(1);
const emit = window.socket.emit;
window.__sent = [];
window.socket.emit = function (type, message, ...rest) {
  if (type === 'event' && String(message.id) === row) window.__sent.push(performance.now());
  return emit.call(this, type, message, ...rest);
};
window.__emit = emit;
"""


def test_a_press_waiting_while_cut_off_goes_out_once_when_the_connection_is_back(page):
    """Cut off for a while, the page added a copy of the unanswered press every 2.5 s to those NiceGUI holds until the
    handshake, and sent them all at once when it was back (a long outage, a pile of them). Now one copy goes out."""
    before = drawn(page)
    page.execute_script(_TIMED)
    focus_thumb(page, 1)
    page.execute_script("window.did_handshake = false")  # as between a disconnect and the next handshake
    alt(page, Keys.ARROW_RIGHT, 1)
    time.sleep(9)  # the time of three resends (a wait for time itself, not a check)
    back = page.execute_script("window.did_handshake = true; return performance.now()")
    await_moved(page, before, 1, 2)
    sent = page.execute_script("return window.__sent")
    page.execute_script("window.socket.emit = window.__emit")
    print("sent at", [round(at - back) for at in sent])
    assert sent and min(sent) >= back  # nothing while cut off
    assert len([at for at in sent if at < back + 2000]) == 1  # one copy (the next resend is 2.5 s on), not four
    assert drawn(page) == moved(before, 1, 2)  # moved once
    undo(page)
    wait(page, lambda: [t[:40] for t in thumb_texts(page)] == before)
