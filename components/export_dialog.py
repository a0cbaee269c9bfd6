"""Export: LinkedIn PDF, Instagram ZIP (PNG or JPEG), the current slide as PNG, or the project file (.json).

Platform checks are shown before anything is drawn; the export runs in a thread
(``studio.app.exports.export_in_studio``: the warm export workers draw) so the page
stays responsive; a progress bar counts pages; the browser is told to download at the
click and receives the file as it is written (``components.download``). The page draws the PDF and the image set ahead whenever editing pauses
(``DrawAhead``), in the format and size chosen here, so a click usually finds every page drawn.
"""
from __future__ import annotations

import copy
import time

from nicegui import run, ui

from studio import limits
from studio.app import exports
from studio.export import check_identity, check_platform, format_bytes
from studio.export.platforms import CTA_PANEL
from studio.export.stream import ExportStream
from studio.sources.result import count

from . import engine
from .draw_ahead import DrawAhead
from .view import View


def _all_checks(carousel, pages: int) -> tuple[list[str], list[str], list[str]]:
    """Who the slides credit and the outro's ask (missing or stock texts), then LinkedIn's and Instagram's limits."""
    def platform(target: str) -> list[str]:
        try:
            return check_platform(carousel, target, pages=pages)
        except Exception as exc:  # noqa: BLE001 - shown as a warning, never a traceback
            return [str(exc)]
    try:  # a text over its cap: every export will refuse it (never cut it), so say it before the click
        limits.check_texts(carousel)
        over, held = [], []
    except limits.LimitError as exc:
        over, held = [str(exc)[:1].upper() + str(exc)[1:]], ["Not exported until the texts named above are shortened."]
    identity = [_as_it_is(carousel, warning) for warning in check_identity(carousel)]
    return over + identity, held + platform("linkedin"), held + platform("instagram")


STOCK_ASK = "The outro still has the stock call to action"
ASK_KINDS = {1: "follow", 2: "repost", 3: "save"}


def _as_it_is(carousel, warning: str) -> str:
    """The stock-ask warning told as the CTA is now: with a link of the creator's on it, "still has the stock call
    to action" read as if the variant and link chosen had not been taken; what is still stock is its words."""
    cta = carousel.cta
    if not warning.startswith(STOCK_ASK) or not cta.link.strip():
        return warning
    kind = ASK_KINDS.get(cta.variant, "")
    return (f"The outro's words are still the stock {kind} ask (“{cta.headline}”), with your link "
            f"{cta.link.strip()}. Put the ask in your own words in {CTA_PANEL}.")


class ExportDialog:
    def __init__(self, view: View, ahead: DrawAhead) -> None:
        self.view = view
        self.ahead = ahead
        self.busy = False
        with ui.dialog().props("aria-label=Export data-testid=export-dialog") as self.dialog, \
                ui.card().classes("cs-export"):
            with ui.row().classes("w-full items-center no-wrap"):
                ui.label("Export").classes("text-xl font-semibold")
                ui.space()
                ui.button(icon="close", on_click=self.dialog.close).props("flat round dense aria-label=Close")
            self.summary = ui.label().classes("cs-hint")
            self.identity_checks = ui.column().classes("gap-1 w-full")
            # the choice first, then the buttons it applies to (below them, on a phone it was off-screen)
            with ui.row().classes("w-full items-center no-wrap gap-2"):
                ui.label("Resolution").classes("cs-field-label")
                self.scale = ui.toggle({2: "1080 px (standard)", 3: "1620 px (hi-res)"}, value=ahead.scale,
                                       on_change=self._chosen).props(
                    "dense no-caps unelevated toggle-color=primary data-testid=export-scale")
            with ui.row().classes("w-full gap-3 cs-export-options"):
                with ui.column().classes("cs-export-option"):
                    ui.label("LinkedIn document").classes("cs-option-title")
                    ui.label("One PDF, every page the same size, text selectable.").classes("cs-hint")
                    self.linkedin_checks = ui.column().classes("gap-1 w-full")
                    self.pdf_button = ui.button("Download PDF", icon="picture_as_pdf",
                                                on_click=lambda: self.start("pdf")).props(
                        "unelevated no-caps data-testid=export-pdf").classes("w-full")
                with ui.column().classes("cs-export-option"):
                    ui.label("Instagram carousel").classes("cs-option-title")
                    ui.label("01.png, 02.png… in a ZIP, sRGB, with alt-text.txt.").classes("cs-hint")
                    self.instagram_checks = ui.column().classes("gap-1 w-full")
                    self.image_format = ui.toggle({"png": "PNG", "jpeg": "JPEG"}, value=ahead.image_format,
                                                  on_change=self._chosen).props(
                        "dense no-caps unelevated toggle-color=primary data-testid=export-image-format")
                    self.zip_button = ui.button("Download ZIP", icon="folder_zip",
                                                on_click=lambda: self.start("images")) \
                        .props("unelevated no-caps data-testid=export-zip").classes("w-full")
                with ui.column().classes("cs-export-option"):
                    ui.label("This slide").classes("cs-option-title")
                    self.slide_note = ui.label().classes("cs-hint")
                    self.slide_button = ui.button("Download PNG", icon="image",
                                                  on_click=lambda: self.start("slide")).props(
                        "outline no-caps data-testid=export-slide").classes("w-full")
            with ui.row().classes("w-full items-center no-wrap gap-3 cs-export-project"):
                ui.icon("data_object", size="22px")
                with ui.column().classes("gap-0 flex-1 min-w-0"):
                    ui.label("Project file (.json)").classes("cs-option-title")
                    ui.label("The whole carousel with its photos, to open again on any machine "
                             "(Source Content → Project file).").classes("cs-hint")
                self.project_button = ui.button("Download project", icon="download",
                                                on_click=lambda: self.start("project")).props(
                    "outline no-caps no-wrap data-testid=export-project")
            with ui.column().classes("w-full gap-1") as self.progress_box:
                self.progress_label = ui.label().classes("text-sm")
                self.progress = ui.linear_progress(value=0, show_value=False).props(
                    "rounded size=10px instant-feedback data-testid=export-progress").classes("w-full")
            self.progress_box.set_visibility(False)
            self.result = ui.column().classes("w-full gap-1")

    async def open(self) -> None:
        """Show the dialog at once, then the platform checks for the carousel as it is now.

        The checks read every text for characters no font draws (the first time loads the fonts'
        coverage: seconds on a busy machine), so they run in a thread while the dialog is shown.
        """
        carousel = copy.deepcopy(self.view.carousel)
        fmt = engine.get_format(carousel.format)
        pages = sum(self.view.counts())
        self.summary.set_text(f"{carousel.name} · {fmt.label} {fmt.ratio} · {count(pages, 'page')}")
        self.slide_note.set_text(f"Slide {self.view.selected + 1}, page {self.view.page + 1}, "
                                 "as PNG for a quick share.")
        if not self.busy:
            self.result.clear()
        for box in (self.identity_checks, self.linkedin_checks, self.instagram_checks):
            box.clear()
        with self.linkedin_checks:
            ui.label("Checking…").classes("cs-hint")
        self.dialog.open()
        self.ahead.now()  # nothing new to draw when editing paused before (``DrawAhead``)
        checks = await run.io_bound(_all_checks, carousel, pages)
        if checks is None or self.dialog.is_deleted:  # the server is stopping, or the page was closed meanwhile
            return
        identity, linkedin, instagram = checks
        self._show(self.identity_checks, identity, "badge", "identity-warning")
        for box, warnings in ((self.linkedin_checks, linkedin), (self.instagram_checks, instagram)):
            self._show(box, warnings, "warning_amber", "platform-warning",
                       ready=f"Ready: {count(pages, 'page')}")

    def _chosen(self) -> None:
        """Another image format or size: draw that ahead instead."""
        self.ahead.image_format, self.ahead.scale = self.image_format.value or "png", int(self.scale.value or 2)
        self.ahead.now()

    @staticmethod
    def _show(box: ui.column, warnings: list[str], icon: str, testid: str, ready: str = "") -> None:
        box.clear()
        with box:
            if ready and not warnings:
                with ui.row().classes("items-center gap-1 no-wrap cs-check-ok"):
                    ui.icon("check_circle", size="18px")
                    ui.label(ready)
            for warning in warnings:
                with ui.row().classes("items-start gap-1 no-wrap cs-check-warn").props(f"data-testid={testid}"):
                    ui.icon(icon, size="18px")
                    ui.label(warning)

    async def start(self, kind: str) -> None:
        """Export the carousel as it is now as ``kind`` ("pdf", "images", "slide", "project") and download it."""
        if self.busy:
            self.view.notify("An export is already running.", position="top")
            return
        view = self.view
        carousel = copy.deepcopy(view.carousel)  # edits made meanwhile do not change this export
        page = view.page_index(page=view.page)
        image_format = "png" if kind == "slide" else self.image_format.value or "png"
        out, filename = view.studio.export_path(kind, image_format=image_format, page=view.selected)
        total = 1 if kind in ("slide", "project") else sum(view.counts())
        progress = exports.LatestProgress(total)
        stream = ExportStream()
        url = view.server.offer_download(stream, filename)
        ui.download.from_url(url, filename)  # at once: the browser receives the file as it is written
        self._running(True)
        self.progress_label.set_text("Writing the project file…" if kind == "project"
                                     else f"Drawing page 1 of {total}…")

        def poll() -> None:
            done, of = progress.done, progress.total
            if done:
                self.progress.set_value(done / of if of else 0)
                self.progress_label.set_text(f"Drawn {done} of {count(of, 'page')}" if done < of else "Finishing…")

        timer = ui.timer(0.1, poll)
        started = time.monotonic()
        try:  # in a thread of this process: the layouts are cached here; the warm workers draw
            report = await run.io_bound(exports.export_in_studio, carousel, out, kind, stream=stream,
                                        progress=progress, image_format=image_format,
                                        scale=int(self.scale.value or 2), page=page)
        except Exception as exc:  # noqa: BLE001 - the browser's download fails too (the stream tells it)
            self.progress_box.set_visibility(False)
            self.view.fail(exc, "exporting")
            return
        finally:
            timer.cancel()
            self._running(False)
        if report is None:  # the server is stopping: nothing to offer
            stream.fail("the studio is stopping")
            exports.release(out)
            self.progress_box.set_visibility(False)
            return
        if stream.error is not None:  # the bytes sent were not the file's (a worker died mid-file): send it again
            url = view.server.offer_download(out, filename)
            ui.download.from_url(url, filename)
        self._offer(url, filename, report)
        self.progress.set_value(1)
        self.progress_label.set_text(done_in(time.monotonic() - started))
        view.studio.prune_exports()

    def _running(self, busy: bool) -> None:
        self.busy = self.ahead.paused = busy
        self._set_buttons(not busy)
        if busy:
            self.result.clear()
            self.progress_box.set_visibility(True)
            self.progress.set_value(0)

    def _offer(self, url: str, filename: str, report) -> None:
        with self.result:
            with ui.row().classes("items-center gap-2 no-wrap cs-check-ok").props("data-testid=export-done"):
                ui.icon("download_done", size="20px")
                ui.label(f"{filename} · {format_bytes(report.bytes_written)} — downloading")
            for warning in report.warnings:
                with ui.row().classes("items-start gap-1 no-wrap cs-check-warn"):
                    ui.icon("warning_amber", size="18px")
                    ui.label(warning)
            ui.button("Download again", icon="download", on_click=lambda: ui.download.from_url(url, filename)) \
                .props("flat dense no-caps data-testid=export-again")

    def _set_buttons(self, enabled: bool) -> None:
        for button in (self.pdf_button, self.zip_button, self.slide_button, self.project_button):
            button.set_enabled(enabled)


def done_in(seconds: float) -> str:
    """What the dialog says once the file is written: an export drawn ahead is not "Done in 0.0 s"."""
    return f"Done in {seconds:.1f} s" if seconds >= 0.05 else "Done in under 0.1 s"
