"""What every benchmark module shares: the ``Row`` it reports and how it times work.

A benchmark module is any ``benchmarks/*.py`` with ``rows(quick: bool) -> list[Row]``;
``run.py`` finds and runs them. A row compares one figure of ours with an anchor
(the alternative, or a floor) and says whether the goal printed beside it is met.
"""
from __future__ import annotations

import os
import statistics
import time
from dataclasses import asdict, dataclass, field


@dataclass
class Row:
    """One line of the table. ``ours``/``anchor`` are medians in ``unit``; ``ratio`` is defined by the goal."""

    metric: str
    ours: float
    anchor: float | None = None
    ratio: float | None = None
    goal: str = ""
    met: bool | None = None  # None: no goal for this row
    unit: str = "ms"
    spread: dict = field(default_factory=dict)  # min/median/max/n of ours (and anchor) when timed

    def as_json(self) -> dict:
        return asdict(self)


@dataclass
class Timing:
    """Repeated wall-clock samples of one piece of work, in ms (and CPU ms of this process tree, if taken)."""

    samples: list[float]
    cpu: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def summary(self) -> dict:
        summary = {"min": round(min(self.samples), 2), "median": round(self.median, 2),
                   "max": round(max(self.samples), 2), "n": len(self.samples)}
        if self.cpu:
            summary["cpu_median"] = round(statistics.median(self.cpu), 2)
        return summary


def tree_cpu_ms(chromium: bool | None = None) -> float:
    """CPU time (user + system, ms) used so far by this process and every process it started, still
    running or already reaped (Linux /proc; 0 elsewhere). Unlike wall time, hardly moved by other load.

    ``chromium`` True: only Playwright's driver and the Chromium it started; False: all but those.
    Chromium goes on working a little after a screenshot or ``page.pdf`` returns, and that must not
    count as the next work timed (it made whichever export came next look the costlier)."""
    parents: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    drivers: list[int] = []
    for entry in os.scandir("/proc") if os.path.isdir("/proc") else ():
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            pid = int(entry.name)
            parents.setdefault(int(fields[1]), []).append(pid)
            times[pid] = sum(int(x) for x in fields[11:15])  # utime stime cutime cstime, in clock ticks
            if int(fields[1]) == os.getpid() and chromium is not None and _is_playwright(pid):
                drivers.append(pid)
    total, todo = 0.0, list(drivers) if chromium else [os.getpid()]
    while todo:
        pid = todo.pop()
        total += times.get(pid, 0)
        todo += [child for child in parents.get(pid, []) if chromium or child not in drivers]
    return total * 1000 / os.sysconf("SC_CLK_TCK") if times else 0.0


def _is_playwright(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"playwright" in f.read()
    except OSError:
        return False


def repeats(quick: bool) -> int:
    """Timed runs per measurement: ≥ 10 in a full run (after a warm-up), 1 when quick (a smoke run:
    under 90 s on 2 busy cores)."""
    return 1 if quick else 11


def timed(fn, repeat: int, warmup: int = 1) -> Timing:
    """Run ``fn`` ``warmup`` times untimed, then ``repeat`` times timed."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return Timing(samples)


def round_robin(work: dict, repeat: int, warmup: int = 1) -> dict[str, Timing]:
    """Time every function of ``work`` in turns (a, b, c, a, b, c…): load that comes and goes hits all alike."""
    timings = {name: Timing([]) for name in work}
    for round_ in range(warmup + repeat):
        for name, fn in work.items():
            side = name.startswith("chromium")  # see tree_cpu_ms
            cpu = tree_cpu_ms(side)
            start = time.perf_counter()
            fn()
            wall = (time.perf_counter() - start) * 1000
            if round_ >= warmup:
                timings[name].samples.append(wall)
                timings[name].cpu.append(tree_cpu_ms(side) - cpu)
    return timings


def _spread(ours: Timing | float, anchor: Timing | float | None = None) -> dict:
    spread = {}
    if isinstance(ours, Timing):
        spread["ours"] = ours.summary()
    if isinstance(anchor, Timing):
        spread["anchor"] = anchor.summary()
    return spread


def _value(x: Timing | float | None) -> float | None:
    return x.median if isinstance(x, Timing) else x


def faster(metric: str, ours: Timing | float, anchor: Timing | float, times: float | None,
           unit: str = "ms") -> Row:
    """Goal: ours at least ``times``× faster than the anchor (ratio = anchor / ours); none when ``times`` is None."""
    o, a = _value(ours), _value(anchor)
    ratio = a / o if o else None
    goal = "" if times is None else f"≥ {times:g}× faster"
    met = None if times is None else (ratio is not None and ratio >= times)
    return Row(metric, o, a, ratio, goal, met, unit, _spread(ours, anchor))


def within(metric: str, ours: Timing | float, anchor: Timing | float, limit: float | None,
           unit: str = "ms") -> Row:
    """Goal: ours at most ``limit``× the anchor (ratio = ours / anchor); no goal when ``limit`` is None."""
    o, a = _value(ours), _value(anchor)
    ratio = o / a if a else None
    goal = "" if limit is None else f"≤ {limit:g}× anchor"
    met = None if limit is None else (ratio is not None and ratio <= limit)
    return Row(metric, o, a, ratio, goal, met, unit, _spread(ours, anchor))


def at_most(metric: str, ours: Timing | float, limit: float | None, unit: str = "ms") -> Row:
    """Goal: ours at most ``limit`` ``unit`` (no anchor); no goal when ``limit`` is None."""
    o = _value(ours)
    goal = "" if limit is None else f"≤ {limit:g} {unit}"
    return Row(metric, o, None, None, goal, None if limit is None else o <= limit, unit, _spread(ours))


def info(metric: str, ours: Timing | float, unit: str = "ms") -> Row:
    """A figure without a goal (context for the rows around it)."""
    return at_most(metric, ours, None, unit)
