"""A profile or preset brought back while another has its name comes back beside it under a distinct name
("Acme (restored)") in one click, never over it: neither is lost."""
import pytest

from studio.app.brands import Brands
from studio.app.document import Document
from studio.app.sample import sample_carousel
from studio.brand import BrandProfile
from studio.preset import MAX_NAME_LENGTH, Preset
from studio.store import Store, StoreError
from ui_helpers import click


def _studio(tmp_path):
    store = Store(tmp_path)
    return store, Brands(store, Document(sample_carousel()))


def _profiles(store):
    return sorted((p.name, p.website) for _, p in store.profiles.all())


def test_the_trash_brings_a_profile_back_beside_the_one_of_its_name(tmp_path):
    store, brands = _studio(tmp_path)
    brands.delete_profile(store.profiles.save(BrandProfile(name="Acme", website="old.example")))
    store.profiles.save(BrandProfile(name=" ACME", website="new.example"))
    [item] = store.trash.items()
    assert brands.trash_name_taken(item.id) == "Acme (restored)"
    with pytest.raises(StoreError, match="exists already"):  # without asking, still never over it
        store.trash.restore(item.id)
    assert brands.restore_beside(item.id) == "Acme (restored)"
    assert _profiles(store) == [("ACME", "new.example"), ("Acme (restored)", "old.example")]
    assert store.trash.items() == []


def test_a_second_restore_of_one_name_gets_its_own_distinct_name(tmp_path):
    store, brands = _studio(tmp_path)
    for website in ("one.example", "two.example"):
        brands.delete_profile(store.profiles.save(BrandProfile(name="Acme", website=website)))
    store.profiles.save(BrandProfile(name="Acme", website="new.example"))
    for item in store.trash.items():
        brands.restore_beside(item.id)
    assert [name for name, _ in _profiles(store)] == ["Acme", "Acme (restored 2)", "Acme (restored)"]
    assert {website for _, website in _profiles(store)} == {"one.example", "two.example", "new.example"}


def test_a_long_name_restored_beside_stays_a_valid_name(tmp_path):
    store, brands = _studio(tmp_path)
    long = "A" * MAX_NAME_LENGTH
    brands.delete_profile(store.profiles.save(BrandProfile(name=long, website="old.example")))
    store.profiles.save(BrandProfile(name=long.lower()))
    [item] = store.trash.items()
    name = brands.restore_beside(item.id)
    assert len(name) <= MAX_NAME_LENGTH and name.endswith(" (restored)") and name.startswith("AAAA")
    assert len(store.profiles.all()) == 2


def test_undo_of_a_deletion_brings_the_profile_back_beside_the_one_saved_since(tmp_path):
    store, brands = _studio(tmp_path)
    acme = store.profiles.save(BrandProfile(name="Acme", website="old.example"))
    gone = brands.delete_profile(acme)
    store.profiles.save(BrandProfile(name="acme", website="new.example"))
    assert brands.restore_profile(acme, gone, beside=True) == "Acme (restored)"
    assert _profiles(store) == [("Acme (restored)", "old.example"), ("acme", "new.example")]
    assert store.profiles.get(acme).website == "old.example"  # under its own id again
    assert store.trash.items() == []


def test_undo_of_a_preset_deletion_never_replaces_one_saved_since(tmp_path):
    store, brands = _studio(tmp_path)
    store.presets.save(Preset(name="Launch", theme="forest"))
    gone = brands.delete_preset("Launch")
    store.presets.save(Preset(name=" launch ", theme="midnight"))
    assert brands.restore_preset(gone) == "Launch (restored)"
    assert sorted((p.name, p.theme) for p in store.presets.all()) == [
        ("Launch (restored)", "forest"), ("launch", "midnight")]


def test_undo_of_a_preset_deletion_with_its_name_free_keeps_its_name(tmp_path):
    store, brands = _studio(tmp_path)
    store.presets.save(Preset(name="Launch", theme="forest"))
    assert brands.restore_preset(brands.delete_preset("launch")) == "Launch"
    assert [(p.name, p.theme) for p in store.presets.all()] == [("Launch", "forest")]


async def test_recently_deleted_restores_a_profile_beside_the_one_of_its_name_in_one_click(studio, testid):
    store = studio.shared.store
    old = store.profiles.save(BrandProfile(name="Acme", website="old.example"))
    store.profiles.delete(old)
    store.profiles.save(BrandProfile(name="Acme", website="new.example"))
    click(studio, testid(studio, "projects-open")[0])
    await studio.should_see("Recently deleted")
    click(studio, testid(studio, "trash-restore")[0])
    await studio.should_see("exists already")
    assert _profiles(store) == [("Acme", "new.example")]  # nothing yet: it asks
    click(studio, testid(studio, "trash-ask-beside")[0])
    await studio.should_see("restored as “Acme (restored)”")
    assert _profiles(store) == [("Acme", "new.example"), ("Acme (restored)", "old.example")]
    assert store.trash.items() == []


async def test_undo_in_the_brand_panel_brings_a_preset_back_beside_one_saved_since(studio, testid):
    from ui_helpers import open_panel, until
    store = studio.shared.store
    store.presets.save(Preset(name="Launch", theme="forest"))
    open_panel(studio, "Brand Kit")  # built when first opened: it lists the preset
    (presets,) = testid(studio, "preset-select")
    presets.value = "Launch"
    with studio:
        delete = next(e for e in studio.client.elements.values() if e.props.get("aria-label") == "Delete preset")
    click(studio, delete)
    await until(lambda: testid(studio, "delete-ask-delete"))
    click(studio, testid(studio, "delete-ask-delete")[0])
    await until(lambda: store.presets.all() == [])
    store.presets.save(Preset(name="LAUNCH", theme="midnight"))  # saved since (another tab, a kit)
    click(studio, testid(studio, "brand-undo-button")[0])
    await studio.should_see("this one is back as “Launch (restored)”")
    assert sorted((p.name, p.theme) for p in store.presets.all()) == [
        ("LAUNCH", "midnight"), ("Launch (restored)", "forest")]


async def test_undo_in_the_brand_panel_brings_a_profile_back_beside_one_saved_since(studio, testid):
    from nicegui import ui
    from ui_helpers import open_panel, until

    def menu_item(text):
        with studio:
            return next(e for e in studio.client.elements.values() if isinstance(e, ui.menu_item)
                        and any(getattr(c, "text", None) == text for c in e.default_slot.children))

    store = studio.shared.store
    open_panel(studio, "Brand Kit")
    testid(studio, "brand-name")[0].value = "Acme"
    testid(studio, "brand-handle")[0].value = "acme"
    click(studio, menu_item("Save as a new profile"))
    click(studio, testid(studio, "profile-name-save")[0])  # the brand's Name, as the dialog offers it
    await until(lambda: [p.name for _, p in store.profiles.all()] == ["Acme"])
    click(studio, menu_item("Delete profile"))
    await until(lambda: testid(studio, "delete-ask-delete"))
    click(studio, testid(studio, "delete-ask-delete")[0])
    await until(lambda: store.profiles.all() == [])
    store.profiles.save(BrandProfile(name="ACME", website="new.example"))  # saved since (another tab, a kit)
    click(studio, testid(studio, "brand-undo-button")[0])
    await studio.should_see("this one is back as “Acme (restored)”")
    assert sorted((p.name, p.handle) for _, p in store.profiles.all()) == [("ACME", ""), ("Acme (restored)", "acme")]
    assert store.trash.items() == []
