"""Right: Source Content — import a thread, then drag its posts onto slides."""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from typing import Any

from nicegui import background_tasks, events, run, ui

from studio.post import Thread
from studio.app import Changed
from studio.sources.result import count

from .ask import ask
from .offload import Cancelled, Progress, off_loop
from .post_cards import PostCards
from .thumbnails import draw_ahead
from .uploads import upload_button
from .view import Debounce, View

MAX_ARCHIVE_BYTES = 2 * 2**30  # the browser checks this; the reader checks what is inside
MAX_PROJECT_BYTES = 200 * 2**20
SMALL_PASTE = 16_000  # characters read on the spot (a long thread is ~10,000); more go to a worker process
PASTED = 200  # characters added at once: a paste, not typing
AHEAD_PAUSE = 0.3  # seconds after a paste before it is laid out ahead (an import clicked sooner lays it out itself)


def thread_row(thread: Thread) -> dict[str, Any]:
    """What the thread picker shows for one thread (no invented numbers: blanks stay blank)."""
    first = thread.posts[0] if thread.posts else None
    date = ""
    if first is not None and first.created_at:
        try:
            date = datetime.fromisoformat(first.created_at).strftime("%d %b %Y")
        except ValueError:
            date = first.created_at[:10]
    title = thread.title or (first.text.splitlines()[0] if first and first.text else "")
    has_likes = any(p.likes is not None for p in thread.posts)
    has_reposts = any(p.reposts is not None for p in thread.posts)
    return {"id": thread.id, "date": date, "title": title[:90] + ("…" if len(title) > 90 else ""),
            "posts": len(thread.posts), "likes": thread.likes if has_likes else "",
            "reposts": thread.reposts if has_reposts else "",
            "note": "first post missing" if thread.incomplete else ""}


def _draw_strip_ahead(job: asyncio.Task) -> None:
    """The slide strip of a paste laid out ahead (``thumbnails.draw_ahead``), while the creator reaches for Import."""
    carousel = None if job.cancelled() or job.exception() is not None else job.result()
    if carousel is not None:
        draw_ahead(carousel)


class SourcePanel:
    """Import area and the post cards."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.imports = view.studio.imports
        with ui.row().classes("w-full items-center no-wrap"):
            with ui.column().classes("gap-0"):
                ui.label("Source Content").classes("cs-panel-title").props("role=heading aria-level=2")
                ui.label("Thread, X archive, project or link").classes("cs-panel-subtitle")
            ui.space()
            ui.button("Lay out all", icon="auto_awesome", on_click=self._layout_all).props(
                "flat dense no-caps size=sm data-testid=layout-all").tooltip(
                "Make a cover, one slide per post and the outro from this thread")
        with ui.row().classes("w-full items-center no-wrap gap-2") as self.layout_row:
            self.layout_progress = ui.linear_progress(value=0, show_value=False).props("rounded").classes("flex-1")
            ui.label("Laying out the slides…").classes("cs-hint").props("data-testid=layout-progress")
            self.layout_cancel = ui.button("Cancel", icon="close", on_click=self._cancel_layout).props(
                "flat dense no-caps size=sm data-testid=layout-cancel")
        self.layout_row.set_visibility(False)
        self._layout_timer: ui.timer | None = None
        self._counting: Progress | None = None  # the counting this page's "Lay out all" or import started
        self._cancelled: str | None = None  # what its Cancel says (None: no Cancel)
        with ui.tabs().props("dense no-caps narrow-indicator align=justify").classes(
                "w-full cs-source-tabs") as tabs:
            paste_tab = ui.tab("Paste")
            archive_tab = ui.tab("Archive")
            file_tab = ui.tab("Project file")
            link_tab = ui.tab("Post link")
        with ui.tab_panels(tabs, value=paste_tab).classes("w-full cs-source-panels"):
            with ui.tab_panel(paste_tab).classes("p-0 gap-2"):
                self.paste = ui.textarea(placeholder="Paste your thread here — one post per paragraph, "
                                                     "or numbered 1/ 2/ 3/ …").props(
                    "outlined dense autogrow input-style='max-height:160px' data-testid=source-input") \
                    .classes("w-full")
                self.paste.on_value_change(self._pasted)
                self._ahead = Debounce(self._lay_out_ahead, AHEAD_PAUSE)
                self._ahead_job: tuple[str, asyncio.Task] | None = None  # the paste being laid out ahead
                self._import_waits = False  # "Import thread" was clicked while its paste was being laid out
                ui.button("Import thread", icon="download", on_click=self._import_paste).props(
                    "unelevated no-caps data-testid=source-import").classes("w-full")
            with ui.tab_panel(archive_tab).classes("p-0 gap-2"):
                ui.label("Your X data archive: the .zip from “Download an archive of your data” (already "
                         "unzipped? Choose its data/tweets.js, text only). "
                         "It is read here, never uploaded anywhere else.").classes("cs-hint")
                self.archive = upload_button("Choose archive .zip", "folder_zip", ".zip,application/zip,.js",
                                             self._import_archive, testid="archive-upload",
                                             max_bytes=MAX_ARCHIVE_BYTES, props="unelevated no-caps")
                self.archive_progress = ui.linear_progress(value=0, show_value=False).props("rounded") \
                    .classes("w-full")
                with ui.row().classes("w-full items-center no-wrap gap-2"):
                    self.archive_note = ui.label().classes("cs-hint flex-1")
                    self.archive_cancel = ui.button("Cancel", icon="close", on_click=self._cancel).props(
                        "flat dense no-caps size=sm data-testid=import-cancel")
                self.archive_progress.set_visibility(False)
                self.archive_cancel.set_visibility(False)
                self.progress: Progress | None = None  # the import under way, if any
            with ui.tab_panel(file_tab).classes("p-0 gap-2"):
                ui.label("A Carousel Studio project file (.json) — opens as a new project.").classes("cs-hint")
                self.project_upload = upload_button("Choose project .json", "data_object",
                                                    ".json,application/json", self._import_project,
                                                    testid="project-upload", max_bytes=MAX_PROJECT_BYTES,
                                                    props="unelevated no-caps")
            with ui.tab_panel(link_tab).classes("p-0 gap-2"):
                ui.label("The link of the thread's last post: the thread is read upwards from it.").classes(
                    "cs-hint")
                self.link = ui.input(placeholder="https://x.com/you/status/…").props(
                    "outlined dense data-testid=post-link").classes("w-full")
                self.link.on("keydown.enter", self._import_link)
                self.link_button = ui.button("Fetch thread", icon="cloud_download",
                                             on_click=self._import_link).props(
                    "unelevated no-caps data-testid=post-link-fetch").classes("w-full")
        self.cards = PostCards(view)

    def refresh(self, change: Changed) -> None:
        self.cards.refresh(change)

    # -- imports ------------------------------------------------------------------------------------

    def _pasted(self, e: events.ValueChangeEventArguments) -> None:
        """A thread pasted in one go is laid out ahead while the creator reaches for "Import thread"."""
        self._ahead.cancel()
        text = e.value or ""
        if len(text) - len(e.previous_value or "") >= PASTED and len(text) <= SMALL_PASTE:
            self._ahead()

    def _lay_out_ahead(self) -> None:
        """In a thread of the server, whose layout cache the import then reads (``Imports.lay_out_ahead``);
        then the strip's thumbnails, which the import finds drawn (or joins while they are drawn)."""
        text = self.paste.value or ""
        job = background_tasks.create(run.io_bound(self.imports.lay_out_ahead, text), name="lay out a paste ahead")
        job.add_done_callback(_draw_strip_ahead)
        self._ahead_job = (text, job)

    async def _import_when_laid_out(self, job: asyncio.Task) -> None:
        await asyncio.wait([job])
        self._import_waits = False
        self._import_paste()

    def _import_paste(self) -> None:
        """A thread-sized paste is read at once; a big one in a worker process, so it never holds up
        the other browsers (reading 400 KB takes about a second)."""
        self._ahead.cancel()  # not begun yet: this import lays the thread out itself
        text = self.paste.value or ""
        job = self._ahead_job
        if self._import_waits or (job is not None and job[0] == text and not job[1].done()):
            if not self._import_waits:  # being laid out: wait for it rather than lay it out twice at once
                self._import_waits = True
                background_tasks.create(self._import_when_laid_out(job[1]), name="import a paste laid out ahead")
            return
        if len(text) > SMALL_PASTE:
            background_tasks.create(self._read_paste(text), name="read a big paste")
            return
        try:
            result = self.imports.paste(text)
        except Exception as exc:  # noqa: BLE001 - the pasted text stays in the box
            self.view.fail(exc, "reading the pasted text")
            return
        self._use_paste(result)

    async def _read_paste(self, text: str) -> None:
        try:
            result = await off_loop(self.imports.paste, text)
        except Exception as exc:  # noqa: BLE001 - the pasted text stays in the box
            self.view.fail(exc, "reading the pasted text")
            return
        if result is not None:  # None: the server is stopping
            self._use_paste(result)

    def _use_paste(self, result) -> None:
        self._show_warnings(result.warnings)
        # once the posts are in the project the box empties, so the cards show without scrolling
        self.use_thread(result.threads[0], then=lambda: self.paste.set_value(""))

    async def _import_archive(self, e: events.UploadEventArguments) -> None:
        """List the archive's threads (fast, photos not decoded), then read the picked one with its photos."""
        self.archive.reset()
        path = self.imports.upload_path(".zip")
        try:
            await e.file.save(path)
            result = await self._with_progress("Reading the archive…", self.imports.list_archive, path,
                                               name=e.file.name)
        except Exception as exc:  # noqa: BLE001
            path.unlink(missing_ok=True)
            self._failed(exc, "reading the archive")
            return
        self._show_warnings(result.warnings)
        if len(result.threads) == 1:
            await self._open_archive_thread(path, result.threads[0].id, e.file.name)
        else:
            self._pick_thread(result.threads, path, e.file.name)

    async def _with_progress(self, note: str, work, *args, **options):
        """Run ``work`` in a thread with a progress bar and a Cancel that stops it (``Cancelled``)."""
        progress = self.progress = Progress()
        self.archive_progress.set_visibility(True)
        self.archive_progress.set_value(0)
        self.archive_note.set_text(note)
        self.archive_cancel.set_visibility(True)
        timer = ui.timer(0.2, lambda: self.archive_progress.set_value(progress.fraction))
        try:
            result = await run.io_bound(work, *args, progress=progress, **options)
        finally:
            timer.cancel()
            self.archive_cancel.set_visibility(False)
            self.archive_progress.set_visibility(False)
            self.archive_note.set_text("")
            self.progress = None
        if progress.cancelled:  # cancelled as it finished: its result is not used either
            raise Cancelled()
        return result

    def _cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancel()
            self.archive_note.set_text("Cancelling…")

    def _failed(self, exc: Exception, doing: str) -> None:
        """A failed import in the creator's words; a cancelled one changed nothing and says so."""
        if isinstance(exc, Cancelled):
            self.view.notify("Import cancelled — nothing was changed", position="top")
        else:
            self.view.fail(exc, doing)

    async def _open_archive_thread(self, path, thread_id: str, name: str) -> None:
        try:
            result = await self._with_progress("Reading the thread and its photos…",
                                               self.imports.read_archive_thread, path, thread_id, name=name)
        except Exception as exc:  # noqa: BLE001
            self._failed(exc, "reading the thread")
            return
        finally:
            path.unlink(missing_ok=True)
        self._show_warnings(result.warnings)
        self.use_thread(result.thread(thread_id))

    def _pick_thread(self, threads: list[Thread], path, name: str) -> None:
        columns = [{"name": "date", "label": "Date", "field": "date", "align": "left", "sortable": True},
                   {"name": "title", "label": "First line", "field": "title", "align": "left",
                    "style": "white-space: normal; min-width: 220px"},
                   {"name": "posts", "label": "Posts", "field": "posts", "sortable": True},
                   {"name": "likes", "label": "Likes", "field": "likes", "sortable": True},
                   {"name": "reposts", "label": "Reposts", "field": "reposts", "sortable": True},
                   {"name": "note", "label": "Note", "field": "note", "align": "left", "style": "white-space: nowrap"}]
        with ui.dialog() as dialog, ui.card().classes("cs-picker"):
            ui.label(f"{count(len(threads), 'thread')} in your archive — pick one").classes("text-lg font-medium")
            ui.label("Best engagement (likes + reposts) first. Click a row to import it.").classes("cs-hint")
            table = ui.table(columns=columns, rows=[thread_row(t) for t in threads], row_key="id",
                             pagination=10).props("dense flat data-testid=thread-picker").classes("w-full")

            picked = {"id": None}

            async def chosen(e: events.GenericEventArguments) -> None:
                row = e.args[1] if isinstance(e.args, list) and len(e.args) > 1 else {}
                thread_id = row.get("id") if isinstance(row, dict) else None
                if thread_id and picked["id"] is None:
                    picked["id"] = thread_id
                    dialog.close()
                    await self._open_archive_thread(path, thread_id, name)

            table.on("row-click", chosen)
            with ui.row().classes("w-full justify-end"):
                ui.button("Cancel", on_click=dialog.close).props("flat no-caps")
        # closed without a choice: the copy of the archive is not needed any more
        dialog.on("hide", lambda: picked["id"] is None and path.unlink(missing_ok=True))
        dialog.open()

    async def _import_project(self, e: events.UploadEventArguments) -> None:
        self.project_upload.reset()
        try:
            carousel = await off_loop(self.imports.read_project, await e.file.read())
        except Exception as exc:  # noqa: BLE001
            self.view.fail(exc, "opening the project file")
            return
        if carousel is None:  # the server is stopping
            return
        self.view.studio.projects.open_file(carousel)
        self.view.select(0)
        self.view.notify(f"Opened “{carousel.name}” as a new project", type="positive", position="top")

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
        self._show_warnings(getattr(result, "warnings", []))
        self.use_thread(thread)

    def _show_warnings(self, warnings: list[str]) -> None:
        if warnings:
            shown = "; ".join(warnings[:3]) + (f" (and {len(warnings) - 3} more)" if len(warnings) > 3 else "")
            self.view.notify(f"Imported with notes: {shown}", type="warning", position="top", multi_line=True)

    def use_thread(self, thread: Thread, then: Callable[[], Any] | None = None) -> None:
        """Show the thread's posts; an untouched carousel is laid out from it at once.

        When the open project has slides of its own, ask once: a new project (the default) or
        add these posts to this one. ``then`` runs once the posts are in a project (not after Cancel).
        """
        if self.imports.needs_choice():
            background_tasks.create(self._ask_where(thread, then), name="ask where the thread goes")
            return
        if self.view.attempt(self.imports.use_thread, thread, origin=self.view.person,
                             doing="laying out the thread") is not None:
            self._laid_out(thread, then, undoable=True)

    async def _ask_where(self, thread: Thread, then: Callable[[], Any] | None) -> None:
        profiles = self.view.attempt(self.view.studio.brands.profiles, doing="listing the profiles") or []
        brand = {"value": ""}

        def brand_choice() -> None:
            options = {"": "The thread's author"} | {pid: p.name for pid, p in profiles}
            ui.select(options, value="", label="Brand for the new project",
                      on_change=lambda e: brand.update(value=e.value or "")).props(
                "dense outlined options-dense data-testid=import-brand").classes("w-full")

        with self.view.client:  # a background task has no slot of its own
            answer = await ask(f"Import {count(len(thread.posts), 'post')}",
                               "This project already has slides. Start a new project from the thread, "
                               "or add its posts to this project's cards?",
                               [("new", "New project"), ("add", "Add these posts to this project")],
                               testid="import-ask", extra=brand_choice)
        if answer == "new":
            profile = dict(profiles).get(brand["value"]) if brand["value"] else None
            if self.view.attempt(self.imports.new_project, thread, profile, doing="opening the new project"):
                self._laid_out(thread, then)
        elif answer == "add":
            if self.view.attempt(self.imports.add_posts, thread, origin=self.view.person,
                                 doing="adding the posts"):
                if then is not None:
                    then()
                them = "it" if len(thread.posts) == 1 else "them"
                self.view.notify(f"{count(len(thread.posts), 'post')} added to the cards — drag {them} onto slides",
                                 type="positive", position="top")

    def _select_first(self) -> None:
        """Show the first slide; for a big carousel once its pages are counted (off the event loop: selecting
        needs them, and counting 300 slides here held up every browser for seconds)."""
        if not self.view.server.laying_out:
            self.view.select(0)
            return

        async def when_counted() -> None:
            while self.view.server.laying_out:
                await asyncio.sleep(0.1)
            with self.view.client:  # a background task has no slot of its own
                self.view.select(0)

        background_tasks.create(when_counted(), name="select the first slide once counted")

    def _laid_out(self, thread: Thread, then: Callable[[], Any] | None = None, undoable: bool = False) -> None:
        """The thread is in the project. ``undoable``: it replaced the slides in one undo step, so while a big
        carousel's pages are counted, Cancel stops that and puts everything back (the paste stays in its box)."""
        def done() -> None:
            if then is not None:
                then()
            self.view.notify(f"{count(len(thread.posts), 'post')} imported and laid out — drag posts to rearrange",
                             type="positive", position="top")

        self._select_first()
        self._follow_counting(done, "Import cancelled — nothing was changed" if undoable else None)

    def _layout_all(self) -> None:
        """Rebuild the slides from the thread. A big carousel's pages are then counted off the event loop: a
        progress bar shows it, and Cancel stops the counting and puts the previous slides back."""
        if self.view.attempt(self.imports.lay_out, origin=self.view.person, doing="laying out the thread") is None:
            return
        self._select_first()
        self._follow_counting(self._laid_out_all, "Lay out all cancelled — your slides are as they were")

    def _follow_counting(self, done: Callable[[], Any], cancelled: str | None) -> None:
        """``done()`` once a big carousel's pages are counted (at once if there is nothing to count), with a
        progress bar meanwhile; with a ``cancelled`` notice, also a Cancel that undoes the last change."""
        counting = self.view.server.counting
        if counting is None:
            done()
            return
        self._counting, self._cancelled = counting, cancelled
        self.layout_progress.set_value(0)
        self.layout_cancel.set_visibility(cancelled is not None)
        self.layout_row.set_visibility(True)

        def follow() -> None:
            self.layout_progress.set_value(counting.fraction)
            if self.view.server.counting is not counting:  # done (or cancelled)
                self._end_layout_progress()
                if not counting.cancelled:
                    done()

        self._layout_timer = ui.timer(0.2, follow)

    def _end_layout_progress(self) -> None:
        if self._layout_timer is not None:
            self._layout_timer.cancel()
            self._layout_timer = None
        self.layout_row.set_visibility(False)

    def _cancel_layout(self) -> None:
        counting = self._counting
        if counting is None or counting is not self.view.server.counting or counting.cancelled \
                or self._cancelled is None:
            return  # counted already: the slides are laid out (Undo puts the previous ones back)
        counting.cancel()
        self._end_layout_progress()
        self.view.person.undo(self.view.document)
        self.view.notify(self._cancelled, position="top")

    def _laid_out_all(self) -> None:
        self.view.notify("Slides rebuilt from the thread (Undo brings your previous slides back)", position="top")
