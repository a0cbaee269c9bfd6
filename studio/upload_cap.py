"""The upload cap enforced by the server, not by the page: an ASGI middleware.

The page's own limit (Quasar's max-file-size) is only a courtesy: anyone can post
300 MB with curl. ``UploadCap`` answers 413 to an upload whose Content-Length is
over the cap before reading any of it, and stops one that streams past the cap
(chunked, or lying about its length) as soon as it does, so the body is never
held whole. Only paths containing ``/upload/`` (NiceGUI's upload route) are
watched; everything else passes untouched.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from .limits import MAX_UPLOAD_BYTES, megabytes

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


class UploadTooLarge(Exception):
    """Raised inside the app's receive() when the streamed body passes the cap."""


class UploadCap:
    """Refuse request bodies over ``cap`` bytes on upload routes with 413 and a plain message."""

    def __init__(self, app: App, cap: int = MAX_UPLOAD_BYTES, marker: str = "/upload/") -> None:
        self.app, self.cap, self.marker = app, cap, marker

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "POST" or self.marker not in scope.get("path", ""):
            await self.app(scope, receive, send)
            return
        length = _content_length(scope)
        if length is not None and length > self.cap:
            await self._refuse(send)
            return
        seen = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.cap:
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
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = (f"The file is larger than {megabytes(self.cap)}, the most the studio accepts.\n").encode()
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
