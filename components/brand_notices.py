"""What the Brand Kit tells the person: the undo line after a deletion or overwrite, and texts drawn cut."""
from __future__ import annotations

from collections.abc import Callable

from nicegui import ui

from studio import limits
from studio.app.projects import over_caps_notice

from .ask import ask
from .view import View


class UndoLine:
    """A line in the panel with an Undo button; it stays until the next deletion, overwrite or undo."""

    def __init__(self, view: View, reload: Callable[[], None]) -> None:
        self.view, self.reload = view, reload
        self.row = ui.row().classes("w-full items-center no-wrap gap-1 cs-undo-row").props("data-testid=brand-undo")
        self.row.set_visibility(False)

    def offer(self, message: str, restore: Callable[[], object], undone: str | Callable[[object], str]) -> None:
        """Show ``message`` with an Undo button that calls ``restore``, then says ``undone`` (or what
        ``undone(restore's result)`` says): one notice."""
        def undo() -> None:
            result = self.view.attempt(restore, doing="restoring")
            if result is not None:  # None: it failed, and was told
                self.row.set_visibility(False)
                self.reload()
                said = undone(result) if callable(undone) else undone
                self.view.notify(said, type="positive", position="top", multi_line=len(said) > 60)

        self.row.clear()
        with self.row:
            ui.label(message).classes("cs-hint flex-1")
            ui.button("Undo", icon="undo", on_click=undo).props("flat dense no-caps data-testid=brand-undo-button")
        self.row.set_visibility(True)


def back_as(kind: str, name: str, back: str) -> Callable[[object], str]:
    """What Undo says once a deleted ``kind`` named ``name`` is back: ``back``, or, when one saved since has its
    name and it came back beside that one, the name it came back under."""
    def say(restored: object) -> str:
        if not isinstance(restored, str) or restored == name:
            return back
        return (f"A {kind.lower()} named “{limits.cut(name, 60)}” was saved since; it stays, and this one is back "
                f"as “{restored}”.")
    return say


def tell_cut(view: View, over: list[str], whose: str) -> None:
    """An old kit's profile or preset worn with texts over their caps: the one notice saying what is drawn cut."""
    if over:
        view.notify(over_caps_notice(whose, over), type="warning", multi_line=True, close_button=True, timeout=0)


async def delete_confirmed(what: str, name: str, kept: str) -> bool:
    """Asked "Delete the <what> “<name>”?" (``kept``: what stays as it is), the person said Delete."""
    return await ask(f"Delete the {what} “{name}”?", f"{kept} You can undo this.",
                     [("delete", f"Delete {what}"), ("cancel", "Cancel")], testid="delete-ask") == "delete"
