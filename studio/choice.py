"""Looking a named choice up in a table: one wording for every "unknown X" the studio reports."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import TypeVar

T = TypeVar("T")

QUOTE_CHARS = 60  # of a refused value a message quotes: enough to recognise it, never a megabyte


def quote(value: object, cap: int = QUOTE_CHARS) -> str:
    """``value`` as a message quotes it, cut to ``cap`` characters with "…" (a value refused from a file or a
    browser's event may be a megabyte long, and a message quoting it whole is as big). Text is shown as it
    reads, in quotes ('Café 👨‍👩‍👧'); only characters that would hide or move the text around it are escaped."""
    if isinstance(value, str):
        return "'" + readable(value if len(value) <= cap else value[:cap] + "…") + "'"
    text = repr(value)
    return text if len(text) <= cap else text[:cap] + "…"


def readable(text: str) -> str:
    """``text`` with its letters and emoji as they are and only controls, line breaks, bidi and other
    invisible format characters, unassigned and private-use characters escaped ("\\u202e"); an emoji's
    joiners and a subdivision flag's tag letters stay."""
    pieces = _FLAG.split(text)  # flags at odd places
    return "".join(piece if i % 2 else "".join(_escaped(ch) for ch in piece) for i, piece in enumerate(pieces))


_FLAG = re.compile("(\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F)")  # a subdivision flag: 🏴 and tag letters


def _escaped(ch: str) -> str:
    category = unicodedata.category(ch)
    hidden = category in ("Cc", "Zl", "Zp", "Cs", "Co", "Cn") or (category == "Cf" and ch not in "\u200c\u200d")
    return ch.encode("unicode_escape").decode("ascii") if hidden else ch


def unknown(what: str, key: object, known: Iterable[str]) -> str:
    """ "unknown theme 'x'; choose one of: paper, midnight, …" """
    return f"unknown {what} {quote(key)}; choose one of: {', '.join(known)}"


def pick(table: Mapping[str, T], key: str, what: str) -> T:
    """``table[key]``; ValueError naming the choices when there is no such key."""
    try:
        return table[key]
    except (KeyError, TypeError):
        raise ValueError(unknown(what, key, table)) from None
