"""Brand kits never mix clients: the selector shows the profile on the slides (also after a preset brings
another one), unsaved edits are not lost without a question, and deleting asks and can be undone."""
from __future__ import annotations

from nicegui import ui

import pytest
from studio.app import EditError
from studio.brand import BrandProfile
from background import running
from ui_helpers import click, open_panel, until


def menu_item(user, text: str):
    with user:
        return next(e for e in user.client.elements.values() if isinstance(e, ui.menu_item)
                    and any(getattr(c, "text", None) == text for c in e.default_slot.children))


def two_clients_and_a_preset_of_b(studio, testid):
    """Through the panel: profiles A and B, a preset "B look" carrying B; then the slides wear A again."""
    for name, handle in (("Client A", "clienta"), ("Client B", "clientb")):
        testid(studio, "brand-name")[0].value = name
        testid(studio, "brand-handle")[0].value = handle
        click(studio, menu_item(studio, "Save as a new profile"))
        click(studio, testid(studio, "profile-name-save")[0])  # the brand's Name, as the dialog offers it
    click(studio, testid(studio, "save-preset")[0])
    testid(studio, "preset-name")[0].value = "B look"
    with studio:
        next(e for e in studio.client.elements.values() if isinstance(e, ui.checkbox)
             and e.text == "Include the brand profile").value = True
    click(studio, testid(studio, "preset-save")[0])
    ids = {p.name: pid for pid, p in studio.shared.store.profiles.all()}
    testid(studio, "profile-select")[0].value = ids["Client A"]
    assert studio.shared.document.carousel.brand.handle == "clienta"
    return ids["Client A"], ids["Client B"]


async def test_preset_with_a_profile_never_lets_one_profile_overwrite_another(studio, testid):
    open_panel(studio, "Brand Kit")  # a closed panel is built when first opened
    a, b = two_clients_and_a_preset_of_b(studio, testid)
    (select,) = testid(studio, "profile-select")
    assert select.value == a
    (presets,) = testid(studio, "preset-select")
    presets.value = "B look"
    assert studio.shared.document.carousel.brand.name == "Client B"
    assert select.value == b  # the selector follows the slides
    click(studio, menu_item(studio, "Save changes to this profile"))
    profiles = {pid: p for pid, p in studio.shared.store.profiles.all()}
    assert (profiles[a].name, profiles[a].handle) == ("Client A", "clienta")
    assert [p.name for p in profiles.values()].count("Client B") == 1


def test_the_application_refuses_to_save_one_clients_brand_over_another(studio_data):
    from studio.app import Studio
    studio = Studio(studio_data)
    a = studio.store.profiles.save(BrandProfile(name="Client A", handle="clienta"))
    b = studio.store.profiles.save(BrandProfile(name="Client B", handle="clientb"))
    studio.brands.switch_profile(b)
    assert studio.brands.profile_on_slides() == b
    with pytest.raises(EditError, match="The slides show “Client B”, not “Client A”"):
        studio.brands.save_profile(a)
    assert studio.store.profiles.get(a).name == "Client A"
    studio.document.set_brand(handle="clientb_new")  # an edit of B stays B's
    assert studio.brands.profile_on_slides() == b and studio.brands.unsaved_changes() == b
    studio.brands.save_profile(b)
    assert studio.store.profiles.get(b).handle == "clientb_new" and studio.brands.unsaved_changes() is None
    studio.close()


async def test_switching_away_from_unsaved_edits_asks_save_discard_or_cancel(studio, testid):
    open_panel(studio, "Brand Kit")  # a closed panel is built when first opened
    a, b = two_clients_and_a_preset_of_b(studio, testid)
    testid(studio, "brand-handle")[0].value = "clienta_edited"
    await until(lambda: testid(studio, "profile-unsaved")[0].visible)
    (select,) = testid(studio, "profile-select")

    async def answer(key):
        select.value = b
        await until(lambda: testid(studio, f"switch-ask-{key}"))
        click(studio, testid(studio, f"switch-ask-{key}")[0])
        await until(lambda: not running("switch profile"))  # the answer taken, the switch done or not

    await answer("cancel")
    assert studio.shared.document.carousel.brand.handle == "clienta_edited" and select.value == a
    await answer("save")
    assert studio.shared.store.profiles.get(a).handle == "clienta_edited"
    assert studio.shared.document.carousel.brand.name == "Client B" and select.value == b
    testid(studio, "brand-handle")[0].value = "clientb_edited"
    await until(lambda: testid(studio, "profile-unsaved")[0].visible)
    select.value = a
    await until(lambda: testid(studio, "switch-ask-discard"))
    click(studio, testid(studio, "switch-ask-discard")[0])
    await until(lambda: studio.shared.document.carousel.brand.name == "Client A")
    assert studio.shared.store.profiles.get(b).handle == "clientb"  # discarded, B as saved


async def test_deleting_a_profile_or_preset_asks_and_can_be_undone(studio, testid):
    open_panel(studio, "Brand Kit")  # a closed panel is built when first opened
    a, b = two_clients_and_a_preset_of_b(studio, testid)
    store = studio.shared.store
    click(studio, menu_item(studio, "Delete profile"))
    await until(lambda: testid(studio, "delete-ask-cancel"))
    click(studio, testid(studio, "delete-ask-cancel")[0])
    await until(lambda: not testid(studio, "delete-ask-cancel"))  # the question closes once it is answered
    assert len(store.profiles.all()) == 2
    click(studio, menu_item(studio, "Delete profile"))
    await until(lambda: testid(studio, "delete-ask-delete"))
    click(studio, testid(studio, "delete-ask-delete")[0])
    await until(lambda: len(store.profiles.all()) == 1)
    await studio.should_see("Profile “Client A” deleted")
    click(studio, testid(studio, "brand-undo-button")[0])
    await until(lambda: len(store.profiles.all()) == 2)
    assert store.profiles.get(a).handle == "clienta"
    (presets,) = testid(studio, "preset-select")
    presets.value = "B look"
    with studio:
        delete = next(e for e in studio.client.elements.values() if e.props.get("aria-label") == "Delete preset")
    click(studio, delete)
    await until(lambda: testid(studio, "delete-ask-delete"))
    click(studio, testid(studio, "delete-ask-delete")[0])
    await until(lambda: store.presets.all() == [])
    click(studio, testid(studio, "brand-undo-button")[0])
    await until(lambda: [p.name for p in store.presets.all()] == ["B look"])


def test_a_brand_sharing_nothing_with_the_last_profile_is_not_that_profile(studio_data):
    """A new project's brand (the author's, or typed afresh) after working on client Z: saving never writes it over
    Z, which the profile picker used to name because Z was the profile last switched to."""
    from studio.app import Studio
    studio = Studio(studio_data)
    zen = studio.store.profiles.save(BrandProfile(name="Zen Garden Co", handle="zengarden", website="zen.example"))
    studio.brands.switch_profile(zen)
    studio.document.set_brand(name="Zen Garden Company")  # renaming the client keeps its handle: still Zen
    assert studio.brands.profile_on_slides() == zen and studio.brands.unsaved_changes() == zen
    studio.document.set_brand(name="Freelance Me", handle="", website="")  # a brand of its own
    assert studio.brands.profile_on_slides() is None and studio.brands.unsaved_changes() is None
    with pytest.raises(EditError, match="save it as a new profile"):
        studio.brands.save_profile(zen)
    fresh = studio.brands.save_profile()
    profiles = dict(studio.store.profiles.all())
    assert (profiles[zen].name, profiles[zen].handle, profiles[zen].website) == ("Zen Garden Co", "zengarden",
                                                                                "zen.example")
    assert profiles[fresh].name == "Freelance Me" and len(profiles) == 2
    studio.close()


async def test_saving_over_a_profile_can_be_undone(studio, testid):
    open_panel(studio, "Brand Kit")
    a, _ = two_clients_and_a_preset_of_b(studio, testid)
    store = studio.shared.store
    testid(studio, "brand-handle")[0].value = "oops_wrong"
    click(studio, menu_item(studio, "Save changes to this profile"))
    await until(lambda: store.profiles.get(a).handle == "oops_wrong")
    await studio.should_see("Profile “Client A” saved")
    click(studio, testid(studio, "brand-undo-button")[0])
    await until(lambda: store.profiles.get(a).handle == "clienta")
    await studio.should_see("The saved profile “Client A” is back as it was")
    assert studio.shared.document.carousel.brand.handle == "oops_wrong"  # the slides keep what was typed
