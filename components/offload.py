"""Work that would hold up every browser runs off the event loop: in a worker process when the server has one.

A worker process shares no interpreter lock with the server, so pages and static files keep answering
while it parses a megabyte of text or lays out hundreds of slides. Without a process pool (tests) the
work runs in a thread. ``None`` comes back when the server is stopping.
"""
from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any, TypeVar

from nicegui import run

T = TypeVar("T")


async def off_loop(work: Callable[..., T], *args: Any, thread: bool = False) -> T | None:
    """``work(*args)`` in a worker process (it and its arguments must pickle), else (or with ``thread``) in a thread.

    A thread shares this process's caches (a layout the studio just made); a process shares no interpreter
    lock. Its exception is raised here as it was raised there (a SourceError keeps its message for the creator).
    """
    offload = run.cpu_bound if run.process_pool is not None and not thread else run.io_bound
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
