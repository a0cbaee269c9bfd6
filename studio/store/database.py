"""The data folder's one database: transactions, recovery of damaged files, schema migration.

Layout of the folder::

    studio.json            TinyDB: meta, profiles, presets, projects (the list), settings
    studio.json.bak        a second copy of the last good state (written by every write)
    assets/<sha256>.<ext>  every image, once
    projects/<id>.json     one carousel each (+ .bak), images as references
    projects/<id>.history.json   its undo/redo history
    trash/                 deleted projects and profiles (see ``trash``)

The repositories (``profiles``, ``presets``, ``projects``, ``settings``) keep
their records here. Every write is atomic and every read-modify-write holds
the cross-process lock, so two tabs or two processes never lose the file; the
later save of a field wins. A file that cannot be read is kept aside and its
``.bak`` put back, with a notice in plain words.
"""
from __future__ import annotations

import copy
import os
import time
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from tinydb import TinyDB
from tinydb.table import Document, Table

from ..atomic import atomic_write, fsync_dir
from ..image import ImageError
from ..schema import SchemaError, from_dict
from .assets import AssetStore
from .records import StoreError, check_id, now_iso
from .storage import AtomicJSONStorage, CorruptFile, StorageError, parse_tables, remove_stale_temp_files

DB_NAME = "studio.json"
DB_SCHEMA = 1
APP = "carousel-studio"
# MIGRATIONS[n] turns a schema-n database (all tables) into schema n+1.
MIGRATIONS: dict[int, Callable[[dict[str, dict[str, Any]]], dict[str, dict[str, Any]]]] = {}
T = TypeVar("T")


class Database:
    """The lock, the tables and the files of ``data_dir``; safe across threads and processes.

    ``notices`` lists, in plain words, anything that happened on open or later
    that the user should know (a damaged file kept aside and recovered, a
    read-only database written by a newer studio, an image that went missing).
    """

    def __init__(self, data_dir: Path | str) -> None:
        self.data_dir = Path(data_dir).expanduser()
        self.notices: list[str] = []
        self._noticed: set[str] = set()
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            (self.data_dir / "projects").mkdir(exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot use {self.data_dir} as the data folder: {exc.strerror}") from None
        self.path = self.data_dir / DB_NAME
        self.projects_dir = self.data_dir / "projects"
        self.assets = AssetStore(self.data_dir / "assets")
        self._db = TinyDB(self.path, storage=AtomicJSONStorage)
        self.storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        with self._locked(recover=False):
            remove_stale_temp_files(self.data_dir, DB_NAME)
            remove_stale_temp_files(self.data_dir, DB_NAME + ".bak")
            remove_stale_temp_files(self.assets.folder, "*", older_than=3600)  # written without the lock
            try:
                if not self.path.exists() and self.path.with_name(DB_NAME + ".bak").exists():
                    raise CorruptFile("it is missing")
                _meta_version(self.storage.read())
            except CorruptFile as exc:
                self._recover(str(exc))
            self._migrate()

    @property
    def read_only(self) -> bool:
        return self.storage.read_only

    def notice(self, text: str) -> None:
        """Tell the user something once (the studio shows ``notices``, the CLI prints them)."""
        if text not in self._noticed:
            self._noticed.add(text)
            self.notices.append(text)

    # -- transactions ----------------------------------------------------------------------------
    def transaction(self, *, write: bool = False) -> AbstractContextManager[None]:
        """Hold the lock for one logical operation (nested ones join it); errors become StoreError."""
        return self._locked(write=write)

    @contextmanager
    def _locked(self, *, write: bool = False, recover: bool = True) -> Iterator[None]:
        if write and self.read_only:
            raise StoreError(self.storage.read_only_reason)
        try:
            with self.storage.transaction():
                if recover:
                    try:
                        self.storage.read()
                    except CorruptFile as exc:  # damaged while we were running
                        self._recover(str(exc))
                yield
        except StoreError:
            raise
        except (StorageError, ImageError) as exc:
            raise StoreError(str(exc)) from None
        except OSError as exc:
            raise StoreError(f"could not use the data folder {self.data_dir}: {exc.strerror or exc}") from None

    # -- tables (call inside a transaction) ------------------------------------------------------
    def table(self, name: str) -> Table:
        # A fresh Table each time: TinyDB caches query results and the next id per Table,
        # which would go stale when another process writes.
        return Table(self.storage, name, cache_size=0)

    def find(self, table: str, **match: Any) -> Document | None:
        docs = self.table(table).search(lambda d: all(d.get(k) == v for k, v in match.items()))
        return docs[0] if docs else None

    def upsert(self, table: str, doc: dict[str, Any], keep: tuple[str, ...] = (), **match: Any) -> None:
        """Insert ``doc``, or replace the record matching ``match`` with it, keeping that record's fields
        named in ``keep`` (its ``created_at``, say): one look through the table, however big it is."""
        found = self.find(table, **match)
        if found is None:
            self.table(table).insert(doc)
        else:
            new = {**doc, **{field: found[field] for field in keep if field in found}}

            def replace(old: dict[str, Any]) -> None:
                old.clear()
                old.update(new)
            self.table(table).update(replace, doc_ids=[found.doc_id])

    def remove(self, table: str, **match: Any) -> int:
        """Remove the records matching ``match``; returns how many."""
        return len(self.table(table).remove(lambda d: all(d.get(k) == v for k, v in match.items())))

    def project_path(self, project_id: str, suffix: str = ".json") -> Path:
        """A project's file (``suffix`` ".history.json" for its history); the id is checked first."""
        return self.projects_dir / f"{check_id(project_id, 'project id')}{suffix}"

    # -- records with images ---------------------------------------------------------------------
    def load(self, cls: type[T], data: Any, what: str) -> T:
        """A record back as ``cls``, its images read from the assets; a missing image is noticed and left out."""
        problems: list[str] = []
        value = from_dict(cls, self.assets.inflate(data, problems), cls.__name__)
        for problem in problems:
            self.notice(f"{what}: {problem}; it was left out.")
        return value

    def load_one(self, cls: type[T], table: str, field: str, what: str, **match: Any) -> T:
        """The one record of ``table`` that matches, as ``cls``; StoreError names ``what`` when it is
        missing or damaged."""
        with self.transaction():
            doc = self.find(table, **match)
        if doc is None:
            raise StoreError(f"there is no {what}")
        try:
            return self.load(cls, doc[field], what)
        except (SchemaError, KeyError) as exc:
            raise StoreError(f"{what} is damaged: {exc}") from None

    def dehydrate(self, obj: Any) -> Any:
        """``obj`` as JSON data with every image saved once in the assets and referred to by hash."""
        try:
            return self.assets.dehydrate(obj)
        except ImageError as exc:
            raise StoreError(str(exc)) from None
        except OSError as exc:
            raise StoreError(f"could not save an image in {self.assets.folder}: {exc.strerror or exc}") from None

    # -- files with a backup (projects) ----------------------------------------------------------
    def read_with_backup(self, path: Path, parse: Callable[[bytes], T], kind: str, name: str) -> T | None:
        """``parse`` of a file that keeps a ``.bak`` (None when neither exists); a damaged or missing
        file is recovered from its backup (lock held)."""
        try:
            return parse(path.read_bytes())
        except FileNotFoundError:
            if not backup_of(path).exists():
                return None
            problem = "it is missing"
        except ValueError as exc:
            problem = str(exc)
        return self.restore_backup(path, problem, parse, kind, name, "read")

    def restore_backup(self, path: Path, problem: str, parse: Callable[[bytes], T], kind: str, name: str,
                       verb: str = "opened") -> T:
        """Keep a damaged file aside and put its ``.bak`` back (lock held); StoreError if that fails too.
        ``kind`` and ``name`` say whose file it is ("project", its id)."""
        bak = backup_of(path)
        kept = keep_aside(path, "corrupt") if path.exists() else None
        where = f"; it is kept as {kept.name}" if kept else ""
        told = f"{kind.capitalize()} file {path.name} could not be read ({problem}){where}"
        try:
            raw = bak.read_bytes()
            value = parse(raw)
        except (OSError, ValueError):
            self.notice(told + ", and there is no readable backup.")
            raise StoreError(f"{kind} {name!r} cannot be {verb} ({problem}) and has no readable backup"
                             + (f"; the file is kept as {kept}" if kept else "")) from None
        if not self.read_only:
            atomic_write(path, raw)
        self.notice(told + "; the last good copy was recovered.")
        return value

    # -- recovery and migration of studio.json ---------------------------------------------------
    def _recover(self, problem: str) -> None:
        """Keep the unreadable database aside and fall back to the last good copy (lock held)."""
        if self.read_only:  # a newer studio's file: not ours to move or repair
            raise StoreError(f"{DB_NAME} cannot be read any more ({problem}) and is open read-only.")
        bak = backup_of(self.path)
        if self.path.exists():
            kept = keep_aside(self.path, "corrupt")
            message = f"{DB_NAME} could not be read ({problem}); it is kept as {kept.name}."
        else:
            message = f"{DB_NAME} could not be read ({problem})."
        try:
            raw = bak.read_bytes()
            _meta_version(parse_tables(raw, bak.name))
        except FileNotFoundError:
            self.notice(message + " There was no backup, so the studio starts with an empty database.")
        except (CorruptFile, OSError) as exc:
            bad_bak = keep_aside(bak, "corrupt") if bak.exists() else bak
            self.notice(message + f" The backup could not be read either ({exc}; kept as {bad_bak.name}),"
                        " so the studio starts with an empty database.")
        else:
            atomic_write(self.path, raw)
            when = datetime.fromtimestamp(bak.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            self.notice(message + f" Recovered the last good copy, saved {when}.")
        self.storage._forget()
        self.storage.read()

    def _migrate(self) -> None:
        """Create meta for a new database; open a newer one read-only; migrate an older one (lock held)."""
        tables = self.storage.read()
        docs = self.table("meta").all()
        meta = dict(docs[0]) if docs else None
        version = _meta_version(tables)
        if version is None or (version == DB_SCHEMA and not meta):  # a new database
            self.table("meta").insert({"app": APP, "schema": DB_SCHEMA, "created_at": now_iso()})
        elif version > DB_SCHEMA:
            reason = (f"{DB_NAME} was written by a newer Carousel Studio (database version {version}; "
                      f"this one knows up to {DB_SCHEMA}). It is open read-only and nothing will be saved: "
                      f"update the studio, or move {self.data_dir} away to start fresh.")
            self.storage.read_only = True
            self.storage.read_only_reason = reason
            self.notice(reason)
        elif version < DB_SCHEMA:
            kept = self.path.with_name(f"{DB_NAME}.v{version}")
            atomic_write(kept, self.path.read_bytes())
            data = copy.deepcopy(tables)
            for step in range(version, DB_SCHEMA):
                data = MIGRATIONS[step](data)
            data["meta"] = {"1": {**(meta or {}), "app": APP, "schema": DB_SCHEMA}}
            self.storage.write(data)
            self.notice(f"Updated the database from version {version} to {DB_SCHEMA}; "
                        f"the old file is kept as {kept.name}.")


def backup_of(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _meta_version(tables: dict[str, dict[str, Any]]) -> int | None:
    """The database's schema version (None for a new, empty one); CorruptFile if meta is unreadable."""
    docs = list(tables.get("meta", {}).values())
    if not docs:
        return 1 if any(tables.values()) else None  # data without meta: the first layout
    version = docs[0].get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorruptFile(f"meta.schema is {version!r}, not a version number")
    return version


def keep_aside(path: Path, label: str) -> Path:
    """Rename a damaged file to ``<name>.<label>-<time>`` so nothing is thrown away."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 2
    while target.exists():
        target, n = path.with_name(f"{path.name}.{label}-{stamp}-{n}"), n + 1
    os.replace(path, target)
    fsync_dir(path.parent)
    return target
