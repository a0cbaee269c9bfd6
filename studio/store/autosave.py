"""Autosaver: save a carousel once the user pauses, and every few seconds while changes stream in.

A change is saved ``delay`` seconds after the last change (a pause), or ``max_wait`` seconds after
the first change not saved yet while changes go on, but never sooner than ``every`` seconds after the
previous timed save: ten people typing at once are saved every ``every`` seconds, not at each pause of
each of them. The undo history (up to 100 states: the larger write) goes with a save once changes pause
for ``history_quiet`` seconds, and at least every ``history_every`` seconds while they go on.
``flush`` writes everything pending at once (closing, another project opened, a page closed).
Saving runs on the timer's thread. The clock and the timer are injectable (a test runs time by hand).

Each editor (browser tab) has its own carousel object, and the store writes only the fields that
editor changed since it loaded or last saved the project (see ``Projects.save``), so two tabs on one
project keep each other's work.
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

EPSILON = 1e-6  # a timer may fire a rounding step early: that is due too


@dataclass
class _Pending:
    project_id: str
    editor: Carousel  # the live object the editor changes: identifies the tab
    snapshot: Carousel | None  # None: saved already, only its history waits
    history: History | None
    since: float  # the first change not saved
    history_since: float  # the first change whose history is not saved


class Timer(Protocol):
    def cancel(self) -> None: ...


def thread_timer(wait: float, fire: Callable[[], None]) -> Timer:
    """Call ``fire`` on its own thread in ``wait`` seconds, unless cancelled first."""
    timer = threading.Timer(wait, fire)
    timer.daemon = True
    timer.start()
    return timer


class Autosaver:
    """Coalesced saving of projects (and, less often, their undo histories) to a Store."""

    def __init__(self, store: Store, delay: float = 0.8, max_wait: float = 2.0, every: float = 2.0,
                 history_quiet: float = 3.0, history_every: float = 15.0,
                 on_saved: Callable[[str], None] | None = None,
                 on_error: Callable[[str, Exception], None] | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 start_timer: Callable[[float, Callable[[], None]], Timer] = thread_timer) -> None:
        self.store = store
        self.delay, self.max_wait, self.every = delay, max_wait, every
        self.history_quiet, self.history_every = history_quiet, history_every
        self.clock = clock
        self.start_timer = start_timer
        self.on_saved = on_saved
        self.on_error = on_error
        self.last_error: str | None = None
        self._pending: dict[tuple[str, int], _Pending] = {}
        self._lock = threading.Lock()
        self._save_lock = threading.Lock()
        self._timer: Timer | None = None
        self._timer_due = float("inf")
        self._last_change = -float("inf")
        self._last_save = -float("inf")  # when the last timed save of a project began

    def track(self, project_id: str, carousel: Carousel) -> None:
        """Take ``carousel`` as its editor's saved state (``store.projects.load`` already does this)."""
        self.store.projects.track(project_id, carousel)

    def open(self, project_id: str) -> Carousel:
        """Load a project for an editor (the same as ``store.projects.load``)."""
        return self.store.projects.load(project_id)

    def changed(self, project_id: str, carousel: Carousel, history: History | None = None) -> None:
        """The editor changed ``carousel``: save it (and ``history``) as the class docstring says."""
        key = (project_id, id(carousel))
        snapshot = copy.deepcopy(carousel)  # taken now, on the caller's thread
        history = history.copy() if history is not None else None
        with self._lock:
            now = self.clock()
            old = self._pending.get(key)
            since = old.since if old and old.snapshot is not None else now
            history_since = old.history_since if old and old.history is not None else now
            if history is None and old is not None:
                history = old.history
            self._pending[key] = _Pending(project_id, carousel, snapshot, history, since, history_since)
            self._last_change = now
            self._arm(now)

    @property
    def pending(self) -> bool:
        with self._lock:
            return bool(self._pending)

    def project_waiting(self) -> bool:
        """Whether a project's change waits to be written (undo histories, written seconds later without a
        ``Saved``, do not count)."""
        with self._lock:
            return any(item.snapshot is not None for item in self._pending.values())

    @property
    def saving(self) -> bool:
        """Whether a save is being written now."""
        return self._save_lock.locked()

    def flush(self) -> None:
        """Save everything pending now, histories included."""
        self._save_due(everything=True)

    def flush_soon(self) -> None:
        """``flush`` on the timer's thread, at once (another project opened, a page closed)."""
        with self._lock:
            self._restart(0.0, self.clock(), self.flush)

    def forget(self, project_id: str) -> None:
        """Drop the saves pending for ``project_id`` (it is being removed); a save under way ends first."""
        with self._save_lock, self._lock:
            self._pending = {key: item for key, item in self._pending.items() if item.project_id != project_id}

    def close(self) -> None:
        """Save what is pending and stop."""
        self.flush()

    # -- when -------------------------------------------------------------------------------------

    def _project_due(self, item: _Pending) -> float:
        if item.snapshot is None:
            return float("inf")
        return max(min(self._last_change + self.delay, item.since + self.max_wait), self._last_save + self.every)

    def _history_due(self, item: _Pending) -> float:
        if item.history is None:
            return float("inf")
        return min(self._last_change + self.history_quiet, item.history_since + self.history_every)

    def _arm(self, now: float) -> None:
        """Have the timer fire when the next pending item is due (caller holds ``_lock``).

        A timer due no later is kept: starting one costs a thread, and changes stream in; when it fires
        early it arms itself again."""
        due = min((min(self._project_due(i), self._history_due(i)) for i in self._pending.values()),
                  default=float("inf"))
        if due == float("inf") or (self._timer is not None and self._timer_due <= due + EPSILON):
            return
        self._restart(due, now, self._on_timer)

    def _restart(self, due: float, now: float, fire: Callable[[], None]) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer_due = due
        self._timer = self.start_timer(max(0.0, due - now), fire)

    def _on_timer(self) -> None:
        self._save_due(everything=False)

    # -- saving -----------------------------------------------------------------------------------

    def _save_due(self, everything: bool) -> None:
        """Save what is due (``everything``: all that is pending), then arm the timer for the rest."""
        with self._save_lock:
            with self._lock:
                now = self.clock()
                if self._timer is not None:
                    self._timer.cancel()
                self._timer, self._timer_due = None, float("inf")
                work = []
                for key, item in list(self._pending.items()):
                    project = item.snapshot is not None and (everything or self._project_due(item) <= now + EPSILON)
                    history = item.history is not None and (everything or self._history_due(item) <= now + EPSILON)
                    if not (project or history):
                        continue
                    work.append((item, project, history))
                    if project and not everything:
                        self._last_save = now
                    left = _Pending(item.project_id, item.editor, None if project else item.snapshot,
                                    None if history else item.history, item.since, item.history_since)
                    if left.snapshot is None and left.history is None:
                        del self._pending[key]
                    else:  # the project saved now and its history later, or the other way round
                        self._pending[key] = left
            for item, project, history in work:
                self._save(item, project, history)
            with self._lock:
                self._arm(self.clock())

    def _save(self, item: _Pending, project: bool, history: bool) -> None:
        try:
            if project:
                self.store.projects.save(item.snapshot, item.project_id, editor=item.editor)
            if history:
                self.store.projects.save_history(item.project_id, item.history)
        except (StoreError, OSError) as exc:
            self.last_error = str(exc)
            if self.on_error is not None:
                self.on_error(item.project_id, exc)
            return
        self.last_error = None
        if project and self.on_saved is not None:
            self.on_saved(item.project_id)
