"""Gallery thumbnails: each drawn once per distinct input, off the event loop, shared by every page.

Ten browsers opening the studio ask for the same theme, layout and pattern tiles. A thumbnail is
keyed by everything it is drawn from (the one-slide carousel it shows), drawn in a worker process
the first time, and kept for every later page (bounded: least recently used thumbnails go first).
The event loop never draws one, so pages and static files keep answering while tiles fill in.
"""
from __future__ import annotations

import asyncio
import hashlib
import io
import logging
import pickle
from collections import OrderedDict

from nicegui import run

from studio.carousel import Carousel
from studio.image import Image

from . import engine

log = logging.getLogger("carousel_studio")

BUDGET_CHARS = 48 * 2**20  # SVG text kept at most (~48 MB); a tile is ~5–60 KB, a tile with a photo more


class _KeyPickler(pickle.Pickler):
    """Pickles a carousel for its key: an image counts by its hash, so photos are not copied to compute it."""

    def persistent_id(self, obj: object) -> str | None:
        return f"img:{obj.sha256}" if isinstance(obj, Image) else None


def key(variant: Carousel) -> str:
    """What a thumbnail is drawn from, as a short digest: equal inputs give equal keys."""
    buffer = io.BytesIO()
    _KeyPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(variant)
    return hashlib.blake2b(buffer.getvalue(), digest_size=20).hexdigest()


def draw(variant: Carousel) -> str:
    """The thumbnail's SVG (runs in a worker process)."""
    return engine.render_slide(variant, 0, scale=1)


class Thumbnails:
    """Drawn thumbnails by key, and the drawings under way (one per key however many pages wait for it)."""

    def __init__(self, budget_chars: int = BUDGET_CHARS) -> None:
        self.budget = budget_chars
        self.size = 0
        self._done: OrderedDict[str, str] = OrderedDict()
        self._pending: dict[str, asyncio.Task[str | None]] = {}

    def get(self, name: str) -> str | None:
        """A thumbnail already drawn, or None."""
        svg = self._done.get(name)
        if svg is not None:
            self._done.move_to_end(name)
        return svg

    async def drawn(self, name: str, variant: Carousel) -> str | None:
        """The thumbnail for ``name``, drawn off the event loop if it is not kept yet (None: server stopping)."""
        svg = self.get(name)
        if svg is not None:
            return svg
        task = self._pending.get(name)
        if task is None:
            task = self._pending[name] = asyncio.get_running_loop().create_task(self._draw(name, variant))
        return await asyncio.shield(task)  # a page that goes away does not cancel the drawing for the others

    async def _draw(self, name: str, variant: Carousel) -> str | None:
        try:
            offload = run.cpu_bound if run.process_pool is not None else run.io_bound
            svg = await offload(draw, variant)
        finally:
            self._pending.pop(name, None)
        if svg is not None:
            self._keep(name, svg)
        return svg

    def _keep(self, name: str, svg: str) -> None:
        self._done[name] = svg
        self.size += len(svg)
        while self.size > self.budget and len(self._done) > 1:
            _, old = self._done.popitem(last=False)
            self.size -= len(old)

    def clear(self) -> None:
        self._done.clear()
        self.size = 0


THUMBNAILS = Thumbnails()  # one per server process: every page shares it
