"""Stopping the studio never hangs: its workers finish their work, and a reader stuck mid-message is freed.

NiceGUI's own stop kills the worker processes. One killed while it writes a large result leaves half a
message in the pool's pipe, and the pool's reader then waits for ever: ``serve`` never exits.
"""
from __future__ import annotations

import http.client
import multiprocessing
import signal
import struct
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from nicegui import run

from components import offload
from studio.app import Studio
from studio.carousel import Carousel
from studio.slide import Slide
from studio.server_process import running_studio

STOPPED_WITHIN = 120.0  # seconds; generous for a loaded machine, far below "for ever"


@pytest.fixture
def pool():
    """A one-worker pool, forked as the studio's is."""
    executor = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    yield executor
    executor.shutdown(wait=False, cancel_futures=True)


async def test_the_studio_stop_takes_the_worker_pool_from_nicegui(user):
    assert run.process_pool is not None  # NiceGUI's, started with the app
    offload.finish_workers(grace=STOPPED_WITHIN)
    assert run.process_pool is None  # NiceGUI's own stop then finds no worker to kill mid-write


def _manager_thread(executor: ProcessPoolExecutor) -> threading.Thread:
    return executor._executor_manager_thread


_BEGUN = _GO_ON = None  # set in the worker (``_hold``)


def _hold(begun, go_on) -> None:
    """A worker's start: its work waits for the test (the events are inherited through the fork)."""
    global _BEGUN, _GO_ON
    _BEGUN, _GO_ON = begun, go_on


def _work_until_let_go() -> str:
    _BEGUN.set()
    if not _GO_ON.wait(STOPPED_WITHIN):
        raise TimeoutError("the test never let the work go on")
    return "done"


def _let_go_once_stopping(go_on) -> None:
    """Let the work go on once the stop has begun (its thread is running), so the stop has to wait for it."""
    give_up = time.monotonic() + STOPPED_WITHIN
    while time.monotonic() < give_up and not any(t.name == "finish worker processes" and t.is_alive()
                                                  for t in threading.enumerate()):
        time.sleep(0.01)
    go_on.set()


def test_a_stop_lets_the_worker_finish_its_current_work():
    fork = multiprocessing.get_context("fork")
    begun, go_on = fork.Event(), fork.Event()
    pool = ProcessPoolExecutor(1, mp_context=fork, initializer=_hold, initargs=(begun, go_on))
    try:
        future = pool.submit(_work_until_let_go)
        assert begun.wait(STOPPED_WITHIN), "the work did not start"
        worker, = pool._processes.values()
        threading.Thread(target=_let_go_once_stopping, args=(go_on,), daemon=True).start()
        offload.finish_pool(pool, grace=STOPPED_WITHIN)
        assert future.done() and not future.cancelled() and future.result() == "done"
        worker.join(STOPPED_WITHIN)
        assert worker.exitcode == 0  # it ended on its own, not killed
    finally:
        go_on.set()
        pool.shutdown(wait=False, cancel_futures=True)


def test_a_reader_stuck_in_a_half_written_result_is_freed_after_the_grace_time(pool, monkeypatch):
    monkeypatch.setattr(offload, "UNBLOCK_S", STOPPED_WITHIN)  # a loaded machine's reader may take more than 5 s
    monkeypatch.setattr(offload, "AFTER_KILL_S", 0.05)  # the kill cannot free this reader: no need to wait 1 s
    future = pool.submit(time.sleep, 600)  # busy beyond the grace time
    worker, = pool._processes.values()
    manager = _manager_thread(pool)
    # What a worker killed mid-write leaves: a result announced as 100,000 bytes, of which 10 arrived.
    pool._result_queue._writer._send(struct.pack("!i", 100_000) + b"x" * 10)
    started = time.monotonic()
    offload.finish_pool(pool, grace=0.05)
    assert not manager.is_alive(), "the pool's reader still waits for the rest of the result"
    assert time.monotonic() - started < STOPPED_WITHIN
    worker.join(STOPPED_WITHIN)
    assert worker.exitcode == -signal.SIGKILL
    assert future.done()


@pytest.mark.slow
@pytest.mark.skipif(not Path(f"/proc/self/task").is_dir(), reason="counts worker processes in Linux /proc")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_serve_exits_when_stopped_while_the_slide_strip_is_being_drawn(tmp_path, stop):
    studio = Studio(tmp_path)
    studio.projects.open_file(Carousel(name="Long thread", slides=[Slide("cover", "Forty slides")] + [
        Slide(body=f"Post {n}: " + "a sentence long enough to wrap over a few lines of the slide " * 3)
        for n in range(1, 40)]))
    studio.close()
    with running_studio(tmp_path) as server:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
        conn.request("GET", "/")  # building the page starts drawing the strip's 40 thumbnails in a worker
        assert conn.getresponse().status == 200
        conn.close()
        workers = _descendants(server.process.pid)
        assert workers  # the export workers and the page's drawing worker
        server.process.send_signal(stop)
        try:
            code = server.process.wait(STOPPED_WITHIN)
        except Exception:
            pytest.fail("serve did not exit after " + stop.name + ":\n" + server.log.read_text(errors="replace"))
        output = server.log.read_text(errors="replace")
        assert code in (0, 128 + stop, -stop), output  # uvicorn stops gently, then ends with the signal it caught
        assert "Traceback" not in output and "did not stop" not in output, output
        give_up = time.monotonic() + STOPPED_WITHIN
        while [pid for pid in workers if _alive(pid)] and time.monotonic() < give_up:
            time.sleep(0.2)  # a worker notices its parent's end a moment later
        assert not [pid for pid in workers if _alive(pid)], "worker processes outlived the studio"


def _descendants(pid: int) -> list[int]:
    """Every process under ``pid`` (Linux /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            found += [int(child), *_descendants(int(child))]
    return found


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its reaper counts as ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
