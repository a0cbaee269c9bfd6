"""A plain button that opens the file picker of a hidden ``ui.upload`` (the uploader widget is noisy).

The cap a button announces to the browser is also the one the server enforces for it (``body_cap``, read by
``studio.upload_cap.UploadCap``), so a file the page lets through is never refused by the server.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from nicegui import Client, events, ui

from studio.limits import MAX_IMAGE_BYTES, megabytes

from .view import NOTICES

FRAMING_BYTES = 64 * 1024  # the form's boundary and part headers around the file itself
_ROUTE = re.compile(r"/_nicegui/client/([^/]+)/upload/(\d+)")  # NiceGUI's route for one upload element


def upload_button(label: str, icon: str, accept: str, on_upload: Callable[[events.UploadEventArguments], Any],
                  *, testid: str, max_bytes: int = MAX_IMAGE_BYTES,
                  props: str = "outline dense no-caps") -> ui.upload:
    """A button labelled ``label``; the chosen file goes to ``on_upload`` (too large or failed: a notification)."""
    upload = ui.upload(auto_upload=True, max_file_size=max_bytes, on_upload=on_upload,
                       on_rejected=lambda: _say(f"That file is larger than {megabytes(max_bytes)}, the most this "
                                                "button takes. Nothing was changed.")) \
        .props(f"accept={accept} data-testid={testid}").classes("hidden")
    upload.on("failed", lambda: _say("The file did not finish uploading (the connection dropped, or it is over "
                                     f"{megabytes(max_bytes)}). Nothing was changed; try again."), args=[])
    ui.button(label, icon=icon, on_click=lambda: upload.run_method("pickFiles")).props(props)
    return upload


def body_cap(path: str) -> int | None:
    """The most an upload to ``path`` may send: its button's file cap and the form's framing (None: no such button)."""
    match = _ROUTE.fullmatch(path)
    client = Client.instances.get(match[1]) if match else None
    element = client.elements.get(int(match[2])) if client else None
    cap = element.props.get("max-file-size") if isinstance(element, ui.upload) else None
    return cap + FRAMING_BYTES if isinstance(cap, int) else None


def _say(message: str) -> None:
    ui.notify(message, type="negative", position=NOTICES)  # with the others: in one list, they stack, not overlap
