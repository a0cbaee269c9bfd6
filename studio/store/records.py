"""What every part of the store shares: its error, record ids and timestamps."""
from __future__ import annotations

import re
import secrets
from datetime import datetime, timezone
from typing import Any

from ..preset import check_name

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


def check_record_name(name: str, what: str) -> str:
    """A profile's or preset's name, stripped; StoreError if it cannot be one."""
    try:
        return check_name(name, what)
    except ValueError as exc:
        raise StoreError(str(exc)) from None


def copy_name(name: str, taken: set[str]) -> str:
    """"<name> (copy)", or "(copy 2)" and on when that is taken."""
    base = f"{name} (copy)"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{name} (copy {n})", n + 1
    return candidate
