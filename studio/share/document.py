"""The shared carousel as a CRDT document (pycrdt, Yjs's engine), with a replica per browser.

``SharedDocument`` is the server's merged copy of one project. Each browser edits through its own
``Replica``: an edit is applied against the text *that browser saw* (the smallest splice from the
replica's text to the browser's new value), then exchanged with the shared copy as a CRDT update,
so concurrent typing in one text box keeps every character of everyone. Each replica's undo covers
only its own person's edits. A replica that was offline keeps its edits and merges them when it
reconnects.

Layout of the Y document (values other than texts are JSON, images are ``{"$image": sha256}``
references into the document's image pool, so photos are not copied into every replica):

- ``meta``: the carousel's own settings (name, format, layout, theme, pattern, …, thread)
- ``typography``, ``brand``, ``cta``: one key per field
- the project's name and the outro's headline, subline and button are Y texts too (``PART_TEXTS``);
  a part's text is addressed like a slide's, with the part's name for the slide id: ``("cta", "button")``
- ``slides``: slide id → map of the slide's fields; ``title``, ``body`` and ``alt_text`` are Y texts
  (merged character by character); ``deleted_by`` names who deleted it
- ``order``: the slide ids in reading order (a move never copies a slide, so typing in a slide
  while someone moves it loses nothing)
"""
from __future__ import annotations

import dataclasses
import json
import time
import types
import typing
import uuid
import weakref
from collections import deque
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from functools import cache
from typing import Any, TypeVar

from pycrdt import Array, Doc, Map, MapEvent, Text, TextEvent, UndoManager

from .. import limits
from ..brand import BrandProfile
from ..carousel import Carousel
from ..image import Image
from ..outro import OutroCTA
from ..slide import Slide
from ..typography import Typography

PARTS: dict[str, type] = {"typography": Typography, "brand": BrandProfile, "cta": OutroCTA}
META = tuple(f.name for f in dataclasses.fields(Carousel) if f.name not in PARTS and f.name != "slides")
SLIDE_TEXTS = ("title", "body", "alt_text")
SLIDE_VALUES = tuple(f.name for f in dataclasses.fields(Slide) if f.name not in SLIDE_TEXTS)
PART_TEXTS: dict[str, tuple[str, ...]] = {"meta": ("name",), "cta": ("headline", "subline", "button")}
DELETED_BY = "deleted_by"
ROOTS = ("meta", *PARTS, "slides", "order")
CAPTURE_MS = 1000  # one person's edits this close together are one undo step
COMPARED = 2_000  # changed stretch up to which ``changes`` finds each separate place (comparing is quadratic)
CLOSE_COST = 250_000  # old × new characters of a changed stretch up to which it is compared closely (~0.1 s at most)
RERANKED = 3  # texts best by the cheap measure that are measured again by the anchored search
KEPT = 32  # typings kept for slides whose way back is not known (each up to its cap), at most
REMEMBERED = 32  # recent texts of each slide text kept, to find which one a browser typed on
TYPING_NOW = 10.0  # seconds: a person whose last edit of a text is this recent is typing in it now

Images = dict[str, Image]  # sha256 → image
T = TypeVar("T")
Listener = Callable[[str | None], Any]
Teller = Callable[["Replica", str], bool]  # says a message to a replica's person; False: it could not
Runs = list[tuple[str | None, int]]  # who typed each stretch of a text (a person, None: the studio), in UTF-8 bytes


@dataclasses.dataclass
class Caret:
    """Where a person last typed: the text, the place right after their last change (moved along as the text
    changes around it), and when."""

    slide: str
    field: str
    place: int  # in UTF-8 bytes of the text as merged
    at: float


@dataclasses.dataclass
class Kept:
    """Typing that reached a slide someone's undo had taken out: put back on it when a redo brings it back."""

    field: str
    seen: str  # the text the typist's box showed
    typed: str  # what it read after their typing
    typist: Callable[[], Replica | None]  # (a weak reference: a closed tab's replica is not kept alive)


@dataclasses.dataclass
class WayBack:
    """The step that brings back a slide an undo (or a redo) took out: on ``replica``'s redo stack (``by_undo``,
    else its undo stack) while that stack is at least ``depth`` deep."""

    replica: Callable[[], Replica | None]  # weak: a closed tab's history goes with it
    by_undo: bool
    depth: int


class SharedDocument:
    """The merged carousel of one project: what autosave stores and every replica syncs with."""

    def __init__(self, carousel: Carousel) -> None:
        self.images: Images = {}
        self.doc = _new_doc()
        self.updates = 0  # counts merged updates: a replica that took in every one has nothing to pull
        self._listeners: list[Listener] = []
        self.kept: dict[str, list[Kept]] = {}  # slide id → typing waiting for a redo to bring the slide back
        self.removed_by: dict[str, str] = {}  # slide id → who took it out with an undo
        self._ways_back: dict[str, WayBack] = {}  # slide id → the step that brings it back
        self._typists: dict[tuple[str, str], Runs] = {}  # each text: whose typing each stretch of it is
        self._people: weakref.WeakValueDictionary[str, Replica] = weakref.WeakValueDictionary()  # person → replica
        self._merging: str | None = None  # the person whose update is being merged
        self._over: dict[tuple[str, str], tuple[int, set[str]]] = {}  # a text merged past its cap: cap, who was told
        self.carets: dict[str, Caret] = {}  # person → where they last typed
        self._typing: str | None = None  # the person whose typing is being merged
        self.clock: Callable[[], float] = time.monotonic
        with self.doc.transaction():
            _write_new(self.doc, carousel, self.images)
        self._recent: dict[tuple[str, str], deque[str]] = {}
        for slide_id in self.slide_ids():
            self._remember_slide(slide_id, self.doc["slides"][slide_id])
        for part, fields in PART_TEXTS.items():
            for field in fields:
                self._remember(part, field, str(self.doc[part][field]))
        self._subscriptions = [self.doc[root].observe_deep(self._texts_changed) for root in ("slides", *PART_TEXTS)]

    def recent_texts(self, slide_id: str, field: str) -> list[str]:
        """What this slide text read lately, oldest first (what a browser may still be showing)."""
        return list(self._recent.get((slide_id, field), ()))

    def _texts_changed(self, events: list[Any]) -> None:
        for event in events:
            if isinstance(event, TextEvent) and len(event.path) == 2:
                self._move_carets((event.path[0], event.path[1]), event.delta)
                self._credit((event.path[0], event.path[1]), event.delta)
                self._remember(event.path[0], event.path[1], str(event.target))
            elif isinstance(event, TextEvent) and len(event.path) == 1:  # a part's text (``PART_TEXTS``)
                part = next(p for p, fields in PART_TEXTS.items() if event.path[0] in fields)
                self._move_carets((part, event.path[0]), event.delta)
                self._credit((part, event.path[0]), event.delta)
                self._remember(part, event.path[0], str(event.target))
            elif isinstance(event, MapEvent) and not event.path:  # slides added: their first texts
                for slide_id, change in event.keys.items():
                    if change.get("action") == "add":
                        self._remember_slide(slide_id, change["newValue"])

    def _remember_slide(self, slide_id: str, slide: Map) -> None:
        for field in SLIDE_TEXTS:
            self._remember(slide_id, field, str(slide[field]))

    def _remember(self, slide_id: str, field: str, text: str) -> None:
        size = len(text.encode("utf-8"))
        if sum(length for _who, length in self._typists.get((slide_id, field), ())) != size:  # a new text (a
            self._typists[(slide_id, field)] = [(self._merging, size)] if size else []  # slide added): by its maker
        self._recent.setdefault((slide_id, field), deque(maxlen=REMEMBERED)).append(text)
        over = self._over.get((slide_id, field))
        if over is not None and len(text) <= over[0]:  # back within its cap: going over again is told again
            del self._over[(slide_id, field)]

    def _credit(self, key: tuple[str, str], delta: list[dict[str, Any]]) -> None:
        """Note who typed what a change of this text inserted (the person whose update is being merged)."""
        self._typists[key] = _credited(self._typists.get(key, []), delta, self._merging)

    def typists(self, slide_id: str, field: str) -> set[str]:
        """The people with typing in this text as merged now (a word of theirs still in it)."""
        return {who for who, size in self._typists.get((slide_id, field), ()) if who is not None and size}

    def _move_carets(self, key: tuple[str, str], delta: list[dict[str, Any]]) -> None:
        """A text changed by ``delta``: everyone's place in it moves along; a person's typing (``_typing``) being
        merged puts their place right after their change."""
        for person, caret in self.carets.items():
            if (caret.slide, caret.field) == key and person != self._typing:
                caret.place = _moved(caret.place, delta)
        if self._typing is not None:
            place = _after_change(delta)
            if place is not None:
                self.carets[self._typing] = Caret(*key, place, self.clock())

    def carets_in(self, slide_ids: Sequence[str]) -> list[tuple[str, str, int, bool]]:
        """Everyone's last typing place in these slides (or parts), newest first: ``(person, field, place in
        characters of the text as merged now, whether they are typing now)`` (``TYPING_NOW``)."""
        found = []
        now = self.clock()
        for person in [p for p in self.carets if p not in self._people]:  # their tab closed
            del self.carets[person]
        for person, caret in sorted(self.carets.items(), key=lambda item: -item[1].at):
            if caret.slide not in slide_ids:
                continue
            found.append((person, caret.field, self._place(caret), now - caret.at < TYPING_NOW))
        return found

    def _place(self, caret: Caret) -> int:
        """A caret's place in characters of its text as merged now (0 when it cannot be read)."""
        if caret.slide in PART_TEXTS:
            return 0
        slide = self.doc["slides"].get(caret.slide)
        if slide is None:
            return 0
        return len(str(slide[caret.field]).encode("utf-8")[:caret.place].decode("utf-8", errors="ignore"))

    def joined(self, replica: Replica) -> None:
        """``replica`` is its person's copy (``tell_typists`` finds them through it)."""
        self._people[replica.person] = replica

    def tell_typists(self, slide_id: str, field: str, cap: int, text: str, but: Replica) -> None:
        """Say ``text`` to everyone (but ``but``'s person) whose typing is in this text now, that it went past
        ``cap``: once each while it stays over (``told_over``)."""
        for person in sorted(self.typists(slide_id, field) - {but.person}):
            replica = self._people.get(person)
            if replica is not None and self.told_over(slide_id, field, cap, person):
                replica.tell(text)

    def told_over(self, slide_id: str, field: str, cap: int, person: str) -> bool:
        """Note that ``person`` is told this text went past ``cap``; False: they were told since it last went over."""
        told = self._over.setdefault((slide_id, field), (cap, set()))[1]
        if person in told:
            return False
        told.add(person)
        return True

    def carousel(self) -> Carousel:
        """The merged carousel as the studio's model."""
        return read_carousel(self.doc, self.images)[0]

    def slide_ids(self) -> list[str]:
        return _order(self.doc)

    def text(self, slide_id: str, field: str) -> str:
        """One slide text as merged, or a part's (``PART_TEXTS``: ``slide_id`` is the part's name)."""
        if slide_id in PART_TEXTS:
            return str(self.doc[slide_id][field])
        return str(self.doc["slides"][slide_id][field])

    def replica(self, person: str, *, capture_ms: int = CAPTURE_MS) -> Replica:
        """A new replica for one browser of ``person`` (an id; it is the origin of their edits)."""
        return Replica(self, person, capture_ms=capture_ms)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(person)`` after every merged update; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def keep(self, typist: Replica, slide_id: str, field: str, seen: str, typed: str) -> str:
        """Keep typing into a slide taken out by an undo, until a redo brings it back; returns all this
        person's kept typing of that box (what their box would read)."""
        if slide_id in self.doc["slides"]:  # back already, this replica had not heard: made on it now
            typist.pull()
            typist.put_back_kept(slide_id, Kept(field, seen, typed, weakref.ref(typist)))
            return typed
        entries = self.kept.setdefault(slide_id, [])
        for entry in entries:
            if entry.field == field and entry.seen == seen and entry.typist() is typist:
                entry.typed = rebase(seen, entry.typed, typed)  # the earlier typing first
                return entry.typed
        entries.append(Kept(field, seen, typed, weakref.ref(typist)))
        self.forget_kept()
        return typed

    def comes_back(self, slide_id: str, depths: dict[tuple[int, bool], int] | None = None) -> bool | None:
        """Whether a slide taken out by an undo (or a redo) can still come back: the step that brings it back is
        still on its person's stack. None: not known (no step of this document took it out). ``depths``: the
        stacks' depths read so far (read once for many slides)."""
        if slide_id in self.doc["slides"]:  # back already (a redo being merged): its typing is put back on it
            return True
        way = self._ways_back.get(slide_id)
        if way is None:
            return None
        replica = way.replica()
        if replica is None:  # their tab closed: its undo history with it
            return False
        manager, key = replica.undo_manager, (id(replica), way.by_undo)
        if not (manager.can_redo() if way.by_undo else manager.can_undo()):
            return False
        depths = {} if depths is None else depths
        if key not in depths:
            depths[key] = len(manager.redo_stack if way.by_undo else manager.undo_stack)
        return depths[key] >= way.depth

    def forget_kept(self, everything: bool = False) -> None:
        """Forget kept typing whose slide can no longer come back (the typist was told, their typing quoted):
        a new edit dropped the redo that held it, or its person left. ``everything``: the project switched.
        Typing for a slide whose way back is not known is kept, at most ``KEPT`` of it (the oldest go)."""
        depths: dict[tuple[int, bool], int] = {}
        gone = {s for s in (*self.kept, *self._ways_back) if everything or self.comes_back(s, depths) is False}
        for slide_id in gone:
            self.kept.pop(slide_id, None)
            self._ways_back.pop(slide_id, None)
        unknown = [s for s in self.kept if s not in self._ways_back]
        while sum(len(self.kept[s]) for s in unknown) > KEPT:
            self.kept[unknown[0]].pop(0)
            if not self.kept[unknown[0]]:
                del self.kept[unknown.pop(0)]

    def stepped(self, replica: Replica, before: set[str], who: str, *, undone: bool = True) -> None:
        """``replica`` made an undo (``undone``) or a redo (slides ``before`` it): note who took slides out and
        which step brings each back, put kept typing back on the slides it brought back, forget what can no
        longer come back."""
        now = set(self.slide_ids())
        for slide_id in before - now:
            if slide_id not in self.doc["slides"]:
                self.removed_by[slide_id] = who or "Someone"
                stack = replica.undo_manager.redo_stack if undone else replica.undo_manager.undo_stack
                self._ways_back[slide_id] = WayBack(weakref.ref(replica), undone, len(stack))
        for slide_id in [s for s in self.kept if s in now]:
            for entry in self.kept.pop(slide_id):
                typist = entry.typist()
                typist = typist if typist is not None and typist.online else replica
                typist.pull()
                typist.put_back_kept(slide_id, entry)
            replica.pull()  # the one who stepped reads it at once
        for slide_id in now & self._ways_back.keys():
            del self._ways_back[slide_id]
        self.forget_kept()

    def receive(self, update: bytes, person: str | None = None, *, typing: bool = False) -> None:
        """Merge a replica's update and tell every listener who made it (``typing``: it is their typing)."""
        self._merging, self._typing = person, person if typing else None
        try:
            self.doc.apply_update(update)
        finally:
            self._merging = self._typing = None
        self.updates += 1
        if self.kept:  # an edit may have dropped the redo a kept typing waited for
            self.forget_kept()
        for listener in list(self._listeners):
            listener(person)


class Replica:
    """One browser's copy: edits are diffs against what this browser saw, undo is this person's only."""

    def __init__(self, hub: SharedDocument, person: str, *, capture_ms: int = CAPTURE_MS) -> None:
        self.hub, self.person = hub, person
        self.doc = _new_doc()
        self._pulled = hub.updates  # the hub's updates this replica holds all of
        self.doc.apply_update(hub.doc.get_update())
        self.online = True
        self.undo_manager = UndoManager(scopes=[self.doc[name] for name in ROOTS],
                                        capture_timeout_millis=capture_ms)
        self.undo_manager.include_origin(person)
        self._watchers: dict[tuple[str, str], list[Callable[[list[dict[str, Any]]], Any]]] = {}
        self.typed: dict[tuple[str, str], deque[str]] = {}  # what this browser's boxes sent lately (sync.type_into)
        self.tellers: list[Callable[[], Teller | None]] = []  # weak: who says a message to this person (``tell``)
        hub.joined(self)
        self._ids: list[str] | None = None  # the slide order, read again only after it changed
        self.reordered = 0  # counts changes of the slide order (and slides added)
        self._slides: Map = self.doc["slides"]
        self._subscriptions = [self.doc["order"].observe(self._order_changed),
                               self._slides.observe(self._order_changed)]

    def _order_changed(self, _event: Any) -> None:
        self._ids = None
        self.reordered += 1

    def observe_text(self, slide_id: str, field: str, callback: Callable[[list[dict[str, Any]]], Any]) -> None:
        """Call ``callback(delta)`` whenever this slide text changes here (by an edit or a pull); ``delta``
        is the change: ``retain``/``delete`` counted in UTF-8 bytes, ``insert`` texts."""
        _check_text(slide_id, field)
        if not self._watchers:  # watched through the roots: a slide's texts are made anew when an undo or
            # redo takes the slide away and brings it back, and an observer of the old ones would go silent
            self._subscriptions += [self.doc[root].integrated.observe_deep(self._texts_changed)
                                    for root in ("slides", *PART_TEXTS)]
        self._watchers.setdefault((slide_id, field), []).append(callback)

    def _texts_changed(self, events: list[Any]) -> None:
        # the engine's own events: only the path and the change (``delta``) are read, not the target pycrdt adds
        for event in events:
            path = event.path if hasattr(event, "delta") else ()  # none: a map's keys changed, no text
            if not path:
                continue
            # (slide id, field), or (field,) in a part's map
            key = (path[0], path[1]) if len(path) == 2 else (_part_of(path[0]), path[0])
            for callback in self._watchers.get(key, ()):
                callback(event.delta)

    def tell(self, text: str) -> bool:
        """Say ``text`` to this replica's person, through the first of ``tellers`` that can; False: none could."""
        self.tellers = [teller for teller in self.tellers if teller() is not None]
        return any(teller(self, text) for teller in (ref() for ref in self.tellers) if teller is not None)

    # -- reading --------------------------------------------------------------------------------

    def carousel(self) -> Carousel:
        return read_carousel(self.doc, self.hub.images)[0]

    def read(self) -> tuple[Carousel, list[str]]:
        """The carousel and its slide ids (parallel to ``carousel.slides``)."""
        return read_carousel(self.doc, self.hub.images)

    def slide_ids(self) -> list[str]:
        if self._ids is None:
            self._ids = _order(self.doc)
        return list(self._ids)

    def text(self, slide_id: str, field: str) -> str:
        """A slide text as it reads here ("" for a slide no longer in the document), or a part's."""
        with self.doc.transaction():  # one for both look-ups: each of its own costs more
            if slide_id not in PART_TEXTS and slide_id not in self._slides:
                _check_text(slide_id, field)
                return ""
            return str(self._text(slide_id, field))

    def texts(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """Several slide texts at once ("" for a slide that is gone), in one read."""
        with self.doc.transaction():
            visible = set(self.slide_ids())
            return {(i, f): str(self._text(i, f)) if i in visible or i in PART_TEXTS else "" for i, f in keys}

    def _text(self, slide_id: str, field: str) -> Text:
        """The Y text of a slide field, or of a part's field (``PART_TEXTS``: ``slide_id`` is the part's name).

        Looked up at every use, never kept: one person's undo or redo takes a slide out of the map and puts
        a new one in, and a text kept from before then points at freed memory (reading it crashed the process).
        """
        _check_text(slide_id, field)
        with self.doc.transaction():
            return self.doc[slide_id][field] if slide_id in PART_TEXTS else self._slides[slide_id][field]

    def deleted_by(self, slide_id: str) -> str | None:
        """Who deleted this slide (their name as they gave it), None if it was not deleted."""
        slide = self.doc["slides"].get(slide_id)
        return json.loads(slide[DELETED_BY]) if slide is not None and DELETED_BY in slide else None

    # -- editing --------------------------------------------------------------------------------

    def set_text(self, slide_id: str, field: str, value: str) -> None:
        """The browser's text box now reads ``value``: apply the difference from what it showed."""
        with self.doc.transaction(origin=self.person):
            text = self._text(slide_id, field)
            old = str(text)
            _edit(text, old, changes(old, value))
        self.push(typing=True)

    def edit_text(self, slide_id: str, field: str, edits: list[tuple[int, int, str]]) -> None:
        """Make ``edits`` (``(start, end, insert)`` in characters of the text as it reads here, in order)."""
        with self.doc.transaction(origin=self.person):
            text = self._text(slide_id, field)
            _edit(text, str(text), edits)
        self.push(typing=True)

    def commit(self, new: Carousel, *, who: str = "", ids: list[str | None] | None = None) -> None:
        """Make this replica read ``new``, as the smallest set of changes; ``who`` signs deletions. ``ids``: which
        slide (its id; None: a new one) each of ``new``'s slides is written into, when the caller chose."""
        old, old_ids = self.read()
        with self.doc.transaction(origin=self.person):
            _write_values(self.doc["meta"], _meta(old, self.hub.images), _meta(new, self.hub.images),
                          PART_TEXTS["meta"])
            for name in PARTS:
                _write_values(self.doc[name], _plain(getattr(old, name), self.hub.images),
                              _plain(getattr(new, name), self.hub.images), PART_TEXTS.get(name, ()))
            if ids is None:
                _write_slides(self.doc, old.slides, old_ids, new.slides, self.hub.images, who)
            else:
                _write_paired(self.doc, dict(zip(old_ids, old.slides)), ids, new.slides, self.hub.images, who)
        self.push()

    def undo(self, who: str = "") -> bool:
        """Undo this person's last edit (nobody else's); False when there is none. ``who``: their name, told
        to anyone whose typing reaches a slide this takes out."""
        return self._step(self.undo_manager.undo, who, undone=True)

    def redo(self, who: str = "") -> bool:
        """Redo this person's last undone edit; typing kept for a slide it brings back is put back on it."""
        return self._step(self.undo_manager.redo, who, undone=False)

    def _step(self, step: Callable[[], bool], who: str, *, undone: bool) -> bool:
        self.pull()  # others' typing in a slide this takes out must be here, or a redo brings the slide back without it
        before = set(self.slide_ids())
        done = step()
        self.push()
        self.hub.stepped(self, before, who, undone=undone)
        return done

    def put_back_kept(self, slide_id: str, kept: Kept) -> None:
        """Make kept typing (``SharedDocument.keep``) on this slide's text as it reads now."""
        self.set_text(slide_id, kept.field, rebase(kept.seen, kept.typed, self.text(slide_id, kept.field)))

    def holds(self, slide_id: str) -> bool:
        """Whether this slide is still in the document here (in the carousel, or deleted and kept for an undo)."""
        return slide_id in self._slides

    def can_undo(self) -> bool:
        return self.undo_manager.can_undo()

    def can_redo(self) -> bool:
        return self.undo_manager.can_redo()

    # -- syncing --------------------------------------------------------------------------------

    def push(self, *, typing: bool = False) -> None:
        """Send the shared copy whatever it lacks from this replica (nothing while offline). ``typing``: what it
        lacks is this person's typing (``SharedDocument.carets``)."""
        if self.online:
            update = self.doc.get_update(self.hub.doc.get_state())
            if len(update) > 2:  # an empty update is two zero bytes
                before = self.hub.updates
                self.hub.receive(update, self.person, typing=typing)
                if self._pulled == before and self.hub.updates == before + 1:  # nobody else's came meanwhile
                    self._pulled = self.hub.updates

    def pull(self) -> bool:
        """Take in the others' edits; True when anything arrived (call it when this browser redraws)."""
        if not self.online or self._pulled == self.hub.updates:
            return False
        self._pulled = self.hub.updates
        update = self.hub.doc.get_update(self.doc.get_state())
        if len(update) <= 2:
            return False
        self.doc.apply_update(update)
        return True

    def disconnect(self) -> None:
        """The browser is gone for now: its edits stay here until it is back."""
        self.online = False

    def reconnect(self) -> None:
        """Back online: this replica's unsent edits are merged, and it gets everyone else's."""
        self.online = True
        self.push()
        self.pull()


def _moved(place: int, delta: list[dict[str, Any]]) -> int:
    """A place in a text (UTF-8 bytes) after a change of it; something inserted right at it goes after it."""
    at = 0
    for op in delta:
        if at >= place:
            break
        if "insert" in op:
            size = len(str(op["insert"]).encode("utf-8"))
            place, at = place + size, at + size
        elif "delete" in op:
            place -= min(op["delete"], place - at)
        else:
            at += op.get("retain", 0)
    return place


def _after_change(delta: list[dict[str, Any]]) -> int | None:
    """The place (UTF-8 bytes) right after the last thing a change inserted or deleted; None: it changed nothing."""
    at, place = 0, None
    for op in delta:
        if "insert" in op:
            at += len(str(op["insert"]).encode("utf-8"))
            place = at
        elif "delete" in op:
            place = at
        else:
            at += op.get("retain", 0)
    return place


def _credited(runs: Runs, delta: list[dict[str, Any]], person: str | None) -> Runs:
    """``runs`` (who typed each stretch of a text) after a change of it (``delta``: retain and delete counted in
    UTF-8 bytes, insert texts): what it inserted is ``person``'s."""
    rest, out = deque(runs), []

    def add(who: str | None, size: int) -> None:
        if out and out[-1][0] == who:
            out[-1] = (who, out[-1][1] + size)
        elif size:
            out.append((who, size))

    def take(size: int, keep: bool) -> None:
        while size > 0 and rest:
            who, length = rest.popleft()
            step = min(size, length)
            if keep:
                add(who, step)
            if step < length:
                rest.appendleft((who, length - step))
            size -= step
    for op in delta:
        if "insert" in op:
            add(person, len(str(op["insert"]).encode("utf-8")))
        else:
            take(op.get("retain", op.get("delete", 0)), "retain" in op)
    for who, length in rest:
        add(who, length)
    return out


# -- reading the Y document ---------------------------------------------------------------------

def _new_doc() -> Doc:
    doc = Doc()
    for name in ROOTS:
        doc[name] = Array() if name == "order" else Map()
    return doc


def _check_text(slide_id: str, field: str) -> None:
    if field not in PART_TEXTS.get(slide_id, SLIDE_TEXTS):
        raise ValueError(f"{field!r} is not a shared text")


def _part_of(field: str) -> str | None:
    """The part whose text ``field`` is (``PART_TEXTS``), None for any other name."""
    return next((part for part, fields in PART_TEXTS.items() if field in fields), None)


def _order(doc: Doc) -> list[str]:
    """Slide ids in order; an id twice (two people moved it at once) counts where it first is."""
    with doc.transaction():
        known = set(doc["slides"].keys())
        order = doc["order"].to_py()
    ids = []
    for slide_id in order:
        if slide_id in known:
            known.discard(slide_id)
            ids.append(slide_id)
    return ids


def read_carousel(doc: Doc, images: Images) -> tuple[Carousel, list[str]]:
    """The carousel a Y document holds, and its slide ids."""
    with doc.transaction():  # one transaction for every read below: each of its own costs more
        ids = _order(doc)
        slides = doc["slides"]
        data: dict[str, Any] = _part_data(doc, "meta")
        for name in PARTS:
            data[name] = _part_data(doc, name)
        data["slides"] = [_slide_data(slides[i].to_py()) for i in ids]
    return _build(Carousel, data, images), ids


def _part_data(doc: Doc, part: str) -> dict[str, Any]:
    texts = PART_TEXTS.get(part, ())
    return {k: (v if k in texts else json.loads(v)) for k, v in doc[part].to_py().items()}


def _slide_data(stored: dict[str, Any]) -> dict[str, Any]:
    return {k: (v if k in SLIDE_TEXTS else json.loads(v)) for k, v in stored.items() if k != DELETED_BY}


def _build(tp: Any, data: Any, images: Images) -> Any:
    """Model objects from stored data (made by this module from model objects, so no validation)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        tp = next(a for a in typing.get_args(tp) if a is not type(None))
        origin = typing.get_origin(tp)
    if tp is Image:
        return images[data["$image"]]
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_build(item, v, images) for v in data]
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        return tp(**{k: _build(hints[k], v, images) for k, v in data.items() if k in hints})
    return data


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


# -- writing the Y document ---------------------------------------------------------------------

def _plain(value: Any, images: Images) -> Any:
    """JSON-ready data with images as references into the pool."""
    if isinstance(value, Image):
        images.setdefault(value.sha256, value)
        return {"$image": value.sha256}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name), images) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v, images) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v, images) for k, v in value.items()}
    return value


def _meta(carousel: Carousel, images: Images) -> dict[str, Any]:
    return {name: _plain(getattr(carousel, name), images) for name in META}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _write_values(target: Map, old: dict[str, Any], new: dict[str, Any], texts: tuple[str, ...] = ()) -> None:
    """Write what changed; the fields named in ``texts`` are Y texts, changed by their smallest splices."""
    for key, value in new.items():
        if key in texts:
            if key in target:
                _splice(target[key], value)
            else:
                target[key] = Text(value)
        elif key not in old or old[key] != value:
            target[key] = _json(value)


def _write_new(doc: Doc, carousel: Carousel, images: Images) -> None:
    _write_values(doc["meta"], {}, _meta(carousel, images), PART_TEXTS["meta"])
    for name in PARTS:
        _write_values(doc[name], {}, _plain(getattr(carousel, name), images), PART_TEXTS.get(name, ()))
    doc["order"].extend([_add_slide(doc, slide, images) for slide in carousel.slides])


def _add_slide(doc: Doc, slide: Slide, images: Images) -> str:
    slide_id = uuid.uuid4().hex[:12]
    data = _plain(slide, images)
    doc["slides"][slide_id] = Map({k: (Text(data[k]) if k in SLIDE_TEXTS else _json(data[k])) for k in data})
    return slide_id


def _write_slides(doc: Doc, old: list[Slide], ids: list[str], new: list[Slide], images: Images,
                  who: str) -> None:
    """Edit, add, delete and move slides so the document reads ``new`` (moves keep the slide's id)."""
    old_keys = [_json(_plain(s, images)) for s in old]
    new_keys = [_json(_plain(s, images)) for s in new]
    new_ids: list[str | None] = [None] * len(new)
    removed: dict[str, list[str]] = {}  # content → ids of slides gone from their place
    added: list[int] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes():
        paired = (i2 - i1) if tag == "equal" else min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(paired):
            if tag == "replace" and not _edited(old[i1 + k], new[j1 + k]):  # another slide (an import): new id
                removed.setdefault(old_keys[i1 + k], []).append(ids[i1 + k])
                added.append(j1 + k)
                continue
            new_ids[j1 + k] = ids[i1 + k]
            if tag == "replace":
                _write_slide(doc["slides"][ids[i1 + k]], old[i1 + k], new[j1 + k], images)
        for i in range(i1 + paired, i2):
            removed.setdefault(old_keys[i], []).append(ids[i])
        added.extend(range(j1 + paired, j2))
    for j in added:
        moved = removed.get(new_keys[j])
        new_ids[j] = moved.pop(0) if moved else _add_slide(doc, new[j], images)
    for gone in removed.values():
        for slide_id in gone:
            doc["slides"][slide_id][DELETED_BY] = _json(who)
    _write_order(doc["order"], [i for i in new_ids if i is not None])


def _write_paired(doc: Doc, old: dict[str, Slide], ids: list[str | None], new: list[Slide], images: Images,
                  who: str) -> None:
    """Write ``new[j]`` into the slide ``ids[j]`` (None: a new slide); the others of ``old`` are deleted."""
    order = []
    for slide_id, slide in zip(ids, new):
        if slide_id is None:
            slide_id = _add_slide(doc, slide, images)
        else:
            _write_slide(doc["slides"][slide_id], old[slide_id], slide, images)
        order.append(slide_id)
    for slide_id in old.keys() - set(order):
        doc["slides"][slide_id][DELETED_BY] = _json(who)
    _write_order(doc["order"], order)


def _edited(old: Slide, new: Slide) -> bool:
    """Whether ``new`` is ``old`` edited (its title or its words kept), not another slide put in its place."""
    return old.kind == new.kind and (old.title == new.title or old.body == new.body)


def _write_slide(target: Map, old: Slide, new: Slide, images: Images) -> None:
    for name in SLIDE_TEXTS:
        _write_text(target[name], getattr(new, name))
    _write_values(target, {k: _plain(getattr(old, k), images) for k in SLIDE_VALUES},
                  {k: _plain(getattr(new, k), images) for k in SLIDE_VALUES})


def _write_order(order: Array, target: list[str]) -> None:
    current = order.to_py()
    opcodes = SequenceMatcher(None, current, target, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(opcodes):  # from the end, so earlier positions stay valid
        if tag in ("delete", "replace"):
            del order[i1:i2]
        if tag in ("insert", "replace"):
            for k, slide_id in enumerate(target[j1:j2]):
                order.insert(i1 + k, slide_id)


def splice(old: str, new: str) -> tuple[int, int, str]:
    """``(start, end, insert)``: replacing ``old[start:end]`` by ``insert`` gives ``new``; the smallest such."""
    start = _same_run(lambda n: old[:n] == new[:n], min(len(old), len(new)))
    common = _same_run(lambda n: old[len(old) - n:] == new[len(new) - n:], min(len(old), len(new)) - start)
    return start, len(old) - common, new[start:len(new) - common]


def _same_run(same: Callable[[int], bool], most: int) -> int:
    """The largest ``n`` up to ``most`` for which ``same(n)`` holds (it holds for every smaller one), found by
    halving: each keystroke compares dozens of long texts, and comparing slices is far faster than each letter."""
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if same(middle):
            low = middle
        else:
            high = middle - 1
    return low


def changes(old: str, new: str, steps: Steps | None = None) -> list[tuple[int, int, str]]:
    """The changes from ``old`` to ``new``, each ``(start, end, insert)`` in ``old``'s positions, in order.

    Separate places stay separate (typing at both ends is two insertions, not one replacement of
    everything between), so text nobody touched is never deleted and written again.
    """
    start, end, insert = splice(old, new)
    if start == end or not insert:
        return [(start, end, insert)] if (start, end, insert) != (start, start, "") else []
    if end - start + len(insert) > ANCHORED:  # longer than any text's cap (a paste to refuse): one change
        return [(start, end, insert)]
    if (end - start) * len(insert) > CLOSE_COST:  # comparing closely is quadratic: anchored, linear
        return [(start + i1, start + i2, insert[j1:j2])
                for i1, i2, j1, j2 in _anchored_changes(old[start:end], insert, steps)]
    return [(start + i1, start + i2, insert[j1:j2]) for i1, i2, j1, j2 in _close_changes(old[start:end], insert)]


def change_measure(old: str, new: str) -> int:
    """How many characters change from ``old`` to ``new``, measured cheaply: for choosing among many texts the
    one a box typed on (each keystroke measures dozens). A long changed stretch counts whole, never anchored."""
    start, end, insert = splice(old, new)
    if (end - start) * len(insert) > CLOSE_COST or start == end or not insert:
        return end - start + len(insert)
    return sum(i2 - i1 + j2 - j1 for i1, i2, j1, j2 in _close_changes(old[start:end], insert))


def anchored_measure(old: str, new: str) -> int:
    """``change_measure`` with each separate change found (the anchored search). A stretch between anchored runs
    too costly to compare counts its longer side only (a reworded stretch keeps most of its letters)."""
    steps = Steps()
    edits = changes(old, new, steps)
    return sum(end - start + len(insert) for start, end, insert in edits) - steps.overlap


def closest(items: Sequence[T], texts: Callable[[T], tuple[str, str]], tie: Callable[[T], Any] = lambda _: 0) -> T:
    """The item whose texts ``(old, new)`` differ least (then the smallest ``tie``, then the first). Ranked by
    ``change_measure``; the best few and the one nearest in length are measured again by ``anchored_measure``
    (a replace-all through a long text is many small changes, not one long one that a short text would beat)."""
    cheap = sorted(range(len(items)), key=lambda k: (change_measure(*texts(items[k])), tie(items[k]), k))
    near = min(cheap, key=lambda k: abs(len(texts(items[k])[0]) - len(texts(items[k])[1])))
    few = {*cheap[:RERANKED], near}
    return items[min(few, key=lambda k: (anchored_measure(*texts(items[k])), tie(items[k]), k))]


def _close_changes(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """``a[i1:i2]`` becomes ``b[j1:j2]``, each change found closely (quadratic: short texts only)."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


class Steps:
    """Counts the work ``changes`` does on a long text: characters sliced or compared (a test bounds it by the
    texts' sizes, not by the clock)."""

    def __init__(self) -> None:
        self.n = 0
        self.overlap = 0  # characters of the shorter side of stretches changed whole, not compared


ANCHOR = 32  # characters: an unchanged run this long (twice this, surely) is found between changes of a long text
ANCHORED = 4 * limits.MAX_BODY_CHARS  # characters changed (both sides) up to which runs between changes are anchored
# (longer than any text's cap is a paste to refuse: one change, as anchoring a megabyte took a second on the event loop)


def _anchored_changes(a: str, b: str, steps: Steps | None = None) -> list[tuple[int, int, int, int]]:
    """``a[i1:i2]`` becomes ``b[j1:j2]``: a long text's changes, found in linear time. Runs of ``a`` that come
    unchanged in ``b`` are anchored by stretches of ``ANCHOR`` characters found once in each text (a copied
    paragraph anchors nothing), kept in order in both (the longest such chain), and grown both ways; so the text
    between two changes is never part of one. The stretches left between anchored runs are compared closely
    while that stays cheap (``ANCHOR`` × ``COMPARED`` in all), else each is one change."""
    steps = steps or Steps()
    runs: list[tuple[int, int, int]] = []  # (in a, in b, length), increasing in both
    done_a = done_b = 0
    for i, j in _chain(a, b, steps):
        if i < done_a or j < done_b:  # inside (or across the end of) the run anchored last
            continue
        back = _common(a, b, i, j, -min(i - done_a, j - done_b), steps)
        ahead = _common(a, b, i, j, min(len(a) - i, len(b) - j), steps)
        runs.append((i - back, j - back, back + ahead))
        done_a, done_b = i + ahead, j + ahead
    out: list[tuple[int, int, int, int]] = []
    budget = ANCHOR * COMPARED  # (a small stretch typed over is compared closely; a long one costs too much)
    from_a = from_b = 0
    for i, j, length in [*runs, (len(a), len(b), 0)]:
        if (i, j) != (from_a, from_b):  # a stretch changed between two unchanged runs
            cost = (i - from_a) * (j - from_b)
            if 0 < cost <= budget:
                budget -= cost
                steps.n += cost
                out += [(from_a + i1, from_a + i2, from_b + j1, from_b + j2)
                        for i1, i2, j1, j2 in _close_changes(a[from_a:i], b[from_b:j])]
            else:
                steps.overlap += min(i - from_a, j - from_b)
                out.append((from_a, i, from_b, j))
        from_a, from_b = i + length, j + length
    return out


def _chain(a: str, b: str, steps: Steps) -> list[tuple[int, int]]:
    """Places ``(i, j)`` where ``a`` and ``b`` hold the same stretch of ``ANCHOR`` characters, found once in each
    (``a``'s taken at every ``ANCHOR``-th place), the longest chain of them increasing in both texts."""
    sampled: dict[str, int] = {}  # a stretch of ``a`` at every ANCHOR-th place → how often it is in ``a``
    at: dict[str, int] = {}  # → its (sampled) place
    for i in range(0, len(a) - ANCHOR + 1, ANCHOR):
        sampled[a[i:i + ANCHOR]], at[a[i:i + ANCHOR]] = 0, i
    steps.n += len(a)
    for i in range(len(a) - ANCHOR + 1):  # counted at every place: found once in ``a``, not only once sampled
        stretch = a[i:i + ANCHOR]
        if stretch in sampled:
            sampled[stretch] += 1
    in_b: dict[str, int] = {}  # stretch → its place in ``b`` (-1: more than once)
    for j in range(len(b) - ANCHOR + 1):
        stretch = b[j:j + ANCHOR]
        if sampled.get(stretch) == 1:
            in_b[stretch] = -1 if stretch in in_b else j
    steps.n += ANCHOR * (len(a) + len(b))
    places = sorted((j, at[stretch]) for stretch, j in in_b.items() if j >= 0)
    return _increasing(places, steps)


def _increasing(places: list[tuple[int, int]], steps: Steps) -> list[tuple[int, int]]:
    """The longest chain of ``places`` (``(j, i)``, ``j`` increasing) whose ``i`` increases too, as ``(i, j)``."""
    tails: list[int] = []  # tails[k]: index in ``places`` of the smallest ``i`` ending a chain of k + 1
    before: list[int] = []  # each place's predecessor in its chain (-1: none)
    for n, (_j, i) in enumerate(places):
        k = _first_not_below(places, tails, i)
        steps.n += len(tails).bit_length() + 1
        before.append(tails[k - 1] if k else -1)
        if k == len(tails):
            tails.append(n)
        else:
            tails[k] = n
    chain, n = [], tails[-1] if tails else -1
    while n >= 0:
        chain.append((places[n][1], places[n][0]))
        n = before[n]
    return chain[::-1]


def _first_not_below(places: list[tuple[int, int]], tails: list[int], i: int) -> int:
    """The first chain length whose tail's ``i`` is not below ``i`` (a binary search)."""
    low, high = 0, len(tails)
    while low < high:
        middle = (low + high) // 2
        if places[tails[middle]][1] < i:
            low = middle + 1
        else:
            high = middle
    return low


def _common(a: str, b: str, i: int, j: int, most: int, steps: Steps) -> int:
    """How many characters ``a`` and ``b`` have in common from ``a[i]`` and ``b[j]`` on (``most`` > 0), or right
    before them (``most`` < 0), at most ``abs(most)``: found by comparing doubling stretches, then halving the
    last; each character is compared a few times at most (the steps count every one)."""
    ahead, most = most > 0, abs(most)

    def same(low: int, high: int) -> bool:  # the characters ``low`` to ``high`` away are the same in both
        steps.n += high - low
        if ahead:
            return a[i + low:i + high] == b[j + low:j + high]
        return a[i - high:i - low] == b[j - high:j - low]
    low, size = 0, ANCHOR
    while low < most and same(low, min(low + size, most)):
        low, size = min(low + size, most), size * 2
    high = min(low + size, most)  # the first ``low`` are the same; one from ``low`` to ``high`` is not
    while high - low > 1:
        middle = (low + high) // 2
        if same(low, middle):
            low = middle
        else:
            high = middle
    return low


def _splice(text: Text, new: str) -> None:
    """Change a Y text to read ``new`` by its smallest changes."""
    old = str(text)
    _edit(text, old, changes(old, new))


def _write_text(text: Text, new: str) -> None:
    """Change a Y text to read ``new``: a piece of it kept (a split), or it kept inside ``new`` (a merge), exactly
    there, so typing in that piece goes on in it; else by its smallest changes."""
    old = str(text)
    edits = piece_edits(old, new)
    _edit(text, old, changes(old, new) if edits is None else edits)


def piece_edits(old: str, new: str) -> list[tuple[int, int, str]] | None:
    """The edits from ``old`` to ``new`` when ``new`` is a stripped piece at either end of ``old`` (a split), or
    ``old``'s stripped words are at either end of ``new`` (a merge); None otherwise."""
    core = old.strip()
    if old == new or not core or not new:
        return None
    if len(new) < len(old) and (old.startswith(new) or old.endswith(new)):  # a piece cut off exactly
        return [(len(new), len(old), "")] if old.startswith(new) else [(0, len(old) - len(new), "")]
    lead = len(old) - len(old.lstrip())
    end = lead + len(core)
    if new == new.strip() and len(new) < len(core):
        if core.endswith(new):
            edits = [(0, end - len(new), ""), (end, len(old), "")]
        elif core.startswith(new):
            edits = [(0, lead, ""), (lead + len(new), len(old), "")]
        else:
            return None
    elif new.endswith(core):
        edits = [(0, lead, new[:len(new) - len(core)]), (end, len(old), "")]
    elif new.startswith(core):
        edits = [(0, lead, ""), (end, len(old), new[len(core):])]
    else:
        return None
    return [edit for edit in edits if edit[0] != edit[1] or edit[2]]


def _edit(text: Text, old: str, edits: list[tuple[int, int, str]]) -> None:
    """Make ``edits`` (in characters of ``old``, what ``text`` reads) on a Y text, which counts UTF-8 bytes."""
    for start, end, insert in reversed(edits):  # from the end: earlier positions stay put
        offset = len(old[:start].encode("utf-8"))
        length = len(old[start:end].encode("utf-8"))
        if length:
            del text[offset:offset + length]
        if insert:
            text.insert(offset, insert)


def rebase(base: str, mine: str, theirs: str, where: list[int | None] | None = None) -> str:
    """``theirs`` with my changes (from ``base`` to ``mine``) made on it too.

    Everything either side inserted stays; I delete only characters of ``base`` that are still
    there, so text they added inside a range I deleted survives. ``where``: each character of
    ``base`` in ``theirs`` (None: deleted), when known (``moved_by``); otherwise the texts are compared.
    """
    if mine == base:
        return theirs
    if theirs == base:
        return mine
    if where is None:
        where = _where(base, theirs)
    removed: set[int] = set()
    inserted: dict[int, str] = {}
    for start, end, insert in changes(base, mine):
        removed.update(where[q] for q in range(start, end) if where[q] is not None)
        if insert:
            at = _after_previous(where, start)
            inserted[at] = inserted.get(at, "") + insert
    out = []
    for index, char in enumerate(theirs):
        out.append(inserted.get(index, ""))
        if index not in removed:
            out.append(char)
    out.append(inserted.get(len(theirs), ""))
    return "".join(out)


def _where(base: str, theirs: str) -> list[int | None]:
    """For each character of ``base``, its index in ``theirs`` (None where they deleted it)."""
    where: list[int | None] = []
    shift = 0
    for start, end, insert in changes(base, theirs):
        where.extend(q + shift for q in range(len(where), start))
        where.extend([None] * (end - start))
        shift += len(insert) - (end - start)
    where.extend(q + shift for q in range(len(where), len(base)))
    return where


def _after_previous(where: list[int | None], position: int) -> int:
    """Where in ``theirs`` something typed before ``base[position]`` goes: right after the last kept character."""
    for q in range(position - 1, -1, -1):
        if where[q] is not None:
            return where[q] + 1
    return 0
