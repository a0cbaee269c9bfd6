"""One browser tab: its ``Person`` (selection, identity), overlays, and failures turned into notices.

One ``View`` exists per open browser tab. The shared document and every action live in
the application (``studio.app``); everything here is about what *this* person is looking at.
"""
from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from nicegui import Client, ui

from studio.app import (Changed, Document, EditError, OrderChanged, Person, ProjectSwitched, SlideChanged, Studio,
                        renames_only)
from studio.export import ExportError
from studio.image import ImageError
from studio.schema import SchemaError
from studio.sources import SourceError
from studio.store import StoreError
from studio.store.storage import StorageError
from studio.carousel import Carousel
from studio.structure import PHOTO_LAYOUT

from . import engine
from .slide_moves import SlideNames
from .svg_view import page_call
from .thumbnails import PAGE_COUNTS

if TYPE_CHECKING:
    from .app import Server

log = logging.getLogger("carousel_studio")

# Failures caused by what the creator did or chose; their message says what to change.
CREATOR_ERRORS: tuple[type[Exception], ...] = (EditError, ImageError, SchemaError, SourceError, StoreError,
                                               StorageError, ExportError)


def creator_message(exc: BaseException) -> str:
    """The message of a creator-caused failure as a sentence: a first plain word gets its capital, a first word
    that is a name the creator gave (``sample-archive.zip``, ``@handle``) stays as they wrote it."""
    text = str(exc).strip() or type(exc).__name__
    first = text.split(maxsplit=1)[0]
    return text[:1].upper() + text[1:] if first.isalpha() and first.islower() else text


def notify_failure(exc: BaseException, doing: str = "", client: Client | None = None,
                   expected: tuple[type[BaseException], ...] = ()) -> None:
    """Show a failure in words a creator understands; unexpected ones are logged with a traceback.

    ``expected`` adds exception types the caller knows come from the creator's input (e.g. the
    ValueError of a name check); everything else not in CREATOR_ERRORS is treated as a bug.
    """
    if isinstance(exc, CREATOR_ERRORS + expected):
        message = creator_message(exc)
    else:
        log.exception("unexpected failure%s", f" while {doing}" if doing else "", exc_info=exc)
        message = (f"Something went wrong while {doing}. " if doing else "Something went wrong. ") + \
            "Your work is safe; please try again."
    notify(message, client, type="negative", multi_line=True, close_button=True)


# Where notices show: at the right between the drawers, under the slide's bar on a narrow window, above the strip on a
# wide one (assets/studio.css): over the slide or the empty stage. At the very top they covered the Source panel's
# tabs and the top bar; above the strip on a narrow window, the slide editor's text boxes.
NOTICES = "top-right"


def notify(message: str, client: Client | None = None, **options: Any) -> None:
    """``ui.notify`` through ``client`` when given: the element that was clicked may have been redrawn
    (and deleted) by the edit it started, and a notice sent from its slot would be lost."""
    options["position"] = NOTICES
    if client is None:
        ui.notify(message, **options)
        return
    with client:
        ui.notify(message, **options)


PREVIEW_SCALE = 1  # the slide editor's preview embeds photos at their design size (a page's count is the same at any)


class View:
    """What one browser tab is looking at; selection listeners redraw the panels that follow it."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.studio: Studio = server.desks.person() if server.desks else server.studio  # shared: their project
        self.client = ui.context.client  # outlives every element of the page (notices go through it)
        self.person = Person()  # also the origin of this tab's edits, so echoes do not reset its inputs
        self.safe_zone = False
        self._counts: list[int] | None = None
        self._recount: set[int] = set()  # slides typed into since the pages were counted
        self._laid: engine.SlideLayout | None = None  # the last slide recounted, until the next change
        self._on_select: list[Callable[[], Any]] = []
        self.slide_names = SlideNames()  # what the strip's thumbnails and this selection know a slide by
        self._on_slide = self.slide_name(self.selected)  # the selected slide, followed when slides move (``follow``)

    @property
    def selected(self) -> int:
        return self.person.slide

    @property
    def page(self) -> int:
        return self.person.page

    @property
    def document(self) -> Document:
        return self.studio.document

    @property
    def carousel(self) -> Carousel:
        return self.studio.document.carousel

    # -- pages ----------------------------------------------------------------------------------

    def counts(self) -> list[int]:
        """Pages per slide, computed once per change (after typing: only the slides typed into)."""
        carousel = self.carousel
        if self._counts is None or len(self._counts) != len(carousel.slides):
            self._counts = PAGE_COUNTS(carousel)  # shared: one layout per carousel for every page
            self._recount.clear()
        for index in sorted(self._recount):  # laid out as the preview draws it, which then draws from this layout
            self._laid = engine.lay_out_slide(carousel, index, scale=PREVIEW_SCALE)
            self._counts[index] = self._laid.pages
        self._recount.clear()
        return self._counts

    def laid_out(self, index: int) -> engine.SlideLayout:
        """Slide ``index`` laid out for the preview: the layout its recount after a keystroke made (the context and
        the layout's cache key made once, not again to draw it), unless anything changed since."""
        laid = self._laid
        if laid is None or laid.slide_index != index or laid.carousel is not self.carousel:
            laid = engine.lay_out_slide(self.carousel, index, scale=PREVIEW_SCALE)
        return laid

    def forget_layout(self, change: Changed | None = None) -> None:
        """The pages must be counted again: those of the slide whose words changed, or of every slide."""
        if renames_only(change):
            return
        self._laid = None
        if isinstance(change, SlideChanged) and change.text_only and self._counts is not None \
                and change.slide < len(self._counts):
            self._recount.add(change.slide)
        else:
            self._counts = None

    def page_index(self, slide: int | None = None, page: int = 0) -> int:
        """Index of a page in the whole carousel (what the renderer takes)."""
        slide = self.selected if slide is None else slide
        return engine.first_pages(self.counts())[slide] + page

    # -- selection ------------------------------------------------------------------------------

    def on_select(self, callback: Callable[[], Any]) -> None:
        self._on_select.append(callback)

    def select(self, index: int, page: int = 0) -> None:
        index = max(0, min(index, len(self.carousel.slides) - 1))
        page = max(0, min(page, self.counts()[index] - 1)) if self.carousel.slides else 0
        self._on_slide = self.slide_name(index)
        if (index, page) == (self.selected, self.page):
            return
        self.person.slide, self.person.page = index, page
        for callback in self._on_select:
            callback()

    def clamp(self) -> None:
        """Keep the selection valid after slides were removed (by anyone)."""
        self.person.clamp(self.counts())

    def follow(self, change: Changed) -> None:
        """Someone else added, removed or moved slides, or anyone undid or redid: the selection stays on the slide it
        was on, wherever that is now (it stayed at its number, which showed another slide); then that slide is noted."""
        moved = isinstance(change, OrderChanged) and change.origin is not self.person
        if moved or (isinstance(change, ProjectSwitched) and not change.opened):
            where = self.slide_names.find(self.slide_keys(), self._on_slide)
            if where is not None and where != self.selected:
                self.select(where)
        if not (isinstance(change, SlideChanged) and change.text_only):
            self._on_slide = self.slide_name(self.selected)

    def slide_keys(self) -> list:
        """What tells this person's slides apart, in order: their ids in share mode (each person's carousel is read
        anew from the merged document), else the slides themselves (moved in place; a new object after undo or
        redo takes the name of the equal slide it replaced: ``SlideNames.carry``)."""
        ids = getattr(self.document, "slide_ids", None)
        if ids is not None:
            return ids(self.person)
        keys = list(self.carousel.slides)
        self.slide_names.carry(keys)
        return keys

    def slide_name(self, index: int) -> str | None:
        """The name of the slide at ``index``, which stays with it while slides are added, removed or moved
        (None: no slide there)."""
        keys = self.slide_keys()
        return self.slide_names.name(keys[index]) if 0 <= index < len(keys) else None

    def slide_index(self, name: str | None) -> int | None:
        """Where the slide named ``name`` (``slide_name``) is now; None when it is gone."""
        return self.slide_names.find(self.slide_keys(), name)

    def step(self, delta: int) -> None:
        """Next/previous page, crossing into the neighbouring slide."""
        counts = self.counts()
        if self.selected >= len(counts):  # slides went before this page heard of it (components/relay.py)
            self.select(self.selected)  # (clamped to the last slide)
            return
        pages = counts[self.selected]
        if 0 <= self.page + delta < pages:
            self.select(self.selected, self.page + delta)
        elif delta > 0 and self.selected + 1 < len(self.carousel.slides):
            self.select(self.selected + 1, 0)
        elif delta < 0 and self.selected > 0:
            self.select(self.selected - 1, self.counts()[self.selected - 1] - 1)

    def notify(self, message: str, **options: Any) -> None:
        """A notice on this tab, safe to call after the clicked element was redrawn."""
        notify(message, self.client, **options)

    def fail(self, exc: BaseException, doing: str = "",
             expected: tuple[type[BaseException], ...] = ()) -> None:
        """A failure notice on this tab (see ``notify_failure``)."""
        notify_failure(exc, doing, self.client, expected)

    # -- edits ------------------------------------------------------------------------------------

    def attempt(self, action: Callable[..., Any], *args: Any, doing: str = "",
                expected: tuple[type[BaseException], ...] = (), **kwargs: Any) -> Any:
        """Run an action of the application; returns its result (True when it returns nothing), or None after a failure.

        A failure becomes a notification in the creator's words; nothing they typed is lost.
        """
        try:
            result = action(*args, **kwargs)
            return True if result is None else result
        except Exception as exc:  # noqa: BLE001 - every failure must reach the creator, not a traceback
            self.fail(exc, doing, expected)
            return None


def tell_photo_layout(view: View, index: int, switched: bool | None) -> None:
    """Say so when a photo made its slide switch to Image focus (``Document.set_slide_image``)."""
    if switched is True:
        label = engine.LAYOUTS[PHOTO_LAYOUT].label
        view.notify(f"Slide {index + 1} now uses the “{label}” layout so the photo shows "
                    "(change it under “Layout for this slide”).")


def run_unless_closed(action: Callable[[], Any]) -> None:
    """Run a delayed redraw; the browser tab may have closed since it was scheduled."""
    try:
        action()
    except RuntimeError as exc:
        if "deleted" not in str(exc):
            raise
        log.debug("skipped a redraw for a closed tab")


class QuietLabel(ui.element):
    """Words that change without an element update: NiceGUI's update makes Vue render the whole page again
    (5-20 ms of the browser's time), which held up the preview of the keystroke that came with it (the save
    state says "Saving…" and "All changes saved" every two seconds while someone types). Its words are its
    ``textContent`` prop, which the page draws it with; once shown, the page's ``setText`` changes them there."""

    def __init__(self, text: str = "") -> None:
        super().__init__("div")
        self.props["textContent"] = text

    @property
    def text(self) -> str:
        return self.props["textContent"]

    def set_text(self, text: str) -> None:
        if text == self.text:
            return
        if not self.client.has_socket_connection:  # not shown yet (or reconnecting): the page draws it from the prop
            self.props["textContent"] = text
            return
        with self.props.suspend_updates():
            self.props["textContent"] = text
        page_call(self.client, "setText", self.id, text)


class Timer(Protocol):
    def cancel(self) -> None: ...


class Clock(Protocol):
    """Time and timers for the delayed redraws below (a test moves a hand clock instead)."""

    def now(self) -> float: ...

    def start_timer(self, wait: float, fire: Callable[[], None]) -> Timer: ...


class LoopClock:
    """The studio's clock: monotonic time, timers on the running event loop."""

    def now(self) -> float:
        return time.monotonic()

    def start_timer(self, wait: float, fire: Callable[[], None]) -> Timer:
        return asyncio.get_running_loop().call_later(wait, fire)


CLOCK: Clock = LoopClock()  # what a Settle or Throttle made without its own clock uses, read at each call


class Settle:
    """Run ``action`` once calls pause for ``quiet`` seconds, and at least every ``longest`` seconds while they go on.

    ``clock``: its time and timers (default: ``CLOCK``, the event loop's).
    """

    def __init__(self, action: Callable[[], Any], quiet: float, longest: float, clock: Clock | None = None) -> None:
        self.action, self.quiet, self.longest, self._clock = action, quiet, longest, clock
        self._first: float | None = None  # the first call not acted on yet
        self._pending: Timer | None = None

    @property
    def clock(self) -> Clock:
        return self._clock or CLOCK

    def __call__(self) -> None:
        now = self.clock.now()
        self._first = now if self._first is None else self._first
        self.cancel()
        self._pending = self.clock.start_timer(max(0.0, min(self.quiet, self._first + self.longest - now)), self._run)

    def _run(self) -> None:
        self._pending = self._first = None
        run_unless_closed(self.action)

    def cancel(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None


class Debounce(Settle):
    """Run ``action`` once, ``interval`` seconds after the last call (galleries wait until typing pauses)."""

    def __init__(self, action: Callable[[], Any], interval: float, clock: Clock | None = None) -> None:
        super().__init__(action, quiet=interval, longest=math.inf, clock=clock)


class Throttle:
    """Run ``action`` at most once per ``interval`` seconds: at once, then once more after the last call."""

    def __init__(self, action: Callable[[], Any], interval: float, clock: Clock | None = None) -> None:
        self.action, self.interval, self._clock = action, interval, clock
        self._last: float | None = None
        self._pending: Timer | None = None

    @property
    def clock(self) -> Clock:
        return self._clock or CLOCK

    def __call__(self) -> None:
        wait = 0.0 if self._last is None else self._last + self.interval - self.clock.now()
        if wait <= 0 and self._pending is None:
            self._run()
        elif self._pending is None:
            self._pending = self.clock.start_timer(wait, self._run)

    def _run(self) -> None:
        self._pending = None
        self._last = self.clock.now()
        run_unless_closed(self.action)

    def cancel(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
