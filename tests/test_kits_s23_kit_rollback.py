"""A kit import is all or nothing, trash included: one that fails leaves no trash copy of a profile it never
replaced. Many same-name profiles that differ go to the trash in one batch, told in one line."""
import json
import os
from pathlib import Path

import pytest

from studio.app.brands import Brands
from studio.brand import BrandProfile
from studio.store import Store, StoreError, trash


def kit_file(tmp_path, names, presets=()):
    doc = {"profiles": [{"name": name, "handle": "draft"} for name in names],
           "presets": [{"name": name} for name in presets]}
    path = tmp_path / "kit.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def agency(tmp_path, names):
    store = Store(tmp_path / "agency")
    for name in names:
        store.profiles.save(BrandProfile(name=name, handle="real"))
    return store


def disk_full(*_args, **_kwargs):
    raise OSError(28, "No space left on device")


def test_an_import_failing_at_a_preset_leaves_nothing_in_the_trash(tmp_path, monkeypatch):
    store = agency(tmp_path, ["Acme"])
    monkeypatch.setattr(store.presets, "save", disk_full)
    with pytest.raises(StoreError):
        Brands(store).import_kits(kit_file(tmp_path, ["acme"], presets=["P1"]))
    assert [(p.name, p.handle) for _, p in store.profiles.all()] == [("Acme", "real")]
    assert store.trash.items() == []


def test_an_import_whose_commit_fails_leaves_nothing_in_the_trash(tmp_path, monkeypatch):
    store = agency(tmp_path, ["Acme", "Beta"])
    monkeypatch.setattr(store.db.storage, "_flush", disk_full)
    with pytest.raises(StoreError):
        Brands(store).import_kits(kit_file(tmp_path, ["acme", "beta"]))
    monkeypatch.undo()
    again = Store(tmp_path / "agency")
    assert sorted((p.name, p.handle) for _, p in again.profiles.all()) == [("Acme", "real"), ("Beta", "real")]
    assert again.trash.items() == []


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads which file a descriptor is (Linux)")
def test_many_differing_profiles_go_to_the_trash_in_one_batch_and_one_line(tmp_path, monkeypatch):
    names = [f"Client {i}" for i in range(20)]
    store = agency(tmp_path, names)
    kit = kit_file(tmp_path, [name.lower() for name in names])
    flushed = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (flushed.append(Path(os.readlink(f"/proc/self/fd/{fd}"))),
                                                 real_fsync(fd)))
    synced = []  # a batch this big is flushed in one go: the trash's file system, once (not two flushes an item)
    monkeypatch.setattr(trash, "_libc_syncfs", lambda: lambda fd: synced.append(
        Path(os.readlink(f"/proc/self/fd/{fd}"))) or 0)
    summary = str(Brands(store).import_kits(kit))
    monkeypatch.undo()
    data = (tmp_path / "agency").resolve()
    assert all(path == data or data in path.parents for path in flushed), flushed  # nothing outside the data folder
    folders = [folder.resolve() for folder in store.trash.folder.iterdir()]
    assert len(folders) == len(names)
    assert synced == [store.trash.folder.resolve()]
    lines = summary.splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("20 saved profiles differed from the kit's; they are in the trash for 30 days")
    assert lines[1].endswith("“Client 0”, “Client 1”, “Client 2” and 17 more.")
    items = store.trash.items()
    assert sorted(item.name for item in items) == sorted(names)
    store.profiles.rename(store.profiles.find("client 7")[0], "Client 7 (kit)")
    [seven] = [item for item in items if item.name == "Client 7"]
    assert store.profiles.get(store.trash.restore(seven.id)).handle == "real"


def test_an_import_failing_while_writing_the_trash_leaves_none_of_it(tmp_path, monkeypatch):
    from studio.store import trash as trash_module
    store = agency(tmp_path, ["Acme", "Beta", "Gamma"])
    real_write, writes = trash_module.atomic_write, []

    def third_fails(path, data, **kwargs):
        writes.append(path)
        if len(writes) == 3:
            disk_full()
        real_write(path, data, **kwargs)

    monkeypatch.setattr(trash_module, "atomic_write", third_fails)
    with pytest.raises(StoreError):
        Brands(store).import_kits(kit_file(tmp_path, ["acme", "beta", "gamma"]))
    monkeypatch.undo()
    assert sorted((p.name, p.handle) for _, p in store.profiles.all()) == [
        ("Acme", "real"), ("Beta", "real"), ("Gamma", "real")]
    assert store.trash.items() == []
    assert not store.trash.folder.exists() or list(store.trash.folder.iterdir()) == []
