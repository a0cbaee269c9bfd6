"""A tab's address keeps the slide it shows (``view.Place``): a page loaded again (NiceGUI builds a new one once the
server has forgotten a tab that was offline) opens on that slide, found by its name wherever it moved; when it was
deleted meanwhile, on the nearest one, with a short notice. Each tab keeps its own."""
from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import pytest

from test_slide_strip_keys import strip_of, strip_row
from ui_helpers import until


def view_of(user, testid):
    return strip_of(strip_row(user, testid)).view


@pytest.fixture
def noted(monkeypatch) -> list[dict]:
    """The places pages write into their addresses, in order (the query each ``csNotePlace`` sets: assets/page.js)."""
    from nicegui import Client
    noted: list[dict] = []
    run = Client.run_javascript

    def recording(self, code: str, *args, **kwargs):
        if code.startswith("csNotePlace("):
            noted.append(json.loads(code[len("csNotePlace("):-1]))
        return run(self, code, *args, **kwargs)
    monkeypatch.setattr(Client, "run_javascript", recording)
    return noted


async def reopened(create_user, testid, query: dict, name: str | None = None):
    """Another tab (a page loaded again) opened at ``query``; its view."""
    if name is None:
        user = create_user()
        await user.open("/?" + urlencode(query))
    else:  # share mode: a person who joined before
        user = await person(create_user, name, "/?" + urlencode(query))
    await until(lambda: testid(user, "slide-thumb"))
    return user, view_of(user, testid)


async def person(create_user, name: str, path: str = "/"):
    """A share-mode tab of someone who joined before (their name kept by the browser)."""
    user = create_user()
    user.javascript_rules[re.compile(r".*localStorage\.getItem.*")] = lambda _: name
    user.javascript_rules[re.compile(r".*sessionStorage\.getItem.*")] = lambda _: None
    user.javascript_rules[re.compile(r".*localStorage\.setItem\((.*)\)")] = lambda m: None
    await user.open(path)
    return user


async def test_a_page_loaded_again_opens_on_the_slide_its_address_kept(studio, create_user, testid, noted):
    view = view_of(studio, testid)
    view.select(3)
    await until(lambda: noted)
    slide = studio.shared.document.carousel.slides[3]
    _, again = await reopened(create_user, testid, noted[-1])
    assert again.selected == 3 and again.carousel.slides[again.selected] is slide


async def test_the_slide_is_found_where_it_moved_and_each_tab_keeps_its_own(studio, create_user, testid, noted):
    view_of(studio, testid).select(3)
    await until(lambda: noted)
    place = noted[-1]
    doc = studio.shared.document
    slide = doc.carousel.slides[3]
    doc.add_slide(1)  # someone else adds a slide before it
    doc.add_slide(1)
    other, other_view = await reopened(create_user, testid, {})
    other_view.select(1)
    _, again = await reopened(create_user, testid, place)
    assert again.selected == 5 and doc.carousel.slides[5] is slide
    assert other_view.selected == 1


async def test_a_slide_deleted_meanwhile_opens_the_nearest_with_a_notice(studio, create_user, testid, noted):
    view_of(studio, testid).select(3)
    await until(lambda: noted)
    place = noted[-1]  # (the open tab's place follows the deletion: a tab offline kept this one)
    doc = studio.shared.document
    after = doc.carousel.slides[4]
    doc.delete_slide(3)
    user, again = await reopened(create_user, testid, place)
    assert again.selected == 3 and doc.carousel.slides[3] is after
    # (NiceGUI's simulation hands a notice to the simulated user touched last, here the first tab)
    said = "The slide you were on is gone"
    await until(lambda: any(said in m for m in studio.notify.messages + user.notify.messages))


async def test_a_place_of_another_server_run_opens_at_its_number_without_a_notice(studio, create_user, testid):
    user, again = await reopened(create_user, testid, {"project": studio.shared.document.project_id or "",
                                                       "slide": "0badc0de.s3", "n": "3", "page": "1"})
    assert again.selected == 2
    assert not any("gone" in m for m in studio.notify.messages + user.notify.messages)


@pytest.mark.nicegui_main_file("tests/share_main.py")
async def test_share_mode_opens_on_the_slide_by_its_id(studio_data, create_user, testid, noted):
    from components.app import current_studio
    ada = await person(create_user, "Ada")
    view = view_of(ada, testid)
    view.select(4)
    await until(lambda: noted)
    doc = current_studio().document
    ids = doc.slide_ids(view.person)
    assert noted[-1]["slide"] == ids[4]
    doc.move_slide(4, 1)  # someone moves it
    _, again = await reopened(create_user, testid, noted[-1], name="Ada")
    assert again.selected == 1 and doc.slide_ids(again.person)[1] == ids[4]
