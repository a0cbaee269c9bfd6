"""Typing kept in a tab across a reload lands on its own slide (found by its id in share mode, by its text in the
plain studio, nearest its old place), never on another slide: when its slide was deleted or taken out meanwhile,
nothing is made and the words are returned to be shown. Before, the slide whose text was nearest took them."""
from __future__ import annotations

from components.shared_text import Made, Unanswered, put_back_plain
from studio.app import Document
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument


def _typing(index: int, base: str, value: str, field: str = "body", slide: str = "") -> Unanswered:
    return Unanswered(key=f"k-{slide}-{index}", page="page-1", project=None, slide=slide, index=index, field=field,
                      base=base, sent=None, seq=0, value=value)


def _texts(doc) -> list[tuple[str, str, str]]:
    return [(s.title, s.body, s.alt_text) for s in doc.carousel.slides]


def test_plain_typing_for_a_slide_deleted_meanwhile_is_shown_not_put_on_another_slide():
    doc, made = Document(sample_carousel()), Made()
    made.page("page-1")
    body = doc.carousel.slides[2].body
    doc.delete_slide(2)
    before = _texts(doc)
    lost = _typing(2, body, body + " my last words")
    told = put_back_plain(doc, lost, made.heard_last(lost))
    assert _texts(doc) == before
    assert "my last words" in told and "slide 3" in told and "is gone" in told


def test_plain_typing_after_a_restart_for_a_deleted_slide_is_shown_and_a_moved_one_found_by_its_text():
    doc, made = Document(sample_carousel()), Made()
    title, body = doc.carousel.slides[1].title, doc.carousel.slides[3].body
    doc.move_slide(1, 4)
    doc.delete_slide(3 - 1)  # slide 4 (now at 3) deleted
    before = _texts(doc)
    gone = _typing(3, body, "Typed at the start. " + body)
    assert made.heard_last(gone) is None  # this server never knew the page (restarted)
    told = put_back_plain(doc, gone, None)
    assert _texts(doc) == before and "Typed at the start." in told
    moved = _typing(1, title, title + " (moved)", field="title")
    assert put_back_plain(doc, moved, None) is None
    assert [s.title for s in doc.carousel.slides].index(title + " (moved)") == 3


def test_plain_typing_in_an_empty_box_goes_by_its_place_and_is_shown_when_that_place_is_gone():
    doc, made = Document(sample_carousel()), Made()
    made.page("page-1")
    doc.set_slide_alt_text(1, "")
    count = len(doc.carousel.slides)
    assert put_back_plain(doc, _typing(1, "", "a photo of", field="alt_text"), "") is None
    assert doc.carousel.slides[1].alt_text == "a photo of"
    before = _texts(doc)
    told = put_back_plain(doc, _typing(count, "", "words", field="alt_text"), "")
    assert _texts(doc) == before and "words" in told


def _share() -> tuple[CoDocument, list[str]]:
    doc = CoDocument(sample_carousel())
    return doc, doc.hub.slide_ids()


def test_share_typing_for_a_slide_deleted_meanwhile_is_shown_not_put_on_the_slide_nearest_by_text():
    doc, ids = _share()
    body = doc.hub.text(ids[2], "body")
    doc.set_slide_text(3, body=body, origin="bob")  # another slide reads the same: the nearest by its text
    doc.delete_slide(2, origin="bob")
    before = _texts(doc)
    told = doc.put_back(ids[2], "body", [body], body + " my last words", near=2, origin="ada")
    assert _texts(doc) == before
    assert "my last words" in told and "is gone" in told


def test_share_typing_for_a_slide_an_undo_took_out_is_shown():
    doc, ids = _share()
    doc.add_slide(1, origin="bob")
    (added,) = set(doc.hub.slide_ids()) - set(ids)
    doc.set_slide_text(doc.hub.slide_ids().index(added), body="Bob's new slide", origin="bob")
    doc.undo(origin="bob")
    doc.undo(origin="bob")
    assert added not in doc.hub.slide_ids()
    before = _texts(doc)
    told = doc.put_back(added, "body", ["Bob's new slide"], "Bob's new slide, and Ada's words", near=2, origin="ada")
    assert _texts(doc) == before and "and Ada's words" in told


def test_share_typing_after_a_restart_lands_on_its_moved_slide_by_text_and_is_shown_when_it_is_gone():
    doc, ids = _share()
    title, body = doc.hub.text(ids[1], "title"), doc.hub.text(ids[3], "body")
    doc.move_slide(1, 4, origin="bob")
    doc.delete_slide(2, origin="bob")  # slide 4 (now at 3)
    before = _texts(doc)
    told = doc.put_back("renamed-by-restart", "body", [body], body + " never placed", near=3, origin="ada")
    assert _texts(doc) == before and "never placed" in told
    assert doc.put_back("renamed-by-restart", "title", [title], title + " (moved)", near=1, origin="ada") is None
    assert [s.title for s in doc.carousel.slides].index(title + " (moved)") == 3
