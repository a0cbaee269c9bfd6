"""Drawing the export ahead: whenever this tab's edits pause, the warm workers draw its PDF and image set.

An export click then finds its pages drawn, or joins a drawing under way (``studio.app.exports.draw_ahead``),
instead of drawing every page after the click. It runs from the first change on, the export dialog
unopened: an import is followed by an export soon after, and so is opening a project (drawn once the
page has settled). Other people's edits are drawn ahead by their own tabs, so a shared studio draws
each pause once.
"""
from __future__ import annotations

import copy

from nicegui import background_tasks, helpers, run

from studio.app import Changed, ProjectSwitched, SourceChanged, exports

from .view import Debounce, View

PAUSE = 0.8  # seconds without an edit: typing goes on before that; a click comes after it
SETTLED = 0.2  # seconds after an import or a project opened: no burst of changes follows those


class DrawAhead:
    """The export this tab would ask for (``image_format``, ``scale``: the dialog's choices), drawn ahead."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.image_format, self.scale = "png", 2
        self.paused = False  # while an export runs: its own pages are drawn, the other kind would take the CPU
        self._imported = False  # an import since the last drawing: draw soon, whatever follows it at once
        self._later = Debounce(self.now, PAUSE)
        if on_edits():
            self._later()  # the project as it opens

    def refresh(self, change: Changed) -> None:
        """A change to this tab's carousel (the page passes only those): draw once edits pause."""
        if on_edits() and (change.origin is None or change.origin is self.view.person):
            # words, looks and photos are tried one after another; an import lands once
            self._imported = self._imported or isinstance(change, (ProjectSwitched, SourceChanged))
            self._later.quiet = SETTLED if self._imported else PAUSE
            self._later()

    def now(self) -> None:
        """Start drawing the carousel as it is now (in the workers; this returns at once)."""
        if self.paused or not self.view.carousel.slides:
            return
        self._later.cancel()
        self._imported = False
        carousel = copy.deepcopy(self.view.carousel)
        background_tasks.create(run.io_bound(exports.draw_ahead, carousel, self.image_format, self.scale),
                                name="draw the export ahead")


def on_edits() -> bool:
    """Whether pauses are drawn ahead: not in NiceGUI's simulated browser (the tests), where hundreds of
    edits would each draw a whole export; there the export dialog still draws ahead when it opens."""
    return not helpers.is_user_simulation()
