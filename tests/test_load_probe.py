"""``benchmarks/load.py --trace`` and ``--stalls``: the server-side probes write what the reports read, and the
reports name what grew and what held up the event loop."""
from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
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


HOLDS_UP = """
import asyncio, sys, time, types
def hold_up_the_loop():
    time.sleep(0.4)  # what a long page step or a burst of deletions does to every request
async def main():
    core = types.ModuleType("nicegui.core")
    core.loop = asyncio.get_running_loop()
    sys.modules["nicegui.core"] = core  # where the watcher finds the server's loop
    await asyncio.sleep(1)  # the watcher starts
    hold_up_the_loop()
    await asyncio.sleep(1)  # the watcher writes it down
asyncio.run(main())
"""


def test_the_stall_watcher_names_what_held_up_the_loop(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", "")  # put back after: the probe sets it in this process's environment
    monkeypatch.setenv("CS_LOAD_STALL_LOG", "")
    load = _load_benchmark(monkeypatch)
    stalls = load.Stalls(str(tmp_path / "stalls.jsonl"))
    env = {**os.environ, "PYTHONPATH": os.environ["PYTHONPATH"]}
    stalls.start = time.time()
    subprocess.run([sys.executable, "-c", HOLDS_UP], env=env, check=True, timeout=120)
    stalls.end = time.time()
    logged = [json.loads(line) for line in (tmp_path / "stalls.jsonl").read_text().splitlines()]
    held = [stall for stall in logged if any("hold_up_the_loop" in frame
                                             for _, stack in stall["stacks"] for frame in stack)]
    assert held, logged
    stalls.report()
    out = capsys.readouterr().out
    assert "hold_up_the_loop" in out and "during the load" in out
