"""`profiles import`: the saved profiles' names are read once (a lookup over every saved profile for each imported
one made 5,000 profiles take 90 s), and a kit file holds at most MAX_KIT_RECORDS profiles or presets."""
from __future__ import annotations

import json

import pytest

from studio.app.kits import export_kits, import_kits
from studio.brand import BrandProfile
from studio.limits import MAX_KIT_RECORDS
from studio.store import Store, StoreError
from studio.store.kits import kit_to_json


def kit(tmp_path, names, name="kit.json"):
    path = tmp_path / name
    path.write_bytes(kit_to_json([BrandProfile(name=n) for n in names], [], "2026-01-01T00:00:00Z"))
    return path


def test_an_import_looks_no_name_up_one_profile_at_a_time(tmp_path, monkeypatch):
    store = Store(tmp_path / "data")
    store.profiles.save(BrandProfile(name="Client 3", handle="old"))

    def one_by_one(name):
        raise AssertionError("a scan of every saved profile for each imported one")

    monkeypatch.setattr(store.profiles, "find", one_by_one)
    summary = import_kits(store, kit(tmp_path, [f"Client {i}" for i in range(20)]))
    assert (summary.profiles_added, summary.profiles_replaced) == (19, 1)
    assert sorted(p.name for _, p in store.profiles.all()) == sorted(f"Client {i}" for i in range(20))


def test_names_match_as_before_case_and_spaces_aside(tmp_path):
    store = Store(tmp_path / "data")
    store.profiles.save(BrandProfile(name="Acme", handle="first"))
    summary = import_kits(store, kit(tmp_path, ["acme ", "Beta"]))
    assert (summary.profiles_added, summary.profiles_replaced) == (1, 1)
    summary = import_kits(store, kit(tmp_path, ["ACME", "beta"], "again.json"))
    assert (summary.profiles_added, summary.profiles_replaced) == (0, 2)
    assert sorted(p.name for _, p in store.profiles.all()) == ["ACME", "beta"]


def test_a_kit_file_over_the_record_cap_is_refused_and_nothing_is_imported(tmp_path):
    store = Store(tmp_path / "data")
    path = kit(tmp_path, [f"C{i}" for i in range(MAX_KIT_RECORDS + 1)])
    with pytest.raises(StoreError, match=f"at most {MAX_KIT_RECORDS:,}") as refused:
        import_kits(store, path)
    assert "Nothing was imported" in str(refused.value)
    assert store.profiles.all() == []


def test_an_export_the_import_would_refuse_is_not_written(tmp_path, monkeypatch):
    store = Store(tmp_path / "data")
    store.profiles.save(BrandProfile(name="A"))
    store.profiles.save(BrandProfile(name="B"))
    monkeypatch.setattr("studio.limits.MAX_KIT_RECORDS", 1)
    with pytest.raises(StoreError, match="at most 1 profiles"):
        export_kits(store, tmp_path / "out.json", None, None)
    assert not (tmp_path / "out.json").exists()
    monkeypatch.setattr("studio.limits.MAX_KIT_RECORDS", 2)
    export_kits(store, tmp_path / "out.json", None, None)
    assert len(json.loads((tmp_path / "out.json").read_text())["profiles"]) == 2
