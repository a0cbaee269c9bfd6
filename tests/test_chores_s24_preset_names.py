"""One name rule for presets, the profiles' own (``name_key``: spaces around it, case and Unicode form aside),
wherever a preset is named, saved, imported or restored."""
import json

import pytest

from studio.app.brands import Brands
from studio.app.document import Document
from studio.app.sample import sample_carousel
from studio.preset import Preset
from studio.store import Store, StoreError

NFC, NFD = "Caf\u00e9", "Cafe\u0301"


def _kit(tmp_path, presets):
    path = tmp_path / "kit.json"
    path.write_text(json.dumps({"presets": presets}), encoding="utf-8")
    return path


@pytest.mark.parametrize("saved, typed", [("Launch", " launch "), ("Launch", "LAUNCH"), (NFC, NFD.upper())])
def test_a_kit_preset_named_like_a_saved_one_replaces_it(tmp_path, saved, typed):
    store = Store(tmp_path / "data")
    store.presets.save(Preset(name=saved, theme="forest"))
    summary = Brands(store).import_kits(_kit(tmp_path, [{"name": typed, "theme": "midnight"}]))
    assert (summary.presets_added, summary.presets_replaced) == (0, 1)
    assert [(p.name, p.theme) for p in store.presets.all()] == [(typed.strip(), "midnight")]


def test_saving_applying_and_deleting_find_the_preset_by_the_one_rule(tmp_path):
    store = Store(tmp_path)
    brands = Brands(store, Document(sample_carousel()))
    store.presets.save(Preset(name=NFC, theme="forest"))
    assert brands.apply_preset(NFD.lower() + " ").name == NFC
    assert brands.document.carousel.theme == "forest"
    brands.save_preset(" CAFÉ ")
    assert [p.name for p in store.presets.all()] == ["CAFÉ"]
    assert brands.delete_preset(NFD).name == "CAFÉ"
    assert store.presets.all() == []
    with pytest.raises(StoreError, match="no preset named"):
        store.presets.get("café")


def test_a_kit_of_two_presets_one_by_the_rule_is_refused_whole(tmp_path):
    store = Store(tmp_path / "data")
    with pytest.raises(StoreError, match="appears twice"):
        Brands(store).import_kits(_kit(tmp_path, [{"name": NFC}, {"name": NFD}]))
    assert store.presets.all() == []


def test_an_older_stores_look_alike_presets_stay_apart_and_are_not_exported_as_twins(tmp_path):
    store = Store(tmp_path / "data")
    for name, theme in ((NFC, "forest"), (NFD, "midnight")):  # as an older studio saved them: two records
        with store.transaction(write=True):
            store.db.upsert("presets", {"name": name, "preset": {"name": name, "theme": theme},
                                        "updated_at": "2026-01-01T00:00:00+00:00"}, name=name)
    assert store.presets.get(NFC).theme == "forest" and store.presets.get(NFD).theme == "midnight"
    store.presets.save(Preset(name=NFD, theme="paper"))  # that very name wins: the other stays
    assert sorted(p.theme for p in store.presets.all()) == ["forest", "paper"]
    kit = tmp_path / "kit.json"
    with pytest.raises(StoreError, match="rename one of them.*Nothing was written"):
        Brands(store).export_kits(kit)
    assert not kit.exists()
