"""Store: one data folder opened, with a repository for each kind of record.

``store.profiles``, ``store.presets``, ``store.projects``, ``store.settings`` and
``store.trash`` keep their records in ``store.db`` (the ``Database``: the lock,
transactions, recovery of damaged files and migration); ``store.assets`` holds
every image once.
"""
from __future__ import annotations

import time
from pathlib import Path

from ..limits import parse_json
from .assets import REF_KEY
from .database import Database
from .presets import Presets
from .profiles import Profiles
from .projects import Projects
from .settings import Settings
from .trash import Trash

IMPORT_KEEP_SECONDS = 3600  # an upload copy older than this belongs to no open thread picker


class Store:
    """The repositories of ``data_dir``; safe across threads and processes."""

    def __init__(self, data_dir: Path | str) -> None:
        self.db = Database(data_dir)
        self.data_dir, self.path, self.assets = self.db.data_dir, self.db.path, self.db.assets
        self.settings = Settings(self.db)
        self.trash = Trash(self.db)
        self.profiles = Profiles(self.db, self.trash, self.settings)
        self.presets = Presets(self.db)
        self.projects = Projects(self.db, self.trash, self.settings)
        if not self.read_only:
            with self.db.transaction(write=True):
                self.projects.reconcile()
                self.trash.empty_old()
                self._tidy_imports()

    @property
    def notices(self) -> list[str]:
        """What the user should know (a damaged file recovered, a read-only database), in plain words."""
        return self.db.notices

    @property
    def read_only(self) -> bool:
        return self.db.read_only

    def transaction(self, *, write: bool = False):
        """Hold the store for several operations that succeed or fail together (kit imports)."""
        return self.db.transaction(write=write)

    def prune_assets(self, min_age: float = 24 * 3600) -> int:
        """Delete image files nothing refers to any more (a project, a profile, a trash item); returns how many.

        Only files older than ``min_age`` seconds go: an image is written just
        before the record that refers to it, so a younger file may belong to a
        save in progress in another process.
        """
        with self.db.transaction(write=True):
            used: set[str] = set()
            _collect_refs(self.db.storage.read(), used)
            for path in [*self.db.projects_dir.glob("*.json"), *self._trash_files()]:
                try:
                    _collect_refs(parse_json(path.read_bytes(), path.name), used)
                except (OSError, ValueError):
                    return 0  # an unreadable project might refer to anything: keep every image
            limit = time.time() - min_age
            removed = 0
            for path in self.assets.folder.glob("*.*"):
                if path.stem not in used and not path.name.startswith(".") and path.stat().st_mtime < limit:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed

    def _trash_files(self) -> list[Path]:
        """Every file of a restorable trash item (its record and a project's files): its images wait with it."""
        files: list[Path] = []
        for item in self.trash.items():
            folder = self.trash.folder / item.id
            files += [p for p in folder.iterdir() if p.is_file() and (p.suffix == ".json" or p.name.endswith(".json.bak"))]
        return files

    def _tidy_imports(self, older_than: float = IMPORT_KEEP_SECONDS) -> None:
        """Remove uploaded archive copies a thread picker left behind (older than an hour: never one in use)."""
        limit = time.time() - older_than
        for path in (self.data_dir / "imports").glob("*"):
            try:
                if path.is_file() and path.stat().st_mtime < limit:
                    path.unlink()
            except OSError:
                pass


def _collect_refs(data: object, into: set[str]) -> None:
    if isinstance(data, dict):
        ref = data.get(REF_KEY)
        if isinstance(ref, str):
            into.add(ref)
        for value in data.values():
            _collect_refs(value, into)
    elif isinstance(data, list):
        for value in data:
            _collect_refs(value, into)
