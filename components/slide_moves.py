"""Moving a slide along the strip: Alt+Left/Right on its thumbnail, or a drag let go. The browser names the slide it
moves (``SlideNames``) and sends each press again until it is answered (``Presses``); the move is said to a screen
reader, and the moved slide's thumbnail takes the focus back once the strip is drawn anew."""
from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from nicegui import events

if TYPE_CHECKING:
    from .slide_strip import SlideStrip

UNWRITTEN = {"cover": "cover", "outro": "call to action (outro)"}  # a slide of no words of its own, by its kind
NAME_LONGEST = 80  # characters of an untitled slide's first line in its thumbnail's name (a title is named whole)


class Presses:
    """The keyboard presses and drags of one page, each applied once, in the order made. The page sends every press
    again until it is answered (with those before it still unanswered): one sent into a connection the server had
    already closed while the browser still thought it open never came; a copy sent again can come late, or twice."""

    SESSIONS = 4  # drawings of the row on the page remembered (a new one counts its presses from 1 again)
    # presses applied from one message at most (the rest wait for the page's next copy, which still carries them):
    # a real page has a few unanswered, and a message listing thousands held the event loop for seconds
    MOST = 10
    LISTED = 200  # presses of one message looked at at most

    def __init__(self) -> None:
        self._last: dict[str, int] = {}  # the last press applied, by ``session``

    def fresh(self, session: str, presses: list[tuple[int, str, object]]) -> list[tuple[int, str, object]]:
        """The first ``MOST`` of ``presses`` (key, slide, step) not applied yet, in the order pressed; from now on
        applied."""
        last = self._last.get(session, 0)
        fresh = sorted({press[0]: press for press in presses if press[0] > last}.values())[:self.MOST]
        if fresh:
            self._last.pop(session, None)
            self._last[session] = fresh[-1][0]
            while len(self._last) > self.SESSIONS:
                del self._last[next(iter(self._last))]
        return fresh


class SlideNames:
    """A name for each slide on this page, which its thumbnail carries (``data-slide``) so that the browser says
    which slide it moves, never only where it saw it: the slide's id in share mode, else a number given to the slide
    object (moved in place, it keeps its name across drawings)."""

    def __init__(self) -> None:
        self._given: dict[int, tuple[weakref.ref, str]] = {}
        self._last = 0
        self._seen: list[tuple[str, object]] = []  # the slides last looked at, with their names (``carry``)

    def carry(self, keys: list) -> None:
        """Undo, redo or a reload give every slide a new object: each new one takes the name of a slide last seen
        that is gone, so a keyboard user keeps theirs: first the one at its place when equal, then the one equal
        to it when no other slide is (a moved slide), then the one that stood at its place. Equal content alone
        never decides between equal slides (two empty ones): the wrong one would be selected, and deleted."""
        if any(isinstance(key, str) for key in keys):
            return
        new = [i for i, key in enumerate(keys) if self._named(key) is None]
        if new:
            kept = {self._named(key) for key in keys}
            free = {i: (name, slide) for i, (name, slide) in enumerate(self._seen) if name not in kept}
            for rule in (self._equal_here, self._equal_alone, self._here):
                for i in list(new):
                    there = rule(i, keys, new, free)
                    if there is not None:
                        self._give(keys[i], free.pop(there)[0])
                        new.remove(i)
        self._seen = [(self.name(key), key) for key in keys]

    @staticmethod
    def _equal_here(i: int, keys: list, new: list[int], free: dict) -> int | None:
        return i if i in free and free[i][1] == keys[i] else None

    @staticmethod
    def _equal_alone(i: int, keys: list, new: list[int], free: dict) -> int | None:
        equal = [j for j, (_name, slide) in free.items() if slide == keys[i]]
        twins = [k for k in new if keys[k] == keys[i]]
        return equal[0] if len(equal) == 1 and len(twins) == 1 else None

    @staticmethod
    def _here(i: int, keys: list, new: list[int], free: dict) -> int | None:
        return i if i in free else None

    def _named(self, key) -> str | None:
        given = self._given.get(id(key))
        return given[1] if given is not None and given[0]() is key else None

    def _give(self, key, name: str) -> str:
        self._given[id(key)] = (weakref.ref(key, self._forget(id(key))), name)
        return name

    def name(self, key) -> str:
        if isinstance(key, str):
            return key
        name = self._named(key)
        if name is None:
            self._last += 1
            name = self._give(key, f"s{self._last}")
        return name

    def find(self, keys: list, name) -> int | None:
        """Where the slide named ``name`` is in ``keys`` (``SlideMoves.keys``), or None."""
        if not isinstance(name, str):
            return None
        return next((i for i, key in enumerate(keys) if self.name(key) == name), None)

    def _forget(self, ident: int):
        def gone(ref: weakref.ref) -> None:
            if self._given.get(ident, (None,))[0] is ref:
                del self._given[ident]
        return gone


class SlideMoves:
    """The strip's slide moves: each press or drag made once, in order, where the person meant it."""

    def __init__(self, strip: SlideStrip) -> None:
        self.strip, self.view = strip, strip.view
        self.presses = Presses()
        self.names = strip.view.slide_names  # the selection follows a slide by the same name
        # a keyboard move's slide (its key, ``keys``), its number on the page, and the last drawing begun before it:
        # the thumbnail focused once a drawing begun after the move is drawn to the end
        self._focus: dict | None = None
        self.held: bool | None = None  # while a message's moves are made: whether the strip is to be drawn

    def moved(self, e: events.GenericEventArguments) -> None:
        """A slide moved by Alt+Left/Right or dragged (``slide``, ``step``, ``key``: the press's number on that page,
        assets/slide_strip.js), with the presses before it still unanswered; or, from a page loaded before the
        studio was upgraded (until it reloads), dragged from ``old_index`` to ``new_index``. The strip is drawn
        again once at most, after all of them."""
        args = e.args if isinstance(e.args, dict) else {}
        self.held = False
        try:
            self._made(args)
        finally:
            held, self.held = self.held, None
            if held:
                self.strip.rebuild()

    def _made(self, args: dict) -> None:
        old, new, slide, key, step = (args.get(name) for name in ("old_index", "new_index", "slide", "key", "step"))
        if _press([key, slide, step]):
            session = args.get("session")
            session = session[:40] if isinstance(session, str) else ""
            earlier = args.get("earlier")
            earlier = earlier[:Presses.LISTED] if isinstance(earlier, list) else []
            for key, slide, step in self.presses.fresh(session, [tuple(p) for p in earlier if _press(p)]
                                                       + [(key, slide, step)]):
                self._step(slide, step, key, session)
        elif _integer(old) and _integer(new):
            place = {"to": new, "before": args.get("before"), "after": args.get("after")}
            if slide is None:  # (a page from before slides were named)
                self._move(old, new)
            elif isinstance(slide, str) and _drop_place(place):
                self._step(slide, place, None)

    def unmade(self, e: events.GenericEventArguments) -> None:
        """Alt+Left/Right presses or drags the tab's earlier page never saw answered before it loaded again: they
        may not have been made, and the person is told so (assets/slide_strip.js ``tellUnmade``)."""
        self.view.notify("A slide move you made while the connection was away may not have been made: check the "
                         "strip's order.", type="warning", close_button=True, timeout=0)

    def _landing(self, keys: list, old: int, new: int, before, after) -> int:
        """Where a dropped slide goes: in front of the slide named ``before`` (or behind ``after``) where that one is
        now, so others' adds and moves meanwhile do not shift it; else the place the page saw (``new``)."""
        for name, beyond in ((before, 0), (after, 1)):
            there = self.names.find(keys, name)
            if there is not None and there != old:
                return there - (old < there) + beyond
        return new

    def _step(self, slide: str, step, key: int | None, session: str = "") -> None:
        """A keyboard move (``step`` ±1: the slide named ``slide`` one place along) or a drag (``step`` a dict: to
        where it was let go, ``_landing``); the browser waits for the answer ``key`` (of its drawing ``session``)."""
        keys = self.keys()
        old = self.names.find(keys, slide)
        focus = {"slide": None if old is None else keys[old], "seq": key, "session": session, "after": self.strip.begun}
        if key is not None:
            self._focus = None  # (told once the move is done: the strip may be drawn during it)
        dragged = isinstance(step, dict)
        if old is None:
            to = None
        elif dragged:
            to = self._landing(keys, old, step["to"], step.get("before"), step.get("after"))
        else:
            to = old + step
        moved = None if to is None else self._move(old, to)
        if dragged and (old is None or moved == old):  # the dragged thumbnails, still shifted, go back
            self.strip.rebuild()
        if key is None:  # (an old page's drag: it waits for no answer)
            return
        if moved is None or moved == old:  # nothing moved (or the slide is gone): the strip as drawn says it (or as
            focus["after"] = self.strip.begun - (0 if self.held else 1)  # drawn once this message's moves are made)
        else:
            focus["slide"] = self.keys()[moved]  # (an equal twin's, when the document kept its order)
        self._focus = focus
        self.show_focus()

    def _move(self, old: int, new: int) -> int | None:
        """The slide at ``old`` to ``new`` (the outro stays last), selected and said to a screen reader; where it is
        now, or None (told to the person, the strip drawn again)."""
        view = self.view
        keys = self.keys()
        if old < 0:  # (no page sends it: a stale or forged message) the document's words would name "slide 0"
            view.notify("That slide is not in the strip: nothing was moved.", type="warning")
            self.strip.rebuild()  # a dragged thumbnail goes back to its place
            return None
        key = keys[old] if old < len(keys) else None
        moved = view.attempt(view.document.move_slide, old, new, origin=view.person)
        if moved is None:
            self.strip.rebuild()  # a dragged thumbnail goes back to its place
            return None
        keys, slides = self.keys(), view.carousel.slides
        where = next((i for i, k in enumerate(keys) if k is key or (isinstance(k, str) and k == key)), moved)
        if where != moved and not (moved < len(slides) and slides[moved] == slides[where]):
            moved = where  # it did not go there; an equal copy in its place reads as the move (share mode's twins)
        view.select(moved)
        if moved != old:
            slides = view.carousel.slides
            self.strip.say(f"Moved “{slide_name(slides[moved])}” to slide {moved + 1} of {len(slides)}.")
        return moved

    def keys(self) -> list:
        """What tells this person's slides apart, in the strip's order (``View.slide_keys``)."""
        return self.view.slide_keys()

    def show_focus(self) -> None:
        """Once a drawing begun after the keyboard move is drawn to the end, the browser focuses the thumbnail of
        the slide moved (by its name); a drawing begun before it would focus a thumbnail about to go."""
        focus = self._focus
        number = self.strip.ended
        if focus is None or number <= focus["after"]:
            return
        self._focus = None
        slide = None if focus["slide"] is None else self.names.name(focus["slide"])
        self.strip.container.props["focus"] = {"slide": slide, "seq": focus["seq"], "session": focus["session"]}
        self.strip.container.update()


def drop_post(view, action, post_id: str, index: int, doing: str = "dropping the post") -> int | None:
    """A post dropped (or added) on slide ``index`` (``action``: ``add_post_to_slide`` or
    ``replace_slide_with_post``); where that slide is now, or None. When the post moved from its own slide, that
    slide is gone: the person is told which, and that Undo brings it back (a slide never leaves the strip unsaid)."""
    keys, slides = view.slide_keys(), list(view.carousel.slides)
    new = view.attempt(action, post_id, index, origin=view.person, doing=doing)
    if new is not None:
        now = view.slide_keys()
        gone = [i for i, key in enumerate(keys) if not any(k is key or (isinstance(k, str) and k == key) for k in now)]
        if len(gone) == 1:
            view.notify(f"Slide {gone[0] + 1} (“{slide_name(slides[gone[0]])}”) held only that post, so the post "
                        f"moved from it and that slide is gone. Undo brings it back.", type="info")
    return new


def _integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _press(press) -> bool:
    """Whether ``press`` is a keyboard press or a drag as the page sends it: [key, slide, step]."""
    return (isinstance(press, (list, tuple)) and len(press) == 3 and _integer(press[0]) and isinstance(press[1], str)
            and (press[2] in (-1, 1) and _integer(press[2]) or _drop_place(press[2])))


def _drop_place(step) -> bool:
    """Whether ``step`` is where a dragged thumbnail was let go: ``{to, before | after}``."""
    return (isinstance(step, dict) and _integer(step.get("to")) and step["to"] >= 0
            and all(isinstance(step.get(side), (str, type(None))) for side in ("before", "after")))


def slide_name(slide) -> str:
    """What a screen reader calls a slide: its title, else its text's first line (the rest is on the slide itself),
    else what it is (``UNWRITTEN``)."""
    title = " ".join(slide.title.split())
    if title:
        return title
    line = next((" ".join(line.split()) for line in slide.body.splitlines() if line.strip()), "")
    if len(line) > NAME_LONGEST:
        line = line[:NAME_LONGEST - 1].rstrip() + "…"
    return line or UNWRITTEN.get(slide.kind, "empty slide")
