"""Brand Kit: name, handle, avatar, logo, colour, website, placement; profiles and presets."""
from __future__ import annotations

from nicegui import events, ui

from studio.app import Changed
from studio.image import load_image

from .images import thumbnail_url
from .uploads import upload_button
from .view import View

PLACEMENTS = {"header-footer": "Header + footer", "header": "Header only", "footer": "Footer only",
              "none": "Hidden"}


class BrandPanel:
    def __init__(self, view: View) -> None:
        self.view = view
        self._echo = False
        self.brands = view.studio.brands
        with ui.row().classes("w-full items-center no-wrap gap-1"):
            self.profile_select = ui.select({}, label="Brand profile", on_change=self._switch_profile).props(
                "dense outlined options-dense data-testid=profile-select").classes("flex-1")
            with ui.button(icon="more_vert").props("flat round dense aria-label='Profile actions'"):
                with ui.menu():
                    ui.menu_item("Save changes to this profile", self._save_profile)
                    ui.menu_item("Save as a new profile", self._save_new_profile)
                    ui.menu_item("Duplicate profile", self._duplicate_profile)
                    ui.menu_item("Delete profile", self._delete_profile)
        self.inputs: dict[str, ui.input] = {}
        for field, label in (("name", "Name"), ("handle", "Handle (without @)"), ("website", "Website")):
            self.inputs[field] = ui.input(label, on_change=lambda e, f=field: self._set(**{f: e.value or ""})) \
                .props(f"dense outlined data-testid=brand-{field}").classes("w-full")
        self.images: dict[str, tuple[ui.image, ui.button]] = {}
        with ui.row().classes("w-full no-wrap gap-3"):
            for field, label in (("avatar", "Avatar"), ("logo", "Logo")):
                with ui.column().classes("items-center gap-1 flex-1"):
                    picture = ui.image().classes("cs-brand-image" + (" cs-round" if field == "avatar" else ""))
                    upload_button(label, "upload", "image/*", lambda e, f=field: self._upload(f, e),
                                  testid=f"brand-{field}-upload", props="outline dense no-caps size=sm")
                    remove = ui.button("Remove", on_click=lambda f=field: self._set(**{f: None})).props(
                        "flat dense no-caps size=sm")
                    self.images[field] = (picture, remove)
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
        self.meta = ui.switch("Dates & counts on post cards",
                              on_change=lambda e: self._setting("show_post_meta", bool(e.value))).props("dense") \
            .tooltip("Only where the source has them (an X archive does)")
        ui.separator().classes("my-1")
        with ui.row().classes("w-full items-center no-wrap gap-1"):
            self.preset_select = ui.select({}, label="Apply a preset", on_change=self._apply_preset).props(
                "dense outlined options-dense data-testid=preset-select").classes("flex-1")
            ui.button(icon="delete_outline", on_click=self._delete_preset).props(
                "flat round dense aria-label='Delete preset'").tooltip("Delete the chosen preset")
        ui.button("Save preset", icon="bookmark_add", on_click=self._save_preset_dialog).props(
            "outline dense no-caps data-testid=save-preset").classes("w-full")
        self._load_profiles()
        self._load_presets()
        self.refresh(None)

    # -- drawing ------------------------------------------------------------------------------------

    def refresh(self, change: Changed | None) -> None:
        brand = self.view.carousel.brand
        self._echo = True
        try:
            for field, element in self.inputs.items():
                if element.value != getattr(brand, field):
                    element.value = getattr(brand, field)
            for field, (picture, remove) in self.images.items():
                image = getattr(brand, field)
                picture.set_visibility(image is not None)
                remove.set_visibility(image is not None)
                if image is not None:
                    picture.set_source(thumbnail_url(image, 96))
            if (self.accent.value or "") != brand.accent:
                self.accent.value = brand.accent
            self.placement.value = brand.placement
            self.numbers.value = brand.show_slide_numbers
            self.swipe.value = brand.show_swipe_hint
            self.meta.value = self.view.carousel.show_post_meta
        finally:
            self._echo = False

    # -- editing ------------------------------------------------------------------------------------

    def _set(self, **values) -> None:
        if not self._echo:
            self.view.attempt(self.view.document.set_brand, origin=self.view.person, **values)

    def _setting(self, name: str, value) -> None:
        if not self._echo:
            self.view.attempt(self.view.document.set_setting, name, value, origin=self.view.person)

    def _accent(self, e: events.ValueChangeEventArguments) -> None:
        value = (e.value or "").strip()
        if self._echo or (value and (len(value) != 7 or not value.startswith("#"))):
            return  # half-typed colour: wait for a complete #RRGGBB
        self._set(accent=value)

    async def _upload(self, field: str, e: events.UploadEventArguments) -> None:
        e.sender.reset()
        try:
            image = load_image(await e.file.read(), name=e.file.name or f"The {field}", max_side=1024)
        except Exception as exc:  # noqa: BLE001
            self.view.fail(exc, f"reading the {field}")
            return
        self._set(**{field: image})

    # -- profiles -----------------------------------------------------------------------------------

    def _load_profiles(self) -> None:
        profiles = self.view.attempt(self.brands.profiles, doing="listing the profiles") or []
        options = {pid: profile.name or "(unnamed)" for pid, profile in profiles}
        current = self.brands.current_profile()
        self._echo = True
        try:
            self.profile_select.set_options(options, value=current if current in options else None)
        finally:
            self._echo = False

    def _switch_profile(self, e: events.ValueChangeEventArguments) -> None:
        if self._echo or not e.value:
            return
        profile = self.view.attempt(self.brands.switch_profile, e.value, origin=self.view.person,
                                    doing="opening the profile")
        if profile:
            self.view.notify(f"Switched to {profile.name or 'the profile'}", position="top")

    def _save_profile(self) -> None:
        if self.view.attempt(self.brands.save_profile, self.profile_select.value or None,
                             doing="saving the profile"):
            self.view.notify("Profile saved" if self.profile_select.value else "Saved as a new profile",
                             type="positive", position="top")
            self._load_profiles()

    def _save_new_profile(self) -> None:
        if self.view.attempt(self.brands.save_profile, doing="saving the profile"):
            self._load_profiles()
            self.view.notify("Saved as a new profile", type="positive", position="top")

    def _duplicate_profile(self) -> None:
        if self.profile_select.value and self.view.attempt(self.brands.duplicate_profile, self.profile_select.value,
                                                           doing="duplicating the profile"):
            self._load_profiles()

    def _delete_profile(self) -> None:
        if self.profile_select.value and self.view.attempt(self.brands.delete_profile, self.profile_select.value,
                                                           doing="deleting the profile"):
            self._load_profiles()
            self.view.notify("Profile deleted (the open carousel keeps its brand)", position="top")

    # -- presets ------------------------------------------------------------------------------------

    def _load_presets(self) -> None:
        presets = self.view.attempt(self.brands.presets, doing="listing the presets") or []
        self._echo = True
        try:
            self.preset_select.set_options({p.name: p.name for p in presets}, value=None)
        finally:
            self._echo = False

    def _apply_preset(self, e: events.ValueChangeEventArguments) -> None:
        if self._echo or not e.value:
            return
        preset = self.view.attempt(self.brands.apply_preset, e.value, origin=self.view.person,
                                   doing="applying the preset")
        if preset:
            self.view.notify(f"Preset “{preset.name}” applied", position="top")

    def _delete_preset(self) -> None:
        name = self.preset_select.value
        if not name:
            self.view.notify("Choose a preset to delete first.", position="top")
            return
        if self.view.attempt(self.brands.delete_preset, name, doing="deleting the preset"):
            self._load_presets()

    def _save_preset_dialog(self) -> None:
        with ui.dialog() as dialog, ui.card().classes("w-80"):
            ui.label("Save preset").classes("text-lg font-medium")
            ui.label("Format, layout, theme, typography, pattern and CTA.").classes("cs-hint")
            name = ui.input("Preset name").props("autofocus outlined dense data-testid=preset-name") \
                .classes("w-full")
            with_profile = ui.checkbox("Include the brand profile")

            def save() -> None:
                # on a bad name the dialog stays open with the name, so it can be corrected
                preset = self.view.attempt(self.brands.save_preset, name.value or "", bool(with_profile.value),
                                           doing="saving the preset")
                if preset:
                    dialog.close()
                    self._load_presets()
                    self.view.notify(f"Preset “{preset.name}” saved", type="positive", position="top")

            name.on("keydown.enter", save)
            with ui.row().classes("w-full justify-end"):
                ui.button("Cancel", on_click=dialog.close).props("flat no-caps")
                ui.button("Save", on_click=save).props("unelevated no-caps data-testid=preset-save")
        dialog.open()
