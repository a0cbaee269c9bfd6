"""Projects: new, open, list, duplicate, delete, restore from the trash — and the autosave that keeps the open one on disk."""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from time import monotonic

from .. import limits
from ..carousel import Carousel
from ..history import History
from ..store import Autosaver, ProjectInfo, Store
from ..store.projects import LAST_PROJECT
from ..store.trash import TrashItem
from .document import Document, EditError
from .events import Changed, ProjectSwitched, SlideChanged
from .sample import sample_carousel

log = logging.getLogger("carousel_studio")

# Seconds: typing is handed to the autosaver (which copies the carousel and restarts its timer thread on the
# event loop: 1-3 ms, more on a busy machine) at most this often, not on every keystroke: that held up the
# preview of each letter. The autosaver's own wait follows (0.8 s after a pause; while edits stream in, every 2 s).
TYPING_HAND_OVER = 0.8


class Projects:
    """The store's projects and which one the shared document shows."""

    def __init__(self, store: Store, autosaver: Autosaver, document: Document) -> None:
        self.store = store
        self.autosaver = autosaver
        self.document = document
        self._typed: tuple[asyncio.TimerHandle, str, Carousel, History] | None = None  # typing not handed over yet
        self._handed = 0.0  # monotonic() when typing was last handed over
        document.subscribe(self._autosave)

    def list(self) -> list[ProjectInfo]:
        return self.store.projects.all()

    def new(self) -> None:
        """A new project from the bundled sample (saved once it is first edited)."""
        self.document.load(sample_carousel(), None)

    def open(self, project_id: str) -> Carousel:
        """Open a saved project with its undo history."""
        carousel = self.store.projects.load(project_id)
        self.document.load(carousel, project_id, self.store.projects.load_history(project_id))
        self.autosaver.track(project_id, carousel)
        self.store.settings.set(LAST_PROJECT, project_id)
        self._tell_over_caps(carousel)
        return carousel

    def open_file(self, carousel: Carousel) -> None:
        """Open a carousel read from a project file as a new project."""
        self.document.load(carousel, None)
        self._tell_over_caps(carousel)

    def _tell_over_caps(self, carousel: Carousel) -> None:
        """Tell once (a notice) of brand or outro texts over their caps (kept whole, drawn cut) and of slide texts
        over theirs (kept whole, not exported until shortened)."""
        for notice in project_notices(carousel):
            self.store.db.notice(notice)

    def open_instead(self) -> Callable[[], None]:
        """Before another carousel is opened in place of this one (a "New project" import): a function that
        goes back — it reopens this project as last saved and removes the one opened since for good.

        Loading a project is not an undo step, so this is how that import's Cancel leaves nothing behind."""
        doc = self.document
        before, carousel, history, untouched = doc.project_id, doc.carousel, doc.history, doc.pristine

        def back() -> None:
            made = doc.project_id if doc.project_id != before else None
            if made is not None:
                self.autosaver.forget(made)
            if before is None:  # never saved: the untouched sample stays unsaved, an edited carousel is saved now
                doc.load(carousel, None, history, opened=untouched)
            else:
                self.autosaver.flush()  # this project's last edits are on disk before it is read back
                self.open(before)
            if made is not None:
                self.store.projects.discard(made)
        return back

    def open_last(self) -> None:
        """Reopen the project edited last; the sample when there is none or it cannot be read."""
        try:
            projects = self.store.projects.all()
            project_id = self.store.settings.get(LAST_PROJECT)
            if project_id not in {p.id for p in projects}:
                project_id = projects[0].id if projects else None
            if project_id:
                self.open(project_id)
        except Exception:  # noqa: BLE001 - a damaged project must not stop the studio from starting
            log.exception("could not reopen the last project; starting with the sample")
            self.store.notices.append("The last project could not be opened; the sample is shown instead.")

    def duplicate(self, project_id: str) -> str:
        return self.store.projects.duplicate(project_id)

    def delete(self, project_id: str) -> None:
        if project_id == self.document.project_id:
            raise EditError("This project is open; open another one before deleting it.")
        self.store.projects.delete(project_id)

    def deleted(self) -> list[TrashItem]:
        """Deleted projects and profiles that can still be restored (30 days), most recent first."""
        return self.store.trash.items()

    def restore(self, item_id: str) -> str:
        """Put a deleted project or profile back; returns its id (a new one if its old id was taken again)."""
        return self.store.trash.restore(item_id)

    def _autosave(self, change: Changed) -> None:
        """Every change is saved (debounced) with its undo history; a new carousel becomes a project.

        Opening a saved project changes nothing on disk: it is not written again (its "updated" time stays)."""
        if self._typing_later(change):
            return
        self.hand_over_typing()  # typing into the project open before
        if isinstance(change, ProjectSwitched):  # the project open before is written now, not in a few seconds
            self.autosaver.flush_soon()
            if change.opened:
                return
        self._saving(lambda: self._save_change(change))

    def _save_change(self, change: Changed) -> None:
        doc = self.document
        if doc.project_id is None:
            doc.project_id = self.store.projects.save(doc.carousel)
            self.store.settings.set(LAST_PROJECT, doc.project_id)
        elif isinstance(change, ProjectSwitched):
            self.store.settings.set(LAST_PROJECT, doc.project_id)
        self.autosaver.changed(doc.project_id, doc.carousel, doc.history)

    def _typing_later(self, change: Changed) -> bool:
        """Typing into a saved project on the event loop: handed over at once when none was for TYPING_HAND_OVER
        seconds, else within that time (True: later)."""
        doc = self.document
        if not (isinstance(change, SlideChanged) and change.text_only) or doc.project_id is None:
            return False
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (the command line, a test): handed over at once
            return False
        wait = self._handed + TYPING_HAND_OVER - monotonic()
        if self._typed is None and wait <= 0:
            self._handed = monotonic()
            return False
        if self._typed is None:  # the project, carousel and history typed into, whatever is opened meanwhile
            self._typed = (loop.call_later(wait, self.hand_over_typing), doc.project_id, doc.carousel, doc.history)
        return True

    def hand_over_typing(self) -> None:
        """Give typing not handed over yet to the autosaver now (also before any other change and on closing)."""
        if self._typed is None:
            return
        timer, project_id, carousel, history = self._typed
        self._typed = None
        self._handed = monotonic()
        timer.cancel()
        self._saving(lambda: self.autosaver.changed(project_id, carousel, history))

    def _saving(self, save) -> None:
        try:
            save()
        except Exception as exc:  # noqa: BLE001 - saving must never break editing; the next change retries
            log.warning("autosave failed: %s", exc)
            if self.autosaver.on_error is not None:  # shown to everyone, as the autosaver's own failures are
                self.autosaver.on_error(self.document.project_id or "", exc)


def over_caps_notice(whose: str, over: list[str]) -> str:
    """The notice for an old file's texts over their caps (``limits.parts_over_caps``)."""
    return (f"{whose} holds {'; '.join(over)}. Nothing was lost: it is kept whole and drawn cut at the "
            "limit until you shorten it (an edit may only make it shorter).")


def open_notices(carousel: Carousel, whose: str) -> list[str]:
    """What a project must say as it opens: its brand or outro texts over their caps (drawn cut), and its name and
    slide texts over theirs (kept whole, not exported until shortened). The command line says the first as a
    warning (``imports.read_input``) and the second as ``render``'s refusal (``limits.check_texts``)."""
    parts, slides = limits.parts_over_caps(carousel), limits.slides_over_caps(carousel)
    return (([over_caps_notice(whose, parts)] if parts else [])
            + ([limits.slides_over_caps_notice(whose, slides)] if slides else []))


def project_notices(carousel: Carousel) -> list[str]:
    """``open_notices`` of a project opened in the studio (a file uploaded, a saved project): what the studio tells
    at once and keeps among its notices."""
    return open_notices(carousel, f"The project “{limits.cut(carousel.name, 60)}”")
