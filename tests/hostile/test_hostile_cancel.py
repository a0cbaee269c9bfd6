"""A long archive import shows progress and can be cancelled: the work stops and the project stays as it was."""
from __future__ import annotations

import asyncio
import copy
import threading

from nicegui import ui
from ui_helpers import click, open_source_tab

import studio.app.imports as imports


def _testid(user, name: str) -> list:
    with user:
        return [e for e in user.client.elements.values() if e.props.get("data-testid") == name]


async def _until(condition, timeout: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


async def test_cancel_stops_a_long_archive_read_and_changes_nothing(studio, monkeypatch):
    steps = 100_000
    reached = {"step": 0}
    started, ended = threading.Event(), threading.Event()

    def slow_archive(path, progress=None, **options):  # a huge archive: reports progress as it reads
        started.set()
        try:
            for step in range(steps):
                reached["step"] = step
                progress(step, steps)
                threading.Event().wait(0.005)
        finally:
            ended.set()
        raise AssertionError("the read was never stopped")

    monkeypatch.setattr(imports, "read_archive", slow_archive)
    before = copy.deepcopy(studio.shared.document.carousel)
    open_source_tab(studio, "Archive")
    (upload,) = _testid(studio, "archive-upload")
    with studio:
        task = asyncio.create_task(upload.handle_uploads(
            [ui.upload.SmallFileUpload("big.zip", "application/zip", b"PK\x05\x06" + bytes(18))]))
    await _until(lambda: started.is_set() and _testid(studio, "import-cancel")[0].visible)
    await _until(lambda: reached["step"] > 20)  # progress is moving
    click(studio, _testid(studio, "import-cancel")[0])
    await _until(lambda: studio.notify.contains("Import cancelled"))
    await task
    await _until(ended.is_set)  # the read itself ended (reading all of it would take over 8 minutes)
    assert reached["step"] < steps - 1  # ended early: the work really stopped
    assert not _testid(studio, "import-cancel")[0].visible
    assert studio.shared.document.carousel == before  # the project is as it was
    assert not list((studio.shared.data_dir / "imports").glob("*.zip"))  # and the upload's copy is gone
