"""The studio as a server process of its own: ``carousel-studio serve`` on a free loopback port.

The one way the tests (real browsers, share mode's access checks) and the benchmarks start a studio:
start, wait until the port answers HTTP (any status: share mode answers 401 without its token), and
stop afterwards. A busy machine may take a minute to import and start the studio, so the deadline is
generous; a server that dies or never answers fails with its own output, not a bare timeout.
"""
from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import PROJECT_ROOT

START_DEADLINE = 240.0  # seconds; a loaded CI box has taken over a minute


class StudioDidNotStart(RuntimeError):
    """The server exited or never answered; the message carries its output."""


@dataclass(frozen=True)
class RunningStudio:
    url: str
    port: int
    process: subprocess.Popen
    log: Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_env() -> dict[str, str]:
    """This process's environment without pytest's and NiceGUI's switches: a normal run."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "NICEGUI_"))}


@contextmanager
def running_studio(data_dir: Path, *args: str, deadline: float = START_DEADLINE,
                   port: int | None = None) -> Iterator[RunningStudio]:
    """``carousel-studio serve --no-browser`` with ``data_dir`` and the extra ``args``, until the block ends.

    ``port``: this one (to start a studio again where it was) rather than a free one."""
    data_dir = Path(data_dir)
    for attempt in range(3):  # another process may take the free port before the server binds it
        studio = _start(data_dir, args, port)
        try:
            _wait_until_answering(studio, deadline)
            break
        except StudioDidNotStart:
            stop(studio.process)
            if attempt == 2 or "already in use" not in _output(studio.log):
                raise
    try:
        yield studio
    finally:
        stop(studio.process)


def _start(data_dir: Path, args: tuple[str, ...], port: int | None = None) -> RunningStudio:
    port = port or free_port()
    log = data_dir / f"server-{port}.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "studio", "serve", "--no-browser", "--host", "127.0.0.1", "--port", str(port),
             "--data-dir", str(data_dir), *args],
            cwd=PROJECT_ROOT, env=clean_env(), stdout=out, stderr=subprocess.STDOUT)
    return RunningStudio(f"http://127.0.0.1:{port}", port, process, log)


def _wait_until_answering(studio: RunningStudio, deadline: float) -> None:
    give_up = time.monotonic() + deadline
    while True:
        if studio.process.poll() is not None:
            raise StudioDidNotStart(f"the studio exited with code {studio.process.returncode}:\n"
                                    + _output(studio.log))
        if _answers(studio.port):
            return
        if time.monotonic() > give_up:
            raise StudioDidNotStart(f"the studio did not answer on port {studio.port} within {deadline:g} s:\n"
                                    + _output(studio.log))
        time.sleep(0.25)


def _answers(port: int) -> bool:
    """True once the server sends an HTTP status line for ``GET /`` (whatever the status)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", "/")
        conn.getresponse().read()
        return True
    except (OSError, http.client.HTTPException):
        return False
    finally:
        conn.close()


def _output(log: Path, tail: int = 6000) -> str:
    try:
        return log.read_text("utf-8", errors="replace")[-tail:] or "(no output)"
    except OSError:
        return "(no output)"


def stop(process: subprocess.Popen) -> None:
    """Terminate the server; kill it when it has not stopped within a minute (a busy machine is slow)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
