"""Presets: a named look (format, layout, theme, pattern, type), saved by name."""
from __future__ import annotations

from ..preset import Preset
from ..schema import SchemaError
from .database import DB_NAME, Database
from .records import StoreError, check_record_name, now_iso


class Presets:
    """The ``presets`` table; a preset's name is its key."""

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

    def get(self, name: str) -> Preset:
        return self._db.load_one(Preset, "presets", "preset", f"preset named {name!r}", name=name.strip())

    def save(self, preset: Preset) -> str:
        """Save under ``preset.name``, overwriting a preset of that name; returns the name."""
        name = check_record_name(preset.name, "preset name")
        data = self._db.dehydrate(preset)
        with self._db.transaction(write=True):
            self._db.upsert("presets", {"name": name, "preset": data, "updated_at": now_iso()}, name=name)
        return name

    def delete(self, name: str) -> None:
        with self._db.transaction(write=True):
            if not self._db.remove("presets", name=name.strip()):
                raise StoreError(f"there is no preset named {name!r}")
