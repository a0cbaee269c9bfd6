"""Right: Source Content — import a thread, then drag its posts onto slides.

Each source has its own module (paste_source, archive_source; a project file and a post link are read
here), and hands what it read to ``ThreadIntake``; ``LayoutProgress`` shows a big carousel being counted.
"""
from __future__ import annotations

from nicegui import events, run, ui

from studio.app import Changed
from studio.app.projects import project_notices
from studio.limits import MAX_PROJECT_BYTES
from studio.post import Thread

from .archive_source import ArchiveSource
from .first_open import OnFirstOpen
from .layout_progress import LayoutProgress
from .offload import off_loop
from .paste_source import PasteSource
from .post_cards import PostCards
from .thread_intake import ThreadIntake
from .uploads import upload_button
from .view import View


class SourcePanel:
    """The source tabs (paste, archive, project file, post link) above the post cards."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.imports = view.studio.imports
        with ui.row().classes("w-full items-center no-wrap"):
            with ui.column().classes("gap-0"):
                ui.label("Source Content").classes("cs-panel-title").props("role=heading aria-level=2")
                ui.label("Thread, X archive, project or link").classes("cs-panel-subtitle")
            ui.space()
            lay_out_all = ui.button("Lay out all", icon="auto_awesome").props(
                "flat dense no-caps size=sm data-testid=layout-all").tooltip(
                "Make a cover, one slide per post and the outro from this thread")
        self.intake = ThreadIntake(view, LayoutProgress(view))
        lay_out_all.on_click(self.intake.lay_out_all)
        with ui.tabs().props("dense no-caps narrow-indicator align=justify").classes(
                "w-full cs-source-tabs") as tabs:
            paste_tab = ui.tab("Paste")
            later = {ui.tab("Archive"): self._archive_tab, ui.tab("Project file"): self._file_tab,
                     ui.tab("Post link"): self._link_tab}
        with ui.tab_panels(tabs, value=paste_tab).classes("w-full cs-source-panels"):
            with ui.tab_panel(paste_tab).classes("p-0 gap-2"):
                self.paste = PasteSource(view, self.intake)
            self._later: dict[str, OnFirstOpen] = {}  # the other tabs: built when first opened
            for tab, build in later.items():
                with ui.tab_panel(tab).classes("p-0 gap-2") as panel:
                    self._later[tab.props["name"]] = OnFirstOpen(panel, build)
        tabs.on_value_change(lambda e: self.open_tab(e.value))
        self.cards = PostCards(view)

    def open_tab(self, tab: ui.tab | str) -> None:
        """A source tab was opened: its content is built the first time (most page loads only paste)."""
        name = tab.props["name"] if isinstance(tab, ui.tab) else tab
        if name in self._later:
            self._later[name].part()

    def _archive_tab(self) -> ArchiveSource:
        self.archive = ArchiveSource(self.view, self.intake)
        return self.archive

    def _file_tab(self) -> ui.upload:
        ui.label("A Carousel Studio project file (.json) — opens as a new project.").classes("cs-hint")
        self.project_upload = upload_button("Choose project .json", "data_object", ".json,application/json",
                                            self._import_project, testid="project-upload",
                                            max_bytes=MAX_PROJECT_BYTES, props="unelevated no-caps")
        return self.project_upload

    def _link_tab(self) -> ui.button:
        ui.label("The link of the thread's last post: the thread is read upwards from it.").classes("cs-hint")
        self.link = ui.input(placeholder="https://x.com/you/status/…").props(
            "outlined dense data-testid=post-link").classes("w-full")
        self.link.on("keydown.enter", self._import_link)
        self.link_button = ui.button("Fetch thread", icon="cloud_download", on_click=self._import_link).props(
            "unelevated no-caps data-testid=post-link-fetch").classes("w-full")
        return self.link_button

    def refresh(self, change: Changed) -> None:
        self.cards.refresh(change)

    # -- a project file and a post link ---------------------------------------------------------------

    async def _import_project(self, e: events.UploadEventArguments) -> None:
        self.project_upload.reset()
        try:
            read = await off_loop(self.imports.read_project_file, await e.file.read())
        except Exception as exc:  # noqa: BLE001
            self.view.fail(exc, "opening the project file")
            return
        if read is None:  # the server is stopping
            return
        carousel, notes = read
        if notes:
            self.view.notify("Opened with changes: " + "; ".join(notes), type="warning", close_button=True, timeout=0)
        back = self.view.studio.projects.open_instead()
        self.view.studio.projects.open_file(carousel)
        self._tell(carousel)
        progress = self.intake.progress  # a big project's pages are counted first; Cancel goes back
        progress.select_first()
        progress.follow(lambda: self.view.notify(f"Opened “{carousel.name}” as a new project", type="positive",
                                                 position="top"),
                        "Opening cancelled — no new project was made; yours is open again", back)

    def _tell(self, carousel) -> None:
        """Say at once what the opened project holds over its caps (``project_notices``)."""
        for notice in project_notices(carousel):
            self.view.notify(notice, type="warning", multi_line=True, close_button=True, timeout=0)

    async def _import_link(self) -> None:
        url = (self.link.value or "").strip()
        if not url:
            self.view.notify("Paste a post link first, like https://x.com/you/status/123…", position="top")
            return
        self.link_button.props("loading")
        try:
            result = await run.io_bound(self.imports.fetch_link, url)
        except Exception as exc:  # noqa: BLE001
            self.view.fail(exc, "fetching the post")
            return
        finally:
            self.link_button.props(remove="loading")
        thread = result if isinstance(result, Thread) else result.threads[0]
        self.intake.show_warnings(getattr(result, "warnings", []))
        self.intake.use_thread(thread)
