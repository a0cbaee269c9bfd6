"""The Archive tab: an X data archive is listed, a thread picked, and read with its photos, with progress and Cancel."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from nicegui import events, run, ui

from studio.limits import MAX_ARCHIVE_BYTES
from studio.post import Thread
from studio.sources.result import answer_note, count

from .offload import Cancelled, Progress
from .thread_intake import ThreadIntake
from .uploads import upload_button
from .view import View


def thread_row(thread: Thread, answered: str | None = None) -> dict[str, Any]:
    """What the thread picker shows for one thread (no invented numbers: blanks stay blank).

    ``answered``: the handle its first post answered ("" unnamed; None when it answered nobody)."""
    first = thread.posts[0] if thread.posts else None
    date = when = first.created_at if first is not None else ""
    if date:
        try:
            at = datetime.fromisoformat(date)
        except ValueError:
            date = date[:10]
        else:
            date = at.strftime("%d %b %Y")
            if at.tzinfo is not None:  # sorted by the moment, whatever clock offset each post was written with
                when = at.astimezone(timezone.utc).isoformat()
    title = thread.title or (first.text.splitlines()[0] if first and first.text else "")
    has_likes = any(p.likes is not None for p in thread.posts)
    has_reposts = any(p.reposts is not None for p in thread.posts)
    return {"id": thread.id, "date": date, "when": when,
            "title": title[:90] + ("…" if len(title) > 90 else ""),
            "posts": len(thread.posts), "likes": thread.likes if has_likes else "",
            "reposts": thread.reposts if has_reposts else "",
            "note": "first post missing" if thread.incomplete else answer_note(answered)}


# the Date column sorts by the time the thread began ("02 Dec 2019" before "01 Jan 2024"), not by its words
_BY_TIME = "(a, b, rowA, rowB) => (rowA.when || '').localeCompare(rowB.when || '')"

# a thread of the picker, as a row or a card: focusable, named for a screen reader, picked by a click, Enter or Space
# (``row-click``, as the table says it of a click)
_PICK = "$parent.$emit('row-click', null, props.row, props.rowIndex)"
PICKABLE = (f"tabindex='0' role='button' class='cursor-pointer' :aria-label='props.row.label' @click=\"{_PICK}\""
            f" @keydown.enter.prevent=\"{_PICK}\" @keydown.space.prevent=\"{_PICK}\"")


def pick_label(row: dict[str, Any]) -> str:
    """What a screen reader says of a thread in the picker: its first words, then its date and counts shown."""
    counts = [count(row["posts"], "post")] + [count(row[name], name[:-1]) for name in ("likes", "reposts")
                                              if row[name] != ""]
    return ". ".join(part for part in (f"Import “{row['title']}”", row["date"], ", ".join(counts), row["note"])
                     if part)


class ArchiveSource:
    """The archive upload, its progress bar and Cancel, and the thread picker."""

    def __init__(self, view: View, intake: ThreadIntake) -> None:
        self.view = view
        self.imports = view.studio.imports
        self.intake = intake
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
            self.intake.failed(exc, "reading the archive")
            return
        self.intake.show_warnings(result.warnings)
        if len(result.threads) == 1:
            await self._open_archive_thread(path, result.threads[0].id, e.file.name)
        else:
            self._pick_thread(result.threads, result.answers, path, e.file.name)

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

    async def _open_archive_thread(self, path, thread_id: str, name: str) -> None:
        try:
            result = await self._with_progress("Reading the thread and its photos…",
                                               self.imports.read_archive_thread, path, thread_id, name=name)
        except Exception as exc:  # noqa: BLE001
            self.intake.failed(exc, "reading the thread")
            return
        finally:
            path.unlink(missing_ok=True)
        self.intake.show_warnings(result.warnings)
        self.intake.use_thread(result.thread(thread_id))

    def _pick_thread(self, threads: list[Thread], answers: dict[str, str], path, name: str) -> None:
        columns = [{"name": "date", "label": "Date", "field": "date", "align": "left", "sortable": True,
                    ":sort": _BY_TIME},
                   {"name": "title", "label": "First line", "field": "title", "align": "left",
                    "style": "white-space: normal; min-width: 220px"},
                   {"name": "posts", "label": "Posts", "field": "posts", "sortable": True},
                   {"name": "likes", "label": "Likes", "field": "likes", "sortable": True},
                   {"name": "reposts", "label": "Reposts", "field": "reposts", "sortable": True},
                   {"name": "note", "label": "Note", "field": "note", "align": "left", "style": "white-space: nowrap"}]
        with ui.dialog() as dialog, ui.card().classes("cs-picker"):
            ui.label(f"{count(len(threads), 'thread')} in your archive — pick one").classes("text-lg font-medium")
            ui.label("Best engagement (likes + reposts) first. Click a thread to import it.").classes("cs-hint")
            rows = [thread_row(t, answers.get(t.id)) for t in threads]
            table = ui.table(columns=columns, rows=[row | {"label": pick_label(row)} for row in rows], row_key="id",
                             pagination=10).props("dense flat data-testid=thread-picker").classes("w-full")
            # a phone: each thread as a card of its own (a row of six columns ran off the screen, the counts unseen)
            table.props[":grid"] = "Quasar.Screen.lt.sm"  # (reactive: a phone turned, a window narrowed)
            # each thread a stop of the Tab key, picked by Enter or Space as by a click
            table.add_slot("body", f"<q-tr :props='props' {PICKABLE}><q-td v-for='col in props.cols' :key='col.name'"
                                   " :props='props'>{{ col.value }}</q-td></q-tr>")
            table.add_slot("item", "<div class='q-table__grid-item col-12'><div class='q-table__grid-item-card"
                                   f" q-table__card q-table__card--flat' {PICKABLE}><div v-for='col in props.cols'"
                                   " :key='col.name' class='q-table__grid-item-row'><div class='q-table__grid-item-"
                                   "title'>{{ col.label }}</div><div class='q-table__grid-item-value'>{{ col.value }}"
                                   "</div></div></div></div>")

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
