"""The download route: an export's file, sent to the browser while it is still being written.

The export dialog tells the browser to download the moment the export is clicked, with an
``ExportStream`` behind the link: the browser's request arrives while the pages are drawn and
receives each part of the file as it reaches the disk (PDF pages, ZIP entries). The file is
sent chunked, without a length; if the export fails after the first bytes went out, the
response is cut off before its end, so the browser marks the download failed and keeps no
file; if it fails before it began writing, the browser gets an error status.
"""
from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, PlainTextResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from studio.export.stream import ExportFailed, ExportStream
from studio.naming import ascii_stem

GONE = "This export is no longer available; export again."


def serve(web: FastAPI, route: str, downloads: dict[str, tuple[Path | ExportStream, str]]) -> None:
    """Answer ``route/<token>`` with the file or the export being written that ``downloads`` holds for it."""
    logging.getLogger("uvicorn.error").addFilter(_quiet_cut_off)

    @web.get(route + "/{token}")
    async def download(token: str):
        source, filename = downloads.get(token) or (None, "")
        if isinstance(source, Path) and source.is_file():
            return FileResponse(source, filename=filename, headers={"Content-Disposition": _attachment(filename)})
        if not isinstance(source, ExportStream):
            raise HTTPException(404, GONE)
        try:  # the export has its file (at once, as a rule): the browser shows the download from now on
            await run_in_threadpool(source.wait_begun)
        except ExportFailed as exc:
            return PlainTextResponse(f"The export failed: {exc}", status_code=500)
        if source.done and not source.path.is_file():
            raise HTTPException(404, GONE)
        return StreamingResponse(source.chunks(), media_type=_media_type(filename),
                                 headers={"Content-Disposition": _attachment(filename), "Cache-Control": "no-store"})


def _media_type(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


def _attachment(filename: str) -> str:
    """The header naming the download: RFC 5987's UTF-8 name, with an ASCII one for clients without it."""
    quoted = quote(filename)
    if quoted == filename:
        return f'attachment; filename="{filename}"'
    name = Path(filename)
    return f"attachment; filename=\"{ascii_stem(name.stem)}{name.suffix}\"; filename*=UTF-8''{quoted}"


def _quiet_cut_off(record: logging.LogRecord) -> bool:
    """The server logs an answer cut off on purpose (the export failed) as one line, without a traceback."""
    exc = record.exc_info[1] if record.exc_info else None
    while isinstance(exc, BaseExceptionGroup) and len(exc.exceptions) == 1:
        exc = exc.exceptions[0]
    if isinstance(exc, ExportFailed):
        record.msg, record.args, record.exc_info, record.levelno, record.levelname = (
            "A download was cut off: the export failed (%s)", (exc,), None, logging.WARNING, "WARNING")
    return True
