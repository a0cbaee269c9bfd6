"""Load: many browsers loading the studio at once; static-file latency and server memory before, during, after.

    python3 benchmarks/load.py [--clients 10] [--seconds 60]

The studio runs as a subprocess on a free loopback port with a throwaway data
folder. Each client loads the page ("/") again and again, a second apart; a
watcher fetches a static file every 100 ms, as a browser's other requests would.
Reported: page-load and static-request p50/p95/max, bytes per page, and the
server's resident memory before the clients, at the end of the load, 15 s after
they stop and once more after ``--settle`` seconds (75: NiceGUI deletes a page no
browser connected to after 60 s; memory still above "before" then is kept for good).

Memory is read twice before the load: 2 s after the start, and ``--warm`` seconds (40) after one browser
came, typed a title and left. The first visitor loads for good what every later one uses (modules imported
on first use, font tables, the application's caches): memory above the warmed figure after the load is what
the load itself left. Each figure is split by kind of mapping (``memory_kinds``: the main malloc heap, the
other threads' malloc arenas, other anonymous memory, files).
``--warm-edits N``: the warm-up's browser first works as one editor does (``edit_like_an_editor``): in edits mode
on a project with a titled slide for each client (the slides the editors would add), it moves a slide along the
strip and back, then makes N edits, title and body text in turn (each an undo step: N over 100 fills the undo
history to its cap). What ten editors' first wave filled once and later waves did not add to (``--trace`` with
``CS_LOAD_HEAP_MAP=1``, session 19: undo states 1 -> 100 after wave 1 and 100 after waves 2 and 3; the project
9 -> 11 slides; new glyphs' outlines and metrics, ``GlyphCoordinates``/``Program`` +14 and ``studio.text._draws``
+14 in wave 1, no lru cache entries grown from wave 1 to wave 3; the main heap's live blocks new since the warmed
server 0.9 / 0.8 / 0.7 MB after waves 1 / 2 / 3) is then in the warmed figure too. It is not the default: the
figures of earlier sessions were taken with the one-title warm-up, and what one browser fills is not what ten
fill (glibc keeps the pages that ten pages' passing objects spread over): with ``--warm-edits 120`` ten editors in
three waves left +3 / +3 / +4 MB on the warmed server (main heap +3.3 / +3.6 / +4.0; load 2.4-3.6), against
+3 / +3 / +4 (main heap +3.9 / +4.6 / +5.1) with the one-title warm-up (the lead's quiet run, load 1.0-0.2).
``--stalls`` also samples the server's queues every 0.5 s (``load_probe/sitecustomize.py`` ``queue_lengths``):
printed, the most each held during the load, when each last held something and what was left after.

``--mode edits``: the clients are browsers instead, connected over NiceGUI's websocket as the
page's script is: each selects its own slide in the strip and types a new title about once a
second. Reported: how long an edit takes to reach each of the other browsers (p50/p95/max);
deliveries still missing 15 s after the typing stopped (neither received nor overtaken by a newer
title of the same author), and how many of them were only late: they arrived within ``--quiet``
seconds more; what is truly lost: an author's last title that is not in the saved project after
the quiet period, or that some browser never shows; websocket drops and edits sent to a page the
server had already deleted (a real browser reloads then); the static-file latency meanwhile, and memory.
Like the page's script, each browser tells the server every 3 s which messages arrived (NiceGUI's "ack"); the
server keeps for a reconnection only what has not (``--no-acks``: never told, as the benchmark was before session
19, when each page kept every message of the last 22 s, up to NiceGUI's ``message_history_length``, 1000).
``--history-length N`` sets that cap on the server (through the probe). ``--stalls`` reports the kept messages
(``history``) and their JSON text (``history_kb``). Ten editors, two waves, ``--stalls`` (load 4.5-4.9, session 19):
without acks the ten pages kept 2,600-2,900 messages (~12 a second a page, each ~13 KB of JSON: a slide's
thumbnail), 34-36 MB of JSON text, and kept them until the pages were deleted: peak 199 MB, +23 / +15 MB on the
warmed server after waves 1 / 2; with acks 100-330 messages (at most 631), 1-4 MB: peak 165 MB, +13 / +15 MB
(``--stalls`` itself adds to what is left: the lead's run without it, +3 / +3 / +4). Without acks and
``--history-length 200``: 2,000 messages, 27 MB, peak 187 MB, +12 / +26 MB (load 3.0-1.6). Twenty editors with acks,
one wave: median 634 messages (7.7 MB), at most 1,018 (12 MB), peak 211 MB, +21 MB (load 0.5-0.3). What stays after
the pages are gone does not follow the history's size.
``--waves N``: the editors come N times, each wave ``--settle`` seconds after the last one left, and memory is read
after each: does what they leave grow with every wave, or stay at the first one's high-water mark? ``--clients 0``:
the same phases with nobody editing (a static file still fetched every 100 ms): the noise floor of "after - warmed".
What stays follows how busy the machine is: session 20 (load 3-5, ``--quiet 10``) +10 / +11 / +11 MB where a quiet
machine had +3 / +3 / +4; compare runs made under the same load only.

``--trace DIR`` (either mode; slows the server, so its timings are not the studio's): the server runs with
tracemalloc (``load_probe/sitecustomize.py``, on its PYTHONPATH only then) and writes snapshots, live objects
by type, open pages and glibc's heap figures before the load and once it settled; printed: what grew. With
``CS_LOAD_TRACE_FRAMES=0`` it runs without tracemalloc, at its own speed: objects and heap figures only. A
tracemalloc of six frames a trace slowed ten editors' server so far that most edits were lost. A dump leaves things of
its own: it freezes the objects in flight (``gc.freeze``: tasks, futures, selectors, +6 / +7 / +2 a dump, for good)
and, with the heap map, ~6 MB more heap in use a dump that no live object accounts for (objects +7,000); a traced run's
"after" figures (+15 / +27 MB, session 22) are not comparable with untraced ones (+5 / +5).

``--stalls FILE`` (either mode): every time the server's event loop was held up over 50 ms, with the stack it
was running, sampled by a watcher thread in the server (``load_probe/sitecustomize.py``); printed: how often
during the load and the longest ones, with what ran. What a static request waited for.
"""
from __future__ import annotations

import argparse
import ast
import asyncio
import contextlib
import json
import os
import re
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studio.server_process import running_studio  # noqa: E402

STATIC = "/studio-static/studio.css"
SLOW_STATIC_S = 0.15  # --stalls: every static request slower than this is set against the holds it overlapped


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


ARENA_BYTES = 64 * 2**20  # glibc reserves each thread arena's heap as one 64 MB-aligned mapping


def memory_kinds(pid: int) -> dict[str, float]:
    """Resident MB of a process by kind of mapping (Linux /proc/PID/smaps): ``heap`` (the main thread's malloc
    arena), ``arenas`` (other threads' malloc arenas: 64 MB-aligned reservations), ``anon`` (other anonymous
    memory: large blocks malloc maps on their own, thread stacks, Python's own arenas if it uses them),
    ``files`` (code and data mapped from files)."""
    maps: list[list] = []
    try:
        lines = Path(f"/proc/{pid}/smaps").read_text().splitlines()
    except OSError:
        return {}
    for line in lines:
        head = re.match(r"([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \d+\s*(.*)$", line)
        if head:
            maps.append([int(head[1], 16), int(head[2], 16), head[3], head[4].strip(), 0])
        elif line.startswith("Rss:") and maps:
            maps[-1][4] = int(line.split()[1])
    kinds = {"heap": 0.0, "arenas": 0.0, "anon": 0.0, "files": 0.0}
    for n, (start, end, _perms, name, rss_kb) in enumerate(maps):
        if name == "[heap]":
            kind = "heap"
        elif name.startswith("/"):
            kind = "files"
        elif not name and start % ARENA_BYTES == 0 and n + 1 < len(maps) and maps[n + 1][2].startswith("---") \
                and maps[n + 1][1] - start == ARENA_BYTES:
            kind = "arenas"
        else:
            kind = "anon"
        kinds[kind] += rss_kb / 1024
    return kinds


def kinds_text(kinds: dict[str, float]) -> str:
    return ", ".join(f"{kind} {mb:.1f}" for kind, mb in kinds.items()) + " MB" if kinds else "unknown"


def cpu_s(pid: int) -> float:
    """CPU seconds a process has used, all its threads (Linux /proc): the cost of the work, however busy
    the machine was."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def workers_cpu_s(pid: int) -> dict[int, float]:
    """CPU seconds of each process ``pid`` forked (its export and NiceGUI workers), by process id."""
    used = {}
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError, IndexError, ValueError):
            if entry.name.isdigit() and Path(entry, "stat").read_text().rsplit(")", 1)[1].split()[1] == str(pid):
                used[int(entry.name)] = cpu_s(int(entry.name))
    return used


def workers_cpu_since(pid: int, before: dict[int, float]) -> float:
    """CPU seconds the processes ``pid`` forked used since ``before`` (``workers_cpu_s``) was taken."""
    return sum(used - before.get(child, 0.0) for child, used in workers_cpu_s(pid).items())


def fetch(url: str, timeout: float = 60) -> tuple[float, int]:
    """(seconds, bytes) for one GET."""
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=timeout) as response:
        size = len(response.read())
    return time.perf_counter() - start, size


def load_average() -> str:
    """The machine's 1-minute load average (Linux /proc): figures taken on a busy machine say so."""
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def percentiles(values: list[float]) -> str:
    if not values:
        return "no samples"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (f"p50 {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
            f"max {ordered[-1] * 1000:.0f} ms ({len(ordered)} requests)")


PROBE = ROOT / "benchmarks" / "load_probe"  # --trace: a sitecustomize the server loads (tracemalloc, SIGUSR1 dumps)


class Probe:
    """``--trace DIR``: snapshots of the server's memory, taken on SIGUSR1 by ``load_probe/sitecustomize.py``."""

    def __init__(self, folder: str | None) -> None:
        self.folder = Path(folder) if folder else None
        self.taken: list[tuple[str, Path]] = []
        if self.folder:
            self.folder.mkdir(parents=True, exist_ok=True)
            os.environ["CS_LOAD_TRACE_DIR"] = str(self.folder)
            os.environ["PYTHONPATH"] = os.pathsep.join(x for x in (str(PROBE), os.environ.get("PYTHONPATH")) if x)

    def take(self, pid: int, label: str) -> None:
        if not self.folder:
            return
        stem = self.folder / f"{pid}-{len(self.taken) + 1}"
        os.kill(pid, signal.SIGUSR1)
        deadline = time.monotonic() + 600  # a snapshot of a busy server takes a while
        while not stem.with_suffix(".done").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        self.taken.append((label, stem))

    def report(self, first: str, last: str, top: int = 30) -> None:
        """What grew between two snapshots: by line (newest frame), and live objects by type."""
        if not self.folder:
            return
        import tracemalloc
        stems = dict(self.taken)
        for label, stem in self.taken:
            facts = json.loads(stem.with_suffix(".json").read_text())
            heap = facts["heap"]
            print(f"probe {label}: clients {facts['clients']}, objects {facts['objects']}, traced "
                  f"{facts['traced'][0] / 2**20:.1f} MB (peak {facts['traced'][1] / 2**20:.1f}), heap in use "
                  f"{heap.get('uordblks', 0) / 2**20:.1f} MB, free {heap.get('fordblks', 0) / 2**20:.1f} MB, "
                  f"mmapped {heap.get('hblkhd', 0) / 2**20:.1f} MB, arena {heap.get('arena', 0) / 2**20:.1f} MB"
                  + (f", undo states {facts['histories']}" if facts.get("histories") else ""))
        self._heap_maps(stems[last])
        if stems[last].with_suffix(".snapshot").exists():  # not with CS_LOAD_TRACE_FRAMES=0
            a = tracemalloc.Snapshot.load(str(stems[first].with_suffix(".snapshot")))
            b = tracemalloc.Snapshot.load(str(stems[last].with_suffix(".snapshot")))
            ignore = [tracemalloc.Filter(False, tracemalloc.__file__)]
            a, b = a.filter_traces(ignore), b.filter_traces(ignore)
            print(f"grown {first} -> {last}, by line:")
            for stat in b.compare_to(a, "lineno")[:top]:
                print(f"  {stat.size_diff / 1024:+9.0f} KB {stat.count_diff:+7d}  {stat.traceback[0]}")
            print(f"grown {first} -> {last}, by file:")
            for stat in b.compare_to(a, "filename")[:top]:
                print(f"  {stat.size_diff / 1024:+9.0f} KB {stat.count_diff:+7d}  {stat.traceback[0].filename}")
        ta = dict(json.loads(stems[first].with_suffix(".json").read_text())["types"])
        tb = dict(json.loads(stems[last].with_suffix(".json").read_text())["types"])
        grown = sorted(((tb.get(k, 0) - ta.get(k, 0), k) for k in set(ta) | set(tb)), reverse=True)
        print("objects by type, grown: " + ", ".join(f"{k} {d:+d}" for d, k in grown[:25] if d))
        ca = json.loads(stems[first].with_suffix(".json").read_text()).get("caches", {})
        cb = json.loads(stems[last].with_suffix(".json").read_text()).get("caches", {})
        grown = sorted(((cb[k] - ca.get(k, 0), k) for k in cb), reverse=True)
        print("lru caches, entries grown: " + ", ".join(f"{k} {d:+d}" for d, k in grown[:25] if d))


    def report_types(self, first: str, last: str, top: int = 25) -> None:
        """Live objects by type and lru cache entries grown between two snapshots (``--waves``: the first wave's
        and the last one's: what every wave adds, if anything)."""
        if not self.folder:
            return
        stems = dict(self.taken)
        a, b = (json.loads(stems[label].with_suffix(".json").read_text()) for label in (first, last))
        ta, tb = dict(a["types"]), dict(b["types"])
        grown = sorted(((tb.get(k, 0) - ta.get(k, 0), k) for k in set(ta) | set(tb)), reverse=True)
        print(f"objects {first} -> {last}: {a['objects']} -> {b['objects']}; by type, grown: "
              + ", ".join(f"{k} {d:+d}" for d, k in grown[:top] if d)
              + "; shrunk: " + ", ".join(f"{k} {d:+d}" for d, k in grown[::-1][:8] if d < 0))
        ca, cb = a.get("caches", {}), b.get("caches", {})
        grown = sorted(((cb[k] - ca.get(k, 0), k) for k in cb), reverse=True)
        print(f"lru caches {first} -> {last}, entries grown: " + ", ".join(f"{k} {d:+d}" for d, k in grown[:top] if d))

    def _heap_maps(self, last: Path, top: int = 25) -> None:
        """The heaps page by page (``CS_LOAD_HEAP_MAP=1``), the main one and the other threads' arenas: resident
        pages, those kept by live blocks, those kept only by blocks new since the first map, and what sits on the
        sparse ones (under a quarter used)."""
        for label, stem in self.taken:
            path = Path(f"{stem}.heapmap.json")
            for kind, m in (json.loads(path.read_text()) if path.exists() else {}).items():
                if not isinstance(m, dict):  # {"failed": why}
                    print(f"heap map {label}: {kind}: {m}")
                    continue
                print(f"heap map {label}, {kind}: {m['heap_mb']:.1f} MB, resident {m['resident_pages'] * 4 / 1024:.1f} "
                      f"MB, kept by live blocks {m['kept_pages'] * 4 / 1024:.1f} MB ({m['sparse_pages'] * 4 / 1024:.1f} "
                      f"MB of it under a quarter used), only by new ones {m['pages_only_new'] * 4 / 1024:.1f} MB; in "
                      f"use {m['in_use_mb']:.1f} MB, new {m['new_in_use_mb']:.1f} MB"
                      + (f"; kept now, not at the first map: {m['newly_kept_pages'] * 4 / 1024:.1f} MB "
                         f"({m['newly_kept_sparse_pages'] * 4 / 1024:.1f} MB under a quarter used)"
                         if label != self.taken[0][0] else ""))
        path = Path(f"{last}.heapmap.json")
        maps = json.loads(path.read_text()) if path.exists() else {}
        for kind, m in ((k, v) for k, v in maps.items() if isinstance(v, dict)):
            for title, key in (("on sparse pages", "on_sparse_pages"), ("on pages only new blocks keep", "on_pages_only_new"),
                               ("on sparse pages kept now, not at the first map", "on_newly_kept_sparse_pages")):
                ranked = sorted(m[key].items(), key=lambda item: -item[1])[:top]
                print(f"  {kind}, {title}: " + ", ".join(f"{k} {n}" for k, n in ranked))


class Stalls:
    """``--stalls FILE``: the server's event loop held up longer than 50 ms, with what it was running
    (``load_probe/sitecustomize.py`` samples the loop thread's stack meanwhile)."""

    def __init__(self, path: str | None) -> None:
        self.path = Path(path) if path else None
        if self.path:
            self.path.unlink(missing_ok=True)
            os.environ["CS_LOAD_STALL_LOG"] = str(self.path)
            os.environ["PYTHONPATH"] = os.pathsep.join(
                dict.fromkeys(x for x in (str(PROBE), os.environ.get("PYTHONPATH")) if x))
        self.start = self.end = 0.0

    def report(self, top: int = 8, slow: list[tuple[float, float]] | None = None) -> None:
        """The holds during the load, the longest ones, every one over 100 ms by cause, and what each static request
        of ``slow`` ((start, seconds) by the wall clock) overlapped."""
        if not self.path:
            return
        stalls = []
        with contextlib.suppress(OSError):
            stalls = [json.loads(line) for line in self.path.read_text().splitlines() if line.strip()]
        self._queues([s for s in stalls if "queues" in s])
        stalls = [s for s in stalls if "queues" not in s]
        emits = [s for s in stalls if "emit" in s and self.start <= s["at"] <= self.end + 1]
        stalls = [s for s in stalls if "emit" not in s]
        if emits:  # one event (an edit) handed to every page in one go, on the loop
            longest = max(emits, key=lambda s: s["ms"])
            print(f"events handed to the pages in over 20 ms: {len(emits)}, median "
                  f"{statistics.median(s['ms'] for s in emits):.0f} ms, longest {longest['ms']:.0f} ms "
                  f"({longest['emit']} to {longest['listeners']} pages, each {longest['each_ms']})")
        during = [s for s in stalls if self.start <= s["at"] <= self.end + 1]
        print(f"event loop held up over 50 ms: {len(during)} times during the load "
              f"({sum(s['ms'] for s in during) / 1000:.1f} s), {len(stalls) - len(during)} times before or after")
        for stall in sorted(stalls, key=lambda s: -s["ms"])[:top]:
            print(f"  {stall['ms']} ms at {stall['at'] - self.start:+.1f} s from the load's start: {cause(stall)}")
            for count, stack in stall["stacks"][:1]:
                print(f"    ({count} samples) " + _ours(stack))
            for count, stack in stall.get("others", [])[:1]:  # another thread, which may have held the GIL
                print(f"    meanwhile in another thread ({count} samples): " + " > ".join(stack))
        long = [s for s in during if s["ms"] > 100]
        by_cause: dict[str, list[int]] = {}
        for stall in long:
            named = re.sub(r" \(\d+ ms[^)]*\)| ran \d+ ms", "", cause(stall, short=True))
            by_cause.setdefault(re.sub(r":\d+ ", " ", named), []).append(stall["ms"])
        print(f"holds over 100 ms during the load: {len(long)}, longest {max((s['ms'] for s in long), default=0)} ms; "
              "by cause: " + "; ".join(f"{name}: {len(ms)} (longest {max(ms)} ms)" for name, ms in
                                      sorted(by_cause.items(), key=lambda item: -len(item[1]))))
        for start, seconds in slow or []:
            overlapping = [s for s in stalls if s["at"] < start + seconds and s["at"] + s["ms"] / 1000 > start]
            print(f"  static request of {seconds * 1000:.0f} ms at {start - self.start:+.1f} s: " +
                  ("; ".join(f"{s['ms']} ms hold: {cause(s)}" for s in overlapping) or "no hold of the loop over 50 ms"))


    def _queues(self, samples: list[dict]) -> None:
        """What waited in the server's queues (``load_probe/sitecustomize.py`` ``queue_lengths``, every 0.5 s): the
        most during the load, at its end, and the last sample (after it): whether anything piled up while the
        server fell behind, and whether it drained."""
        samples = [s for s in samples if "failed" not in s["queues"]]
        during = [s["queues"] for s in samples if self.start <= s["at"] <= self.end]
        if not during:
            return
        keys = list(during[-1])
        print("queues during the load, most: " + ", ".join(f"{k} {max(q.get(k, 0) for q in during)}" for k in keys))
        for key in ("relay", "outbox_messages", "socket_packets", "thread_work"):
            busy = [s["at"] - self.start for s in samples if s["queues"].get(key)]
            if busy:
                print(f"  {key}: non-empty in {len(busy)} samples, the last at {busy[-1]:+.0f} s from the load's start")
        print("queues at the load's end: " + ", ".join(f"{k} {during[-1].get(k, 0)}" for k in keys))
        print("queues at the last sample: " + ", ".join(f"{k} {samples[-1]['queues'].get(k, 0)}" for k in keys)
              + f" ({samples[-1]['at'] - self.end:+.0f} s from the load's end)")


def _ours(stack: list[str], n: int = 4) -> str:
    """The last frames of a stack that are the studio's own, and the innermost one."""
    ours = [frame for frame in stack if frame.startswith(("components/", "studio/"))] or stack
    return " > ".join(ours[-n:] + stack[-1:] if stack and stack[-1] not in ours[-n:] else ours[-n:])


def cause(stall: dict, short: bool = False) -> str:
    """What held the loop: the loop itself busy (it used most of the wall time as CPU: which callback), or waiting
    for the interpreter lock (which thread used the CPU meanwhile, running what)."""
    loop_cpu = stall.get("loop_cpu_ms")
    stack = stall["stacks"][0][1] if stall["stacks"] else []
    if loop_cpu is None:
        return _ours(stack, 2)
    if loop_cpu >= 0.5 * stall["ms"] or not stall.get("threads_cpu_ms") and loop_cpu >= 0.25 * stall["ms"]:
        return f"loop busy ({loop_cpu} ms CPU): " + _ours(stack, 1 if short else 3)
    name, ms = (stall.get("threads_cpu_ms") or [["no other thread", 0]])[0]
    if loop_cpu + sum(t for _, t in stall.get("threads_cpu_ms", [])) < 0.4 * stall["ms"]:  # nobody here ran: the machine
        return f"nothing of the server ran ({loop_cpu} ms loop CPU, {ms} ms in {name}): the machine was busy"
    theirs = (stall.get("thread_stacks", {}).get(name) or [[0, []]])[0][1]
    thread = re.sub(r"_\d+$", "", name)
    return (f"loop waiting ({loop_cpu} ms CPU), {thread} ran {ms} ms: " +
            (_ours(theirs, 1) if short else " > ".join(theirs)))


@contextlib.contextmanager
def settled_studio():
    """A studio on a throwaway data folder, two seconds after it answered: (process, url, MB, load average,
    data folder)."""
    data = Path(tempfile.mkdtemp(prefix="cs-load-"))
    try:
        with running_studio(data) as studio:
            time.sleep(2)
            yield studio.process, studio.url, rss_mb(studio.process.pid), load_average(), data
    finally:
        shutil.rmtree(data, ignore_errors=True)


WARM_S = 40.0  # after the warm-up: its page deleted (10 s), the start-up check's unopened one (30 s), tidied up


async def visit(base: str, edits: int = 0, editors: int = 0) -> None:
    """One browser opens the page, selects a slide, types a title and leaves; with ``edits``, it first works as an
    editor does (``edit_like_an_editor``) on a project with a titled slide for each of ``editors``."""
    if editors:
        await _enough_slides(base, editors)
    browser = Editor(base)
    await browser.connect()
    await _select_own_slides([browser])
    if edits:
        await edit_like_an_editor(browser, edits)
    await browser.send(listener(browser.elements, "slide-title", "update:value"), "Title warm")
    await asyncio.sleep(2)
    await browser.disconnect()


async def edit_like_an_editor(browser: Editor, edits: int, pause: float = 0.2) -> None:
    """What one editing session does on its selected slide: moves a slide along the strip and back (the strip's
    drag), then ``edits`` edits, the title and the body text in turn (each turn one undo step: so past the history's
    cap of 100 states, as a session of that many edits fills it)."""
    strip = next((int(key), e["listener_id"]) for key, e in browser.elements.items()
                 for e in e.get("events") or [] if e.get("type") == "reorder")
    for old, new in ((1, 2), (2, 1)):
        await browser.send(strip, {"old_index": old, "new_index": new})
        await asyncio.sleep(pause)
    boxes = [listener(browser.elements, box, "update:value") for box in ("slide-title", "slide-body")]
    for n in range(edits):
        words = f"Title warm{n}" if n % 2 == 0 else f"Some body text, edit {n}, in two\nlines"
        await browser.send(boxes[n % 2], words)
        await asyncio.sleep(pause)


def warm_up(pid: int, base: str, wait: float, edits: int = 0, editors: int = 0) -> tuple[float, dict[str, float]]:
    """The server's memory ``wait`` seconds after one browser came and left (``visit``): what the first
    visitor loads for good (modules, fonts, caches of the application) is in it, so memory above this
    after the load is what the load left behind. (MB, by kind)"""
    if wait <= 0:
        return rss_mb(pid), memory_kinds(pid)
    asyncio.run(visit(base, edits, editors))
    time.sleep(wait)
    return rss_mb(pid), memory_kinds(pid)


def memory_report(before: float, started: dict, warmed: tuple[float, dict], settle: float, settled: float,
                  pid: int) -> None:
    print(f"server memory at the start: {before:.0f} MB ({kinds_text(started)}); after one browser came and left: "
          f"{warmed[0]:.0f} MB ({kinds_text(warmed[1])})")
    kinds = memory_kinds(pid)
    print(f"server memory {settle:.0f} s after the load: {settled:.0f} MB ({kinds_text(kinds)}): "
          f"{settled - before:+.0f} MB on the start, {settled - warmed[0]:+.0f} MB on the warmed server; "
          "by kind on the warmed: " + ", ".join(f"{k} {kinds.get(k, 0) - v:+.1f}" for k, v in warmed[1].items()))


def run(clients: int, seconds: float, settle: float = 75, trace: str | None = None, warm: float = WARM_S,
        stalls: str | None = None, warm_edits: int = 0) -> None:
    probe, held_up = Probe(trace), Stalls(stalls)
    with settled_studio() as (proc, base, before, load_before, _data):
        started = memory_kinds(proc.pid)
        warmed = warm_up(proc.pid, base, warm, warm_edits)
        probe.take(proc.pid, "before")
        stop = threading.Event()
        pages: list[float] = []
        sizes: list[int] = []
        statics: list[float] = []
        failures = [0]

        def browser() -> None:
            while not stop.is_set():
                try:
                    seconds_taken, size = fetch(base + "/")
                    pages.append(seconds_taken)
                    sizes.append(size)
                except OSError:
                    failures[0] += 1
                stop.wait(1.0)

        def watcher() -> None:
            while not stop.is_set():
                start = time.perf_counter()
                try:
                    fetch(base + STATIC)
                except OSError:  # a request that timed out still waited: it counts
                    failures[0] += 1
                statics.append(time.perf_counter() - start)
                stop.wait(0.1)

        threads = [threading.Thread(target=browser) for _ in range(clients)] + [threading.Thread(target=watcher)]
        cpu_before, workers_before = cpu_s(proc.pid), workers_cpu_s(proc.pid)
        held_up.start = time.time()
        for t in threads:
            t.start()
        time.sleep(seconds)
        during = rss_mb(proc.pid)
        load_during = load_average()
        stop.set()
        for t in threads:
            t.join()
        held_up.end = time.time()
        cpu = cpu_s(proc.pid) - cpu_before
        workers_cpu = workers_cpu_since(proc.pid, workers_before)
        time.sleep(15)
        after = rss_mb(proc.pid)
        time.sleep(max(0.0, settle - 15))  # NiceGUI drops a page no browser connected to after 60 s
        settled = rss_mb(proc.pid)
        probe.take(proc.pid, "after")
        print(f"{clients} clients for {seconds:.0f} s on loopback, {os.cpu_count()} cores, "
              f"load average {load_before} before, {load_during} at the end")
        print(f"page load: {percentiles(pages)}, {statistics.mean(sizes) / 1024:.0f} KB a page" if sizes else
              "page load: no samples")
        print(f"static file every 100 ms: {percentiles(statics)}")
        print(f"failed requests: {failures[0]}")
        print(f"server CPU: {cpu:.1f} s, {cpu / max(1, len(pages)) * 1000:.0f} ms a page load; "
              f"its worker processes {workers_cpu:.1f} s")
        print(f"server memory: before {before:.0f} MB, during {during:.0f} MB, 15 s after {after:.0f} MB, "
              f"{settle:.0f} s after {settled:.0f} MB")
        memory_report(before, started, warmed, settle, settled, proc.pid)
        held_up.report()
        probe.report("before", "after")


# -- browsers that edit (--mode edits) ---------------------------------------------------------------

TOKEN = re.compile(r"zq\d+x\d+")  # what an editor types: unique, one word, so it survives line breaking


def page_elements(base: str) -> tuple[dict, dict]:
    """The socket query and the elements of a freshly built page, as the page's own script reads them."""
    html = fetch_text(base + "/")
    query = ast.literal_eval(re.search(r"query: (\{.*?\}),\n", html).group(1))
    raw = re.search(r"parseElements\(String\.raw`(.*?)`\)", html, re.S).group(1)
    for escaped, char in (("&#36;", "$"), ("&#96;", "`"), ("&gt;", ">"), ("&lt;", "<"), ("&amp;", "&")):
        raw = raw.replace(escaped, char)
    return query, json.loads(raw)


def fetch_text(url: str) -> str:
    with urllib.request.urlopen(url, timeout=240) as response:
        return response.read().decode("utf-8")


def listener(elements: dict, testid: str, kind: str, nth: int = 0) -> tuple[int, str]:
    """(element id, listener id) of the ``nth`` element with ``data-testid=testid`` listening for ``kind``."""
    found = sorted((int(key), e) for key, e in elements.items() if e.get("props", {}).get("data-testid") == testid)
    element_id, element = found[nth % len(found)]
    return element_id, next(e["listener_id"] for e in element.get("events") or [] if e.get("type") == kind)


ACK_EVERY_S = 3.0  # NiceGUI's page script tells the server every 3 s which messages arrived


class Editor:
    """One browser: the page, its websocket, when each typed word first arrived, and its connection's fate."""

    acks = True  # ``--no-acks``: never say what arrived (the benchmark before session 19: every page's history full)

    def __init__(self, base: str) -> None:
        self.base = base
        self.seen: dict[str, float] = {}
        self.drops = 0  # the websocket closed (the client reconnects, as the page's script does)
        self.refused = 0  # a reconnection refused: the server had deleted the page (a browser would reload)

    async def connect(self) -> None:
        import socketio  # NiceGUI's own dependency: the protocol its page script speaks
        self.query, self.elements = await asyncio.to_thread(page_elements, self.base)
        self.next_message_id = int(self.query["next_message_id"])
        self.document_id, self.tab_id = str(uuid.uuid4()), str(uuid.uuid4())
        self.socket = socketio.AsyncClient()  # reconnects, as the page's script does
        self.socket.on("*", self._received)
        self.socket.on("disconnect", self._dropped)
        self.socket.on("connect_error", self._refused)
        await self.socket.connect(self._url, socketio_path="/_nicegui_ws/socket.io", transports=["websocket"])
        if self.acks:
            self._acking = asyncio.ensure_future(self._ack())

    async def _ack(self) -> None:
        """As the page's script does: every ``ACK_EVERY_S`` the next message it expects, if that moved on; the
        server then drops what arrived from the messages it keeps to send again after a reconnection."""
        acked = self.next_message_id
        while True:
            await asyncio.sleep(ACK_EVERY_S)
            if self.next_message_id > acked and self.socket.connected:
                with contextlib.suppress(Exception):  # the socket went down meanwhile: the next turn
                    await self.socket.emit("ack", {"client_id": self.query["client_id"],
                                                   "next_message_id": self.next_message_id})
                    acked = self.next_message_id

    async def disconnect(self) -> None:
        """Leave: stop saying what arrived, close the websocket."""
        if getattr(self, "_acking", None) is not None:
            self._acking.cancel()
        await self.socket.disconnect()

    def _url(self) -> str:
        """The socket's address, asked again at each reconnection: as the page's script does, it names the next
        message it expects, so the server sends again what was missed while the socket was down."""
        query = {**self.query, "document_id": self.document_id, "tab_id": self.tab_id,
                 "next_message_id": self.next_message_id}
        query = {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in query.items()}
        return f"{self.base}?{urlencode(query)}"

    async def _received(self, event: str, data) -> None:
        now = time.perf_counter()
        message_id = data.get("_id") if isinstance(data, dict) else None
        if isinstance(message_id, int):
            if message_id < self.next_message_id:  # sent again after a reconnection: had it already
                return
            self.next_message_id = message_id + 1
        if event == "update" and isinstance(data, dict):  # the page's elements as they are now, as its script keeps them
            for key, element in data.items():
                if key.isdigit():
                    if element is None:
                        self.elements.pop(key, None)
                    else:
                        self.elements[key] = element
        for token in TOKEN.findall(json.dumps(data)):
            self.seen.setdefault(token, now)

    def shows(self, thumb: int) -> bool | None:
        """Once the slide of ``thumb`` is marked selected on this page: is its title box shown (None: not yet)?
        A browser types only into a box it shows; the server ignores an event of a hidden element."""
        item = next((e for e in self.elements.values() if thumb in (e.get("children") or [])), {})
        if "cs-selected" not in (item.get("class") or []):
            return None
        title = self.elements[str(listener(self.elements, "slide-title", "update:value")[0])]
        return "hidden" not in (title.get("class") or [])

    async def _dropped(self, *_) -> None:
        self.drops += 1

    async def _refused(self, *_) -> None:
        self.refused += 1

    async def send(self, target: tuple[int, str], value=None) -> None:
        element_id, listener_id = target
        await self.socket.emit("event", {"client_id": self.query["client_id"], "id": element_id,
                                         "listener_id": listener_id, "next_message_id": self.next_message_id,
                                         "args": [] if value is None else [json.dumps(value)]})


@dataclass
class EditsOutcome:
    delays: list[float]  # typed -> first seen by another browser, for every delivery
    edits: int  # sent
    not_sent: int  # the websocket was down
    missing_soon: int  # deliveries neither received nor overtaken 15 s after the typing stopped
    missing_late: int  # the same after the quiet period: truly never delivered
    last_titles_unshown: int  # (author, other browser) pairs where the author's last title never arrived
    last_titles_unsaved: int  # authors whose last title is not in the saved project after the quiet period
    drops: int
    refused: int


def _missing(sent: dict[str, tuple[int, float]], browsers: list[Editor]) -> int:
    """Deliveries some browser has neither received nor seen overtaken by a newer title of the same author."""
    newest: dict[int, int] = {}
    for token, (author, _) in sent.items():
        newest[author] = max(newest.get(author, -1), _number(token))
    missing = 0
    for token, (author, _) in sent.items():
        for n, browser in enumerate(browsers):
            if n != author and token not in browser.seen and not any(
                    f"zq{author}x{k}" in browser.seen for k in range(_number(token) + 1, newest[author] + 1)):
                missing += 1
    return missing


def _number(token: str) -> int:
    return int(token.split("x")[1])


def _saved_tokens(data: Path) -> set[str]:
    """The typed words in the data folder's saved projects."""
    found: set[str] = set()
    for path in data.rglob("*.json"):
        with contextlib.suppress(OSError, UnicodeDecodeError):
            found.update(TOKEN.findall(path.read_text(encoding="utf-8")))
    return found


def _titled_slides(elements: dict) -> list[tuple[int, str]]:
    """(element id, click listener id) of each thumbnail, in the strip's order, but the outro's: it has no title box
    (the strip marks its place ``cs-strip-outro``; ``_select_own_slides`` checks each chosen box is shown)."""
    outro = {child for e in elements.values() if "cs-strip-outro" in (e.get("class") or [])
             for child in e.get("children") or []}
    thumbs = sorted((int(key), e) for key, e in elements.items()
                    if e.get("props", {}).get("data-testid") == "slide-thumb" and int(key) not in outro)
    return [(key, next(x["listener_id"] for x in e["events"] if x["type"] == "click")) for key, e in thumbs]


async def _enough_slides(base: str, editors: int) -> None:
    """Add slides until each editor has a titled slide of its own: two authors retyping one title would
    overwrite each other by design, and the outro has no title box; either would count as lost words."""
    setup = Editor(base)
    await setup.connect()
    for _ in range(editors - len(_titled_slides(setup.elements))):
        await setup.send(listener(setup.elements, "add-slide-end", "click"))
    await asyncio.sleep(1)
    await setup.disconnect()


class HiddenTitleBox(RuntimeError):
    """An editor's chosen slide shows no title box: its typing would be ignored by the server, and counted lost."""


async def _select_own_slides(browsers: list[Editor], give_up: float = 60) -> None:
    """Each browser selects a titled slide of its own (the ``n``th) and waits until its page marks it selected;
    raises ``HiddenTitleBox`` if its title box is hidden then (a real browser could not type into it: session 17
    renamed the thumbnails, the outro filter missed it, and one editor's 60 edits a wave counted as lost)."""
    chosen = [_titled_slides(browser.elements)[n] for n, browser in enumerate(browsers)]
    for browser, thumb in zip(browsers, chosen):
        await browser.send(thumb)
    end = time.monotonic() + give_up
    while any(b.shows(t[0]) is None for b, t in zip(browsers, chosen)) and time.monotonic() < end:
        await asyncio.sleep(0.1)
    for n, (browser, (thumb, _)) in enumerate(zip(browsers, chosen)):
        if not browser.shows(thumb):
            label = browser.elements.get(str(thumb), {}).get("props", {}).get("aria-label")
            raise HiddenTitleBox(f"editor {n}: {label!r} " + ("shows no title box" if browser.shows(thumb) is False
                                                             else f"not selected after {give_up:.0f} s"))


async def edit_together(base: str, data: Path, editors: int, seconds: float, quiet: float) -> EditsOutcome:
    """``editors`` browsers, each typing its own slide's title once a second."""
    import socketio
    await _enough_slides(base, editors)
    browsers = [Editor(base) for _ in range(editors)]
    for browser in browsers:
        await browser.connect()
    await _select_own_slides(browsers)
    await asyncio.sleep(1)
    sent: dict[str, tuple[int, float]] = {}
    last: dict[int, str] = {}  # each author's last title the server was sent
    dropped = [0]  # edits a browser could not send: its websocket was down

    async def type_titles(n: int, browser: Editor) -> None:
        title = listener(browser.elements, "slide-title", "update:value")
        end, k = time.perf_counter() + seconds, 0
        while time.perf_counter() < end:
            token = f"zq{n}x{k}"
            try:
                await browser.send(title, f"Title {token}")
                sent[token] = (n, time.perf_counter())
                last[n] = token
            except socketio.exceptions.SocketIOError:  # its websocket dropped; a browser reconnects and goes on
                dropped[0] += 1
            k += 1
            await asyncio.sleep(1.0)

    await asyncio.gather(*(type_titles(n, b) for n, b in enumerate(browsers)))
    await asyncio.sleep(15)  # what has not arrived by now is missing ...
    missing_soon = _missing(sent, browsers)
    await asyncio.sleep(quiet)  # ... and what has not arrived after the quiet period either is lost
    missing_late = _missing(sent, browsers)
    unshown = sum(1 for author, token in last.items() for n, browser in enumerate(browsers)
                  if n != author and token not in browser.seen)
    saved = await asyncio.to_thread(_saved_tokens, data)
    delays = [browser.seen[token] - typed for token, (author, typed) in sent.items()
              for n, browser in enumerate(browsers) if n != author and token in browser.seen]
    outcome = EditsOutcome(delays, len(sent), dropped[0], missing_soon, missing_late, unshown,
                           sum(1 for token in last.values() if token not in saved),
                           sum(b.drops for b in browsers), sum(b.refused for b in browsers))
    for browser in browsers:
        await browser.disconnect()
    return outcome


def run_edits(editors: int, seconds: float, settle: float = 75, quiet: float = 45, trace: str | None = None,
              warm: float = WARM_S, stalls: str | None = None, waves: int = 1, warm_edits: int = 0) -> None:
    probe, held_up = Probe(trace), Stalls(stalls)
    with settled_studio() as (proc, base, before, load_before, data):
        started = memory_kinds(proc.pid)
        warmed = warm_up(proc.pid, base, warm, warm_edits, editors if warm_edits else 0)
        probe.take(proc.pid, "before")
        statics: list[float] = []
        slow: list[tuple[float, float]] = []  # static requests over SLOW_STATIC_S: (start by the wall clock, s)
        during: list[float] = []
        outcomes: list[EditsOutcome] = []
        after_waves: list[tuple[float, dict[str, float]]] = []  # memory ``settle`` s after each wave: (MB, by kind)
        cpu_before, workers_before = cpu_s(proc.pid), workers_cpu_s(proc.pid)
        held_up.start = time.time()
        for wave in range(waves):
            outcomes.append(_wave(proc.pid, base, data, editors, seconds, quiet, statics, slow, during))
            if wave == 0:
                cpu = cpu_s(proc.pid) - cpu_before
                workers_cpu = workers_cpu_since(proc.pid, workers_before)
                load_during = load_average()
                held_up.end = time.time()
            time.sleep(settle)  # the browsers have left: NiceGUI drops their pages after the reconnect timeout
            after_waves.append((rss_mb(proc.pid), memory_kinds(proc.pid)))
            if wave < waves - 1:  # what each wave left, live: glibc's bytes in use and objects by type
                probe.take(proc.pid, f"wave {wave + 1}")
        settled = after_waves[-1][0]
        probe.take(proc.pid, "after")
        o = outcomes[0]
        print(f"{editors} browsers editing for {seconds:.0f} s on loopback, {os.cpu_count()} cores, "
              f"load average {load_before} before, {load_during} at the end"
              + (f"; {waves} waves, {settle:.0f} s apart" if waves > 1 else ""))
        print(f"edit reaching another browser: {percentiles(o.delays)}")
        print(f"edits sent: {o.edits}, deliveries expected {o.edits * (editors - 1)}; "
              f"missing 15 s after the typing: {o.missing_soon}, of which late (arrived within {quiet:.0f} s more) "
              f"{o.missing_soon - o.missing_late}, never arrived {o.missing_late}")
        print(f"truly lost: last titles not in the saved project {o.last_titles_unsaved} of {editors}, "
              f"last titles another browser never showed {o.last_titles_unshown} of {editors * (editors - 1)}")
        print(f"websockets: dropped {o.drops} times, reconnections refused (page deleted) {o.refused}; "
              f"edits not sent (websocket down) {o.not_sent}")
        for n, later in enumerate(outcomes[1:], 2):
            print(f"wave {n}: edit reaching another browser: {percentiles(later.delays)}; never arrived "
                  f"{later.missing_late}, last titles unsaved {later.last_titles_unsaved}, unshown "
                  f"{later.last_titles_unshown}")
        print(f"static file every 100 ms: {percentiles(statics)}")
        print(f"server CPU from the first page to the end of the quiet period: {cpu:.1f} s, "
              f"{cpu / max(1, o.edits) * 1000:.0f} ms an edit; its worker processes {workers_cpu:.1f} s, "
              f"{workers_cpu / max(1, o.edits) * 1000:.0f} ms an edit")
        print(f"server memory: before {before:.0f} MB, during max {max(during, default=before):.0f} MB, "
              f"{settle:.0f} s after they left {settled:.0f} MB")
        for n, (mb, kinds) in enumerate(after_waves[:-1], 1):
            print(f"server memory {settle:.0f} s after wave {n}: {mb:.0f} MB, {mb - warmed[0]:+.0f} MB on the warmed "
                  "server; by kind on the warmed: " + ", ".join(f"{k} {kinds.get(k, 0) - v:+.1f}"
                                                                for k, v in warmed[1].items()))
        memory_report(before, started, warmed, settle, settled, proc.pid)
        held_up.report(slow=slow)
        probe.report("before", "after")
        if waves > 1:
            probe.report_types("wave 1", "after")


def _wave(pid: int, base: str, data: Path, editors: int, seconds: float, quiet: float, statics: list[float],
          slow: list[tuple[float, float]], during: list[float]) -> EditsOutcome:
    """One wave of ``editors`` browsers typing for ``seconds`` (none: the same time, idle), with a static file
    fetched every 100 ms meanwhile."""
    stop = threading.Event()

    def watcher() -> None:
        while not stop.is_set():
            start, wall = time.perf_counter(), time.time()
            with contextlib.suppress(OSError):
                fetch(base + STATIC)
            statics.append(time.perf_counter() - start)
            if statics[-1] > SLOW_STATIC_S:
                slow.append((wall, statics[-1]))
            during.append(rss_mb(pid))
            stop.wait(0.1)

    watch = threading.Thread(target=watcher)
    watch.start()
    try:
        if editors <= 0:  # the noise floor: the same phases with nobody editing
            time.sleep(3 + seconds + 15 + quiet)
            return EditsOutcome([], 0, 0, 0, 0, 0, 0, 0, 0)
        return asyncio.run(edit_together(base, data, editors, seconds, quiet))
    finally:
        stop.set()
        watch.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--settle", type=float, default=75, help="seconds after the load to read memory again")
    parser.add_argument("--quiet", type=float, default=45,
                        help="edits mode: seconds after the typing (and 15 s more) before an edit counts as lost")
    parser.add_argument("--mode", choices=["pages", "edits"], default="pages",
                        help="pages: clients load the page again and again; edits: browsers edit together")
    parser.add_argument("--trace", metavar="DIR", help="trace the server's memory (tracemalloc, slower) and write "
                        "snapshots to DIR before the load and after it settled; prints what grew")
    parser.add_argument("--warm", type=float, default=WARM_S, metavar="SECONDS",
                        help="before the load, one browser comes and leaves; memory is read this long after (0: no "
                        "warm-up)")
    parser.add_argument("--warm-edits", type=int, default=0, metavar="N",
                        help="the warm-up's browser first works as an editor: moves a slide and back, then N edits "
                        "of the title and the body in turn (edits mode: on a project with a slide for each client)")
    parser.add_argument("--waves", type=int, default=1, help="edits mode: the editors come this many times, each "
                        "wave --settle seconds after the last left; memory is read after each")
    parser.add_argument("--stalls", metavar="FILE", help="log every time the server's event loop is held up over "
                        "50 ms, with the stack it was running (to FILE); prints the longest")
    parser.add_argument("--no-acks", action="store_true", help="edits mode: the browsers never tell the server what "
                        "arrived (as before session 19), so each page keeps its whole reconnection history")
    parser.add_argument("--history-length", type=int, metavar="N", help="the server keeps at most N messages a page "
                        "to send again after a reconnection (NiceGUI's message_history_length; set by the probe)")
    args = parser.parse_args()
    Editor.acks = not args.no_acks
    if args.history_length is not None:  # the probe sets it once ui.run has made the app's configuration
        os.environ["CS_LOAD_HISTORY_LENGTH"] = str(args.history_length)
        os.environ["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(
            x for x in (str(PROBE), os.environ.get("PYTHONPATH")) if x))
    if args.mode == "edits":
        run_edits(args.clients, args.seconds, args.settle, args.quiet, args.trace, args.warm, args.stalls,
                  args.waves, args.warm_edits)
    else:
        run(args.clients, args.seconds, args.settle, args.trace, args.warm, args.stalls, args.warm_edits)


if __name__ == "__main__":
    main()
