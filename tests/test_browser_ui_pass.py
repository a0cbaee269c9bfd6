"""Looks a creator called broken, in real headless Chromium: the export dialog's two-way choices read as controls."""
from __future__ import annotations

import os
import time

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

from ui_helpers import open_studio, wait  # noqa: E402


# each toggle: its border, and whether each option not chosen is inside it with a line before it (or is first)
_TOGGLES = """
return [...document.querySelectorAll('.q-btn-toggle')].map(t => {
  const box = t.getBoundingClientRect(), style = getComputedStyle(t);
  const buttons = [...t.querySelectorAll('.q-btn')];
  return {border: parseFloat(style.borderTopWidth), radius: parseFloat(style.borderTopLeftRadius),
          inside: buttons.every(b => { const r = b.getBoundingClientRect();
                                       return r.left >= box.left && r.right <= box.right + 0.5; }),
          parted: buttons.slice(1).every(b => parseFloat(getComputedStyle(b).borderLeftWidth) >= 1)};
});
"""


def test_the_export_dialogs_choices_have_a_frame_around_every_option(driver, studio_server):
    """"PNG | JPEG" and the resolution: the option not chosen was bare text beside a coloured block."""
    open_studio(driver, studio_server)
    driver.find_element(By.CSS_SELECTOR, "[data-testid=export-open]").click()
    wait(driver, lambda: len(driver.execute_script(_TOGGLES)) == 2)
    for toggle in driver.execute_script(_TOGGLES):
        assert toggle["border"] >= 1 and toggle["radius"] > 0 and toggle["inside"] and toggle["parted"], toggle


# the export dialog's project file card: how wide its words are, and where its button is
_PROJECT_CARD = """
const card = document.querySelector('.cs-export-project');
const words = card.querySelector('.cs-hint').getBoundingClientRect();
const button = card.querySelector('[data-testid=export-project]').getBoundingClientRect();
const box = card.getBoundingClientRect();
return {words: words.width, card: box.width, below: button.top >= words.bottom - 1,
        inside: button.left >= box.left - 0.5 && button.right <= box.right + 0.5};
"""


def test_on_a_phone_the_export_dialogs_project_file_card_reads_as_lines(driver, studio_server):
    """At 390 px the project file's button stood beside its words, which were squeezed to a word a line ("The /
    whole / carousel / with / its …") down a narrow column: the button goes under them."""
    try:
        open_studio(driver, studio_server, 390)
        driver.find_element(By.CSS_SELECTOR, "[data-testid=export-open]").click()
        wait(driver, lambda: driver.execute_script("return !!document.querySelector('.cs-export-project')"))
        card = driver.execute_script(_PROJECT_CARD)
        print("\nproject card", card)
        assert card["below"] and card["inside"] and card["words"] >= 0.6 * card["card"], card
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _luminance(css: str) -> float:
    """A CSS ``rgb(…)`` colour's relative luminance (WCAG)."""
    red, green, blue = (int(part) / 255 for part in css[css.index("(") + 1:css.index(")")].split(",")[:3])
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


_CLOSE = """
const b = document.querySelector('.q-notification .q-notification__actions .q-btn');
const n = b && b.closest('.q-notification');
return b && [b.textContent.trim(), getComputedStyle(b).color, getComputedStyle(n).backgroundColor];
"""


def test_an_error_notices_close_button_can_be_read(driver, studio_server, tmp_path):
    """A failure notice (here: a text file chosen as the slide's photo) is red; its CLOSE was the studio's violet on
    that red, a contrast of about 1.5:1."""
    open_studio(driver, studio_server)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a photo")
    driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(notes))
    wait(driver, lambda: driver.execute_script(_CLOSE))
    label, colour, background = driver.execute_script(_CLOSE)
    print("\nclose button", label, colour, "on", background, round(contrast(colour, background), 2))
    assert label.lower() == "close" and contrast(colour, background) >= 4.5


# the archive's thread picker: what is drawn beyond its dialog's right edge (scrolled out of sight)
_PICKER_CUT_OFF = """
const card = document.querySelector('.cs-picker');
if (!card || !card.querySelector('[data-testid=thread-picker]')) return null;
const right = card.getBoundingClientRect().right;
return [...card.querySelectorAll('th, td, .q-table__grid-item-title, .q-table__grid-item-value')]
  .filter(e => e.getBoundingClientRect().width && e.getBoundingClientRect().right > right + 1)
  .map(e => e.textContent.trim());
"""


def open_picker(driver, studio_server, sample_archive, width: int) -> None:
    """The sample archive uploaded at ``width`` px: its thread picker open."""
    open_studio(driver, studio_server, width)
    toggle = driver.find_element(By.CSS_SELECTOR, "[data-testid=toggle-source]")
    if toggle.is_displayed():
        toggle.click()
    wait(driver, lambda: [t for t in driver.find_elements(By.CSS_SELECTOR, ".q-tab") if "Archive" in t.text])
    tab = next(t for t in driver.find_elements(By.CSS_SELECTOR, ".q-tab") if "Archive" in t.text)
    driver.execute_script("arguments[0].click()", tab)
    wait(driver, lambda: [i for i in driver.find_elements(By.CSS_SELECTOR, "input[type=file]")
                          if "zip" in (i.get_attribute("accept") or "")])
    upload = next(i for i in driver.find_elements(By.CSS_SELECTOR, "input[type=file]")
                  if "zip" in (i.get_attribute("accept") or ""))
    upload.send_keys(str(sample_archive))
    wait(driver, lambda: driver.execute_script(_PICKER_CUT_OFF) is not None)
    wait(driver, lambda: "Reposts" in driver.find_element(By.CSS_SELECTOR, ".cs-picker").text)


def picked(driver, posts: int) -> bool:
    """The thread of ``posts`` posts was picked: it is imported, or the studio asks where its posts go (when the
    project has slides of its own)."""
    return (f"Import {posts} posts" in " ".join(d.text for d in driver.find_elements(By.CSS_SELECTOR, ".q-dialog"))
            or f"{posts} posts imported" in driver.find_element(By.TAG_NAME, "body").text)


def test_on_a_phone_the_archive_thread_picker_shows_each_threads_counts(driver, studio_server, sample_archive):
    """At 390 px the picker's six columns ran off the dialog: Posts, Likes and Reposts were scrolled out of sight.
    A phone now shows each thread as a card, every figure on screen, and a tap on one imports it."""
    try:
        open_picker(driver, studio_server, sample_archive, 390)
        assert driver.execute_script(_PICKER_CUT_OFF) == []
        cards = driver.find_elements(By.CSS_SELECTOR, ".cs-picker .q-table__grid-item-card")
        assert len(cards) == 2
        # the phone turned (a window widened), and back: a table, then cards again (the choice was made once)
        for width, shown in ((900, ".cs-picker tbody tr"), (390, ".cs-picker .q-table__grid-item-card")):
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": True})
            wait(driver, lambda: len(driver.find_elements(By.CSS_SELECTOR, shown)) == 2)
        cards = driver.find_elements(By.CSS_SELECTOR, ".cs-picker .q-table__grid-item-card")
        driver.execute_script("arguments[0].click()", cards[1])  # the second thread: three posts
        wait(driver, lambda: picked(driver, 3))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("width", [390, 1440])
def test_a_thread_of_the_archive_picker_is_picked_from_the_keyboard(driver, studio_server, sample_archive, width):
    """Tab went from Records per page to Cancel: no thread (row or card) took the focus, and Enter picked nothing.
    Each is now a stop of the Tab key, named with its first words and counts, and Enter picks it."""
    try:
        open_picker(driver, studio_server, sample_archive, width)
        # the dialog takes the focus once shown (Tab pressed before that starts from the page behind it)
        wait(driver, lambda: driver.execute_script("return !!document.activeElement.closest('.q-dialog')"))
        names = []
        for _ in range(12):
            ActionChains(driver).send_keys(Keys.TAB).perform()
            name = driver.execute_script("const a = document.activeElement;"
                                         " return a.closest('.cs-picker') && a.getAttribute('aria-label')")
            names.append(name or driver.execute_script("return document.activeElement.outerHTML.slice(0, 80)"))
            if name and "3 posts" in name:
                break
        assert name and name.startswith("Import “") and "3 posts" in name, names
        assert driver.execute_script("return document.activeElement.getAttribute('role')") == "button"
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        wait(driver, lambda: picked(driver, 3))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# what the notice covers: the top bar, the strip, and every control it stands over (or null: no notice yet)
_NOTICE_OVER = """
const notice = document.querySelector('.q-notification');
if (!notice) return null;
const n = notice.getBoundingClientRect();
const over = [];
const hit = (r) => r.width && r.height && n.left < r.right - 1 && n.right > r.left + 1 && n.top < r.bottom - 1
                   && n.bottom > r.top + 1;
for (const [name, selector] of [['top bar', '.q-header'], ['strip', '.q-footer']]) {
  const e = document.querySelector(selector);
  if (e && hit(e.getBoundingClientRect())) over.push(name);
}
const controls = 'button, input, textarea, select, a, [tabindex]:not(.q-layout), .q-tab, .q-field, .cs-stage-bar';
for (const e of document.querySelectorAll(controls)) {
  if (e.closest('.q-notification') || e.closest('.q-header, .q-footer')) continue;
  const r = e.getBoundingClientRect();
  if (!hit(r) || getComputedStyle(e).visibility === 'hidden') continue;
  const x = (Math.max(r.left, n.left) + Math.min(r.right, n.right)) / 2;
  const y = (Math.max(r.top, n.top) + Math.min(r.bottom, n.bottom)) / 2;
  if (notice.contains(document.elementFromPoint(x, y)))  // the notice is drawn over it there
    over.push(e.dataset.testid || e.getAttribute('aria-label') || e.tagName + '.' + String(e.className).slice(0, 30));
}
return over;
"""


# a slide with a long text (its box grows with it), scrolled so its title box is at the top of the window; true
# when it scrolled
_TO_THE_EDITOR = """
const body = document.querySelector('textarea[data-testid=slide-body], [data-testid=slide-body] textarea');
const title = document.querySelector('[data-testid=slide-title]');
if (!body || !title) return false;
body.style.minHeight = '1200px';
body.style.height = '1200px';
const top = title.getBoundingClientRect().top + window.scrollY - document.querySelector('.q-header').offsetHeight;
window.scrollTo(0, top);
return window.scrollY > 300;
"""


# a wide window has the editor beside the slide: only a narrow one scrolls down to it
@pytest.mark.parametrize("size, scrolled", [((1440, 900), False), ((1280, 720), False), ((768, 1024), False),
                                            ((390, 844), False), ((768, 1024), True), ((390, 844), True)],
                         ids=["1440", "1280", "768", "390", "768-scrolled", "390-scrolled"])
def test_a_notice_covers_no_control(driver, studio_server, tmp_path, size, scrolled):
    """Notices stood at the top right, over the Source panel's header and tabs (and on a phone over the top bar's
    Export button), then above the strip, over the slide editor's text boxes on a phone or tablet (a notice that
    stays until closed hid them): they stand under the slide's bar now, over the slide or the empty stage. Fixed
    there, on a phone scrolled down to the editor they stood over its text boxes: they scroll with the slide now."""
    notes = tmp_path / "notes.txt"
    notes.write_text("not a photo")
    width, height = size
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
        open_studio(driver, studio_server)
        if scrolled:
            wait(driver, lambda: driver.execute_script(_TO_THE_EDITOR) is True)
            time.sleep(0.5)
        driver.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(notes))
        wait(driver, lambda: driver.execute_script(_NOTICE_OVER) is not None)
        time.sleep(1)  # its entrance (sliding in) is over
        over = driver.execute_script(_NOTICE_OVER)
        if os.environ.get("CS_SHOTS"):  # to look at by eye
            driver.save_screenshot(os.path.join(os.environ["CS_SHOTS"], f"notice-{width}-{scrolled}.png"))
        assert over == [], over
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_on_a_phone_the_strips_slide_count_stays_on_one_line(driver, studio_server):
    """At 390 px "9 slides" broke onto two lines beside the strip's buttons."""
    try:
        open_studio(driver, studio_server, 390)
        count = driver.execute_script(
            "const e = document.querySelector('[data-testid=slide-count]'); const r = document.createRange();"
            " r.selectNodeContents(e); return [e.textContent, r.getClientRects().length];")
        assert count[0].endswith("slides") and count[1] == 1, count
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# the import question's default answer: whether it has the focus, its focus helper's opacity, its outline
_DEFAULT_ANSWER = """
const b = document.querySelector('[data-testid=import-ask-new]');
if (!b || document.activeElement !== b) return null;
const helper = b.querySelector('.q-focus-helper');
return [getComputedStyle(helper).opacity, getComputedStyle(b).backgroundColor];
"""


def paste_thread(driver, text: str) -> None:
    box = driver.find_element(By.CSS_SELECTOR, "textarea[data-testid=source-input], [data-testid=source-input] textarea")
    box.send_keys(text)
    driver.find_element(By.CSS_SELECTOR, "[data-testid=source-import]").click()


def test_a_questions_focused_default_answer_keeps_its_colour(driver, studio_server):
    """A thread pasted into a project with slides asks "New project" or "Add these posts": the focused default,
    New project, was drawn paler than the studio's violet, as if it could not be chosen."""
    open_studio(driver, studio_server)
    paste_thread(driver, "1/ First post of a thread\n\n2/ Second post of it")
    wait(driver, lambda: driver.find_element(By.CSS_SELECTOR, "textarea[data-testid=source-input], "
                                             "[data-testid=source-input] textarea").get_attribute("value") == ""
         or driver.execute_script("return !!document.querySelector('[data-testid=import-ask-new]')"))
    if not driver.execute_script("return !!document.querySelector('[data-testid=import-ask-new]')"):
        paste_thread(driver, "1/ Another thread\n\n2/ Its second post")  # now the project has slides: it asks
    wait(driver, lambda: driver.execute_script(_DEFAULT_ANSWER))
    time.sleep(1)  # (Quasar's helper fades in)
    opacity, colour = driver.execute_script(_DEFAULT_ANSWER)
    print("\ndefault answer", opacity, colour)
    assert float(opacity) == 0
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    wait(driver, lambda: not driver.execute_script("return !!document.querySelector('[data-testid=import-ask-new]')"))


_SOURCE_LEFT = "return document.querySelector('.q-drawer--right').getBoundingClientRect().left"


@pytest.mark.parametrize("width", [390, 1440])
def test_a_thread_laid_out_on_a_phone_shows_its_slides_not_the_posts_panel(driver, studio_server, width):
    """On a phone the Posts panel slides over the slides, and it stayed open over the carousel just laid out; beside
    the slides (a wide window) it stays where it is."""
    try:
        open_studio(driver, studio_server, width)
        if width < 600:
            driver.find_element(By.CSS_SELECTOR, "[data-testid=toggle-source]").click()
            wait(driver, lambda: driver.execute_script(_SOURCE_LEFT) < width - 100)
        paste_thread(driver, "1/ A thread for a phone\n\n2/ Its second post")
        wait(driver, lambda: driver.execute_script("return !!document.querySelector('[data-testid=import-ask-new]')")
             or driver.find_elements(By.CSS_SELECTOR, ".q-notification"))
        if driver.execute_script("return !!document.querySelector('[data-testid=import-ask-new]')"):
            # (clicked by script: the dialog refuses a pointer click while it grows in)
            driver.execute_script("arguments[0].click()", driver.find_element(By.CSS_SELECTOR,
                                                                              "[data-testid=import-ask-new]"))
        wait(driver, lambda: any("laid out" in n.text for n in driver.find_elements(By.CSS_SELECTOR, ".q-notification")))
        time.sleep(1)  # (the panel slides away)
        left = driver.execute_script(_SOURCE_LEFT)
        assert left >= width - 1 if width < 600 else left < width - 100, left
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
