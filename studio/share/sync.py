"""Keeping one browser's text boxes and its replica in step, without losing a keystroke.

A browser sends the whole new value of a text box, tagged with the version of that box it last
received (``base``) and a sequence number. The server end (``Channel``) applies it only when
``base`` is the version it last sent: then the replica holds exactly the text the browser saw, and
the smallest splice between the two is the browser's edit. Otherwise the browser is about to get a
newer version; it rebases its own typing onto that (``TextBox.receive`` / ``rebase``) and sends
again. Every message the server sends says which of the browser's edits it already holds
(``ack``), so the browser knows whether its edit in flight is in the text or still to be redone.

``TextBox`` is the browser's half written in Python: the benchmark's simulated editors use it, and
the studio's script for a shared text box follows the same steps.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .document import Replica, splice

Key = tuple[str, str]  # (slide id, field)
Message = dict[str, Any]


class Channel:
    """The server end of one browser: its replica, and which version of each text box it was sent."""

    def __init__(self, replica: Replica, send: Callable[[Message], Any]) -> None:
        self.replica, self.send = replica, send
        self.versions: dict[Key, int] = {}
        self.sent: dict[Key, str] = {}
        self.acks: dict[Key, int] = {}
        self.close = replica.hub.subscribe(self._heard)

    def _heard(self, person: str | None) -> None:
        if person != self.replica.person:
            self.refresh()

    def watch(self, slide: str, field: str) -> None:
        """Send this box's text now, and again whenever it changes."""
        self._send((slide, field))

    def edit(self, slide: str, field: str, value: str, base: int, seq: int) -> bool:
        """The browser's box reads ``value``; applied when ``base`` is the version last sent (True)."""
        key = (slide, field)
        if base != self.versions.get(key) or slide not in self.replica.slide_ids():
            return False  # the browser has a newer version coming: it rebases and sends again
        self.replica.set_text(slide, field, value)
        self.acks[key] = seq
        self.refresh(always=key)
        return True

    def refresh(self, always: Key | None = None) -> None:
        """Take in the others' edits and send every watched box whose text changed."""
        self.replica.pull()
        for key in self.versions:
            if key == always or self._text(key) != self.sent[key]:
                self._send(key)

    def _text(self, key: Key) -> str:
        return self.replica.text(*key) if key[0] in self.replica.slide_ids() else ""

    def _send(self, key: Key) -> None:
        self.versions[key] = self.versions.get(key, 0) + 1
        self.sent[key] = text = self._text(key)
        self.send({"slide": key[0], "field": key[1], "text": text, "v": self.versions[key],
                   "ack": self.acks.get(key, 0)})


class TextBox:
    """The browser's half for one text box: what the person sees, and what is still in flight."""

    def __init__(self, slide: str, field: str) -> None:
        self.slide, self.field = slide, field
        self.value = ""       # what the box shows
        self.base = ""        # the text of the last version received
        self.version = 0
        self.seq = 0
        self.in_flight: str | None = None  # the value sent and not yet answered

    def type(self, value: str) -> Message | None:
        """The person changed the box to ``value``; a message to send, unless one is in flight."""
        self.value = value
        return self._send() if self.in_flight is None and self.version else None

    def receive(self, message: Message) -> Message | None:
        """A new version from the server: merge the person's unsent typing into it."""
        if message["v"] <= self.version:
            return None
        if self.in_flight is not None and message["ack"] >= self.seq:
            mine = self.in_flight  # the server's text already holds what was sent
        else:
            mine = self.base       # nothing in flight, or it will be dropped: redo all of it
        self.value = rebase(mine, self.value, message["text"])
        self.base, self.version, self.in_flight = message["text"], message["v"], None
        return self._send() if self.value != self.base else None

    def _send(self) -> Message:
        self.seq += 1
        self.in_flight = self.value
        return {"slide": self.slide, "field": self.field, "value": self.value, "base": self.version,
                "seq": self.seq}


def rebase(base: str, mine: str, theirs: str) -> str:
    """``theirs`` with the change from ``base`` to ``mine`` made on it too; text either side added stays."""
    if mine == base:
        return theirs
    if theirs == base:
        return mine
    start, end, insert = splice(base, mine)
    their_start, their_end, their_insert = splice(base, theirs)
    shift = len(their_insert) - (their_end - their_start)

    def moved(position: int) -> int:
        if position <= their_start:
            return position
        if position >= their_end:
            return position + shift
        return their_start + len(their_insert)  # inside what they replaced: after their text

    new_start = moved(start)
    new_end = max(new_start, moved(end))
    # Text they inserted inside the range I deleted stays: my deletion covered only what I saw.
    kept_from, kept_to = max(new_start, their_start), min(new_end, their_start + len(their_insert))
    kept = theirs[kept_from:kept_to] if kept_from < kept_to else ""
    return theirs[:new_start] + insert + kept + theirs[new_end:]
