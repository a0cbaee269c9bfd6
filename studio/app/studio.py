"""Studio: the application — one per data folder, the only door for the studio pages and the CLI.

It owns the store, the shared document (with its history) and the autosaver, and groups the
product's actions by what they act on:

- ``document``: edit slides, reorder, settings, undo/redo (``studio.app.document``)
- ``projects``: new, open, list, duplicate, delete (``studio.app.projects``)
- ``imports``: read each source, lay a thread out (``studio.app.imports``)
- ``brands``: save/switch brand profiles, save/apply presets (``studio.app.brands``)
- ``export``: every export kind (``studio.app.exports``)

Nothing here knows about NiceGUI.
"""
from __future__ import annotations

import logging
import os
import secrets
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..carousel import Carousel
from ..export import ExportReport
from ..store import Autosaver, Store
from . import exports
from .brands import Brands
from .document import Document
from .events import Event, Saved, SaveFailed
from .imports import Imports
from .projects import Projects
from .sample import sample_carousel

log = logging.getLogger("carousel_studio")


@dataclass(eq=False)
class Desk:
    """One open project: its document and the actions on it (share mode: each person is at one)."""

    document: Document
    projects: Projects
    imports: Imports
    brands: Brands


def _new_export_file(folder: Path, filename: str) -> Path:
    """A path no earlier export used, made (empty) here: in share mode two people exporting same-named projects
    in one second must not write one file, or one's "Download again" would serve the other client's export."""
    stamp = time.strftime('%Y%m%d-%H%M%S')
    while True:
        path = folder / f"{stamp}-{secrets.token_hex(4)}-{filename}"
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return path


class Studio:
    """The store, the shared document, autosave and every action on them."""

    def __init__(self, data_dir: Path | str, *, clock: Callable[[], float] = time.monotonic,
                 document: type[Document] = Document) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.exports_dir = self.data_dir / "exports"
        self.store = Store(self.data_dir)
        self._listeners: list[Callable[[Event], Any]] = []
        self.autosaver = Autosaver(self.store, on_saved=lambda pid: self.announce(Saved(pid)),
                                   on_error=lambda pid, exc: self.announce(SaveFailed(pid, str(exc))))
        self._new_document = lambda carousel: document(carousel, clock=clock)  # share mode: CoDocument
        self._all_projects: weakref.WeakSet[Projects] = weakref.WeakSet()  # every desk's (typing to hand over)
        self.desk = self.new_desk()
        self.document, self.projects = self.desk.document, self.desk.projects
        self.imports, self.brands = self.desk.imports, self.desk.brands
        self.projects.open_last()
        self._prune_assets()

    def new_desk(self, carousel: Carousel | None = None) -> Desk:
        """A document (the sample unless ``carousel``) with its own actions; its changes are announced.

        The studio has one; in share mode each project someone opens gets one (studio.share.desks)."""
        doc = self._new_document(sample_carousel() if carousel is None else carousel)
        desk = Desk(doc, Projects(self.store, self.autosaver, doc), Imports(doc, self.data_dir / "imports"),
                    Brands(self.store, doc))
        self._all_projects.add(desk.projects)
        doc.subscribe(self.announce)  # after Projects: a change is handed to autosave first
        return desk

    @property
    def carousel(self) -> Carousel:
        return self.document.carousel

    @property
    def notices(self) -> list[str]:
        """What the creator should know from opening the data folder (a recovered file…)."""
        return self.store.notices

    def subscribe(self, listener: Callable[[Event], Any]) -> Callable[[], None]:
        """Hear every event: changes to the shared document, saved, save failed (from the autosaver's thread).

        Returns the function that unsubscribes.
        """
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def announce(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    def export_path(self, kind: str, *, image_format: str = "png", page: int = 0) -> tuple[Path, str]:
        """Where an export of the open carousel goes in the data folder, and its download name."""
        filename = exports.file_name(self.carousel, kind, image_format, page)
        self.exports_dir.mkdir(parents=True, exist_ok=True)
        return _new_export_file(self.exports_dir, filename), filename

    def export(self, kind: str, out: Path, **options: Any) -> ExportReport:
        """Export the open carousel (in this thread; the studio runs ``exports.export_in_studio``)."""
        return exports.export(self.carousel, out, kind, **options)

    def prune_exports(self, keep: int = 20) -> None:
        """Keep the newest ``keep`` files in the exports folder; older ones were downloaded long ago."""
        exports.prune(self.exports_dir, keep)

    def close(self) -> None:
        """Write whatever is pending before the process ends."""
        self._hand_over_typing()
        self.autosaver.close()

    def save_soon(self) -> None:
        """Write whatever is pending now, on the autosaver's thread (a page was closed)."""
        self._hand_over_typing()
        self.autosaver.flush_soon()

    def _hand_over_typing(self) -> None:
        for projects in list(self._all_projects):
            projects.hand_over_typing()

    def _prune_assets(self) -> None:
        """Remove image files no profile, preset, project or history uses any more (older than a day)."""
        try:
            removed = self.store.prune_assets()
        except Exception as exc:  # noqa: BLE001 - housekeeping must never stop the studio from starting
            log.warning("could not tidy unused images: %s", exc)
            return
        if removed:
            log.info("removed %d unused image files", removed)
