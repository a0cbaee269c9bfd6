"""“Recently deleted” in the projects dialog: deleted projects and profiles, each with Restore (kept 30 days)."""
from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from studio import limits
from studio.app.events import ProfilesChanged
from studio.store import StoreError

from .ask import ask
from .view import View

KIND_ICONS = {"project": "description", "profile": "badge"}


class RecentlyDeleted:
    """The trash as a folded list; ``fill`` again after a deletion."""

    def __init__(self, view: View, on_restored: Callable[[], None]) -> None:
        self.view = view
        self.on_restored = on_restored
        with ui.expansion("Recently deleted", icon="restore_from_trash").props(
                "dense data-testid=trash").classes("w-full") as self.box:
            self.rows = ui.column().classes("w-full gap-1")
        self.fill()

    def fill(self) -> None:
        items = self.view.attempt(self.view.studio.projects.deleted, doing="listing the trash") or []
        self.box.props["caption"] = f"{len(items)} kept for 30 days" if items else ""
        self.box.update()
        self.rows.clear()
        with self.rows:
            if not items:
                ui.label("Nothing deleted in the last 30 days.").classes("cs-hint")
            for item in items[:50]:
                with ui.row().classes("w-full items-center no-wrap gap-2").props("data-testid=trash-row"):
                    ui.icon(KIND_ICONS.get(item.kind, "description"), size="20px")
                    with ui.column().classes("gap-0 flex-1 min-w-0"):
                        ui.label(item.name or "Untitled").classes("ellipsis")
                        ui.label(f"{item.kind} · deleted {item.deleted_at[:16].replace('T', ' ')} · "
                                 f"kept until {item.expires}").classes("cs-hint")
                    button = ui.button("Restore", on_click=lambda i=item: self._restore(i)).props(
                        "flat dense no-caps data-testid=trash-restore")
                    button.props["aria-label"] = f"Restore {item.kind} {item.name or 'Untitled'}"

    async def _restore(self, item) -> None:
        """Restore; a profile whose name another has now is offered back beside it, in one click, never over it."""
        brands = self.view.studio.brands
        try:
            beside = brands.trash_name_taken(item.id) if item.kind == "profile" else None
        except StoreError:
            beside = None  # (gone meanwhile: the restore below says so)
        if beside is None:
            restored = self.view.attempt(self.view.studio.projects.restore, item.id, doing="restoring from the trash")
            told = f"“{item.name or 'Untitled'}” restored"
        else:
            shown = limits.cut(item.name, 60)
            answer = await ask(f"A profile named “{shown}” exists already",
                               f"Restore this one beside it as “{beside}”? Neither is replaced; you can rename "
                               "either later.", [("beside", f"Restore as “{beside}”"), ("cancel", "Cancel")],
                               testid="trash-ask")
            if answer != "beside":
                return
            restored = self.view.attempt(brands.restore_beside, item.id, doing="restoring from the trash")
            told = f"“{item.name}” restored as “{restored}”"
        if restored:
            self.view.notify(told, type="positive", position="top")
            self.fill()
            self.on_restored()
            if item.kind == "profile":  # every open Brand panel lists it again
                self.view.server.studio.announce(ProfilesChanged())
