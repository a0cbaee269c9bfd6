"""Brand Kit: name, handle, avatar, logo, colour, website, placement; profiles and presets."""
from __future__ import annotations

from nicegui import background_tasks, events, ui

from studio import limits
from studio.app import Changed
from studio.app.projects import over_caps_notice
from studio.app.events import ProfilesChanged, SlideChanged
from studio.links import problem as link_problem

from .ask import ask
from .images import thumbnail_url
from .shared_text import resend
from .slide_editor import decode_image
from .uploads import upload_button
from .view import View

PLACEMENTS = {"header-footer": "Header + footer", "header": "Header only", "footer": "Footer only",
              "none": "Hidden"}


class BrandPanel:
    LISTENS = (Changed, ProfilesChanged)  # a profile restored from the trash is listed again

    def __init__(self, view: View) -> None:
        self.view = view
        self._echo = False
        self.brands = view.studio.brands
        self._shown_profile: str | None = None
        self._profile_row()
        self._identity_fields()
        self._image_fields()
        self._look_fields()
        self._preset_row()
        self._load_profiles()
        self._load_presets()
        self.refresh(None)

    def _profile_row(self) -> None:
        """The profile selector, its actions, and what says it has unsaved changes or can be undone."""
        ui.label("AGENCY · MULTI-PROFILES").classes("cs-overline")
        with ui.row().classes("w-full items-center no-wrap gap-1"):
            self.profile_select = ui.select({}, label="Brand profile", on_change=self._switch_profile).props(
                "dense outlined options-dense data-testid=profile-select").classes("flex-1")
            with ui.button(icon="more_vert").props("flat round dense aria-label='Profile actions'"):
                with ui.menu():
                    ui.menu_item("Save changes to this profile", self._save_profile)
                    ui.menu_item("Save as a new profile", self._save_new_profile)
                    ui.menu_item("Duplicate profile", self._duplicate_profile)
                    ui.menu_item("Delete profile", self._delete_profile)
        self.unsaved = ui.label("Unsaved changes to this profile").classes("cs-hint cs-unsaved").props(
            "data-testid=profile-unsaved")
        self.undo_row = ui.row().classes("w-full items-center no-wrap gap-1 cs-undo-row").props(
            "data-testid=brand-undo")
        self.undo_row.set_visibility(False)

    def _identity_fields(self) -> None:
        """Name, handle and website."""
        self.inputs: dict[str, ui.input] = {}
        for field, label in (("name", "Name"), ("handle", "Handle (without @)"), ("website", "Website")):
            self.inputs[field] = ui.input(label, on_change=lambda e, f=field: self._set_text(f, e.value)) \
                .props(f"dense outlined data-testid=brand-{field}").classes("w-full")

    def _image_fields(self) -> None:
        """Avatar and logo, each with its upload and remove buttons."""
        self.images: dict[str, tuple[ui.image, ui.button]] = {}
        with ui.row().classes("w-full no-wrap gap-3"):
            for field, label in (("avatar", "Avatar"), ("logo", "Logo")):
                with ui.column().classes("items-center gap-1 flex-1"):
                    picture = ui.image().classes("cs-brand-image" + (" cs-round" if field == "avatar" else ""))
                    picture.props("fit=cover" if field == "avatar" else "fit=contain")  # a wide logo shows whole
                    upload_button(label, "upload", "image/*", lambda e, f=field: self._upload(f, e),
                                  testid=f"brand-{field}-upload", props="outline dense no-caps size=sm")
                    remove = ui.button("Remove", on_click=lambda f=field: self._set(**{f: None})).props(
                        "flat dense no-caps size=sm")
                    self.images[field] = (picture, remove)

    def _look_fields(self) -> None:
        """Accent colour, header & footer placement, slide numbers, swipe hint, post dates."""
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

    def _preset_row(self) -> None:
        """Apply, delete and save presets."""
        ui.separator().classes("my-1")
        ui.label("SAVE PRESETS").classes("cs-overline")
        with ui.row().classes("w-full items-center no-wrap gap-1"):
            self.preset_select = ui.select({}, label="Apply a preset", on_change=self._apply_preset).props(
                "dense outlined options-dense data-testid=preset-select").classes("flex-1")
            ui.button(icon="delete_outline", on_click=self._delete_preset).props(
                "flat round dense aria-label='Delete preset'").tooltip("Delete the chosen preset")
        ui.button("Save preset", icon="bookmark_add", on_click=self._save_preset_dialog).props(
            "outline dense no-caps data-testid=save-preset").classes("w-full")

    # -- drawing ------------------------------------------------------------------------------------

    def refresh(self, change: Changed | ProfilesChanged | None) -> None:
        if isinstance(change, ProfilesChanged):
            self._load_profiles()
            return
        brand = self.view.carousel.brand
        self._echo = True
        try:
            for field, element in self.inputs.items():
                if element.value != getattr(brand, field):
                    element.value = getattr(brand, field)
            self._website_hint(brand.website)
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
        if not isinstance(change, SlideChanged):  # typing on a slide does not change the profile
            self._show_profile()

    def _show_profile(self) -> None:
        """The selector names the profile the slides wear (also after a preset brought another one)."""
        on_slides = self.view.attempt(self.brands.profile_on_slides, doing="reading the profiles")
        unsaved = on_slides is not None and self.brands.unsaved_changes() is not None
        self.unsaved.set_visibility(unsaved)
        self._shown_profile = on_slides
        if self.profile_select.value != on_slides and (on_slides is None or on_slides in self.profile_select.options):
            self._echo = True
            try:
                self.profile_select.value = on_slides
            finally:
                self._echo = False

    # -- editing ------------------------------------------------------------------------------------

    def _set(self, **values) -> None:
        if not self._echo:
            self.view.attempt(self.view.document.set_brand, origin=self.view.person, **values)

    def _website_hint(self, website: str) -> None:
        """Under the website box: why what is typed there opens nothing (it is drawn as text), else nothing."""
        box = self.inputs["website"]
        hint = link_problem(website)
        if box.props.get("hint", "") != hint:
            box.props["hint"] = hint
            box.update()

    def _set_text(self, field: str, value: str | None) -> None:
        """A name, handle or website typed; refused (its notice shown), the box shows the document's words again."""
        if self._echo or self.view.attempt(self.view.document.set_brand, origin=self.view.person,
                                           **{field: value or ""}):
            return
        box = self.inputs[field]
        self._echo = True
        try:
            box.value = getattr(self.view.carousel.brand, field)
        finally:
            self._echo = False
        resend(box)

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
            image = await decode_image(await e.file.read(), name=e.file.name or f"The {field}", max_side=1024)
        except Exception as exc:  # noqa: BLE001
            self.view.fail(exc, f"reading the {field}")
            return
        if image is None:  # the server is stopping
            return
        self._set(**{field: image})

    # -- profiles -----------------------------------------------------------------------------------

    def _load_profiles(self) -> None:
        profiles = self.view.attempt(self.brands.profiles, doing="listing the profiles") or []
        options = {pid: profile.name or "(unnamed)" for pid, profile in profiles}
        self._echo = True
        try:
            self.profile_select.set_options(options, value=None)
        finally:
            self._echo = False
        self._show_profile()

    def _switch_profile(self, e: events.ValueChangeEventArguments) -> None:
        if self._echo or not e.value or e.value == self._shown_profile:
            return
        edited = self.brands.unsaved_changes()
        if edited is None:
            self._wear(e.value)
        else:
            background_tasks.create(self._ask_then_switch(edited, e.value), name="switch profile")

    async def _ask_then_switch(self, edited: str, profile_id: str) -> None:
        """Unsaved brand edits: save, discard or cancel before another profile replaces them."""
        name = self.profile_select.options.get(edited, "this profile")
        with self.view.client:  # a background task has no slot of its own
            answer = await ask(f"Save your changes to “{name}”?",
                               "The brand fields were edited. Switching profile replaces them on the slides.",
                               [("save", "Save changes"), ("discard", "Discard changes"), ("cancel", "Cancel")],
                               testid="switch-ask")
        if answer == "save" and not self.view.attempt(self.brands.save_profile, edited, doing="saving the profile"):
            answer = None
        if answer in ("save", "discard"):
            self._wear(profile_id)
        else:
            self._show_profile()  # the selector goes back to the profile still on the slides

    def _wear(self, profile_id: str) -> None:
        profile = self.view.attempt(self.brands.switch_profile, profile_id, origin=self.view.person,
                                    doing="opening the profile")
        if profile:
            self.view.notify(f"Switched to {profile.name or 'the profile'}", position="top")
            self._tell_cut(limits.profile_over_caps(profile), f"The profile “{limits.cut(profile.name, 60)}”")
        self._load_profiles()

    def _save_profile(self) -> None:
        profile_id = self.profile_select.value or None
        before = self.view.attempt(self.brands.profile, profile_id, doing="reading the profile") if profile_id else None
        if not self.view.attempt(self.brands.save_profile, profile_id, doing="saving the profile"):
            return
        self._load_profiles()
        if before is None:
            self.view.notify("Saved as a new profile", type="positive", position="top")
        else:  # the stored profile was replaced: its old version can come back
            name = before.name or "the profile"
            self.view.notify("Profile saved", type="positive", position="top")
            self._offer_undo(f"Profile “{name}” saved", lambda: self.brands.restore_profile(profile_id, before),
                             f"The saved profile “{name}” is back as it was")

    def _save_new_profile(self) -> None:
        if self.view.attempt(self.brands.save_profile, doing="saving the profile"):
            self._load_profiles()
            self.view.notify("Saved as a new profile", type="positive", position="top")

    def _duplicate_profile(self) -> None:
        if self.profile_select.value and self.view.attempt(self.brands.duplicate_profile, self.profile_select.value,
                                                           doing="duplicating the profile"):
            self._load_profiles()

    async def _delete_profile(self) -> None:
        profile_id = self.profile_select.value
        if not profile_id:
            self.view.notify("Choose a profile to delete first.", position="top")
            return
        name = self.profile_select.options.get(profile_id, "this profile")
        if await ask(f"Delete the profile “{name}”?", "The open carousel keeps its brand. You can undo this.",
                     [("delete", "Delete profile"), ("cancel", "Cancel")], testid="delete-ask") != "delete":
            return
        profile = self.view.attempt(self.brands.delete_profile, profile_id, doing="deleting the profile")
        if profile:
            self._load_profiles()
            self._offer_undo(f"Profile “{name}” deleted", lambda: self.brands.restore_profile(profile_id, profile),
                             f"Profile “{name}” restored")

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
            self._tell_cut(limits.preset_over_caps(preset), f"The preset “{limits.cut(preset.name, 60)}”")

    def _tell_cut(self, over: list[str], whose: str) -> None:
        """An old kit's profile or preset worn with texts over their caps: the one notice saying what is drawn cut."""
        if over:
            self.view.notify(over_caps_notice(whose, over), type="warning", multi_line=True, close_button=True,
                             timeout=0)

    async def _delete_preset(self) -> None:
        name = self.preset_select.value
        if not name:
            self.view.notify("Choose a preset to delete first.", position="top")
            return
        if await ask(f"Delete the preset “{name}”?", "Carousels made with it keep their look. You can undo this.",
                     [("delete", "Delete preset"), ("cancel", "Cancel")], testid="delete-ask") != "delete":
            return
        preset = self.view.attempt(self.brands.delete_preset, name, doing="deleting the preset")
        if preset:
            self._load_presets()
            self._offer_undo(f"Preset “{name}” deleted", lambda: self.brands.restore_preset(preset),
                             f"Preset “{name}” restored")

    def _offer_undo(self, message: str, restore, undone: str) -> None:
        """A line in the panel with an Undo button; it stays until the next deletion, overwrite or undo."""
        def undo() -> None:
            if self.view.attempt(restore, doing="restoring"):
                self.undo_row.set_visibility(False)
                self._load_profiles()
                self._load_presets()
                self.view.notify(undone, type="positive", position="top")

        self.undo_row.clear()
        with self.undo_row:
            ui.label(message).classes("cs-hint flex-1")
            ui.button("Undo", icon="undo", on_click=undo).props("flat dense no-caps data-testid=brand-undo-button")
        self.undo_row.set_visibility(True)

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
