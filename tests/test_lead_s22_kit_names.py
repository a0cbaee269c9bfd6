"""A kit and the trash match profile names by the store's one rule (``records.name_key``): "Café" typed as é or as
e + ◌́ is one name, so importing or restoring never makes two profiles that look the same; an old kit's over-cap
preset is noticed as applied whole (as profiles are), never as refused."""
import dataclasses

import pytest

from studio import limits
from studio.app.brands import Brands
from studio.app.document import Document
from studio.app.sample import sample_carousel
from studio.brand import BrandProfile
from studio.preset import preset_from_carousel
from studio.store import Store, StoreError

COMPOSED, DECOMPOSED = "Caf\u00e9", "Cafe\u0301"


def _kit(tmp_path, *profiles: BrandProfile, presets=()):
    maker = Store(tmp_path / "maker")
    ids = [maker.profiles.save(profile) for profile in profiles]
    for preset in presets:
        maker.presets.save(preset)
    path = tmp_path / "kit.json"
    Brands(maker, Document(sample_carousel())).export_kits(path, profile_ids=ids,
                                                           preset_names=[p.name for p in presets])
    return path


def test_a_kit_profile_named_like_a_saved_one_in_another_normal_form_replaces_it(tmp_path):
    store = Store(tmp_path / "studio")
    store.profiles.save(BrandProfile(name=COMPOSED, website="old.example"))
    summary = Brands(store, Document(sample_carousel())).import_kits(
        _kit(tmp_path, BrandProfile(name=DECOMPOSED, website="new.example")))
    assert (summary.profiles_added, summary.profiles_replaced) == (0, 1)
    [(_, profile)] = store.profiles.all()
    assert profile.website == "new.example"


def test_the_trash_refuses_a_profile_whose_name_came_back_in_another_normal_form(tmp_path):
    store = Store(tmp_path)
    brands = Brands(store, Document(sample_carousel()))
    brands.delete_profile(store.profiles.save(BrandProfile(name=COMPOSED)))
    store.profiles.save(BrandProfile(name=DECOMPOSED))
    [item] = store.trash.items()
    with pytest.raises(StoreError, match="exists already"):
        store.trash.restore(item.id)
    assert len(store.profiles.all()) == 1


def test_an_old_kits_over_cap_preset_is_noticed_as_applied_whole(tmp_path):
    carousel = sample_carousel()
    carousel.cta = dataclasses.replace(carousel.cta, headline="H" * (limits.MAX_CTA_HEADLINE_CHARS + 5))
    path = _kit(tmp_path, presets=[preset_from_carousel(carousel, "Loud")])
    summary = Brands(Store(tmp_path / "b"), Document(sample_carousel())).import_kits(path)
    [note] = [n for n in summary.notes if "“Loud”" in n]
    assert "refused" not in note and "kept whole" in note
