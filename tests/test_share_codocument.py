"""CoDocument: the application's Document in share mode, merging people's edits through their replicas."""
from __future__ import annotations

from studio.app import Person
from studio.app.events import ProjectSwitched, SlideChanged
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument


def people():
    return Person(name="Ada"), Person(name="Bob")


def test_two_people_typing_into_one_box_keep_every_character():
    doc = CoDocument(sample_carousel())
    ada, bob = people()
    title = doc.carousel.slides[1].title
    doc.set_slide_text(1, title=title + " and Ada", origin=ada)
    doc.set_slide_text(1, title="Bob: " + title, origin=bob)  # Bob's box did not show Ada's words yet
    assert doc.carousel.slides[1].title == "Bob: " + title + " and Ada"


def test_the_outro_texts_and_the_project_name_merge_character_by_character():
    doc = CoDocument(sample_carousel())
    ada, bob = people()
    headline, name = doc.carousel.cta.headline, doc.carousel.name
    doc.set_cta(headline=headline + " now", origin=ada)
    doc.set_cta(headline="Go: " + headline, link="https://example.org", origin=bob)  # Bob had not seen " now"
    doc.rename(name + " (Ada)", origin=ada)
    doc.rename("Bob's " + name, origin=bob)  # nor Ada's new name
    cta = doc.carousel.cta
    assert (cta.headline, cta.link) == ("Go: " + headline + " now", "https://example.org")
    assert doc.carousel.name == "Bob's " + name + " (Ada)"
    assert doc.undo(origin=bob)  # Bob's own typing goes, Ada's stays
    assert doc.carousel.name == name + " (Ada)" and doc.carousel.cta.headline == headline + " now"
    doc.set_cta(button="", origin=ada)
    assert doc.carousel.cta.button == ""


def test_a_keystroke_taken_through_a_channel_shows_in_the_merged_carousel_and_reaches_everyone():
    doc = CoDocument(sample_carousel())
    ada, bob = people()
    heard = []
    doc.subscribe(heard.append)
    carousel, body = doc.carousel, doc.carousel.slides[1].body
    slide = doc.slide_ids(bob)[1]
    doc.replica(ada).edit_text(slide, "body", [(0, 0, "Ada: ")])  # as a Channel makes a browser's keystroke
    doc.took_edit(slide, "body", origin=ada)
    assert doc.carousel is carousel and doc.carousel.slides[1].body == "Ada: " + body  # autosave's object
    assert doc.replica(bob).text(slide, "body") == "Ada: " + body
    assert (heard[-1].origin, heard[-1].slide) == (ada, 1)
    assert doc.carousel == doc.hub.carousel()  # the same as reading the whole merged document


def test_every_edit_is_announced_with_who_made_it_and_the_carousel_is_the_merged_one():
    doc = CoDocument(sample_carousel())
    ada, bob = people()
    heard = []
    doc.subscribe(heard.append)
    doc.set_setting("theme", "midnight" if doc.carousel.theme != "midnight" else "paper", origin=ada)
    doc.set_typography(title_size=44, origin=bob)
    assert [c.origin for c in heard] == [ada, bob]
    assert doc.carousel.typography.title_size == 44 and doc.carousel.theme in ("midnight", "paper")


def test_undo_is_per_person():
    doc = CoDocument(sample_carousel())
    ada, bob = people()
    count = len(doc.carousel.slides)
    doc.delete_slide(3, origin=ada)
    doc.set_slide_text(0, body="Bob typed this", origin=bob)
    assert doc.undo(origin=bob)  # Bob's typing goes; Ada's delete stays
    assert len(doc.carousel.slides) == count - 1 and doc.carousel.slides[0].body != "Bob typed this"
    assert doc.undo(origin=ada)  # Ada's own undo brings her slide back
    assert len(doc.carousel.slides) == count
    assert not doc.undo(origin=Person(name="Cy"))  # someone who did nothing has nothing to undo
    assert doc.redo(origin=ada) and len(doc.carousel.slides) == count - 1


def test_deleting_the_slide_someone_is_on_tells_them_who_did_it():
    doc = CoDocument(sample_carousel())
    ada, bob = people()
    told: dict[str, list[str]] = {"Ada": [], "Bob": []}
    doc.on_notice(ada, told["Ada"].append)
    doc.on_notice(bob, told["Bob"].append)
    doc.slide_ids(bob)  # Bob's page is open…
    bob.slide = ada.slide = 3  # …on the slide Ada deletes
    doc.delete_slide(3, origin=ada)
    assert told == {"Ada": [], "Bob": ["Ada deleted the slide you were on."]}


def test_a_moved_slide_keeps_its_text_and_takes_the_next_keystroke_where_it_now_is():
    doc = CoDocument(sample_carousel())
    ada, bob = people()
    body = doc.carousel.slides[2].body
    moved = doc.slide_ids(bob)[2]
    last = len(doc.carousel.slides) - 2
    doc.move_slide(2, last, origin=ada)
    assert doc.slide_ids(bob)[last] == moved  # the same slide, not a copy
    doc.set_slide_text(last, body=body + "!", origin=bob)
    assert doc.carousel.slides[last].body == body + "!"


def test_loading_another_carousel_starts_everyone_afresh():
    doc = CoDocument(sample_carousel())
    ada, _ = people()
    doc.set_slide_text(1, title="Changed", origin=ada)
    fresh = sample_carousel()
    heard = []
    doc.subscribe(heard.append)
    doc.load(fresh, "p1")
    assert doc.carousel == fresh and isinstance(heard[-1], ProjectSwitched)
    doc.set_slide_text(1, body="Again", origin=ada)
    assert isinstance(heard[-1], SlideChanged) and doc.carousel.slides[1].body == "Again"


def test_autosave_stores_the_merged_document_and_many_editors_do_not_multiply_the_writes(tmp_path):
    from studio.app import Studio
    studio = Studio(tmp_path, document=CoDocument)
    doc = studio.document
    writes = []
    save = studio.store.projects.save
    studio.store.projects.save = lambda *a, **k: writes.append(1) or save(*a, **k)
    people = [Person(name=n) for n in ("Ada", "Bob", "Cy")]
    for n, who in enumerate(people):  # the sample becomes a project on its first edit
        doc.set_slide_text(1 + n, body="", origin=who)
    studio.autosaver.flush()
    writes.clear()
    for i in range(20):
        for n, who in enumerate(people):
            slide = 1 + n
            doc.set_slide_text(slide, body=doc.carousel.slides[slide].body + who.name[0], origin=who)
    studio.autosaver.flush()
    assert 1 <= len(writes) <= 3  # 60 keystrokes by 3 people: saved once they pause, not 60 times
    saved = studio.store.projects.load(doc.project_id)
    assert [s.body for s in saved.slides[1:4]] == ["A" * 20, "B" * 20, "C" * 20] == \
        [s.body for s in doc.carousel.slides[1:4]]
    studio.close()


def test_an_event_concerns_only_the_pages_showing_its_project(tmp_path):
    """Per-person projects: what happens on one project does not redraw pages on another."""
    from studio.app import Studio
    from studio.app.events import Saved
    from studio.share.desks import Desks, concerns

    studio = Studio(tmp_path, document=CoDocument)
    desks = Desks(studio)
    ada, bob = desks.person(), desks.person()
    heard = []
    studio.subscribe(heard.append)
    bob.projects.new()  # Bob alone on a project of his own
    ada.document.set_slide_text(0, body="Ada's words", origin=Person(name="Ada"))
    bob.document.set_slide_text(0, body="Bob's words", origin=Person(name="Bob"))
    changes = [e for e in heard if not isinstance(e, Saved)]
    assert [concerns(e, ada.document) for e in changes] == [False, True, False]  # Bob's move, Ada's, Bob's
    assert [concerns(e, bob.document) for e in changes] == [True, False, True]
    assert concerns(Saved(str(ada.document.project_id)), ada.document)
    assert not concerns(Saved(str(ada.document.project_id)), bob.document)
    studio.close()


def test_typing_a_page_never_heard_answered_is_made_once_on_its_slide():
    """A page loaded again sends what its box had not heard answered (``put_back``): made on the text now,
    merged with Bob's typing since, never twice."""
    doc = CoDocument(sample_carousel())
    ada, bob = people()
    slide, body = doc.slide_ids(ada)[2], doc.carousel.slides[2].body
    doc.set_slide_text(2, body=body + " (Bob)", origin=bob)
    doc.put_back(slide, "body", [body], "Ada: " + body, origin=ada)  # the server never got it
    assert doc.carousel.slides[2].body == "Ada: " + body + " (Bob)"
    sent = "Ada: " + body
    doc.put_back(slide, "body", [sent], "Ada, again: " + body, origin=ada)  # "Ada: " was made already
    assert doc.carousel.slides[2].body == "Ada, again: " + body + " (Bob)"


def test_after_a_restart_typing_sent_and_maybe_made_is_made_once_on_the_slide_found_by_its_text():
    """After a restart nobody knows if the text a box sent was made, and slide ids are new: the slide is found
    by its text and the closer of the two texts is taken, so nothing doubles and nothing is dropped."""
    doc = CoDocument(sample_carousel())
    ada, bob = people()
    body = doc.carousel.slides[3].body
    sent, value = body + " one", body + " one two"
    doc.set_slide_text(3, body=sent, origin=bob)  # the server made "one" (and saved it) before it stopped
    doc.put_back("gone-slide-id", "body", [body, sent], value, near=0, origin=ada)
    assert doc.carousel.slides[3].body == value
    title = doc.carousel.slides[1].title
    doc.put_back("gone-slide-id", "title", [title, title + "!"], title + "!?", near=1, origin=ada)  # not made
    assert doc.carousel.slides[1].title == title + "!?"


def test_the_outro_headline_typed_and_never_answered_is_made_too():
    doc = CoDocument(sample_carousel())
    ada, _ = people()
    headline = doc.carousel.cta.headline
    doc.put_back("cta", "headline", [headline], headline + " today", origin=ada)
    assert doc.carousel.cta.headline == headline + " today"
    doc.put_back("cta", "link", [""], "https://example.org", origin=ada)  # not a text merged this way
    assert doc.carousel.cta.link != "https://example.org"
