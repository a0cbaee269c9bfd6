"""A kit import that displaces many saved profiles flushes its trash batch in one go: one flush of the file
system the trash is on, not two per item (session 25: 1,000 items held the store's lock 8.5 s, 2,001 flushes each
waiting for the disk), and still never ``os.sync`` of every file system; a failed flush leaves nothing imported."""
import ctypes
import errno
import json
import os
from pathlib import Path

import pytest

from studio.app.brands import Brands
from studio.brand import BrandProfile
from studio.store import Store, StoreError
from studio.store import trash

NAMES = [f"Brand {i}" for i in range(12)]
LINUX = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads which file a descriptor is (Linux)")


def _agency(tmp_path):
    store = Store(tmp_path / "agency")
    for name in NAMES:
        store.profiles.save(BrandProfile(name=name, handle="real"))
    kit = tmp_path / "kit.json"  # the same names, differing: the saved ones go to the trash
    kit.write_text(json.dumps({"profiles": [{"name": n, "handle": "kit"} for n in NAMES]}), encoding="utf-8")
    return store, kit


def _watch(monkeypatch, *, syncfs_fails=False, syncfs_missing=False, errno_=5):
    """Record what each ``os.fsync`` and each file system flush was given (no real flush either way)."""
    fsynced, synced = [], []

    def syncfs(fd):
        synced.append(Path(os.readlink(f"/proc/self/fd/{fd}")))
        if syncfs_fails:
            ctypes.set_errno(errno_)
            return -1
        return 0

    def no_sync():
        raise AssertionError("os.sync flushes every file system on the machine")

    monkeypatch.setattr(os, "fsync", lambda fd: fsynced.append(Path(os.readlink(f"/proc/self/fd/{fd}"))))
    monkeypatch.setattr(os, "sync", no_sync)
    monkeypatch.setattr(trash, "_libc_syncfs", lambda: None if syncfs_missing else syncfs, raising=False)
    return fsynced, synced


def _names_in_trash(store):
    return sorted(item.name for item in store.trash.items())


@LINUX
def test_many_displaced_profiles_are_flushed_with_one_flush_of_the_trashs_file_system(tmp_path, monkeypatch):
    store, kit = _agency(tmp_path)
    fsynced, synced = _watch(monkeypatch)
    Brands(store).import_kits(kit)
    monkeypatch.undo()
    assert synced == [store.trash.folder.resolve()]
    assert not [path for path in fsynced if store.trash.folder.resolve() in path.parents], fsynced
    assert _names_in_trash(store) == sorted(NAMES)
    assert {p.handle for _, p in store.profiles.all()} == {"kit"}


@LINUX
def test_where_the_file_system_cannot_be_flushed_at_once_each_record_is(tmp_path, monkeypatch):
    store, kit = _agency(tmp_path)
    fsynced, synced = _watch(monkeypatch, syncfs_missing=True)
    Brands(store).import_kits(kit)
    monkeypatch.undo()
    assert synced == []
    for folder in store.trash.folder.resolve().iterdir():
        assert folder / "record.json" in fsynced and folder in fsynced
    assert _names_in_trash(store) == sorted(NAMES)


@LINUX
def test_a_failed_flush_leaves_nothing_imported_and_nothing_in_the_trash(tmp_path, monkeypatch):
    store, kit = _agency(tmp_path)
    _, synced = _watch(monkeypatch, syncfs_fails=True)
    with pytest.raises((StoreError, OSError)):
        Brands(store).import_kits(kit)
    monkeypatch.undo()
    assert synced  # (the flush was tried)
    for seen in (store, Store(tmp_path / "agency")):  # and as the next start reads it
        assert sorted((p.name, p.handle) for _, p in seen.profiles.all()) == sorted((n, "real") for n in NAMES)
        assert seen.trash.items() == []


@LINUX
def test_a_system_refusing_the_one_flush_gets_each_record_flushed(tmp_path, monkeypatch):
    store, kit = _agency(tmp_path)
    fsynced, synced = _watch(monkeypatch, syncfs_fails=True, errno_=errno.ENOSYS)  # a kernel without syncfs
    Brands(store).import_kits(kit)
    monkeypatch.undo()
    assert synced
    for folder in store.trash.folder.resolve().iterdir():
        assert folder / "record.json" in fsynced and folder in fsynced
    assert _names_in_trash(store) == sorted(NAMES)
