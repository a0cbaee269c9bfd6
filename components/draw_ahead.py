"""Drawing the export ahead: whenever the edits of everyone on a project pause, the warm workers draw its PDF
and image set.

An export click then finds its pages drawn, or joins a drawing under way (``studio.app.exports.draw_ahead``),
instead of drawing every page after the click. It runs from the first change on, the export dialog
unopened: an import is followed by an export soon after, and so is opening a project (drawn once the
page has settled). One pause of the whole document draws once, however many tabs are open on it: drawing
each person's pause drew the export ten times a second with ten people each typing once a second (most of the
studio's CPU). While several people edit, the document waits for a longer pause (``TOGETHER_PAUSE``).
"""
from __future__ import annotations

import copy
import time
import weakref
from typing import Any

from nicegui import background_tasks, helpers, run

from studio.app import Changed, ProjectSwitched, SourceChanged, exports

from .allocator import malloc_trim
from .view import Debounce, View

PAUSE = 0.8  # seconds without an edit: typing goes on before that; a click comes after it
# Several people editing (edits from two or more within the last TOGETHER_S seconds): each one's pauses are only
# gaps between the others' edits, and 0.8 s of them drew the whole export (~0.5 s of the workers' CPU) about
# once a second with ten people typing; so the document waits for this longer pause.
TOGETHER_PAUSE, TOGETHER_S = 2.0, 5.0
SETTLED = 0.2  # seconds after an import or a project opened: no burst of changes follows those
# While a page stays open, free memory goes back to the system at most this often, after a drawing ahead: each
# one's PNGs and PDF (130-150 KB a page) land in the server and are freed when newer ones replace them, and the
# tidy-up's ``malloc_trim`` ran only once every page had closed (one tab's server kept rising meanwhile).
TRIM_EVERY_S = 30.0


class DrawAhead:
    """The export this tab would ask for (``image_format``, ``scale``: the dialog's choices), drawn ahead."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.image_format, self.scale = "png", 2
        self.paused = False  # while an export runs: its own pages are drawn, the other kind would take the CPU
        if on_edits():
            pause_of(view.document).changed(self, None)  # the project as it opens

    def refresh(self, change: Changed) -> None:
        """A change to this tab's document (the page passes only those): drawn once the document's edits pause."""
        if on_edits():
            pause_of(self.view.document).changed(self, change)

    def now(self) -> None:
        """Start drawing the carousel as it is now (in the workers; this returns at once)."""
        if self.paused or not self.view.carousel.slides:
            return
        pause_of(self.view.document).cancel()
        carousel = copy.deepcopy(self.view.carousel)
        background_tasks.create(run.io_bound(draw_and_trim, carousel, self.image_format, self.scale),
                                name="draw the export ahead")


_trimmed = [float("-inf")]  # when free memory last went back (monotonic seconds)


def draw_and_trim(carousel: Any, image_format: str, scale: int, every: float = TRIM_EVERY_S) -> int:
    """``exports.draw_ahead``, then (at most once per ``every`` seconds) free memory back to the system. In a
    thread: ``malloc_trim`` walks the heap without the interpreter lock."""
    started = exports.draw_ahead(carousel, image_format, scale)
    trim, now = malloc_trim(), time.monotonic()
    if trim is not None and now - _trimmed[0] >= every:
        _trimmed[0] = now
        trim(0)
    return started


class DocumentPause:
    """One document's pause: every tab on it reports its changes; the tab that changed it last draws."""

    def __init__(self) -> None:
        self._later = Debounce(self._draw, PAUSE)
        self._asker: weakref.ref[DrawAhead] | None = None
        # the change heard last (every tab on the document reports each one), weakly: held, it kept the last
        # visitor's Person (its origin) for the document's life
        self._last: weakref.ref[Changed] | None = None
        self._imported = False  # an import since the last drawing: draw soon, whatever follows it at once
        self._editors: dict[int, float] = {}  # who edited lately (id of the origin): when, last

    def changed(self, ahead: DrawAhead, change: Changed | None) -> None:
        if change is not None and self._last is not None and change is self._last():
            if change.origin is ahead.view.person:
                self._asker = weakref.ref(ahead)
            return
        self._last = weakref.ref(change) if change is not None else None
        asker = self._asker() if self._asker is not None else None
        if asker is None or change is None or change.origin is ahead.view.person:
            self._asker = weakref.ref(ahead)
        # words, looks and photos are tried one after another; an import lands once
        self._imported = self._imported or change is None or isinstance(change, (ProjectSwitched, SourceChanged))
        self._later.quiet = SETTLED if self._imported else TOGETHER_PAUSE if self._together(change) else PAUSE
        self._later()

    def _together(self, change: Changed | None) -> bool:
        """Whether two or more people edited within the last TOGETHER_S seconds (this change included)."""
        now = self._later.clock.now()
        if change is not None and change.origin is not None:
            self._editors[id(change.origin)] = now
        self._editors = {who: when for who, when in self._editors.items() if when > now - TOGETHER_S}
        return len(self._editors) > 1

    def cancel(self) -> None:
        self._later.cancel()
        self._imported = False

    def _draw(self) -> None:
        asker = self._asker() if self._asker is not None else None
        self._imported = False
        if asker is not None and not asker.view.client.is_deleted:
            asker.now()


_PAUSES: weakref.WeakKeyDictionary[Any, DocumentPause] = weakref.WeakKeyDictionary()


def pause_of(document: Any) -> DocumentPause:
    """The pause of ``document`` (one per shared document, whichever tabs are open on it)."""
    pause = _PAUSES.get(document)
    if pause is None:
        pause = _PAUSES[document] = DocumentPause()
    return pause


def on_edits() -> bool:
    """Whether pauses are drawn ahead: not in NiceGUI's simulated browser (the tests), where hundreds of
    edits would each draw a whole export; there the export dialog still draws ahead when it opens."""
    return not helpers.is_user_simulation()
