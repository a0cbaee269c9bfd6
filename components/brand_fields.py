"""The Brand Kit's fields: the words (name, handle, website), the pictures (avatar, logo) and the look."""
from __future__ import annotations

from nicegui import events, ui

from studio.links import problem as link_problem
from studio.brand import BrandProfile

from .echo import Echo
from .images import thumbnail_url
from .shared_text import resend
from .slide_editor import decode_image
from .uploads import upload_button
from .view import View

PLACEMENTS = {"header-footer": "Header + footer", "header": "Header only", "footer": "Footer only",
              "none": "Hidden"}


def set_brand(view: View, echo: Echo, **values) -> None:
    """Put ``values`` on the carousel's brand, unless the studio is filling the boxes itself."""
    if not echo:
        view.attempt(view.document.set_brand, origin=view.person, **values)


class BrandWords:
    """Name, handle and website boxes."""

    def __init__(self, view: View, echo: Echo) -> None:
        self.view, self.echo = view, echo
        self.inputs: dict[str, ui.input] = {}
        for field, label in (("name", "Name"), ("handle", "Handle (without @)"), ("website", "Website")):
            self.inputs[field] = ui.input(label, on_change=lambda e, f=field: self._typed(f, e.value)) \
                .props(f"dense outlined data-testid=brand-{field}").classes("w-full")

    def fill(self, brand: BrandProfile) -> None:
        """The brand's words in the boxes, and the website's hint."""
        for field, element in self.inputs.items():
            if element.value != getattr(brand, field):
                element.value = getattr(brand, field)
        self._website_hint(brand.website)

    def _website_hint(self, website: str) -> None:
        """Under the website box: why what is typed there opens nothing (it is drawn as text), else nothing."""
        box = self.inputs["website"]
        hint = link_problem(website)
        if box.props.get("hint", "") != hint:
            box.props["hint"] = hint
            box.update()

    def _typed(self, field: str, value: str | None) -> None:
        """A name, handle or website typed; refused (its notice shown), the box shows the document's words again."""
        if self.echo or self.view.attempt(self.view.document.set_brand, origin=self.view.person,
                                          **{field: value or ""}):
            return
        box = self.inputs[field]
        with self.echo():
            box.value = getattr(self.view.carousel.brand, field)
        resend(box)


class BrandPictures:
    """Avatar and logo, each with its upload and remove buttons."""

    def __init__(self, view: View, echo: Echo) -> None:
        self.view, self.echo = view, echo
        self.images: dict[str, tuple[ui.image, ui.button]] = {}
        with ui.row().classes("w-full no-wrap gap-3"):
            for field, label in (("avatar", "Avatar"), ("logo", "Logo")):
                with ui.column().classes("items-center gap-1 flex-1"):
                    picture = ui.image().classes("cs-brand-image" + (" cs-round" if field == "avatar" else ""))
                    picture.props("fit=cover" if field == "avatar" else "fit=contain")  # a wide logo shows whole
                    upload_button(label, "upload", "image/*", lambda e, f=field: self._upload(f, e),
                                  testid=f"brand-{field}-upload", props="outline dense no-caps size=sm")
                    remove = ui.button("Remove", on_click=lambda f=field: set_brand(view, echo, **{f: None})).props(
                        "flat dense no-caps size=sm")
                    self.images[field] = (picture, remove)

    def fill(self, brand: BrandProfile) -> None:
        """Each picture and its Remove button shown when the brand has it."""
        for field, (picture, remove) in self.images.items():
            image = getattr(brand, field)
            picture.set_visibility(image is not None)
            remove.set_visibility(image is not None)
            if image is not None:
                picture.set_source(thumbnail_url(image, 96))

    async def _upload(self, field: str, e: events.UploadEventArguments) -> None:
        e.sender.reset()
        try:
            image = await decode_image(await e.file.read(), name=e.file.name or f"The {field}", max_side=1024)
        except Exception as exc:  # noqa: BLE001
            self.view.fail(exc, f"reading the {field}")
            return
        if image is None:  # the server is stopping
            return
        set_brand(self.view, self.echo, **{field: image})


class BrandLook:
    """Accent colour, header & footer placement, slide numbers, swipe hint, post dates."""

    def __init__(self, view: View, echo: Echo) -> None:
        self.view, self.echo = view, echo
        with ui.row().classes("w-full items-center no-wrap gap-2"):
            self.accent = ui.color_input("Accent colour", on_change=self._accent, preview=True).props(
                "dense outlined data-testid=brand-accent").classes("flex-1")
            ui.button(icon="format_color_reset", on_click=lambda: self._set(accent="")).props(
                "flat round dense aria-label='Use the theme colour'").tooltip("Use the theme's accent")
        self.placement = ui.select(PLACEMENTS, label="Header & footer", on_change=lambda e: self._set(
            placement=e.value)).props("dense outlined options-dense data-testid=brand-placement").classes("w-full")
        with ui.row().classes("w-full gap-2"):
            self.numbers = ui.switch("Slide numbers", on_change=lambda e: self._set(show_slide_numbers=e.value)) \
                .props("dense")
            self.swipe = ui.switch("Swipe hint", on_change=lambda e: self._set(show_swipe_hint=e.value)).props("dense")
        self.meta = ui.switch("Dates & counts on post cards", on_change=self._post_meta).props("dense") \
            .tooltip("Only where the source has them (an X archive does)")

    def fill(self, brand: BrandProfile, show_post_meta: bool) -> None:
        """The brand's look in the controls."""
        if (self.accent.value or "") != brand.accent:
            self.accent.value = brand.accent
        self.placement.value = brand.placement
        self.numbers.value = brand.show_slide_numbers
        self.swipe.value = brand.show_swipe_hint
        self.meta.value = show_post_meta

    def _set(self, **values) -> None:
        set_brand(self.view, self.echo, **values)

    def _accent(self, e: events.ValueChangeEventArguments) -> None:
        value = (e.value or "").strip()
        if self.echo or (value and (len(value) != 7 or not value.startswith("#"))):
            return  # half-typed colour: wait for a complete #RRGGBB
        self._set(accent=value)

    def _post_meta(self, e: events.ValueChangeEventArguments) -> None:
        if not self.echo:
            self.view.attempt(self.view.document.set_setting, "show_post_meta", bool(e.value), origin=self.view.person)
