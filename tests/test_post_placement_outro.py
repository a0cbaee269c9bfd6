"""A last post that is only its ask is laid out on the outro (its own words there). Dragged elsewhere, it moves:
its words show once, where it was dropped; the outro goes back to its call to action's own subline; one Undo
puts it back. Words the creator typed on the outro are never taken away (the post is copied then)."""
from __future__ import annotations

import pytest
from defusedxml import ElementTree as ET

from render_helpers import carousel_of
from studio.app.document import Document
from studio.export.pages import page_svgs

SVG_TEXT = "{http://www.w3.org/2000/svg}text"
ASK = "Follow me for more threads like this."
POSTS = ["Three habits that made my mornings calm 🧵", "1) Put the phone in another room.",
         "2) Walk before you check anything. Ten minutes is enough."]
ASK_ID = "3"  # render_helpers numbers the posts from 0


def squashed(text: str) -> str:
    return "".join(text.split())


def pages_with(carousel, sentence: str) -> list[int]:
    """The pages (0-based) whose drawn text holds ``sentence``, once per time it occurs."""
    want = squashed(sentence)
    words = [squashed("".join("".join(t.itertext()) for t in ET.fromstring(svg).iter(SVG_TEXT)))
             for svg in page_svgs(carousel, scale=1)]
    return [i for i, text in enumerate(words) for _ in range(text.count(want))]


def document() -> Document:
    doc = Document(carousel_of([*POSTS, ASK]), clock=lambda: 0.0)
    outro = doc.carousel.slides[-1]
    assert (outro.kind, outro.body, outro.post_ids) == ("outro", ASK, [ASK_ID])  # as "Lay out all" puts it
    return doc


def state(doc: Document) -> list[tuple]:
    return [(s.kind, s.title, s.body, tuple(s.post_ids)) for s in doc.carousel.slides]


def outro_words(doc: Document) -> tuple[str, list[str]]:
    outro = doc.carousel.slides[-1]
    assert outro.kind == "outro"
    return outro.body, outro.post_ids


@pytest.mark.parametrize("drop", ["add", "replace"])
def test_the_ask_dropped_on_a_slide_moves_off_the_outro(drop):
    doc = document()
    before = state(doc)
    action = doc.add_post_to_slide if drop == "add" else doc.replace_slide_with_post
    assert action(ASK_ID, 1) == 1
    assert ASK_ID in doc.carousel.slides[1].post_ids and ASK in doc.carousel.slides[1].body
    assert outro_words(doc) == ("", [])
    assert len(doc.carousel.slides) == len(before)  # the outro stays: only its words left it
    assert pages_with(doc.carousel, ASK) == [1]  # once, where it was dropped
    outro_page = len(doc.carousel.slides) - 1
    assert pages_with(doc.carousel, doc.carousel.cta.subline) == [outro_page]  # the CTA's own subline, as set
    doc.undo()
    assert state(doc) == before


@pytest.mark.parametrize("index", [1, 3])
def test_the_ask_dropped_between_slides_gets_a_slide_there_and_leaves_the_outro(index):
    doc = document()
    before = state(doc)
    assert doc.insert_post_as_slide(ASK_ID, index) == index
    slides = doc.carousel.slides
    assert (slides[index].kind, slides[index].body, slides[index].post_ids) == ("content", ASK, [ASK_ID])
    assert outro_words(doc) == ("", []) and len(slides) == len(before) + 1
    assert pages_with(doc.carousel, ASK) == [index]
    doc.undo()
    assert state(doc) == before


def test_words_typed_on_the_outro_stay_there_and_the_post_is_copied():
    doc = document()
    doc.set_slide_text(len(doc.carousel.slides) - 1, body=f"{ASK} See you Monday.")
    assert doc.add_post_to_slide(ASK_ID, 1) == 1
    assert outro_words(doc) == (f"{ASK} See you Monday.", [ASK_ID])  # the creator's words are never taken


def test_the_ask_dropped_in_front_of_the_outro_it_is_on_moves_there():
    doc = document()
    outro = len(doc.carousel.slides) - 1
    assert doc.insert_post_as_slide(ASK_ID, outro) == outro
    assert [s.kind for s in doc.carousel.slides][-2:] == ["content", "outro"]
    assert outro_words(doc) == ("", []) and pages_with(doc.carousel, ASK) == [outro]


async def test_the_ask_card_dropped_on_a_slide_says_where_it_went_and_undo_puts_it_back(studio, testid):
    """Through the page: the card's drop on slide 2 (dragdrop.py's drop event), then the top bar's Undo."""
    from ui_helpers import click, open_panel, trigger, until

    doc = studio.shared.document
    (box,) = testid(studio, "source-input")
    box.value = "\n\n".join([*POSTS, ASK])
    click(studio, testid(studio, "source-import")[0])
    await until(lambda: doc.carousel.slides[-1].body == ASK)
    await studio.should_see("on the outro")
    before = state(doc)
    ask = [p.text for p in doc.carousel.thread.posts].index(ASK)
    ask_id = doc.carousel.thread.posts[ask].id
    trigger(studio, testid(studio, "slide-thumb")[1], "drop", {"post_id": ask_id, "shift": False})
    assert ASK in doc.carousel.slides[1].body and outro_words(doc) == ("", [])
    await studio.should_see("on slide 2")
    await studio.should_not_see("on the outro")
    open_panel(studio, "Outro Slide CTA")
    (cta_subline,) = testid(studio, "cta-subline")
    assert cta_subline.visible and not testid(studio, "cta-own-words")[0].visible  # its own subline, editable
    click(studio, testid(studio, "undo")[0])
    assert state(doc) == before
    await studio.should_see("on the outro")
