"""The Brand Kit offers only what can act: the profile actions of a chosen profile are greyed out while none is
chosen, the preset's delete button shows once a preset is chosen, and its two parts say what they are for."""
from __future__ import annotations

from nicegui import ui

from ui_helpers import click, open_panel, until


def menu_item(user, text: str):
    with user:
        return next(e for e in user.client.elements.values() if isinstance(e, ui.menu_item)
                    and any(getattr(c, "text", None) == text for c in e.default_slot.children))


def labels(user) -> list[str]:
    with user:
        return [e.text for e in user.client.elements.values() if isinstance(e, ui.label)]


def delete_preset(user):
    with user:
        return next(e for e in user.client.elements.values() if e.props.get("aria-label") == "Delete preset")


ON_CHOSEN = ("Save changes to this profile", "Duplicate profile", "Delete profile")


async def test_profile_actions_wait_for_a_chosen_profile(studio, testid):
    open_panel(studio, "Brand Kit")
    assert all(not menu_item(studio, text).enabled for text in ON_CHOSEN)  # no profile chosen yet
    assert menu_item(studio, "Save as a new profile").enabled
    testid(studio, "brand-name")[0].value = "Client A"
    click(studio, menu_item(studio, "Save as a new profile"))
    click(studio, testid(studio, "profile-name-save")[0])
    await until(lambda: testid(studio, "profile-select")[0].value)
    assert all(menu_item(studio, text).enabled for text in ON_CHOSEN)


async def test_the_preset_trash_shows_once_a_preset_is_chosen(studio, testid):
    open_panel(studio, "Brand Kit")
    assert not delete_preset(studio).visible  # beside an empty "Apply a preset"
    click(studio, testid(studio, "save-preset")[0])
    testid(studio, "preset-name")[0].value = "Warm look"
    click(studio, testid(studio, "preset-save")[0])
    await until(lambda: "Warm look" in testid(studio, "preset-select")[0].options)
    assert not delete_preset(studio).visible
    testid(studio, "preset-select")[0].value = "Warm look"
    assert delete_preset(studio).visible


async def test_the_headings_say_what_each_part_is_for(studio, testid):
    open_panel(studio, "Brand Kit")
    shown = labels(studio)
    assert "Client profiles" in shown and "Presets" in shown
    assert "AGENCY · MULTI-PROFILES" not in shown and "SAVE PRESETS" not in shown


async def test_save_as_a_new_profile_asks_its_name_first(studio, testid):
    open_panel(studio, "Brand Kit")
    store = studio.shared.store
    testid(studio, "brand-name")[0].value = "Client A"
    click(studio, menu_item(studio, "Save as a new profile"))
    (name,) = testid(studio, "profile-name")
    assert name.value == "Client A" and store.profiles.all() == []  # asked, nothing saved yet
    with studio:
        cancel = next(e for e in name.parent_slot.parent.descendants()
                      if isinstance(e, ui.button) and e.text == "Cancel")
    click(studio, cancel)
    assert store.profiles.all() == []
    click(studio, menu_item(studio, "Save as a new profile"))
    name.value = "Client A (agency)"
    click(studio, testid(studio, "profile-name-save")[0])
    await until(lambda: [p.name for _, p in store.profiles.all()] == ["Client A (agency)"])
    assert studio.shared.document.carousel.brand.name == "Client A (agency)"  # the profile takes the brand's Name
