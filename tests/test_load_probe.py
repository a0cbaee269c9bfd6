"""``benchmarks/load.py --trace`` and ``--stalls``: the server-side probes write what the reports read, and the
reports name what grew and what held up the event loop."""
from __future__ import annotations

import importlib.util
import json
import os
import platform
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_benchmark(monkeypatch):
    spec = importlib.util.spec_from_file_location("load_benchmark", ROOT / "benchmarks" / "load.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _probe_before_and_after(script: str, tmp_path, monkeypatch, **env):
    """Run ``script`` as a traced server; the probe snapshots it once "ready", and again once SIGUSR2 has it
    print "grown". Returns the probe."""
    monkeypatch.setenv("PYTHONPATH", "")  # the probe sets both in this process's environment: put back after
    monkeypatch.setenv("CS_LOAD_TRACE_DIR", "")
    load = _load_benchmark(monkeypatch)
    probe = load.Probe(str(tmp_path / "trace"))
    env = {**os.environ, "PYTHONPATH": os.environ["PYTHONPATH"], **env}
    server = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout.readline().strip() == "ready"
        probe.take(server.pid, "before")
        os.kill(server.pid, signal.SIGUSR2)
        assert server.stdout.readline().strip() == "grown"
        probe.take(server.pid, "after")
    finally:
        server.kill()
        server.wait()
    return probe


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
    probe = _probe_before_and_after(GROWS, tmp_path, monkeypatch)
    assert os.environ["PYTHONPATH"].startswith(str(ROOT / "benchmarks" / "load_probe"))
    facts = json.loads(probe.taken[1][1].with_suffix(".json").read_text())
    assert facts["clients"] == -1 and facts["objects"] > 0
    probe.report("before", "after")
    out = capsys.readouterr().out
    grown = [line for line in out.splitlines() if "<string>" in line]
    assert grown and int(grown[0].split()[0]) >= 1953  # KB: 2,000 blocks of 1,000 bytes, on the script's lines
    assert "objects by type, grown: Grown +2000" in out


HOLDS_UP = """
import asyncio, sys, threading, time, types
def hold_up_the_loop():
    threading.Thread(target=busy_elsewhere).start()
    time.sleep(0.4)  # what a long page step or a burst of deletions does to every request
def busy_elsewhere():
    end = time.perf_counter() + 0.35
    while time.perf_counter() < end:  # another thread running Python meanwhile (it may hold the GIL)
        pass
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
    assert any("busy_elsewhere" in frame for stall in held for _, stack in stall["others"] for frame in stack)
    assert "meanwhile in another thread" in out
    assert all("loop_cpu_ms" in stall and "threads_cpu_ms" in stall for stall in held)
    assert "holds over 100 ms during the load" in out


def test_a_hold_is_put_down_to_the_loop_another_thread_or_the_machine(monkeypatch):
    """``cause``: the loop's own CPU over most of the hold is the loop busy; another thread's, a wait for the lock
    that thread held (named, with what it ran); neither, the machine running something else."""
    load = _load_benchmark(monkeypatch)
    stack = ["components/page.py:1 _changed", "studio/render.py:2 lay_out_slide"]
    busy = {"ms": 200, "loop_cpu_ms": 180, "threads_cpu_ms": [], "stacks": [[3, stack]]}
    assert load.cause(busy).startswith("loop busy") and "lay_out_slide" in load.cause(busy)
    waiting = {"ms": 200, "loop_cpu_ms": 20, "threads_cpu_ms": [["Thread-7", 150]], "stacks": [[3, stack]],
               "thread_stacks": {"Thread-7": [[4, ["studio/history.py:3 to_doc"]]]}}
    assert load.cause(waiting).startswith("loop waiting") and "Thread" in load.cause(waiting)
    assert "to_doc" in load.cause(waiting)
    machine = {"ms": 200, "loop_cpu_ms": 5, "threads_cpu_ms": [["Thread-7", 3]], "stacks": [[1, stack]]}
    assert "machine was busy" in load.cause(machine)


PINS = """
import signal, sys, time
class Pinned:
    pass
kept = []
def grow(*_):
    for n in range(3000):  # one long-lived object among a page of short-lived ones, as a busy server makes them
        passing = [bytearray(100) for _ in range(30)]
        if n % 3 == 0:
            kept.append(Pinned())
    del passing
    print("grown", flush=True)
signal.signal(signal.SIGUSR2, grow)
print("ready", flush=True)
time.sleep(120)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc's heap")
def test_the_heap_map_names_the_new_objects_that_keep_pages(tmp_path, capsys, monkeypatch):
    """CS_LOAD_HEAP_MAP: the pages kept after the load and not before are named by what sits on them."""
    probe = _probe_before_and_after(PINS, tmp_path, monkeypatch, PYTHONMALLOC="malloc", CS_LOAD_HEAP_MAP="1",
                                    CS_LOAD_TRACE_FRAMES="0")
    maps = json.loads(Path(f"{probe.taken[1][1]}.heapmap.json").read_text())
    assert "failed" not in maps, maps
    heap = maps["heap"]
    assert heap["new_in_use_mb"] > 0 and heap["newly_kept_pages"] > 0
    assert heap["on_newly_kept_sparse_pages"].get("__main__.Pinned", 0) > 0, heap["on_newly_kept_sparse_pages"]
    probe.report("before", "after")
    out = capsys.readouterr().out
    assert "heap map after, heap:" in out and "__main__.Pinned" in out


def test_the_probe_names_who_holds_an_object_alive():
    """``kept_by`` in a dump: a chain of referrers from an element alive with no page open up to its holder."""
    spec = importlib.util.spec_from_file_location("probe_sitecustomize", ROOT / "benchmarks" / "load_probe" /
                                                  "sitecustomize.py")
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)  # neither probe switch is set here: nothing installed

    class Leaf:
        pass

    class Holder:
        def __init__(self, leaf: Leaf) -> None:
            self.held = {"pages": [leaf]}

    holder = Holder(Leaf())
    leaf = holder.held["pages"][0]
    chain = probe._holders([leaf])
    print(chain)
    assert chain[-1].split(":")[0].endswith("Leaf")
    assert chain[0].split(":")[0].endswith(("Holder", "dict", "frame"))
    assert any(link.startswith("list:") for link in chain)  # the way there: the dict's list
    assert any("Holder" in link or "held" in link for link in chain)


def test_the_holder_search_stops_at_its_budget_and_says_so():
    """Under tracemalloc a wide search (each ``gc.get_referrers`` walks every object) held the server's dump for
    minutes: past its budget the search ends the chain where it got to, marked as stopped."""
    spec = importlib.util.spec_from_file_location("probe_sitecustomize", ROOT / "benchmarks" / "load_probe" /
                                                  "sitecustomize.py")
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)

    class Leaf:
        pass

    held = {"pages": [Leaf()]}
    chain = probe._holders([held["pages"][0]], budget=0.0)
    assert chain[0].startswith("(search stopped")
    assert chain[-1].split(":")[0].endswith("Leaf")
    assert not probe._holders([held["pages"][0]])[0].startswith("(search stopped")  # with time: no mark


def test_the_queues_are_read_and_reported_piled_up_and_drained(capsys, monkeypatch):
    """``--stalls``: what waits in the server's queues (the relay's page deliveries, the pages' outboxes, the
    sockets' packets, saves pending) is sampled, and the report says the most during the load, what was left at its
    end and after: whether anything piled up while the server fell behind, and whether it drained."""
    import asyncio
    from collections import deque
    from types import ModuleType, SimpleNamespace

    spec = importlib.util.spec_from_file_location("probe_sitecustomize", ROOT / "benchmarks" / "load_probe" /
                                                  "sitecustomize.py")
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    outbox = SimpleNamespace(messages=deque([1, 2, 3]), updates={1: 1}, message_history=deque(range(5)))
    nicegui = ModuleType("nicegui")
    nicegui.Client = SimpleNamespace(instances={"a": SimpleNamespace(outbox=outbox), "b": SimpleNamespace()})
    core = ModuleType("nicegui.core")
    queue = asyncio.Queue()
    queue.put_nowait("packet")
    core.sio = SimpleNamespace(eio=SimpleNamespace(sockets={"s": SimpleNamespace(queue=queue)}))
    app = ModuleType("components.app")
    app._current = SimpleNamespace(autosaver=SimpleNamespace(_pending={("p", 1): None}))
    for name, module in (("nicegui", nicegui), ("nicegui.core", core), ("components.app", app)):
        monkeypatch.setitem(sys.modules, name, module)
    found = probe.queue_lengths([SimpleNamespace(waiting=7)])
    assert found == {"relay": 7, "pages": 1, "outbox_messages": 3, "outbox_messages_max": 3, "outbox_updates": 1,
                     "history": 5, "socket_packets": 1, "socket_packets_max": 1, "saves_pending": 1}

    load = _load_benchmark(monkeypatch)
    stalls = load.Stalls(None)
    stalls.start, stalls.end = 100.0, 160.0
    samples = [{"at": at, "queues": {"relay": relay, "socket_packets": 0}}
               for at, relay in ((101, 0), (120, 300), (150, 40), (159, 2), (170, 0))]
    stalls._queues(samples)
    out = capsys.readouterr().out
    assert "queues during the load, most: relay 300, socket_packets 0" in out
    assert "relay: non-empty in 3 samples, the last at +59 s" in out
    assert "queues at the load's end: relay 2" in out and "queues at the last sample: relay 0" in out
