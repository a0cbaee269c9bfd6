"""Crash-safe JSON files and the TinyDB storage built on them.

A file is never rewritten in place (``studio.atomic``): a process killed at any
moment leaves either the old or the new file, never a mix. The same bytes are then
written, the same way, to ``<name>.bak``: the last good state, to recover from if
the main file is ever damaged.

``AtomicJSONStorage`` adds one writer at a time across threads (an RLock) and
processes (a ``filelock`` lock file) and transactions: inside ``transaction()``
every TinyDB write only updates memory and the file is written once at the end,
or not at all if the block raises.
"""
from __future__ import annotations

import json
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from filelock import FileLock, Timeout
from tinydb.storages import Storage

from ..atomic import atomic_write
from ..limits import LimitError, parse_json

LOCK_TIMEOUT = 15.0  # seconds to wait for another process's write before giving up


class StorageError(ValueError):
    """The storage cannot do what was asked; the message is meant for the user."""


class CorruptFile(StorageError):
    """A file that exists but does not hold what it should (truncated, hand-edited...)."""


def dumps_compact(data: Any) -> bytes:
    """Compact UTF-8 JSON (no spaces, non-ASCII kept as is).

    A text UTF-8 cannot carry (a lone surrogate that slipped past the doors)
    loses just that character: one bad value must never stop saving.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        from ..sources.cleanup import safe_fields
        return dumps_compact(safe_fields(data)[0])


def remove_stale_temp_files(folder: Path, name: str, older_than: float = 0.0) -> int:
    """Delete temp files of ``name`` (a glob) left by killed writers.

    Call while holding the lock, or pass ``older_than`` seconds for files written without it.
    """
    count = 0
    limit = time.time() - older_than
    for leftover in folder.glob(f".{name}.tmp-*"):
        try:
            if older_than and leftover.stat().st_mtime > limit:
                continue
            leftover.unlink()
            count += 1
        except OSError:
            pass
    return count


def parse_tables(raw: bytes, what: str = "the file") -> dict[str, dict[str, Any]]:
    """Parse a TinyDB file: an object of tables, each an object of documents."""
    if not raw.strip():
        raise CorruptFile(f"{what} is empty")
    try:
        data = parse_json(raw, what)
    except LimitError as exc:  # syntax, huge integers, deep nesting: all damage
        raise CorruptFile(str(exc)) from None
    if not isinstance(data, dict):
        raise CorruptFile(f"{what} does not hold tables (expected a JSON object)")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise CorruptFile(f"{what}: table {name!r} is not an object of records")
    return data


class AtomicJSONStorage(Storage):
    """TinyDB storage: compact JSON, atomic writes with a ``.bak``, a cross-process lock.

    The parsed data is cached; at the start of each transaction the file is read
    and compared byte for byte with what this process last saw, so a write by
    another process is always picked up.
    """

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = False,
                 lock_timeout: float = LOCK_TIMEOUT) -> None:
        super().__init__()
        self.path = Path(path)
        self.read_only = read_only
        self.read_only_reason = ""
        self._thread_lock = threading.RLock()
        self._file_lock = FileLock(str(self.path) + ".lock", timeout=lock_timeout, thread_local=False)
        self._depth = 0
        self._raw: bytes | None = None  # file bytes the cache was parsed from (None: no file)
        self._data: dict[str, dict[str, Any]] | None = None
        self._fresh = False  # cache checked against the file inside the current transaction
        self._dirty = False

    # -- locking and transactions -------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock; TinyDB writes inside are saved once at the end, or dropped on error."""
        with self._thread_lock:
            if self._depth == 0:
                try:
                    self._file_lock.acquire()
                except Timeout:
                    raise StorageError(f"{self.path.parent} is busy: another Carousel Studio has been "
                                       f"writing for {self._file_lock.timeout:.0f} s. Try again.") from None
            self._depth += 1
            try:
                yield
                if self._depth == 1 and self._dirty:
                    self._flush()
            except BaseException:
                if self._depth == 1:
                    self._forget()
                raise
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._fresh = False
                    self._dirty = False
                    self._file_lock.release()

    def _forget(self) -> None:
        self._raw = self._data = None
        self._dirty = self._fresh = False

    # -- TinyDB's Storage interface ------------------------------------------------------------
    def read(self) -> dict[str, dict[str, Any]]:
        with self.transaction():
            if self._fresh and self._data is not None:
                return self._data
            try:
                raw: bytes | None = self.path.read_bytes()
            except FileNotFoundError:
                raw = None
            if raw != self._raw or self._data is None:
                # Every write puts content in the file, so an empty file is damage, not a new database.
                self._data = parse_tables(raw, self.path.name) if raw is not None else {}
                self._raw = raw
            self._fresh = True
            return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        with self.transaction():
            if self.read_only:
                self._forget()
                raise StorageError(self.read_only_reason or f"{self.path.name} is open read-only.")
            self._data = data
            self._dirty = True

    def close(self) -> None:
        """Nothing stays open between transactions."""

    def _flush(self) -> None:
        assert self._data is not None
        raw = dumps_compact(self._data)
        atomic_write(self.path, raw, keep_backup=True)
        self._raw = raw
        self._dirty = False
