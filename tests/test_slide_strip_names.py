"""Each slide in the strip has a name the page sends with every move (its item's ``data-slide``), so a press or a
drop that reaches the server after someone else's move, or an import, moves the slide the person meant, never the
one that now stands where they saw it. Each thumbnail is named for a screen reader ("Slide 3 of 9: <title>"), and
this person's move is said in a live region."""
from __future__ import annotations

import pytest

from test_slide_strip_keys import person, slide_name, strip_row, told
from ui_helpers import trigger, until


def labels(user, testid) -> list[str]:
    with user:
        return [t.props["aria-label"] for t in testid(user, "slide-thumb")]


def said(user, testid) -> str:
    with user:
        return testid(user, "strip-status")[0].text.strip()


async def test_the_first_press_names_its_slide_not_the_place_it_was_seen(studio, testid):
    """Another browser moves a slide in front of the one this person focused before their first Alt+Right reaches
    the server: their slide moves one place on from where it now is; the slide now at the index they saw stays."""
    doc = studio.shared.document
    name = slide_name(studio, testid, 1)
    mine = doc.carousel.slides[1]
    doc.move_slide(4, 0)  # someone else's move, before the press arrives
    assert doc.carousel.slides[2] is mine
    there = doc.carousel.slides[1]
    trigger(studio, strip_row(studio, testid), "reorder", {"slide": name, "step": 1, "key": 1})
    assert doc.carousel.slides[3] is mine and doc.carousel.slides[1] is there
    await until(lambda: told(studio, testid) == {"slide": 3, "seq": 1})
    assert strip_row(studio, testid).props["focus"]["slide"] == name


async def test_a_drop_moves_the_slide_it_names(studio, testid):
    """A drag let go after an import changed the slides: the dragged slide goes to the place, or nothing moves
    when it is gone."""
    doc = studio.shared.document
    name = slide_name(studio, testid, 2)
    mine = doc.carousel.slides[2]
    doc.move_slide(2, 0)  # someone else's move meanwhile
    trigger(studio, strip_row(studio, testid), "reorder", {"old_index": 2, "new_index": 3, "slide": name})
    assert doc.carousel.slides[3] is mine
    gone = slide_name(studio, testid, 1)
    doc.delete_slide(1)
    order = list(doc.carousel.slides)
    trigger(studio, strip_row(studio, testid), "reorder", {"old_index": 1, "new_index": 3, "slide": gone})
    assert list(doc.carousel.slides) == order


async def test_a_slide_keeps_its_name_across_drawings_and_no_two_share_one(studio, testid):
    doc = studio.shared.document
    names = [slide_name(studio, testid, i) for i in range(len(doc.carousel.slides))]
    assert len(set(names)) == len(names)
    doc.move_slide(1, 3)
    await until(lambda: slide_name(studio, testid, 3) == names[1])
    assert [slide_name(studio, testid, i) for i in range(len(names))] == names[:1] + names[2:4] + names[1:2] + \
        names[4:]


NEVER_SENT = [{"slide": 3, "step": 1, "key": 1}, {"slide": "s1", "step": 2, "key": 1},
              {"slide": "s1", "step": True, "key": 1}, {"slide": "s1", "step": 1, "key": "1"},
              {"slide": "nobody", "step": 1, "key": 1}]


async def test_a_press_the_page_never_sends_moves_nothing(studio, testid):
    """Each in turn on one page (each moves nothing, so the page stays as opened: one page build, not five)."""
    doc = studio.shared.document
    order = list(doc.carousel.slides)
    for args in NEVER_SENT:
        trigger(studio, strip_row(studio, testid), "reorder", args)
        assert list(doc.carousel.slides) == order, args


async def test_each_thumbnail_is_named_by_its_place_and_title(studio, testid):
    doc = studio.shared.document
    doc.set_slide_text(1, title="  Ship\nit   today ")
    doc.set_slide_text(2, title="", body="\n\nFirst line of the body\nsecond line")
    doc.add_slide(3)
    doc.set_slide_text(3, title="", body="")
    doc.add_slide(4)
    n = len(doc.carousel.slides)
    await until(lambda: len(labels(studio, testid)) == n and labels(studio, testid)[3].endswith("empty slide"))
    got = labels(studio, testid)
    assert got[1] == f"Slide 2 of {n}: Ship it today"
    assert got[2] == f"Slide 3 of {n}: First line of the body"
    assert got[3] == f"Slide 4 of {n}: empty slide"
    assert got[-1] == f"Slide {n} of {n}: call to action (outro)"
    assert got[4] == f"Slide 5 of {n}: New slide"
    assert all(label.startswith(f"Slide {i + 1} of {n}: ") for i, label in enumerate(got))
    with studio:
        thumbs = testid(studio, "slide-thumb")
        assert "Alt+Left" in thumbs[1].props["aria-description"]
        assert "Alt+Left" not in thumbs[-1].props["aria-description"]  # the outro stays last


async def test_a_move_is_said_and_said_again_when_the_words_repeat(studio, testid):
    """A live region says only a change: the same move again (after an undo) still changes its text."""
    doc = studio.shared.document
    doc.set_slide_text(1, title="Price it by value")
    n = len(doc.carousel.slides)
    name = slide_name(studio, testid, 1)

    def status() -> str:
        with studio:
            return testid(studio, "strip-status")[0].text

    trigger(studio, strip_row(studio, testid), "reorder", {"slide": name, "step": 1, "key": 1})
    await until(lambda: status().startswith("Moved"))
    first = status()
    assert first.strip() == f"Moved “Price it by value” to slide 3 of {n}."
    doc.undo()
    trigger(studio, strip_row(studio, testid), "reorder", {"slide": slide_name(studio, testid, 1), "step": 1,
                                                           "key": 2})
    assert status().strip() == first.strip() and status() != first


@pytest.mark.nicegui_main_file("tests/share_main.py")
async def test_someone_elses_move_is_not_said_on_this_page(studio_data, create_user, testid):
    from components.app import current_studio
    ada = await person(create_user, "Ada")
    bob = await person(create_user, "Bob")
    doc = current_studio().document
    await until(lambda: len(testid(bob, "slide-thumb")) == len(doc.carousel.slides) > 3)
    trigger(ada, strip_row(ada, testid), "reorder", {"slide": slide_name(ada, testid, 1), "step": 1, "key": 1})
    await until(lambda: said(ada, testid).startswith("Moved"))
    assert said(bob, testid) == ""
