"""Centre: the current slide as live SVG, previous/next, its text, image and layout override."""
from __future__ import annotations

import functools
from collections.abc import Callable

from nicegui import events, ui

from studio.image import Image, load_image
from studio.slide import Slide
from studio.app import Changed, ProjectSwitched, SlideChanged, SourceChanged

from . import engine
from .echo import Echo
from .images import thumbnail_url
from .nicegui_seams import sync_value_with
from .offload import off_loop
from .shared_text import resend, text_box
from .slide_stage import SlideStage
from .slide_texts import (SAY_SLIDE, SHOWN, TEXT_BOXES, SlideTexts, acted_on, gone, is_text, name_slide,
                          show_on_slide, slide_box, slide_of)
from .svg_view import page_call
from .uploads import shown_on, upload_button
from .view import View, tell_photo_layout

KIND_NAMES = {"cover": "Cover", "content": "Content", "outro": "Outro"}


def say_slide_with_choice(select: ui.select) -> str:
    """In the browser: a choice sent with the name of the slide ``select`` showed as it was made (``SHOWN``)."""
    return (f"(option) => emit(option && typeof option === 'object' ? {{...option, '{SHOWN}': "
            f"document.getElementById('c{select.id}')?.getAttribute('{SHOWN}') ?? null}} : option)")


# The choice shown whole, on two lines if need be: "Carousel layout (Headline + body)" was cut to "Carousel layout
# (Headl…" in the settings column's width
LAYOUT_SELECT_CSS = ".cs-layout-select .q-field__native > span.ellipsis { white-space: normal; overflow: visible; }"


class SlideEditor:
    """The slide being edited, large, with its text editable beside it."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.echo = Echo()
        with ui.row().classes("cs-stage w-full no-wrap items-start justify-center gap-5"):
            self.stage = SlideStage(view)
            with ui.column().classes("cs-slide-fields gap-2"):
                self.kind = ui.label().classes("cs-kind")
                self.layout_select = ui.select({}, label="Layout for this slide", on_change=self._set_layout).props(
                    "dense outlined options-dense data-testid=slide-layout").classes("w-full cs-layout-select")
                ui.add_css(LAYOUT_SELECT_CSS)
                # its note in a caption of its own: as the field's hint it was drawn over the Title box below
                self.layout_note = ui.label().classes("cs-layout-note text-caption text-grey-7 w-full").props(
                    "data-testid=slide-layout-note")
                self._said: str | None = None  # the slide the choice being handled was made on (its browser said)
                sync_value_with(self.layout_select, say_slide_with_choice(self.layout_select), self._hear_choice)
                self.texts = SlideTexts(view, self.echo, self._kept)
                self.photo = SlidePhoto(view, self.echo, self._kept)
        self.refresh(ProjectSwitched())
        if view.server.people is None:  # (shared boxes send lost edits again themselves: shared_text.py)
            view.client.on_connect(lambda: page_call(view.client, "resendAfterReconnection"))

    def refresh(self, change: Changed) -> None:
        """Redraw after a shared edit (own typing is redrawn throttled, without touching the inputs)."""
        view = self.view
        if isinstance(change, SlideChanged) and change.text_only:
            if view.selected == change.slide:
                if change.origin is view.person:
                    self.stage.redraw()
                else:  # someone else's typing: its text at once, the picture (tens of KB) when their typing pauses
                    self._fill_texts(view.carousel.slides[view.selected])
                    self.stage.others_redraw()
            self.stage.draw_position()
            return
        self.stage.draw()
        if not isinstance(change, SourceChanged) or change.origin is not view.person:
            self._fill_fields()

    def selection_changed(self) -> None:
        """Another slide chosen: drawn and its words shown at once."""
        self.stage.stop_redraws()
        self.stage.draw()
        self._fill_fields()

    def _fill_fields(self) -> None:
        carousel = self.view.carousel
        slide = carousel.slides[self.view.selected]
        with self.echo():
            self.kind.set_text(f"{KIND_NAMES.get(slide.kind, slide.kind)} slide")
            self._fill_layout(slide)
            self.texts.arrange(carousel, slide)
            self.photo.arrange(slide)
            self._fill_texts(slide)

    def _fill_layout(self, slide: Slide) -> None:
        """The layout choices, the carousel's own first; only a content slide has them (cover and outro have
        their own design)."""
        carousel = self.view.carousel
        options = {"": f"Carousel layout ({engine.LAYOUTS[carousel.layout].label})"
                   if carousel.layout in engine.LAYOUTS else "Carousel layout"}
        options.update({key: layout.label for key, layout in engine.LAYOUTS.items()})
        name_slide(self.view, self.layout_select)
        self.layout_select.set_options(options, value=slide.layout or "")
        note = engine.layout_note(carousel, self.view.selected) if slide.kind == "content" else ""
        self.layout_note.set_text(note)
        self.layout_note.set_visibility(bool(note))
        self.layout_select.set_visibility(slide.kind == "content")

    def _fill_texts(self, slide: Slide) -> None:
        """The slide's words in its boxes (share mode: its browser gets only what changed)."""
        with self.echo():
            self.texts.fill(slide)
            show_on_slide(self.view, self.photo.alt, slide.alt_text)

    def _kept(self, done: object) -> None:
        """An edit refused (its notice shown) or not text at all: the boxes show the document's words again."""
        slides = self.view.carousel.slides
        if not done and 0 <= self.view.selected < len(slides):
            self._fill_texts(slides[self.view.selected])
            for box in (self.texts.title, self.texts.body, self.photo.alt):
                resend(box)

    def _hear_choice(self, handle: Callable[[events.GenericEventArguments], None]) \
            -> Callable[[events.GenericEventArguments], None]:
        """NiceGUI's handling of a choice its browser sent, the slide it named noted for that choice only (a choice
        of the layout already chosen changes nothing: its name must not wait for a later change made here)."""
        def handler(e: events.GenericEventArguments) -> None:
            said = e.args.get(SHOWN) if isinstance(e.args, dict) else None
            self._said = said if isinstance(said, str) else None
            try:
                handle(e)
            finally:
                self._said = None
        return handler

    def _set_layout(self, e: events.ValueChangeEventArguments) -> None:
        if self.echo:
            return
        index = acted_on(self.view, self.layout_select, self._said)
        if index is None:
            gone(self.view, "no layout was changed.")
        if index is None or not self.view.attempt(self.view.document.set_slide_layout, index, e.value or None,
                                                  origin=self.view.person):
            slides = self.view.carousel.slides  # the choice shows the selected slide's layout again
            if 0 <= self.view.selected < len(slides):
                with self.echo():
                    self._fill_layout(slides[self.view.selected])


class SlidePhoto:
    """The slide's photo with its upload and remove buttons, then its alt text box."""

    def __init__(self, view: View, echo: Echo, kept: Callable[[object], None]) -> None:
        self.view, self.echo, self.kept = view, echo, kept
        with ui.row().classes("items-center gap-2 w-full no-wrap") as self.row:
            self.thumb = ui.image().classes("cs-image-thumb")
            with ui.column().classes("gap-1"):
                self.upload = upload_button("Upload image", "add_photo_alternate", "image/*", self._upload,
                                            testid="slide-image-upload", props="outline dense no-caps size=sm",
                                            named=True)
                # (its click names the slide its browser showed, as a text box's keystroke does)
                self.remove = ui.button("Remove image", icon="hide_image").props(
                    "flat dense no-caps size=sm data-testid=slide-image-remove")
                self.remove.on("click", self._remove, args=[None], js_handler=SAY_SLIDE)
        self.alt = slide_box(text_box(view, "Alt text (for screen readers)", "alt_text", self._edit_alt)
                             .props(f"outlined dense data-testid={TEXT_BOXES[2]}").classes("w-full"))

    def arrange(self, slide: Slide) -> None:
        """The photo row on slides that take one, the photo in it; the alt text's placeholder."""
        self.row.set_visibility(slide.kind != "outro")
        self.alt.props(f"placeholder={'Drafted from the slide text on export'!r}")
        self.upload.show(name_slide(self.view, self.remove))  # (its browser reads it as a file is chosen)
        has_image = slide.image is not None
        self.thumb.set_visibility(has_image)
        self.remove.set_visibility(has_image)
        if has_image:
            self.thumb.set_source(thumbnail_url(slide.image, 160))

    def _edit_alt(self, e: events.ValueChangeEventArguments) -> None:
        if self.echo:
            return
        index = slide_of(self.view, e.sender, e.value or "") if is_text(e.value) else None
        self.kept(index is not None and self.view.attempt(
            self.view.document.set_slide_alt_text, index, e.value or "", origin=self.view.person))

    async def _upload(self, e: events.UploadEventArguments) -> None:
        """The photo goes on the slide its upload began on (its browser said which), even when another is chosen
        while it arrives or is read; nowhere when that slide is gone."""
        self.upload.reset()
        name = shown_on(e.file) or self.view.slide_name(self.view.selected)
        if self._gone(name, e.file.name):  # (not read for nothing)
            return
        try:
            image = await decode_image(await e.file.read(), name=e.file.name or "This image")
        except Exception as exc:  # noqa: BLE001
            self.view.fail(exc, "reading the image")
            return
        if image is None or self._gone(name, e.file.name):  # (None: the server is stopping)
            return
        index = self.view.slide_index(name)
        switched = self.view.attempt(self.view.document.set_slide_image, index, image, origin=self.view.person)
        tell_photo_layout(self.view, index, switched)
        if switched is not None and index != self.view.selected:
            self.view.notify(f"The photo is on slide {index + 1}, the slide it was uploaded on.")

    def _gone(self, name: str | None, file_name: str) -> bool:
        """Is the slide named ``name`` gone (the person told that the photo was put nowhere)?"""
        if self.view.slide_index(name) is not None:
            return False
        gone(self.view, f"the photo “{file_name or 'you uploaded'}” was not put on another slide; upload it again "
                        "on the slide you want.")
        return True

    def _remove(self, e: events.GenericEventArguments) -> None:
        index = acted_on(self.view, self.remove, e.args)
        if index is None:
            gone(self.view, "no photo was removed.")
            return
        self.view.attempt(self.view.document.set_slide_image, index, None, origin=self.view.person)


async def decode_image(data: bytes, **options) -> Image | None:
    """``load_image`` in the worker pool, off the event loop: decoding an 8000×5000 PNG there held up every
    browser's requests for seconds. None when the server is stopping."""
    return await off_loop(functools.partial(load_image, **options), data)
