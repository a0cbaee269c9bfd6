"""Centre: the current slide as live SVG, previous/next, its text, image and layout override."""
from __future__ import annotations

import functools

from nicegui import events, ui

from studio.image import Image, load_image
from studio.outro import has_own_words
from studio.platform import safe_zone
from studio.app import Changed, ProjectSwitched, SlideChanged, SourceChanged

from . import engine
from .dragdrop import make_drop_target
from .offload import off_loop
from .shared_text import resend, show, text_box
from .svg_view import SvgView, page_call
from .uploads import upload_button
from .view import Settle, Throttle, View, tell_photo_layout

# While typing, the next keystroke is drawn once the last drawing's time has passed again: redrawing takes at
# most this share of the server's time, so a loaded machine draws fewer in-between texts (its preview ends on
# the last one). A fixed 30 ms wait held up keystrokes that came soon after a drawing: the answer came 2-10 ms later.
PREVIEW_SHARE = 0.5
PREVIEW_LONGEST = 0.1  # seconds: one slow drawing (the machine busy for a moment) holds up the next no longer
# share mode, while someone else types on this slide: its text arrives at once, its picture (tens of KB) when their
# typing pauses this long, and at least this often while it goes on
OTHERS_PREVIEW_QUIET, OTHERS_PREVIEW_LONGEST = 0.25, 2.0
KIND_NAMES = {"cover": "Cover", "content": "Content", "outro": "Outro"}
TEXT_BOXES = ("slide-title", "slide-body", "slide-alt")  # the slide's own words (data-testid)


class SlideEditor:
    """The slide being edited, large, with its text editable beside it."""

    def __init__(self, view: View) -> None:
        self.view = view
        self._echo = False  # True while we set input values ourselves (no edit must follow)
        self._drawn_pages: tuple[int, int, int] | None = None
        self._redraw = Throttle(self._draw_typed, 0.0)
        self._others_redraw = Settle(self._draw_preview, OTHERS_PREVIEW_QUIET, OTHERS_PREVIEW_LONGEST)
        with ui.row().classes("cs-stage w-full no-wrap items-start justify-center gap-5"):
            with ui.column().classes("cs-stage-main items-center gap-2"):
                self._toolbar()
                with ui.element("div").classes("cs-preview-frame") as self.frame:
                    self.preview = SvgView().classes("cs-preview") \
                        .props("data-testid=slide-preview")
                    self.safe = ui.element("div").classes("cs-safe-zone")
                    with ui.element("div").classes("cs-drop-overlay"):
                        replace_zone = ui.element("div").classes("cs-drop-zone")
                        with replace_zone:
                            ui.icon("swap_horiz")
                            ui.label("Replace this slide")
                        add_zone = ui.element("div").classes("cs-drop-zone")
                        with add_zone:
                            ui.icon("playlist_add")
                            ui.label("Add to this slide")
                    make_drop_target(replace_zone, lambda post_id, _: self._drop(post_id, replace=True))
                    make_drop_target(add_zone, lambda post_id, _: self._drop(post_id, replace=False))
                self.pages_row = ui.row().classes("items-center gap-1 cs-page-dots")
            self._fields()
        self.refresh(ProjectSwitched())
        if view.server.people is None:  # (shared boxes send lost edits again themselves: shared_text.py)
            view.client.on_connect(lambda: page_call(view.client, "resendAfterReconnection"))

    # -- building ----------------------------------------------------------------------------------

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

    def _fields(self) -> None:
        with ui.column().classes("cs-slide-fields gap-2"):
            self.kind = ui.label().classes("cs-kind")
            self.layout_select = ui.select({}, label="Layout for this slide", on_change=self._set_layout).props(
                "dense outlined options-dense data-testid=slide-layout").classes("w-full")
            self.title = text_box(self.view, "Title", "title", self._edit_title).props(
                f"outlined dense data-testid={TEXT_BOXES[0]}").classes("w-full")
            # an outro's headline, then its subline (the CTA's, or the slide's own words: the body box), then button
            self.cta_headline = self._cta_box("Headline", "headline")
            self.body = text_box(self.view, "Text", "body", self._edit_body, multiline=True).props(
                f"outlined autogrow data-testid={TEXT_BOXES[1]}").classes("w-full cs-body-input")
            with ui.column().classes("w-full gap-2") as self.cta_fields:
                self.cta_subline, self.cta_button = self._cta_box("Subline", "subline"), self._cta_box("Button", "button")
            with ui.row().classes("items-center gap-2 w-full no-wrap") as self.image_row:
                self.thumb = ui.image().classes("cs-image-thumb")
                with ui.column().classes("gap-1"):
                    self.upload = upload_button("Upload image", "add_photo_alternate", "image/*", self._upload,
                                                testid="slide-image-upload", props="outline dense no-caps size=sm")
                    self.remove_image = ui.button("Remove image", icon="hide_image",
                                                  on_click=self._remove_image).props("flat dense no-caps size=sm")
            self.alt = text_box(self.view, "Alt text (for screen readers)", "alt_text", self._edit_alt) \
                .props(f"outlined dense data-testid={TEXT_BOXES[2]}").classes("w-full")

    def _cta_box(self, label: str, field: str):
        return text_box(self.view, label, field, lambda e: self._edit_cta(**{field: e.value}), part="cta") \
            .props("outlined dense").classes("w-full")

    # -- drawing ------------------------------------------------------------------------------------

    def refresh(self, change: Changed) -> None:
        """Redraw after a shared edit (own typing is redrawn throttled, without touching the inputs)."""
        view = self.view
        if isinstance(change, SlideChanged) and change.text_only:
            if view.selected == change.slide:
                if change.origin is view.person:
                    self._redraw()
                else:  # someone else's typing: its text at once, the picture (tens of KB) when their typing pauses
                    self._fill_texts(view.carousel.slides[view.selected])
                    self._others_redraw()
            self._draw_position()
            return
        self._draw_preview()
        if not isinstance(change, SourceChanged) or change.origin is not view.person:
            self._fill_fields()

    def selection_changed(self) -> None:
        self._redraw.cancel()
        self._others_redraw.cancel()
        self._draw_preview()
        self._fill_fields()

    def _draw_typed(self) -> None:
        """The preview after this tab's own typing; the next one waits as long as this one took (PREVIEW_SHARE)."""
        clock = self._redraw.clock
        start = clock.now()
        self._draw_preview()
        self._redraw.interval = min((clock.now() - start) / PREVIEW_SHARE, PREVIEW_LONGEST)

    def _draw_preview(self) -> None:
        view = self.view
        carousel = view.carousel
        if not carousel.slides:
            return
        fmt = engine.get_format(carousel.format)
        ratio = fmt.width_px / fmt.height_px
        self.frame.style(f"--cs-ratio:{ratio:.5f}")
        counts = view.counts()  # known: only the slide typed into is laid out again, once for its count and page
        self.preview.show_now(engine.draw_slide_page(view.laid_out(view.selected), view.page,
                                                     view.page_index(page=view.page) + 1, sum(counts)))
        zone = safe_zone(carousel.format) if view.safe_zone else None
        self.safe.set_visibility(zone is not None)
        if zone is not None:
            top, right, bottom, left = zone.percent()
            self.safe.style(f"top:{top}%;right:{right}%;bottom:{bottom}%;left:{left}%")
        self._draw_position()

    def _draw_position(self) -> None:
        view = self.view
        total = len(view.carousel.slides)
        pages = view.counts()[view.selected]
        self.position.set_text(f"Slide {view.selected + 1} of {total}")
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

    def _fill_fields(self) -> None:
        view = self.view
        carousel = view.carousel
        slide = carousel.slides[view.selected]
        self._echo = True
        try:
            self.kind.set_text(f"{KIND_NAMES.get(slide.kind, slide.kind)} slide")
            options = {"": f"Carousel layout ({engine.LAYOUTS[carousel.layout].label})"
                       if carousel.layout in engine.LAYOUTS else "Carousel layout"}
            options.update({key: layout.label for key, layout in engine.LAYOUTS.items()})
            self.layout_select.set_options(options, value=slide.layout or "")
            self.layout_select.props["hint"] = engine.layout_note(carousel, view.selected)
            is_outro = slide.kind == "outro"
            own = has_own_words(slide)  # the outro shows the creator's words (their last post's ask) as subline
            self.layout_select.set_visibility(slide.kind == "content")  # cover and outro have their own design
            self.title.set_visibility(not is_outro)
            self.body.set_visibility(not is_outro or own)
            self.cta_fields.set_visibility(is_outro)
            self.cta_headline.set_visibility(is_outro)
            self.cta_subline.set_visibility(not own)
            self.image_row.set_visibility(not is_outro)
            if is_outro:
                show(self.cta_headline, carousel.cta.headline)
                show(self.cta_subline, carousel.cta.subline)
                show(self.cta_button, carousel.cta.button)
            self.body.props["label"] = "Subline (your last post's words)" if own else "Text"
            self.body.props["hint"] = "" if is_outro else engine.EMPHASIS_HINT
            self.body.props["placeholder"] = carousel.cta.subline if own else ""
            self.body.update()
            self._fill_texts(slide)
            self.alt.props(f"placeholder={'Drafted from the slide text on export'!r}")
            has_image = slide.image is not None
            self.thumb.set_visibility(has_image)
            self.remove_image.set_visibility(has_image)
            if has_image:
                from .images import thumbnail_url
                self.thumb.set_source(thumbnail_url(slide.image, 160))
        finally:
            self._echo = False

    def _fill_texts(self, slide) -> None:
        """The slide's words in its boxes (share mode: its browser gets only what changed)."""
        was, self._echo = self._echo, True
        try:
            if has_own_words(slide):
                show(self.body, slide.body)
            if slide.kind != "outro":
                show(self.title, slide.title)
                show(self.body, slide.body)
                auto, automatic = engine.slide_headline(self.view.carousel, self.view.selected)
                placeholder = f"{auto} (automatic: type to replace)" if automatic else ""
                if self.title.props.get("placeholder") != placeholder:
                    self.title.props["placeholder"] = placeholder
                    self.title.update()
            show(self.alt, slide.alt_text)
        finally:
            self._echo = was

    # -- editing ------------------------------------------------------------------------------------

    def _edit_title(self, e: events.ValueChangeEventArguments) -> None:
        if not self._echo:
            self._kept(_is_text(e.value) and self.view.attempt(
                self.view.document.set_slide_text, self.view.selected, title=e.value or "", origin=self.view.person,
                doing="editing the title"))

    def _edit_body(self, e: events.ValueChangeEventArguments) -> None:
        if not self._echo:
            self._kept(_is_text(e.value) and self.view.attempt(
                self.view.document.set_slide_text, self.view.selected, body=e.value or "", origin=self.view.person,
                doing="editing the text"))

    def _edit_alt(self, e: events.ValueChangeEventArguments) -> None:
        if not self._echo:
            self._kept(_is_text(e.value) and self.view.attempt(
                self.view.document.set_slide_alt_text, self.view.selected, e.value or "", origin=self.view.person))

    def _kept(self, done: object) -> None:
        """An edit refused (its notice shown) or not text at all: the boxes show the document's words again."""
        slides = self.view.carousel.slides
        if not done and 0 <= self.view.selected < len(slides):
            self._fill_texts(slides[self.view.selected])
            for box in (self.title, self.body, self.alt):
                resend(box)

    def _edit_cta(self, **values: str) -> None:
        if self._echo or self.view.attempt(self.view.document.set_cta, origin=self.view.person,
                                           **{k: v or "" for k, v in values.items()}):
            return
        # refused (its notice shown): the box shows the document's words again, so the next keystroke edits those
        cta = self.view.carousel.cta
        for field in values:
            box = {"headline": self.cta_headline, "subline": self.cta_subline, "button": self.cta_button}[field]
            self._echo = True
            try:
                show(box, getattr(cta, field))
            finally:
                self._echo = False
            resend(box)

    def _set_layout(self, e: events.ValueChangeEventArguments) -> None:
        if not self._echo:
            self.view.attempt(self.view.document.set_slide_layout, self.view.selected, e.value or None,
                              origin=self.view.person)

    def _toggle_safe(self, e: events.ValueChangeEventArguments) -> None:
        self.view.safe_zone = bool(e.value)
        if self.view.safe_zone and safe_zone(self.view.carousel.format) is None:
            self.view.notify("LinkedIn shows the whole page; the safe zone applies to Instagram formats.",
                      position="top")
        self._draw_preview()

    async def _upload(self, e: events.UploadEventArguments) -> None:
        self.upload.reset()
        try:
            image = await decode_image(await e.file.read(), name=e.file.name or "This image")
        except Exception as exc:  # noqa: BLE001
            self.view.fail(exc, "reading the image")
            return
        if image is None:  # the server is stopping
            return
        switched = self.view.attempt(self.view.document.set_slide_image, self.view.selected, image,
                                     origin=self.view.person)
        tell_photo_layout(self.view, self.view.selected, switched)

    def _remove_image(self) -> None:
        self.view.attempt(self.view.document.set_slide_image, self.view.selected, None, origin=self.view.person)

    def _drop(self, post_id: str, *, replace: bool) -> None:
        doc = self.view.document
        action = doc.replace_slide_with_post if replace else doc.add_post_to_slide
        index = self.view.attempt(action, post_id, self.view.selected, origin=self.view.person,
                                  doing="dropping the post")
        if index is not None:
            self.view.select(index)  # the post's own slide may have gone from before it


def _is_text(value: object) -> bool:
    """Is a text box's value text (or empty)? A browser may send anything (a number, a list): that is ignored."""
    return value is None or isinstance(value, str)


async def decode_image(data: bytes, **options) -> Image | None:
    """``load_image`` in the worker pool, off the event loop: decoding an 8000×5000 PNG there held up every
    browser's requests for seconds. None when the server is stopping."""
    return await off_loop(functools.partial(load_image, **options), data)
