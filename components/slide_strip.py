"""Bottom: thumbnails of every slide; drag to reorder, drop posts on a slide or between slides."""
from __future__ import annotations

from nicegui import events, ui

from studio import ASSETS_DIR
from studio.app import Changed, SlideChanged, renames_only
from studio.sources.result import count

from . import engine
from .dragdrop import make_drop_target
from .presence import show_faces
from .slices import Sliced
from .slide_moves import SlideMoves, drop_post
from .strip_item import strip_item
from .svg_view import SvgView
from . import view as views
from .thumbnails import STRIP_PAGES, Pace, show_pages
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
# The action bar names the slide the page shows selected (``View.slide_name``) and the one after it ("": none); a
# click says both, as its browser had them: it may leave before the page hears that others deleted or moved slides.
SHOWN, NEXT = "data-cs-shown", "data-cs-next"
SAY_SHOWN = (f"(e) => {{ const bar = e.target?.closest?.('[{SHOWN}]'); "
             f"emit({{slide: bar?.getAttribute('{SHOWN}') ?? null, next: bar?.getAttribute('{NEXT}') ?? null}}) }}")


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


class SlideStrip:
    """The strip of slide thumbnails with add, duplicate, delete, split and merge."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.thumbs: list[SvgView] = []
        self.items: list[ui.element] = []
        self.faces: list[ui.element] = []  # share mode: who else is on each slide
        self._drawn_counts: list[int] = []  # pages per slide when the strip was last built
        self._dirty: set[int] = set()
        self._pace = Pace()  # a slide typed into is sent to this page at most every PACE_S
        self._redraw_thumbs = Settle(self._draw_dirty, THUMB_QUIET, THUMB_LONGEST)
        self._redraw_others_thumbs = Throttle(self._draw_dirty, OTHERS_THUMB_EVERY) if view.server.people is None \
            else Settle(self._draw_dirty, OTHERS_THUMB_QUIET, OTHERS_THUMB_LONGEST)
        self.sliced = Sliced()  # a strip of 300 slides, a slice at a time: other browsers go between
        self._said = 0  # words said (``say``)
        self._draws = 0  # strips drawn to the end
        self._rebuilds = 0  # drawings begun
        self._drawn = 0  # the number of the last drawing ended
        self._bar()
        with ui.row().classes("cs-strip-scroll no-wrap items-stretch w-full gap-0"):
            self.container = StripRow().classes("cs-strip nicegui-row no-wrap items-stretch gap-0")
            self.moves = SlideMoves(self)
            self.container.on("reorder", self.moves.moved,
                              ["old_index", "new_index", "slide", "key", "step", "before", "after", "earlier",
                               "session"])
            self.container.on("unmade", self.moves.unmade, ["count"])
            self._tail()
        self.rebuild()
        if view.server.people is not None:
            view.client.on_delete(view.server.people.subscribe(self._draw_faces))

    def _bar(self) -> None:
        """The strip's heading, its count of slides, and the actions on the chosen slide."""
        self.bar = ui.row().classes("cs-strip-bar items-center gap-1 no-wrap w-full").props("data-testid=strip-bar")
        with self.bar:
            ui.label("Slides").classes("cs-panel-label cs-strip-heading")
            self.count = ui.label().classes("cs-hint cs-strip-count").props("data-testid=slide-count")
            ui.space()
            self._action("add", "Add", self._add, "add-slide")
            self._action("content_copy", "Duplicate", self._duplicate, "duplicate-slide")
            self._action("call_split", "Split", self._split, "split-slide")
            self._action("merge", "Merge with next", self._merge, "merge-slide")
            self._action("delete_outline", "Delete", self._delete, "delete-slide")
            # what a screen reader says after this person's move (the strip itself is drawn anew, so not there)
            self.said = ui.label().classes("sr-only").props("role=status aria-live=polite data-testid=strip-status")

    def _tail(self) -> None:
        """After the last slide: a gap a post is dropped on to add it at the end, and the add tile."""
        self.tail_gap = ui.element("div").classes("cs-gap cs-gap-tail").props("data-testid=slide-gap")
        make_drop_target(self.tail_gap, lambda post_id, _: self._insert(post_id, len(self.view.carousel.slides)))
        with ui.element("div").classes("cs-add-tile").on("click", self._add_end).props("data-testid=add-slide-end"):
            ui.icon("add", size="28px")

    def say(self, words: str) -> None:
        """Say ``words`` to a screen reader (the strip itself is drawn anew, so its live region says them)."""
        self._said += 1  # (the same words again are said again: a live region says only a change)
        self.said.set_text(words + "\u00a0" * (self._said % 2))

    @property
    def begun(self) -> int:
        """Drawings of the strip begun."""
        return self._rebuilds

    @property
    def ended(self) -> int:
        """The number of the last drawing drawn to the end."""
        return self._drawn

    def _action(self, icon: str, label: str, handler, testid: str) -> None:
        """A button of the bar; its click names the slides the page showed (``SAY_SHOWN``)."""
        # (through a lambda: NiceGUI passes the event only to a function whose argument has no default)
        ui.button(label, icon=icon).on("click", lambda e: handler(e), js_handler=SAY_SHOWN).props(
            f"flat dense no-caps size=sm data-testid={testid}").classes("cs-strip-action")

    def _note_shown(self) -> None:
        """The bar names the selected slide and the one after it, as this page shows them now."""
        view = self.view
        shown = {SHOWN: view.slide_name(view.selected) or "", NEXT: view.slide_name(view.selected + 1) or ""}
        if any(self.bar.props.get(k) != v for k, v in shown.items()):
            self.bar.props.update(shown)
            self.bar.update()

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
        if self.moves.held is not None:  # moves of one message: drawn once, after the last (``SlideMoves.moved``)
            self.moves.held = True
            return
        view = self.view
        carousel = view.carousel
        counts = view.counts()
        starts = engine.first_pages(counts)
        self._rebuilds += 1
        number, keys = self._rebuilds, self.moves.keys()
        fmt = engine.get_format(carousel.format)
        # thumbnails share one height whatever the format, so the strip (and the room left for the slide) stays put
        self.container.style(f"--cs-thumb-ratio:{fmt.width_px / fmt.height_px:.5f}")
        self.container.props["selected"] = view.selected  # kept in view once drawn (assets/slide_strip.js)
        self._note_shown()
        self.thumbs, self.items, self.faces = [], [], []  # the strip's items are drawn anew (``Sliced.draw``)
        self._dirty.clear()  # drawn from the carousel as it is now
        self._drawn_counts = list(counts)
        self._show_count(len(carousel.slides), sum(counts))
        # a post dropped after the outro would go in front of it: the gap before the outro says so, this one not
        self.tail_gap.set_visibility(not carousel.slides or carousel.slides[-1].kind != "outro")

        def drawn() -> None:
            self._draws += 1
            self._drawn = number
            self.moves.show_focus()
            show_pages(self.thumbs, carousel, starts)  # from the shared cache, or drawn off the event loop
            self._draw_faces()
            if self._dirty:  # typed into while the strip was being drawn
                self._draw_dirty()

        self.sliced.draw(self.container, carousel.slides,
                         lambda i, slide: self._item(i, slide, counts[i], len(carousel.slides), keys[i]), then=drawn)

    def _show_count(self, slides: int, pages: int) -> None:
        """"9 slides", and its pages when a slide continues on more than one."""
        extra = f" · {count(pages, 'page')}" if pages != slides else ""
        self.count.set_text(count(slides, "slide") + extra)

    def _item(self, index: int, slide, pages: int, slides: int, key) -> None:
        """One slide's place in the strip (``strip_item``), kept for its thumbnail and faces to be filled later."""
        view = self.view
        made = strip_item(index, slide, slides=slides, pages=pages, name=self.moves.names.name(key),
                          shared=view.server.people is not None, select=view.select, insert=self._insert,
                          drop_on=self._drop_on, delete=self._delete)
        if made.faces is not None:
            self.faces.append(made.faces)
        if index == view.selected:
            made.element.classes(add="cs-selected")
        self.items.append(made.element)
        self.thumbs.append(made.svg)

    def _draw_faces(self) -> None:
        """Initials of the others on each slide (share mode)."""
        view, people = self.view, self.view.server.people
        if people is None:
            return
        for slide, row in zip(view.document.slide_ids(view.person), self.faces):
            others = [m for m in people.on(slide, view.document) if m is not view.person.member]
            show_faces(row, {m: f"{m.name} is on this slide" for m in others}, "slide-face")

    def _draw_dirty(self) -> None:
        """The thumbnails of the slides typed into, as many as this page's pace lets through now (``Pace``); the
        strip drawn anew when a slide continues on more or fewer pages."""
        view = self.view
        counts = view.counts()  # the page recounts what changed (only the slides typed into)
        starts = engine.first_pages(counts)
        if counts != self._drawn_counts:  # a slide now continues on more (or fewer) pages: numbers move
            self.rebuild()
            return
        drawn = len(self.thumbs) if self.sliced.drawing else len(counts)  # the rest is drawn from the carousel now
        pace, clock = self._pace, views.CLOCK  # (CLOCK read now: a test moves a hand clock)
        sent, wait = pace.take(sorted(i for i in self._dirty if i < drawn), clock.now())
        for index in sent:  # (straight to each view: no render of the page)
            self.thumbs[index].show_now(STRIP_PAGES.svg(view.document, view.carousel, index, starts[index] + 1,
                                                        sum(counts)))
        self._dirty -= set(sent)  # the rest when the strip is drawn to the end, or their turn comes
        if wait is not None and pace.timer is None:
            self._draw_dirty_in(wait)

    def _draw_dirty_in(self, wait: float) -> None:
        """The thumbnails still to send, ``wait`` seconds from now (their turn in the pace)."""
        def turn() -> None:
            self._pace.timer = None
            if self._dirty:
                views.run_unless_closed(self._draw_dirty)
        self._pace.timer = views.CLOCK.start_timer(wait, turn)

    def selection_changed(self) -> None:
        self._mark_selected()

    def _mark_selected(self) -> None:
        self.container.props["selected"] = self.view.selected  # its thumbnail is scrolled into view
        self._note_shown()
        for index, item in enumerate(self.items):
            if index == self.view.selected:
                item.classes(add="cs-selected")
            else:
                item.classes(remove="cs-selected")

    # -- actions ------------------------------------------------------------------------------------

    def _select_made(self, action, *args, **options) -> None:
        """Do ``action`` on the document; the slide it answers with (if any) is shown."""
        new = self.view.attempt(action, *args, origin=self.view.person, **options)
        if new is not None:
            self.view.select(new)  # (a dropped post's own slide may have gone from before it)

    def _insert(self, post_id: str, index: int) -> None:
        self._select_made(self.view.document.insert_post_as_slide, post_id, index, doing="adding the post")

    def _drop_on(self, post_id: str, index: int, replace: bool) -> None:
        doc = self.view.document
        new = drop_post(self.view, doc.replace_slide_with_post if replace else doc.add_post_to_slide, post_id, index)
        if new is not None:
            self.view.select(new)  # (a dropped post's own slide may have gone from before it)

    def _add(self, e: events.GenericEventArguments | None = None) -> None:
        self._select_made(self.view.document.add_slide, self.view.selected + 1, slide=self._seen(e))

    def _add_end(self) -> None:
        self._select_made(self.view.document.add_slide, len(self.view.carousel.slides))

    def _seen(self, e, field: str = "slide"):
        """The slide the click named (``SAY_SHOWN``): its key now (``View.slide_keys``), or its name when it is gone
        ("" for none); None from a page that names none (the selected slide then)."""
        name = e.args.get(field) if e is not None and isinstance(e.args, dict) else None
        if not isinstance(name, str):
            return None
        where = self.view.slide_index(name) if name else None
        return self.view.slide_keys()[where] if where is not None else name

    def _duplicate(self, e: events.GenericEventArguments | None = None) -> None:
        self._select_made(self.view.document.duplicate_slide, self.view.selected, slide=self._seen(e))

    def _delete(self, e: events.GenericEventArguments | None = None) -> None:
        self._select_made(self.view.document.delete_slide, self.view.selected, slide=self._seen(e))

    def _split(self, e: events.GenericEventArguments | None = None) -> None:
        self._select_made(self.view.document.split_slide, self.view.selected, slide=self._seen(e))

    def _merge(self, e: events.GenericEventArguments | None = None) -> None:
        slide = self._seen(e)
        then = self._seen(e, "next") if slide is not None else None
        self.view.attempt(self.view.document.merge_with_next, self.view.selected, origin=self.view.person,
                          slide=slide, then=then)
