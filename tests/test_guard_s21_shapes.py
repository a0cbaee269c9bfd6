"""A brand, call-to-action or typography edit whose value has the wrong type (a hostile websocket event can send
any JSON) is refused with a message, as loading a file with it would be; the carousel stays one that saves and
opens again."""
from __future__ import annotations

import pytest

from studio.app.document import Document, EditError
from studio.app.sample import sample_carousel
from studio.project_file import carousel_from_json, carousel_to_json
from studio.share.codocument import CoDocument

WRONG = [("set_cta", {"headline": 123}), ("set_cta", {"link": None}), ("set_cta", {"button": ["Follow"]}),
         ("set_cta", {"variant": 7}), ("set_cta", {"nope": 1}), ("set_brand", {"name": 5}),
         ("set_brand", {"website": None}), ("set_brand", {"placement": "sideways"}),
         ("set_brand", {"show_slide_numbers": "no"}), ("set_typography", {"title_size": "x"})]


@pytest.mark.parametrize("cls", [Document, CoDocument])
@pytest.mark.parametrize("method, values", WRONG, ids=lambda v: str(v))
def test_a_look_edit_of_the_wrong_type_is_refused_and_the_project_still_opens(cls, method, values):
    doc = cls(sample_carousel())
    before = carousel_to_json(doc.carousel)
    with pytest.raises(EditError, match="setting was not changed") as refused:
        getattr(doc, method)(origin="ada", **values)
    assert len(str(refused.value)) < 300
    assert carousel_to_json(doc.carousel) == before
    assert carousel_from_json(carousel_to_json(doc.carousel)) == doc.carousel


def test_a_right_value_is_still_taken():
    doc = CoDocument(sample_carousel())
    doc.set_cta(origin="ada", headline="Liked it?", variant=2)
    doc.set_brand(origin="ada", name="Ada", show_slide_numbers=False)
    assert (doc.carousel.cta.headline, doc.carousel.cta.variant) == ("Liked it?", 2)
    assert (doc.carousel.brand.name, doc.carousel.brand.show_slide_numbers) == ("Ada", False)


ARGS = [("show_post_meta", lambda d: d.set_setting("show_post_meta", "yes", origin="ada")),
        ("theme list", lambda d: d.set_setting("theme", ["paper"], origin="ada")),
        ("photo as text", lambda d: d.set_slide_image(1, "not a photo", origin="ada")),
        ("slide as text", lambda d: d.move_slide(1, "3", origin="ada")),
        ("no slide", lambda d: d.move_slide(None, 2, origin="ada")),
        ("new slide at text", lambda d: d.add_slide("x", origin="ada"))]


def test_a_slide_text_or_project_name_that_is_not_text_is_refused():
    doc = Document(sample_carousel())
    with pytest.raises(EditError, match="title must be text"):
        doc.set_slide_text(1, title=123)
    for name in (123, None, ["x"]):
        with pytest.raises(EditError, match="project keeps its name"):
            doc.rename(name)
    assert doc.carousel.name == sample_carousel().name


@pytest.mark.parametrize("cls", [Document, CoDocument])
@pytest.mark.parametrize("kind, edit", ARGS, ids=[a[0] for a in ARGS])
def test_an_edit_with_arguments_of_the_wrong_type_is_refused_with_a_message(cls, kind, edit):
    doc = cls(sample_carousel())
    before = carousel_to_json(doc.carousel)
    with pytest.raises(EditError):
        edit(doc)
    assert carousel_to_json(doc.carousel) == before
