"""Deleting a project or profile moves it to a trash it can be restored from for 30 days."""
from __future__ import annotations

import json
import os

from studio.brand import BrandProfile
from studio.carousel import Carousel
from studio.history import History
from studio.slide import Slide
from studio.store import Store


def test_deleted_project_goes_to_trash_with_backup_and_history_and_comes_back(tmp_path):
    store = Store(tmp_path)
    pid = store.projects.save(Carousel(name="Launch", slides=[Slide("cover", "Hook")]))
    store.projects.save_history(pid, History())
    store.projects.delete(pid)
    assert store.projects.all() == [] and not list((tmp_path / "projects").glob(f"{pid}*"))
    (item,) = store.trash.items()
    assert (item.kind, item.name) == ("project", "Launch")
    assert item.expires > item.deleted_at[:10]
    assert Store(tmp_path).projects.all() == []  # not re-listed by the reconcile on open
    restored = store.trash.restore(item.id)
    assert restored == pid and store.trash.items() == []
    assert store.projects.load(pid).slides[0].title == "Hook"
    assert (tmp_path / "projects" / f"{pid}.json.bak").exists()
    assert (tmp_path / "projects" / f"{pid}.history.json").exists()


def test_deleted_profile_goes_to_trash_and_comes_back(tmp_path):
    store = Store(tmp_path)
    pid = store.profiles.save(BrandProfile(name="Acme", website="acme.example"))
    store.profiles.delete(pid)
    assert store.profiles.all() == []
    (item,) = store.trash.items()
    assert (item.kind, item.name) == ("profile", "Acme")
    assert store.trash.restore(item.id) == pid
    assert store.profiles.get(pid).website == "acme.example"


def test_restoring_over_a_taken_id_gets_a_new_one(tmp_path):
    store = Store(tmp_path)
    pid = store.profiles.save(BrandProfile(name="Acme"), "acme")
    store.profiles.delete(pid)
    store.profiles.save(BrandProfile(name="Acme again"), "acme")
    new = store.trash.restore(store.trash.items()[0].id)
    assert new != "acme" and {p.name for _, p in store.profiles.all()} == {"Acme", "Acme again"}


def test_items_older_than_30_days_are_removed_on_open(tmp_path):
    store = Store(tmp_path)
    store.projects.delete(store.projects.save(Carousel(name="Old")))
    store.projects.delete(store.projects.save(Carousel(name="New")))
    old = next(i for i in store.trash.items() if i.name == "Old")
    record = tmp_path / "trash" / old.id / "record.json"
    doc = json.loads(record.read_text())
    doc["deleted_at"] = "2020-01-01T00:00:00.000+00:00"
    record.write_text(json.dumps(doc))
    assert [i.name for i in Store(tmp_path).trash.items()] == ["New"]


def test_damaged_trash_record_is_left_alone(tmp_path):
    store = Store(tmp_path)
    (tmp_path / "trash" / "junk").mkdir(parents=True)
    (tmp_path / "trash" / "junk" / "record.json").write_text("[" * 3000)
    os.utime(tmp_path / "trash" / "junk", (0, 0))
    assert Store(tmp_path).trash.items() == [] and (tmp_path / "trash" / "junk").exists()
    assert store.trash.items() == []


def test_abandoned_upload_copies_are_removed_on_open(tmp_path):
    imports = tmp_path / "imports"
    imports.mkdir(parents=True)
    old, fresh = imports / "archive-1.zip", imports / "archive-2.zip"
    old.write_bytes(b"PK")
    fresh.write_bytes(b"PK")
    os.utime(old, (1, 1))
    Store(tmp_path)
    assert not old.exists() and fresh.exists()  # a picker may still be open on the young one
