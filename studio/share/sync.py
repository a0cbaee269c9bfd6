"""Keeping one browser's text boxes and its replica in step, without losing a keystroke.

Both ways, a message carries only what changed (``Edits``: a list of ``(start, end, insert)``),
never the whole text. The server end (``Channel``) numbers the versions of each box it sends: a
version is the CRDT's own changes of the box since the one before (no text is compared). A
browser sends its change from the version it last received (``base``) to what its box shows,
with a sequence number, and has at most one such edit in flight per box (sent again after a
reconnection: the very edit made last is not made twice); the server moves those
edits over the versions sent since (``transform``) and makes them on the replica. Every message
the server sends says which of the browser's edits it holds (``ack``). A browser takes in every
version at once, even while its own edit is in flight, by putting what it typed on the new text:
nobody waits for their own answer to see the others' typing.

``TextBox`` is the browser's half written in Python: the benchmark's simulated editors use it. The
studio's pages run the same half in JavaScript (assets/shared_text_box.js).
"""
from __future__ import annotations

import re
import unicodedata
import weakref
from collections import Counter, OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import limits
from ..app.edit_history import EditError, typed_name
from ..app.slide_edits import refuse_name, refuse_part_texts, refuse_texts
from .document import PART_TEXTS, SLIDE_TEXTS, Replica, changes, closest, rebase

Key = tuple[str, str]  # (slide id, field)
Message = dict[str, Any]
Edits = list[tuple[int, int, str]]  # (start, end, insert) in the old text's positions, in order
Delta = list[dict[str, Any]]  # the CRDT's change of a text: retain / delete (UTF-8 bytes), insert
REMEMBERED = 64  # versions of a box kept to rebase an edit made on an older one


@dataclass
class Sent:
    """One version of a box as sent: its text, and the steps from the version before (None: sent whole)."""

    text: str
    steps: list[Edits] | None


class Channel:
    """The server end of one browser: its replica, and the versions each of its boxes was sent."""

    def __init__(self, replica: Replica, send: Callable[[Message], Any],
                 wake: Callable[[], Any] | None = None, tell: Callable[[str], Any] | None = None) -> None:
        """``wake``: called when others edited, instead of refreshing at once; the owner then calls
        ``refresh`` when it is ready to send, so a burst of edits becomes one message per box. ``tell``: a
        message for this browser's person (their typing reached a slide someone else had taken out)."""
        self.replica, self.send, self.tell = replica, send, tell
        self.versions: dict[Key, int] = {}
        self.sent: dict[Key, OrderedDict[int, Sent]] = {}  # newest last
        self.acks: dict[Key, int] = {}
        self._made: dict[Key, tuple[int, int, Edits]] = {}  # the last edit made: a copy sent again is not made
        self._wake = wake or self.refresh
        self._pending: dict[Key, list[Delta]] = {}  # the CRDT's changes of each box since it was sent
        self._reordered = replica.reordered
        self.close = replica.hub.subscribe(self._heard)
        replica.tellers.append(weakref.WeakMethod(self._told))  # (weak: a closed page's channel is not kept)

    def _told(self, _replica: Replica, text: str) -> bool:
        """Say a message to this page's person (``Replica.tell``); False when this page has no way to."""
        if self.tell is None:
            return False
        self.tell(text)
        return True

    def _heard(self, person: str | None) -> None:
        if person != self.replica.person:
            self._wake()

    def watch(self, slide: str, field: str) -> None:
        """Send this box's text now, and its changes whenever it changes."""
        key = (slide, field)
        self._pending[key] = []
        self.replica.observe_text(slide, field, self._pending[key].append)
        self._send_whole(key)

    def edit(self, slide: str, field: str, edits: Edits, base: int, seq: int) -> None:
        """The browser changed its box by ``edits`` from version ``base``: make that change, then answer."""
        key = (slide, field)
        if self._made.get(key) == (seq, base, edits):  # sent again after a reconnection, made already
            self.refresh(always=key)
            return
        try:
            self._make(slide, field, edits, base)
        except EditError as exc:  # over a cap: answered all the same (else the box waits for ever), its text sent
            self._made[key], self.acks[key] = (seq, base, edits), seq
            self._send_whole(key)
            seen = self.sent[key].get(base, self._latest(key)).text
            try:
                typed = patch(seen, edits)
            except ValueError:
                raise exc from None
            raise EditError(f"{exc} What you typed was not made: {quote(seen, typed)}") from None
        self._made[key] = (seq, base, edits)
        self.acks[key] = seq
        self.refresh(always=key)

    def _make(self, slide: str, field: str, edits: Edits, base: int) -> None:
        """Make the browser's ``edits`` (on version ``base``) on the replica (EditError: over a cap, nothing made)."""
        key = (slide, field)
        self._send_changes(key)  # what happened here since: part of the path from ``base``
        before = self.replica.text(slide, field)
        sent = self.sent[key]
        latest = next(reversed(sent))
        since = [sent[v].steps for v in range(base + 1, latest + 1)]
        if slide not in PART_TEXTS and slide not in self.replica.slide_ids():
            seen = sent.get(base, sent[latest]).text
            check(edits, len(seen))
            typed = patch(seen, edits)
            if not seen:  # typed after the box heard its slide was gone (""): at the end of what the slide holds,
                # or, taken out by an undo, of what the box showed before (kept typing then comes first)
                seen = self.replica.text(slide, field) if self.replica.holds(slide) else \
                    next((version.text for version in reversed(sent.values()) if version.text), "")
                typed = seen + typed
            told = keep_typing(self.replica, slide, field, seen, typed)
            if told and self.tell is not None:
                self.tell(told)
        elif base in sent and None not in since:
            check(edits, len(sent[base].text))
            moved = transform(edits, [step for steps in since for step in steps])
            refuse_text(self.replica, slide, field, patch(sent[latest].text, moved))
            self.replica.edit_text(slide, field, moved)
            self._trim(slide, field, before)
        else:  # typed on a version forgotten (taken as typed on the latest) or followed by a whole text
            seen, current = sent.get(base, sent[latest]).text, sent[latest].text
            text = rebase(seen, patch(seen, edits), current)
            refuse_text(self.replica, slide, field, text)
            self.replica.set_text(slide, field, text)
            self._trim(slide, field, before)

    def _trim(self, slide: str, field: str, before: str) -> None:
        told = trim_merged(self.replica, slide, field, before)
        if told and self.tell is not None:
            self.tell(told)

    def refresh(self, always: Key | None = None) -> None:
        """Take in the others' edits and send every watched box that changed."""
        pulled = self.replica.pull()  # (the studio may have pulled it already: then only ``_pending`` tells)
        if not pulled and always is None and not any(self._pending.values()) \
                and self.replica.reordered == self._reordered:
            return
        if self.replica.reordered != self._reordered:  # slides gone or back: any box may read differently
            self._reordered = self.replica.reordered
            texts = self.replica.texts(list(self.versions))
            for key, text in texts.items():
                if key == always or text != self._latest(key).text:
                    self._send_whole(key, text)
                else:
                    self._pending[key].clear()
            return
        for key, pending in self._pending.items():
            if pending or key == always:
                self._send_changes(key, answer=key == always)

    def _latest(self, key: Key) -> Sent:
        return next(reversed(self.sent[key].values()))

    def _send_changes(self, key: Key, *, answer: bool = False) -> None:
        """Send the box's changes since it was last sent (if any, or ``answer`` anyway: the ack)."""
        if not self._pending[key] and not answer:
            return
        if key[0] not in PART_TEXTS and key[0] not in self.replica.slide_ids():  # gone: its box reads "" (typing
            self._pending[key].clear()  # kept in a deleted slide's text changes it here, not in the box)
        text, steps = self._latest(key).text, []
        for delta in self._pending[key]:
            step = to_edits(text, delta)
            text = patch(text, step)
            steps.append(step)
        self._pending[key].clear()
        if steps or answer:
            self._send(key, Sent(text, steps))

    def send_whole(self, slide: str, field: str) -> None:
        """Send this box's whole text again, as a new version."""
        self._send_whole((slide, field))

    def _send_whole(self, key: Key, text: str | None = None) -> None:
        self._pending[key].clear()
        self._send(key, Sent(self.replica.texts([key])[key] if text is None else text, None))

    def _send(self, key: Key, version: Sent) -> None:
        number = self.versions[key] = self.versions.get(key, 0) + 1
        sent = self.sent.setdefault(key, OrderedDict())
        sent[number] = version
        if len(sent) > REMEMBERED:
            sent.popitem(last=False)
        change = {"text": version.text} if version.steps is None else {"steps": version.steps}
        self.send({"slide": key[0], "field": key[1], "v": number, "ack": self.acks.get(key, 0), **change})


class TextBox:
    """The browser's half for one text box: what the person sees, and what is in flight."""

    def __init__(self, slide: str, field: str) -> None:
        self.slide, self.field = slide, field
        self.value = ""       # what the box shows
        self.base = ""        # the text of the last version taken in
        self.version = 0
        self.seq = 0
        self.in_flight: str | None = None  # the value sent and not yet answered, on ``base``

    def type(self, value: str) -> Message | None:
        """The person changed the box to ``value``; a message to send, unless one is in flight."""
        self.value = value
        return self._send() if self.in_flight is None and self.version else None

    def receive(self, message: Message) -> Message | None:
        """A new version from the server: merge what the person typed since into it."""
        if message["v"] <= self.version:
            return None
        text, steps = message.get("text", self.base), message.get("steps", ())
        for step in steps:
            text = patch(text, step)
        answered = self.in_flight is not None and message["ack"] >= self.seq
        where = None  # base's characters in ``text``: needed only to merge what is typed and not answered
        if "text" not in message and not answered and (self.value != self.base or self.in_flight is not None):
            where = list(range(len(self.base)))
            for step in steps:
                where = moved_by(where, step)
        mine = self.in_flight if answered else self.base
        self.value = rebase(mine, self.value, text, None if answered else where)
        if self.in_flight is not None and not answered:  # still on its way: it will be made on this text
            self.in_flight = rebase(self.base, self.in_flight, text, where)
        else:
            self.in_flight = None
        self.base, self.version = text, message["v"]
        return self._send() if self.in_flight is None and self.value != self.base else None

    def _send(self) -> Message:
        self.seq += 1
        self.in_flight = self.value
        return {"slide": self.slide, "field": self.field, "edits": changes(self.base, self.value),
                "base": self.version, "seq": self.seq}


def keep_typing(replica: Replica, slide: str, field: str, seen: str, typed: str) -> str | None:
    """A box showing ``seen`` now reads ``typed``, but its slide is gone from the carousel: the typing is kept
    with the slide (a deleted slide's text takes it, for an undo of the delete; a slide an undo took out gets it
    back when that undo is redone). Returns what to tell the typist (None: nothing was typed)."""
    if seen == typed:
        return None
    if replica.holds(slide):  # deleted: its texts stay in the document
        replica.set_text(slide, field, rebase(seen, typed, replica.text(slide, field)))
        who = replica.deleted_by(slide) or "Someone"
        return (f"{who} deleted the slide you were typing in. Your typing is kept with it (undoing the delete "
                f"brings it back): {quote(seen, typed)}")
    back = slide in replica.hub.doc["slides"]  # a redo brought it back before this replica heard: made on it now
    typed = replica.hub.keep(replica, slide, field, seen, typed)
    who = replica.hub.removed_by.get(slide, "Someone")
    if back:
        return (f"{who}'s undo took out the slide you were typing in, and a redo brought it back. Your typing is "
                f"made on it: {quote(seen, typed)}")
    return (f"{who}'s undo took out the slide you were typing in. Your typing is kept with it and comes back "
            f"if they redo: {quote(seen, typed)}")


SLIDE_CAPS = {"title": (limits.MAX_TITLE_CHARS, "the title of slide {n}"),
              "body": (limits.MAX_BODY_CHARS, "the text of slide {n}"),
              "alt_text": (limits.MAX_ALT_CHARS, "the alt text of slide {n}")}


def cap_of(replica: Replica, slide: str, field: str) -> tuple[int, str] | None:
    """A shared text's cap and its name in a message (None: no cap)."""
    if slide == "meta":
        return (limits.MAX_NAME_CHARS, "the project name") if field == "name" else None
    if slide in PART_TEXTS:
        return limits.PART_CAPS.get((slide, field))
    cap, what = SLIDE_CAPS[field]
    ids = replica.slide_ids()
    return cap, what.format(n=ids.index(slide) + 1 if slide in ids else "")


def trim_merged(replica: Replica, slide: str, field: str, before: str) -> str | None:
    """After ``replica`` made its person's typing (checked within the cap) and merged it: when the merged text is
    over its cap (someone else's typing met it), it is kept whole (no word of anyone's is cut; it is drawn cut
    at the cap until shortened). The typist whose merge went over is told (the message returned), and so is
    everyone else with typing in that text now (their words may be the ones drawn cut), once, as it goes over:
    not who never typed in it, nor who typed only words since deleted (``SharedDocument.typists``).

    A text over its cap ``before`` this typing (an old project's, which may only be shortened) is left unsaid.
    """
    found = cap_of(replica, slide, field)
    if found is None or len(before) > found[0] or len(replica.hub.text(slide, field)) <= found[0]:
        return None
    cap, what = found
    replica.pull()
    text = replica.text(slide, field)
    if len(text) <= cap:
        return None
    kept = f"Every word is kept, but it is drawn cut after {cap:,} characters: shorten it."
    if not replica.hub.told_over(slide, field, cap, replica.person):
        return None
    replica.hub.tell_typists(slide, field, cap, f"Someone else's typing, merged with yours, took {what} past its "
                             f"limit of {cap:,} characters ({len(text):,} now). {kept}", but=replica)
    return f"Your typing and someone else's, merged, took {what} past its limit of {cap:,} characters " \
           f"({len(text):,} now). {kept}"


def _cut_at(text: str, cap: int) -> int:
    """Where to cut ``text`` to at most ``cap`` characters without splitting a letter from its marks or an emoji
    sequence (joiners, variation selectors, skin tones)."""
    cut = cap
    while 0 < cut < len(text) and (_joins(text[cut]) or text[cut - 1] == "\u200d" or _half_flag(text, cut)):
        cut -= 1
    return cut


def _half_flag(text: str, cut: int) -> bool:
    """Whether cutting before ``text[cut]`` splits a flag (a pair of regional indicator letters)."""
    flag = lambda char: 0x1F1E6 <= ord(char) <= 0x1F1FF  # noqa: E731
    if not flag(text[cut]):
        return False
    run = 0
    while run < cut and flag(text[cut - 1 - run]):
        run += 1
    return run % 2 == 1


def _joins(char: str) -> bool:
    """Whether ``char`` belongs with the character before it."""
    code = ord(char)
    return (unicodedata.combining(char) > 0 or unicodedata.category(char) in ("Mn", "Me", "Mc")
            or char == "\u200d" or 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F)


QUOTED = 200  # characters of typing a message quotes ("…" past that)


def quote(seen: str, typed: str) -> str:
    """What was typed into ``seen`` to make ``typed``, in quotes (the whole text when only deleting), cut to
    ``QUOTED`` characters (``changes`` compares closely only a short changed stretch: linear on a paste)."""
    words = " … ".join(insert for _start, _end, insert in changes(seen, typed) if insert)
    return f"“{shorten(words or typed)}”"


def still_its_text(seen: str, current: str) -> bool:
    """Whether a slide's text reading ``current`` can be the one a box showed as ``seen`` (found again by its text
    after a reload): at least half of ``seen`` is still in it (by its changes, or by its pairs of neighbouring words
    found in it: a text changed at many places, its punctuation made full-width say, keeps those). An empty
    ``seen`` is only an empty text (never a slide's words found by place alone)."""
    if not seen:
        return not current
    deleted = sum(end - start for start, end, _insert in changes(seen, current))
    return 2 * deleted <= len(seen) or _kept_in_pairs(seen, current)


def _kept_in_pairs(seen: str, current: str) -> bool:
    """Whether the words of ``seen`` kept in pairs of neighbours that ``current`` also has are half its words."""
    words, others = re.findall(r"\w+", seen), re.findall(r"\w+", current)
    pairs = Counter(zip(others, others[1:]))
    kept = [False] * len(words)
    for k in range(len(words) - 1):
        if pairs[(words[k], words[k + 1])] > 0:
            pairs[(words[k], words[k + 1])] -= 1
            kept[k] = kept[k + 1] = True
    total = sum(map(len, words))
    return total > 0 and 2 * sum(len(w) for w, is_kept in zip(words, kept) if is_kept) >= total


def not_placed(typed: str, index: int) -> str:
    """What to tell a person whose typing kept across a reload found its slide gone: what their box read, whole."""
    return (f"The slide you were typing in before the page loaded again (slide {index + 1} then) is gone, so what "
            f"you typed there was not added to any slide. The box read: “{typed}”. Copy it from here if you need it.")


def shorten(text: str, cap: int = QUOTED) -> str:
    """``text`` cut to about ``cap`` characters with "…", never inside a letter with its marks or an emoji."""
    if len(text) <= cap:
        return text
    return text[:_cut_at(text, cap)].rstrip() + "…"


def check(edits: Edits, length: int) -> None:
    """A browser's edits must be in order and inside the text (ValueError otherwise)."""
    at = 0
    for start, end, insert in edits:
        if not (type(start) is int and type(end) is int and isinstance(insert, str) and at <= start <= end <= length):
            raise ValueError("edits out of order or outside the text")
        at = end


def refuse_text(replica: Replica, slide: str, field: str, text: str) -> None:
    """EditError (the studio's message) when a box's new ``text`` would cross a cap; call before making it,
    so a refused change is never made nor sent to the others."""
    if slide == "meta":
        if field == "name":
            refuse_name(typed_name(text))
        return
    if slide in PART_TEXTS:
        refuse_part_texts(slide, {field: replica.text(slide, field)}, {field: text})
        return
    before = {name: replica.text(slide, name) for name in SLIDE_TEXTS}
    refuse_texts(replica.slide_ids().index(slide), before, {field: text})


def patch(text: str, edits: Edits) -> str:
    """``text`` with ``edits`` made."""
    check(edits, len(text))
    out, at = [], 0
    for start, end, insert in edits:
        out += [text[at:start], insert]
        at = end
    out.append(text[at:])
    return "".join(out)


def to_edits(text: str, delta: Delta) -> Edits:
    """The CRDT's change of ``text`` (counted in UTF-8 bytes) as edits in characters."""
    data, at, chars = text.encode("utf-8"), 0, 0  # at: in bytes; chars: the same place in characters
    edits: Edits = []
    for op in delta:
        if "insert" in op:
            edits.append((chars, chars, str(op["insert"])))
            continue
        size = op.get("retain", op.get("delete", 0))
        length = len(data[at:at + size].decode("utf-8"))
        if "delete" in op:
            edits.append((chars, chars + length, ""))
        at, chars = at + size, chars + length
    return edits


def transform(edits: Edits, steps: list[Edits]) -> Edits:
    """A browser's ``edits``, typed on an older text, moved onto that text after ``steps``.

    Like ``rebase``: what they inserted stays (also inside a stretch I deleted: I delete only the
    characters still there), and where we both typed at one spot, mine comes first.
    """
    moved: Edits = []
    for start, end, insert in edits:
        gap, kept = start, range(start, end)
        for step in steps:
            gap = _gap_after(gap, step)
            kept = [q for q in (_char_after(q, step) for q in kept) if q is not None]
        if insert:
            moved.append((gap, gap, insert))
        moved += _runs(kept)
    return sorted(moved, key=lambda edit: edit[:2])


def _char_after(q: int, step: Edits) -> int | None:
    """Where character ``q`` is after ``step`` (None: deleted)."""
    shift = 0
    for start, end, insert in step:
        if start > q:
            break
        if start <= q < end:
            return None
        shift += len(insert) - (end - start)  # before it (an insertion right before it too)
    return q + shift


def _gap_after(p: int, step: Edits) -> int:
    """Where the spot before character ``p`` is after ``step``: right after the character before it,
    or, when that one was deleted, where the deleting edit starts."""
    shift = 0
    for start, end, insert in step:
        if start >= p:
            break
        if end >= p:
            return start + shift
        shift += len(insert) - (end - start)
    return p + shift


def _runs(chars: list[int]) -> Edits:
    """Deleting these characters (ascending), as one edit per run of neighbours."""
    runs: Edits = []
    for q in chars:
        if runs and runs[-1][1] == q:
            runs[-1] = (runs[-1][0], q + 1, "")
        else:
            runs.append((q, q + 1, ""))
    return runs


def type_into(replica: Replica, slide: str, field: str, value: str) -> None:
    """A text box whose browser does not say which version it typed on now reads ``value``.

    It typed on one of the texts the box showed lately — a merged text the server sent, or its own
    previous value when the merged one had not arrived yet: the one that needs the fewest changes
    to become ``value`` (the newest when several do). That change is made on the current text, so
    what others typed meanwhile stays.
    """
    current = replica.text(slide, field)
    own = replica.typed.setdefault((slide, field), deque(maxlen=REMEMBERED))
    # A box sends only a value it changed: a text reading ``value`` already was not the one typed on (it is one
    # someone changed since: typing a word another person had just undone matched the undone letters and vanished).
    candidates = [text for text in (*replica.hub.recent_texts(slide, field), *own) if text != value] + [current]
    seen = closest(candidates[::-1], lambda text: (text, value))  # (the newest when several do)
    own.append(value)  # the box may go on from its own value before the merged text reaches it
    replica.set_text(slide, field, rebase(seen, value, current))


def moved_by(where: list[int | None], step: Edits) -> list[int | None]:
    """Characters at these places (None: gone) after ``step``: where each is now (None: deleted)."""
    moved: list[int | None] = []
    k, shift = 0, 0
    for q in where:
        if q is not None:
            while k < len(step) and step[k][1] <= q:  # before it (an insertion right before it too)
                shift += len(step[k][2]) - (step[k][1] - step[k][0])
                k += 1
            q = None if k < len(step) and step[k][0] <= q else q + shift
        moved.append(q)
    return moved
