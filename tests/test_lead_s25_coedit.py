"""Split and Merge are held back only for someone ELSE typing now: the presser's own typing reached the server
before their click, so none of it can be torn; the message names everyone typing."""
from __future__ import annotations

import pytest

from studio.app import Person
from studio.app.edit_history import EditError
from studio.share.codocument import CoDocument
from test_coedit_s25_structure import BODY, Browser, carousel


def test_the_presser_typing_the_next_slides_title_can_merge_it():
    doc = CoDocument(carousel(["Before it.", "Ada's slide."]))
    ada = Person(name="Ada")
    ids = doc.slide_ids(ada)
    browser = Browser(doc, ada, ids[2], "title")
    browser.type(" fixed")
    browser.settle()
    doc.merge_with_next(1, origin=ada, slide=ids[1], then=ids[2])
    assert [(s.title, s.body) for s in doc.carousel.slides[1:]] == [
        ("Slide 2", "Before it.\n\nSlide 3 fixed\n\nAda's slide.")]


def test_the_presser_typing_in_one_half_and_another_in_the_other_is_not_held_back():
    doc = CoDocument(carousel([BODY]))
    ada, bob = Person(name="Ada"), Person(name="Bob")
    slide = doc.slide_ids(bob)[1]
    end, start = Browser(doc, bob, slide), Browser(doc, ada, slide)
    end.type("<0>")
    start.type("<1>", at_end=False)
    end.settle(), start.settle()
    doc.split_slide(1, origin=ada, slide=slide)
    texts = [s.body for s in doc.carousel.slides]
    assert len(texts) == 3 and sum(t.count("<0>") for t in texts) == 1 == sum(t.count("<1>") for t in texts)


def test_the_message_names_everyone_typing_now():
    doc = CoDocument(carousel([BODY]))
    ada, bob, cy, dan = (Person(name=n) for n in ("Ada", "Bob", "Cy", "Dan"))
    slide = doc.slide_ids(bob)[1]
    browsers = [Browser(doc, bob, slide), Browser(doc, dan, slide), Browser(doc, cy, slide)]
    browsers[0].type("<0>", at_end=False)
    browsers[1].type("<1>", at_end=False)
    browsers[2].type("<2>")
    for browser in browsers:
        browser.settle()
    with pytest.raises(EditError) as refused:
        doc.split_slide(1, origin=ada, slide=slide)
    said = str(refused.value)
    assert all(name in said for name in ("Bob", "Cy", "Dan")) and ", " in said, said


def test_a_split_keeps_the_space_a_typist_just_typed_at_the_end():
    doc = CoDocument(carousel([BODY]))
    ada, bob = Person(name="Ada"), Person(name="Bob")
    slide = doc.slide_ids(bob)[1]
    browser = Browser(doc, bob, slide)
    browser.type(" And then ")
    browser.settle()
    doc.hub.clock = lambda: float("inf")
    doc.split_slide(1, origin=ada, slide=slide)
    browser.settle()
    browser.type("more")
    browser.settle()
    bodies = [s.body for s in doc.carousel.slides]
    assert bodies[1:] == ["First point 🎨, said plainly.", "Second point 👇, said at length. And then more"], bodies


def test_split_text_cuts_only_the_space_at_the_cut():
    from studio.app.slide_order import split_text
    assert split_text(" One.\n\nTwo. \n\n") == (" One.", "Two. \n\n")
    assert split_text("One.\n\nTwo.") == ("One.", "Two.")
