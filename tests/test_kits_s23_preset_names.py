"""A kit made from the user's own presets imports. Presets and profiles share one name rule (``name_key``: spaces,
case and how an accent was typed aside): "Café" typed as é and as e + ◌́ is one preset. A store an older studio
filled with two such keeps both, and its export is refused with a message rather than writing a kit the import
would refuse."""
import json

import pytest

from studio.app.brands import Brands
from studio.preset import Preset
from studio.store import Store, StoreError

NFC, NFD = "Caf\u00e9", "Cafe\u0301"


def _older_store_with_both(path):
    store = Store(path)
    for name, theme in ((NFC, "forest"), (NFD, "midnight")):  # two records, as an older studio saved them
        with store.transaction(write=True):
            store.db.upsert("presets", {"name": name, "preset": {"name": name, "theme": theme},
                                        "updated_at": "2026-01-01T00:00:00+00:00"}, name=name)
    return store


def test_a_kit_of_the_users_own_look_alike_presets_round_trips(tmp_path):
    source = Store(tmp_path / "source")
    source.presets.save(Preset(name=NFC, theme="forest"))
    source.presets.save(Preset(name=NFD, theme="midnight"))  # the same name by the rule: it replaces the first
    assert [(p.name, p.theme) for p in source.presets.all()] == [(NFD, "midnight")]
    kit = tmp_path / "kit.json"
    assert Brands(source).export_kits(kit) == (0, 1)
    store = Store(tmp_path / "other")
    store.presets.save(Preset(name=NFC.upper(), theme="paper"))
    summary = Brands(store).import_kits(kit)
    assert (summary.presets_added, summary.presets_replaced) == (0, 1)
    assert [(p.name, p.theme) for p in store.presets.all()] == [(NFD, "midnight")]


def test_an_older_stores_two_look_alike_presets_are_kept_and_not_exported(tmp_path):
    store = _older_store_with_both(tmp_path / "source")
    assert sorted((p.name, p.theme) for p in store.presets.all()) == [(NFD, "midnight"), (NFC, "forest")]
    kit = tmp_path / "kit.json"
    with pytest.raises(StoreError) as refused:
        Brands(store).export_kits(kit)
    message = str(refused.value)
    assert message.startswith(("The presets “%s” and “%s”" % (NFC, NFD), "The presets “%s” and “%s”" % (NFD, NFC)))
    assert "count as one name in a kit" in message
    assert "rename one of them, then export again. Nothing was written." in message
    assert not kit.exists()
    assert sorted((p.name, p.theme) for p in store.presets.all()) == [(NFD, "midnight"), (NFC, "forest")]


@pytest.mark.parametrize("kind, names", [("presets", ["Launch", " Launch "]), ("profiles", [NFC, NFD.upper()])])
def test_names_one_by_the_stores_rule_are_still_twins(tmp_path, kind, names):
    kit = tmp_path / "kit.json"
    kit.write_text(json.dumps({kind: [{"name": name} for name in names]}), encoding="utf-8")
    store = Store(tmp_path / "data")
    with pytest.raises(StoreError, match="appears twice"):
        Brands(store).import_kits(kit)
    assert store.presets.all() == [] and store.profiles.all() == []
