"""The Brand panel's Undo of a deletion that brings a profile or preset back beside one saved since under its
name says so in one notice, naming the name it is back under (it showed two: "restored" and the rename)."""
from nicegui import ui

from studio.brand import BrandProfile
from studio.preset import Preset
from ui_helpers import click, open_panel, until


def _notices_since(studio, start):
    return studio.notify.messages[start:]


async def _delete_then_undo(studio, testid, kind, saved_since=None) -> list[str]:
    """Confirm the deletion asked, save ``saved_since`` meanwhile (another tab, a kit), press Undo: its notices."""
    click(studio, testid(studio, "delete-ask-delete")[0])
    await until(lambda: kind.all() == [])
    if saved_since is not None:
        kind.save(saved_since)
    start = len(studio.notify.messages)
    click(studio, testid(studio, "brand-undo-button")[0])
    await until(lambda: len(kind.all()) == 1 + (saved_since is not None))
    await until(lambda: _notices_since(studio, start))
    return _notices_since(studio, start)


async def test_undoing_a_preset_deletion_beside_one_saved_since_says_it_once(studio, testid):
    store = studio.shared.store
    store.presets.save(Preset(name="Launch", theme="forest"))
    open_panel(studio, "Brand Kit")
    testid(studio, "preset-select")[0].value = "Launch"
    with studio:
        delete = next(e for e in studio.client.elements.values() if e.props.get("aria-label") == "Delete preset")
    click(studio, delete)
    await until(lambda: testid(studio, "delete-ask-delete"))
    assert await _delete_then_undo(studio, testid, store.presets, Preset(name="LAUNCH", theme="midnight")) == [
        "A preset named “Launch” was saved since; it stays, and this one is back as “Launch (restored)”."]


async def test_undoing_a_profile_deletion_beside_one_saved_since_says_it_once(studio, testid):
    def menu_item(text):
        with studio:
            return next(e for e in studio.client.elements.values() if isinstance(e, ui.menu_item)
                        and any(getattr(c, "text", None) == text for c in e.default_slot.children))

    store = studio.shared.store
    open_panel(studio, "Brand Kit")
    testid(studio, "brand-name")[0].value = "Acme"
    click(studio, menu_item("Save as a new profile"))
    click(studio, testid(studio, "profile-name-save")[0])  # the brand's Name, as the dialog offers it
    await until(lambda: [p.name for _, p in store.profiles.all()] == ["Acme"])
    click(studio, menu_item("Delete profile"))
    await until(lambda: testid(studio, "delete-ask-delete"))
    assert await _delete_then_undo(studio, testid, store.profiles, BrandProfile(name="ACME", website="new.example")) == [
        "A profile named “Acme” was saved since; it stays, and this one is back as “Acme (restored)”."]


async def test_undoing_a_deletion_with_the_name_free_still_says_restored_once(studio, testid):
    store = studio.shared.store
    store.presets.save(Preset(name="Launch", theme="forest"))
    open_panel(studio, "Brand Kit")
    testid(studio, "preset-select")[0].value = "Launch"
    with studio:
        delete = next(e for e in studio.client.elements.values() if e.props.get("aria-label") == "Delete preset")
    click(studio, delete)
    await until(lambda: testid(studio, "delete-ask-delete"))
    assert await _delete_then_undo(studio, testid, store.presets) == ["Preset “Launch” restored"]
    assert [p.name for p in store.presets.all()] == ["Launch"]
