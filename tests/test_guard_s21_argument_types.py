"""The edit doors take ordinary values of the right kind, in the plain and shared studio alike: a str subclass (a
StrEnum title), an IntEnum or a whole float (2.0, as JSON may carry it) for a slide number; never a bool for a
number, nor a list for a text (share mode's typing skipped the check)."""
from __future__ import annotations

import enum

import pytest

from studio.app.document import Document, EditError
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument


class Title(str, enum.Enum):
    A = "A title"


class Two(enum.IntEnum):
    TWO = 2


@pytest.mark.parametrize("kind", [Document, CoDocument])
def test_ordinary_values_are_taken_as_plain_ones(kind):
    doc = kind(sample_carousel())
    doc.set_slide_text(1.0, title=Title.A, origin="p")
    assert doc.carousel.slides[1].title == "A title" and type(doc.carousel.slides[1].title) is str
    doc.set_cta_variant(Two.TWO, origin="p")
    assert doc.carousel.cta.variant == 2
    second = doc.carousel.slides[1].title
    doc.move_slide(1.0, 2.0, origin="p")
    assert doc.carousel.slides[2].title == second


@pytest.mark.parametrize("kind", [Document, CoDocument])
@pytest.mark.parametrize("edit", [lambda d: d.set_slide_text(1, title=["a", "list"], origin="p"),
                                  lambda d: d.set_slide_text(1.5, title="x", origin="p"),
                                  lambda d: d.set_slide_text(True, title="x", origin="p"),
                                  lambda d: d.move_slide(True, 2, origin="p")],
                         ids=["list-title", "fraction-index", "bool-index", "bool-move"])
def test_values_of_another_kind_are_refused_with_a_message(kind, edit):
    doc = kind(sample_carousel())
    before = doc.carousel
    with pytest.raises(EditError, match="That edit was not made"):
        edit(doc)
    assert doc.carousel == before
