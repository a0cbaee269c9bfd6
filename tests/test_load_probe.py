"""``benchmarks/load.py --trace``: the server-side probe writes what the report diffs, and the report names what grew."""
from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load_benchmark(monkeypatch):
    spec = importlib.util.spec_from_file_location("load_benchmark", ROOT / "benchmarks" / "load.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


GROWS = """
import signal, sys, time
kept = []
class Grown:
    __slots__ = ("data",)
    def __init__(self):
        self.data = bytearray(1000)
def grow(*_):
    kept.extend(Grown() for _ in range(2000))
    print("grown", flush=True)
signal.signal(signal.SIGUSR2, grow)
print("ready", flush=True)
time.sleep(120)
"""


def test_the_probe_reports_what_grew_between_two_snapshots(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", "")  # the probe sets both in this process's environment: put back after
    monkeypatch.setenv("CS_LOAD_TRACE_DIR", "")
    load = _load_benchmark(monkeypatch)
    probe = load.Probe(str(tmp_path / "trace"))
    assert os.environ["PYTHONPATH"].startswith(str(ROOT / "benchmarks" / "load_probe"))
    env = {**os.environ, "PYTHONPATH": os.environ["PYTHONPATH"]}
    server = subprocess.Popen([sys.executable, "-c", GROWS], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout.readline().strip() == "ready"
        probe.take(server.pid, "before")
        os.kill(server.pid, signal.SIGUSR2)
        assert server.stdout.readline().strip() == "grown"
        probe.take(server.pid, "after")
    finally:
        server.kill()
        server.wait()
    facts = json.loads(probe.taken[1][1].with_suffix(".json").read_text())
    assert facts["clients"] == -1 and facts["objects"] > 0
    probe.report("before", "after")
    out = capsys.readouterr().out
    grown = [line for line in out.splitlines() if "<string>" in line]
    assert grown and int(grown[0].split()[0]) >= 1953  # KB: 2,000 blocks of 1,000 bytes, on the script's lines
    assert "objects by type, grown: Grown +2000" in out
