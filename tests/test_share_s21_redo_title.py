"""Share mode: one person's undo then redo of a duplicate (or an added or split slide) brings back every
slide text: the copied words and what someone else typed into the copy meanwhile.

A report had the copy's title reading only the other person's typing after redo; the slide it duplicated
(the sample's last content slide) has no title, so "" + " w7" was the right reading. These tests pin the
behaviour with a titled slide and over random sessions."""
from __future__ import annotations

import copy
import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.app.document import EditError
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument
from studio.share.document import SharedDocument
from studio.slide import Slide
from property_examples import examples
from test_share_s21_undo_texts import GROUPED, _people, _step


@pytest.mark.parametrize("copied", [6, 7])  # 6: a titled slide; 7: the sample's last content slide, untitled
def test_redo_of_a_grouped_duplicate_brings_back_the_copied_title_with_anothers_typing(copied):
    doc = CoDocument(sample_carousel())
    ada, bob = _people(doc)
    title, body = doc.carousel.slides[copied].title, doc.carousel.slides[copied].body
    doc.duplicate_slide(copied, origin=ada)
    doc.set_slide_text(copied + 1, title=title + " w7", origin=bob)
    doc.delete_slide(0, origin=ada)  # grouped with the duplicate: one undo step
    doc.add_slide(3, origin=bob)
    doc.add_slide(4, origin=bob)
    copy_at = copied + 2  # one slide fewer before it, two more
    before = copy.deepcopy(doc.carousel)
    assert (before.slides[copy_at].title, before.slides[copy_at].body) == (title + " w7", body)
    assert doc.undo(origin=ada)
    assert len(doc.carousel.slides) == len(before.slides)  # the copy out, the cover back
    assert title + " w7" not in [s.title for s in doc.carousel.slides]
    assert doc.redo(origin=ada)
    assert doc.carousel == before
    doc.set_slide_text(copy_at, title=doc.carousel.slides[copy_at].title + " w27", origin=bob)
    assert doc.carousel.slides[copy_at].title == title + " w7 w27"
    assert doc.replica(ada).carousel() == doc.replica(bob).carousel() == doc.hub.carousel()


@pytest.mark.parametrize("edit, new", [("duplicate_slide", 4), ("add_slide", 3), ("split_slide", 4)])
def test_undo_and_redo_of_one_new_slide_restores_every_text_with_anothers_typing(edit, new):
    doc = CoDocument(sample_carousel())
    ada, bob = _people(doc, capture_ms=0)
    count = len(doc.carousel.slides)
    getattr(doc, edit)(3, origin=ada)  # the new slide is at ``new``
    assert len(doc.carousel.slides) == count + 1
    typed = {"title": doc.carousel.slides[new].title + " Bob", "body": "Bob: " + doc.carousel.slides[new].body}
    doc.set_slide_text(new, **typed, origin=bob)
    before = copy.deepcopy(doc.carousel)
    assert doc.undo(origin=ada) and len(doc.carousel.slides) == count
    assert doc.redo(origin=ada)
    assert doc.carousel == before
    assert (doc.carousel.slides[new].title, doc.carousel.slides[new].body) == (typed["title"], typed["body"])


@pytest.mark.parametrize("again", [False, True])  # True: on the slide a redo brought back
def test_undo_by_a_replica_that_had_not_yet_taken_in_anothers_typing_keeps_it_for_the_redo(again):
    hub = SharedDocument(sample_carousel())
    ada, bob = hub.replica("ada", capture_ms=0), hub.replica("bob", capture_ms=0)
    carousel = ada.carousel()
    ada.commit(dataclasses.replace(carousel, slides=[*carousel.slides[:2], Slide(title="Fresh"), *carousel.slides[2:]]))
    bob.pull()
    slide = bob.slide_ids()[2]
    if again:
        assert ada.undo() and ada.redo()
        bob.pull()
    bob.edit_text(slide, "title", [(5, 5, " idea")])  # Ada has not taken this in when she undoes
    assert ada.undo() and slide not in hub.slide_ids()
    assert ada.redo()
    bob.pull()
    assert hub.text(slide, "title") == ada.text(slide, "title") == bob.text(slide, "title") == "Fresh idea"


OPS = ["title", "body", "key", "add_slide", "duplicate_slide", "delete_slide", "move_slide", "split_slide",
       "merge_with_next", "undo", "redo"]
STEP = st.tuples(st.integers(0, 1), st.sampled_from(OPS), st.integers(0, 30), st.integers(0, 30))


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(STEP, max_size=16), st.sampled_from([GROUPED, 0]), st.integers(1, 3))
def test_undo_then_redo_by_one_person_with_nobody_else_typing_gives_back_the_same_carousel(steps, capture_ms, back):
    doc = CoDocument(sample_carousel())
    people = _people(doc, capture_ms)
    for k, (who, op, i, j) in enumerate(steps):
        try:
            _step(doc, people[who], op, i, j, f" w{k}")
        except EditError:
            continue
    ada = people[0]
    before = copy.deepcopy(doc.carousel)
    undone = sum(doc.undo(origin=ada) for _ in range(back))
    for _ in range(undone):
        assert doc.redo(origin=ada)
    assert doc.carousel == before
    assert all(doc.replica(person).carousel() == before for person in people)
