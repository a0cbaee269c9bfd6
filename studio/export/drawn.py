"""Pages already drawn, by their SVG: a page unchanged since the last export is not drawn again.

The renderer is a pure function (same carousel, same SVG bytes), so the SVG of a
page, with the output format and size, names its drawing exactly. The studio keeps
one ``DrawnPages`` for its process; the CLI and the benchmarks pass none and draw
every page. A drawing under way in a worker is kept too (``expect``), so an export
clicked while the studio draws ahead waits for that drawing instead of starting another.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from concurrent.futures import CancelledError, Future


class DrawnPages:
    """Encoded drawings (PNG, JPEG or a whole PDF) by key, newest kept, at most ``max_bytes`` in all."""

    def __init__(self, max_bytes: int = 128 * 2**20) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._bytes = 0
        self._pending: dict[str, Future] = {}  # drawings under way, by key
        self._lock = threading.RLock()  # the studio exports from threads; drawings land from the pool's thread

    @staticmethod
    def key(svgs: str | list[str], *options: object) -> str:
        """The key of one page's SVG (or several pages') drawn with ``options`` (format, size…)."""
        digest = hashlib.sha256(repr(options).encode("utf-8"))
        for svg in [svgs] if isinstance(svgs, str) else svgs:
            digest.update(b"\0" + svg.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            data = self._items.get(key)
            if data is not None:
                self._items.move_to_end(key)
            return data

    def lookup(self, key: str) -> bytes | Future | None:
        """The drawing of ``key``: its bytes, the Future of a drawing under way, or None."""
        with self._lock:
            return self.get(key) or self._pending.get(key)

    def expect(self, key: str, drawing: Future) -> None:
        """Keep what ``drawing`` (a Future of bytes) returns under ``key``; ``lookup`` gives it until then."""
        with self._lock:
            self._pending[key] = drawing
        drawing.add_done_callback(lambda done: self._landed(key, done))

    def _landed(self, key: str, drawing: Future) -> None:
        with self._lock:
            if self._pending.get(key) is drawing:
                del self._pending[key]
            if not drawing.cancelled() and drawing.exception() is None:
                self.put(key, drawing.result())

    def put(self, key: str, data: bytes) -> None:
        with self._lock:
            if key in self._items or len(data) > self.max_bytes:
                return
            self._items[key] = data
            self._bytes += len(data)
            while self._bytes > self.max_bytes:
                _, old = self._items.popitem(last=False)
                self._bytes -= len(old)

    def forget(self) -> None:
        """Drop every kept drawing (drawings under way still land)."""
        with self._lock:
            self._items.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._items)


def outcome(job: bytes | Future | None) -> bytes | None:
    """The bytes of a drawing, waiting for one under way; None when it was cancelled (draw it again).

    A worker's ExportError is raised here, as if the page were drawn in this process."""
    if not isinstance(job, Future):
        return job
    try:
        return job.result()
    except CancelledError:
        return None
