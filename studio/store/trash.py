"""Trash: deleted projects and profiles, restorable for 30 days.

Deleting moves a project's files (with its backup and history) or a profile's
record into ``trash/<item id>/`` next to a ``record.json`` that says what it
was; restoring moves them back. Items older than ``KEEP_DAYS`` are removed
when the store opens.
"""
from __future__ import annotations

import ctypes
import errno
import functools
import os
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..graphemes import clusters_of
from ..limits import LimitError, parse_json
from ..preset import MAX_NAME_LENGTH
from .records import _FLAG as SUBDIVISION_FLAG
from .records import StoreError, check_id, check_record_name, name_key, new_id, now_iso, same_name
from ..atomic import atomic_write, fsync_dir
from .storage import dumps_compact

if TYPE_CHECKING:
    from .database import Database

KEEP_DAYS = 30
PROJECT_FILES = (".json", ".json.bak", ".history.json")
Kind = Literal["project", "profile"]


@dataclass(frozen=True)
class TrashItem:
    """One deleted project or profile."""

    id: str           # the trash item's own id (its folder name)
    kind: Kind
    name: str
    deleted_at: str   # ISO 8601, UTC

    @property
    def expires(self) -> str:
        """The day it is removed for good (YYYY-MM-DD)."""
        return (datetime.fromisoformat(self.deleted_at) + timedelta(days=KEEP_DAYS)).strftime("%Y-%m-%d")


class Trash:
    """The trash of one store. Methods that change it are called with the store's lock held."""

    def __init__(self, db: "Database") -> None:
        self._db = db
        self.folder = db.data_dir / "trash"

    def put_project(self, project_id: str, listing: dict[str, Any]) -> None:
        """Move a project's files into the trash (its list entry is removed by the caller)."""
        folder = self._new(project_id, "project", str(listing.get("name", "")), {"listing": listing})
        for suffix in PROJECT_FILES:
            source = self._db.project_path(project_id, suffix)
            if source.exists():
                os.replace(source, folder / source.name)
        fsync_dir(self._db.projects_dir)
        fsync_dir(folder)

    def put_profile(self, profile_id: str, doc: dict[str, Any]) -> None:
        """Keep a profile's record in the trash (the caller removes it from the database)."""
        self._new(profile_id, "profile", _profile_name(doc), {"doc": dict(doc)})

    def put_profiles(self, docs: list[dict[str, Any]]) -> list[Path]:
        """Keep several profiles' records in the trash, each under a fresh id of its own, flushed to disk in one
        go (a flush per item held the lock 20 s for 1,000); returns their folders for ``take_back``."""
        folders: list[Path] = []
        try:
            for doc in docs:
                folders.append(self._new(new_id(), "profile", _profile_name(doc), {"doc": dict(doc)}, durable=False))
            if folders:
                _flush(folders)
        except BaseException:
            for folder in folders:  # the caller's transaction fails with this: its profiles stay saved
                shutil.rmtree(folder, ignore_errors=True)
            raise
        return folders

    def take_back(self, folders: list[Path]) -> None:
        """Remove the trash copies ``put_profiles`` made for a change that was not committed: each whose profile
        is still saved as it was (a copy whose profile changed after all stays, so no brand is lost)."""
        db = self._db
        try:
            with db.transaction():
                for folder in folders:
                    record = _read_record(folder)
                    doc = record["doc"] if record is not None else {}
                    saved = db.find("profiles", id=doc.get("id"))
                    if saved is not None and saved.get("profile") == doc.get("profile"):
                        shutil.rmtree(folder, ignore_errors=True)
        except (StoreError, OSError):
            pass  # the data folder cannot be read now: the copies stay, restorable, rather than risk a brand

    def items(self) -> list[TrashItem]:
        """Everything in the trash, most recently deleted first."""
        out = [item for item, _ in self._records()]
        return sorted(out, key=lambda item: item.deleted_at, reverse=True)

    def name_taken(self, item_id: str) -> str | None:
        """For a deleted profile whose name another profile has now: the distinct name ``restore(beside=True)``
        would bring it back under ("Acme (restored)"); None when its own name is free (or it is a project)."""
        record = self._record(item_id)
        if record["kind"] != "profile":
            return None
        with self._db.transaction():
            taken = _profile_names(self._db)
        name = _profile_name(record["doc"])
        return restored_name(name, taken) if any(same_name(t, name) for t in taken) else None

    def restore(self, item_id: str, *, beside: bool = False) -> str:
        """Put an item back; returns the project or profile id (a new one if the old id is taken again).

        A profile whose name another has now is refused, or with ``beside`` comes back next to that one under a
        distinct name (``restored_name``): never over it, so neither is lost."""
        folder = self.folder / check_id(item_id, "trash item")
        record = self._record(item_id)
        db = self._db
        with db.transaction(write=True):
            kind, old_id = record["kind"], record["original_id"]
            if kind == "project":
                taken = db.find("projects", id=old_id) or db.project_path(old_id).exists()
                new = new_id() if taken else old_id
                for suffix in PROJECT_FILES:
                    source = folder / f"{old_id}{suffix}"
                    if source.exists():
                        os.replace(source, db.project_path(new, suffix))
                fsync_dir(db.projects_dir)
                db.upsert("projects", {**record["listing"], "id": new}, id=new)
            else:
                doc = _beside(db, record["doc"]) if beside else record["doc"]
                _refuse_bad_name(doc)
                _refuse_same_name(db, doc)
                new = new_id() if db.find("profiles", id=old_id) else old_id
                db.upsert("profiles", {**doc, "id": new}, id=new)
            shutil.rmtree(folder)
        return new

    def _record(self, item_id: str) -> dict[str, Any]:
        record = _read_record(self.folder / check_id(item_id, "trash item"))
        if record is None:
            raise StoreError(f"there is nothing in the trash called {item_id!r}")
        return record

    def holds_profile(self, profile_id: str) -> bool:
        """Whether a deleted copy of the profile ``profile_id`` is in the trash."""
        return bool(self._profile_folders(profile_id))

    def drop_profile(self, profile_id: str) -> None:
        """Remove the trash's copies of a profile whose deletion was undone (it is back under its own id)."""
        for folder in self._profile_folders(profile_id):
            shutil.rmtree(folder, ignore_errors=True)

    def _profile_folders(self, profile_id: str) -> list[Path]:
        return [folder for item, folder in self._records()
                if item.kind == "profile" and folder.name.startswith(f"profile-{profile_id}-")]

    def empty_old(self, days: float = KEEP_DAYS) -> int:
        """Remove items deleted more than ``days`` ago; returns how many."""
        limit = datetime.now(timezone.utc) - timedelta(days=days)
        removed = 0
        for item, folder in self._records():
            if datetime.fromisoformat(item.deleted_at) < limit:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        return removed

    def _new(self, original_id: str, kind: Kind, name: str, extra: dict[str, Any], *, durable: bool = True) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
        folder = self.folder / f"{kind}-{original_id}-{stamp}"
        n = 2
        while folder.exists():
            folder, n = self.folder / f"{kind}-{original_id}-{stamp}-{n}", n + 1
        folder.mkdir(parents=True)
        record = {"kind": kind, "original_id": original_id, "name": name, "deleted_at": now_iso(), **extra}
        try:
            atomic_write(folder / "record.json", dumps_compact(record), durable=durable)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)  # no record-less folder left behind
            raise
        return folder

    def _records(self) -> list[tuple[TrashItem, Path]]:
        if not self.folder.is_dir():
            return []
        out = []
        for folder in self.folder.iterdir():
            record = _read_record(folder)
            if record is not None:
                out.append((TrashItem(folder.name, record["kind"], str(record.get("name", "")),
                                      record["deleted_at"]), folder))
        return out


def _profile_name(doc: dict[str, Any]) -> str:
    return str(doc.get("profile", {}).get("name", "")) if isinstance(doc.get("profile"), dict) else ""


FEW = 4  # up to this many new folders are flushed file by file; more, their whole file system at once


def _flush(folders: list[Path]) -> None:
    """Make new trash folders durable (raises OSError if the disk says it could not).

    A few: each one's record and the folder itself, then the trash folder holding them. Many: one flush of the
    file system the trash is on (``syncfs``): two flushes per item held the store's lock 8.5 s for 1,000 items,
    each waiting for the disk on its own. Never a flush of every file system on the machine (``os.sync``
    waited on other programs' disks)."""
    if len(folders) > FEW and _sync_file_system(folders[0].parent):
        return
    for folder in folders:
        with open(folder / "record.json", "rb") as f:
            os.fsync(f.fileno())
        fsync_dir(folder)
    fsync_dir(folders[0].parent)


def _sync_file_system(folder: Path) -> bool:
    """Flush everything written to the file system holding ``folder``; False where the system cannot (not
    Linux, or a sandbox refusing the call), so the caller flushes file by file. OSError when the flush fails."""
    syncfs = _libc_syncfs()
    if syncfs is None:
        return False
    fd = os.open(folder, os.O_RDONLY)
    try:
        if syncfs(fd) != 0:
            err = ctypes.get_errno()
            if err in (errno.ENOSYS, errno.EPERM):  # a kernel or sandbox without it: flushed file by file
                return False
            raise OSError(err, f"flushing the trash to disk failed: {os.strerror(err)}")
    finally:
        os.close(fd)
    return True


@functools.cache
def _libc_syncfs() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    syncfs.argtypes, syncfs.restype = [ctypes.c_int], ctypes.c_int
    return syncfs


def _profile_names(db: "Database") -> list[str]:
    return [_profile_name(doc) for doc in db.table("profiles").all()]


def restored_name(name: str, taken: list[str]) -> str:
    """A name for a profile or preset coming back while another has its own: "<name> (restored)", then
    "(restored 2)" and on, distinct by ``name_key`` from every name in ``taken``. A name near the length limit
    is shortened before the suffix (the message saying it was restored shows the new name whole)."""
    keys = {name_key(other) for other in taken}
    clusters = clusters_of(name.strip())
    n = 1
    while True:
        suffix = " (restored)" if n == 1 else f" (restored {n})"
        base = _fitting(clusters, MAX_NAME_LENGTH - len(suffix))
        if name_key(base + suffix) not in keys:
            return base + suffix
        n += 1


def _fitting(clusters: list[str], room: int) -> str:
    """The first of ``clusters`` that fit in ``room`` characters as the store counts a name (a subdivision flag
    is one), whole: a flag, a family, a letter with its accent is kept or left out, never cut inside. No space
    or joiner is left at the end."""
    kept: list[str] = []
    used = 0
    for cluster in clusters:
        used += 1 if SUBDIVISION_FLAG.fullmatch(cluster) else len(cluster)
        if used > room:
            break
        kept.append(cluster)
    return "".join(kept).rstrip().rstrip("\u200c\u200d").rstrip()


def _beside(db: "Database", doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` renamed by ``restored_name`` when another profile has its name now; else ``doc`` as it is."""
    name, taken = _profile_name(doc), _profile_names(db)
    if not any(same_name(other, name) for other in taken):
        return doc
    return {**doc, "profile": {**doc["profile"], "name": restored_name(name, taken)}}


def _refuse_bad_name(doc: dict[str, Any]) -> None:
    """A profile comes back only under a name the store would save (its own rule, ``check_record_name``): a
    name it refuses would make every later save of that profile fail. Refused, the profile stays in the trash."""
    try:
        check_record_name(_profile_name(doc), "profile name")
    except StoreError as exc:
        raise StoreError(f"This profile was not restored (it stays in the trash): its {exc}.") from None


def _refuse_same_name(db: "Database", doc: dict[str, Any]) -> None:
    """A profile comes back under its own name only while no other has it: two of one name could not be told
    apart in the picker, and renaming it unasked would put words in the creator's mouth (asked: ``_beside``)."""
    name = doc.get("profile", {}).get("name", "") if isinstance(doc.get("profile"), dict) else ""
    for other in db.table("profiles").all():
        theirs = other.get("profile")
        if isinstance(theirs, dict) and same_name(str(theirs.get("name", "")), str(name)):
            shown = str(name).strip()
            shown = shown if len(shown) <= 60 else shown[:60] + "…"
            raise StoreError(f"A profile named “{shown}” exists already, so this one was not restored (it stays "
                             "in the trash). Rename or delete that profile first, then restore this one again.")


def _read_record(folder: Path) -> dict[str, Any] | None:
    """A trash folder's record, or None when it is missing or damaged (the folder is then left alone)."""
    try:
        record = parse_json((folder / "record.json").read_bytes(), "record.json")
        datetime.fromisoformat(record["deleted_at"])
    except (OSError, LimitError, KeyError, TypeError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("kind") not in ("project", "profile"):
        return None
    if not isinstance(record.get("listing" if record["kind"] == "project" else "doc"), dict):
        return None
    return record
