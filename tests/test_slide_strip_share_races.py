"""Moves that race other edits: a press or a drop crossing an import moves nothing of the imported thread; in share
mode a copy moved past its equal twin is said, focused and selected where it reads as moved; a drop lands between
the slides it was let go between, wherever others' adds have put them."""
from __future__ import annotations

import copy
import dataclasses

import pytest

from test_slide_strip_keys import person, slide_name, strip_of, strip_row, told
from ui_helpers import trigger, until


async def _ada(create_user, testid):
    from components.app import current_studio
    ada = await person(create_user, "Ada")
    doc = current_studio().document
    await until(lambda: len(testid(ada, "slide-thumb")) == len(doc.carousel.slides) > 3)
    return ada, doc


def _imported(carousel):
    new = copy.deepcopy(carousel)
    new.slides = [dataclasses.replace(s, title=f"Imported {i}", body=f"new thread post {i}")
                  if s.kind == "content" else s for i, s in enumerate(new.slides)]
    return new


@pytest.mark.nicegui_main_file("tests/share_main.py")
@pytest.mark.parametrize("how", ["press", "drop"])
async def test_share_mode_a_move_racing_an_import_moves_nothing(studio_data, create_user, testid, how):
    ada, doc = await _ada(create_user, testid)
    name = slide_name(ada, testid, 2)
    doc.replace(_imported(doc.carousel), origin=None)  # an import the page has not drawn yet
    before = [s.title for s in doc.carousel.slides]
    args = {"slide": name, "step": 1, "key": 1} if how == "press" else {"slide": name, "old_index": 2,
                                                                           "new_index": 4}
    trigger(ada, strip_row(ada, testid), "reorder", args)
    assert [s.title for s in doc.carousel.slides] == before


@pytest.mark.nicegui_main_file("tests/share_main.py")
async def test_share_mode_an_edit_keeps_its_slides_name(studio_data, create_user, testid):
    """A slide whose title is changed (not its words) is the same slide: its name stays."""
    ada, doc = await _ada(create_user, testid)
    name = slide_name(ada, testid, 2)
    doc.set_slide_text(2, title="A new title")
    await until(lambda: slide_name(ada, testid, 2) == name)
    ids = doc.slide_ids(strip_of(strip_row(ada, testid)).view.person)
    assert ids[2] == name


@pytest.mark.nicegui_main_file("tests/share_main.py")
async def test_share_mode_a_copy_moved_past_its_twin_is_said_and_focused_where_it_reads_moved(
        studio_data, create_user, testid):
    ada, doc = await _ada(create_user, testid)
    strip = strip_of(strip_row(ada, testid))
    with ada:
        strip.view.select(1)
        strip._duplicate()
    n = len(doc.carousel.slides)
    await until(lambda: len(testid(ada, "slide-thumb")) == n)
    twin = doc.carousel.slides[1]
    trigger(ada, strip_row(ada, testid), "reorder", {"slide": slide_name(ada, testid, 2), "step": -1, "key": 1})
    await until(lambda: (strip_row(ada, testid).props.get("focus") or {}).get("seq") == 1)
    with ada:
        said = testid(ada, "strip-status")[0].text.strip()
    assert told(ada, testid) == {"slide": 1, "seq": 1}
    assert f"to slide 2 of {n}" in said and strip.view.selected == 1
    assert doc.carousel.slides[1] == doc.carousel.slides[2] == twin
    # one step more: the slide now focused goes on to the front (past the cover: the server says where)
    trigger(ada, strip_row(ada, testid), "reorder", {"slide": slide_name(ada, testid, 1), "step": -1, "key": 2})
    assert doc.carousel.slides[0] == twin


async def test_a_drop_lands_between_the_slides_it_was_let_go_between(studio, testid):
    """The page shows [0, 1, C, 3, E, F, …]; C dragged to just after E (in front of F) while someone adds a slide at
    the front: C lands after E all the same."""
    doc = studio.shared.document
    slides = doc.carousel.slides
    c, e, f = slides[2], slides[4], slides[5]
    name, before = slide_name(studio, testid, 2), slide_name(studio, testid, 5)
    doc.add_slide(0)
    trigger(studio, strip_row(studio, testid), "reorder", {"old_index": 2, "new_index": 4, "slide": name,
                                                           "before": before})
    slides = doc.carousel.slides
    assert slides.index(c) == slides.index(e) + 1 == slides.index(f) - 1


async def test_a_drop_at_the_end_names_the_slide_it_follows(studio, testid):
    doc = studio.shared.document
    slides = doc.carousel.slides
    last = len(slides) - 1 - (slides[-1].kind == "outro")
    c, tail = slides[1], slides[last]
    name, after = slide_name(studio, testid, 1), slide_name(studio, testid, last)
    doc.add_slide(0)
    doc.add_slide(0)
    trigger(studio, strip_row(studio, testid), "reorder", {"old_index": 1, "new_index": last - 1, "slide": name,
                                                           "after": after})
    slides = doc.carousel.slides
    assert slides.index(c) == slides.index(tail) + 1
