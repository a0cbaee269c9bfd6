"""Share mode, a box that sends whole values (no versions: NiceGUI's simulated browser, a page without scripts): typing
the word someone just undid keeps it. ``sync.type_into`` took the recent text needing the fewest changes as the one
typed on, which was the text still holding the undone word (no change at all), so the new typing read as those
letters, deleted since, and vanished whole. A box sends only a value it changed, so a text equal to it is not a
candidate now. (Still rough, found by test_share_s22_hunt: a whole new word differing by one letter from the undone
one, sent in one value, keeps only that letter.)"""
from __future__ import annotations

from studio.app import Person
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument, _put


def test_typing_the_word_someone_just_undid_keeps_it():
    doc = CoDocument(sample_carousel())
    ada, bob = Person(name="Ada"), Person(name="Bob")
    for person in (ada, bob):
        _put(doc._replicas, person, doc.hub.replica(f"person-{person.name}", capture_ms=0))
    body = doc.carousel.slides[1].body
    doc.set_slide_text(1, body="Great " + body, origin=ada)
    assert doc.undo(origin=ada)
    assert doc.replica(bob).text(doc.slide_ids(bob)[1], "body") == body  # Bob's box shows the undone text
    doc.set_slide_text(1, body="Great " + body, origin=bob)
    assert doc.carousel.slides[1].body == "Great " + body
