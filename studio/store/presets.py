"""Presets: a named look (format, layout, theme, pattern, type), saved by name."""
from __future__ import annotations

from typing import Any

from ..preset import Preset
from ..schema import SchemaError
from .database import DB_NAME, Database
from .records import StoreError, check_record_name, name_key, now_iso


class Presets:
    """The ``presets`` table, keyed by name. Two names are one preset by the profiles' rule (``name_key``: case,
    spaces around it and Unicode form aside), wherever a preset is named, saved, imported or restored."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[Preset]:
        """Every preset, by name. A damaged record is skipped and noticed."""
        with self._db.transaction():
            docs = self._db.table("presets").all()
        out = []
        for doc in docs:
            try:
                out.append(self._db.load(Preset, doc["preset"], f"preset {doc.get('name')!r}"))
            except (SchemaError, KeyError, TypeError) as exc:
                self._db.notice(f"preset {doc.get('name')!r} in {DB_NAME} could not be read ({exc}); it is skipped.")
        return sorted(out, key=lambda p: p.name.casefold())

    def names(self) -> dict[str, str]:
        """The stored name of each saved preset by its ``name_key`` (the first, should an older store hold two)."""
        with self._db.transaction():
            docs = self._db.table("presets").all()
        out: dict[str, str] = {}
        for doc in docs:
            if isinstance(doc.get("name"), str):
                out.setdefault(name_key(doc["name"]), doc["name"])
        return out

    def find(self, name: str) -> str | None:
        """The stored name of the preset called ``name``: that very name first (two saved by an older studio
        under names one by today's rule stay apart), else the one by ``name_key``; None when there is none."""
        with self._db.transaction():
            if self._db.find("presets", name=name.strip()) is not None:
                return name.strip()
            return self.names().get(name_key(name))

    def get(self, name: str) -> Preset:
        stored = self.find(name)
        if stored is None:
            raise StoreError(f"there is no preset named {name!r}")
        return self._db.load_one(Preset, "presets", "preset", f"preset named {name!r}", name=stored)

    def save(self, preset: Preset, names: dict[str, str] | None = None) -> str:
        """Save under ``preset.name``, overwriting the preset of that name (by ``name_key``; it takes this
        spelling); returns the name. ``names`` (from ``names()``, kept up to date here) spares a batch a look
        through the table per preset."""
        name = check_record_name(preset.name, "preset name")
        data: Any = self._db.dehydrate(preset)
        with self._db.transaction(write=True):
            if names is None:
                old = self.find(name)
            else:
                old = name if self._db.find("presets", name=name) is not None else names.get(name_key(name))
            if old is not None and old != name:
                self._db.remove("presets", name=old)
            self._db.upsert("presets", {"name": name, "preset": data, "updated_at": now_iso()}, name=name)
            if names is not None:
                names[name_key(name)] = name
        return name

    def delete(self, name: str) -> None:
        with self._db.transaction(write=True):
            stored = self.find(name)
            if stored is None or not self._db.remove("presets", name=stored):
                raise StoreError(f"there is no preset named {name!r}")
