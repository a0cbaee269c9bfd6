"""Run every benchmark of the project and print one table: metric, ours, anchor, ratio, goal, met.

    python benchmarks/run.py [--quick] [--json OUT] [--only NAME ...]

Every ``benchmarks/*.py`` that defines ``rows(quick)`` is a benchmark module (see
``harness.py``); each runs in its own Python process, so one module's caches,
threads or worker pools never colour another's figures. ``--quick`` is a smoke
run (few repeats, smaller inputs, < 90 s on 2 cores); the full run warms up and
repeats every timing at least 10 times, and the JSON keeps min/median/max.
Exit status 1 when a module crashed; a missed goal is a result, not an error.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import Row  # noqa: E402

ORDER = ["export", "studio_path", "render", "preview", "import_archive", "store", "share", "load"]  # the rest follow by name
_RESULT = "BENCH-ROWS "  # a module's stdout line carrying its rows


def modules() -> list[str]:
    """Names of the benchmark modules here: files defining ``rows(quick)``."""
    names = [p.stem for p in HERE.glob("*.py")
             if p.stem != "run" and re.search(r"^def rows\(", p.read_text("utf-8"), re.MULTILINE)]
    return sorted(names, key=lambda n: (ORDER.index(n) if n in ORDER else len(ORDER), n))


def run_module(name: str, quick: bool) -> tuple[list[Row], str]:
    """Rows of one module, measured in a fresh interpreter; (rows, error text or "")."""
    command = [sys.executable, str(Path(__file__).resolve()), "--in-process", name] + (["--quick"] if quick else [])
    done = subprocess.run(command, capture_output=True, text=True, cwd=HERE.parent)
    rows = [Row(**row) for line in done.stdout.splitlines() if line.startswith(_RESULT)
            for row in json.loads(line[len(_RESULT):])]
    if done.returncode != 0:
        return rows, (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
    return rows, ""


def _in_process(name: str, quick: bool) -> None:
    import importlib
    module = importlib.import_module(name)
    rows = module.rows(quick)
    print(_RESULT + json.dumps([row.as_json() for row in rows]), flush=True)


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}" if abs(value) < 10 else f"{value:,.1f}"
    return f"{text} {unit}".strip()


def table(rows: list[Row]) -> str:
    """The rows as a fixed-width text table (also valid Markdown)."""
    head = ["metric", "ours", "anchor", "ratio", "goal", "met"]
    body = [[r.metric, _number(r.ours, r.unit), _number(r.anchor, r.unit),
             "–" if r.ratio is None else f"{r.ratio:.2f}×", r.goal or "–",
             {True: "yes", False: "NO", None: "–"}[r.met]] for r in rows]
    widths = [max(len(line[i]) for line in [head] + body) for i in range(len(head))]
    lines = ["| " + " | ".join(cell.ljust(w) for cell, w in zip(line, widths)) + " |" for line in [head] + body]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def machine() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = f", load {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return f"{platform.system()} {platform.machine()}, {cores} cores{load}, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: few repeats, small inputs")
    parser.add_argument("--json", metavar="OUT", help="also write the rows as JSON to OUT ('-' for stdout)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these modules")
    parser.add_argument("--in-process", metavar="NAME", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.in_process:
        _in_process(args.in_process, args.quick)
        return 0
    names = args.only or modules()
    start = time.perf_counter()
    print(f"Carousel Studio benchmarks ({'quick' if args.quick else 'full'}): {', '.join(names)}; {machine()}",
          file=sys.stderr)
    rows, failures = [], []
    for name in names:
        t = time.perf_counter()
        got, error = run_module(name, args.quick)
        rows += got
        print(f"  {name}: {len(got)} rows in {time.perf_counter() - t:.1f} s" + (f"; CRASHED: {error}" if error else ""),
              file=sys.stderr)
        if error:
            failures.append(f"{name}: {error}")
    print(table(rows))
    print(f"\n{len(rows)} rows in {time.perf_counter() - start:.0f} s; {machine()}"
          f"; command: python benchmarks/run.py{' --quick' if args.quick else ''}")
    if args.json:
        data = json.dumps([row.as_json() for row in rows], indent=1, ensure_ascii=False)
        if args.json == "-":
            print(data)
        else:
            Path(args.json).write_text(data + "\n", encoding="utf-8")
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
