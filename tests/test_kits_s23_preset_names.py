"""A kit made from the user's own presets imports: presets keep the store's rule (the exact name, stripped), so
"Café" typed as é and as e + ◌́, two presets in the store, are two in the kit; profiles still compare by name_key."""
import json

import pytest

from studio.app.brands import Brands
from studio.preset import Preset
from studio.store import Store, StoreError

NFC, NFD = "Caf\u00e9", "Cafe\u0301"


def test_a_kit_of_the_users_own_look_alike_presets_round_trips(tmp_path):
    source = Store(tmp_path / "source")
    source.presets.save(Preset(name=NFC, theme="forest"))
    source.presets.save(Preset(name=NFD, theme="midnight"))
    kit = tmp_path / "kit.json"
    Brands(source).export_kits(kit)
    store = Store(tmp_path / "other")
    summary = Brands(store).import_kits(kit)
    assert (summary.presets_added, summary.presets_replaced) == (2, 0)
    assert {p.name: p.theme for p in store.presets.all()} == {NFC: "forest", NFD: "midnight"}


@pytest.mark.parametrize("kind, names", [("presets", ["Launch", " Launch "]), ("profiles", [NFC, NFD.upper()])])
def test_names_one_by_the_stores_rule_are_still_twins(tmp_path, kind, names):
    kit = tmp_path / "kit.json"
    kit.write_text(json.dumps({kind: [{"name": name} for name in names]}), encoding="utf-8")
    store = Store(tmp_path / "data")
    with pytest.raises(StoreError, match="appears twice"):
        Brands(store).import_kits(kit)
    assert store.presets.all() == [] and store.profiles.all() == []
