"""What every benchmark module shares: the ``Row`` it reports and how it times work.

A benchmark module is any ``benchmarks/*.py`` with ``rows(quick: bool) -> list[Row]``;
``run.py`` finds and runs them. A row compares one figure of ours with an anchor
(the alternative, or a floor) and says whether the goal printed beside it is met.
"""
from __future__ import annotations

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
    """Repeated wall-clock samples of one piece of work, in ms."""

    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def summary(self) -> dict:
        return {"min": round(min(self.samples), 2), "median": round(self.median, 2),
                "max": round(max(self.samples), 2), "n": len(self.samples)}


def repeats(quick: bool) -> int:
    """Timed runs per measurement: ≥ 10 in a full run (after a warm-up), 2 when quick."""
    return 2 if quick else 11


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
