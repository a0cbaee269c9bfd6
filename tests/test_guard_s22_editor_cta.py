"""The outro slide's own CTA boxes (the slide editor's, not the Outro panel's): an edit refused over a cap gives the
box the document's words back with the message, as the panels' boxes do (else the box kept the refused letters and
every next keystroke was refused against them)."""
from __future__ import annotations

import dataclasses

from nicegui import ui

from studio import limits
from ui_helpers import trigger, typed, until


def _editor_box(user, field: str):
    with user:
        return next(e for e in user.client.elements.values() if isinstance(e, ui.input)
                    and e.props.get("data-cs-keep") == f"cta:{field}" and not e.props.get("data-testid"))


async def test_a_refused_edit_in_the_outro_slides_box_shows_the_documents_words(studio, testid, monkeypatch):
    doc = studio.shared.document
    headline = "h" * (limits.MAX_CTA_HEADLINE_CHARS + 50)
    doc.replace(dataclasses.replace(doc.carousel, cta=dataclasses.replace(doc.carousel.cta, headline=headline)))
    trigger(studio, testid(studio, "slide-thumb")[-1], "click")  # the outro
    box = _editor_box(studio, "headline")
    await until(lambda: box.value == headline and box.visible)
    ran = typed(box, headline + "xyz", monkeypatch)
    await studio.should_see("The outro's headline")
    await until(lambda: box.value == headline)
    assert "updateValue" in ran  # the browser's box is sent the document's words
    assert doc.carousel.cta.headline == headline
    typed(box, headline[:-1], monkeypatch)  # a Backspace on the document's words: shorter, taken
    await until(lambda: doc.carousel.cta.headline == headline[:-1])
    button = _editor_box(studio, "button")
    ran = typed(button, "b" * (limits.MAX_CTA_BUTTON_CHARS + 1), monkeypatch)
    await studio.should_see("The outro's button text")
    await until(lambda: button.value == doc.carousel.cta.button)
    assert "updateValue" in ran
