"""Kill test: a writer process SIGKILLed at random moments never leaves a database that fails to
open, and every write it acknowledged is still there.

The writer saves profiles (database writes), projects (project file + list entry, with a new
image each run) and a counter setting (an overwrite) in a loop, and prints one line per save
after the save returned. 110 rounds, or as many as fit in two minutes (at least 25) on a busy
machine; set STORE_KILL_ROUNDS for more.
"""
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.store import Store

ROUNDS = int(os.environ.get("STORE_KILL_ROUNDS", "110"))
MIN_ROUNDS, BUDGET = 25, 120.0  # a loaded machine starts each writer slowly: stop after the budget, not before 25
ROOT = Path(__file__).resolve().parent.parent

WRITER = r"""
import io, sys
from PIL import Image as PILImage
from studio.brand import BrandProfile
from studio.carousel import Carousel
from studio.image import load_image
from studio.slide import Slide
from studio.store import Store

data_dir, run = sys.argv[1], int(sys.argv[2])
store = Store(data_dir)
buf = io.BytesIO()
PILImage.new("RGB", (40, 30), (run % 256, (run * 7) % 256, 99)).save(buf, "JPEG")
photo = load_image(buf.getvalue())
counter = store.settings.get("counter", 0)
print(f"ready {counter}", flush=True)
i = 0
while True:
    i += 1
    kind = i % 3
    if kind == 0:
        pid = store.profiles.save(BrandProfile(name=f"r{run} n{i}", handle=f"h{i}"), f"r{run}-p{i}")
        print(f"profile {pid} r{run} n{i}", flush=True)
    elif kind == 1:
        c = Carousel(name=f"r{run} n{i}", slides=[Slide("cover", f"t{i}"), Slide(body="x" * i, image=photo)])
        pid = store.projects.save(c, f"r{run}-c{i}")
        print(f"project {pid} r{run} n{i}", flush=True)
    else:
        counter += 1
        store.settings.set("counter", counter)
        print(f"counter {counter}", flush=True)
"""


def _acknowledged(lines: list[str]) -> list[list[str]]:
    # A line cut short by the kill has no newline: it was not acknowledged.
    return [line.split() for line in lines if line.endswith("\n") and not line.startswith("ready")]


@pytest.mark.timeout(900)
def test_sigkill_during_saves_never_loses_an_acknowledged_write(tmp_path):
    rng = random.Random(20261128)
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    expected_profiles: dict[str, str] = {}
    expected_projects: dict[str, str] = {}
    counter = 0
    kills_during_writes = 0
    started = time.monotonic()
    rounds = 0
    for run in range(ROUNDS):
        if run >= MIN_ROUNDS and time.monotonic() - started > BUDGET:
            break
        rounds += 1
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(run)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        first = writer.stdout.readline()
        assert first.startswith("ready "), writer.stderr.read()
        start = int(first.split()[1])  # the counter as this writer found it: never behind an acknowledged one
        assert start >= counter
        counter = start
        # Let the writer acknowledge a few saves first (so a busy machine still tests something),
        # then kill it at a random moment: after "ready" it does nothing but save.
        seen = [writer.stdout.readline() for _ in range(rng.randint(0, 3))]
        time.sleep(rng.uniform(0.0, 0.03))
        writer.send_signal(signal.SIGKILL)
        out, err = writer.communicate(timeout=30)
        assert writer.returncode == -signal.SIGKILL, err
        acked = _acknowledged(seen + out.splitlines(keepends=True))
        kills_during_writes += bool(acked)
        for fields in acked:
            if fields[0] == "profile":
                expected_profiles[fields[1]] = " ".join(fields[2:])
            elif fields[0] == "project":
                expected_projects[fields[1]] = " ".join(fields[2:])
            else:
                counter = int(fields[1])

        store = Store(tmp_path)  # must open, every time
        assert not [n for n in store.notices if "could not be read" in n], store.notices
        profiles = dict(store.profiles.all())
        for pid, name in expected_profiles.items():
            assert pid in profiles and profiles[pid].name == name, (run, pid)
        listed = {p.id for p in store.projects.all()}
        for pid in [p for p in expected_projects if p.startswith(f"r{run}-")]:  # this run's: load them all
            assert pid in listed
            loaded = store.projects.load(pid)
            assert loaded.name == expected_projects[pid] and loaded.slides[1].image is not None
        assert listed >= set(expected_projects)
        assert store.settings.get("counter", 0) >= counter  # at most one unacknowledged write ahead
        assert store.settings.get("counter", 0) <= counter + 1
    assert not list(tmp_path.glob("*.corrupt-*")) and not list(tmp_path.glob("projects/*.corrupt-*"))
    assert len(expected_profiles) + len(expected_projects) >= rounds // 2  # a real test, even on a busy machine
    print(f"{rounds} kills ({kills_during_writes} after at least one acknowledged save), {len(expected_profiles)} profiles + {len(expected_projects)} projects "
          f"acknowledged, {time.monotonic() - started:.1f} s")


CONCURRENT_WRITER = r"""
import sys
from studio.brand import BrandProfile
from studio.carousel import Carousel
from studio.store import Store

data_dir, tag, project = sys.argv[1], sys.argv[2], sys.argv[3]
store = Store(data_dir)
base = store.projects.load(project)
mine = store.projects.load(project)
for i in range(25):
    store.profiles.save(BrandProfile(name=f"{tag} {i}"))
    if tag == "A":
        mine.name = f"name-{i}"
    else:
        mine.slides = mine.slides[:1] + [type(mine.slides[0])(body=f"B {i}")]
    store.projects.save(mine, project)
print("done", flush=True)
"""


@pytest.mark.timeout(600)  # the two writers flush every save for real: slow on a busy disk
def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    from studio.carousel import Carousel
    from studio.slide import Slide
    project = Store(tmp_path).projects.save(Carousel(slides=[Slide("cover", "Hi")]))
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    writers = [subprocess.Popen([sys.executable, "-c", CONCURRENT_WRITER, str(tmp_path), tag, project], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for tag in "AB"]
    for w in writers:
        out, err = w.communicate(timeout=500)
        assert w.returncode == 0 and out == "done\n", err
    store = Store(tmp_path)
    names = {p.name for _, p in store.profiles.all()}
    assert names == {f"{tag} {i}" for tag in "AB" for i in range(25)}  # the lock: no lost update
    final = store.projects.load(project)
    assert final.name == "name-24" and final.slides[1].body == "B 24"  # each process's own field survives
