"""Looking a named choice up in a table: one wording for every "unknown X" the studio reports."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

T = TypeVar("T")


def unknown(what: str, key: object, known: Iterable[str]) -> str:
    """ "unknown theme 'x'; choose one of: paper, midnight, …" """
    return f"unknown {what} {key!r}; choose one of: {', '.join(known)}"


def pick(table: Mapping[str, T], key: str, what: str) -> T:
    """``table[key]``; ValueError naming the choices when there is no such key."""
    try:
        return table[key]
    except (KeyError, TypeError):
        raise ValueError(unknown(what, key, table)) from None
