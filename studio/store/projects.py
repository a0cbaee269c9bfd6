"""Projects: one carousel each in ``projects/<id>.json`` (with a ``.bak``), its undo history beside it,
and a row in the database's project list.

Project bodies live in their own files so that an autosave rewrites one small
file instead of the whole database.
"""
from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import Any

import regex

from ..carousel import Carousel
from ..history import History
from ..limits import parse_json
from ..project_file import SCHEMA, carousel_from_doc
from ..schema import SchemaError
from ..sources.cleanup import removed_note, safe_fields
from .database import APP, Database
from .records import ID_PATTERN, StoreError, check_id, copy_name, new_id, now_iso
from .settings import Settings
from ..atomic import atomic_write
from .storage import dumps_compact, remove_stale_temp_files
from .trash import PROJECT_FILES, Trash

LAST_PROJECT = "last_project"  # the setting naming the project to reopen when the studio starts
NO_VISIBLE_NAME = ("A project name needs at least one character you can see (a letter, digit or symbol); "
                   "spaces and invisible characters alone name nothing.")
# Characters nothing draws: default-ignorable code points (Unicode's list, assigned or not: joiners, selectors,
# tag letters, Hangul fillers, U+180E, U+E0080…), controls, line and paragraph separators, and format characters
# but the few a script draws as a sign (the Arabic number sign U+0600, the Kaithi number sign U+110BD).
_INVISIBLE = regex.compile(r"[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cs}\p{Zl}\p{Zp}]"
                           r"|(?!\p{Prepended_Concatenation_Mark})\p{Cf}")
# blanks: they take room but draw nothing, and a combining mark can sit on them (" \u20dd" draws a circle)
_BLANK = regex.compile("[\\p{Zs}\u2800\U0001D159]")  # spaces, the blank Braille pattern, the null notehead
_MARK = regex.compile(r"[\p{Mn}\p{Me}]")


def shows_nothing(name: str) -> bool:
    """True when ``name`` draws nothing: every character is a space or blank, an invisible one (default-ignorable,
    control, format) or a combining mark with no base to sit on. A mark on a space draws; so does a format
    character a script draws (U+0600)."""
    base = False
    for ch in name:
        if _INVISIBLE.match(ch):
            continue  # (a joiner or selector between a base and its mark leaves the mark on its base)
        if _BLANK.match(ch):
            base = True
        elif not _MARK.match(ch) or base:
            return False
    return True


def stripped_name(name: str) -> str:
    """``name`` without spaces around it, but the space a leading combining mark sits on (" \u20dd" is a circle;
    "\u20dd" alone has nothing to sit on)."""
    stripped = name.strip()
    lead = len(name) - len(name.lstrip())
    if stripped and lead and _MARK.match(stripped[0]) and _BLANK.match(name[lead - 1]):
        return name[lead - 1] + stripped
    return stripped


class ProjectGone(StoreError):
    """The project is no longer in the list: deleted a moment ago (by someone else, in another tab)."""


@dataclass(frozen=True)
class ProjectInfo:
    """One row of the project list."""

    id: str
    name: str
    updated_at: str  # ISO 8601, UTC
    slide_count: int


class Projects:
    """Every project's file, history and list row; deleting moves a project to the trash.

    Each editor (browser tab) saves only the fields it changed since it loaded
    or last saved the project (see ``save``): the repository remembers that
    state for each carousel object it handed out or saved.
    """

    def __init__(self, db: Database, trash: Trash, settings: Settings) -> None:
        self._db = db
        self._trash = trash
        self._settings = settings
        self._editors: dict[int, tuple[weakref.ref, str, dict[str, Any]]] = {}
        self._editors_lock = threading.Lock()

    def all(self) -> list[ProjectInfo]:
        """Every project, most recently saved first."""
        with self._db.transaction():
            docs = self._db.table("projects").all()
        infos = [ProjectInfo(str(d.get("id")), str(d.get("name", "")), str(d.get("updated_at", "")),
                             d["slides"] if isinstance(d.get("slides"), int) else 0)
                 for d in docs if ID_PATTERN.fullmatch(str(d.get("id")))]
        return sorted(infos, key=lambda p: p.updated_at, reverse=True)

    def load(self, project_id: str) -> Carousel:
        """The carousel saved under ``project_id`` (StoreError if it does not exist or cannot be read)."""
        with self._db.transaction():
            doc = self._read(project_id)
            listed = self._db.find("projects", id=project_id) if doc is None else None
        if doc is None:
            if listed:
                raise StoreError(f"project {listed.get('name')!r} is listed but its file "
                                 f"{self._db.project_path(project_id)} is gone (deleted outside the studio?)")
            raise StoreError(f"there is no project with id {project_id!r}")
        try:
            carousel, problems = self._build(doc)
        except SchemaError as exc:
            with self._db.transaction():
                doc = self._db.restore_backup(self._db.project_path(project_id),
                                              f"it does not fit the carousel model: {exc}",
                                              self._buildable, "project", project_id)
            carousel, problems = self._build(doc)
        for problem in problems:
            self._db.notice(f"project {carousel.name!r}: {problem}; it was left out.")
        self._remember(project_id, carousel, doc["carousel"])
        return carousel

    def save(self, carousel: Carousel, project_id: str | None = None, *,
             base: Carousel | None = None, editor: Carousel | None = None) -> str:
        """Save a carousel (new project when no id); returns the id.

        Only the top-level fields that changed since the editor's last load or
        save are written, so two tabs editing different things of one project
        both keep their changes; for the same field the later save wins.
        ``editor`` names the live object when ``carousel`` is a copy of it, and
        ``base`` gives the state explicitly. With neither known, the whole
        carousel is written.
        """
        project_id = check_id(project_id, "project id") if project_id else new_id()
        editor = editor if editor is not None else carousel
        data = self._db.dehydrate(carousel)
        base_data = self._db.dehydrate(base) if base is not None else self._remembered(project_id, editor)
        with self._db.transaction(write=True):
            old_doc = self._read(project_id) if base_data is not None else None
            stored = data
            if old_doc is not None and old_doc.get("schema") == SCHEMA:
                stored = dict(old_doc["carousel"])
                stored.update({k: v for k, v in data.items() if base_data.get(k) != v})  # type: ignore[union-attr]
            saved_at = now_iso()
            doc = {"app": APP, "schema": SCHEMA, "id": project_id, "saved_at": saved_at, "carousel": stored}
            atomic_write(self._db.project_path(project_id), dumps_compact(doc), keep_backup=True)
            self._db.upsert("projects", {"id": project_id, "name": str(stored.get("name", "")),
                                         "created_at": saved_at, "updated_at": saved_at,
                                         "slides": len(stored.get("slides") or [])},
                            keep=("created_at",), id=project_id)
        # Remember this editor's own state, not the merge: a field another tab changed stays
        # theirs until this editor changes it too.
        self._remember(project_id, editor, data)
        return project_id

    def track(self, project_id: str, carousel: Carousel) -> None:
        """Remember ``carousel`` as what its editor last saw of the project (``load`` does this)."""
        self._remember(project_id, carousel, self._db.dehydrate(carousel))

    def rename(self, project_id: str, name: str) -> None:
        name = stripped_name(name)
        if not name:
            raise StoreError("a project name cannot be empty")
        if shows_nothing(name):
            raise StoreError(NO_VISIBLE_NAME)
        with self._db.transaction(write=True):
            carousel = self.load(project_id)
            carousel.name = name
            self.save(carousel, project_id)

    def duplicate(self, project_id: str) -> str:
        """A copy named "<name> (copy)"; returns the new id."""
        with self._db.transaction(write=True):
            carousel = self.load(project_id)
            carousel.name = copy_name(carousel.name, {p.name for p in self.all()})
            return self.save(carousel)

    def delete(self, project_id: str) -> None:
        """Move a project, its backup and its history to the trash (restorable for 30 days)."""
        with self._db.transaction(write=True):
            listing = self._db.find("projects", id=project_id)
            if listing is None:
                raise ProjectGone("This project was deleted a moment ago, perhaps by someone else; "
                                  "“Recently deleted” can restore it.")
            self._trash.put_project(check_id(project_id, "project id"), dict(listing))
            self._db.remove("projects", id=project_id)
        if self._settings.get(LAST_PROJECT) == project_id:
            self._settings.delete(LAST_PROJECT)

    def discard(self, project_id: str) -> None:
        """Remove a project for good, not into the trash: its files and its list row (a new project
        whose import was cancelled; nobody chose to keep it)."""
        with self._db.transaction(write=True):
            for suffix in PROJECT_FILES:
                self._db.project_path(project_id, suffix).unlink(missing_ok=True)
            self._db.remove("projects", id=project_id)
        if self._settings.get(LAST_PROJECT) == project_id:
            self._settings.delete(LAST_PROJECT)

    def save_history(self, project_id: str, history: History) -> None:
        """Keep a project's undo/redo history so it survives a page reload."""
        path = self._db.project_path(project_id, ".history.json")
        doc = history.to_doc(encode=self._db.dehydrate)
        with self._db.transaction(write=True):
            atomic_write(path, dumps_compact(doc))

    def load_history(self, project_id: str) -> History:
        """The saved history, or an empty one when there is none or it cannot be read (noticed)."""
        path = self._db.project_path(project_id, ".history.json")
        try:
            doc = parse_json(path.read_bytes(), path.name)
        except FileNotFoundError:
            return History()
        except (ValueError, OSError) as exc:
            self._db.notice(f"The undo history of project {project_id!r} could not be read ({exc}); it starts empty.")
            return History()
        problems: list[str] = []
        try:
            return History.from_doc(doc, prepare=lambda v: self._db.assets.inflate(v, problems))
        except SchemaError as exc:
            self._db.notice(f"The undo history of project {project_id!r} could not be read ({exc}); it starts empty.")
            return History()

    def reconcile(self) -> None:
        """Re-list project files that lost their list entry (a crash between the two writes; lock held)."""
        remove_stale_temp_files(self._db.projects_dir, "*")
        listed = {d.get("id") for d in self._db.table("projects").all()}
        for path in sorted(self._db.projects_dir.glob("*.json")):
            pid = path.stem
            if pid in listed or not ID_PATTERN.fullmatch(pid) or path.name.endswith(".history.json"):
                continue
            try:
                doc = self._read(pid)  # damaged: kept aside, recovered from its .bak if it can be
            except StoreError:
                continue  # kept aside and noticed; nothing left to list
            if doc is None:
                continue
            data = doc["carousel"]
            saved_at = doc.get("saved_at") if isinstance(doc.get("saved_at"), str) else now_iso()
            slides = data.get("slides")
            info = {"id": pid, "name": str(data.get("name", "Untitled carousel")), "created_at": saved_at,
                    "updated_at": saved_at, "slides": len(slides) if isinstance(slides, list) else 0}
            self._db.table("projects").insert(info)
            self._db.notice(f"Project {info['name']!r} had a file but no entry in the project list; "
                            "it is listed again.")

    # -- the file and its carousel ---------------------------------------------------------------
    def _read(self, project_id: str) -> dict[str, Any] | None:
        """The stored project document (None if there is none), recovered from its .bak if damaged or
        missing. Call with the lock held."""
        return self._db.read_with_backup(self._db.project_path(project_id), project_doc, "project", project_id)

    def _build(self, doc: dict[str, Any]) -> tuple[Carousel, list[str]]:
        """The carousel of a stored project document, and the images that could not be put back."""
        problems: list[str] = []
        data, changed = safe_fields(doc["carousel"], "carousel")
        if changed:
            self._db.notice(removed_note(f"project {str(data.get('name', ''))[:60]!r}", changed))
        carousel = carousel_from_doc({**doc, "carousel": self._db.assets.inflate(data, problems)})
        return carousel, problems

    def _buildable(self, raw: bytes) -> dict[str, Any]:
        """A backup's document, if it makes a carousel (ValueError if not)."""
        doc = project_doc(raw)
        self._build(doc)
        return doc

    # -- what each editor last saw -----------------------------------------------------------------
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


def project_doc(raw: bytes) -> dict[str, Any]:
    """Parse a project file; ValueError if it is not one (syntax, huge numbers, deep nesting, bad schema)."""
    doc = parse_json(raw, "it")
    if not isinstance(doc, dict) or not isinstance(doc.get("carousel"), dict):
        raise ValueError("it is not a project document")
    version = doc.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"its schema is {version!r}, not a version number")
    return doc
