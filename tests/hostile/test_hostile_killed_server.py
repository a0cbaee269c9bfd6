"""A studio killed outright (SIGKILL, the out-of-memory killer) leaves no worker process of its own behind.

Its export workers watched for the server's end already; NiceGUI's worker processes (gallery thumbnails, big
pastes, archives) did not, and stayed running for good after the server was killed.
"""
from __future__ import annotations

import os
import signal
import time
import urllib.request
from pathlib import Path

import pytest

from studio.export import images
from studio.server_process import running_studio

GIVE_UP_S = 120  # a worker checks for its server once a second; a loaded machine may take far longer


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) and fields[1] == str(pid):
            found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    fields = _stat(pid)
    return bool(fields) and fields[0] != "Z"


def _stat(pid: int) -> list[str]:
    """State, parent, … of a process; [] once it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return []


def wait_until(condition, give_up: float = GIVE_UP_S) -> bool:
    deadline = time.monotonic() + give_up
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


@pytest.mark.slow  # server process
def test_no_worker_process_outlives_a_killed_server(tmp_path):
    with running_studio(tmp_path) as studio:
        server = studio.process.pid
        # the page's gallery thumbnails are drawn in NiceGUI's worker processes: it forks them at the first one
        with urllib.request.urlopen(studio.url + "/", timeout=GIVE_UP_S) as response:
            response.read()
        assert wait_until(lambda: len(children(server)) > images.MAX_WORKERS), \
            f"NiceGUI's worker processes never started: children {children(server)}"
        workers = children(server)
        try:
            os.kill(server, signal.SIGKILL)
            studio.process.wait(GIVE_UP_S)
            assert wait_until(lambda: not any(alive(pid) for pid in workers)), \
                f"still running after the server was killed: {[pid for pid in workers if alive(pid)]}"
        finally:
            for pid in workers:
                if alive(pid):
                    os.kill(pid, signal.SIGKILL)
