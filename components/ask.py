"""A question with a few answers, asked in a dialog; the first answer is the default (focused, Enter)."""
from __future__ import annotations

from nicegui import ui


async def ask(title: str, text: str, answers: list[tuple[str, str]], testid: str = "ask",
              extra=None) -> str | None:
    """The key of the chosen answer (``answers`` = [(key, label)…]), or None when the dialog is dismissed.

    ``extra``, if given, is called inside the card to add a control (e.g. a brand choice) above the buttons.
    """
    with ui.dialog().props(f"data-testid={testid}") as dialog, ui.card().classes("cs-ask"):
        dialog.props["aria-label"] = title
        ui.label(title).classes("text-lg font-medium")
        ui.label(text).classes("cs-hint")
        if extra is not None:
            extra()
        with ui.row().classes("w-full justify-end gap-2"):
            for number, (key, label) in enumerate(reversed(answers)):
                default = number == len(answers) - 1
                ui.button(label, on_click=lambda k=key: dialog.submit(k)).props(
                    ("unelevated autofocus" if default else "flat") + f" no-caps data-testid={testid}-{key}")
    try:
        return await dialog
    finally:
        if not dialog.is_deleted:  # a browser that left took its page's elements with it
            dialog.delete()
