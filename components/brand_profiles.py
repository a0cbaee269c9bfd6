"""The Brand Kit's profile picker: choose, save, duplicate and delete brand profiles."""
from __future__ import annotations

from collections.abc import Callable

from nicegui import background_tasks, events, ui

from studio import limits

from .ask import ask
from .brand_notices import UndoLine, back_as, delete_confirmed, tell_cut
from .echo import Echo
from .view import View


class ProfilePicker:
    """The profile selector, its actions, what says it has unsaved changes, and the undo line under it."""

    def __init__(self, view: View, echo: Echo, reload: Callable[[], None]) -> None:
        self.view, self.echo = view, echo
        self.brands = view.studio.brands
        self._shown: str | None = None
        ui.label("Client profiles").classes("cs-overline")
        ui.label("One saved brand per client: wear it on any carousel.").classes("cs-hint")
        with ui.row().classes("w-full items-center no-wrap gap-1"):
            self.select = ui.select({}, label="Brand profile", on_change=self._switch).props(
                "dense outlined options-dense data-testid=profile-select").classes("flex-1")
            with ui.button(icon="more_vert").props("flat round dense aria-label='Profile actions'"):
                with ui.menu():
                    save = ui.menu_item("Save changes to this profile", self._save)
                    ui.menu_item("Save as a new profile", self._save_new)
                    duplicate = ui.menu_item("Duplicate profile", self._duplicate)
                    delete = ui.menu_item("Delete profile", self._delete)
        self._of_chosen = (save, duplicate, delete)  # offered only while a profile is chosen
        self._name_dialog()
        self.unsaved = ui.label("Unsaved changes to this profile").classes("cs-hint cs-unsaved").props(
            "data-testid=profile-unsaved")
        self.undo = UndoLine(view, reload)

    def load(self) -> None:
        """List the stored profiles again, then show the one on the slides."""
        profiles = self.view.attempt(self.brands.profiles, doing="listing the profiles") or []
        with self.echo():
            self.select.set_options({pid: profile.name or "(unnamed)" for pid, profile in profiles}, value=None)
        self.show()

    def show(self) -> None:
        """The selector names the profile the slides wear (also after a preset brought another one)."""
        on_slides = self.view.attempt(self.brands.profile_on_slides, doing="reading the profiles")
        self.unsaved.set_visibility(on_slides is not None and self.brands.unsaved_changes() is not None)
        self._shown = on_slides
        if self.select.value != on_slides and (on_slides is None or on_slides in self.select.options):
            with self.echo():
                self.select.value = on_slides
        self._offer()

    def _offer(self) -> None:
        """Save changes, Duplicate and Delete act on the chosen profile: greyed out while none is."""
        for item in self._of_chosen:
            item.set_enabled(bool(self.select.value))

    def _switch(self, e: events.ValueChangeEventArguments) -> None:
        self._offer()
        if self.echo or not e.value or e.value == self._shown:
            return
        edited = self.brands.unsaved_changes()
        if edited is None:
            self._wear(e.value)
        else:
            background_tasks.create(self._ask_then_switch(edited, e.value), name="switch profile")

    async def _ask_then_switch(self, edited: str, profile_id: str) -> None:
        """Unsaved brand edits: save, discard or cancel before another profile replaces them."""
        name = self.select.options.get(edited, "this profile")
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
            self.show()  # the selector goes back to the profile still on the slides

    def _wear(self, profile_id: str) -> None:
        profile = self.view.attempt(self.brands.switch_profile, profile_id, origin=self.view.person,
                                    doing="opening the profile")
        if profile:
            self.view.notify(f"Switched to {profile.name or 'the profile'}", position="top")
            tell_cut(self.view, limits.profile_over_caps(profile), f"The profile “{limits.cut(profile.name, 60)}”")
        self.load()

    def _save(self) -> None:
        profile_id = self.select.value or None
        before = self.view.attempt(self.brands.profile, profile_id, doing="reading the profile") if profile_id else None
        if not self.view.attempt(self.brands.save_profile, profile_id, doing="saving the profile"):
            return
        self.load()
        if before is None:
            self.view.notify("Saved as a new profile", type="positive", position="top")
        else:  # the stored profile was replaced: its old version can come back
            name = before.name or "the profile"
            self.view.notify("Profile saved", type="positive", position="top")
            self.undo.offer(f"Profile “{name}” saved", lambda: self._restore(profile_id, before),
                            back_as("Profile", before.name, f"The saved profile “{name}” is back as it was"))

    def _name_dialog(self) -> None:
        """Asks the new profile's name (built here, not in the menu, which closes as the dialog opens)."""
        with ui.dialog() as self.naming, ui.card().classes("w-80"):
            ui.label("Save as a new profile").classes("text-lg font-medium")
            ui.label("The profile takes the brand's Name, shown on the slides.").classes("cs-hint")
            self.new_name = ui.input("Profile name").props(
                "autofocus outlined dense data-testid=profile-name").classes("w-full")
            self.new_name.on("keydown.enter", self._save_named)
            with ui.row().classes("w-full justify-end"):
                ui.button("Cancel", on_click=self.naming.close).props("flat no-caps")
                ui.button("Save", on_click=self._save_named).props("unelevated no-caps data-testid=profile-name-save")

    def _save_new(self) -> None:
        self.new_name.set_value(self.view.carousel.brand.name)
        self.naming.open()

    def _save_named(self) -> None:
        """The name given becomes the brand's Name, then the profile is saved; refused, the dialog stays open with
        the name, so it can be corrected."""
        name = (self.new_name.value or "").strip()
        if name != self.view.carousel.brand.name.strip() and not self.view.attempt(
                self.view.document.set_brand, name=name, origin=self.view.person, doing="naming the brand"):
            return
        if self.view.attempt(self.brands.save_profile, doing="saving the profile"):
            self.naming.close()
            self.load()
            self.view.notify("Saved as a new profile", type="positive", position="top")

    def _duplicate(self) -> None:
        if self.select.value and self.view.attempt(self.brands.duplicate_profile, self.select.value,
                                                   doing="duplicating the profile"):
            self.load()

    async def _delete(self) -> None:
        profile_id = self.select.value
        if not profile_id:
            self.view.notify("Choose a profile to delete first.", position="top")
            return
        name = self.select.options.get(profile_id, "this profile")
        if not await delete_confirmed("profile", name, "The open carousel keeps its brand."):
            return
        profile = self.view.attempt(self.brands.delete_profile, profile_id, doing="deleting the profile")
        if profile:
            self.load()
            self.undo.offer(f"Profile “{name}” deleted", lambda: self._restore(profile_id, profile),
                            back_as("Profile", profile.name, f"Profile “{name}” restored"))

    def _restore(self, profile_id: str, profile) -> str:
        """Undo; a profile saved since under its name stays, this one comes back beside it (one click): returns
        the name it is back under (``back_as`` says it)."""
        return self.brands.restore_profile(profile_id, profile, beside=True)
