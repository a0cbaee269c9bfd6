"""Typing redraws only what changed in a slide's view, in real Chromium (assets/svg_view.js ``patch``).

A letter changes the group of the slide's words; the background (its pattern) and a photo are neither parsed
nor decoded again. What is shown must be exactly what drawing the whole SVG gives (the preview is the export),
the typed words appear in the preview, the strip's thumbnail catches up, and the photo stays shown.
"""
from __future__ import annotations

from pathlib import Path

from studio.post import Post, Thread
from studio.server_process import running_studio
from studio.store import Store
from studio.structure import carousel_from_thread
from test_browser_share import chromium, put_caret, wait
from test_browser_typing import body, body_box, preview_words, type_letters
from tests_images import tiny_jpeg

VIEW = "document.querySelector(arguments[0]).shadowRoot"
PREVIEW = "[data-testid=slide-preview]"
SELECTED_THUMB = ".cs-selected [data-testid=slide-thumb] .cs-thumb-svg"
# Marks every element now drawn in a view, so a later look tells the ones kept from the ones made again.
MARK = f"for (const e of {VIEW}.querySelectorAll('svg *')) e.csKept = true"
KEPT = f"return [...{VIEW}.querySelectorAll(arguments[1])].map(e => e.csKept === true)"
# Whether the view's elements are exactly those the whole SVG text it was last given makes (drawn afresh).
SAME_AS_WHOLE = f"""const root = {VIEW};
const stored = mounted_app.elements[document.querySelector(arguments[0]).id.slice(1)].props.content;
const fresh = document.createElement('template');
fresh.innerHTML = stored;
return Boolean(stored) && root.lastElementChild.outerHTML === fresh.content.firstElementChild.outerHTML"""


def photo_project(data: Path) -> None:
    """A data folder whose last project's second slide shows a photo (Image focus) beside its words."""
    posts = [Post("1", "A thread about photos on slides"), Post("2", "The harbour at dawn\nA photo of the boats."),
             Post("3", "That is all for today.")]
    posts[1].images = [tiny_jpeg()]
    carousel = carousel_from_thread(Thread("photos", posts))
    carousel.name = "Photos"
    carousel.slides[1].layout = "image-focus"
    store = Store(data)
    store.settings.set("last_project", store.projects.save(carousel))


def words_of_thumb(tab) -> str:
    """The words of the selected slide's strip thumbnail."""
    return tab.execute_script(f"return {VIEW}.textContent", SELECTED_THUMB)


def load_strip(tab, url: str) -> None:
    """Open the studio and wait until its socket is up and the strip shows the project's three slides."""
    tab.get(url)
    wait(lambda: tab.execute_script("return window.did_handshake")
         and len(tab.find_elements("css selector", "[data-testid=slide-thumb]")) >= 3, timeout=120)


def open_photo_slide(tab, url: str) -> None:
    """Open the studio on the project's photo slide, its text box ready for typing."""
    load_strip(tab, url)
    tab.find_elements("css selector", "[data-testid=slide-thumb]")[1].click()
    wait(lambda: "boats" in body(tab) and body_box(tab).is_displayed(), timeout=120)


def test_typing_on_a_photo_slide_redraws_its_words_and_keeps_the_photo(tmp_path):
    photo_project(tmp_path)
    with running_studio(tmp_path) as studio:
        tab = chromium()
        try:
            open_photo_slide(tab, studio.url)
            wait(lambda: tab.execute_script(f"return {VIEW}.querySelectorAll('image').length", PREVIEW) == 1,
                 timeout=120)
            wait(lambda: "boats" in words_of_thumb(tab), timeout=120)
            tab.execute_script(MARK, PREVIEW)
            tab.execute_script(MARK, SELECTED_THUMB)
            put_caret(tab, len(body(tab)))
            type_letters(tab, " Quokka")
            wait(lambda: preview_words(tab).endswith("Quokka"), timeout=120)
            wait(lambda: tab.execute_script(SAME_AS_WHOLE, PREVIEW), timeout=60)
            image = tab.execute_script(f"return {VIEW}.querySelector('image').getAttribute('href')", PREVIEW)
            assert image.startswith("data:image/")  # the photo is still drawn
            assert tab.execute_script(KEPT, PREVIEW, "image") == [True]  # not made (and decoded) again
            assert all(tab.execute_script(KEPT, PREVIEW, ".background"))  # nor the background and its pattern
            assert not all(tab.execute_script(KEPT, PREVIEW, "text.body tspan"))  # the words were made again
            # the strip's thumbnail catches up, drawn the same way
            wait(lambda: "Quokka" in words_of_thumb(tab), timeout=120)
            wait(lambda: tab.execute_script(SAME_AS_WHOLE, SELECTED_THUMB), timeout=60)
            assert tab.execute_script(KEPT, SELECTED_THUMB, "image") == [True]
        finally:
            tab.quit()


def test_a_drawing_of_another_shape_is_drawn_whole(tmp_path):
    """Another slide (other groups, another layout) shows exactly its own drawing, nothing of the last one."""
    photo_project(tmp_path)
    with running_studio(tmp_path) as studio:
        tab = chromium()
        try:
            load_strip(tab, studio.url)
            for index, words in ((1, "harbour"), (0, "thread"), (2, "today"), (1, "harbour")):
                tab.find_elements("css selector", "[data-testid=slide-thumb]")[index].click()
                wait(lambda: words in tab.execute_script(f"return {VIEW}.textContent", PREVIEW).lower()
                     and tab.execute_script(SAME_AS_WHOLE, PREVIEW), timeout=120)
                photos = tab.execute_script(f"return {VIEW}.querySelectorAll('image').length", PREVIEW)
                assert photos == (1 if index == 1 else 0)
        finally:
            tab.quit()


def test_the_save_state_follows_typing_without_element_updates(tmp_path):
    """The save state changes without an element update (a render of the whole page); rendered again, the page
    keeps its latest words."""
    photo_project(tmp_path)
    with running_studio(tmp_path) as studio:
        tab = chromium()
        try:
            tab.get(studio.url)
            wait(lambda: tab.execute_script("return window.did_handshake") and body_box(tab).is_displayed(),
                 timeout=120)
            state = tab.find_element("css selector", "[data-testid=save-state]")
            wait(lambda: state.text == "All changes saved", timeout=120)
            element = state.get_attribute("id")[1:]
            tab.execute_script("window.__updated = []; window.__said = [];"
                               "window.socket.on('update', (msg) => window.__updated.push(...Object.keys(msg)));"
                               "new MutationObserver(() => window.__said.push(arguments[0].textContent))"
                               ".observe(arguments[0], {childList: true, characterData: true, subtree: true})", state)
            put_caret(tab, len(body(tab)))
            type_letters(tab, " Saved")
            wait(lambda: preview_words(tab).endswith("Saved"), timeout=120)
            wait(lambda: "Saving…" in tab.execute_script("return window.__said"), timeout=60)
            wait(lambda: state.text == "All changes saved", timeout=120)
            assert element not in tab.execute_script("return window.__updated")
            tab.execute_script("mounted_app.$forceUpdate()")  # the page drawn again from its copy of the elements
            wait(lambda: tab.execute_script("return document.getElementById(arguments[0]).textContent",
                                            "c" + element) == "All changes saved", timeout=60)
        finally:
            tab.quit()


TILES_WITH = ("return [...document.querySelectorAll('.cs-tile')].filter(t => [...t.querySelectorAll('.cs-tile-svg')]"
              ".some(v => v.shadowRoot && v.shadowRoot.textContent.includes(arguments[0]))).length")
LOADING = "return document.querySelectorAll('.cs-tile-loading').length"


def test_gallery_tiles_catch_up_with_typing_and_stay_drawn_when_the_page_renders_again(tmp_path):
    """Tiles drawn while typing pauses show the slide's new words and lose their placeholder look, also after a
    render of the whole page (their drawings and classes reach the page's copy of their elements)."""
    photo_project(tmp_path)
    with running_studio(tmp_path) as studio:
        tab = chromium()
        try:
            open_photo_slide(tab, studio.url)
            wait(lambda: tab.execute_script(TILES_WITH, "boats"), timeout=120)  # some gallery shows this slide
            put_caret(tab, len(body(tab)))
            type_letters(tab, " Zebra")
            wait(lambda: tab.execute_script(TILES_WITH, "Zebra") and not tab.execute_script(LOADING), timeout=180)
            shown = tab.execute_script(TILES_WITH, "Zebra")
            tab.execute_script("mounted_app.$forceUpdate()")
            wait(lambda: tab.execute_script("return new Promise(r => requestAnimationFrame(() => r(true)))"))
            assert tab.execute_script(LOADING) == 0
            assert tab.execute_script(TILES_WITH, "Zebra") >= shown  # (more galleries may have caught up since)
        finally:
            tab.quit()
