"""The preset and "Save as profile" doors keep the outro's and brand's caps: a preset from an old kit holding an
over-cap headline or website is imported with a notice (applying it wears it whole, drawn cut: see
test_guard_s22_presets.py); an old project's over-cap texts are not saved into a new profile or preset."""
from __future__ import annotations

import dataclasses

import pytest

from studio import limits
from studio.app.brands import Brands
from studio.app.document import Document, EditError
from studio.app.sample import sample_carousel
from studio.preset import preset_from_carousel
from studio.store import Store

HEADLINE = "H" * (limits.MAX_CTA_HEADLINE_CHARS + 5)
WEBSITE = "example.com/" + "w" * limits.MAX_WEBSITE_CHARS


def _old_carousel():
    carousel = sample_carousel()
    carousel.cta = dataclasses.replace(carousel.cta, headline=HEADLINE)
    carousel.brand = dataclasses.replace(carousel.brand, name="Ada", website=WEBSITE)
    return carousel


def test_an_old_kits_over_cap_preset_is_noticed_when_imported(tmp_path):
    maker = Store(tmp_path / "a")  # an older studio saved this preset, before the caps
    maker.presets.save(preset_from_carousel(_old_carousel(), "Loud", include_profile=True))
    Brands(maker, Document(sample_carousel())).export_kits(tmp_path / "kit.json", profile_ids=[],
                                                            preset_names=["Loud"])
    brands = Brands(Store(tmp_path / "b"), Document(sample_carousel()))
    summary = brands.import_kits(tmp_path / "kit.json")
    assert any("“Loud”" in note and "the outro's headline" in note and "the brand's website" in note
               for note in summary.notes)


def test_an_old_projects_over_cap_texts_are_not_saved_as_a_profile_or_preset(tmp_path):
    store = Store(tmp_path)
    brands = Brands(store, Document(_old_carousel()))
    with pytest.raises(EditError, match="website has .* the limit is 2,000.*The profile was not saved"):
        brands.save_profile()
    assert store.profiles.all() == []
    with pytest.raises(EditError, match="headline has .* the limit is 300.*The preset was not saved"):
        brands.save_preset("Loud", with_profile=True)
    assert store.presets.all() == []
