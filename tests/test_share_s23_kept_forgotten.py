"""Share mode: typing kept for a slide someone's undo took out waits exactly as long as the slide can come back.
It is forgotten as soon as nothing can bring the slide back (the undoer's next edit dropped their redo, their tab
the project switched: the typist was told at the time, their typing quoted), and never while it can."""
from __future__ import annotations

import dataclasses

from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument
from studio.share.document import KEPT, SharedDocument
from studio.share.sync import keep_typing
from studio.slide import Slide


def _added_then_undone(hub: SharedDocument, ada, bob, count: int = 1) -> list[str]:
    """Ada adds ``count`` slides (one undo step each), Bob hears, Ada undoes them all."""
    for n in range(count):
        carousel = ada.carousel()
        ada.commit(dataclasses.replace(carousel, slides=[*carousel.slides, Slide(title=f"Fresh {n}")]))
    bob.pull()
    added = bob.slide_ids()[-count:]
    for _ in range(count):
        assert ada.undo(who="Ada")
    bob.pull()
    assert not set(added) & set(hub.slide_ids())
    return added


def _start():
    hub = SharedDocument(sample_carousel())
    return hub, hub.replica("ada", capture_ms=0), hub.replica("bob", capture_ms=0)


def test_the_undoers_next_edit_drops_their_redo_and_the_kept_typing_with_it():
    hub, ada, bob = _start()
    (slide,) = _added_then_undone(hub, ada, bob)
    told = keep_typing(bob, slide, "title", "Fresh 0", "Fresh 0 idea")
    assert "“ idea”" in told and hub.kept
    ada.redo(who="Ada")
    ada.undo(who="Ada")  # a redo and an undo again: the slide can still come back
    bob.pull()
    keep_typing(bob, slide, "title", "Fresh 0", "Fresh 0 more")
    assert hub.kept
    ada.set_text(hub.slide_ids()[0], "title", "A new title")  # a new edit: no redo can bring the slide back
    assert hub.kept == {}
    assert not ada.redo(who="Ada") and slide not in hub.slide_ids()


def test_more_kept_typings_than_the_old_count_all_come_back_with_their_redos():
    hub, ada, bob = _start()
    slides = _added_then_undone(hub, ada, bob, KEPT + 6)
    for n, slide in enumerate(slides):
        keep_typing(bob, slide, "body", "", f"kept {n}")
    for _ in slides:
        assert ada.redo(who="Ada")
    bob.pull()
    assert [bob.text(slide, "body") for slide in slides] == [f"kept {n}" for n in range(len(slides))]
    assert hub.kept == {}


def test_switching_the_project_forgets_the_typing_kept_in_the_one_left():
    doc = CoDocument(sample_carousel())
    ada, bob = object.__new__(_Person), object.__new__(_Person)
    hub = doc.hub
    ada_replica, bob_replica = doc.replica(ada), doc.replica(bob)
    before = set(hub.slide_ids())
    doc.add_slide(1, origin=ada)
    (slide,) = set(hub.slide_ids()) - before
    assert doc.undo(origin=ada)
    bob_replica.pull()
    keep_typing(bob_replica, slide, "title", "", "typed")
    assert hub.kept
    doc.load(sample_carousel())
    assert hub.kept == {} and doc.hub is not hub


class _Person:
    name = "Person"
    slide = 0
