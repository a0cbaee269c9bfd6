"""Run every benchmark of the project and print one table: metric, ours, anchor, ratio, goal, met.

    python benchmarks/run.py [--quick] [--json OUT] [--markdown] [--only NAME ...]
    python benchmarks/run.py --from ROWS.json --markdown     (the table of a saved run, nothing measured)

Every ``benchmarks/*.py`` that defines ``rows(quick)`` is a benchmark module (see
``harness.py``); each runs in its own Python process, so one module's caches,
threads or worker pools never colour another's figures. ``--quick`` is a smoke
run (few repeats, smaller inputs, < 90 s on 2 cores); the full run warms up and
repeats every timing at least 10 times, and the JSON keeps min/median/max.
``--markdown`` prints the table as the README's Performance section shows it, with the
line that says when, with which command and on what machine it was measured.
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
from datetime import datetime, timezone
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


def _cells(r: Row) -> list[str]:
    return [r.metric, _number(r.ours, r.unit), _number(r.anchor, r.unit),
            "–" if r.ratio is None else f"{r.ratio:.2f}×", r.goal or "–", {True: "yes", False: "NO", None: "–"}[r.met]]


HEAD = ["metric", "ours", "anchor", "ratio", "goal", "met"]


def table(rows: list[Row]) -> str:
    """The rows as a fixed-width text table (also valid Markdown)."""
    head, body = HEAD, [_cells(r) for r in rows]
    widths = [max(len(line[i]) for line in [head] + body) for i in range(len(head))]
    lines = ["| " + " | ".join(cell.ljust(w) for cell, w in zip(line, widths)) + " |" for line in [head] + body]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def markdown(rows: list[Row], made: str) -> str:
    """The README's Performance table: ``made`` (when, command, machine), then one row per metric."""
    lines = [made, "", "| " + " | ".join(HEAD) + " |", "|" + "---|" * len(HEAD)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in _cells(r)) + " |" for r in rows]
    return "\n".join(lines)


def machine(with_load: bool = True) -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = f", load {_load()}" if with_load else ""
    return f"{platform.system()} {platform.machine()}{_cpu()}, {cores} cores{load}, Python {platform.python_version()}"


def _cpu() -> str:
    """" (the CPU's model name)" where Linux says it."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            return next((f" ({line.split(':', 1)[1].strip()})" for line in f if line.startswith("model name")), "")
    except OSError:
        return ""


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "?"


def _minutes(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.0f} min"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: few repeats, small inputs")
    parser.add_argument("--json", metavar="OUT", help="also write the rows as JSON to OUT ('-' for stdout)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only these modules")
    parser.add_argument("--markdown", action="store_true", help="print the table as the README shows it")
    parser.add_argument("--from", dest="saved", metavar="ROWS", help="show the rows of a saved --json run instead")
    parser.add_argument("--in-process", metavar="NAME", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.in_process:
        _in_process(args.in_process, args.quick)
        return 0
    if args.saved:
        rows = [Row(**row) for row in json.loads(Path(args.saved).read_text("utf-8"))]
        print(markdown(rows, f"Rows of `{args.saved}`.") if args.markdown else table(rows))
        return 0
    names = args.only or modules()
    start, started, load = time.perf_counter(), datetime.now(timezone.utc), _load()
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
    command = "python benchmarks/run.py" + (" --quick" if args.quick else "") + \
        (f" --only {' '.join(args.only)}" if args.only else "")
    if args.markdown:
        print(markdown(rows, f"`{command}`, {started:%d %b %Y %H:%M} UTC, {_minutes(time.perf_counter() - start)}; "
                             f"{machine(with_load=False)}; load average {load} at the start, {_load()} at the end."))
    else:
        print(table(rows))
        print(f"\n{len(rows)} rows in {time.perf_counter() - start:.0f} s; {machine()}; command: {command}")
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
