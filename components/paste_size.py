"""A long text in the paste box reaches the server whole, in parts; one over the cap is named, not sent.

NiceGUI's page sends a box's value in one socket message, and its script in the browser drops a message over
1,000,000 characters (only the console says so): a 700 KB paste of dialogue, its quotes and line ends escaped twice
(the value as JSON inside the message's JSON), was lost that way. The box's script here sends a value longer than
``PART`` as numbered parts, each in its own message; the socket keeps their order, so an Import clicked right after
the paste arrives after its last part. A value over the paste cap (``MAX_TEXT_BYTES`` characters, the cap the paste
reader holds) is not sent: its length is, and the creator is told at once.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import ui
from nicegui.events import GenericEventArguments

from studio.limits import MAX_TEXT_BYTES, megabytes

from .nicegui_seams import sync_value_with

# UTF-16 units in one message: escaped twice, a control character takes 7 (\\u0001), a quote 4: under 1,000,000
PART = 100_000
MOST_PARTS = 2 * MAX_TEXT_BYTES // PART + 2  # the cap in UTF-16 units (an emoji is two), in parts, and a spare

# In the browser: the box's value, whole when short, else in parts, or only its length (in characters, as Python
# counts them: a pair of UTF-16 surrogates is one) when over the cap. A part never ends between two halves of a pair.
SEND = r"""(value) => {
  if (typeof value !== 'string' || value.length <= PART) { emit(value); return; }
  const chars = value.length - (value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g) || []).length;
  if (chars > CAP) { emit({over: chars}); return; }
  const parts = [];
  for (let start = 0; start < value.length;) {
    let end = Math.min(start + PART, value.length);
    const last = value.charCodeAt(end - 1);
    if (end < value.length && last >= 0xD800 && last <= 0xDBFF) end -= 1;
    parts.push(value.slice(start, end));
    start = end;
  }
  parts.forEach((part, index) => emit({part, index, count: parts.length}));
}""".replace("PART", str(PART)).replace("CAP", str(MAX_TEXT_BYTES))


class PartedValue:
    """Puts a box's parts back together; a value over the cap empties the box's server value and calls ``on_over``
    with its length (so a text pasted before it is never what an Import reads)."""

    def __init__(self, box: ui.textarea, on_over: Callable[[int], Any]) -> None:
        self.on_over = on_over
        self._parts: list[str] = []
        self._chars = 0
        sync_value_with(box, SEND, self._wrap)

    def _wrap(self, handle: Callable[[GenericEventArguments], Any]) -> Callable[[GenericEventArguments], Any]:
        def handler(e: GenericEventArguments) -> None:
            if not isinstance(e.args, dict) or e.args.get("index") == 0:  # a new value: what came before is let go
                self._parts, self._chars = [], 0
            if not isinstance(e.args, dict):  # the value whole, as NiceGUI sends it
                handle(e)
                return
            over = self._over(e.args)
            text = self._take(e.args) if over is None else None
            if over is not None:
                handle(GenericEventArguments(sender=e.sender, client=e.client, args=""))
                self.on_over(over)
            elif text is not None:
                handle(GenericEventArguments(sender=e.sender, client=e.client, args=text))
        return handler

    def _over(self, args: dict) -> int | None:
        """The length of a value over the cap (as the browser counted it, or as its parts add up)."""
        over = args.get("over")
        if isinstance(over, int) and not isinstance(over, bool) and over > MAX_TEXT_BYTES:
            return over
        part = args.get("part")
        if isinstance(part, str) and args.get("index") == len(self._parts) and \
                self._chars + len(part) > MAX_TEXT_BYTES:
            self._parts, self._chars = [], 0
            return MAX_TEXT_BYTES + 1
        return None

    def _take(self, args: dict) -> str | None:
        """The whole value once its last part came; None before (a part out of turn starts over, dropped)."""
        part, index, count = args.get("part"), args.get("index"), args.get("count")
        if not (isinstance(part, str) and len(part) <= PART and isinstance(count, int) and 1 <= count <= MOST_PARTS
                and isinstance(index, int) and index == len(self._parts) and index < count):
            self._parts, self._chars = [], 0
            return None
        self._parts.append(part)
        self._chars += len(part)
        if index < count - 1:
            return None
        text = "".join(self._parts)
        self._parts, self._chars = [], 0
        return text


def over_cap_message(chars: int) -> str:
    """What the creator reads for a paste of ``chars`` characters, over the cap."""
    return (f"The pasted text is {chars:,} characters; the studio reads at most {megabytes(MAX_TEXT_BYTES)} "
            f"({MAX_TEXT_BYTES:,} characters) of pasted text. Nothing was imported: paste a part of it.")
