"""A page's elements escaped for its HTML with a few ``str.replace`` calls instead of a per-character table.

NiceGUI writes a page's elements into the HTML as JSON and escapes it with ``str.translate`` and a table,
which looks every character up in a dict: for the studio's 340 KB of elements (mostly SVG thumbnails) that
was about half of a page build's CPU, on the event loop. One ``str.replace`` per escaped character gives
the same text several times faster. NiceGUI's client module gets a ``json`` whose ``dumps`` returns text
that escapes itself this way when asked to ``translate`` with NiceGUI's table; anything else is unchanged.
"""
from __future__ import annotations

from typing import Any

from nicegui import client as nicegui_client
from nicegui import json as nicegui_json

AMPERSAND = ord("&")


def escape(text: str, table: dict[int, str]) -> str:
    """``text.translate(table)`` for a table of single characters to entities that start with ``&``."""
    text = str.__str__(text)
    for code in sorted(table, key=lambda code: code != AMPERSAND):  # "&" first: the entities add more of it
        text = text.replace(chr(code), table[code])
    return text


class _SelfEscaping(str):
    """JSON text whose ``translate`` with NiceGUI's HTML table is ``escape``."""

    def translate(self, table: Any) -> str:
        if table is nicegui_client.HTML_ESCAPE_TABLE:
            return escape(self, table)
        return super().translate(table)


class _Json:
    """``nicegui.json`` with ``dumps`` giving self-escaping text."""

    def __getattr__(self, name: str) -> Any:
        return getattr(nicegui_json, name)

    @staticmethod
    def dumps(*args: Any, **kwargs: Any) -> str:
        return _SelfEscaping(nicegui_json.dumps(*args, **kwargs))


def install() -> None:
    """NiceGUI's client module looks ``json`` up at each page build: put the self-escaping one there."""
    nicegui_client.json = _Json()
