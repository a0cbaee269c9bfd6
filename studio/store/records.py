"""What every part of the store shares: its error, record ids and timestamps."""
from __future__ import annotations

import re
import secrets
from datetime import datetime, timezone
from typing import Any

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


class StoreError(ValueError):
    """Something the store cannot do; the message is meant for the user."""


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def new_id() -> str:
    return secrets.token_hex(6)


def check_id(value: Any, what: str = "id") -> str:
    """Ids become file names: only lowercase letters, digits and dashes."""
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        raise StoreError(f"{what} {str(value)[:40]!r} is not a valid id")
    return value
