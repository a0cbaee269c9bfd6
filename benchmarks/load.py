"""Load: many browsers loading the studio at once; static-file latency and server memory before, during, after.

    python3 benchmarks/load.py [--clients 10] [--seconds 60]

The studio runs as a subprocess on a free loopback port with a throwaway data
folder. Each client loads the page ("/") again and again, a second apart; a
watcher fetches a static file every 100 ms, as a browser's other requests would.
Reported: page-load and static-request p50/p95/max, bytes per page, and the
server's resident memory before the clients, at the end of the load, 15 s after
they stop and once more after ``--settle`` seconds (75: NiceGUI deletes a page no
browser connected to after 60 s; memory still above "before" then is kept for good).

What it does not measure yet: edits travelling from one browser to the others
(p50/p95 propagation, lost edits) need websocket clients speaking NiceGUI's
protocol; that waits for the application layer's edit API.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studio.server_process import running_studio  # noqa: E402

STATIC = "/studio-static/studio.css"


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


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


def run(clients: int, seconds: float, settle: float = 75) -> None:
    data = Path(tempfile.mkdtemp(prefix="cs-load-"))
    server = contextlib.ExitStack()
    try:
        studio = server.enter_context(running_studio(data))
        proc, base = studio.process, studio.url
        time.sleep(2)
        before = rss_mb(proc.pid)
        load_before = load_average()
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
        for t in threads:
            t.start()
        time.sleep(seconds)
        during = rss_mb(proc.pid)
        load_during = load_average()
        stop.set()
        for t in threads:
            t.join()
        time.sleep(15)
        after = rss_mb(proc.pid)
        time.sleep(max(0.0, settle - 15))  # NiceGUI drops a page no browser connected to after 60 s
        settled = rss_mb(proc.pid)
        print(f"{clients} clients for {seconds:.0f} s on loopback, {os.cpu_count()} cores, "
              f"load average {load_before} before, {load_during} at the end")
        print(f"page load: {percentiles(pages)}, {statistics.mean(sizes) / 1024:.0f} KB a page" if sizes else
              "page load: no samples")
        print(f"static file every 100 ms: {percentiles(statics)}")
        print(f"failed requests: {failures[0]}")
        print(f"server memory: before {before:.0f} MB, during {during:.0f} MB, 15 s after {after:.0f} MB, "
              f"{settle:.0f} s after {settled:.0f} MB")
    finally:
        server.close()
        shutil.rmtree(data, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--settle", type=float, default=75, help="seconds after the load to read memory again")
    args = parser.parse_args()
    run(args.clients, args.seconds, args.settle)


if __name__ == "__main__":
    main()
