"""A new creator's first carousel in real headless Chromium, on a fresh data folder, timed step by step.

Paste a 12-post thread, import it, export the PDF: the test counts the clicks (at most 4) and prints,
for each click, the waiting until each thing the creator waits for is on screen, with the studio
server's CPU seconds and the websocket bytes it sent meanwhile; the page load before it is timed the same
way, from the navigation's start to the first slide and the strip drawn. The figures are printed (and appended
to $CS_TIMING_FILE as JSON when set), never asserted: this machine's load varies.

The creator moves at a person's pace: ``REACH`` seconds from the paste to the Import click and ``READ``
seconds of looking before each further click (``CS_CREATOR_PAUSES=0``: every click at once).
"""
from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("selenium")
from pypdf import PdfReader  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from studio.server_process import running_studio  # noqa: E402

POSTS = [
    "How we took our bakery from one oven to three shops in four years, without outside money 🥐",
    "1) Start with one thing people queue for\nOurs was a sourdough loaf. We baked forty a day and sold out by ten.",
    "2) Write down every cost\nFlour, power, rent, our own hours. The loaf that sold out lost money until we knew that.",
    "3) Raise the price before the second oven\nWe went from 4 to 6. Nobody left; the queue got shorter and calmer.",
    "4) Hire for mornings first\nThe 4 a.m. shift decides the day. Our first hire was a baker, not a cashier.",
    "5) Say no to wholesale, for a while\nCafés wanted 200 loaves at half price. We waited until we had the ovens.",
    "6) Open the second shop where the first one's regulars live\nHalf our queue came from one neighbourhood.",
    "7) Keep the menu short\nNine products. Every new one had to replace an old one.",
    "8) Pay suppliers on time\nIn the flour shortage our miller called us first.",
    "9) Teach the recipe, not the steps\nBakers who know why the dough rests can run a shop without us.",
    "10) Count what you throw away\nWaste fell from 12% to 3% when we wrote it on the board every night.",
    "That is the whole plan. Follow me for the next part: the third shop and what went wrong.",
]
THREAD = "\n\n".join(POSTS)
PAUSES = os.environ.get("CS_CREATOR_PAUSES", "1") != "0"
REACH = 0.5 if PAUSES else 0.0  # seconds from the paste to clicking "Import thread"
READ = 1.0 if PAUSES else 0.0  # seconds of looking at what a click brought before the next click

# Counts what the websocket brings and sends (installed before the page's own scripts run).
COUNT_WEBSOCKET = """
window.csWs = {received: 0, sent: 0};
const size = (data) => typeof data === 'string' ? new TextEncoder().encode(data).length
                                                  : (data.byteLength ?? data.size ?? 0);
const Native = window.WebSocket;
window.WebSocket = class extends Native {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', (e) => { window.csWs.received += size(e.data); });
  }
  send(data) { window.csWs.sent += size(data); return super.send(data); }
};
"""

# What the creator waits for after a click, as conditions checked on every frame in the page.
STEPS_JS = """
const svgText = (e) => (e && e.shadowRoot && e.shadowRoot.querySelector('svg')) ? e.shadowRoot.textContent : null;
const shown = (testid) => [...document.querySelectorAll(`[data-testid=${testid}]`)].some(e => e.offsetParent);
window.csSteps = {
  'first slide painted': () => (svgText(document.querySelector('[data-testid=slide-preview]')) || '').includes('bakery'),
  'post cards shown': () => document.querySelectorAll('[data-testid=post-card]').length === 12,
  'project named': () => (document.querySelector('[data-testid=project-name]')?.value || '').toLowerCase().includes('bakery'),
  'strip painted': () => {
    const thumbs = [...document.querySelectorAll('[data-testid=slide-thumb] .cs-thumb-svg')];
    return thumbs.length >= 13 && thumbs.every(t => svgText(t) !== null && !t.classList.contains('cs-tile-loading'))
      && svgText(thumbs[0]).includes('bakery');
  },
  'dialog open': () => shown('export-pdf'),
};
"""

# From the start of the page load: when the first slide and the strip are first on screen, frame by frame.
WATCH_LOAD_JS = """
window.csLoad = {};
const loaded = () => {
  const preview = document.querySelector('[data-testid=slide-preview]');
  const thumbs = [...document.querySelectorAll('[data-testid=slide-thumb] .cs-thumb-svg')];
  const checks = {'first slide painted': () => !!(preview && preview.shadowRoot && preview.shadowRoot.querySelector('svg')),
                  'strip painted': () => thumbs.length > 3 && thumbs.every(t => t.shadowRoot && t.shadowRoot.querySelector('svg'))};
  for (const [name, check] of Object.entries(checks)) {
    if (!(name in window.csLoad) && check()) window.csLoad[name] = [performance.now(), {...(window.csWs || {})}];
  }
  if (Object.keys(window.csLoad).length < 2) requestAnimationFrame(loaded);
};
requestAnimationFrame(loaded);
"""

# Before a click: record when the click happens and, frame by frame, when each step is first on screen.
WATCH_JS = """
const names = arguments[0];
const marks = window.csMarks = {};
let start = null;
document.addEventListener('click', (e) => {
  start = window.csClickAt = e.timeStamp;
  marks.click = [start, {...window.csWs}];
}, {capture: true, once: true});
const frame = () => {
  if (start !== null) {
    for (const name of names) {
      if (!(name in marks) && window.csSteps[name]()) marks[name] = [performance.now() - start, {...window.csWs}];
    }
  }
  if (names.some(n => !(n in marks))) requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
"""


def wait(driver, condition, timeout=60):
    return WebDriverWait(driver, timeout, poll_frequency=0.02,
                         ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: condition())


def by_testid(driver, name):
    return driver.find_elements(By.CSS_SELECTOR, f"[data-testid={name}]")


class CpuMeter:
    """Samples the CPU seconds (user + system) of two process trees every ``interval`` s, from /proc:
    the studio server with its workers, and Chromium (under chromedriver). Linux only; elsewhere: None."""

    def __init__(self, roots: dict[str, int], interval: float = 0.02) -> None:
        self.roots = roots
        self.interval = interval
        self.samples: list[tuple[float, dict[str, float]]] = []
        self._trees: dict[str, set[int]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.works = Path("/proc/self/stat").exists()
        if self.works:
            self._thread.start()

    def _run(self) -> None:
        tick = os.sysconf("SC_CLK_TCK")
        count = 0
        while not self._stop.wait(self.interval):
            if count % 25 == 0:  # processes come and go (export workers): find the trees again twice a second
                self._trees = {name: descendants(pid) for name, pid in self.roots.items()}
            count += 1
            self.samples.append((time.perf_counter(), {name: sum(process_ticks(p) for p in pids) / tick
                                                       for name, pids in self._trees.items()}))

    def at(self, moment: float) -> dict[str, float] | None:
        """The last sample taken at or before ``moment`` (a ``time.perf_counter`` value)."""
        earlier = [values for t, values in self.samples if t <= moment]
        return earlier[-1] if earlier else None

    def stop(self) -> None:
        self._stop.set()


def descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rpartition(")")[2].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        found.add(todo[-1])
        todo += children.get(todo.pop(), [])
    return found


def process_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0  # it has exited: its time is lost, which only undercounts


def load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


PAGE_LOAD = "Page load"  # not a click: timed from the navigation's start, and not in the creator's total


class Creator:
    """Clicks like a person and keeps count; times each step of the studio's answer (see STEPS_JS)."""

    def __init__(self, driver, meter: CpuMeter) -> None:
        self.driver = driver
        self.meter = meter
        self.clicks = 0
        self.rows: list[dict] = []

    def load_page(self, url: str) -> None:
        """Open ``url``; times the page load from the navigation's start (the page's time origin)."""
        driver = self.driver
        started = time.perf_counter()  # the page's time origin, on this side's clock (it may not lie earlier)
        driver.get(url)
        wait(driver, lambda: len(driver.execute_script("return window.csLoad || {}")) == 2, timeout=120)
        marks = {"click": [0.0, {"received": 0, "sent": 0}], **driver.execute_script("return window.csLoad")}
        self._record(PAGE_LOAD, marks, origin=started)

    def click(self, testid: str, what: str, steps: list[str], done=None, timeout: float = 90) -> None:
        """Click ``testid``; wait for each of ``steps`` (and ``done``, checked here, e.g. a file on disk)."""
        driver = self.driver
        element = wait(driver, lambda: [e for e in by_testid(driver, testid) if e.is_displayed()])[0]
        driver.execute_script(WATCH_JS, steps)
        element.click()
        self.clicks += 1
        give_up = time.monotonic() + timeout
        while True:
            marks = driver.execute_script("return window.csMarks")
            finished = "click" in marks and all(name in marks for name in steps) and (done() if done else True)
            if finished:
                break
            assert time.monotonic() < give_up, f"{what}: still waiting for {set(steps) - set(marks)} after {timeout} s"
            time.sleep(0.02)
        if done:  # a file on disk: its time is when this side saw it
            marks["file saved"] = driver.execute_script("return [performance.now() - window.csClickAt, window.csWs]")
        self._record(what, marks)
        self.result = finished

    def _record(self, what: str, marks: dict, origin: float | None = None) -> None:
        """A row per step: ``marks["click"]`` is [page time, websocket counts] of the start, each other mark
        [ms after it, websocket counts]. ``origin``: the page's time 0 on this side's clock, if known."""
        # the page's clock (performance.now, ms) on this side's clock (perf_counter, s)
        before = time.perf_counter()
        page_now = self.driver.execute_script("return performance.now()")
        offset = origin if origin is not None else (before + time.perf_counter()) / 2 - page_now / 1000
        clicked = marks["click"][1]
        cpu_then = self.meter.at(offset + marks["click"][0] / 1000)
        for name, (at, ws) in marks.items():
            if name == "click":
                continue
            cpu = self.meter.at(offset + (marks["click"][0] + at) / 1000)
            self.rows.append({"click": what, "step": name, "wall_s": round(at / 1000, 3),
                              **{f"{tree}_cpu_s": round(cpu[tree] - cpu_then[tree], 2) if cpu and cpu_then else None
                                 for tree in self.meter.roots},
                              "ws_in_kb": round((ws.get("received", 0) - clicked["received"]) / 1024, 1),
                              "ws_out_kb": round((ws.get("sent", 0) - clicked["sent"]) / 1024, 1)})

    def waited(self) -> dict[str, float]:
        """Per click, the wait until its last step."""
        last: dict[str, float] = {}
        for row in self.rows:
            if row["click"] != PAGE_LOAD:
                last[row["click"]] = max(last.get(row["click"], 0.0), row["wall_s"])
        return last

    def cpu_while_waiting(self) -> float | None:
        """Server plus Chromium CPU seconds from each click to its last step: what an idle 2-core machine
        would have to do while the creator waits (an upper bound of the wait there, the two sides overlapping)."""
        last: dict[str, dict] = {}
        for row in self.rows:
            if row["click"] != PAGE_LOAD and (row["click"] not in last or row["wall_s"] >= last[row["click"]]["wall_s"]):
                last[row["click"]] = row
        if any(r["server_cpu_s"] is None or r["browser_cpu_s"] is None for r in last.values()):
            return None
        return round(sum(r["server_cpu_s"] + r["browser_cpu_s"] for r in last.values()), 2)

    def table(self) -> str:
        lines = [f"{'click':<14} {'step':<20} {'wall s':>7} {'server CPU s':>12} {'Chromium CPU s':>14} "
                 f"{'ws in KB':>9} {'ws out KB':>9}"]
        for r in self.rows:
            cpus = ["?" if r[f"{tree}_cpu_s"] is None else f"{r[f'{tree}_cpu_s']:.2f}" for tree in ("server", "browser")]
            lines.append(f"{r['click']:<14} {r['step']:<20} {r['wall_s']:>7.3f} {cpus[0]:>12} {cpus[1]:>14} "
                         f"{r['ws_in_kb']:>9.1f} {r['ws_out_kb']:>9.1f}")
        return "\n".join(lines)


def paste(driver, testid: str, text: str) -> None:
    """Put ``text`` in a text area as one paste does (one input event, no typing)."""
    area = wait(driver, lambda: driver.find_elements(By.CSS_SELECTOR, f"[data-testid={testid}] textarea, "
                                                                     f"textarea[data-testid={testid}]"))[0]
    driver.execute_script("const a = arguments[0]; a.focus(); a.value = arguments[1];"
                          "a.dispatchEvent(new Event('input', {bubbles: true}));", area, text)


@pytest.fixture(scope="module")
def studio(tmp_path_factory):
    """A studio server on a fresh data folder (its process id: the server's CPU is measured)."""
    with running_studio(tmp_path_factory.mktemp("fresh-data")) as running:
        yield running


def test_a_new_creator_pastes_a_thread_and_downloads_the_pdf(driver, studio, browser_downloads):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                           {"source": COUNT_WEBSOCKET + STEPS_JS + WATCH_LOAD_JS})
    meter = CpuMeter({"server": studio.process.pid, "browser": driver.service.process.pid})
    try:
        creator = Creator(driver, meter)
        load_before = load()
        wait(driver, lambda: meter.samples or not meter.works)  # a CPU sample from before the page load
        creator.load_page(studio.url)
        wait(driver, lambda: len(by_testid(driver, "slide-thumb")) > 3)
        paste(driver, "source-input", THREAD)
        time.sleep(REACH)  # the creator's hand moving to the button (the studio lays the paste out ahead meanwhile)
        creator.click("source-import", "Import thread",
                      ["first slide painted", "post cards shown", "project named", "strip painted"])
        time.sleep(READ)
        creator.click("export-open", "Export", ["dialog open"])
        time.sleep(READ)
        before = set(browser_downloads.glob("*.pdf"))

        def downloaded():
            new = set(browser_downloads.glob("*.pdf")) - before
            return new if new and not list(browser_downloads.glob("*.crdownload")) else None

        creator.click("export-pdf", "Download PDF", [], done=downloaded)
    finally:
        meter.stop()
    pdf = creator.result.pop()
    waited = creator.waited()
    figures = {"clicks": creator.clicks, "pauses": PAUSES, "waited_s": waited,
               "total_wait_s": round(sum(waited.values()), 3), "cpu_while_waiting_s": creator.cpu_while_waiting(),
               "load": [load_before, load()], "steps": creator.rows}
    print(f"\nfirst carousel, load {load_before} → {load()}, creator's pauses {'on' if PAUSES else 'off'}:\n"
          + creator.table() + f"\nclicks {creator.clicks}, total waiting {figures['total_wait_s']:.3f} s, "
          f"CPU while waiting (server + Chromium) {figures['cpu_while_waiting_s']} s")
    if os.environ.get("CS_TIMING_FILE"):
        with open(os.environ["CS_TIMING_FILE"], "a", encoding="utf-8") as f:
            f.write(json.dumps(figures) + "\n")

    assert creator.clicks <= 4
    time.sleep(0.2)
    reader = PdfReader(str(pdf))
    assert reader.metadata.title.startswith("How we took our bakery")
    assert pdf.name.endswith(".pdf") and "how-we-took-our-bakery" in pdf.name
    assert len(reader.pages) >= 13  # cover, a slide per further post, outro
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Count what you throw away" in text and "every week" not in text
