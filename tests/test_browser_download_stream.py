"""The studio's download route (``components.download``) in a real Chromium: the browser receives an
export while it is still being written, saves the whole file when it completes, and keeps nothing when
the export fails midway. Order of events only: the export waits for the browser's partial file before
writing on, and every wait is a generous give-up limit."""
from __future__ import annotations

import http.client
import threading
import time
from pathlib import Path

import pytest

from studio.export.stream import ExportStream
from studio.server_process import free_port

GIVE_UP = 60.0  # seconds


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The download route alone, on a free loopback port: (base URL, the downloads it offers, a folder)."""
    import uvicorn
    from fastapi import FastAPI
    from fastapi.responses import HTMLResponse

    from components import download
    web, downloads = FastAPI(), {}
    download.serve(web, "/download", downloads)
    web.get("/")(lambda: HTMLResponse("<!doctype html><title>downloads</title>"))
    server = uvicorn.Server(uvicorn.Config(web, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    wait_for(lambda: server.started, "the server to start")
    yield f"http://127.0.0.1:{server.config.port}", downloads, tmp_path_factory.mktemp("exports")
    server.should_exit = True
    thread.join(GIVE_UP)


def wait_for(condition, what: str):
    deadline = time.monotonic() + GIVE_UP
    while not (found := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)
    return found


def offer(downloads: dict, name: str) -> tuple[ExportStream, str]:
    stream = ExportStream()
    downloads[name] = (stream, name)
    return stream, f"/download/{name}"


def click_download(driver, base: str, url: str, name: str) -> None:
    """What the studio's page does when told to download (NiceGUI's ``download``)."""
    if not driver.current_url.startswith(base):
        driver.get(base + "/")
    driver.execute_script("const a = document.createElement('a'); a.href = arguments[0]; a.download = arguments[1];"
                          "a.target = '_blank'; document.body.appendChild(a); a.click(); a.remove();", url, name)


def partial_files(folder: Path) -> list[Path]:
    return list(folder.glob("*.crdownload"))


def test_the_browser_receives_the_export_while_it_is_written(driver, browser_downloads, served):
    base, downloads, exports = served
    stream, url = offer(downloads, "slides.pdf")
    part = exports / ".slides.pdf.part"
    head, tail = b"%PDF-1.7\n" + b"1" * 300_000, b"2" * 300_000 + b"\n%%EOF\n"
    click_download(driver, base, url, "slides.pdf")
    with open(part, "wb") as file:
        stream.begin(part)
        file.write(head)
        file.flush()
        stream.flushed()
        wait_for(lambda: partial_files(browser_downloads), "the browser's partial file")  # still being written
        file.write(tail)
    part.rename(exports / "slides.pdf")
    stream.finish(exports / "slides.pdf")
    saved = wait_for(lambda: (browser_downloads / "slides.pdf").is_file() and not partial_files(browser_downloads),
                     "the download to complete")
    assert saved and (browser_downloads / "slides.pdf").read_bytes() == head + tail


def test_an_export_failing_midway_leaves_no_file_in_the_browser(driver, browser_downloads, served):
    base, downloads, exports = served
    stream, url = offer(downloads, "broken.zip")
    part = exports / ".broken.zip.part"
    click_download(driver, base, url, "broken.zip")
    with open(part, "wb") as file:
        stream.begin(part)
        file.write(b"PK" + b"3" * 300_000)
        file.flush()
        stream.flushed()
        wait_for(lambda: partial_files(browser_downloads), "the browser's partial file")
    part.unlink()
    stream.fail("slide 7: the photo could not be read")
    wait_for(lambda: not partial_files(browser_downloads), "the browser to drop its partial file")
    assert not list(browser_downloads.glob("broken*"))


def test_the_answer_is_an_error_or_cut_off_never_a_short_file(served):
    base, downloads, exports = served
    host, port = base.removeprefix("http://").split(":")
    early, url = offer(downloads, "early.pdf")
    early.fail("the carousel has no slides")
    connection = http.client.HTTPConnection(host, int(port), timeout=GIVE_UP)
    connection.request("GET", url)
    answer = connection.getresponse()
    assert answer.status == 500 and b"no slides" in answer.read()
    late, url = offer(downloads, "late.pdf")
    part = exports / ".late.pdf.part"
    part.write_bytes(b"%PDF-1.7\n" + b"4" * 100_000)
    late.begin(part)
    connection = http.client.HTTPConnection(host, int(port), timeout=GIVE_UP)
    connection.request("GET", url)
    answer = connection.getresponse()
    assert answer.status == 200 and answer.getheader("Transfer-Encoding") == "chunked"
    assert answer.read(1000).startswith(b"%PDF")
    late.fail("slide 2: the photo could not be read")
    with pytest.raises(http.client.IncompleteRead):
        answer.read()
