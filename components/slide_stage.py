"""The slide editor's stage: the current slide drawn large, previous/next, the safe zone, its pages, and the
drop zones that put a dragged post on it."""
from __future__ import annotations

from nicegui import events, ui

from studio.platform import safe_zone

from . import engine
from .dragdrop import make_drop_target
from .slide_texts import SAY_SLIDE, acted_on, gone, name_slide
from .svg_view import SvgView
from .view import Settle, Throttle, View

# While typing, the next keystroke is drawn once the last drawing's time has passed again: redrawing takes at
# most this share of the server's time, so a loaded machine draws fewer in-between texts (its preview ends on
# the last one). A fixed 30 ms wait held up keystrokes that came soon after a drawing: the answer came 2-10 ms later.
PREVIEW_SHARE = 0.5
PREVIEW_LONGEST = 0.1  # seconds: one slow drawing (the machine busy for a moment) holds up the next no longer
# share mode, while someone else types on this slide: its text arrives at once, its picture (tens of KB) when their
# typing pauses this long, and at least this often while it goes on
OTHERS_PREVIEW_QUIET, OTHERS_PREVIEW_LONGEST = 0.25, 2.0


class SlideStage:
    """The slide's live preview with its toolbar above and its page buttons below."""

    def __init__(self, view: View) -> None:
        self.view = view
        self._drawn_pages: tuple[int, int, int] | None = None
        self.redraw = Throttle(self._draw_typed, 0.0)  # this tab's own typing
        self.others_redraw = Settle(self.draw, OTHERS_PREVIEW_QUIET, OTHERS_PREVIEW_LONGEST)
        with ui.column().classes("cs-stage-main items-center gap-2"):
            self._toolbar()
            with ui.element("div").classes("cs-preview-frame") as self.frame:
                self.preview = SvgView().classes("cs-preview").props("data-testid=slide-preview")
                self.safe = ui.element("div").classes("cs-safe-zone")
                with ui.element("div").classes("cs-drop-overlay") as self.drops:  # (names the slide drawn)
                    self.drops.said = None  # the slide the browser said it showed as a post was let go
                    self._drop_zone("swap_horiz", "Replace this slide", replace=True)
                    self._drop_zone("playlist_add", "Add to this slide", replace=False)
            self.pages_row = ui.row().classes("items-center gap-1 cs-page-dots")

    def _toolbar(self) -> None:
        with ui.row().classes("items-center gap-1 no-wrap cs-stage-bar"):
            ui.button(icon="chevron_left", on_click=lambda: self.view.step(-1)).props(
                "flat round dense aria-label='Previous slide' data-testid=prev-slide").tooltip("Previous (←)")
            self.position = ui.label().classes("cs-position text-sm")
            ui.button(icon="chevron_right", on_click=lambda: self.view.step(1)).props(
                "flat round dense aria-label='Next slide' data-testid=next-slide").tooltip("Next (→)")
            ui.separator().props("vertical").classes("mx-1")
            self.safe_toggle = ui.switch("Safe zone", on_change=self._toggle_safe).props(
                "dense data-testid=safe-zone").tooltip("Show what Instagram's grid and stories cover")

    def _drop_zone(self, icon: str, label: str, *, replace: bool) -> None:
        """Half of the preview a post dragged over it is let go on: it replaces the slide, or is added to it."""
        with ui.element("div").classes("cs-drop-zone") as zone:
            ui.icon(icon)
            ui.label(label)
        # before the drop itself (its listener comes first): the slide the browser showed, as a keystroke says it
        zone.on("drop", self._said, args=[None], js_handler=SAY_SLIDE)
        make_drop_target(zone, lambda post_id, _: self._drop(post_id, replace=replace))

    def stop_redraws(self) -> None:
        """Drop the drawings still waiting (another slide is chosen)."""
        self.redraw.cancel()
        self.others_redraw.cancel()

    def _draw_typed(self) -> None:
        """The preview after this tab's own typing; the next one waits as long as this one took (PREVIEW_SHARE)."""
        clock = self.redraw.clock
        start = clock.now()
        self.draw()
        self.redraw.interval = min((clock.now() - start) / PREVIEW_SHARE, PREVIEW_LONGEST)

    def draw(self) -> None:
        """The selected slide's page in the preview, its safe zone and its position."""
        self._draw_preview()

    def _draw_preview(self) -> None:  # (its name: tests tell the preview's drawing from a thumbnail's by it)
        view = self.view
        carousel = view.carousel
        if not carousel.slides:
            return
        fmt = engine.get_format(carousel.format)
        self.frame.style(f"--cs-ratio:{fmt.width_px / fmt.height_px:.5f}")
        name_slide(view, self.drops)
        counts = view.counts()  # known: only the slide typed into is laid out again, once for its count and page
        self.preview.show_now(engine.draw_slide_page(view.laid_out(view.selected), view.page,
                                                     view.page_index(page=view.page) + 1, sum(counts)))
        zone = safe_zone(carousel.format) if view.safe_zone else None
        self.safe.set_visibility(zone is not None)
        if zone is not None:
            top, right, bottom, left = zone.percent()
            self.safe.style(f"top:{top}%;right:{right}%;bottom:{bottom}%;left:{left}%")
        self.draw_position()

    def draw_position(self) -> None:
        """"Slide 3 of 9", and a button for each page the slide continues on."""
        view = self.view
        pages = view.counts()[view.selected]
        self.position.set_text(f"Slide {view.selected + 1} of {len(view.carousel.slides)}")
        if self._drawn_pages == (view.selected, pages, view.page):
            return  # typing usually leaves the page buttons as they are
        self._drawn_pages = (view.selected, pages, view.page)
        self.pages_row.clear()
        if pages > 1:
            with self.pages_row:
                ui.label(f"continues on {pages} pages").classes("cs-hint mr-1")
                for page in range(pages):
                    ui.button(str(page + 1), on_click=lambda p=page: view.select(view.selected, p)).props(
                        f"dense round size=sm {'unelevated color=primary' if page == view.page else 'flat'}")

    def _toggle_safe(self, e: events.ValueChangeEventArguments) -> None:
        self.view.safe_zone = bool(e.value)
        if self.view.safe_zone and safe_zone(self.view.carousel.format) is None:
            self.view.notify("LinkedIn shows the whole page; the safe zone applies to Instagram formats.",
                             position="top")
        self.draw()

    def _said(self, e: events.GenericEventArguments) -> None:
        # (each drop says its own slide or none: a name said before a drop that carried no post is not kept for it)
        self.drops.said = e.args if isinstance(e.args, str) else None

    def _drop(self, post_id: str, *, replace: bool) -> None:
        """The post on the slide the browser showed as it was let go; nowhere when that slide is gone."""
        on, self.drops.said = acted_on(self.view, self.drops, self.drops.said), None
        if on is None:
            gone(self.view, "the post was not put on another slide.")
            return
        doc = self.view.document
        action = doc.replace_slide_with_post if replace else doc.add_post_to_slide
        index = self.view.attempt(action, post_id, on, origin=self.view.person, doing="dropping the post")
        if index is not None:
            self.view.select(index)  # the post's own slide may have gone from before it
