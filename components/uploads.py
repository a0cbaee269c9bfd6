"""A plain button that opens the file picker of a hidden ``ui.upload`` (the uploader widget is noisy)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nicegui import events, ui


def upload_button(label: str, icon: str, accept: str, on_upload: Callable[[events.UploadEventArguments], Any],
                  *, testid: str, max_bytes: int = 40 * 2**20, props: str = "outline dense no-caps") -> ui.upload:
    """A button labelled ``label``; the chosen file goes to ``on_upload`` (too large: a notification)."""
    upload = ui.upload(auto_upload=True, max_file_size=max_bytes, on_upload=on_upload,
                       on_rejected=lambda: ui.notify(f"That file is larger than {max_bytes // 2**20} MB.",
                                                     type="negative", position="top")) \
        .props(f"accept={accept} data-testid={testid}").classes("hidden")
    ui.button(label, icon=icon, on_click=lambda: upload.run_method("pickFiles")).props(props)
    return upload
