"""A page turned into its HTML in a thread, with its elements escaped by a few ``str.replace`` calls.

Turning a built page into HTML (its elements as JSON, escaped, in NiceGUI's template) costs about 40 ms of
CPU in one piece. On the event loop, every static file and every edit of the browsers already open waited
for it; in a thread, the loop gets its turn every few milliseconds meanwhile (``response``).

NiceGUI writes a page's elements into the HTML as JSON and escapes it with ``str.translate`` and a table,
which looks every character up in a dict: for the studio's 340 KB of elements (mostly SVG thumbnails) that
was about half of a page build's CPU, on the event loop. One ``str.replace`` per escaped character gives
the same text several times faster. NiceGUI's client module gets a ``json`` whose ``dumps`` returns text
that escapes itself this way when asked to ``translate`` with NiceGUI's table; anything else is unchanged.
"""
from __future__ import annotations

import asyncio
from typing import Any

from fastapi import Request, Response
from nicegui import client as nicegui_client
from nicegui import context
from nicegui import json as nicegui_json

from . import nicegui_seams

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
    nicegui_seams.set_page_json(_Json())


async def response(request: Request) -> Response | None:
    """The current page's HTML response, made in a thread (what NiceGUI would make on the loop once the page
    function returns; the studio binds no properties, so NiceGUI's binding step before it has nothing to do).

    Only this page's own elements are read, and nothing changes them before its browser connects but a
    thumbnail filled in or a presence chip: a change that lands in the middle of reading is sent again once
    the browser connects, and one that changes the set of elements while it is read makes it start again
    on the loop. None when something on the page waits for its browser (share mode's greeting): NiceGUI
    then serves the page itself, at once, and a response returned later would only be thrown away."""
    client = context.client
    await asyncio.sleep(0)  # a timer created in the last step starts now
    if _served_by_nicegui(client):
        return None
    try:
        html = await asyncio.to_thread(client.build_response, request, client.status_code)
    except RuntimeError:  # "dictionary changed size during iteration": an element was added meanwhile
        html = client.build_response(request, client.status_code)
    return None if _served_by_nicegui(client) else html


def _served_by_nicegui(client: nicegui_client.Client) -> bool:
    """True once something on the page waits for its browser: NiceGUI serves the page as built so far."""
    return nicegui_seams.page_waits_for_browser(client)
