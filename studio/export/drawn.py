"""Pages already drawn, by their SVG: a page unchanged since the last export is not drawn again.

The renderer is a pure function (same carousel, same SVG bytes), so the SVG of a
page, with the output format and size, names its drawing exactly. The studio keeps
one ``DrawnPages`` for its process; the CLI and the benchmarks pass none and draw
every page.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict


class DrawnPages:
    """Encoded drawings (PNG, JPEG or a whole PDF) by key, newest kept, at most ``max_bytes`` in all."""

    def __init__(self, max_bytes: int = 128 * 2**20) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()  # the studio exports from a worker thread

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

    def put(self, key: str, data: bytes) -> None:
        with self._lock:
            if key in self._items or len(data) > self.max_bytes:
                return
            self._items[key] = data
            self._bytes += len(data)
            while self._bytes > self.max_bytes:
                _, old = self._items.popitem(last=False)
                self._bytes -= len(old)

    def __len__(self) -> int:
        return len(self._items)
