"""In the plain studio, an old project holding an over-cap outro headline or brand name: a refused edit of the
outro's or brand's box gives the box the document's words back (else the box kept the refused letters, and every
next keystroke, a Backspace too, was refused against them and sent the whole text again)."""
from __future__ import annotations

import dataclasses

from studio import limits
from ui_helpers import open_panel, typed, until


def _old_project(doc, **cta_and_brand):
    carousel = doc.carousel
    cta = dataclasses.replace(carousel.cta, headline=cta_and_brand["headline"])
    brand = dataclasses.replace(carousel.brand, name=cta_and_brand["name"])
    doc.replace(dataclasses.replace(carousel, cta=cta, brand=brand))


async def test_a_refused_outro_or_brand_edit_shows_the_documents_words_again(studio, testid, monkeypatch):
    doc = studio.shared.document
    headline = "h" * (limits.MAX_CTA_HEADLINE_CHARS + 50)
    name = "n" * (limits.MAX_BRAND_NAME_CHARS + 50)
    _old_project(doc, headline=headline, name=name)
    open_panel(studio, "Outro Slide CTA")  # a closed panel is built when first opened
    (box,) = testid(studio, "cta-headline")
    await until(lambda: box.value == headline)
    ran = typed(box, headline + "xyz", monkeypatch)
    await studio.should_see("The outro's headline")
    await until(lambda: box.value == headline)
    assert "updateValue" in ran  # the browser's box is sent the document's words
    assert doc.carousel.cta.headline == headline
    ran = typed(box, headline[:-1], monkeypatch)  # a Backspace on the document's words: not longer, taken
    await until(lambda: doc.carousel.cta.headline == headline[:-1])

    open_panel(studio, "Brand Kit")
    (box,) = testid(studio, "brand-name")
    await until(lambda: box.value == name)
    ran = typed(box, name + "xyz", monkeypatch)
    await studio.should_see("The brand's name")
    await until(lambda: box.value == name)
    assert box.text == name  # what the browser's box was last sent (it sends edits: test_guard_s22_edits.py)
    assert doc.carousel.brand.name == name
