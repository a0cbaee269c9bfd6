"""The shared document's core: the carousel being edited, who hears of each edit, and undo history.

Every edit made by the parts of ``Document`` (``look_edits``, ``slide_edits``, ``slide_order``,
``post_placement``, each holding the document as ``doc``) follows one protocol: ``carousel =
doc._edit(key)`` starts it (recording any typing burst that ends here), the part changes ``carousel``,
then ``doc._done(change)`` records the undo step and announces the typed event (``studio.app.events``)
to every subscriber.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from ..carousel import Carousel
from ..history import History
from ..limits import MAX_NAME_CHARS, LimitError, check_size
from ..slide import Slide
from ..sources.cleanup import safe_text
from ..store.projects import NO_VISIBLE_NAME, shows_nothing, stripped_name
from .events import Changed, LookChanged, ProjectSwitched

COALESCE_SECONDS = 1.5  # keystrokes into one field within this gap are one undo step


class EditError(ValueError):
    """An edit that cannot be made; the message is meant for the creator."""


Listener = Callable[[Changed], Any]


def refuse_size(current: Carousel, slides: int, posts: int) -> None:
    """EditError when an edit would leave ``current`` with ``slides`` slides and ``posts`` source posts beyond
    MAX_SLIDES / MAX_POSTS (``limits.check_size``): the one rule of every door that adds slides or posts, so
    the studio never saves a project it cannot open again."""
    was = (len(current.slides), len(current.thread.posts) if current.thread else 0)
    try:
        check_size(slides, posts, was)
    except LimitError as exc:
        raise EditError(str(exc)) from None


def typed_name(text: str) -> str:
    """A project name as typed, as the studio keeps it: spaces inside squashed to one, none around it but the space
    a leading combining mark sits on (the store's ``stripped_name``: " \u20dd" is a circle)."""
    name = stripped_name(safe_text(text))
    lead = name[:1] if name[:1].isspace() else ""
    return lead + " ".join(name.split())


def refuse_name(name: str) -> None:
    """EditError when ``name`` cannot name a project (empty, nothing visible, or over MAX_NAME_CHARS)."""
    if not name:
        raise EditError("A project needs a name.")
    if shows_nothing(name):
        raise EditError(NO_VISIBLE_NAME + " The project keeps its name.")
    if len(name) > MAX_NAME_CHARS:
        raise EditError(f"A project name may have at most {MAX_NAME_CHARS:,} characters; this one has "
                        f"{len(name):,}. The project keeps its name.")


class EditHistory:
    """The carousel plus its project id and undo history; opening, replacing, undo, redo and renaming.

    ``clock`` (seconds, monotonic) decides which keystrokes are one undo step; tests inject their own.
    """

    def __init__(self, carousel: Carousel, project_id: str | None = None,
                 history: History | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self._listeners: list[Listener] = []
        self._clock = clock
        self._open(carousel, project_id, history)

    def _open(self, carousel: Carousel, project_id: str | None, history: History | None) -> None:
        self.carousel = carousel
        self.project_id = project_id
        self.history = history if history is not None and len(history) else History(carousel)
        if self.history.current != carousel:  # a saved history that ends elsewhere: the file wins
            self.history.record(carousel)
        self.pristine = True  # no edit since it was loaded: an import may replace it without asking
        self._burst: tuple[Any, float] | None = None  # (key, time) of typing not yet recorded

    # -- subscription -------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after every edit; returns a function that unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def announce(self, change: Changed) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- one edit, one undo step --------------------------------------------------------------

    def _edit(self, key: Any = None) -> Carousel:
        """Start an edit: returns the carousel to mutate; the caller then calls ``_done``.

        Keystrokes into one field (same ``key`` within COALESCE_SECONDS) become one undo step:
        they are recorded in the history when the burst ends (another edit, undo, save).
        """
        now = self._clock()
        if self._burst and (key is None or key != self._burst[0] or now - self._burst[1] > COALESCE_SECONDS):
            self.flush()
        if key is not None:
            self._burst = (key, now)
        self.pristine = False
        return self.carousel

    def _done(self, change: Changed) -> None:
        if self._burst is None:
            self.history.record(self.carousel)
        self.announce(change)

    def flush(self) -> None:
        """Record pending typing as an undo step (before undo, saving the history, another edit)."""
        if self._burst is not None:
            self._burst = None
            self.history.record(self.carousel)

    @property
    def can_undo(self) -> bool:
        return self._burst is not None or self.history.can_undo

    @property
    def can_redo(self) -> bool:
        return self._burst is None and self.history.can_redo

    # -- whole document -----------------------------------------------------------------------

    def load(self, carousel: Carousel, project_id: str | None = None, history: History | None = None, *,
             opened: bool | None = None) -> None:
        """Open another carousel (a project from the list with its ``project_id``, an imported project file).

        ``opened``: it is as saved, nothing to save (default: when it has a project id)."""
        self._open(carousel, project_id, history)
        self.announce(ProjectSwitched(opened=project_id is not None if opened is None else opened))

    def replace(self, carousel: Carousel, origin: Any = None) -> None:
        """Swap in a rebuilt carousel (e.g. slides made from a new thread) as one undoable step."""
        refuse_size(self.carousel, len(carousel.slides), len(carousel.thread.posts) if carousel.thread else 0)
        self._edit()
        self.carousel = carousel
        self._done(ProjectSwitched(origin))

    def undo(self, origin: Any = None) -> bool:
        return self._move_in_history(self.history.undo)

    def redo(self, origin: Any = None) -> bool:
        return self._move_in_history(self.history.redo)

    def _move_in_history(self, move: Callable[[], Carousel | None]) -> bool:
        """Show the carousel one undo step back or forward; False when there is none."""
        self.flush()
        carousel = move()
        if carousel is None:
            return False
        self.carousel = carousel
        self.announce(ProjectSwitched())
        return True

    def rename(self, name: str, origin: Any = None) -> None:
        if not isinstance(name, str):  # a browser's event may carry any JSON
            raise EditError("A project name is text; the project keeps its name.")
        name = typed_name(name)
        refuse_name(name)
        if name == self.carousel.name:
            return
        self._edit(key=("name",)).name = name
        self._done(LookChanged(origin, "name"))

    # -- finding a slide ----------------------------------------------------------------------

    def slide(self, index: int) -> Slide:
        slides = self.carousel.slides
        if not 0 <= index < len(slides):
            raise EditError(f"There is no slide {index + 1}; the carousel has {len(slides)}.")
        return slides[index]

    def _insert_position(self, index: int) -> int:
        """``index`` clamped to the slides, and kept in front of the outro."""
        slides = self.carousel.slides
        index = max(0, min(index, len(slides)))
        if slides and slides[-1].kind == "outro" and index >= len(slides):
            index = len(slides) - 1
        return index
