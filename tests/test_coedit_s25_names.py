"""Review (session 25): a project name the store takes (" \u20dd", a circle drawn on a space: ``stripped_name``
keeps the space a leading mark sits on) is taken from the studio too, in both studios and from a shared name box."""
from __future__ import annotations

from studio.app import Document, Person
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument
from studio.share.sync import refuse_text
from studio.store.projects import stripped_name

CIRCLE = " \u20dd"


def test_a_mark_on_a_space_names_a_project_in_the_plain_studio_as_in_the_store():
    doc = Document(sample_carousel())
    doc.rename("  \u20dd ")  # typed with spaces around it
    assert doc.carousel.name == stripped_name("  \u20dd ") == CIRCLE
    doc.rename("  My   new\tproject ")
    assert doc.carousel.name == "My new project"  # spaces inside still squashed, none around


def test_a_mark_on_a_space_names_a_project_in_share_mode_and_from_a_shared_name_box():
    doc = CoDocument(sample_carousel())
    ada = Person(name="Ada")
    refuse_text(doc.replica(ada), "meta", "name", CIRCLE)  # the name box's text is not refused
    doc.rename(CIRCLE, origin=ada)
    assert doc.carousel.name == CIRCLE
