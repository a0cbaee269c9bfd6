"""Splitting or merging slides never drops the description (alt text) the creator wrote, and a merge that would pass
a slide's caps is refused with both slides kept."""
import pytest

from studio import limits
from studio.app.document import Document, EditError
from studio.app.sample import sample_carousel


def _doc(*alts: str) -> Document:
    doc = Document(sample_carousel())
    for index, alt in enumerate(alts, 1):
        doc.carousel.slides[index].alt_text = alt
    return doc


def test_a_merge_keeps_both_descriptions():
    doc = _doc("A chart of growth.", "A photo of the team.")
    count = len(doc.carousel.slides)
    doc.merge_with_next(1)
    assert len(doc.carousel.slides) == count - 1
    assert doc.carousel.slides[1].alt_text == "A chart of growth.\n\nA photo of the team."


def test_a_split_keeps_the_description_on_the_first_half():
    doc = _doc("A chart of growth.")
    doc.carousel.slides[1].body = "First paragraph here.\n\nSecond paragraph there."
    twin = doc.split_slide(1)
    assert doc.carousel.slides[1].alt_text == "A chart of growth."
    assert doc.carousel.slides[twin].alt_text == ""


def test_a_merge_past_the_alt_text_cap_is_refused_with_both_slides_kept():
    half = "d" * (limits.MAX_ALT_CHARS // 2 + 10)
    doc = _doc(half, half)
    before = [(s.title, s.body, s.alt_text) for s in doc.carousel.slides]
    with pytest.raises(EditError, match="alt text.*Both slides are kept"):
        doc.merge_with_next(1)
    assert [(s.title, s.body, s.alt_text) for s in doc.carousel.slides] == before


def test_a_merge_past_the_text_cap_is_refused():
    doc = _doc()
    words = "abcdefghijklmnopqrs " * (limits.MAX_BODY_CHARS // 35)  # under the word cap, over half the characters
    doc.carousel.slides[1].body = doc.carousel.slides[2].body = words
    with pytest.raises(EditError, match="text has .* characters.*Both slides are kept"):
        doc.merge_with_next(1)
