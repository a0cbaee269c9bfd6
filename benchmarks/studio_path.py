"""The studio's whole path, timed in a real browser (Playwright on Debian's Chromium).

    python3 benchmarks/studio_path.py [--quick]      (or through benchmarks/run.py)
    python3 benchmarks/studio_path.py --keys [N]     (only keystroke → painted, N letters, split per stage)
    python3 benchmarks/studio_path.py --clicks [SLIDES [REPEAT]]   (only export clicks, a SLIDES-slide carousel)

The studio runs as a subprocess on a free loopback port with a throwaway data
folder holding the 10-slide, two-photo carousel of ``export.py``. Timed from the
browser's side: page load → first slide drawn; keystroke → preview painted (p50/p95);
click Export → dialog shown; click → PDF saved; click → PNG ZIP saved (the download
complete on disk); a 12-post paste → its slides laid out; then the export clicks again
with a 40-slide carousel.
"""
from __future__ import annotations

import contextlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import anchors  # noqa: E402
from harness import Row, Timing, at_most, info, repeats  # noqa: E402
from studio.server_process import running_studio  # noqa: E402

PDF_GOAL_MS, ZIP_GOAL_MS, KEY_GOAL_MS = 400, 700, 60
BIG_SLIDES = 40  # a large carousel's export clicks too: the file is sent while it is written
AHEAD_PAUSE_S = 5  # seconds between typing and the click in the "after a pause" rows
# Quasar puts a text field's attributes on its <textarea> itself
BODY = "textarea[data-testid=slide-body], [data-testid=slide-body] textarea"
SOURCE = "textarea[data-testid=source-input], [data-testid=source-input] textarea"
PASTE = "\n\n".join(["Twelve posts pasted at once, laid out as slides 🧵"]
                    + [f"{i}) Point number {i}\nA line of body text that explains point {i} in a sentence."
                       for i in range(1, 11)] + ["Zanzibar is the last word of this thread."])


def _seed(data: str, slides: int = 10) -> int:
    """A data folder whose last project is the export benchmark's carousel (``slides`` long); its page count."""
    from export import build_carousel
    from studio.export import pages
    from studio.store import Store
    store = Store(data)
    carousel = build_carousel(slides)
    carousel.name = "Benchmark carousel"
    store.settings.set("last_project", store.projects.save(carousel))
    pages.prepare()
    return pages.page_total(carousel)


# Stamps (the system clock, as Python's time.time) of the button pressed in the page and of the
# studio's "download this" message reaching it (NiceGUI's global ``download``).
_STAMPS = """() => {
  if (window.__stamps) return;
  window.__stamps = {};
  document.addEventListener('pointerdown', () => { window.__stamps.pressed = Date.now(); }, true);
  const download = window.download;
  window.download = (...args) => { window.__stamps.told = Date.now(); return download(...args); };
}"""
STAGES: dict[str, list[float]] = {"Playwright's click call → pressed": [], "pressed → told to download": [],
                                  "told to download → saved": []}


def _click_to_saved(page, testid: str, folder: Path) -> float:
    """ms from the button pressed in the page to the downloaded file complete on disk.

    Timed from the press the page sees, not from Playwright's call: that first waits for the button to
    stop moving (the dialog's opening animation), which a person's click does not. The two stages of
    each click go to ``STAGES``: the studio's work until the browser is told to download, then the
    download itself (the browser's request, the file sent, Chromium saving it)."""
    page.evaluate(_STAMPS)
    with page.expect_download(timeout=120_000) as download:
        called = time.time() * 1000
        page.click(f"[data-testid={testid}]")
    download.value.save_as(folder / download.value.suggested_filename)  # waits for the download to finish
    saved = time.time() * 1000
    stamps = page.evaluate("window.__stamps")
    STAGES["Playwright's click call → pressed"].append(stamps["pressed"] - called)
    STAGES["pressed → told to download"].append(stamps["told"] - stamps["pressed"])
    STAGES["told to download → saved"].append(saved - stamps["told"])
    return saved - stamps["pressed"]


def _open_export(page) -> float:
    """ms from the click on Export to its dialog's buttons shown."""
    start = time.perf_counter()
    page.click("[data-testid=export-open]")
    page.wait_for_selector("[data-testid=export-pdf]", state="visible")
    return (time.perf_counter() - start) * 1000


# Resolves with ms from the next keydown in the slide's text box to the first frame after the
# preview changed (it is the server's SVG, text drawn as shapes: the whole round trip). Also keeps the
# stages of that keystroke in window.__stages, ms from the keydown: "sent" (its edit left for the studio),
# "arrived" (the preview's drawing reached the page: the view's method call, svg_view.py show_now, or else
# the first update after the keydown), "changed" (the preview's elements changed), "painted" (the next frame).
_PAINTED = """body => {
  const box = document.querySelector(body);
  const host = document.querySelector('[data-testid=slide-preview]');
  const preview = host.shadowRoot || host;  // the SVG is drawn in the preview's shadow root
  const before = preview.innerHTML;
  const id = host.id.slice(1);  // its call as svg_view.py sends it (older studios: runMethod)
  const drawing = (code) => code.includes(`getElement(${id}), content`) || code.includes(`runMethod(${id}, "show"`);
  let start = null;
  window.__stages = {};
  const stage = (name) => { if (window.__start !== null && !(name in window.__stages))
    window.__stages[name] = performance.now() - window.__start; };
  if (!window.__listening) {  // after NiceGUI's own handler: called as the message arrives
    window.__listening = true;
    window.socket.on('run_javascript', (msg) => { if (drawing(msg.code)) stage('arrived'); });
    window.socket.on('update', (msg) => { if (id in msg) stage('arrived'); });
    window.socket.io.engine.on('packetCreate', (packet) => {
      if (String(packet.data || '').startsWith('2["event"')) stage('sent'); });
  }
  window.__start = null;
  box.addEventListener('keydown', () => { start = window.__start = performance.now(); }, {once: true});
  window.__painted = new Promise(resolve => {
    const seen = new MutationObserver(() => {
      if (start !== null && preview.innerHTML !== before) {
        seen.disconnect();
        stage('changed');
        requestAnimationFrame(() => { stage('painted'); resolve(performance.now() - start); });
      }
    });
    seen.observe(preview, {subtree: true, childList: true, characterData: true, attributes: true});
  });
}"""
STAGES_OF_KEYS = ("sent", "arrived", "changed", "painted")
KEY_STAGES: list[dict[str, float]] = []  # each keystroke's stages (ms from its keydown)


def _type_word(page, word: str) -> list[float]:
    """Type ``word`` at the end of the selected slide's text, a key at a time; ms keystroke → painted, each.

    Letters only: every one changes the drawing (a trailing space does not)."""
    box = page.locator(BODY).first
    box.click()
    page.keyboard.press("Control+End")
    times = []
    for i in range(1, len(word) + 1):
        page.evaluate(_PAINTED, BODY)
        page.keyboard.press(word[i - 1])
        times.append(page.evaluate("Promise.race([window.__painted, new Promise(r => setTimeout(() => r(null), 30000))])"))
        KEY_STAGES.append(page.evaluate("window.__stages"))
    if None in times:
        raise RuntimeError("the preview did not change within 30 s of a keystroke")
    return times


def _close_export(page) -> None:
    page.keyboard.press("Escape")
    page.wait_for_selector("[data-testid=export-pdf]", state="hidden")


def _edit_and_reopen(page, word: str) -> list[float]:
    """Close the export dialog, type a word into the selected slide, open the dialog again."""
    _close_export(page)
    times = _type_word(page, word)
    _open_export(page)
    return times


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def rows(quick: bool) -> list[Row]:
    """Full runs only: starting the studio and a browser is most of a quick run's budget.

    Exports are timed four ways, because the studio does not draw a page again that it drew
    before with the same SVG, and draws the export ahead whenever edits pause: the first export
    after start (opened as the page settles: drawn ahead, or joining that drawing), an export
    clicked at once after a word was typed into one slide (a PDF is drawn whole again, a ZIP
    draws that one page: joining the drawing ahead if it began), the same after a pause (drawn
    ahead meanwhile), and an export with nothing changed.
    """
    missing = "not in a quick run" if quick else anchors.available()["chromium"]
    if missing:
        print(f"skipped the studio in a browser: {missing}", file=sys.stderr)
        return []
    from playwright.sync_api import sync_playwright
    repeat = repeats(quick) // 2  # each export is a few seconds with the download
    with tempfile.TemporaryDirectory(prefix="cs-bench-studio-") as data, sync_playwright() as playwright, \
            contextlib.ExitStack() as stack:
        total = _seed(data)
        server = stack.enter_context(running_studio(Path(data)))  # stopped before the folder goes
        browser = playwright.chromium.launch(executable_path=anchors.CHROMIUM, args=anchors.CHROMIUM_FLAGS,
                                            timeout=anchors.LOADED_MS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800}, accept_downloads=True)
            page.set_default_timeout(anchors.LOADED_MS)  # the waits below without their own limit
            start = time.perf_counter()
            page.goto(server.url)
            page.wait_for_selector("[data-testid=slide-preview] svg", timeout=120_000)
            first_slide = (time.perf_counter() - start) * 1000
            page.locator("[data-testid=slide-thumb]").nth(1).click()  # a content slide: its text is drawn
            keys = _type_word(page, "Keystrokes")
            opened = [_open_export(page)]
            saved = Path(data) / "downloads"
            saved.mkdir()
            pdf_first = _click_to_saved(page, "export-pdf", saved)
            zip_first = _click_to_saved(page, "export-zip", saved)
            pdf_edit, zip_edit = [], []
            for r in range(repeat):
                keys += _edit_and_reopen(page, "Pdf")
                pdf_edit.append(_click_to_saved(page, "export-pdf", saved))
                keys += _edit_and_reopen(page, "Zip")
                zip_edit.append(_click_to_saved(page, "export-zip", saved))
            pdf_ahead, zip_ahead = [], []
            for r in range(repeat):
                keys += _edit_and_reopen(page, "Paused")
                time.sleep(AHEAD_PAUSE_S)  # a person looking at the dialog: the studio draws ahead meanwhile
                pdf_ahead.append(_click_to_saved(page, "export-pdf", saved))
                keys += _edit_and_reopen(page, "Paused")
                time.sleep(AHEAD_PAUSE_S)
                zip_ahead.append(_click_to_saved(page, "export-zip", saved))
            for _ in range(repeat):
                _close_export(page)
                opened.append(_open_export(page))
            pdf_same = [_click_to_saved(page, "export-pdf", saved) for _ in range(repeat)]
            zip_same = [_click_to_saved(page, "export-zip", saved) for _ in range(repeat)]
            again = [_click_to_saved(page, "export-again", saved) for _ in range(repeat)] \
                if page.locator("[data-testid=export-again]").count() else []  # (older studios: no such button)
            paste = _paste(page)
            # the new creator's path: the pasted thread's first export, as soon as its slides show
            pasted_pdf = _click_to_saved(page, "export-pdf", saved) if paste is not None and _open_export(page) else None
        finally:
            browser.close()
    pdf, png = f"{total}-page PDF saved", f"{total}-image PNG ZIP saved"
    out = [info("studio: page load → first slide drawn", first_slide),
           info("studio: click Export → dialog shown", Timing(opened[1:] or opened)),
           info("  the first time", opened[0]),
           at_most(f"studio: click → {pdf}, first export (every page drawn)", pdf_first, PDF_GOAL_MS),
           at_most(f"studio: click → {pdf}, clicked at once after typing into a slide", Timing(pdf_edit),
                   PDF_GOAL_MS),
           at_most(f"studio: click → {pdf}, typed, then a {AHEAD_PAUSE_S} s pause (drawn ahead)", Timing(pdf_ahead),
                   PDF_GOAL_MS),
           at_most(f"studio: click → {pdf}, nothing changed (no page drawn)", Timing(pdf_same), PDF_GOAL_MS),
           at_most(f"studio: click → {png}, first export (every page drawn)", zip_first, ZIP_GOAL_MS),
           at_most(f"studio: click → {png}, clicked at once after typing into a slide", Timing(zip_edit),
                   ZIP_GOAL_MS),
           at_most(f"studio: click → {png}, typed, then a {AHEAD_PAUSE_S} s pause (drawn ahead)", Timing(zip_ahead),
                   ZIP_GOAL_MS),
           at_most(f"studio: click → {png}, nothing changed (no page drawn)", Timing(zip_same), ZIP_GOAL_MS),
           *([info("studio: click → saved, a file already written (the download round trip alone)", Timing(again))]
             if again else []),
           *[info(f"studio: every export click, {stage}", Timing(times)) for stage, times in STAGES.items()],
           info(f"studio: keystroke → preview painted, p50 of {len(keys)}", _percentile(keys, 0.5)),
           at_most(f"studio: keystroke → preview painted, p95 of {len(keys)}", _percentile(keys, 0.95),
                   KEY_GOAL_MS)]
    if paste is not None:
        out += [info("studio: 12-post paste → slides laid out", paste),
                at_most("studio: click → PDF saved, the pasted thread's first export (opened once laid out)",
                        pasted_pdf, PDF_GOAL_MS)]
    return out + clicks(BIG_SLIDES, repeat)


def _paste(page) -> float | None:
    """ms from "Import thread" to the pasted thread laid out as a new project (the studio asks "New project
    or add?", answered at once); None when the paste box is not found or the slides never appear."""
    from playwright.sync_api import Error
    laid_out = ("() => [...document.querySelectorAll('[data-testid=post-card]')]"
                ".some(c => c.textContent.includes('Zanzibar'))"
                " && document.querySelectorAll('[data-testid=slide-thumb]').length >= 12")
    try:
        _close_export(page)
        page.click(".cs-source-tabs .q-tab:has-text('Paste')")
        page.locator(SOURCE).first.fill(PASTE)
        start = time.perf_counter()
        page.click("[data-testid=source-import]")
        page.click("[data-testid=import-ask-new]")
        page.wait_for_function(laid_out)
    except Error as exc:
        print(f"skipped the paste: {str(exc).splitlines()[0]}", file=sys.stderr)
        return None
    return (time.perf_counter() - start) * 1000


def clicks(slides: int, repeat: int) -> list[Row]:
    """Only the export click: a carousel of ``slides`` slides, a word typed into one slide and the export
    clicked at once (the PDF is drawn whole again, the ZIP draws that page), then with nothing changed."""
    from playwright.sync_api import sync_playwright
    for times in STAGES.values():
        times.clear()
    with tempfile.TemporaryDirectory(prefix="cs-bench-clicks-") as data, sync_playwright() as playwright, \
            contextlib.ExitStack() as stack:
        total = _seed(data, slides)
        server = stack.enter_context(running_studio(Path(data)))
        browser = playwright.chromium.launch(executable_path=anchors.CHROMIUM, args=anchors.CHROMIUM_FLAGS,
                                            timeout=anchors.LOADED_MS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800}, accept_downloads=True)
            page.set_default_timeout(anchors.LOADED_MS)  # the waits below without their own limit
            page.goto(server.url)
            page.wait_for_selector("[data-testid=slide-preview] svg", timeout=120_000)
            page.locator("[data-testid=slide-thumb]").nth(1).click()
            _open_export(page)
            saved = Path(data) / "downloads"
            saved.mkdir()
            _click_to_saved(page, "export-pdf", saved)  # the first exports: every page drawn once
            _click_to_saved(page, "export-zip", saved)
            pdf_edit, zip_edit = [], []
            for _ in range(repeat):
                _edit_and_reopen(page, "Pdf")
                pdf_edit.append(_click_to_saved(page, "export-pdf", saved))
                _edit_and_reopen(page, "Zip")
                zip_edit.append(_click_to_saved(page, "export-zip", saved))
            pdf_same = [_click_to_saved(page, "export-pdf", saved) for _ in range(repeat)]
            zip_same = [_click_to_saved(page, "export-zip", saved) for _ in range(repeat)]
        finally:
            browser.close()
    pdf, png = f"{total}-page PDF saved", f"{total}-image PNG ZIP saved"
    return [info(f"studio: click → {pdf}, clicked at once after typing into a slide", Timing(pdf_edit)),
            info(f"studio: click → {png}, clicked at once after typing into a slide", Timing(zip_edit)),
            info(f"studio: click → {pdf}, nothing changed (no page drawn)", Timing(pdf_same)),
            info(f"studio: click → {png}, nothing changed (no page drawn)", Timing(zip_same)),
            *[info(f"studio: {total}-slide export clicks, {stage}", Timing(times)) for stage, times in STAGES.items()]]


def keystrokes(count: int) -> list[Row]:
    """Only keystroke → painted: ``count`` letters typed into a content slide, a key at a time."""
    from playwright.sync_api import sync_playwright
    words = ("Keystrokes", "Painted", "Preview", "Quokka", "Wombat")
    with tempfile.TemporaryDirectory(prefix="cs-bench-keys-") as data, sync_playwright() as playwright, \
            contextlib.ExitStack() as stack:
        _seed(data)
        server = stack.enter_context(running_studio(Path(data)))
        browser = playwright.chromium.launch(executable_path=anchors.CHROMIUM, args=anchors.CHROMIUM_FLAGS,
                                            timeout=anchors.LOADED_MS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.set_default_timeout(anchors.LOADED_MS)  # the waits below without their own limit
            page.goto(server.url)
            page.wait_for_selector("[data-testid=slide-preview] svg", timeout=120_000)
            page.locator("[data-testid=slide-thumb]").nth(1).click()
            keys: list[float] = []
            while len(keys) < count:
                keys += _type_word(page, words[len(keys) % len(words)])
        finally:
            browser.close()
    keys, stages = keys[:count], KEY_STAGES[:count]
    slowest = sorted(range(len(keys)), key=lambda k: -keys[k])[:3]
    print("slowest keystrokes, ms: " + "; ".join(
        f"{keys[k]:.0f} (" + ", ".join(f"{name} {stages[k][name]:.0f}" for name in STAGES_OF_KEYS if name in stages[k])
        + ")" for k in slowest), file=sys.stderr)
    out = [info(f"studio: keystroke → preview painted, p50 of {len(keys)}", _percentile(keys, 0.5)),
           at_most(f"studio: keystroke → preview painted, p95 of {len(keys)}", _percentile(keys, 0.95), KEY_GOAL_MS)]
    for first, then in zip(("keydown",) + STAGES_OF_KEYS, STAGES_OF_KEYS):
        spans = [each[then] - each.get(first, 0.0) for each in stages if then in each and (first == "keydown" or first in each)]
        if spans:
            out += [info(f"  {first} → {then}, p50", _percentile(spans, 0.5)),
                    info(f"  {first} → {then}, p95", _percentile(spans, 0.95))]
    return out


if __name__ == "__main__":
    from run import table
    if "--clicks" in sys.argv:  # --clicks SLIDES REPEAT
        given = [int(a) for a in sys.argv[sys.argv.index("--clicks") + 1:] if a.isdigit()]
        print(table(clicks(*(given + [40, 5][len(given):])[:2])))
    elif "--keys" in sys.argv:
        after = sys.argv[sys.argv.index("--keys") + 1:]
        print(table(keystrokes(int(after[0]) if after and after[0].isdigit() else 60)))
    else:
        print(table(rows("--quick" in sys.argv)))
