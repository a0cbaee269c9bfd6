"""Cancel while a thread imported as a "New project" (or a project file) is laid out: the project open before
comes back as it was, and no new project is left behind — not in the list, not on disk, not in the trash.

Opening another project is not an undo step, so this Cancel does not undo: it reopens the project."""
from __future__ import annotations

import asyncio
import threading

import pytest
from nicegui import ui

from components import app as studio_app
from components import engine
from components.thumbnails import PAGE_COUNTS
from studio.app import Studio
from studio.app.sample import SAMPLE_NAME
from studio.new_project import lay_out
from studio.project_file import carousel_to_json
from studio.sources import read_text
from studio.store.projects import LAST_PROJECT
from ui_helpers import click, open_source_tab, until

GARDEN = ("Six things our allotment taught us about patience, one season at a time 🌱\n\n"
          "1) Dig once, properly, in autumn.\n\n"
          "2) Compost is slow money.\n\n"
          "3) Slugs read the calendar better than we do.\n\n"
          "4) Label every row the day you sow it.\n\n"
          "That is the list. Follow me for what we grow next spring.")


@pytest.fixture
def hold_counting(monkeypatch):
    """``hold_counting()``: from now on, counting a big carousel's pages starts, then waits until the test
    lets it go on; a carousel counts as big from 5 slides, so a short thread's import shows progress and
    Cancel. Returns the events (started, release)."""
    started, release = threading.Event(), threading.Event()
    count_one = engine.slide_page_count

    def held(carousel, index, *args):
        started.set()
        release.wait(60)
        return count_one(carousel, index, *args)

    def hold() -> tuple[threading.Event, threading.Event]:
        monkeypatch.setattr(engine, "slide_page_count", held)
        monkeypatch.setattr(studio_app, "BIG_CAROUSEL", 5)
        PAGE_COUNTS.clear()  # this thread's pages are not known from an earlier test
        return started, release

    yield hold
    release.set()


async def test_cancel_reopens_the_project_before_and_leaves_no_new_project(studio, testid, hold_counting):
    shared = studio.shared
    doc, store = shared.document, shared.store
    doc.set_brand(name="Client A", handle="clienta")
    doc.set_slide_text(1, body="My own words on slide two.")
    shared.autosaver.flush()
    first_id, first = doc.project_id, [(s.kind, s.body) for s in doc.carousel.slides]
    files = sorted(p.name for p in store.db.projects_dir.iterdir())

    started, release = hold_counting()
    testid(studio, "source-input")[0].value = GARDEN
    click(studio, testid(studio, "source-import")[0])
    await until(lambda: testid(studio, "import-ask-new"))
    click(studio, testid(studio, "import-ask-new")[0])
    await until(lambda: doc.project_id not in (None, first_id))
    assert doc.carousel.name.startswith("Six things our allotment")
    await until(started.is_set)
    (cancel,) = testid(studio, "layout-cancel")
    assert cancel.visible  # a new project's import can be cancelled too

    click(studio, cancel)
    release.set()
    await until(lambda: studio.notify.contains("Import cancelled"))
    assert doc.project_id == first_id
    assert [(s.kind, s.body) for s in doc.carousel.slides] == first
    assert doc.carousel.brand.name == "Client A"
    assert testid(studio, "source-input")[0].value == GARDEN  # the creator's words stay, to import again
    assert [p.id for p in store.projects.all()] == [first_id]
    assert sorted(p.name for p in store.db.projects_dir.iterdir()) == files
    assert store.trash.items() == []  # removed for good, not deleted
    assert store.settings.get(LAST_PROJECT) == first_id


def test_going_back_keeps_the_last_edits_and_leaves_nothing_to_save(tmp_path):
    """The application layer alone: an edit still waiting for the autosaver is in the project reopened, and
    nothing the new project had pending is written after it was removed."""
    studio = Studio(tmp_path)
    doc, store = studio.document, studio.store
    sample_body = doc.carousel.slides[1].body
    doc.set_brand(name="Client A")
    first_id = doc.project_id
    doc.set_slide_text(1, body="Typed just before the import.")  # pending: the autosaver waits 0.8 s
    back = studio.projects.open_instead()
    studio.imports.new_project(read_text(GARDEN).threads[0])
    made = doc.project_id
    assert made not in (None, first_id) and studio.autosaver.pending

    back()
    studio.autosaver.flush()  # what would still be saved now
    assert doc.project_id == first_id and doc.carousel.slides[1].body == "Typed just before the import."
    assert store.projects.load(first_id).slides[1].body == "Typed just before the import."
    assert [p.id for p in store.projects.all()] == [first_id]
    assert not any(made in p.name for p in (tmp_path / "projects").iterdir())
    assert store.trash.items() == [] and store.settings.get(LAST_PROJECT) == first_id
    doc.undo()  # its history came back with it
    assert doc.carousel.slides[1].body == sample_body and doc.carousel.brand.name == "Client A"
    studio.autosaver.close()


async def test_cancel_while_a_project_file_opens_leaves_the_sample_unsaved(studio, testid, hold_counting):
    shared = studio.shared
    doc, store = shared.document, shared.store
    assert doc.project_id is None and doc.carousel.name == SAMPLE_NAME  # the untouched sample
    sample = [(s.kind, s.body) for s in doc.carousel.slides]
    file = carousel_to_json(lay_out(read_text(GARDEN).threads[0])).encode()

    started, release = hold_counting()
    open_source_tab(studio, "Project file")
    (upload,) = testid(studio, "project-upload")
    with studio:
        opening = asyncio.create_task(upload.handle_uploads(
            [ui.upload.SmallFileUpload("garden.json", "application/json", file)]))
    await until(started.is_set)
    assert doc.project_id is not None  # opened as a new project, saved
    click(studio, testid(studio, "layout-cancel")[0])
    release.set()
    await until(lambda: studio.notify.contains("Opening cancelled"))
    await opening
    assert doc.project_id is None and doc.carousel.name == SAMPLE_NAME
    assert [(s.kind, s.body) for s in doc.carousel.slides] == sample
    shared.autosaver.flush()
    assert store.projects.all() == [] and store.trash.items() == []
    assert not any(store.db.projects_dir.glob("*.json*"))
    assert store.settings.get(LAST_PROJECT) is None
