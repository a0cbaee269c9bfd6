"""Two profiles of one name cannot be told apart in the profile picker, so one client's logo could be worn for
another's carousel: "Save as a new profile" under a name a profile has already is refused with a clear message, the
saved profile is untouched and the slides keep what was typed."""
from __future__ import annotations

import pytest

from studio.app.brands import Brands
from studio.app.document import Document, EditError
from studio.app.sample import sample_carousel
from studio.brand import BrandProfile
from studio.store import Store


def test_a_new_profile_under_a_taken_name_is_refused_and_nothing_is_lost(tmp_path):
    store = Store(tmp_path)
    doc = Document(sample_carousel())
    brands = Brands(store, doc)
    acme = store.profiles.save(BrandProfile(name="Acme", handle="acme", website="acme.example"))
    brands.switch_profile(acme)
    doc.set_brand(website="other-client.example")  # edited, then saved "as a new profile" by mistake
    with pytest.raises(EditError, match="A profile named 'Acme' already exists"):
        brands.save_profile()
    doc.set_brand(name=" acme ")  # the same name, as the picker compares names
    with pytest.raises(EditError, match="already exists"):
        brands.save_profile()
    assert [(p.name, p.website) for _, p in store.profiles.all()] == [("Acme", "acme.example")]
    assert doc.carousel.brand.website == "other-client.example"
    doc.set_brand(name="Acme")
    brands.save_profile(acme)  # saving the changes to it is the way
    doc.set_brand(name="Acme West")
    west = brands.save_profile()
    assert sorted(p.name for _, p in store.profiles.all()) == ["Acme", "Acme West"] and west != acme


def test_undoing_a_deletion_never_makes_two_profiles_of_one_name(tmp_path):
    store = Store(tmp_path)
    brands = Brands(store, Document(sample_carousel()))
    old = store.profiles.save(BrandProfile(name="Acme", website="old.example"))
    gone = brands.delete_profile(old)
    new = store.profiles.save(BrandProfile(name="Acme", website="new.example"))  # saved again meanwhile
    with pytest.raises(EditError, match="was saved since"):
        brands.restore_profile(old, gone)
    assert [(pid, p.website) for pid, p in store.profiles.all()] == [(new, "new.example")]
    assert [item.name for item in store.trash.items()] == ["Acme"]  # the old one is still in the trash
    store.profiles.rename(new, "Acme New")
    brands.restore_profile(old, gone)
    assert sorted(p.name for _, p in store.profiles.all()) == ["Acme", "Acme New"]
