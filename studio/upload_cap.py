"""The upload cap enforced by the server, not by the page: an ASGI middleware.

The page's own limit (Quasar's max-file-size) is only a courtesy: anyone can post
300 MB with curl. ``UploadCap`` answers 413 to an upload whose Content-Length is
over the cap before reading any of it, and stops one that streams past the cap
(chunked, or lying about its length) as soon as it does, so the body is never
held whole. Only paths containing ``/upload/`` (NiceGUI's upload route) are
watched; everything else passes untouched.

Each upload button has its own cap (an image 40 MB, an X archive 2 GB): ``cap_for`` gives the body
a path's button takes, the file size its page announced plus the form's framing, so page and server
never disagree. A path no open page's button owns gets ``cap``, the smallest.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from .limits import MAX_IMAGE_BYTES, megabytes

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


class UploadTooLarge(Exception):
    """Raised inside the app's receive() when the streamed body passes the cap."""


class UploadCap:
    """Refuse request bodies over ``cap`` bytes on upload routes with 413 and a plain message."""

    def __init__(self, app: App, cap: int = MAX_IMAGE_BYTES, marker: str = "/upload/",
                 cap_for: Callable[[str], int | None] = lambda path: None) -> None:
        self.app, self.cap, self.marker, self.cap_for = app, cap, marker, cap_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "POST" or self.marker not in scope.get("path", ""):
            await self.app(scope, receive, send)
            return
        cap = self.cap_for(scope["path"]) or self.cap
        length = _content_length(scope)
        if length is not None and length > cap:
            await self._refuse(send, cap)
            return
        seen = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:
                    raise UploadTooLarge
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except UploadTooLarge:
            if not started:
                await self._refuse(send, cap)

    @staticmethod
    async def _refuse(send: Send, cap: int) -> None:
        body = (f"The file is larger than {megabytes(cap)}, the most the studio accepts.\n").encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
