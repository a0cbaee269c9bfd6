"""A failed save, shown to everyone connected: what happened and what to do; gone once a save succeeds.

The autosaver keeps the edit in memory and tries again at the next change, so the banner tells the
creator how to make that retry succeed and how to keep a copy meanwhile. A page opened while saving
is failing shows the banner at once (``Server.save_failure``).
"""
from __future__ import annotations

from nicegui import ui

from studio.app import Saved, SaveFailed

WHAT_TO_DO = ("Your edits are kept in this studio while it runs, but not on disk. Free some disk space or "
              "check that the data folder can be written, then make any edit to save again. Keep the studio "
              "running until it says “All changes saved”; Export → Project file keeps a copy meanwhile.")


def save_message(failure: SaveFailed) -> str:
    reason = failure.reason.strip().rstrip(".") or "the data folder could not be written"
    return f"Not saved: {reason}."


class SaveBanner:
    """The banner of one page; ``refresh`` follows the autosaver's events."""

    LISTENS = (Saved, SaveFailed)

    def __init__(self, failure: SaveFailed | None) -> None:
        with ui.element("div").classes("cs-save-banner").props(
                "role=alert data-testid=save-failed") as self.banner:
            ui.icon("error_outline", size="20px")
            with ui.column().classes("gap-0"):
                self.title = ui.label().classes("cs-save-banner-title")
                ui.label(WHAT_TO_DO).classes("cs-save-banner-help")
        self.refresh(failure)

    def refresh(self, event: Saved | SaveFailed | None) -> None:
        if isinstance(event, SaveFailed):
            self.title.set_text(save_message(event))
            self.banner.set_visibility(True)
        else:
            self.banner.set_visibility(False)
