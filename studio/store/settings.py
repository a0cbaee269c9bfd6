"""Settings: small values that outlive a session (last open project, current profile id)."""
from __future__ import annotations

import copy
from typing import Any

from .database import Database
from .records import StoreError
from .storage import dumps_compact

MAX_SETTING_BYTES = 64 * 1024


class Settings:
    """Key → JSON value, in the database's ``settings`` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        with self._db.transaction():
            doc = self._db.find("settings", key=key)
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
        if size > MAX_SETTING_BYTES:
            raise StoreError(f"setting {key!r}: {size} bytes is more than the 64 KiB a setting may hold")
        with self._db.transaction(write=True):
            self._db.upsert("settings", {"key": key, "value": value}, key=key)

    def delete(self, key: str) -> None:
        with self._db.transaction(write=True):
            self._db.remove("settings", key=key)

    def __getitem__(self, key: str) -> Any:
        return self.get(key)
