"""The preview while typing, in real Chromium (components/svg_view.py ``show_now``, assets/svg_view.js).

Each keystroke's drawing goes straight to the preview's view, not as an element update (which makes Vue
render the page around it again); the page's own copy of the element follows, so a later render of the
page draws the latest words; a drawing older than the one shown never replaces it.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from studio.server_process import running_studio
from test_browser_share import chromium, wait
from test_browser_typing import open_studio, preview_words, type_letters

# the preview's element id, as NiceGUI knows it (its view's host carries "c<id>")
PREVIEW_ID = "return document.querySelector('[data-testid=slide-preview]').id.slice(1)"
# every element id the studio sent as an update since this ran
COUNT_UPDATES = "window.__updated = []; window.socket.on('update', (msg) => window.__updated.push(...Object.keys(msg)))"
STORED = "return mounted_app.elements[arguments[0]].props.content"


def body_words(svg: str) -> str:
    """The words of a slide's text (its <text class=body> runs) in an SVG's source."""
    root = ET.fromstring(svg)
    runs = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "body"]
    return " ".join(" ".join(runs).split())


def slide_svg(words: str) -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text class="body">{words}</text></svg>'


def test_typing_draws_the_preview_directly_and_the_page_keeps_the_latest(tmp_path):
    with running_studio(tmp_path) as studio:
        tab = chromium()
        try:
            open_studio(tab, studio.url)
            preview = tab.execute_script(PREVIEW_ID)
            tab.execute_script(COUNT_UPDATES)
            type_letters(tab, " Quokka")
            wait(lambda: preview_words(tab).endswith("Quokka"), timeout=120)
            assert preview not in tab.execute_script("return window.__updated")  # no element update: direct
            assert body_words(tab.execute_script(STORED, preview)) == preview_words(tab)  # the page's copy
        finally:
            tab.quit()


def test_a_drawing_older_than_the_one_shown_is_dropped(tmp_path):
    with running_studio(tmp_path) as studio:
        tab = chromium()
        try:
            open_studio(tab, studio.url)
            type_letters(tab, " Wombat")
            wait(lambda: preview_words(tab).endswith("Wombat"), timeout=120)
            preview = tab.execute_script(PREVIEW_ID)
            shown = preview_words(tab)
            view = "const view = getElement(arguments[0]);"
            tab.execute_script(view + "view.show(arguments[1], view.shownSeq - 1)", preview, slide_svg("Stale"))
            assert preview_words(tab) == shown
            tab.execute_script(view + "view.show(arguments[1], view.shownSeq + 1)", preview, slide_svg("Newer"))
            assert preview_words(tab) == "Newer"
            assert body_words(tab.execute_script(STORED, preview)) == "Newer"
        finally:
            tab.quit()
