"""Live preview speed: keystroke → updated SVG in the page, and server-side render time per slide.

    python3 benchmarks/preview.py [--keys 60]

A 12-slide carousel is opened in the studio (a subprocess on a free loopback port,
throwaway data folder) in headless Chromium. Each keystroke into the slide text is
timed in the page itself: from the ``keydown`` event to the first change of the
preview's SVG (drawn in the shadow root of its view). Keys are sent 250 ms apart so each one is measured on its own; a space at the end
of the text changes nothing on the slide, so only the other keys produce a sample.
Goals: p95 ≤ 60 ms end to end; ≤ 5 ms per slide server-side. Through benchmarks/run.py,
``--quick`` measures the server side only.
"""
from __future__ import annotations

import argparse
import contextlib
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from harness import Row, Timing, at_most, info  # noqa: E402
from studio.post import Post, Thread  # noqa: E402
from studio.server_process import running_studio  # noqa: E402
from studio.structure import carousel_from_thread  # noqa: E402

POSTS = [
    "Twelve slides is the sweet spot for a carousel that teaches one thing well 🧵",
    "1) Start with the promise\nName the outcome and the number of steps before anything else.",
    "2) One idea per slide\nIf you need two headlines you need two slides. White space is a feature.",
    "3) Write the headline last\nDraft the body, then pull the sharpest line up as the headline.",
    "4) Keep lines short\n- 40 to 60 characters\n- One accent colour\n- Numbers instead of adjectives",
    "5) Show the before and after\nA picture of the change beats a paragraph about it.",
    "6) Credit your sources\nQuoted someone? Their name and @handle go on the slide.",
    "7) Repeat your brand quietly\nSame fonts, same colours, your handle on every page.",
    "8) Test the first slide\nPost two covers to a small audience and keep the one that gets swiped.",
    "9) End with one ask\nFollow, repost or save. Pick one and say what they get for it.",
    "That is the whole method. Try it on your best thread this week and tell me how it went.",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def carousel_12():
    thread = Thread("bench", [Post(f"p{i}", text, author_name="Bench Mark", handle="bench")
                              for i, text in enumerate(POSTS, 1)])
    carousel = carousel_from_thread(thread)
    carousel.name = "Benchmark carousel"
    assert len(carousel.slides) == 12, len(carousel.slides)
    return carousel


def server_side(rounds: int = 200) -> dict[str, list[float]]:
    """ms samples of the studio's own work per keystroke (``components.view`` / ``slide_editor``): the typed
    slide laid out again (its page count and its pages: ``lay_out_slide``), then its page's SVG; also one
    unchanged slide's page."""
    from studio.fonts import ensure_fonts
    from studio.render import draw_slide_page, lay_out_slide, pages_per_slide, render_slide_page
    ensure_fonts()
    carousel = carousel_12()
    counts = pages_per_slide(carousel)  # warm the measurement caches and every slide's layout, as a running studio is
    total = sum(counts)
    edited, unchanged, counting = [], [], []
    slide = carousel.slides[5]
    base = slide.body
    for n in range(rounds):
        slide.body = f"{base} typing {n} " + "x" * (n % 40)  # a new text every round: never a cached layout
        t = time.perf_counter()
        laid = lay_out_slide(carousel, 5, scale=1)
        counted = time.perf_counter()
        draw_slide_page(laid, 0, sum(counts[:5]) + 1, total)
        done = time.perf_counter()
        counting.append((counted - t) * 1000)
        edited.append((done - t) * 1000)
        t = time.perf_counter()
        render_slide_page(carousel, 2, 0, sum(counts[:2]) + 1, total, scale=1)
        unchanged.append((time.perf_counter() - t) * 1000)
    return {"one keystroke: the typed slide laid out and its page drawn": edited,
            "  of which laying out the typed slide (its page count)": counting,
            "an unchanged slide's page drawn": unchanged}


def end_to_end(keys: int) -> list[float]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from studio.store import Store

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        raise SystemExit("error: Chromium is missing; install it with: apt-get install chromium chromium-driver")
    with tempfile.TemporaryDirectory(prefix="cs-bench-") as data, contextlib.ExitStack() as stack:
        store = Store(data)
        project_id = store.projects.save(carousel_12())
        store.settings.set("last_project", project_id)
        del store
        server = stack.enter_context(running_studio(Path(data)))  # stopped before the folder goes
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", f"--user-data-dir={tempfile.mkdtemp(prefix='cs-bench-chrome-')}",
                     "--window-size=1280,800"]:
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        try:
            driver.get(server.url)
            for _ in range(100):
                if len(driver.find_elements(By.CSS_SELECTOR, "[data-testid=slide-thumb]")) == 12:
                    break
                time.sleep(0.1)
            driver.find_elements(By.CSS_SELECTOR, "[data-testid=slide-thumb]")[5].click()
            time.sleep(1.0)
            driver.execute_script("""
                window.__lat = []; window.__t0 = null;
                const preview = document.querySelector('[data-testid=slide-preview]');
                const box = document.querySelector('[data-testid=slide-body]');
                box.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
                new MutationObserver(() => {
                    if (window.__t0 !== null) { window.__lat.push(performance.now() - window.__t0); window.__t0 = null; }
                }).observe(preview.shadowRoot, {childList: true, subtree: true, characterData: true});
            """)
            box = driver.find_element(By.CSS_SELECTOR, "[data-testid=slide-body]")
            box.click()
            box.send_keys(Keys.CONTROL, Keys.END)
            time.sleep(0.5)
            driver.execute_script("window.__lat = []; window.__t0 = null;")
            text = ("so it reads well " * 10)[:keys]
            for char in text:
                box.send_keys(char)
                time.sleep(0.25)
            time.sleep(0.5)
            return driver.execute_script("return window.__lat"), sum(1 for c in text if not c.isspace())
        finally:
            driver.quit()


SERVER_GOAL_MS = 5
KEYSTROKE_P95_GOAL_MS = 60


def rows(quick: bool) -> list[Row]:
    samples = server_side(40 if quick else 200)
    edited = samples.pop("one keystroke: the typed slide laid out and its page drawn")
    out = [at_most("preview: one keystroke on the server, the typed slide laid out and drawn (p95)",
                   percentile(edited, .95), SERVER_GOAL_MS)]
    out += [info(f"preview: {name} (server)", Timing(values)) for name, values in samples.items()]
    if not quick:
        latencies, _ = end_to_end(60)
        out += [info("preview: keystroke → updated SVG in the browser (p50)", statistics.median(latencies)),
                at_most("preview: keystroke → updated SVG in the browser (p95)", percentile(latencies, .95),
                        KEYSTROKE_P95_GOAL_MS)]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=60, help="keystrokes to time (default 60)")
    args = parser.parse_args()
    print("Carousel Studio live preview (12-slide carousel)")
    for name, values in server_side().items():
        print(f"  server: {name:<48} median {statistics.median(values):6.2f} ms   p95 {percentile(values, .95):6.2f} ms")
    latencies, visible = end_to_end(args.keys)  # a trailing space draws nothing new, so it is not counted
    if len(latencies) < visible:
        print(f"  warning: only {len(latencies)} of {visible} visible keystrokes produced a preview update")
    print(f"  browser: keystroke → updated SVG in the page ({len(latencies)} keys)"
          f"       median {statistics.median(latencies):6.1f} ms   p95 {percentile(latencies, .95):6.1f} ms")
    print(f"  goals: p95 ≤ {KEYSTROKE_P95_GOAL_MS} ms end to end; ≤ {SERVER_GOAL_MS} ms per slide server-side")
    return 0


if __name__ == "__main__":
    sys.exit(main())
