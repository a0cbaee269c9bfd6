"""The Brand Kit's presets: apply, delete and save a carousel's look under a name."""
from __future__ import annotations

from nicegui import events, ui

from studio import limits

from .brand_notices import UndoLine, back_as, delete_confirmed, tell_cut
from .echo import Echo
from .view import View


class PresetPicker:
    """The preset selector with its delete button, and the Save preset button with its dialog."""

    def __init__(self, view: View, echo: Echo, undo: UndoLine) -> None:
        self.view, self.echo, self.undo = view, echo, undo
        self.brands = view.studio.brands
        ui.separator().classes("my-1")
        ui.label("Presets").classes("cs-overline")
        ui.label("A look saved under a name (format, layout, theme, type, pattern, CTA), for any carousel.") \
            .classes("cs-hint")
        with ui.row().classes("w-full items-center no-wrap gap-1"):
            self.select = ui.select({}, label="Apply a preset", on_change=self._apply).props(
                "dense outlined options-dense data-testid=preset-select").classes("flex-1")
            self.delete = ui.button(icon="delete_outline", on_click=self._delete).props(
                "flat round dense aria-label='Delete preset'").tooltip("Delete the chosen preset")
        self.delete.set_visibility(False)  # shown once a preset is chosen: beside an empty box it deleted nothing
        ui.button("Save preset", icon="bookmark_add", on_click=self._save_dialog).props(
            "outline dense no-caps data-testid=save-preset").classes("w-full")

    def load(self) -> None:
        """List the stored presets again, none chosen."""
        presets = self.view.attempt(self.brands.presets, doing="listing the presets") or []
        with self.echo():
            self.select.set_options({p.name: p.name for p in presets}, value=None)
        self.delete.set_visibility(False)

    def _apply(self, e: events.ValueChangeEventArguments) -> None:
        self.delete.set_visibility(bool(e.value))
        if self.echo or not e.value:
            return
        preset = self.view.attempt(self.brands.apply_preset, e.value, origin=self.view.person,
                                   doing="applying the preset")
        if preset:
            self.view.notify(f"Preset “{preset.name}” applied", position="top")
            tell_cut(self.view, limits.preset_over_caps(preset), f"The preset “{limits.cut(preset.name, 60)}”")

    async def _delete(self) -> None:
        name = self.select.value
        if not name:
            self.view.notify("Choose a preset to delete first.", position="top")
            return
        if not await delete_confirmed("preset", name, "Carousels made with it keep their look."):
            return
        preset = self.view.attempt(self.brands.delete_preset, name, doing="deleting the preset")
        if preset:
            self.load()
            self.undo.offer(f"Preset “{name}” deleted", lambda: self._restore(preset),
                            back_as("Preset", preset.name, f"Preset “{name}” restored"))

    def _restore(self, preset) -> str:
        """Undo a deletion; a preset saved since under its name stays, this one comes back beside it."""
        return self.brands.restore_preset(preset)  # the name it is back under (``back_as`` says it)

    def _save_dialog(self) -> None:
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
                    self.load()
                    self.view.notify(f"Preset “{preset.name}” saved", type="positive", position="top")

            name.on("keydown.enter", save)
            with ui.row().classes("w-full justify-end"):
                ui.button("Cancel", on_click=dialog.close).props("flat no-caps")
                ui.button("Save", on_click=save).props("unelevated no-caps data-testid=preset-save")
        dialog.open()
