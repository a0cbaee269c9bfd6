"""Share mode: typing into a slide an undo took out, when a redo has already brought it back (this page had not
heard yet), is made on the slide at once; the typist is told so, not that it "comes back if they redo"."""
from __future__ import annotations

import dataclasses

from studio.app.sample import sample_carousel
from studio.share.document import SharedDocument
from studio.share.sync import keep_typing
from studio.slide import Slide


def _taken_out():
    hub = SharedDocument(sample_carousel())
    ada, bob = hub.replica("ada", capture_ms=0), hub.replica("bob", capture_ms=0)
    carousel = ada.carousel()
    ada.commit(dataclasses.replace(carousel, slides=[*carousel.slides, Slide(title="Fresh")]))
    bob.pull()
    slide = bob.slide_ids()[-1]
    ada.undo(who="Ada")
    bob.pull()
    return hub, ada, bob, slide


def test_typing_into_a_slide_a_redo_already_brought_back_is_told_as_made():
    hub, ada, bob, slide = _taken_out()
    ada.redo(who="Ada")  # back in the document; Bob's page has not heard
    told = keep_typing(bob, slide, "title", "Fresh", "Fresh idea")
    assert hub.text(slide, "title") == "Fresh idea" and slide in hub.slide_ids()
    assert "if they redo" not in told and "brought it back" in told and "idea" in told


def test_typing_into_a_slide_still_taken_out_is_told_it_comes_back_with_a_redo():
    hub, ada, bob, slide = _taken_out()
    told = keep_typing(bob, slide, "title", "Fresh", "Fresh idea")
    assert slide not in hub.slide_ids() and "comes back if they redo" in told
    ada.redo(who="Ada")
    assert hub.text(slide, "title") == "Fresh idea"
