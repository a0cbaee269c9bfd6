"""Work that would hold up every browser runs off the event loop: in a worker process when the server has one.

A worker process shares no interpreter lock with the server, so pages and static files keep answering
while it parses a megabyte of text or lays out hundreds of slides. Without a process pool (tests) the
work runs in a thread. ``None`` comes back when the server is stopping.

Where the work runs is the one choice here, so it is injectable: ``in_this_process()`` keeps every
work in a thread of this process while it is open (a test that counts or replaces the work; a
worker process would import the real one).
"""
from __future__ import annotations

import logging
import os
import pickle
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from nicegui import run

from . import nicegui_seams

T = TypeVar("T")
log = logging.getLogger("carousel_studio")

GRACE_S = 20.0  # a stop waits this long for the workers' current work (a capped import or strip takes seconds)
AFTER_KILL_S = 1.0  # seconds the stop waits for killed workers to free the pool's reader on their own
UNBLOCK_S = 5.0  # then at most this long for the pool's reader to let go

_processes_allowed = [True]  # False inside ``in_this_process()``


class Cancelled(Exception):
    """The creator cancelled the work; nothing it made is used."""


class Progress:
    """Thread-safe progress for work running off the event loop (0..1 plus a short note), and its Cancel.

    The work reports through ``__call__`` as it goes; once ``cancel()`` was called, the next report
    raises ``Cancelled`` inside the work, which stops it there.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.fraction = 0.0
        self.note = ""
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def __call__(self, *args: Any) -> None:
        """Accepts ``(fraction)``, ``(done, total)`` or ``(done, total, note)``."""
        if self.cancelled:
            raise Cancelled()
        numbers = [a for a in args if isinstance(a, (int, float)) and not isinstance(a, bool)]
        notes = [a for a in args if isinstance(a, str)]
        with self._lock:
            if len(numbers) >= 2 and numbers[1]:
                self.fraction = max(0.0, min(1.0, numbers[0] / numbers[1]))
            elif len(numbers) == 1:
                self.fraction = max(0.0, min(1.0, float(numbers[0])))
            if notes:
                self.note = notes[0]


@contextmanager
def in_this_process() -> Iterator[None]:
    """While open, ``off_loop`` runs every work in a thread of this process, never in a worker process."""
    _processes_allowed.append(False)
    try:
        yield
    finally:
        _processes_allowed.pop()


async def off_loop(work: Callable[..., T], *args: Any, thread: bool = False) -> T | None:
    """``work(*args)`` in a worker process (it and its arguments must pickle), else (or with ``thread``) in a thread.

    A thread shares this process's caches (a layout the studio just made); a process shares no interpreter
    lock. Its exception is raised here as it was raised there (a SourceError keeps its message for the creator).
    """
    in_process = thread or nicegui_seams.worker_pool() is None or not _processes_allowed[-1]
    offload = run.io_bound if in_process else run.cpu_bound
    outcome = await offload(_outcome, work, *args)
    if outcome is None:
        return None
    done, value = outcome
    if not done:
        raise value
    return value


def _outcome(work: Callable[..., T], *args: Any) -> tuple[bool, Any]:
    """(True, result) or (False, the exception), so the exception's own type crosses the process boundary."""
    try:
        return True, work(*args)
    except Exception as exc:  # noqa: BLE001 - handed back to the caller, who reports it
        try:
            pickle.dumps(exc)
        except Exception:  # noqa: BLE001 - an exception that does not pickle is described instead
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        return False, exc


def finish_workers(grace: float = GRACE_S) -> None:
    """At server stop: take NiceGUI's worker pool from it and finish it (``finish_pool``), so the server
    always exits. NiceGUI's own stop kills the workers; it then finds none to kill."""
    pool = nicegui_seams.take_worker_pool()
    if pool is not None:
        finish_pool(pool, grace)


def finish_pool(pool: ProcessPoolExecutor, grace: float = GRACE_S) -> None:
    """Let the pool's workers finish their current work, then stop them.

    A worker killed while it writes a large result (a strip of thumbnails) leaves half a message in the
    pool's pipe, and the pool's reader thread then waits for the rest for ever: the server never exits.
    Here the pool is shut down gently instead. Workers still busy after ``grace`` seconds are killed,
    and a reader left waiting mid-message is handed the missing bytes so that it gives up.
    """
    workers = list((getattr(pool, "_processes", None) or {}).values())
    result_queue = getattr(pool, "_result_queue", None)
    started = time.monotonic()
    stopping = threading.Thread(target=pool.shutdown, kwargs={"wait": True, "cancel_futures": True},
                                name="finish worker processes", daemon=True)
    stopping.start()
    stopping.join(grace)
    if not stopping.is_alive():
        log.info("worker processes finished (%.1f s)", time.monotonic() - started)
        return
    log.warning("worker processes still busy after %g s; stopping them", grace)
    for worker in workers:
        worker.kill()
    stopping.join(AFTER_KILL_S)
    if stopping.is_alive() and result_queue is not None:
        _unblock_reader(result_queue._writer.fileno(), stopping)
    if stopping.is_alive():
        log.error("the worker pool did not stop; the server may not exit")


def _unblock_reader(writer_fd: int, stopping: threading.Thread) -> None:
    """Fill the rest of a half-written result with zeros: the reader reads it, fails to unpickle, and gives up."""
    os.set_blocking(writer_fd, False)
    give_up = time.monotonic() + UNBLOCK_S
    zeros = bytes(2**16)
    while stopping.is_alive() and time.monotonic() < give_up:
        try:
            os.write(writer_fd, zeros)
        except BlockingIOError:
            pass
        except OSError:
            return
        stopping.join(0.05)
