"""A save looks through its table once (it looked twice: once for the record's created_at, once to replace it), and
an overwritten record still keeps its first created_at."""
from __future__ import annotations

import json

from tinydb.table import Table

from studio.app.sample import sample_carousel
from studio.brand import BrandProfile
from studio.store import Store


def _searches(monkeypatch) -> list[str]:
    seen: list[str] = []
    search = Table.search

    def counted(self, cond):
        seen.append(self.name)
        return search(self, cond)
    monkeypatch.setattr(Table, "search", counted)
    return seen


def _record(tmp_path, table: str, key: str) -> dict:
    data = json.loads((tmp_path / "studio.json").read_text())
    return next(doc for doc in data[table].values() if doc["id"] == key)


def test_saving_a_profile_or_project_looks_through_its_table_once(tmp_path, monkeypatch):
    store = Store(tmp_path)
    pid = store.profiles.save(BrandProfile(name="Ada"))
    project = store.projects.save(sample_carousel())
    first_profile = _record(tmp_path, "profiles", pid)["created_at"]
    first_project = _record(tmp_path, "projects", project)["created_at"]
    seen = _searches(monkeypatch)
    store.profiles.save(BrandProfile(name="Ada L."), pid)
    assert seen.count("profiles") == 1
    seen.clear()
    carousel = sample_carousel()
    carousel.name = "Renamed"
    store.projects.save(carousel, project)
    assert seen.count("projects") == 1
    profile, listing = _record(tmp_path, "profiles", pid), _record(tmp_path, "projects", project)
    assert profile["created_at"] == first_profile and profile["profile"]["name"] == "Ada L."
    assert listing["created_at"] == first_project and listing["name"] == "Renamed"
    assert profile["updated_at"] >= first_profile
