"""Typing kept across a reload whose slide is gone: never written over another slide's words by place (an empty box
after a restart), the notice quotes what the box read whole (it quoted fragments, or the slide's whole text for a
deletion), says nothing when the typing is already in the deleted slide, and a text changed at many places (its
punctuation made full-width) is still found as the slide's own."""
from __future__ import annotations

import random

from components.shared_text import Unanswered, put_back_plain
from studio.app import Document
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument


class Person:
    def __init__(self, name: str, slide: int = 0) -> None:
        self.name, self.slide = name, slide


def _typing(index: int, base: str, value: str, field: str) -> Unanswered:
    return Unanswered(key="k", page="page-1", project=None, slide="", index=index, field=field, base=base, sent=None,
                      seq=0, value=value)


def _cjk(size: int) -> str:
    r, chars, text = random.Random(1), [chr(0x4E00 + k) for k in range(2_500)], ""
    while len(text) < size:
        text += "".join(r.choices(chars, k=r.randint(6, 16))) + r.choice([",", ",", "."])
    return text


def test_an_empty_box_typed_in_before_a_restart_never_replaces_the_words_now_in_its_place():
    doc = Document(sample_carousel())
    doc.set_slide_alt_text(4, "Chart of weekly signups, up 40% since March")
    doc.move_slide(4, 1)
    told = put_back_plain(doc, _typing(1, "", "a photo of my desk", "alt_text"), None)
    assert doc.carousel.slides[1].alt_text == "Chart of weekly signups, up 40% since March"
    assert "“a photo of my desk”" in told


def test_an_empty_box_still_empty_in_its_place_takes_the_typing():
    doc = Document(sample_carousel())
    assert put_back_plain(doc, _typing(1, "", "a photo of my desk", "alt_text"), None) is None
    assert doc.carousel.slides[1].alt_text == "a photo of my desk"


def test_the_notice_for_a_deleted_slide_quotes_what_the_box_read_whole():
    doc, ada, bob = CoDocument(sample_carousel()), Person("ada", 2), Person("bob")
    slide, seen = doc.slide_ids(ada)[2], doc.carousel.slides[2].body
    typed = "Most carousels lose readers in the first second: " + seen[len(seen) // 2:]
    doc.delete_slide(2, origin=bob)
    told = doc.put_back(slide, "body", [seen], typed, 2, origin=ada)
    assert f"“{typed}”" in told and "slide 3" in told


def test_typing_already_made_in_a_slide_deleted_since_is_not_told_as_lost():
    doc, ada, bob = CoDocument(sample_carousel()), Person("ada", 2), Person("bob")
    slide = doc.slide_ids(ada)[2]
    typed = doc.carousel.slides[2].body + " (and sign it)"
    doc.set_slide_text(2, body=typed, origin=ada)
    doc.delete_slide(2, origin=bob)
    assert doc.put_back(slide, "body", [typed], typed, 2, origin=ada) is None
    doc.undo(origin=bob)
    assert doc.carousel.slides[2].body.count("(and sign it)") == 1


def test_plain_typing_on_a_text_whose_punctuation_changed_at_every_phrase_is_put_back():
    body = _cjk(3_000)
    doc = Document(sample_carousel())
    doc.set_slide_text(1, body=body)
    doc.set_slide_text(1, body=body.replace(",", "，").replace(".", "。"))
    assert put_back_plain(doc, _typing(1, body, body + "我们下周再见.", "body"), body) is None
    assert doc.carousel.slides[1].body.count("我们下周再见") == 1


def test_share_typing_after_a_restart_on_a_text_whose_punctuation_changed_is_put_back_once():
    body = _cjk(3_000)
    first, ada = CoDocument(sample_carousel()), Person("ada", 1)
    first.set_slide_text(1, body=body, origin=ada)
    old_id = first.slide_ids(ada)[1]
    doc = CoDocument(first.carousel)
    doc.set_slide_text(1, body=body.replace(",", "，").replace(".", "。"), origin=Person("bob"))
    assert doc.put_back(old_id, "body", [body, body + "我们下周再见."], body + "我们下周再见.", 1,
                        origin=Person("ada", 1)) is None
    assert doc.carousel.slides[1].body.count("我们下周再见") == 1
