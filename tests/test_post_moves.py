"""A post dragged onto a slide or between slides moves when it still has its own slide as laid out: its words
show once. A post whose slide the creator changed is copied (that slide may hold their words), and its card
names every slide it is on."""
from __future__ import annotations

import io

import pytest
from PIL import Image as PILImage

from studio.app.document import Document
from studio.image import load_image
from studio.post import Post, Thread
from studio.structure import carousel_from_thread

TEXTS = ["Why ferns love shade 🧵", "1) Shade\nLeaves keep their water.", "2) Water\nMornings only.",
         "3) Soil\nLoose and rich.", "4) Light\nNorth windows."]


def photo(colour: str):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return load_image(buffer.getvalue(), name=f"{colour}.png")


def document(images: dict[int, list] | None = None) -> Document:
    posts = [Post(f"p{i}", text, images=(images or {}).get(i, [])) for i, text in enumerate(TEXTS, 1)]
    return Document(carousel_from_thread(Thread("t", posts)), clock=lambda: 0.0)


def where(doc: Document, words: str) -> list[int]:
    """The slides whose title or body hold ``words``."""
    return [i for i, s in enumerate(doc.carousel.slides) if words in f"{s.title}\n{s.body}"]


def ids(doc: Document) -> list[list[str]]:
    return [list(s.post_ids) for s in doc.carousel.slides]


def test_dropping_a_post_on_a_slide_moves_it_there_in_one_undo_step():
    doc = document()
    before = ids(doc)
    assert doc.add_post_to_slide("p4", 1) == 1
    assert where(doc, "Loose and rich.") == [1] and ids(doc) == [["p1"], ["p2", "p4"], ["p3"], ["p5"], []]
    assert doc.add_post_to_slide("p2", 3) == 3  # p2 is on slide 1 with p4: that slide is changed, so p2 is copied
    assert where(doc, "Leaves keep their water.") == [1, 3]
    doc.undo()
    doc.undo()
    assert ids(doc) == before


def test_dropping_a_post_between_slides_moves_its_own_slide():
    doc = document()
    doc.set_slide_layout(3, "big-statement")
    assert doc.insert_post_as_slide("p4", 1) == 1  # forward
    assert ids(doc)[:5] == [["p1"], ["p4"], ["p2"], ["p3"], ["p5"]]
    assert doc.carousel.slides[1].layout == "big-statement"  # the slide itself moved, its choices with it
    assert doc.insert_post_as_slide("p2", 5) == 4  # backward, clamped in front of the outro
    assert ids(doc) == [["p1"], ["p4"], ["p3"], ["p5"], ["p2"], []]
    assert doc.insert_post_as_slide("p2", 4) == 4 and ids(doc)[4] == ["p2"]  # already there: nothing changes


def test_a_post_whose_slide_was_edited_is_copied_and_its_card_says_where():
    doc = document()
    doc.set_slide_text(2, body="Mornings only. My own note.")
    assert doc.insert_post_as_slide("p3", 1) == 1
    assert where(doc, "Mornings only.") == [1, 3] and where(doc, "My own note.") == [3]
    # p4's slide now shows p3: the unchanged copy on slide 1 moves there, the edited slide stays
    assert doc.replace_slide_with_post("p3", 4) == 3
    assert where(doc, "Loose and rich.") == [] and where(doc, "Mornings only.") == [2, 3]
    assert where(doc, "My own note.") == [2]


def test_a_photo_never_leaves_the_carousel_with_a_moved_post():
    red, blue = photo("red"), photo("blue")
    doc = document({2: [red], 3: [blue]})
    doc.add_post_to_slide("p3", 1)  # slide 1 has its own photo: p3's slide keeps the blue one
    assert [s.image for s in doc.carousel.slides if s.image is not None] == [red, blue]
    assert where(doc, "Mornings only.") == [1, 2]
    doc = document({3: [blue]})
    assert doc.add_post_to_slide("p3", 1) == 1  # slide 1 has none: the photo goes with the post
    assert doc.carousel.slides[1].image == blue and where(doc, "Mornings only.") == [1]


@pytest.mark.parametrize("action", ["add_post_to_slide", "replace_slide_with_post"])
def test_the_returned_index_is_the_dropped_on_slide(action):
    doc = document()
    index = getattr(doc, action)("p2", 3)  # p2's own slide (1) is before it: the slide moves up one
    assert index == 2 and "p2" in doc.carousel.slides[index].post_ids
