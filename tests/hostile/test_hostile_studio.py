"""The poisoned project file, uploaded to a running studio, never breaks a page or saving."""
from __future__ import annotations

import asyncio

from hostile_helpers import project_json
from ui_helpers import open_source_tab
from nicegui import ui


async def _until(condition, timeout: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


def _by_testid(user, name: str) -> list:
    with user:
        return [e for e in user.client.elements.values() if e.props.get("data-testid") == name]


async def test_poisoned_project_upload_then_a_fresh_page_and_saving_still_work(studio):
    shared = studio.shared
    open_source_tab(studio, "Project file")
    (upload,) = _by_testid(studio, "project-upload")
    poisoned = project_json("x\ud800").encode("ascii")  # the escape travels as plain ASCII JSON, as curl sends it
    with studio:
        await upload.handle_uploads([ui.upload.SmallFileUpload("poison.json", "application/json", poisoned)])
    await _until(lambda: shared.document.carousel.name == "Poison test")
    assert shared.document.carousel.slides[0].title == "x"
    await _until(lambda: any(p.name == "Poison test" for p in shared.store.projects.all()))
    await studio.open("/")  # a new page load (what every other browser does)
    await studio.should_see("Poison test")
    project = next(p for p in shared.store.projects.all() if p.name == "Poison test")
    assert shared.store.projects.load(project.id).slides[0].title == "x"
