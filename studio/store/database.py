"""Store: brand profiles, presets, projects and settings in one data folder.

Layout of the folder::

    studio.json            TinyDB: meta, profiles, presets, projects (the list), settings
    studio.json.bak        a second copy of the last good state (written by every write)
    assets/<sha256>.<ext>  every image, once
    projects/<id>.json     one carousel each (+ .bak), images as references
    projects/<id>.history.json   its undo/redo history

Project bodies live in their own files so that an autosave rewrites one small
file instead of the whole database. Every write is atomic and every
read-modify-write holds the cross-process lock, so two tabs or two processes
never lose the file; the later save of a field wins.
"""
from __future__ import annotations

import copy
import os
import threading
import time
import weakref
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterator

from tinydb import TinyDB
from tinydb.table import Document, Table

from ..brand import BrandProfile
from ..carousel import Carousel
from ..history import History
from ..image import ImageError
from ..preset import Preset, check_name
from ..project_file import SCHEMA, carousel_from_doc
from ..schema import SchemaError, from_dict
from ..limits import parse_json
from ..sources.cleanup import removed_note, safe_fields
from .assets import REF_KEY, AssetStore
from .records import ID_PATTERN, StoreError, check_id, new_id, now_iso
from .trash import Trash
from .storage import (AtomicJSONStorage, CorruptFile, StorageError, atomic_write, dumps_compact,
                      fsync_dir, parse_tables, remove_stale_temp_files)

DB_NAME = "studio.json"
DB_SCHEMA = 1
IMPORT_KEEP_SECONDS = 3600  # an upload copy older than this belongs to no open thread picker
APP = "carousel-studio"
# MIGRATIONS[n] turns a schema-n database (all tables) into schema n+1.
MIGRATIONS: dict[int, Callable[[dict[str, dict[str, Any]]], dict[str, dict[str, Any]]]] = {}



@dataclass(frozen=True)
class ProjectInfo:
    """One row of the project list."""

    id: str
    name: str
    updated_at: str  # ISO 8601, UTC
    slide_count: int


class Settings:
    """Small values that outlive a session (last open project, current profile id)."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    def get(self, key: str, default: Any = None) -> Any:
        with self._store._tx():
            doc = self._store._find("settings", key=key)
        return copy.deepcopy(doc["value"]) if doc else default

    def set(self, key: str, value: Any) -> None:
        """Store a JSON value (at most 64 KiB) under ``key``; None removes it."""
        if value is None:
            self.delete(key)
            return
        try:
            size = len(dumps_compact(value))
        except (TypeError, ValueError):
            raise StoreError(f"setting {key!r}: the value is not JSON data") from None
        if size > 64 * 1024:
            raise StoreError(f"setting {key!r}: {size} bytes is more than the 64 KiB a setting may hold")
        with self._store._tx(write=True):
            self._store._upsert("settings", {"key": key, "value": value}, key=key)

    def delete(self, key: str) -> None:
        with self._store._tx(write=True):
            self._store._table("settings").remove(lambda d: d.get("key") == key)

    def __getitem__(self, key: str) -> Any:
        return self.get(key)


class Store:
    """Profiles, presets, projects and settings in ``data_dir``; safe across threads and processes.

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
        self._storage: AtomicJSONStorage = self._db.storage  # type: ignore[assignment]
        self.settings = Settings(self)
        self.trash = Trash(self)
        self._editors: dict[int, tuple[weakref.ref, str, dict[str, Any]]] = {}
        self._editors_lock = threading.Lock()
        self._open()

    @property
    def read_only(self) -> bool:
        return self._storage.read_only

    def _notice(self, text: str) -> None:
        if text not in self._noticed:
            self._noticed.add(text)
            self.notices.append(text)

    # -- opening: recovery, schema, migrations ---------------------------------------------------
    def _open(self) -> None:
        with self._tx(recover=False):
            remove_stale_temp_files(self.data_dir, DB_NAME)
            remove_stale_temp_files(self.data_dir, DB_NAME + ".bak")
            remove_stale_temp_files(self.assets.folder, "*", older_than=3600)  # written without the lock
            try:
                if not self.path.exists() and self.path.with_name(DB_NAME + ".bak").exists():
                    raise CorruptFile("it is missing")
                _meta_version(self._storage.read())
            except CorruptFile as exc:
                self._recover(str(exc))
            self._check_schema()
            if not self.read_only:
                self._reconcile_projects()
                self.trash.empty_old()
                self._tidy_imports()

    def _recover(self, problem: str) -> None:
        """Keep the unreadable database aside and fall back to the last good copy (lock held)."""
        if self.read_only:  # a newer studio's file: not ours to move or repair
            raise StoreError(f"{DB_NAME} cannot be read any more ({problem}) and is open read-only.")
        bak = self.path.with_name(DB_NAME + ".bak")
        if self.path.exists():
            kept = _keep_aside(self.path, "corrupt")
            message = f"{DB_NAME} could not be read ({problem}); it is kept as {kept.name}."
        else:
            message = f"{DB_NAME} could not be read ({problem})."
        try:
            raw = bak.read_bytes()
            _meta_version(parse_tables(raw, bak.name))
        except FileNotFoundError:
            self._notice(message + " There was no backup, so the studio starts with an empty database.")
        except (CorruptFile, OSError) as exc:
            bad_bak = _keep_aside(bak, "corrupt") if bak.exists() else bak
            self._notice(message + f" The backup could not be read either ({exc}; kept as {bad_bak.name}),"
                         " so the studio starts with an empty database.")
        else:
            atomic_write(self.path, raw)
            when = datetime.fromtimestamp(bak.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
            self._notice(message + f" Recovered the last good copy, saved {when}.")
        self._storage._forget()
        self._storage.read()

    def _tidy_imports(self, older_than: float = IMPORT_KEEP_SECONDS) -> None:
        """Remove uploaded archive copies a thread picker left behind (older than an hour: never one in use)."""
        limit = time.time() - older_than
        for path in (self.data_dir / "imports").glob("*"):
            try:
                if path.is_file() and path.stat().st_mtime < limit:
                    path.unlink()
            except OSError:
                pass

    def _check_schema(self) -> None:
        tables = self._storage.read()
        meta = self._meta()
        version = _meta_version(tables)
        if version is None:  # a new database
            self._table("meta").insert({"app": APP, "schema": DB_SCHEMA, "created_at": now_iso()})
            return
        if version > DB_SCHEMA:
            reason = (f"{DB_NAME} was written by a newer Carousel Studio (database version {version}; "
                      f"this one knows up to {DB_SCHEMA}). It is open read-only and nothing will be saved: "
                      f"update the studio, or move {self.data_dir} away to start fresh.")
            self._storage.read_only = True
            self._storage.read_only_reason = reason
            self._notice(reason)
            return
        if version < DB_SCHEMA:
            kept = self.path.with_name(f"{DB_NAME}.v{version}")
            atomic_write(kept, self.path.read_bytes())
            data = copy.deepcopy(tables)
            for step in range(version, DB_SCHEMA):
                data = MIGRATIONS[step](data)
            data["meta"] = {"1": {**(meta or {}), "app": APP, "schema": DB_SCHEMA}}
            self._storage.write(data)
            self._notice(f"Updated the database from version {version} to {DB_SCHEMA}; "
                         f"the old file is kept as {kept.name}.")
        elif not meta:
            self._table("meta").insert({"app": APP, "schema": DB_SCHEMA, "created_at": now_iso()})

    def _meta(self) -> dict[str, Any] | None:
        docs = self._table("meta").all()
        return dict(docs[0]) if docs else None

    def _reconcile_projects(self) -> None:
        """Re-list project files that lost their list entry (a crash between the two writes)."""
        remove_stale_temp_files(self.projects_dir, "*")
        listed = {d.get("id") for d in self._table("projects").all()}
        for path in sorted(self.projects_dir.glob("*.json")):
            pid = path.stem
            if pid in listed or not ID_PATTERN.fullmatch(pid) or path.name.endswith(".history.json"):
                continue
            try:
                doc = self._read_project_doc(pid)  # damaged: kept aside, recovered from its .bak if it can be
            except StoreError:
                continue  # kept aside and noticed; nothing left to list
            if doc is None:
                continue
            data = doc["carousel"]
            saved_at = doc.get("saved_at") if isinstance(doc.get("saved_at"), str) else now_iso()
            slides = data.get("slides")
            info = {"id": pid, "name": str(data.get("name", "Untitled carousel")), "created_at": saved_at,
                    "updated_at": saved_at, "slides": len(slides) if isinstance(slides, list) else 0}
            self._table("projects").insert(info)
            self._notice(f"Project {info['name']!r} had a file but no entry in the project list; it is listed again.")

    # -- transactions and table helpers ----------------------------------------------------------
    def transaction(self, *, write: bool = False) -> AbstractContextManager[None]:
        """Hold the store for several operations that succeed or fail together (kit imports)."""
        return self._tx(write=write)

    @contextmanager
    def _tx(self, *, write: bool = False, recover: bool = True) -> Iterator[None]:
        """Hold the lock for one logical operation; errors become StoreError with a plain message."""
        if write and self.read_only:
            raise StoreError(self._storage.read_only_reason)
        try:
            with self._storage.transaction():
                if recover:
                    try:
                        self._storage.read()
                    except CorruptFile as exc:  # damaged while we were running
                        self._recover(str(exc))
                yield
        except StoreError:
            raise
        except StorageError as exc:
            raise StoreError(str(exc)) from None
        except ImageError as exc:
            raise StoreError(str(exc)) from None
        except OSError as exc:
            raise StoreError(f"could not use the data folder {self.data_dir}: {exc.strerror or exc}") from None

    def _table(self, name: str) -> Table:
        # A fresh Table each time: TinyDB caches query results and the next id per Table,
        # which would go stale when another process writes.
        return Table(self._storage, name, cache_size=0)

    def _find(self, table: str, **match: Any) -> Document | None:
        docs = self._table(table).search(lambda d: all(d.get(k) == v for k, v in match.items()))
        return docs[0] if docs else None

    def _upsert(self, table: str, doc: dict[str, Any], **match: Any) -> None:
        t = self._table(table)
        found = self._find(table, **match)
        if found is None:
            t.insert(doc)
        else:
            def replace(old: dict[str, Any]) -> None:
                old.clear()
                old.update(doc)
            t.update(replace, doc_ids=[found.doc_id])

    def _load(self, cls: type, data: Any, what: str) -> Any:
        problems: list[str] = []
        value = from_dict(cls, self.assets.inflate(data, problems), cls.__name__)
        for problem in problems:
            self._notice(f"{what}: {problem}; it was left out.")
        return value

    def _dehydrate(self, obj: Any) -> Any:
        try:
            return self.assets.dehydrate(obj)
        except ImageError as exc:
            raise StoreError(str(exc)) from None
        except OSError as exc:
            raise StoreError(f"could not save an image in {self.assets.folder}: {exc.strerror or exc}") from None

    # -- brand profiles --------------------------------------------------------------------------
    def list_profiles(self) -> list[tuple[str, BrandProfile]]:
        """(id, profile) for every profile, by name. A damaged record is skipped and noticed."""
        with self._tx():
            docs = self._table("profiles").all()
        out = []
        for doc in docs:
            try:
                out.append((doc["id"], self._load(BrandProfile, doc["profile"], f"profile {doc.get('id')}")))
            except (SchemaError, KeyError, TypeError) as exc:
                self._notice(f"profile {doc.get('id')!r} in {DB_NAME} could not be read ({exc}); it is skipped.")
        return sorted(out, key=lambda item: (item[1].name.casefold(), item[0]))

    def get_profile(self, profile_id: str) -> BrandProfile:
        with self._tx():
            doc = self._find("profiles", id=check_id(profile_id, "profile id"))
        if doc is None:
            raise StoreError(f"there is no profile with id {profile_id!r}")
        try:
            return self._load(BrandProfile, doc["profile"], f"profile {profile_id}")
        except (SchemaError, KeyError) as exc:
            raise StoreError(f"profile {profile_id!r} is damaged: {exc}") from None

    def find_profiles(self, name: str) -> list[str]:
        """Ids of the profiles called ``name`` (case-insensitive)."""
        wanted = name.strip().casefold()
        with self._tx():
            docs = self._table("profiles").all()
        return [d["id"] for d in docs
                if isinstance(d.get("profile"), dict) and str(d["profile"].get("name", "")).casefold() == wanted]

    def save_profile(self, profile: BrandProfile, profile_id: str | None = None) -> str:
        """Create (no id) or overwrite a profile; returns its id."""
        name = _checked(profile.name, "profile name")
        profile_id = check_id(profile_id, "profile id") if profile_id else new_id()
        data = {**self._dehydrate(profile), "name": name}
        with self._tx(write=True):
            old = self._find("profiles", id=profile_id)
            created = old.get("created_at") if old else now_iso()
            self._upsert("profiles", {"id": profile_id, "profile": data, "created_at": created,
                                      "updated_at": now_iso()}, id=profile_id)
        return profile_id

    def rename_profile(self, profile_id: str, name: str) -> None:
        with self._tx(write=True):
            profile = self.get_profile(profile_id)
            profile.name = _checked(name, "profile name")
            self.save_profile(profile, profile_id)

    def duplicate_profile(self, profile_id: str) -> str:
        """A copy named "<name> (copy)"; returns the new id."""
        with self._tx(write=True):
            profile = self.get_profile(profile_id)
            taken = {p.name for _, p in self.list_profiles()}
            profile.name = _copy_name(profile.name, taken)
            return self.save_profile(profile)

    def delete_profile(self, profile_id: str) -> None:
        """Move a profile to the trash (restorable for 30 days)."""
        with self._tx(write=True):
            doc = self._find("profiles", id=profile_id)
            if doc is None:
                raise StoreError(f"there is no profile with id {profile_id!r}")
            self.trash.put_profile(profile_id, dict(doc))
            self._table("profiles").remove(lambda d: d.get("id") == profile_id)
            if self.settings.get("current_profile") == profile_id:
                self.settings.delete("current_profile")

    # -- presets ---------------------------------------------------------------------------------
    def list_presets(self) -> list[Preset]:
        """Every preset, by name. A damaged record is skipped and noticed."""
        with self._tx():
            docs = self._table("presets").all()
        out = []
        for doc in docs:
            try:
                out.append(self._load(Preset, doc["preset"], f"preset {doc.get('name')!r}"))
            except (SchemaError, KeyError, TypeError) as exc:
                self._notice(f"preset {doc.get('name')!r} in {DB_NAME} could not be read ({exc}); it is skipped.")
        return sorted(out, key=lambda p: p.name.casefold())

    def get_preset(self, name: str) -> Preset:
        with self._tx():
            doc = self._find("presets", name=name.strip())
        if doc is None:
            raise StoreError(f"there is no preset named {name!r}")
        try:
            return self._load(Preset, doc["preset"], f"preset {name!r}")
        except (SchemaError, KeyError) as exc:
            raise StoreError(f"preset {name!r} is damaged: {exc}") from None

    def save_preset(self, preset: Preset) -> str:
        """Save under ``preset.name``, overwriting a preset of that name; returns the name."""
        name = _checked(preset.name, "preset name")
        data = self._dehydrate(preset)
        with self._tx(write=True):
            self._upsert("presets", {"name": name, "preset": data, "updated_at": now_iso()}, name=name)
        return name

    def delete_preset(self, name: str) -> None:
        with self._tx(write=True):
            if not self._table("presets").remove(lambda d: d.get("name") == name.strip()):
                raise StoreError(f"there is no preset named {name!r}")

    # -- projects --------------------------------------------------------------------------------
    def _project_path(self, project_id: str, suffix: str = ".json") -> Path:
        return self.projects_dir / f"{check_id(project_id, 'project id')}{suffix}"

    def list_projects(self) -> list[ProjectInfo]:
        """Every project, most recently saved first."""
        with self._tx():
            docs = self._table("projects").all()
        infos = [ProjectInfo(str(d.get("id")), str(d.get("name", "")), str(d.get("updated_at", "")),
                             d["slides"] if isinstance(d.get("slides"), int) else 0)
                 for d in docs if ID_PATTERN.fullmatch(str(d.get("id")))]
        return sorted(infos, key=lambda p: p.updated_at, reverse=True)

    def _read_project_doc(self, project_id: str) -> dict[str, Any] | None:
        """The stored project document (None if there is none), recovered from its .bak if damaged or
        missing. Call with the lock held."""
        path = self._project_path(project_id)
        bak = path.with_name(path.name + ".bak")
        try:
            return _project_doc(path.read_bytes())
        except FileNotFoundError:
            if not bak.exists():
                return None
            problem, kept = "it is missing", None
        except ValueError as exc:
            problem, kept = str(exc), _keep_aside(path, "corrupt")
        where = f"; it is kept as {kept.name}" if kept else ""
        try:
            raw = bak.read_bytes()
            doc = _project_doc(raw)
        except (OSError, ValueError):
            self._notice(f"Project file {path.name} could not be read ({problem}){where}, and there is no "
                         "readable backup.")
            raise StoreError(f"project {project_id!r} cannot be read ({problem}) and has no readable backup"
                             + (f"; the file is kept as {kept}" if kept else "")) from None
        if not self.read_only:
            atomic_write(path, raw)
        self._notice(f"Project file {path.name} could not be read ({problem}){where}; the last good copy "
                     "was recovered.")
        return doc

    def load_project(self, project_id: str) -> Carousel:
        """The carousel saved under ``project_id`` (StoreError if it does not exist or cannot be read)."""
        with self._tx():
            doc = self._read_project_doc(project_id)
            listed = self._find("projects", id=project_id) if doc is None else None
        if doc is None:
            if listed:
                raise StoreError(f"project {listed.get('name')!r} is listed but its file "
                                 f"{self._project_path(project_id)} is gone (deleted outside the studio?)")
            raise StoreError(f"there is no project with id {project_id!r}")
        try:
            carousel, problems = self._build_project(doc)
        except SchemaError as exc:
            with self._tx():
                doc = self._recover_project(project_id, f"it does not fit the carousel model: {exc}")
            carousel, problems = self._build_project(doc)
        for problem in problems:
            self._notice(f"project {carousel.name!r}: {problem}; it was left out.")
        self._remember(project_id, carousel, doc["carousel"])
        return carousel

    def _build_project(self, doc: dict[str, Any]) -> tuple[Carousel, list[str]]:
        """The carousel of a stored project document, and the images that could not be put back."""
        problems: list[str] = []
        data, changed = safe_fields(doc["carousel"], "carousel")
        if changed:
            self._notice(removed_note(f"project {str(data.get('name', ''))[:60]!r}", changed))
        carousel = carousel_from_doc({**doc, "carousel": self.assets.inflate(data, problems)})
        return carousel, problems

    def _recover_project(self, project_id: str, problem: str) -> dict[str, Any]:
        """Keep a damaged project file aside and put its .bak back (lock held); StoreError if none fits."""
        path = self._project_path(project_id)
        bak = path.with_name(path.name + ".bak")
        kept = _keep_aside(path, "corrupt") if path.exists() else None
        where = f"; it is kept as {kept.name}" if kept else ""
        try:
            doc = _project_doc(bak.read_bytes())
            self._build_project(doc)
        except (OSError, ValueError) as exc:
            self._notice(f"Project file {path.name} could not be read ({problem}){where}, and there is no "
                         "readable backup.")
            raise StoreError(f"project {project_id!r} cannot be opened ({problem}) and has no readable backup"
                             + (f"; the file is kept as {kept}" if kept else "")) from None
        if not self.read_only:
            atomic_write(path, bak.read_bytes())
        self._notice(f"Project file {path.name} could not be read ({problem}){where}; the last good copy "
                     "was recovered.")
        return doc

    def track(self, project_id: str, carousel: Carousel) -> None:
        """Remember ``carousel`` as what its editor last saw of the project (load_project does this)."""
        self._remember(project_id, carousel, self._dehydrate(carousel))

    def _remember(self, project_id: str, editor: Carousel, data: dict[str, Any]) -> None:
        key = id(editor)

        def drop(ref: weakref.ref, key: int = key) -> None:  # the editor's carousel is gone
            with self._editors_lock:
                if key in self._editors and self._editors[key][0] is ref:
                    del self._editors[key]

        with self._editors_lock:
            self._editors[key] = (weakref.ref(editor, drop), project_id, data)

    def _remembered(self, project_id: str, editor: Carousel) -> dict[str, Any] | None:
        with self._editors_lock:
            entry = self._editors.get(id(editor))
        if entry and entry[0]() is editor and entry[1] == project_id:
            return entry[2]
        return None

    def save_project(self, carousel: Carousel, project_id: str | None = None, *,
                     base: Carousel | None = None, editor: Carousel | None = None) -> str:
        """Save a carousel (new project when no id); returns the id.

        Only the top-level fields that changed since the editor's last load or
        save are written, so two tabs editing different things of one project
        both keep their changes; for the same field the later save wins. The
        store remembers that state for each carousel object it loaded or saved;
        ``editor`` names the live object when ``carousel`` is a copy of it, and
        ``base`` gives the state explicitly. With neither known, the whole
        carousel is written.
        """
        project_id = check_id(project_id, "project id") if project_id else new_id()
        editor = editor if editor is not None else carousel
        data = self._dehydrate(carousel)
        base_data = self._dehydrate(base) if base is not None else self._remembered(project_id, editor)
        with self._tx(write=True):
            old_doc = self._read_project_doc(project_id) if base_data is not None else None
            stored = data
            if old_doc is not None and old_doc.get("schema") == SCHEMA:
                stored = dict(old_doc["carousel"])
                stored.update({k: v for k, v in data.items() if base_data.get(k) != v})  # type: ignore[union-attr]
            saved_at = now_iso()
            doc = {"app": APP, "schema": SCHEMA, "id": project_id, "saved_at": saved_at,
                   "carousel": stored}
            path = self._project_path(project_id)
            atomic_write(path, dumps_compact(doc), keep_backup=True)
            old = self._find("projects", id=project_id)
            self._upsert("projects", {"id": project_id, "name": str(stored.get("name", "")),
                                      "created_at": old.get("created_at", saved_at) if old else saved_at,
                                      "updated_at": saved_at, "slides": len(stored.get("slides") or [])},
                         id=project_id)
        # Remember this editor's own state, not the merge: a field another tab changed stays
        # theirs until this editor changes it too.
        self._remember(project_id, editor, data)
        return project_id

    def rename_project(self, project_id: str, name: str) -> None:
        name = name.strip()
        if not name:
            raise StoreError("a project name cannot be empty")
        with self._tx(write=True):
            carousel = self.load_project(project_id)
            carousel.name = name
            self.save_project(carousel, project_id)

    def duplicate_project(self, project_id: str) -> str:
        """A copy named "<name> (copy)"; returns the new id."""
        with self._tx(write=True):
            carousel = self.load_project(project_id)
            carousel.name = _copy_name(carousel.name, {p.name for p in self.list_projects()})
            return self.save_project(carousel)

    def delete_project(self, project_id: str) -> None:
        """Move a project, its backup and its history to the trash (restorable for 30 days)."""
        with self._tx(write=True):
            listing = self._find("projects", id=project_id)
            if listing is None:
                raise StoreError(f"there is no project with id {project_id!r}")
            self.trash.put_project(check_id(project_id, "project id"), dict(listing))
            self._table("projects").remove(lambda d: d.get("id") == project_id)
        if self.settings.get("last_project") == project_id:
            self.settings.delete("last_project")

    def save_history(self, project_id: str, history: History) -> None:
        """Keep a project's undo/redo history so it survives a page reload."""
        path = self._project_path(project_id, ".history.json")
        doc = history.to_doc(encode=self._dehydrate)
        with self._tx(write=True):
            atomic_write(path, dumps_compact(doc))

    def load_history(self, project_id: str) -> History:
        """The saved history, or an empty one when there is none or it cannot be read (noticed)."""
        path = self._project_path(project_id, ".history.json")
        try:
            doc = parse_json(path.read_bytes(), path.name)
        except FileNotFoundError:
            return History()
        except (ValueError, OSError) as exc:
            self._notice(f"The undo history of project {project_id!r} could not be read ({exc}); it starts empty.")
            return History()
        problems: list[str] = []
        try:
            return History.from_doc(doc, prepare=lambda v: self.assets.inflate(v, problems))
        except SchemaError as exc:
            self._notice(f"The undo history of project {project_id!r} could not be read ({exc}); it starts empty.")
            return History()

    # -- housekeeping ----------------------------------------------------------------------------
    def prune_assets(self, min_age: float = 24 * 3600) -> int:
        """Delete image files nothing refers to any more; returns how many.

        Only files older than ``min_age`` seconds go: an image is written just
        before the record that refers to it, so a younger file may belong to a
        save in progress in another process.
        """
        with self._tx(write=True):
            used: set[str] = set()
            _collect_refs(self._storage.read(), used)
            for path in self.projects_dir.glob("*.json"):
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


def _meta_version(tables: dict[str, dict[str, Any]]) -> int | None:
    """The database's schema version (None for a new, empty one); CorruptFile if meta is unreadable."""
    docs = list(tables.get("meta", {}).values())
    if not docs:
        return 1 if any(tables.values()) else None  # data without meta: the first layout
    version = docs[0].get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorruptFile(f"meta.schema is {version!r}, not a version number")
    return version


def _project_doc(raw: bytes) -> dict[str, Any]:
    """Parse a project file; ValueError if it is not one (syntax, huge numbers, deep nesting, bad schema)."""
    doc = parse_json(raw, "it")
    if not isinstance(doc, dict) or not isinstance(doc.get("carousel"), dict):
        raise ValueError("it is not a project document")
    version = doc.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"its schema is {version!r}, not a version number")
    return doc


def _collect_refs(data: Any, into: set[str]) -> None:
    if isinstance(data, dict):
        ref = data.get(REF_KEY)
        if isinstance(ref, str):
            into.add(ref)
        for value in data.values():
            _collect_refs(value, into)
    elif isinstance(data, list):
        for value in data:
            _collect_refs(value, into)


def _checked(name: str, what: str) -> str:
    try:
        return check_name(name, what)
    except ValueError as exc:
        raise StoreError(str(exc)) from None


def _copy_name(name: str, taken: set[str]) -> str:
    base = f"{name} (copy)"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{name} (copy {n})", n + 1
    return candidate


def _keep_aside(path: Path, label: str) -> Path:
    """Rename a damaged file to ``<name>.<label>-<time>`` so nothing is thrown away."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 2
    while target.exists():
        target, n = path.with_name(f"{path.name}.{label}-{stamp}-{n}"), n + 1
    os.replace(path, target)
    fsync_dir(path.parent)
    return target

