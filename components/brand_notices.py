"""What the Brand Kit tells the person: the undo line after a deletion or overwrite, and texts drawn cut."""
from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from studio.app.projects import over_caps_notice

from .ask import ask
from .view import View


class UndoLine:
    """A line in the panel with an Undo button; it stays until the next deletion, overwrite or undo."""

    def __init__(self, view: View, reload: Callable[[], None]) -> None:
        self.view, self.reload = view, reload
        self.row = ui.row().classes("w-full items-center no-wrap gap-1 cs-undo-row").props("data-testid=brand-undo")
        self.row.set_visibility(False)

    def offer(self, message: str, restore: Callable[[], object], undone: str) -> None:
        """Show ``message`` with an Undo button that calls ``restore``, then says ``undone``."""
        def undo() -> None:
            if self.view.attempt(restore, doing="restoring"):
                self.row.set_visibility(False)
                self.reload()
                self.view.notify(undone, type="positive", position="top")

        self.row.clear()
        with self.row:
            ui.label(message).classes("cs-hint flex-1")
            ui.button("Undo", icon="undo", on_click=undo).props("flat dense no-caps data-testid=brand-undo-button")
        self.row.set_visibility(True)


def tell_cut(view: View, over: list[str], whose: str) -> None:
    """An old kit's profile or preset worn with texts over their caps: the one notice saying what is drawn cut."""
    if over:
        view.notify(over_caps_notice(whose, over), type="warning", multi_line=True, close_button=True, timeout=0)


async def delete_confirmed(what: str, name: str, kept: str) -> bool:
    """Asked "Delete the <what> “<name>”?" (``kept``: what stays as it is), the person said Delete."""
    return await ask(f"Delete the {what} “{name}”?", f"{kept} You can undo this.",
                     [("delete", f"Delete {what}"), ("cancel", "Cancel")], testid="delete-ask") == "delete"
