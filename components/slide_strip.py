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


class StripRow(ui.element, component=ASSETS_DIR / "slide_strip.js"):
    """The row of slide thumbnails; a thumbnail dragged and let go says ``reorder`` (its old and new index), and so
    does Alt+Left/Right (with its number, ``key``; pressed again before the strip is drawn: ``step`` and ``key``)."""


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
        with ui.row().classes("cs-strip-scroll no-wrap items-stretch w-full gap-0"):
            self.container = StripRow().classes("cs-strip nicegui-row no-wrap items-stretch gap-0")
            self.container.on("reorder", self._moved, ["old_index", "new_index", "key", "step"])
            # a keyboard move's slide (its key, ``_slide_keys``), its number on the page, and the last drawing begun
            # before it: the thumbnail focused once a drawing begun after the move is drawn to the end
            self._focus: dict | None = None
            self._moving = None  # the slide the keyboard moved last on this page (its key): pressed again, it goes on
            self._draws = 0  # strips drawn to the end
            self._rebuilds = 0  # drawings begun
            self._drawn: tuple[int, list] = (0, [])  # the last drawing ended: its number, the slides it shows
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
            self._drawn = (number, keys)
            self._show_focus()
            show_pages(self.thumbs, carousel, starts)  # from the shared cache, or drawn off the event loop
            self._draw_faces()
            if self._dirty:  # typed into while the strip was being drawn
                self._draw_dirty()

        self.sliced.draw(self.container, carousel.slides,
                         lambda index, slide: self._item(index, slide, counts[index], len(carousel.slides)), then=drawn)

    def _item(self, index: int, slide, pages: int, slides: int) -> None:
        """One slide's place in the strip: the gap before it (a drop target) and its thumbnail (filled later)."""
        view = self.view
        outro_last = slide.kind == "outro" and index == slides - 1  # it stays last: not dragged, nothing after it
        with ui.element("div").classes("cs-strip-item cs-strip-outro" if outro_last else "cs-strip-item") as item:
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
            thumb.props("tabindex=0 role=group aria-roledescription=slide")
            thumb.props["aria-label"] = f"Slide {index + 1} of {slides}, {slide.kind}. Enter shows it" + \
                ("." if outro_last else "; Alt+Left or Alt+Right moves it.")
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
        for index in sorted(i for i in self._dirty if i < drawn):  # (straight to each view: no render of the page)
            self.thumbs[index].show_now(STRIP_PAGES.svg(view.document, view.carousel, index, starts[index] + 1,
                                                        sum(counts)))
        self._dirty = {i for i in self._dirty if i >= drawn}

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
        """A thumbnail dragged to another place, or moved by Alt+Left/Right (``key``: the move's number on that page,
        assets/slide_strip.js): the slide moves there and is selected; after a keyboard move its thumbnail, drawn
        anew, gets the focus. Pressed again before the strip is drawn, the page sends only ``step`` (±1): the slide
        the keyboard moved last goes on from where it is now, wherever others' moves have put it meanwhile."""
        view = self.view
        args = e.args if isinstance(e.args, dict) else {}
        old, new, key, step = (args.get(name) for name in ("old_index", "new_index", "key", "step"))
        key = key if _integer(key) else None
        keys = self._slide_keys()
        if key is not None and step in (-1, 1) and _integer(step):  # the same slide, one more place along
            old = _index(keys, self._moving)
            if old is None:  # gone meanwhile (deleted, another project): the page stops waiting
                self._focus = {"slide": None, "seq": key, "after": self._rebuilds - 1}
                self._show_focus()
                return
            new = old + step
        elif not (_integer(old) and _integer(new)):
            return
        if key is not None:
            self._moving = keys[old] if 0 <= old < len(keys) else None
            self._focus = {"slide": self._moving, "seq": key, "after": self._rebuilds}
        moved = view.attempt(view.document.move_slide, old, new, origin=view.person)
        if moved is None:
            self.rebuild()  # the dragged thumbnail goes back to its place
        else:
            view.select(moved)
        if self._focus is not None and moved == old:  # nothing moved, nothing to draw: the strip as drawn says it
            self._focus["after"] = self._rebuilds - 1
        self._show_focus()

    def _slide_keys(self) -> list:
        """What tells this person's slides apart, in the strip's order: their ids in share mode (each person's
        carousel is read anew from the merged document), else the slides themselves (moved in place)."""
        ids = getattr(self.view.document, "slide_ids", None)
        return ids(self.view.person) if ids is not None else list(self.view.carousel.slides)

    def _show_focus(self) -> None:
        """Once a drawing begun after the keyboard move is drawn to the end, the browser focuses the thumbnail of
        the slide moved (where that drawing shows it); a drawing begun before it would focus a thumbnail about to go."""
        focus = self._focus
        number, keys = self._drawn
        if focus is None or number <= focus["after"]:
            return
        self._focus = None
        self.container.props["focus"] = {"slide": _index(keys, focus["slide"]), "seq": focus["seq"]}
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


def _index(keys: list, key) -> int | None:
    """Where the slide ``key`` is in ``keys`` (``_slide_keys``): an id is equal, a slide is the same object."""
    if key is None:
        return None
    return next((i for i, k in enumerate(keys) if k is key or (isinstance(key, str) and k == key)), None)
