"""CI smoke run of benchmarks/run.py --quick: it must not crash and its JSON rows must be well-formed.

Timings are never asserted (the machine is shared); only that every module ran and
reported rows with the agreed keys. The Chromium and resvg anchors are expected
whenever the ``bench`` extra is installed.
"""
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]  # ~1 min alone, several on a busy machine
KEYS = {"metric", "ours", "anchor", "ratio", "goal", "met"}


@pytest.fixture(scope="module")
def quick_rows(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "rows.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--json", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900,
                          env={k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "NICEGUI_"))})
    assert done.returncode == 0, done.stderr[-3000:]
    assert "| metric" in done.stdout  # the table was printed
    return json.loads(out.read_text("utf-8"))


def test_rows_are_well_formed(quick_rows):
    assert quick_rows
    for row in quick_rows:
        assert KEYS <= row.keys(), row
        assert isinstance(row["metric"], str) and row["metric"]
        assert isinstance(row["ours"], (int, float)) and row["ours"] >= 0, row
        assert row["anchor"] is None or isinstance(row["anchor"], (int, float)), row
        assert row["ratio"] is None or row["ratio"] > 0, row
        assert row["met"] in (True, False, None), row
        assert (row["met"] is None) == (row["goal"] == ""), row


def test_every_benchmark_module_reported(quick_rows):
    metrics = " ".join(row["metric"] for row in quick_rows)
    for prefix in ("PNG set", "JPEG set", "PDF", "render:", "preview:", "import:", "store:"):
        assert prefix in metrics, prefix


def test_anchors_ran_when_the_bench_extra_is_installed(quick_rows):
    metrics = [row["metric"] for row in quick_rows]
    assert any("encoding floor" in m for m in metrics)
    if importlib.util.find_spec("playwright") and Path("/usr/bin/chromium").exists():
        assert "PNG set vs Chromium screenshots" in metrics
        assert any(m.startswith("preview equals export") for m in metrics)
    if importlib.util.find_spec("resvg_py"):
        assert any("resvg" in m for m in metrics)
