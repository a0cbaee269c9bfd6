"""An export followed while it is written: the studio's download sends the file as it grows.

The export (in one thread, its pages possibly written by a worker process) tells an ``ExportStream``
which temporary file it writes (``begin``), when more of it is on disk (``flushed``), and that the file is
whole and in its place (``finish``) or that the export failed (``fail``). ``chunks`` (another thread) yields the
file's bytes as they come and raises ``ExportFailed`` when the export fails, so a reader never takes a
half-written file for a whole one. Bytes once written never change: the writers only append.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .report import ExportError

CHUNK = 1 << 20  # bytes read at a time
POLL = 0.05  # seconds: a worker process writing the file does not call ``flushed``, so the reader looks again


class ExportFailed(ExportError):
    """The export being followed failed: what was sent of it must not be kept."""


class ExportStream:
    """One export's progress as a file on disk, for one or more readers in other threads."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.path: Path | None = None  # the file being written (the temporary one, until ``finish``)
        self.done = False  # every byte is written, and ``path`` is the file's place for good
        self.error: str | None = None  # the export failed, and why

    # --- the writer's side ---------------------------------------------------------------

    def begin(self, path: Path) -> None:
        """The export now writes ``path`` (from its first byte: it is empty or new)."""
        self._set(path=Path(path))

    def flushed(self) -> None:
        """More bytes of the file are on disk."""
        self._set()

    def finish(self, path: Path) -> None:
        """The export succeeded; its file is now ``path``."""
        self._set(path=Path(path), done=True)

    def fail(self, message: str) -> None:
        """The export failed (or its bytes written so far are no longer the file's): readers stop with an error.
        Does nothing once finished."""
        with self._changed:
            if not self.done and self.error is None:
                self.error = message or "the export failed"
            self._changed.notify_all()

    def _set(self, **state) -> None:
        with self._changed:
            if self.error is None:
                for name, value in state.items():
                    setattr(self, name, value)
            self._changed.notify_all()

    # --- the reader's side ----------------------------------------------------------------

    @property
    def ended(self) -> bool:
        return self.done or self.error is not None

    def wait_begun(self, timeout: float | None = None) -> bool:
        """Wait until the export writes its file or fails (False: ``timeout`` passed first). Raises ExportFailed."""
        with self._changed:
            self._changed.wait_for(lambda: self.path is not None or self.error is not None, timeout)
            self._raise_if_failed()
            return self.path is not None

    def chunks(self, size: int = CHUNK) -> Iterator[bytes]:
        """The file's bytes in order as they are written; raises ExportFailed if the export fails meanwhile."""
        self.wait_begun()
        with self._open() as file:
            while True:
                data = file.read(size)
                if data:
                    yield data
                    continue
                with self._changed:
                    self._raise_if_failed()
                    done = self.done
                    if not done:
                        self._changed.wait(POLL)
                if done:  # the last bytes may have come between the read above and ``finish``
                    yield from iter(lambda: file.read(size), b"")
                    return

    def _open(self) -> BinaryIO:
        """The file being written; if the export has already moved it into place, the file there
        (FileNotFoundError: gone since, e.g. pruned)."""
        try:
            return open(self.path, "rb")
        except FileNotFoundError:
            with self._changed:  # moved into place (``finish`` names it) or removed (the export failed)
                self._changed.wait_for(lambda: self.error is not None or self.done)
                self._raise_if_failed()
            return open(self.path, "rb")

    def _raise_if_failed(self) -> None:
        if self.error is not None:
            raise ExportFailed(self.error)
