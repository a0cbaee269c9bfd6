"""The studio's whole path, timed in a real browser (Playwright on Debian's Chromium).

    python3 benchmarks/studio_path.py [--quick]      (or through benchmarks/run.py)

The studio runs as a subprocess on a free loopback port with a throwaway data
folder holding the 10-slide, two-photo carousel of ``export.py``. Timed from the
browser's side: page load → first slide drawn; click → PDF saved; click → PNG ZIP
saved (the download complete on disk); a 12-post paste → its slides laid out.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import anchors  # noqa: E402
from harness import Row, Timing, at_most, info, repeats, stop  # noqa: E402

PDF_GOAL_MS, ZIP_GOAL_MS = 400, 700
PASTE = "\n\n".join(["Twelve posts pasted at once, laid out as slides 🧵"]
                    + [f"{i}) Point number {i}\nA line of body text that explains point {i} in a sentence."
                       for i in range(1, 11)] + ["Zanzibar is the last word of this thread."])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _seed(data: str) -> int:
    """A data folder whose last project is the export benchmark's carousel; returns its page count."""
    from export import build_carousel
    from studio.export import pages
    from studio.store import Store
    store = Store(data)
    carousel = build_carousel()
    carousel.name = "Benchmark carousel"
    store.settings.set("last_project", store.projects.save(carousel))
    pages.prepare()
    return pages.page_total(carousel)


def _serve(data: str, port: int) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "NICEGUI_"))}
    server = subprocess.Popen([sys.executable, "-m", "studio", "serve", "--no-browser", "--port", str(port),
                               "--data-dir", data], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and server.poll() is None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}", timeout=30).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("the studio did not answer within 3 minutes")


def _click_to_saved(page, testid: str, folder: Path) -> float:
    """ms from the click on an export button to the downloaded file complete on disk."""
    with page.expect_download(timeout=120_000) as download:
        start = time.perf_counter()
        page.click(f"[data-testid={testid}]")
    download.value.save_as(folder / download.value.suggested_filename)  # waits for the download to finish
    return (time.perf_counter() - start) * 1000


def rows(quick: bool) -> list[Row]:
    """Full runs only: starting the studio and a browser is most of a quick run's budget."""
    missing = "not in a quick run" if quick else anchors.available()["chromium"]
    if missing:
        print(f"skipped the studio in a browser: {missing}", file=sys.stderr)
        return []
    from playwright.sync_api import sync_playwright
    repeat = repeats(quick) // 2  # each export is a few seconds with the download
    with tempfile.TemporaryDirectory(prefix="cs-bench-studio-") as data, sync_playwright() as playwright:
        total = _seed(data)
        port = _free_port()
        server = _serve(data, port)
        browser = playwright.chromium.launch(executable_path=anchors.CHROMIUM, args=anchors.CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800}, accept_downloads=True)
            start = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}")
            page.wait_for_selector("[data-testid=slide-preview] svg", timeout=120_000)
            first_slide = (time.perf_counter() - start) * 1000
            page.click("[data-testid=export-open]")
            page.wait_for_selector("[data-testid=export-pdf]", state="visible")
            saved = Path(data) / "downloads"
            saved.mkdir()
            pdf = Timing([_click_to_saved(page, "export-pdf", saved) for _ in range(1 + repeat)][1:])
            png = Timing([_click_to_saved(page, "export-zip", saved) for _ in range(1 + repeat)][1:])
            paste = _paste(page)
        finally:
            browser.close()
            stop(server)
    out = [info("studio: page load → first slide drawn", first_slide),
           at_most(f"studio: click → {total}-page PDF saved", pdf, PDF_GOAL_MS),
           at_most(f"studio: click → {total}-image PNG ZIP saved", png, ZIP_GOAL_MS)]
    return out + ([info("studio: 12-post paste → slides laid out", paste)] if paste is not None else [])


def _paste(page) -> float | None:
    """ms from "Import thread" to the pasted thread's last post on a slide; None when the paste box is not found."""
    from playwright.sync_api import Error
    try:
        page.keyboard.press("Escape")
        page.click(".cs-source-tabs .q-tab:has-text('Paste')", timeout=10_000)
        page.fill("[data-testid=source-input] textarea", PASTE, timeout=10_000)
    except Error as exc:
        print(f"skipped the paste: {str(exc).splitlines()[0]}", file=sys.stderr)
        return None
    start = time.perf_counter()
    page.click("[data-testid=source-import]")
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=slide-thumb]')]"
                           ".some(t => t.textContent.includes('Zanzibar'))", timeout=60_000)
    return (time.perf_counter() - start) * 1000


if __name__ == "__main__":
    from run import table
    print(table(rows("--quick" in sys.argv)))
