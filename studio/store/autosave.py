"""Autosaver: save a carousel shortly after the user stops changing it.

Each ``changed()`` restarts a short timer; when it fires, every pending project
is saved on the timer's thread. A long burst of changes is still saved at
least every ``max_wait`` seconds. The clock and the timer are injectable (a test runs
time by hand). Each editor (browser tab) has its own
carousel object, and the store writes only the fields that editor changed since
it loaded or last saved the project (see ``Projects.save``), so two tabs on
one project keep each other's work.
"""
from __future__ import annotations

import copy
import threading
import time
from dataclasses import dataclass
from typing import Callable, Protocol

from ..carousel import Carousel
from ..history import History
from .records import StoreError
from .store import Store


@dataclass
class _Pending:
    project_id: str
    editor: Carousel  # the live object the editor changes: identifies the tab
    snapshot: Carousel
    history: History | None
    since: float


class Timer(Protocol):
    def cancel(self) -> None: ...


def thread_timer(wait: float, fire: Callable[[], None]) -> Timer:
    """Call ``fire`` on its own thread in ``wait`` seconds, unless cancelled first."""
    timer = threading.Timer(wait, fire)
    timer.daemon = True
    timer.start()
    return timer


class Autosaver:
    """Debounced saving of projects (and their undo histories) to a Store."""

    def __init__(self, store: Store, delay: float = 0.8, max_wait: float = 5.0,
                 on_saved: Callable[[str], None] | None = None,
                 on_error: Callable[[str, Exception], None] | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 start_timer: Callable[[float, Callable[[], None]], Timer] = thread_timer) -> None:
        self.store = store
        self.delay = delay
        self.max_wait = max_wait
        self.clock = clock
        self.start_timer = start_timer
        self.on_saved = on_saved
        self.on_error = on_error
        self.last_error: str | None = None
        self._pending: dict[tuple[str, int], _Pending] = {}
        self._lock = threading.Lock()
        self._save_lock = threading.Lock()
        self._timer: Timer | None = None

    def track(self, project_id: str, carousel: Carousel) -> None:
        """Take ``carousel`` as its editor's saved state (``store.projects.load`` already does this)."""
        self.store.projects.track(project_id, carousel)

    def open(self, project_id: str) -> Carousel:
        """Load a project for an editor (the same as ``store.projects.load``)."""
        return self.store.projects.load(project_id)

    def changed(self, project_id: str, carousel: Carousel, history: History | None = None) -> None:
        """The editor changed ``carousel``: save it (and ``history``) ≤ ``delay`` s after the last change."""
        key = (project_id, id(carousel))
        snapshot = copy.deepcopy(carousel)  # taken now, on the caller's thread
        history = history.copy() if history is not None else None
        with self._lock:
            old = self._pending.get(key)
            now = self.clock()
            since = old.since if old else now
            self._pending[key] = _Pending(project_id, carousel, snapshot, history, since)
            wait = max(0.0, min(self.delay, since + self.max_wait - now))
            if self._timer is not None:
                self._timer.cancel()
            self._timer = self.start_timer(wait, self.flush)

    @property
    def pending(self) -> bool:
        with self._lock:
            return bool(self._pending)

    def flush(self) -> None:
        """Save everything pending now (also called by the timer)."""
        with self._save_lock:
            with self._lock:
                work, self._pending = list(self._pending.items()), {}
                if self._timer is not None:
                    self._timer.cancel()
                    self._timer = None
            for _, item in work:
                self._save(item)

    def forget(self, project_id: str) -> None:
        """Drop the saves pending for ``project_id`` (it is being removed); a save under way ends first."""
        with self._save_lock, self._lock:
            self._pending = {key: item for key, item in self._pending.items() if item.project_id != project_id}

    def close(self) -> None:
        """Save what is pending and stop."""
        self.flush()

    def _save(self, item: _Pending) -> None:
        try:
            self.store.projects.save(item.snapshot, item.project_id, editor=item.editor)
            if item.history is not None:
                self.store.projects.save_history(item.project_id, item.history)
        except (StoreError, OSError) as exc:
            self.last_error = str(exc)
            if self.on_error is not None:
                self.on_error(item.project_id, exc)
            return
        self.last_error = None
        if self.on_saved is not None:
            self.on_saved(item.project_id)
