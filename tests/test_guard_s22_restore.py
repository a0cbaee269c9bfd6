"""Bringing a profile back (Undo in the Brand panel, Restore in the trash) never makes two of one name, and
the message of a refusal says truly where the old profile is."""
import pytest

from studio.app.brands import Brands
from studio.app.document import Document, EditError
from studio.app.sample import sample_carousel
from studio.brand import BrandProfile
from studio.cli import main
from studio.store import Store, StoreError
from ui_helpers import click


def _studio(tmp_path):
    store = Store(tmp_path)
    brands = Brands(store, Document(sample_carousel()))
    acme = store.profiles.save(BrandProfile(name="Acme", handle="acme", website="acme.example"))
    return store, brands, acme


def _names(store):
    return sorted(p.name for _, p in store.profiles.all())


def test_undo_of_a_save_over_refused_does_not_point_to_the_trash(tmp_path):
    store, brands, acme = _studio(tmp_path)
    brands.switch_profile(acme)
    before = brands.profile(acme)
    brands.document.set_brand(name="Beta", website="beta.example")
    brands.save_profile(acme)  # saved over: the old "Acme" is only in the Undo
    brands.document.set_brand(name="Acme", website="acme2.example")
    brands.save_profile()
    with pytest.raises(EditError) as exc:
        brands.restore_profile(acme, before)
    message = str(exc.value)
    assert "trash" not in message and "“Acme”" in message and "'Acme'" not in message
    assert store.trash.items() == []
    assert _names(store) == ["Acme", "Beta"]


def test_undo_of_a_deletion_refused_says_it_is_in_the_trash(tmp_path):
    store, brands, acme = _studio(tmp_path)
    deleted = brands.delete_profile(acme)
    store.profiles.save(BrandProfile(name=" acme ", website="new.example"))
    with pytest.raises(EditError) as exc:
        brands.restore_profile(acme, deleted)
    assert "(it is still in the trash)" in str(exc.value)
    assert [item.name for item in store.trash.items()] == ["Acme"]


def test_an_undone_deletion_leaves_no_second_copy_in_the_trash(tmp_path):
    store, brands, acme = _studio(tmp_path)
    brands.restore_profile(acme, brands.delete_profile(acme))
    assert store.trash.items() == []
    assert _names(store) == ["Acme"]


def test_trash_restore_refuses_a_name_taken_since(tmp_path):
    store, brands, acme = _studio(tmp_path)
    brands.delete_profile(acme)
    store.profiles.save(BrandProfile(name="ACME ", website="new.example"))
    [item] = store.trash.items()
    with pytest.raises(StoreError, match="“Acme” exists already.*stays in the trash"):
        store.trash.restore(item.id)
    assert _names(store) == ["ACME"]
    assert [i.id for i in store.trash.items()] == [item.id]  # nothing lost


def test_trash_restore_after_the_other_is_renamed(tmp_path):
    store, brands, acme = _studio(tmp_path)
    brands.delete_profile(acme)
    other = store.profiles.save(BrandProfile(name="Acme", website="new.example"))
    store.profiles.rename(other, "Acme new")
    [item] = store.trash.items()
    assert store.trash.restore(item.id) == acme
    assert _names(store) == ["Acme", "Acme new"]


def test_trash_restore_refused_on_the_command_line(tmp_path, capsys):
    store, brands, acme = _studio(tmp_path)
    brands.delete_profile(acme)
    store.profiles.save(BrandProfile(name="Acme"))
    [item] = store.trash.items()
    assert main(["trash", "--data-dir", str(tmp_path), "restore", item.id]) == 2
    assert "exists already" in capsys.readouterr().err
    assert _names(store) == ["Acme"]


async def test_the_trash_list_says_why_a_profile_stays_there(studio, testid):
    store = studio.shared.store
    acme = store.profiles.save(BrandProfile(name="Acme", website="old.example"))
    store.profiles.delete(acme)
    store.profiles.save(BrandProfile(name="Acme", website="new.example"))
    click(studio, testid(studio, "projects-open")[0])
    await studio.should_see("Recently deleted")
    click(studio, testid(studio, "trash-restore")[0])
    await studio.should_see("exists already")
    assert _names(store) == ["Acme"] and len(store.trash.items()) == 1
