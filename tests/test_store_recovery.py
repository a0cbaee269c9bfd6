"""Bad files and faults: damaged databases, newer versions, migrations, leftovers of killed writers."""
import json

import pytest

from studio.brand import BrandProfile
from studio.carousel import Carousel
from studio.slide import Slide
from studio.store import Store, StoreError, database
from studio.atomic import atomic_write
from studio.store.storage import AtomicJSONStorage, StorageError


def two_saves(data_dir):
    """A store with two profiles; studio.json.bak is a second copy of that state."""
    store = Store(data_dir)
    first = store.profiles.save(BrandProfile(name="First"))
    second = store.profiles.save(BrandProfile(name="Second"))
    return first, second


DAMAGE = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "emptied": lambda raw: b"",  # every write leaves content: an empty file is damage
    "hand-edited": lambda raw: raw.replace(b'"profiles":{', b'"profiles":{,', 1),
    "not tables": lambda raw: b"[1, 2, 3]",
    "binary junk": lambda raw: b"\x00\xff\xfe" * 100,
    "table of numbers": lambda raw: b'{"profiles": {"1": 5}}',
    "bad meta": lambda raw: raw.replace(b'"schema":1', b'"schema":"one"'),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_database_is_kept_aside_and_the_backup_recovered(tmp_path, kind):
    first, _ = two_saves(tmp_path)
    db = tmp_path / "studio.json"
    damaged = DAMAGE[kind](db.read_bytes())
    db.write_bytes(damaged)
    store = Store(tmp_path)
    [kept] = list(tmp_path.glob("studio.json.corrupt-*"))
    assert kept.read_bytes() == damaged  # nothing silently thrown away
    assert [p.name for _, p in store.profiles.all()] == ["First", "Second"]  # the last write too
    assert len(store.notices) == 1 and kept.name in store.notices[0] and "Recovered" in store.notices[0]
    store.profiles.save(BrandProfile(name="After"))
    assert {p.name for _, p in Store(tmp_path).profiles.all()} == {"First", "Second", "After"}


def test_without_a_backup_the_studio_starts_empty_and_says_so(tmp_path):
    (tmp_path / "studio.json").write_text('{"profiles": {"1": {"id": "x"')
    store = Store(tmp_path)
    assert store.profiles.all() == []
    assert "no backup" in store.notices[0] and "corrupt-" in store.notices[0]
    assert len(list(tmp_path.glob("studio.json.corrupt-*"))) == 1


def test_a_damaged_backup_is_kept_too(tmp_path):
    two_saves(tmp_path)
    (tmp_path / "studio.json").write_text("{")
    (tmp_path / "studio.json.bak").write_text("}")
    store = Store(tmp_path)
    assert "backup could not be read either" in store.notices[0]
    assert len(list(tmp_path.glob("studio.json.corrupt-*"))) == 1
    assert len(list(tmp_path.glob("studio.json.bak.corrupt-*"))) == 1
    assert store.profiles.all() == []


def test_damage_while_running_is_recovered_on_the_next_operation(tmp_path):
    store = Store(tmp_path)
    store.profiles.save(BrandProfile(name="A"))
    store.profiles.save(BrandProfile(name="B"))
    (tmp_path / "studio.json").write_text("garbage")
    assert [p.name for _, p in store.profiles.all()] == ["A", "B"]
    assert any("corrupt-" in n for n in store.notices)


def test_a_database_from_a_newer_studio_opens_read_only(tmp_path):
    store = Store(tmp_path)
    pid = store.profiles.save(BrandProfile(name="Kept"))
    db = tmp_path / "studio.json"
    doc = json.loads(db.read_text())
    doc["meta"]["1"]["schema"] = 99
    doc["future_table"] = {"1": {"x": 1}}
    db.write_text(json.dumps(doc))
    before = db.read_bytes()
    newer = Store(tmp_path)
    assert newer.read_only and "newer Carousel Studio" in newer.notices[0] and "read-only" in newer.notices[0]
    assert newer.profiles.get(pid).name == "Kept"  # still readable
    for write in (lambda: newer.profiles.save(BrandProfile(name="X")), lambda: newer.settings.set("a", 1),
                  lambda: newer.projects.save(Carousel()), lambda: newer.profiles.delete(pid)):
        with pytest.raises(StoreError, match="read-only"):
            write()
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("studio.json.corrupt-*"))


def test_migrations_run_on_open_and_keep_the_old_file(tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.profiles.save(BrandProfile(name="old name"))
    old = (tmp_path / "studio.json").read_bytes()

    def upper_names(tables):
        for doc in tables["profiles"].values():
            doc["profile"]["name"] = doc["profile"]["name"].upper()
        return tables

    monkeypatch.setattr(database, "DB_SCHEMA", 2)
    monkeypatch.setitem(database.MIGRATIONS, 1, upper_names)
    migrated = Store(tmp_path)
    assert [p.name for _, p in migrated.profiles.all()] == ["OLD NAME"]
    assert "from version 1 to 2" in migrated.notices[0]
    assert (tmp_path / "studio.json.v1").read_bytes() == old
    assert json.loads((tmp_path / "studio.json").read_text())["meta"]["1"]["schema"] == 2
    assert Store(tmp_path).notices == []  # runs once


def test_a_damaged_project_file_is_recovered_from_its_backup(tmp_path):
    store = Store(tmp_path)
    pid = store.projects.save(Carousel(name="v1", slides=[Slide(body="one")]))
    store.projects.save(Carousel(name="v2", slides=[Slide(body="two")]), pid)
    path = tmp_path / "projects" / f"{pid}.json"
    path.write_bytes(path.read_bytes()[:-20])
    assert store.projects.load(pid).name == "v2"
    assert list((tmp_path / "projects").glob(f"{pid}.json.corrupt-*"))
    assert any("last good copy was recovered" in n for n in store.notices)


def test_a_damaged_project_without_backup_is_a_clear_error(tmp_path):
    store = Store(tmp_path)
    pid = store.projects.save(Carousel(name="only"))
    (tmp_path / "projects" / f"{pid}.json").write_text("nope")
    (tmp_path / "projects" / f"{pid}.json.bak").write_text("nope too")
    with pytest.raises(StoreError, match="has no readable backup; the file is kept as"):
        store.projects.load(pid)


def test_a_project_file_without_a_list_entry_is_listed_again(tmp_path):
    store = Store(tmp_path)
    pid = store.projects.save(Carousel(name="Orphan", slides=[Slide(), Slide()]))
    db = tmp_path / "studio.json"
    doc = json.loads(db.read_text())
    doc["projects"] = {}
    db.write_text(json.dumps(doc))
    again = Store(tmp_path)
    [info] = again.projects.all()
    assert (info.id, info.name, info.slide_count) == (pid, "Orphan", 2)
    assert "listed again" in again.notices[0]


def test_leftover_temp_files_of_killed_writers_are_removed(tmp_path):
    Store(tmp_path).profiles.save(BrandProfile(name="A"))
    (tmp_path / ".studio.json.tmp-123-456").write_text('{"half')
    (tmp_path / "projects" / ".abc.json.tmp-1-2").write_text("{")
    store = Store(tmp_path)
    assert not list(tmp_path.rglob("*.tmp-*"))
    assert store.notices == []


def test_a_record_with_wrong_types_is_skipped_not_fatal(tmp_path):
    store = Store(tmp_path)
    store.profiles.save(BrandProfile(name="Good"))
    bad = store.profiles.save(BrandProfile(name="Bad"))
    db = tmp_path / "studio.json"
    doc = json.loads(db.read_text())
    for record in doc["profiles"].values():
        if record["id"] == bad:
            record["profile"]["handle"] = 42
    db.write_text(json.dumps(doc))
    again = Store(tmp_path)
    assert [p.name for _, p in again.profiles.all()] == ["Good"]
    assert any(bad in n and "handle" in n for n in again.notices)
    with pytest.raises(StoreError, match="damaged"):
        again.profiles.get(bad)


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "f.json"
    atomic_write(target, b"old")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]  # no temp file left behind


def test_a_failed_transaction_writes_nothing(tmp_path):
    storage = AtomicJSONStorage(tmp_path / "db.json")
    with storage.transaction():
        storage.write({"t": {"1": {"v": 1}}})
    before = (tmp_path / "db.json").read_bytes()
    with pytest.raises(RuntimeError):
        with storage.transaction():
            data = storage.read()
            data["t"]["2"] = {"v": 2}
            storage.write(data)
            raise RuntimeError("boom")
    assert (tmp_path / "db.json").read_bytes() == before
    assert storage.read() == {"t": {"1": {"v": 1}}}  # the in-memory change was dropped too


def test_a_disk_error_becomes_a_store_error(tmp_path, monkeypatch):
    store = Store(tmp_path)
    monkeypatch.setattr("studio.store.storage.atomic_write",
                        lambda *a, **k: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    with pytest.raises(StoreError, match="No space left"):
        store.profiles.save(BrandProfile(name="A"))
    monkeypatch.undo()
    assert store.profiles.all() == []
    assert store.profiles.save(BrandProfile(name="B"))


def test_read_only_storage_refuses_writes(tmp_path):
    storage = AtomicJSONStorage(tmp_path / "db.json", read_only=True)
    with pytest.raises(StorageError):
        storage.write({})
    assert not (tmp_path / "db.json").exists()


def test_a_deleted_database_comes_back_from_its_backup(tmp_path):
    two_saves(tmp_path)
    (tmp_path / "studio.json").unlink()
    store = Store(tmp_path)
    assert [p.name for _, p in store.profiles.all()] == ["First", "Second"]
    assert store.notices == ["studio.json could not be read (it is missing). Recovered the last good copy, saved "
                             + store.notices[0].split("saved ")[1]]


def test_a_project_file_deleted_by_hand_is_a_clear_error(tmp_path):
    store = Store(tmp_path)
    pid = store.projects.save(Carousel(name="Gone"))
    (tmp_path / "projects" / f"{pid}.json").unlink()
    assert store.projects.load(pid).name == "Gone"  # back from its .bak
    assert any("it is missing" in n and "recovered" in n for n in store.notices)
    for suffix in (".json", ".json.bak"):
        (tmp_path / "projects" / f"{pid}{suffix}").unlink()
    with pytest.raises(StoreError, match="project 'Gone' is listed but its file .* is gone"):
        store.projects.load(pid)
    store.projects.delete(pid)  # and it can still be removed from the list
    assert store.projects.all() == []
