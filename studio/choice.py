"""Looking a named choice up in a table: one wording for every "unknown X" the studio reports."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

T = TypeVar("T")

QUOTE_CHARS = 60  # of a refused value a message quotes: enough to recognise it, never a megabyte


def quote(value: object, cap: int = QUOTE_CHARS) -> str:
    """``value`` as a message quotes it: its repr, cut to ``cap`` characters with "…" (a value refused from a
    file or a browser's event may be a megabyte long, and a message quoting it whole is as big)."""
    if isinstance(value, str):
        return repr(value if len(value) <= cap else value[:cap] + "…")
    text = repr(value)
    return text if len(text) <= cap else text[:cap] + "…"


def unknown(what: str, key: object, known: Iterable[str]) -> str:
    """ "unknown theme 'x'; choose one of: paper, midnight, …" """
    return f"unknown {what} {quote(key)}; choose one of: {', '.join(known)}"


def pick(table: Mapping[str, T], key: str, what: str) -> T:
    """``table[key]``; ValueError naming the choices when there is no such key."""
    try:
        return table[key]
    except (KeyError, TypeError):
        raise ValueError(unknown(what, key, table)) from None
