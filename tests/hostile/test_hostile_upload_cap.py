"""The upload cap is enforced by the server: 413 before reading an announced giant, and a streamed
body is stopped as soon as it passes the cap, never held whole. Each upload button's cap on the server is
the one its page announced."""
from __future__ import annotations

import asyncio

from nicegui import ui

from studio.limits import MAX_ARCHIVE_BYTES, MAX_IMAGE_BYTES, MAX_PROJECT_BYTES
from studio.upload_cap import UploadCap
from ui_helpers import open_source_tab, trigger


def _run(app, path: str, chunks: list[bytes], length: int | None, method: str = "POST"):
    headers = [(b"content-length", str(length).encode())] if length is not None else []
    scope = {"type": "http", "method": method, "path": path, "headers": headers}
    sent: list[dict] = []
    pulled = {"count": 0}
    queue = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]

    async def receive():
        pulled["count"] += 1
        return queue.pop(0) if queue else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body, pulled["count"]


async def _reading_app(scope, receive, send):
    """Reads the whole body, like an upload handler, then answers 200 with its size."""
    size = 0
    while True:
        message = await receive()
        size += len(message.get("body", b""))
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": str(size).encode()})


def test_announced_giant_upload_is_refused_before_reading():
    app = UploadCap(_reading_app, cap=1000)
    status, body, pulled = _run(app, "/_nicegui/client/abc/upload/12", [b"x" * 10], length=300 * 2**20)
    assert status == 413 and b"larger than 1 KB" in body and pulled == 0


def test_streamed_upload_is_stopped_once_it_passes_the_cap():
    app = UploadCap(_reading_app, cap=1000)
    status, _, pulled = _run(app, "/_nicegui/client/abc/upload/12", [b"x" * 400] * 50, length=None)
    assert status == 413 and pulled == 3  # stopped at the third chunk of fifty


def test_upload_lying_about_its_length_is_stopped():
    app = UploadCap(_reading_app, cap=1000)
    status, _, _ = _run(app, "/_nicegui/client/abc/upload/12", [b"x" * 600] * 3, length=10)
    assert status == 413


def test_uploads_within_the_cap_and_other_routes_pass():
    app = UploadCap(_reading_app, cap=1000)
    assert _run(app, "/_nicegui/client/abc/upload/12", [b"x" * 500, b"y" * 500], length=1000)[:2] == (200, b"1000")
    assert _run(app, "/api/other", [b"x" * 5000], length=5000)[:2] == (200, b"5000")
    assert _run(app, "/_nicegui/client/abc/upload/12", [b"x" * 5000], length=5000, method="PUT")[0] == 200


def test_a_route_with_a_cap_of_its_own_gets_that_cap_and_the_message_names_it():
    caps = {"/_nicegui/client/abc/upload/7": 3 * 2**30}
    app = UploadCap(_reading_app, cap=1000, cap_for=caps.get)
    assert _run(app, "/_nicegui/client/abc/upload/7", [b"x" * 3000], length=3000)[:2] == (200, b"3000")
    status, body, pulled = _run(app, "/_nicegui/client/abc/upload/7", [b"x"], length=4 * 2**30)
    assert status == 413 and b"larger than 3 GB" in body and pulled == 0
    assert _run(app, "/_nicegui/client/abc/upload/12", [b"x" * 3000], length=3000)[0] == 413  # others: the default


async def test_each_upload_button_is_capped_on_the_server_as_its_page_announced(studio, testid):
    """A 1 GB archive the page lets through is not refused by the server (it once was, over 200 MB, silently)."""
    from components.uploads import FRAMING_BYTES, body_cap
    open_source_tab(studio, "Archive")
    open_source_tab(studio, "Project file")
    with studio:
        uploads = [e for e in studio.client.elements.values() if isinstance(e, ui.upload)]
    caps = {e.props["data-testid"]: e.props["max-file-size"] for e in uploads}
    assert caps["archive-upload"] == MAX_ARCHIVE_BYTES and caps["project-upload"] == MAX_PROJECT_BYTES
    assert MAX_IMAGE_BYTES in caps.values()  # the slide's photo, the brand's avatar and logo
    for upload in uploads:
        assert body_cap(upload.props["url"]) == upload.props["max-file-size"] + FRAMING_BYTES
    assert body_cap("/_nicegui/client/nobody/upload/1") is None
    assert body_cap(uploads[0].props["url"] + "0") is None  # another element of the page, or none


async def test_an_upload_that_fails_says_so_and_changes_nothing(studio, testid):
    open_source_tab(studio, "Archive")
    (upload,) = testid(studio, "archive-upload")
    before = studio.shared.document.carousel
    trigger(studio, upload, "failed")
    await studio.should_see("did not finish uploading")
    assert studio.shared.document.carousel == before


def test_the_running_studio_refuses_an_oversized_upload(studio_server):
    """Through the real server: an announced body over the cap gets 413 before it is read."""
    import http.client
    from urllib.parse import urlsplit

    host = urlsplit(studio_server)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    conn.putrequest("POST", "/_nicegui/client/any/upload/1")
    conn.putheader("Content-Length", str(MAX_IMAGE_BYTES + 1))
    conn.putheader("Content-Type", "application/octet-stream")
    conn.endheaders()
    conn.send(b"x" * 1024)  # a few bytes of the announced 40 MB: the answer must not wait for the rest
    response = conn.getresponse()
    assert response.status == 413
    assert b"larger than" in response.read()
    conn.close()
