"""Restoring from the trash: ``carousel-studio trash list|restore ID`` and “Recently deleted” in the studio."""
from __future__ import annotations

import asyncio
import json

from ui_helpers import click

from studio.brand import BrandProfile
from studio.carousel import Carousel
from studio.cli import main
from studio.slide import Slide
from studio.store import Store


def test_cli_lists_the_trash_and_restores_a_project(tmp_path, capsys):
    store = Store(tmp_path)
    pid = store.projects.save(Carousel(name="Launch plan", slides=[Slide("cover", "Hook")]))
    profile = store.profiles.save(BrandProfile(name="Acme"))
    store.projects.delete(pid)
    store.profiles.delete(profile)
    del store

    assert main(["trash", "list", "--data-dir", str(tmp_path)]) == 0
    table = capsys.readouterr().out
    assert "Launch plan" in table and "Acme" in table and "KEPT UNTIL" in table
    assert main(["trash", "list", "--json", "--data-dir", str(tmp_path)]) == 0
    items = json.loads(capsys.readouterr().out)["trash"]
    (project,) = [i for i in items if i["kind"] == "project"]

    assert main(["trash", "restore", project["id"], "--data-dir", str(tmp_path)]) == 0
    assert "Launch plan" in capsys.readouterr().out
    store = Store(tmp_path)
    assert store.projects.load(pid).slides[0].title == "Hook"
    assert [i.kind for i in store.trash.items()] == ["profile"]


def test_cli_restore_of_an_unknown_id_says_how_to_find_one(tmp_path, capsys):
    assert main(["trash", "restore", "project-nope", "--data-dir", str(tmp_path)]) == 2
    assert "trash list" in capsys.readouterr().err
    assert main(["trash", "list", "--data-dir", str(tmp_path)]) == 0
    assert "empty" in capsys.readouterr().out


def _testid(user, name: str) -> list:
    with user:
        return sorted((e for e in user.client.elements.values() if e.props.get("data-testid") == name),
                      key=lambda e: e.id)


async def _until(condition, timeout: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


async def test_recently_deleted_in_the_projects_dialog_restores_a_project(studio):
    projects = studio.shared.store.projects
    kept = projects.save(Carousel(name="Keep me", slides=[Slide("cover", "Still here")]))
    click(studio, _testid(studio, "projects-open")[0])
    await _until(lambda: any("Keep me" in r.default_slot.children[1].default_slot.children[0].text
                             for r in _testid(studio, "project-row")))
    row = next(r for r in _testid(studio, "project-row")
               if "Keep me" in r.default_slot.children[1].default_slot.children[0].text)
    delete = next(b for b in row.descendants() if b.props.get("aria-label") == "Delete")
    click(studio, delete)
    await _until(lambda: projects.all() == [] or all(p.id != kept for p in projects.all()))
    await _until(lambda: bool(_testid(studio, "trash-restore")))
    assert "kept for 30 days" in _testid(studio, "trash")[0].props["caption"]
    click(studio, _testid(studio, "trash-restore")[0])
    await _until(lambda: any(p.id == kept for p in projects.all()))
    assert projects.load(kept).slides[0].title == "Still here"
    await studio.should_see("restored")
    assert not _testid(studio, "trash-restore")


async def test_a_profile_restored_from_recently_deleted_is_listed_again_in_the_open_brand_panel(studio):
    from ui_helpers import open_panel
    profiles = studio.shared.store.profiles
    restored = profiles.save(BrandProfile(name="Acme Agency"))
    profiles.delete(restored)
    open_panel(studio, "Brand Kit")
    (select,) = _testid(studio, "profile-select")
    assert "Acme Agency" not in select.options.values()
    click(studio, _testid(studio, "projects-open")[0])
    await _until(lambda: bool(_testid(studio, "trash-restore")))
    click(studio, _testid(studio, "trash-restore")[0])
    await _until(lambda: "Acme Agency" in select.options.values())
