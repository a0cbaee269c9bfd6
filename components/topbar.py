"""Top bar: project name and list, undo/redo, caption helper, export, dark mode, panel toggles."""
from __future__ import annotations

from collections.abc import Callable

from nicegui import events, ui

from studio.app import Changed, LookChanged, ProjectSwitched, Saved, SaveFailed
from studio.app.projects import project_notices
from studio.sources.result import count
from studio.store.projects import ProjectGone
from studio.store.records import name_key

from .presence import PresenceBar
from .shared_text import show, text_box
from .trash_list import RecentlyDeleted
from .view import QuietLabel, View


TAGLINE = "Repurpose X Threads into LinkedIn & Instagram Carousels"
PAGE = 50  # projects listed at once; "Show N more" lists the next ones


def _toggle(drawer: ui.drawer) -> str:
    """Open or close a drawer from what the browser shows. The server's value can lag behind: below its
    breakpoint a drawer closes itself when the window narrows, and a toggle decided there could close it again."""
    return f"() => getElement({drawer.id}).toggle()"


# A closed drawer gives the focus back to its toggle (page.py): after a click or a tap, the focus highlight then
# stayed on it as if its drawer were still open. Only a keyboard's focus (":focus-visible") is highlighted there.
TOGGLE_CSS = ".cs-drawer-toggle:focus:not(:focus-visible) > .q-focus-helper { opacity: 0 !important; }"


class TopBar:
    LISTENS = (Changed, Saved, SaveFailed)  # the save state follows the autosaver's events

    def __init__(self, view: View, *, on_export: Callable[[], None], on_captions: Callable[[], None],
                 left: ui.left_drawer, right: ui.right_drawer) -> None:
        self.view = view
        self._echo = False
        self.dark = ui.dark_mode()
        ui.add_css(TOGGLE_CSS)
        with ui.row().classes("w-full items-center no-wrap gap-1 cs-topbar"):
            ui.button(icon="tune").on("click", js_handler=_toggle(left)).props(
                "flat round dense aria-label='Settings panels' data-testid=toggle-settings").classes(
                "cs-below-1000 cs-drawer-toggle")
            with ui.row().classes("items-center no-wrap gap-2 cs-brandmark"):
                ui.html('<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">'
                        '<rect x="2" y="5" width="13" height="16" rx="3" fill="currentColor" opacity=".35"/>'
                        '<rect x="7" y="3" width="13" height="16" rx="3" fill="currentColor"/></svg>',
                        sanitize=False).classes("cs-logo")
                with ui.column().classes("gap-0 cs-app-title"):
                    ui.label("Carousel Studio").classes("cs-app-name").props("role=heading aria-level=1")
                    ui.label(TAGLINE).classes("cs-tagline").props("data-testid=tagline")
            # a long name ends in "…" (it was cut mid-word); its title has it all (``_title``)
            self.name = text_box(view, None, "name", self._rename, part="meta").props(
                "dense borderless input-class='cs-project-name-input ellipsis' data-testid=project-name "
                "aria-label='Project name'").classes("cs-project-name")
            self.name.on("keydown.enter", lambda: self.name.run_method("blur"))
            ui.button(icon="folder_open", on_click=self._projects_dialog).props(
                "flat round dense aria-label='Projects' data-testid=projects-open").tooltip("Projects")
            self.saved = QuietLabel().classes("cs-hint cs-save-state").props("data-testid=save-state")
            ui.space()
            if view.server.people is not None:
                PresenceBar(view, view.server.people)
            self.undo = ui.button(icon="undo", on_click=self._undo).props(
                "flat round dense aria-label='Undo' data-testid=undo").tooltip("Undo (Ctrl+Z)")
            self.redo = ui.button(icon="redo", on_click=self._redo).props(
                "flat round dense aria-label='Redo' data-testid=redo").tooltip("Redo (Ctrl+Shift+Z)")
            ui.button(icon="notes", on_click=on_captions).props(
                "flat round dense aria-label='Caption helper' data-testid=captions-open").tooltip(
                "Caption helper: post text, caption, alt text")
            self.dark_button = ui.button(on_click=self._toggle_dark).props(
                "flat round dense data-testid=dark-mode")
            with self.dark_button:
                self.dark_tip = ui.tooltip()
            self._show_dark_state()
            ui.button("Export", icon="ios_share", on_click=on_export).props(
                "unelevated no-caps no-wrap data-testid=export-open").classes("cs-export-button")
            ui.button("Posts", icon="view_agenda").on("click", js_handler=_toggle(right)).props(
                "flat dense no-caps no-wrap aria-label='Posts: source content' data-testid=toggle-source").classes(
                "cs-below-1180 cs-drawer-toggle")
        self.refresh(None)
        self._show_save_state(ProjectSwitched())

    def _show_save_state(self, event: Changed | Saved | SaveFailed) -> None:
        """"Saving…", "All changes saved" or the reason saving failed (the edit itself is never lost)."""
        if isinstance(event, SaveFailed):
            self.saved.set_text("Not saved: " + event.reason)
            self.saved.classes(add="cs-save-error")
            return
        self.saved.classes(remove="cs-save-error")
        if isinstance(event, ProjectSwitched):  # opened: saved as it is (a new one once it is first edited)
            self.saved.set_text("All changes saved" if self.view.document.project_id else "")
        else:
            self.saved.set_text("All changes saved" if isinstance(event, Saved) else "Saving…")

    def refresh(self, change: Changed | Saved | SaveFailed | None) -> None:
        if change is not None:
            self._show_save_state(change)
        if not isinstance(change, (Changed, type(None))):
            return
        doc = self.view.document
        self.undo.set_enabled(doc.can_undo)
        self.redo.set_enabled(doc.can_redo)
        typing_the_name = isinstance(change, LookChanged) and change.origin is self.view.person
        if self.name.value != doc.carousel.name and not typing_the_name:
            self._echo = True
            show(self.name, doc.carousel.name)
            self._echo = False
        self._title(doc.carousel.name)

    def _title(self, name: str) -> None:
        """The whole name on hover and to screen readers, as the box may show only its start."""
        if self.name.props.get("title") != name:
            self.name.props["title"] = name
            self.name.props["aria-label"] = f"Project name: {name}" if name else "Project name"
            self.name.update()

    def _rename(self, e: events.ValueChangeEventArguments) -> None:
        if not self._echo and (e.value or "").strip():
            self.view.attempt(self.view.document.rename, e.value, origin=self.view.person)

    def _undo(self) -> None:
        if not self.view.person.undo(self.view.document):
            self.view.notify("Nothing to undo", position="bottom")

    def _redo(self) -> None:
        if not self.view.person.redo(self.view.document):
            self.view.notify("Nothing to redo", position="bottom")

    def _toggle_dark(self) -> None:
        self.dark.toggle()
        self._show_dark_state()

    def _show_dark_state(self) -> None:
        """The button offers the other mode: its icon, tooltip and label say what a click does."""
        offer = "Light mode" if self.dark.value else "Dark mode"
        self.dark_button.props(f"icon={'light_mode' if self.dark.value else 'dark_mode'} aria-label='{offer}'")
        self.dark_tip.set_text(f"Switch to {offer.lower()}")

    # -- projects -----------------------------------------------------------------------------------

    def _projects_dialog(self) -> None:
        self._query, self._listed = "", PAGE
        with ui.dialog() as dialog, ui.card().classes("cs-projects"):
            with ui.row().classes("w-full items-center"):
                ui.label("Projects").classes("text-lg font-medium")
                ui.space()
                ui.button("New from the sample", icon="add",
                          on_click=lambda: (dialog.close(), self._new_project())).props("flat no-caps dense")
            ui.input(placeholder="Search projects by name", on_change=lambda e: self._search(e.value, dialog)) \
                .props("dense clearable debounce=250 aria-label='Search projects by name' "
                       "data-testid=project-search").classes("w-full")
            self.project_list = ui.column().classes("w-full gap-1")
            self._fill_projects(dialog)
            self.trash = RecentlyDeleted(self.view, on_restored=lambda: self._fill_projects(dialog))
        dialog.open()

    def _search(self, query: str | None, dialog: ui.dialog) -> None:
        self._query, self._listed = (query or "").strip(), PAGE
        self._fill_projects(dialog)

    def _more(self, dialog: ui.dialog) -> None:
        self._listed += PAGE
        self._fill_projects(dialog)

    def _fill_projects(self, dialog: ui.dialog) -> None:
        projects = self.view.attempt(self.view.studio.projects.list, doing="listing the projects") or []
        query = name_key(getattr(self, "_query", ""))  # "café" finds "Cafe\u0301 …" typed with an accent apart
        found = [p for p in projects if query in name_key(p.name or "Untitled")] if query else projects
        listed = getattr(self, "_listed", PAGE)
        self.project_list.clear()
        with self.project_list:
            if not projects:
                ui.label("No saved projects yet — every change is saved automatically.").classes("cs-hint")
            elif not found:
                ui.label(f"No project name contains “{self._query}”.").classes("cs-hint")
            for info in found[:listed]:
                self._project_row(info, dialog)
            if len(found) > listed:
                more = min(PAGE, len(found) - listed)
                ui.button(f"Show {more} more", on_click=lambda: self._more(dialog)).props(
                    f"flat dense no-caps data-testid=projects-more aria-label='Show {more} more projects "
                    f"({len(found) - listed} not listed)'")

    def _project_row(self, info, dialog: ui.dialog) -> None:
        current = self.view.document.project_id
        with ui.row().classes("w-full items-center no-wrap gap-2 cs-project-row").props("data-testid=project-row"):
            ui.icon("edit_note" if info.id == current else "description", size="20px")
            with ui.column().classes("gap-0 flex-1 min-w-0"):
                ui.label(info.name or "Untitled").classes("ellipsis")
                ui.label(f"{count(info.slide_count, 'slide')} · saved {info.updated_at[:16].replace('T', ' ')}") \
                    .classes("cs-hint")
            if info.id == current:
                ui.label("open").classes("cs-hint")
            else:
                ui.button("Open", on_click=lambda p=info.id: (dialog.close(), self._open(p))).props(
                    "flat dense no-caps data-testid=project-open")
            ui.button(icon="content_copy", on_click=lambda p=info.id: self._duplicate(p, dialog)).props(
                "flat round dense size=sm aria-label='Duplicate'").tooltip("Duplicate")
            ui.button(icon="delete_outline", on_click=lambda p=info: self._delete(p.id, dialog, p.name)).props(
                "flat round dense size=sm aria-label='Delete'").tooltip("Delete")

    def _open(self, project_id: str) -> None:
        carousel = self.view.attempt(self.view.studio.projects.open, project_id, doing="opening the project")
        if carousel:
            self.view.select(0)
            for notice in project_notices(carousel):  # (texts over their caps: said at once, as an upload does)
                self.view.notify(notice, type="warning", multi_line=True, close_button=True, timeout=0)

    def _new_project(self) -> None:
        self.view.studio.projects.new()
        self.view.select(0)

    def _duplicate(self, project_id: str, dialog: ui.dialog) -> None:
        if self.view.attempt(self.view.studio.projects.duplicate, project_id, doing="duplicating the project"):
            self.view.notify("Project duplicated", position="top")
            self._fill_projects(dialog)

    def _delete(self, project_id: str, dialog: ui.dialog, name: str = "") -> None:
        try:
            self.view.studio.projects.delete(project_id)
        except ProjectGone:  # another person (or tab) deleted it a moment ago: said so, their list refreshed
            self.view.notify(f"“{name or 'Untitled'}” was deleted a moment ago, perhaps by someone else; "
                             "“Recently deleted” below can restore it.", type="info", position="top")
        except Exception as exc:  # noqa: BLE001 - every failure must reach the creator, not a traceback
            self.view.fail(exc, "deleting the project")
        else:
            self.view.notify("Project deleted — “Recently deleted” below can restore it for 30 days", position="top")
        self._fill_projects(dialog)
        self.trash.fill()
