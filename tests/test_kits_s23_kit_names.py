"""Kit import never loses a saved client's brand: a same-name profile that differs goes to the trash (restorable),
the summary says so; look-alike names ("Café" typed two ways) in one file are refused as twins."""
import json

import pytest

from studio.app.brands import Brands
from studio.brand import BrandProfile
from studio.store import Store, StoreError


def kit_of(tmp_path, *profiles, name="kit.json"):
    source = Store(tmp_path / "source")
    for profile in profiles:
        source.profiles.save(profile)
    path = tmp_path / name
    Brands(source).export_kits(path, preset_names=[])
    return path


def test_a_different_same_name_profile_goes_to_the_trash_and_can_be_restored(tmp_path):
    kit = kit_of(tmp_path, BrandProfile(name="acme", handle="agency_draft"))
    store = Store(tmp_path / "agency")
    real = BrandProfile(name="Acme", handle="acme_real", website="acme-real.com", accent="#FF0000")
    store.profiles.save(real)
    summary = Brands(store).import_kits(kit)
    assert (summary.profiles_added, summary.profiles_replaced) == (0, 1)
    assert "“Acme”" in str(summary) and "trash" in str(summary)
    [(imported_id, imported)] = store.profiles.all()
    assert imported.handle == "agency_draft"
    [item] = store.trash.items()
    assert (item.kind, item.name) == ("profile", "Acme")
    store.profiles.rename(imported_id, "acme draft")
    restored = store.trash.restore(item.id)
    back = store.profiles.get(restored)
    assert (back.handle, back.website, back.accent) == ("acme_real", "acme-real.com", real.accent)


def test_importing_the_same_profile_again_puts_nothing_in_the_trash(tmp_path):
    profile = BrandProfile(name="Acme", handle="acme_real", website="acme-real.com")
    kit = kit_of(tmp_path, profile)
    store = Store(tmp_path / "agency")
    store.profiles.save(profile)
    summary = Brands(store).import_kits(kit)
    assert (summary.profiles_added, summary.profiles_replaced) == (0, 1)
    assert "trash" not in str(summary)
    assert store.trash.items() == []


def test_cli_import_says_where_the_replaced_profile_went(tmp_path, capsys):
    from studio.cli import main
    kit = kit_of(tmp_path, BrandProfile(name="ACME", handle="someone_else"))
    data = tmp_path / "cli"
    assert main(["profiles", "--data-dir", str(data), "add", "Acme", "--handle", "acme_real"]) == 0
    assert main(["profiles", "--data-dir", str(data), "import", str(kit)]) == 0
    out = capsys.readouterr().out
    assert "“Acme”" in out and "trash" in out
    assert [item.name for item in Store(data).trash.items()] == ["Acme"]


@pytest.mark.parametrize("twin", ["Cafe\u0301", "CAFÉ", " Café "])
def test_names_one_by_the_stores_rule_are_twins_in_a_kit(tmp_path, twin):
    kit = kit_of(tmp_path, BrandProfile(name="Seed"))
    doc = json.loads(kit.read_text(encoding="utf-8"))
    seed = doc["profiles"][0]
    doc["profiles"] = [dict(seed, name="Caf\u00e9", handle="cafe_paris"), dict(seed, name=twin, handle="cafe_lyon")]
    kit.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    store = Store(tmp_path / "agency")
    with pytest.raises(StoreError, match="appears twice"):
        Brands(store).import_kits(kit)
    assert store.profiles.all() == []
