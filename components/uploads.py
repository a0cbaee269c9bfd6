"""A plain button that opens the file picker of a hidden ``ui.upload`` (the uploader widget is noisy).

The cap a button announces to the browser is also the one the server enforces for it (``body_cap``, read by
``studio.upload_cap.UploadCap``), so a file the page lets through is never refused by the server.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from fastapi import Request
from nicegui import Client, events, ui
from nicegui.elements.upload_files import FileUpload

from studio.limits import MAX_IMAGE_BYTES, megabytes

from .nicegui_seams import serve_upload, take_upload
from .slide_texts import SHOWN
from .view import NOTICES

FRAMING_BYTES = 64 * 1024  # the form's boundary and part headers around the file itself
SHOWN_HEADER = "x-cs-shown"  # the header a ``NamedUpload``'s browser sends the name it showed in
_ROUTE = re.compile(r"/_nicegui/client/([^/]+)/upload/(\d+)")  # NiceGUI's route for one upload element


class NamedUpload(ui.upload):
    """An upload whose requests say what it showed when their file was chosen: ``show(name)`` notes ``name`` on the
    element (``SHOWN``, in its browser too), the browser copies the name it holds as the file is chosen into a header
    of the request the file goes in, and each file handed on carries that name (``shown_on``). A long upload then
    knows where it was started, whatever was chosen while it was on its way."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        # (QUploader asks for its headers as the file is chosen, in the same turn: the name the page showed then)
        self.props[":headers"] = (f"() => {{ const name = document.getElementById('c{self.id}')"
                                  f"?.getAttribute('{SHOWN}'); return name ? [{{name: '{SHOWN_HEADER}', "
                                  "value: encodeURIComponent(name)}] : []; }")
        serve_upload(self, self._receive)

    def show(self, name: str | None) -> None:
        """The name the next upload's files carry (its browser hears it with the element)."""
        if self.props.get(SHOWN) != name:
            self.props[SHOWN] = name

    async def _receive(self, request: Request) -> dict[str, str]:
        shown = unquote(request.headers.get(SHOWN_HEADER, ""))  # the name the file was chosen on
        await take_upload(self, request, lambda file: setattr(file, "shown", shown))
        return {"upload": "success"}


def shown_on(file: FileUpload) -> str | None:
    """The name a ``NamedUpload`` showed when ``file``'s upload began (None: not said)."""
    shown = getattr(file, "shown", None)
    return shown if isinstance(shown, str) and shown else None


def upload_button(label: str, icon: str, accept: str, on_upload: Callable[[events.UploadEventArguments], Any],
                  *, testid: str, max_bytes: int = MAX_IMAGE_BYTES,
                  props: str = "outline dense no-caps", named: bool = False) -> ui.upload:
    """A button labelled ``label``; the chosen file goes to ``on_upload`` (too large or failed: a notification).
    ``named``: a ``NamedUpload``."""
    upload = (NamedUpload if named else ui.upload)(auto_upload=True, max_file_size=max_bytes, on_upload=on_upload,
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
