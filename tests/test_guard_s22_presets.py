"""An old kit's preset holding texts over their caps is worn whole, as an old kit's profile is: applied, kept whole
in the project, drawn cut on the slides, and one notice names what was cut."""
from __future__ import annotations

import dataclasses

from studio import limits
from studio.app.brands import Brands
from studio.app.document import Document
from studio.app.sample import sample_carousel
from studio.preset import preset_from_carousel
import xml.etree.ElementTree as ET

from studio.render import render_slides
from studio.store import Store

HEADLINE = "Headline " + "H" * (limits.MAX_CTA_HEADLINE_CHARS + 50)
WEBSITE = "example.com/" + "w" * limits.MAX_WEBSITE_CHARS


def _old_kit(tmp_path):
    carousel = sample_carousel()
    carousel.cta = dataclasses.replace(carousel.cta, headline=HEADLINE)
    carousel.brand = dataclasses.replace(carousel.brand, name="Ada", website=WEBSITE)
    maker = Store(tmp_path / "a")  # an older studio saved this preset, before the caps
    maker.presets.save(preset_from_carousel(carousel, "Loud", include_profile=True))
    Brands(maker, Document(sample_carousel())).export_kits(tmp_path / "kit.json", profile_ids=[],
                                                            preset_names=["Loud"])
    return tmp_path / "kit.json"


def test_an_old_kits_over_cap_preset_is_applied_whole_drawn_cut_with_one_notice(tmp_path):
    kit = _old_kit(tmp_path)
    doc = Document(sample_carousel())
    store = Store(tmp_path / "b")
    brands = Brands(store, doc)
    brands.import_kits(kit)
    brands.apply_preset("Loud")
    assert doc.carousel.cta.headline == HEADLINE  # nothing lost: the project keeps it whole
    assert doc.carousel.brand.website == WEBSITE and doc.carousel.brand.name == "Ada"
    brands.apply_preset("Loud")  # applied again: still one notice
    said = [n for n in store.notices if "The preset “Loud”" in n]
    assert len(said) == 1
    assert "the outro's headline (" in said[0] and "the brand's website (" in said[0] and "drawn cut" in said[0]
    drawn = "".join(ET.fromstring(render_slides(doc.carousel)[-1]).itertext())  # the outro
    assert "Headline" in drawn
    assert drawn.count("H") <= limits.MAX_CTA_HEADLINE_CHARS  # drawn cut at the cap, never the whole text


def test_after_an_over_cap_preset_an_edit_may_only_cut_it(tmp_path):
    import pytest

    from studio.app.document import EditError

    doc = Document(sample_carousel())
    brands = Brands(Store(tmp_path / "b"), doc)
    brands.import_kits(_old_kit(tmp_path))
    brands.apply_preset("Loud")
    with pytest.raises(EditError, match="may only get shorter"):
        doc.set_cta(headline=HEADLINE + "x")
    doc.set_cta(headline=HEADLINE[:-1])
    assert doc.carousel.cta.headline == HEADLINE[:-1]


async def test_the_brand_panel_wears_an_over_cap_preset_and_says_what_is_drawn_cut(studio, testid):
    from ui_helpers import open_panel, until

    carousel = sample_carousel()
    carousel.cta = dataclasses.replace(carousel.cta, headline=HEADLINE)
    studio.shared.store.presets.save(preset_from_carousel(carousel, "Loud"))  # as an old kit's import left it
    open_panel(studio, "Brand Kit")
    (presets,) = testid(studio, "preset-select")
    presets.value = "Loud"
    await studio.should_see("The preset “Loud” holds the outro's headline")
    await until(lambda: studio.shared.document.carousel.cta.headline == HEADLINE)  # worn whole
