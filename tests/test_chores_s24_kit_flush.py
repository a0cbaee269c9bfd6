"""A kit import flushes only the files it wrote (each trash record, its folder, the trash folder), not every
file system on the machine (``os.sync``), and stays all or nothing when a flush fails halfway."""
import json
import os
from pathlib import Path

import pytest

from studio.app.brands import Brands
from studio.brand import BrandProfile
from studio.store import Store, StoreError

NAMES = ["Acme", "Beta", "Gamma"]


def _agency(tmp_path):
    store = Store(tmp_path / "agency")
    for name in NAMES:
        store.profiles.save(BrandProfile(name=name, handle="real"))
    kit = tmp_path / "kit.json"  # the same names, differing: the saved ones go to the trash
    kit.write_text(json.dumps({"profiles": [{"name": n.lower(), "handle": "kit"} for n in NAMES]}), encoding="utf-8")
    return store, kit


def _flushed(monkeypatch, fail_at=None):
    """Record the path of every ``os.fsync``; the ``fail_at``-th flush of a trash record fails (EIO)."""
    paths = []

    def fsync(fd):
        path = Path(os.readlink(f"/proc/self/fd/{fd}"))
        paths.append(path)
        if fail_at and sum(p.name == "record.json" for p in paths) == fail_at and path.name == "record.json":
            raise OSError(5, "Input/output error")

    def no_sync():
        raise AssertionError("os.sync flushes every file system on the machine")

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "sync", no_sync)
    return paths


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads which file a descriptor is (Linux)")
def test_an_import_flushes_the_trash_records_it_wrote_and_their_folders_only(tmp_path, monkeypatch):
    store, kit = _agency(tmp_path)
    paths = _flushed(monkeypatch)
    Brands(store).import_kits(kit)
    monkeypatch.undo()
    data = (tmp_path / "agency").resolve()
    assert all(path == data or data in path.parents for path in paths), paths  # nothing outside the data folder
    folders = sorted(folder.resolve() for folder in store.trash.folder.iterdir())
    assert len(folders) == len(NAMES)
    for folder in folders:
        assert folder / "record.json" in paths and folder in paths
    assert store.trash.folder.resolve() in paths
    assert sorted(item.name for item in store.trash.items()) == NAMES


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads which file a descriptor is (Linux)")
def test_a_flush_failing_halfway_leaves_nothing_imported_and_nothing_in_the_trash(tmp_path, monkeypatch):
    store, kit = _agency(tmp_path)
    _flushed(monkeypatch, fail_at=2)
    with pytest.raises(StoreError):
        Brands(store).import_kits(kit)
    monkeypatch.undo()
    for seen in (store, Store(tmp_path / "agency")):  # and as the next start reads it
        assert sorted((p.name, p.handle) for _, p in seen.profiles.all()) == [(n, "real") for n in NAMES]
        assert seen.trash.items() == []
    assert not store.trash.folder.exists() or list(store.trash.folder.iterdir()) == []
