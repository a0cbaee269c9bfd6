"""Gallery thumbnails: each drawn once per distinct input, off the event loop, shared by every page.

Ten browsers opening the studio ask for the same theme, layout and pattern tiles. A thumbnail is
keyed by everything it is drawn from (the one-slide carousel it shows), drawn in a worker process
the first time, and kept for every later page (bounded: least recently used thumbnails go first).
The event loop never draws one, so pages and static files keep answering while tiles fill in.
"""
from __future__ import annotations

import asyncio
import copy
import copyreg
import hashlib
import io
import logging
import pickle
from collections import OrderedDict

from nicegui import background_tasks, ui

from studio.carousel import Carousel
from studio.image import Image

from . import engine, slices
from .offload import off_loop
from .svg_view import SvgView, drop_class_now

log = logging.getLogger("carousel_studio")

BUDGET_CHARS = 48 * 2**20  # SVG text kept at most (~48 MB); a tile is ~5–60 KB, a tile with a photo more
# A strip of up to this many pages is drawn in a thread of the server: the page counts have just laid the
# carousel out there, so drawing it takes ~1.5 ms a page, where a worker process lays it out again (~1 s cold).
STRIP_IN_THREAD_PAGES = 40
# Carousels whose strip pages are kept: the one shown and a few before it (undo). Every edit makes a new
# carousel, so without this limit the strips of 600 edits' superseded carousels filled the whole budget.
STRIPS_KEPT = 4
# SVG text sent to a browser in one message: 300 strip thumbnails (~6 MB) in one message held the event loop
# ~0.4 s while it was encoded; in parts of this size the loop serves others between them
SLICE_CHARS = 256 * 1024
PAUSE_S = 0.02  # between the parts: the page's outbox sends each part on its own
DOCUMENTS_KEPT = 16  # documents whose strip drawings are kept (share mode: one per open project)
# Gallery tiles are kept for the slides of this many versions of words (``words_key``), the last used last. A tile
# draws the selected slide, so every pause in typing drew a new set of tiles (theme, layout, pattern ...: ~140 KB of
# SVG) and kept it until the 48 MB budget was full: one tab's server grew ~0.3 MB an edit for 1,000 edits and more.
# Enough for ten people each on their own slide, with their undo, and the swatches (no words).
TILE_WORDS_KEPT = 32
# A slide's strip thumbnail is its whole SVG again (~12 KB), sent to every page showing it. While someone types
# into it, each page is sent it at most every PACE_S seconds, after a first BURST sent at once (an edit and its
# quick correction): ten editors' keystrokes made ~10 a second a page, each a new C-heap string (issue 13).
PACE_S, BURST = 0.5, 2


def _image_by_hash(image: Image) -> tuple:
    """An image pickles as its hash for a key, so photos are not copied to compute one."""
    return _ImageHash, (image.sha256,)


class _ImageHash(str):
    """Stands for an image in a key's pickle (never made: only its name is written)."""


# Only images are pickled differently. A ``persistent_id`` method did the same, but pickle then called back into
# Python for every object of the carousel: a key took twice as long (~90 µs a tile, ~300 µs a whole carousel).
_KEY_TABLE = {**copyreg.dispatch_table, Image: _image_by_hash}


def key(variant: Carousel) -> str:
    """What a thumbnail is drawn from, as a short digest: equal inputs give equal keys."""
    return _digest(variant)


def _digest(value: object) -> str:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _KEY_TABLE
    pickler.dump(value)
    return hashlib.blake2b(buffer.getvalue(), digest_size=20).hexdigest()


def draw(variant: Carousel) -> str:
    """A gallery thumbnail's SVG: the one-slide carousel's first page (runs in a worker process)."""
    return engine.render_slide(variant, 0, scale=1)


def draw_pages(carousel: Carousel) -> list[str]:
    """Every page of a carousel at thumbnail scale, laid out once (runs in a worker process)."""
    return engine.render_slides(carousel, scale=1)


def words_key(variant: Carousel) -> str:
    """What a gallery tile's words are: its slide and the posts it shows, not the looks its gallery varies.

    Every tile of one version of a slide's words shares it, whatever theme, layout or pattern each tile tries."""
    return _digest((variant.slides, variant.thread))


def page_name(carousel_key: str, page: int) -> str:
    """The cache name of one page of a whole carousel (the slide strip's thumbnails)."""
    return f"{carousel_key}:{page}"


class Thumbnails:
    """Drawn thumbnails by name, and the drawings under way (one per name however many pages wait for it)."""

    def __init__(self, budget_chars: int = BUDGET_CHARS) -> None:
        self.budget = budget_chars
        self.size = 0
        self._done: OrderedDict[str, str] = OrderedDict()
        self._pending: dict[str, asyncio.Task] = {}
        self._strips: OrderedDict[str, int] = OrderedDict()  # carousel key -> how many of its pages are kept
        self._words: OrderedDict[str, set[str]] = OrderedDict()  # words_key -> the names of its gallery tiles kept
        self._words_of: dict[str, str] = {}  # a gallery tile's name -> its words_key

    def get(self, name: str) -> str | None:
        """A thumbnail already drawn, or None."""
        svg = self._done.get(name)
        if svg is not None:
            self._done.move_to_end(name)
            words = self._words_of.get(name)
            if words is not None:
                self._words.move_to_end(words)
        return svg

    async def drawn(self, name: str, variant: Carousel) -> str | None:
        """The gallery thumbnail ``name``, drawn off the event loop if it is not kept yet (None: server stopping)."""
        svg = self.get(name)
        if svg is not None:
            return svg
        return await self._once(name, draw, variant, lambda drawn: self.keep_tile(name, words_key(variant), drawn))

    def keep_tile(self, name: str, words: str, svg: str) -> None:
        """Keep a gallery tile drawn from the words ``words``; the tiles of words older than the last
        TILE_WORDS_KEPT go."""
        self._keep(name, svg)
        self._words_of[name] = words
        self._words.setdefault(words, set()).add(name)
        self._words.move_to_end(words)
        while len(self._words) > TILE_WORDS_KEPT:
            _, names = self._words.popitem(last=False)
            for old in names:
                self._forget(old)

    async def pages(self, carousel_key: str, carousel: Carousel, thread: bool = False) -> list[str] | None:
        """Every page of ``carousel`` (whose key is ``carousel_key``), drawn off the event loop in one go
        (``thread``: in a thread of this process, whose layout caches are warm).

        ``carousel`` must be one nobody changes (``frozen``): this runs later, and its drawing later still."""
        return await self._once(f"{carousel_key}:all", draw_pages, carousel,
                                lambda drawn: self.keep_strip(carousel_key, drawn), thread)

    def keep_strip(self, carousel_key: str, drawn: list[str]) -> None:
        """Keep a carousel's pages; the pages of carousels older than the last STRIPS_KEPT go."""
        for page, svg in enumerate(drawn):
            self._keep(page_name(carousel_key, page), svg)
        self._strips[carousel_key] = max(len(drawn), self._strips.get(carousel_key, 0))
        self._strips.move_to_end(carousel_key)
        while len(self._strips) > STRIPS_KEPT:
            old, pages = self._strips.popitem(last=False)
            for page in range(pages):
                self._forget(page_name(old, page))

    async def _once(self, name: str, work, argument, keep, thread: bool = False):
        """Run ``work(argument)`` off the loop once for every caller waiting on ``name``; ``keep`` its result."""
        task = self._pending.get(name)
        if task is None:
            task = self._pending[name] = asyncio.get_running_loop().create_task(
                self._run(name, work, argument, keep, thread))
        return await asyncio.shield(task)  # a page that goes away does not cancel the drawing for the others

    async def _run(self, name: str, work, argument, keep, thread: bool = False):
        try:
            result = await off_loop(work, argument, thread=thread)
        finally:
            self._pending.pop(name, None)
        if result is not None:
            keep(result)
        return result

    def _keep(self, name: str, svg: str) -> None:
        replaced = self._done.pop(name, None)
        self.size += len(svg) - (len(replaced) if replaced is not None else 0)
        self._done[name] = svg
        while self.size > self.budget and len(self._done) > 1:
            self._forget(next(iter(self._done)))

    def _forget(self, name: str) -> None:
        svg = self._done.pop(name, None)
        if svg is not None:
            self.size -= len(svg)
        words = self._words_of.pop(name, None)
        if words is not None and words in self._words:
            self._words[words].discard(name)

    def clear(self) -> None:
        self._done.clear()
        self._strips.clear()
        self._words.clear()
        self._words_of.clear()
        self.size = 0


LOADING = "cs-tile-loading"  # the placeholder look of a thumbnail still being drawn


def show(svg: SvgView, name: str, drawn: str | None, marked: ui.element | None = None) -> None:
    """Put a drawn thumbnail in its view, unless the view has since been asked for another one.

    ``marked``: the element that wears the LOADING look (default: the view itself)."""
    if drawn is not None and svg.thumbnail == name and not svg.is_deleted:
        svg.show_now(drawn)  # (neither is an element update: each made Vue render the whole page, one per tile)
        drop_class_now(marked or svg, LOADING)


def show_pages(svgs: list[SvgView], carousel: Carousel, starts: list[int]) -> None:
    """The slide strip: each view shows its slide's first page; pages not drawn yet are drawn off the loop."""
    carousel_key = key(carousel)
    missing, ready = [], []
    for svg, start in zip(svgs, starts):
        name = svg.thumbnail = page_name(carousel_key, start)
        drawn = THUMBNAILS.get(name)
        if drawn is None:
            svg.classes(add=LOADING)
            missing.append((svg, name, start))
        else:
            ready.append((svg, name, drawn))
    first, *rest = in_parts(ready) or [[]]
    for shown in first:  # a usual strip: all of it, now
        show(*shown)
    if rest:
        background_tasks.create(_show_parts(rest), name="slide strip thumbnails in parts")
    if missing:
        thread = starts[-1] < STRIP_IN_THREAD_PAGES if starts else True
        background_tasks.create(_fill_pages(missing, carousel_key, frozen(carousel), thread),
                                name="slide strip thumbnails")


def draw_ahead(carousel: Carousel) -> None:
    """Draw the strip's pages of a carousel about to be shown (in a thread), so it shows with its first slide."""
    carousel_key = key(carousel)
    background_tasks.create(THUMBNAILS.pages(carousel_key, frozen(carousel), thread=True),
                            name="slide strip drawn ahead")


def frozen(carousel: Carousel) -> Carousel:
    """A copy of ``carousel`` to draw the pages of its key from, taken where the key is taken.

    The live carousel changes before its pages are drawn: the next Alt+Right moves a slide in place, even before
    the drawing task's first step (two presses read in one go are two tasks queued together), or while a thread
    draws it or a worker pool's feeder thread pickles it. Its pages then were another order's (or mixed two),
    kept under this key for good (a slide twice, another missing). Photo bytes are shared, not copied (0.46 ms
    for a carousel of 11 slides with 10 photos, review s18)."""
    return copy.deepcopy(carousel)


async def _fill_pages(missing: list[tuple[SvgView, str, int]], carousel_key: str, carousel: Carousel,
                      thread: bool) -> None:
    try:
        drawn = await THUMBNAILS.pages(carousel_key, carousel, thread)
    except Exception:  # noqa: BLE001 - a thumbnail that cannot be drawn stays blank; the studio goes on
        log.exception("could not draw the slide strip's thumbnails")
        return
    await _show_parts(in_parts([(svg, name, drawn[start] if drawn is not None and start < len(drawn) else None)
                                for svg, name, start in missing]))


def in_parts(shown: list[tuple[SvgView, str, str | None]]) -> list[list[tuple[SvgView, str, str | None]]]:
    """Thumbnails to show, in order: the first ``slices.AT_ONCE`` together (a usual strip, whole), the rest in
    parts of at most SLICE_CHARS of SVG (a bigger thumbnail alone)."""
    parts = [shown[:slices.AT_ONCE]] if shown else []
    part: list[tuple[SvgView, str, str | None]] = []
    chars = 0
    for item in shown[slices.AT_ONCE:]:
        size = len(item[2] or "")
        if part and chars + size > SLICE_CHARS:
            parts.append(part)
            part, chars = [], 0
        part.append(item)
        chars += size
    return parts + [part] if part else parts


async def _show_parts(parts: list[list[tuple[SvgView, str, str | None]]]) -> None:
    """Each part in its own message to the browser, the event loop free between them."""
    for number, part in enumerate(parts):
        if number:
            await asyncio.sleep(PAUSE_S)
        for shown in part:
            show(*shown)


class PageCounts:
    """Pages per slide of the last few carousels: ten pages open on one carousel lay it out once, not ten times."""

    def __init__(self, size: int = 8) -> None:
        self.size = size
        self._counts: OrderedDict[str, list[int]] = OrderedDict()

    def __call__(self, carousel: Carousel, carousel_key: str | None = None) -> list[int]:
        name = carousel_key or key(carousel)
        counts = self._counts.get(name)
        if counts is None:
            counts = self._counts[name] = engine.pages_per_slide(carousel)
            while len(self._counts) > self.size:
                self._counts.popitem(last=False)
        self._counts.move_to_end(name)
        return list(counts)

    def clear(self) -> None:
        self._counts.clear()

    def known(self, carousel: Carousel) -> bool:
        """Whether ``carousel``'s pages are counted already (asking for them then costs no layout)."""
        return key(carousel) in self._counts

    def keep(self, carousel: Carousel, counts: list[int]) -> None:
        """Keep counts made elsewhere (off the event loop)."""
        self._counts[key(carousel)] = list(counts)
        while len(self._counts) > self.size:
            self._counts.popitem(last=False)


class StripPages:
    """A slide's strip thumbnail after an edit, drawn once for every page showing it.

    Ten pages redrawing the slide someone typed into each drew the same SVG again. A drawing is kept with the
    version of its slide's words (``changed``, told by the server as each change is relayed, before any page
    hears of it): a page drawing the same slide at the same version, page number and total takes it. Any
    change other than words (order, looks, photo, another carousel) makes every slide's version new."""

    def __init__(self) -> None:
        self._count = 0
        self._versions: dict[int, tuple[object, int, dict[int, int]]] = {}  # id(doc) -> (doc, looks, slide words)
        self._drawn: dict[tuple[int, int], tuple[tuple[int, int, int], str]] = {}  # (id(doc), slide) -> drawing

    def changed(self, document: object, words_of: int | None) -> None:
        """``document`` changed: the words of slide ``words_of`` only, or (None) anything else."""
        self._count += 1
        _, looks, words = self._versions.get(id(document), (document, 0, {}))
        if words_of is None:
            looks, words = self._count, {}
            self._drawn = {k: v for k, v in self._drawn.items() if k[0] != id(document)}
        else:
            words[words_of] = self._count
        self._versions.pop(id(document), None)
        self._versions[id(document)] = (document, looks, words)  # the last changed last
        if len(self._versions) > DOCUMENTS_KEPT:  # share mode: a project nobody edits any more
            dropped = next(iter(self._versions))
            del self._versions[dropped]
            self._drawn = {k: v for k, v in self._drawn.items() if k[0] != dropped}

    def svg(self, document: object, carousel: Carousel, index: int, number: int, total: int) -> str:
        """Slide ``index``'s first page as the strip shows it (page ``number`` of ``total``)."""
        known = self._versions.get(id(document))
        if known is None or known[0] is not document:
            return engine.render_slide_page(carousel, index, 0, number, total, scale=1)
        version = (max(known[1], known[2].get(index, 0)), number, total)
        kept = self._drawn.get((id(document), index))
        if kept is not None and kept[0] == version:
            return kept[1]
        svg = engine.render_slide_page(carousel, index, 0, number, total, scale=1)
        self._drawn[(id(document), index)] = (version, svg)
        return svg

    def clear(self) -> None:
        self._versions.clear()
        self._drawn.clear()


class Pace:
    """When each slide's strip thumbnail may be sent to one page again: ``burst`` at once, then one every ``every``
    seconds while changes go on (a slide's last state is sent when its turn comes: the caller keeps it waiting)."""

    def __init__(self, every: float = PACE_S, burst: int = BURST) -> None:
        self.every, self.burst = every, burst
        self._free: dict[int, float] = {}  # slide -> when its allowance is whole again (only slides sent lately)
        self.timer = None  # the caller's timer for the slides held back, while one is pending

    def take(self, slides, now: float) -> tuple[list[int], float | None]:
        """Of ``slides``, those that may be sent now (counted as sent), and the seconds until the first of the others
        may be (None: none held back)."""
        self._free = {slide: free for slide, free in self._free.items() if free > now}
        sent, wait = [], None
        for slide in slides:
            free = max(self._free.get(slide, now), now)
            early = free - now - (self.burst - 1) * self.every
            if early > 1e-9:
                wait = early if wait is None else min(wait, early)
                continue
            self._free[slide] = free + self.every
            sent.append(slide)
        return sent, wait


THUMBNAILS = Thumbnails()  # one per server process: every page shares it
STRIP_PAGES = StripPages()
PAGE_COUNTS = PageCounts()
