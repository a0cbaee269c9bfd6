"""The strip's Delete, Duplicate, Split and Merge act on the slide the person's page showed when they clicked: two
people pressing Delete on one slide at once delete that slide only, never the slide that took its place."""
from __future__ import annotations

import pytest

from studio.app.document import Document, EditError
from studio.app.sample import sample_carousel
from test_share_ui import ada_and_bob  # noqa: F401 - the fixture: Ada and Bob on one shared project
from ui_helpers import trigger, until

pytestmark = pytest.mark.nicegui_main_file("tests/share_main.py")


def titles(doc) -> list[str]:
    return [s.title or s.body[:20] for s in doc.carousel.slides]


# -- the core: two people's clicks on one slide, made one after the other ------------------------------------------

def test_two_deletes_of_one_slide_delete_it_once_and_say_so():
    doc = Document(sample_carousel())
    before = titles(doc)
    seen = doc.carousel.slides[3]  # both saw slide 4 selected
    doc.delete_slide(3, slide=seen)
    with pytest.raises(EditError) as told:
        doc.delete_slide(3, slide=seen)  # the second click, sent before its page heard of the first
    assert "that slide a moment ago; nothing else was deleted" in str(told.value)
    assert titles(doc) == before[:3] + before[4:]


@pytest.mark.parametrize("action", ["duplicate_slide", "split_slide", "merge_with_next"])
def test_an_action_on_a_slide_deleted_meanwhile_does_nothing(action):
    doc = Document(sample_carousel())
    doc.carousel.slides[4].body = "One paragraph here.\n\nAnother paragraph there."
    seen = doc.carousel.slides[3]
    doc.delete_slide(3, slide=seen)
    after = [(s.title, s.body) for s in doc.carousel.slides]
    with pytest.raises(EditError, match="that slide a moment ago; nothing was"):
        getattr(doc, action)(3, slide=seen)
    assert [(s.title, s.body) for s in doc.carousel.slides] == after


def test_an_action_finds_its_slide_where_it_went():
    doc = Document(sample_carousel())
    seen = doc.carousel.slides[3]
    doc.delete_slide(1)  # someone else's delete: the slide seen is third now
    doc.duplicate_slide(3, slide=seen)
    assert doc.carousel.slides[2] is seen and doc.carousel.slides[3] == seen


def test_a_merge_whose_next_slide_changed_is_refused():
    doc = Document(sample_carousel())
    first, then = doc.carousel.slides[2], doc.carousel.slides[3]
    doc.delete_slide(3)  # the slide after it is another now
    after = [(s.title, s.body) for s in doc.carousel.slides]
    with pytest.raises(EditError, match="slide after this one changed"):
        doc.merge_with_next(2, slide=first, then=then)
    assert [(s.title, s.body) for s in doc.carousel.slides] == after
    doc.merge_with_next(2, slide=first, then=doc.carousel.slides[3])  # as seen now: merged
    assert len(doc.carousel.slides) == len(after) - 1


# -- share mode: two browsers ------------------------------------------------------------------------------------

def shown(user, testid) -> dict:
    """What the page's click sends: the names its bar holds (assets: ``SAY_SHOWN``)."""
    (bar,) = testid(user, "strip-bar")
    return {"slide": bar.props.get("data-cs-shown"), "next": bar.props.get("data-cs-next")}


async def on_slide_4(ada, bob, testid) -> tuple[dict, dict]:
    for person in (ada, bob):
        trigger(person, testid(person, "slide-thumb")[3], "click")
    await until(lambda: shown(ada, testid)["slide"] and shown(ada, testid) == shown(bob, testid))
    return shown(ada, testid), shown(bob, testid)


async def test_two_people_deleting_one_slide_at_once_delete_one_slide(ada_and_bob, testid):  # noqa: F811
    ada, bob, studio = ada_and_bob
    before = titles(studio.document)
    ada_saw, bob_saw = await on_slide_4(ada, bob, testid)
    trigger(ada, testid(ada, "delete-slide")[0], "click", ada_saw)
    trigger(bob, testid(bob, "delete-slide")[0], "click", bob_saw)  # left before Bob's page heard of Ada's
    await until(lambda: len(titles(studio.document)) == len(before) - 1)
    assert titles(studio.document) == before[:3] + before[4:]
    notices = [m for u in (ada, bob) for m in u.notify.messages]
    assert "Ada Lovelace deleted that slide a moment ago; nothing else was deleted." in notices


async def test_a_duplicate_of_a_slide_deleted_at_once_copies_no_other(ada_and_bob, testid):  # noqa: F811
    ada, bob, studio = ada_and_bob
    before = titles(studio.document)
    ada_saw, bob_saw = await on_slide_4(ada, bob, testid)
    trigger(ada, testid(ada, "delete-slide")[0], "click", ada_saw)
    trigger(bob, testid(bob, "duplicate-slide")[0], "click", bob_saw)
    await until(lambda: len(titles(studio.document)) == len(before) - 1)
    assert titles(studio.document) == before[:3] + before[4:]
    notices = [m for u in (ada, bob) for m in u.notify.messages]
    assert "Ada Lovelace deleted that slide a moment ago; nothing was duplicated." in notices


async def test_a_merge_after_someone_deleted_the_next_slide_is_refused(ada_and_bob, testid):  # noqa: F811
    ada, bob, studio = ada_and_bob
    ada_saw, bob_saw = await on_slide_4(ada, bob, testid)
    trigger(ada, testid(ada, "slide-thumb")[4], "click")
    await until(lambda: shown(ada, testid)["slide"] == bob_saw["next"])
    trigger(ada, testid(ada, "delete-slide")[0], "click", shown(ada, testid))  # Ada deletes slide 5
    await until(lambda: len(studio.document.carousel.slides) == len(titles(studio.document)) and
                studio.document.slide_ids(None)[4:5] != [bob_saw["next"]])
    after = titles(studio.document)
    trigger(bob, testid(bob, "merge-slide")[0], "click", bob_saw)  # Bob's merge left before he heard of it
    assert titles(studio.document) == after
    assert any("slide after this one changed" in m for u in (ada, bob) for m in u.notify.messages)
