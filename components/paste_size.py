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

# In the browser: ``value`` cut into parts of at most PART UTF-16 units, never between two halves of a pair
SPLIT = r"""const split = (value) => {
  const parts = [];
  for (let start = 0; start < value.length;) {
    let end = Math.min(start + PART, value.length);
    const last = value.charCodeAt(end - 1);
    if (end < value.length && last >= 0xD800 && last <= 0xDBFF) end -= 1;
    parts.push(value.slice(start, end));
    start = end;
  }
  return parts;
};
const chars = (value) => value.length - (value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g) || []).length;"""

# In the browser: the box's value, whole when short, else in parts, or only its length (in characters, as Python
# counts them: a pair of UTF-16 surrogates is one) when over the cap. A part never ends between two halves of a pair.
SEND = r"""(value) => {
  SPLIT
  if (typeof value !== 'string' || value.length <= PART) { emit(value); return; }
  if (chars(value) > CAP) { emit({over: chars(value)}); return; }
  const parts = split(value);
  parts.forEach((part, index) => emit({part, index, count: parts.length}));
}""".replace("SPLIT", SPLIT).replace("PART", str(PART)).replace("CAP", str(MAX_TEXT_BYTES))

# In the browser, on a paste: its HTML flavour (a copy of X's page) and plain text, in one message when short, else
# in numbered parts (the HTML's, then the text's) as the box's value is; HTML over the cap, only its length.
FLAVOURS = r"""(e) => {
  const data = e.clipboardData;
  const html = data ? data.getData('text/html') : '';
  if (!html) return;
  const text = data.getData('text/plain');
  SPLIT
  if (html.length + text.length <= PART) { emit({html, text}); return; }
  if (chars(html) > CAP) { emit({html_over: chars(html)}); return; }
  const parts = [...split(html).map((part) => ['html', part]), ...split(text).map((part) => ['text', part])];
  parts.forEach(([kind, part], index) => emit({kind, part, index, count: parts.length}));
}""".replace("SPLIT", SPLIT).replace("PART", str(PART)).replace("CAP", str(MAX_TEXT_BYTES))


class PartedValue:
    """Puts a box's parts back together. A value over the cap, or one a part of which never came, empties the box's
    server value (so a text pasted before it is never what an Import reads) and calls ``on_over`` with its length,
    or ``on_lost`` with (parts come, parts sent)."""

    def __init__(self, box: ui.textarea, on_over: Callable[[int], Any],
                 on_lost: Callable[[int, int], Any] = lambda got, count: None) -> None:
        self.on_over, self.on_lost = on_over, on_lost
        self._parts: list[str] = []
        self._chars = 0
        self._count = 0  # the parts of the value coming in (0: none coming)
        self._dropped: tuple[int, int] | None = None  # a value a part of which never came, found by ``_take``
        sync_value_with(box, SEND, self._wrap)

    @property
    def arriving(self) -> tuple[int, int] | None:
        """(parts come, parts sent) of a value still coming in, else None."""
        return (len(self._parts), self._count) if self._count else None

    def _wrap(self, handle: Callable[[GenericEventArguments], Any]) -> Callable[[GenericEventArguments], Any]:
        def handler(e: GenericEventArguments) -> None:
            def to(value: str) -> None:
                handle(GenericEventArguments(sender=e.sender, client=e.client, args=value))
            if not isinstance(e.args, dict) or e.args.get("index") == 0 or "over" in e.args:
                lost = self.arriving  # a new value while one was coming: a part of that one never came
                self._parts, self._chars, self._count = [], 0, 0
                if lost is not None:
                    to("")
                    self.on_lost(*lost)
            if not isinstance(e.args, dict):  # the value whole, as NiceGUI sends it
                handle(e)
                return
            over = self._over(e.args)
            self._dropped = None
            text = self._take(e.args) if over is None else None
            if self._dropped is not None:
                to("")
                self.on_lost(*self._dropped)
            elif over is not None:
                to("")
                self.on_over(over)
            elif text is not None:
                to(text)
        return handler

    def _over(self, args: dict) -> int | None:
        """The length of a value over the cap (as the browser counted it, or as its parts add up)."""
        over = args.get("over")
        if isinstance(over, int) and not isinstance(over, bool) and over > MAX_TEXT_BYTES:
            return over
        part = args.get("part")
        if isinstance(part, str) and args.get("index") == len(self._parts) and \
                self._chars + len(part) > MAX_TEXT_BYTES:
            self._parts, self._chars, self._count = [], 0, 0
            return MAX_TEXT_BYTES + 1
        return None

    def _take(self, args: dict) -> str | None:
        """The whole value once its last part came; None before (a part out of turn starts over, dropped)."""
        part, index, count = args.get("part"), args.get("index"), args.get("count")
        if not (isinstance(part, str) and len(part) <= PART and isinstance(count, int) and 1 <= count <= MOST_PARTS
                and isinstance(index, int) and index == len(self._parts) and index < count
                and (index == 0 or count == self._count)):
            self._dropped = self.arriving  # a part out of turn: one before it never came
            self._parts, self._chars, self._count = [], 0, 0
            return None
        self._parts.append(part)
        self._count = count
        self._chars += len(part)
        if index < count - 1:
            return None
        text = "".join(self._parts)
        self._parts, self._chars, self._count = [], 0, 0
        return text


def over_cap_message(chars: int) -> str:
    """What the creator reads for a paste of ``chars`` characters, over the cap."""
    return (f"The pasted text is {chars:,} characters; the studio reads at most {megabytes(MAX_TEXT_BYTES)} "
            f"({MAX_TEXT_BYTES:,} characters) of pasted text. Nothing was imported: paste a part of it.")


def lost_message(got: int, count: int) -> str:
    """What the creator reads when ``got`` of a paste's ``count`` parts reached the studio."""
    return (f"Only {got} of the {count} parts of the pasted text reached the studio: nothing of it was read. "
            "Paste it again.")


def arriving_message(got: int, count: int) -> str:
    """What an Import clicked while a long paste is still coming in says."""
    return f"The pasted text is still reaching the studio ({got} of {count} parts): click Import again in a moment."


class Flavours:
    """Puts a paste's HTML and plain text back together from the parts ``FLAVOURS`` sends (a part out of turn drops
    the parts before it: that paste's HTML is not read, its plain text is)."""

    def __init__(self) -> None:
        self._parts: list[tuple[str, str]] = []
        self._count = 0

    def take(self, args: dict) -> tuple[str, str] | None:
        """(html, text) once the last part came; None before, and for a part out of turn or of the wrong shape."""
        kind, part, index, count = (args.get(key) for key in ("kind", "part", "index", "count"))
        if not (kind in ("html", "text") and isinstance(part, str) and len(part) <= PART
                and isinstance(count, int) and 1 <= count <= 2 * MOST_PARTS and isinstance(index, int)
                and index == len(self._parts) and index < count and (index == 0 or count == self._count)):
            self._parts, self._count = [], 0
            return None
        self._parts.append((kind, part))
        self._count = count
        if index < count - 1:
            return None
        parts, self._parts, self._count = self._parts, [], 0
        return tuple("".join(p for k, p in parts if k == kind) for kind in ("html", "text"))


def html_over_message(chars: int) -> str:
    """What the creator reads when a paste's HTML (a copy of X's page) is over the cap: its plain text is read."""
    return (f"The page copied with this paste is {chars:,} characters of HTML, over the {megabytes(MAX_TEXT_BYTES)} "
            "the studio reads: its plain text is read instead, without the emoji X shows as pictures.")
