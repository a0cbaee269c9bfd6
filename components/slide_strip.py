"""Bottom: thumbnails of every slide; drag to reorder, drop posts on a slide or between slides."""
from __future__ import annotations

import weakref

from nicegui import events, ui

from studio import ASSETS_DIR
from studio.app import Changed, SlideChanged, renames_only
from studio.sources.result import count

from . import engine
from .dragdrop import make_drop_target
from .presence import show_faces
from .slices import Sliced
from .svg_view import SvgView
from .thumbnails import STRIP_PAGES, show_pages
from .view import Settle, Throttle, View

# While this person types, the slide's thumbnail (its whole SVG again) is drawn when typing pauses this long, and
# at least this often: never in the same message as the letter's preview, which it made twice as large.
THUMB_QUIET, THUMB_LONGEST = 0.3, 2.0
# Someone else's edit, without --share (the thumbnail is where it shows): their slide's thumbnail at once, then at
# most this often while edits go on. Each page is sent only the thumbnails that changed; the slide's layout is
# shared (the renderer's page cache), so a page's own cost is its thumbnail's SVG text (~0.4 ms).
OTHERS_THUMB_EVERY = 0.1
# share mode, where the others' words show in the text boxes as they type: their thumbnail (the whole page's SVG
# again, for each keystroke otherwise) when their typing pauses this long, and at least this often while it goes on
OTHERS_THUMB_QUIET, OTHERS_THUMB_LONGEST = 1.0, 3.0
UNWRITTEN = {"cover": "cover", "outro": "call to action (outro)"}  # a slide of no words of its own, by its kind
NAME_LONGEST = 80  # characters of an untitled slide's first line in its thumbnail's name (a title is named whole)


class StripRow(ui.element, component=ASSETS_DIR / "slide_strip.js"):
    """The row of slide thumbnails. Alt+Left/Right, or a thumbnail dragged and let go, says ``reorder`` with the
    slide's name, ``slide``, its ``step`` (±1 for a key; for a drag ``{to, before | after}``: the index it was let go
    at and the slide it lands in front of or behind), the press's number on that page, ``key``, the presses sent
    before it and not yet answered (``earlier``: [key, slide, step] each) and which drawing of the row on the page
    sent them (``session``). (``reorder`` with ``old_index`` and ``new_index`` moves a slide from there to there.)"""

    def __init__(self) -> None:
        super().__init__()
        # a long strip is hidden while it is drawn anew: NiceGUI dropped the presses and drops that came meanwhile
        self.ignores_events_when_hidden = False


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
        that is gone, the equal one (in order), else the one that stood at its place, so a keyboard user keeps theirs."""
        if any(isinstance(key, str) for key in keys):
            return
        new = [i for i, key in enumerate(keys) if self._named(key) is None]
        if new:
            kept = {self._named(key) for key in keys}
            free = [(i, name, slide) for i, (name, slide) in enumerate(self._seen) if name not in kept]
            for i in list(new):
                match = next((f for f in free if f[2] == keys[i]), None)
                if match is not None:
                    self._give(keys[i], match[1])
                    free.remove(match)
                    new.remove(i)
            for i in new:
                match = next((f for f in free if f[0] == i), None)
                if match is not None:
                    self._give(keys[i], match[1])
                    free.remove(match)
        self._seen = [(self.name(key), key) for key in keys]

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
        """Where the slide named ``name`` is in ``keys`` (``SlideStrip._slide_keys``), or None."""
        if not isinstance(name, str):
            return None
        return next((i for i, key in enumerate(keys) if self.name(key) == name), None)

    def _forget(self, ident: int):
        def gone(ref: weakref.ref) -> None:
            if self._given.get(ident, (None,))[0] is ref:
                del self._given[ident]
        return gone


class SlideStrip:
    """The strip of slide thumbnails with add, duplicate, delete, split and merge."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.thumbs: list[SvgView] = []
        self.items: list[ui.element] = []
        self.faces: list[ui.element] = []  # share mode: who else is on each slide
        self._drawn_counts: list[int] = []  # pages per slide when the strip was last built
        self._dirty: set[int] = set()
        self._redraw_thumbs = Settle(self._draw_dirty, THUMB_QUIET, THUMB_LONGEST)
        self._redraw_others_thumbs = Throttle(self._draw_dirty, OTHERS_THUMB_EVERY) if view.server.people is None \
            else Settle(self._draw_dirty, OTHERS_THUMB_QUIET, OTHERS_THUMB_LONGEST)
        self.sliced = Sliced()  # a strip of 300 slides, a slice at a time: other browsers go between
        with ui.row().classes("cs-strip-bar items-center gap-1 no-wrap w-full"):
            ui.label("Slides").classes("cs-panel-label")
            self.count = ui.label().classes("cs-hint")
            ui.space()
            self._action("add", "Add", self._add, "add-slide")
            self._action("content_copy", "Duplicate", self._duplicate, "duplicate-slide")
            self._action("call_split", "Split", self._split, "split-slide")
            self._action("merge", "Merge with next", self._merge, "merge-slide")
            self._action("delete_outline", "Delete", self._delete, "delete-slide")
            # what a screen reader says after this person's move (the strip itself is drawn anew, so not there)
            self.said = ui.label().classes("sr-only").props("role=status aria-live=polite data-testid=strip-status")
        with ui.row().classes("cs-strip-scroll no-wrap items-stretch w-full gap-0"):
            self.container = StripRow().classes("cs-strip nicegui-row no-wrap items-stretch gap-0")
            self.container.on("reorder", self._moved,
                              ["old_index", "new_index", "slide", "key", "step", "before", "after", "earlier",
                               "session"])
            self.container.on("unmade", self._unmade, ["count"])
            self.presses = Presses()
            self.names = SlideNames()
            self._said = 0  # moves said (``_move``)
            # a keyboard move's slide (its key, ``_slide_keys``), its number on the page, and the last drawing begun
            # before it: the thumbnail focused once a drawing begun after the move is drawn to the end
            self._focus: dict | None = None
            self._draws = 0  # strips drawn to the end
            self._rebuilds = 0  # drawings begun
            self._drawn = 0  # the number of the last drawing ended
            self._held: bool | None = None  # while a message's moves are made: whether the strip is to be drawn
            self.tail_gap = ui.element("div").classes("cs-gap cs-gap-tail").props("data-testid=slide-gap")
            make_drop_target(self.tail_gap, lambda post_id, _: self._insert(post_id, len(self.view.carousel.slides)))
            with ui.element("div").classes("cs-add-tile").on("click", self._add_end) \
                    .props("data-testid=add-slide-end"):
                ui.icon("add", size="28px")
        self.rebuild()
        if view.server.people is not None:
            view.client.on_delete(view.server.people.subscribe(self._draw_faces))

    def _action(self, icon: str, label: str, handler, testid: str) -> None:
        ui.button(label, icon=icon, on_click=handler).props(
            f"flat dense no-caps size=sm data-testid={testid}").classes("cs-strip-action")

    # -- drawing ------------------------------------------------------------------------------------

    def refresh(self, change: Changed) -> None:
        if renames_only(change):
            return
        if isinstance(change, SlideChanged) and change.text_only:
            self._dirty.add(change.slide)
            (self._redraw_thumbs if change.origin is self.view.person else self._redraw_others_thumbs)()
            return
        self.rebuild()

    def rebuild(self) -> None:
        """Draw every thumbnail again (slides moved, theme changed, another project…); a long strip a slice at a
        time (``Sliced``), its thumbnails once every item is there."""
        if self._held is not None:  # moves of one message: drawn once, after the last (``_moved``)
            self._held = True
            return
        view = self.view
        carousel = view.carousel
        counts = view.counts()
        starts = engine.first_pages(counts)
        self._rebuilds += 1
        number, keys = self._rebuilds, self._slide_keys()
        fmt = engine.get_format(carousel.format)
        # thumbnails share one height whatever the format, so the strip (and the room left for the slide) stays put
        self.container.style(f"--cs-thumb-ratio:{fmt.width_px / fmt.height_px:.5f}")
        self.container.props["selected"] = view.selected  # kept in view once drawn (assets/slide_strip.js)
        self.thumbs, self.items, self.faces = [], [], []  # the strip's items are drawn anew (``Sliced.draw``)
        self._dirty.clear()  # drawn from the carousel as it is now
        self._drawn_counts = list(counts)
        pages = sum(counts)
        extra = f" · {count(pages, 'page')}" if pages != len(carousel.slides) else ""
        self.count.set_text(count(len(carousel.slides), "slide") + extra)
        # a post dropped after the outro would go in front of it: the gap before the outro says so, this one not
        self.tail_gap.set_visibility(not carousel.slides or carousel.slides[-1].kind != "outro")

        def drawn() -> None:
            self._draws += 1
            self._drawn = number
            self._show_focus()
            show_pages(self.thumbs, carousel, starts)  # from the shared cache, or drawn off the event loop
            self._draw_faces()
            if self._dirty:  # typed into while the strip was being drawn
                self._draw_dirty()

        self.sliced.draw(self.container, carousel.slides,
                         lambda i, slide: self._item(i, slide, counts[i], len(carousel.slides), keys[i]), then=drawn)

    def _item(self, index: int, slide, pages: int, slides: int, key) -> None:
        """One slide's place in the strip: the gap before it (a drop target) and its thumbnail (filled later), named
        for a screen reader ("Slide 3 of 9: <title>") and for the browser's moves (``SlideNames``)."""
        view = self.view
        outro_last = slide.kind == "outro" and index == slides - 1  # it stays last: not dragged, nothing after it
        with ui.element("div").classes("cs-strip-item cs-strip-outro" if outro_last else "cs-strip-item") as item:
            item.props["data-slide"] = self.names.name(key)
            gap = ui.element("div").classes("cs-gap").props("data-testid=slide-gap")
            make_drop_target(gap, lambda post_id, _, i=index: self._insert(post_id, i))
            with ui.element("div").classes("cs-thumb").props("data-testid=slide-thumb") as thumb:
                html = SvgView().classes("cs-thumb-svg")  # filled by show_pages once every item is there
                ui.label(str(index + 1)).classes("cs-thumb-number")
                if view.server.people is not None:
                    self.faces.append(ui.row().classes("cs-thumb-faces no-wrap gap-0"))
                if pages > 1:
                    ui.label(f"{pages} pages").classes("cs-thumb-pages") \
                        .tooltip("This slide's text continues on the next page")
            # (not a button: axe wants a button's shown text, its number and the slide's words, in its name)
            thumb.props("tabindex=0 role=group aria-roledescription=slide")
            thumb.props["aria-label"] = f"Slide {index + 1} of {slides}: {slide_name(slide)}"
            thumb.props["aria-description"] = "Enter shows it." if outro_last else \
                "Enter shows it. Alt+Left or Alt+Right moves it, or drag it along the strip."
            thumb.on("click", lambda i=index: self.view.select(i))
            thumb.on("keydown.enter", lambda i=index: self.view.select(i))
            if slide.kind != "outro":  # the outro holds the call to action: no post goes on it
                make_drop_target(thumb, lambda post_id, shift, i=index: self._drop_on(post_id, i, shift))
                thumb.props["title"] = "Drop a post here to add it (Shift: replace)"  # a tooltip each: 13 more components
        if index == view.selected:
            item.classes(add="cs-selected")
        self.items.append(item)
        self.thumbs.append(html)

    def _draw_faces(self) -> None:
        """Initials of the others on each slide (share mode)."""
        view, people = self.view, self.view.server.people
        if people is None:
            return
        for slide, row in zip(view.document.slide_ids(view.person), self.faces):
            others = [m for m in people.on(slide, view.document) if m is not view.person.member]
            show_faces(row, {m: f"{m.name} is on this slide" for m in others}, "slide-face")

    def _draw_dirty(self) -> None:
        view = self.view
        counts = view.counts()  # the page recounts what changed (only the slides typed into)
        starts = engine.first_pages(counts)
        if counts != self._drawn_counts:  # a slide now continues on more (or fewer) pages: numbers move
            self.rebuild()
            return
        drawn = len(self.thumbs) if self.sliced.drawing else len(counts)  # the rest is drawn from the carousel now
        from . import view as views  # (its CLOCK read now: a test moves a hand clock)
        from .thumbnails import Pace
        pace = self.__dict__.setdefault("_pace", Pace())  # a slide typed into is sent at most every PACE_S
        clock = views.CLOCK
        sent, wait = pace.take(sorted(i for i in self._dirty if i < drawn), clock.now())
        for index in sent:  # (straight to each view: no render of the page)
            self.thumbs[index].show_now(STRIP_PAGES.svg(view.document, view.carousel, index, starts[index] + 1,
                                                        sum(counts)))
        self._dirty -= set(sent)  # the rest when the strip is drawn to the end, or their turn comes
        if wait is not None and pace.timer is None:
            def turn() -> None:
                pace.timer = None
                if self._dirty:
                    views.run_unless_closed(self._draw_dirty)
            pace.timer = clock.start_timer(wait, turn)

    def selection_changed(self) -> None:
        self._mark_selected()

    def _mark_selected(self) -> None:
        self.container.props["selected"] = self.view.selected  # its thumbnail is scrolled into view
        for index, item in enumerate(self.items):
            if index == self.view.selected:
                item.classes(add="cs-selected")
            else:
                item.classes(remove="cs-selected")

    # -- actions ------------------------------------------------------------------------------------

    def _moved(self, e: events.GenericEventArguments) -> None:
        """A slide moved by Alt+Left/Right or dragged (``slide``, ``step``, ``key``: the press's number on that page,
        assets/slide_strip.js), with the presses before it still unanswered; or, from a page loaded before the
        studio was upgraded (until it reloads), dragged from ``old_index`` to ``new_index``. The strip is drawn
        again once at most, after all of them."""
        args = e.args if isinstance(e.args, dict) else {}
        self._held = False
        try:
            self._made(args)
        finally:
            held, self._held = self._held, None
            if held:
                self.rebuild()

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

    def _unmade(self, e: events.GenericEventArguments) -> None:
        """Alt+Left/Right presses or drags the tab's earlier page never saw answered before it loaded again: they
        may not have been made, and the person is told so (assets/slide_strip.js ``tellUnmade``)."""
        ui.notify("A slide move you made while the connection was away may not have been made: check the "
                  "strip's order.", type="warning", position="top", close_button=True, timeout=0)

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
        keys = self._slide_keys()
        old = self.names.find(keys, slide)
        focus = {"slide": None if old is None else keys[old], "seq": key, "session": session, "after": self._rebuilds}
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
            self.rebuild()
        if key is None:  # (an old page's drag: it waits for no answer)
            return
        if moved is None or moved == old:  # nothing moved (or the slide is gone): the strip as drawn says it (or as
            focus["after"] = self._rebuilds - (0 if self._held else 1)  # drawn once this message's moves are made)
        else:
            focus["slide"] = self._slide_keys()[moved]  # (an equal twin's, when the document kept its order)
        self._focus = focus
        self._show_focus()

    def _move(self, old: int, new: int) -> int | None:
        """The slide at ``old`` to ``new`` (the outro stays last), selected and said to a screen reader; where it is
        now, or None (told to the person, the strip drawn again)."""
        view = self.view
        keys = self._slide_keys()
        key = keys[old] if 0 <= old < len(keys) else None
        moved = view.attempt(view.document.move_slide, old, new, origin=view.person)
        if moved is None:
            self.rebuild()  # a dragged thumbnail goes back to its place
            return None
        keys, slides = self._slide_keys(), view.carousel.slides
        where = next((i for i, k in enumerate(keys) if k is key or (isinstance(k, str) and k == key)), moved)
        if where != moved and not (moved < len(slides) and slides[moved] == slides[where]):
            moved = where  # it did not go there; an equal copy in its place reads as the move (share mode's twins)
        view.select(moved)
        if moved != old:
            slides = view.carousel.slides
            self._said += 1  # (the same words again are said again: a live region says only a change)
            self.said.set_text(f"Moved “{slide_name(slides[moved])}” to slide {moved + 1} of {len(slides)}."
                               + "\u00a0" * (self._said % 2))
        return moved

    def _slide_keys(self) -> list:
        """What tells this person's slides apart, in the strip's order: their ids in share mode (each person's
        carousel is read anew from the merged document), else the slides themselves (moved in place)."""
        ids = getattr(self.view.document, "slide_ids", None)
        if ids is not None:
            return ids(self.view.person)
        keys = list(self.view.carousel.slides)
        self.names.carry(keys)
        return keys

    def _show_focus(self) -> None:
        """Once a drawing begun after the keyboard move is drawn to the end, the browser focuses the thumbnail of
        the slide moved (by its name); a drawing begun before it would focus a thumbnail about to go."""
        focus = self._focus
        number = self._drawn
        if focus is None or number <= focus["after"]:
            return
        self._focus = None
        slide = None if focus["slide"] is None else self.names.name(focus["slide"])
        self.container.props["focus"] = {"slide": slide, "seq": focus["seq"], "session": focus["session"]}
        self.container.update()

    def _insert(self, post_id: str, index: int) -> None:
        view = self.view
        new = view.attempt(view.document.insert_post_as_slide, post_id, index, origin=view.person,
                           doing="adding the post")
        if new is not None:
            view.select(new)

    def _drop_on(self, post_id: str, index: int, replace: bool) -> None:
        view = self.view
        action = view.document.replace_slide_with_post if replace else view.document.add_post_to_slide
        index = view.attempt(action, post_id, index, origin=view.person, doing="dropping the post")
        if index is not None:
            view.select(index)  # the post's own slide may have gone from before it

    def _add(self) -> None:
        view = self.view
        new = view.attempt(view.document.add_slide, view.selected + 1, origin=view.person)
        if new is not None:
            view.select(new)

    def _add_end(self) -> None:
        view = self.view
        new = view.attempt(view.document.add_slide, len(view.carousel.slides), origin=view.person)
        if new is not None:
            view.select(new)

    def _duplicate(self) -> None:
        view = self.view
        new = view.attempt(view.document.duplicate_slide, view.selected, origin=view.person)
        if new is not None:
            view.select(new)

    def _delete(self) -> None:
        view = self.view
        new = view.attempt(view.document.delete_slide, view.selected, origin=view.person)
        if new is not None:
            view.select(new)

    def _split(self) -> None:
        view = self.view
        new = view.attempt(view.document.split_slide, view.selected, origin=view.person)
        if new is not None:
            view.select(new)

    def _merge(self) -> None:
        view = self.view
        view.attempt(view.document.merge_with_next, view.selected, origin=view.person)


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
