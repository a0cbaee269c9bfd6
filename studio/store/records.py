"""What every part of the store shares: its error, record ids and timestamps."""
from __future__ import annotations

import re
import secrets
import unicodedata
from datetime import datetime, timezone
from typing import Any

from ..choice import quote
from ..preset import BadName, check_name

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


_FLAG = re.compile("\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F")  # a subdivision flag: 🏴 and tag letters


def check_record_name(name: str, what: str) -> str:
    """A profile's or preset's name, stripped; StoreError if it cannot be one. A subdivision flag's tag
    letters are part of what is drawn (🏴󠁧󠁢󠁳󠁣󠁴󠁿), not hidden characters."""
    try:
        check_name(_FLAG.sub("\U0001F3F4", name) if isinstance(name, str) else name, what)
    except BadName as exc:
        raise StoreError(_bad_name(name, what, exc)) from None
    return name.strip()


def _bad_name(name: str, what: str, exc: BadName) -> str:
    """``exc``'s message, the name in it shown as it reads (only controls and bidi characters escaped)."""
    shown = quote(name.strip(), 30) if isinstance(name, str) else ""
    return {"separator": f"{what} {shown} contains a path separator (/ or \\)",
            "dots": f"{what} {shown} is not a usable name",
            "characters": f"{what} {shown} contains control or unassigned characters"}.get(exc.reason, str(exc))


def name_key(name: str) -> str:
    """What makes two profile names one: case, spaces around it and Unicode normalization ("Café" typed as é
    or as e + ◌́) aside."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name.strip()).casefold())


def same_name(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one name (``name_key``): the one rule every door that adds a profile uses."""
    return name_key(a) == name_key(b)


def copy_name(name: str, taken: set[str]) -> str:
    """"<name> (copy)", or "(copy 2)" and on when that is taken."""
    base = f"{name} (copy)"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{name} (copy {n})", n + 1
    return candidate
