"""The Projects dialog past its first 50, a project deleted twice at once, and names with nothing to see."""
from __future__ import annotations

import pytest

from studio.app.edit_history import EditError, refuse_name
from studio.app.sample import sample_carousel
from studio.store.projects import shows_nothing
from studio.store.records import StoreError
from ui_helpers import click

INVISIBLE = ["\u200b\u200b", " \u200b ", "\u3164", "\u2060\ufeff", "\u200d\u200c", "\u0301", "\ufe0f", "\u2800"]


def save_projects(store, names):
    ids = {}
    for name in names:
        carousel = sample_carousel()
        carousel.name = name
        ids[name] = store.projects.save(carousel)
    return ids


def row_names(user, testid):
    return [r.default_slot.children[1].default_slot.children[0].text for r in testid(user, "project-row")]


async def test_projects_past_the_first_fifty_are_reached_by_more_and_by_search(studio, testid):
    store = studio.shared.store
    save_projects(store, [f"Project number {i:02d}" for i in range(62)])
    total = len(store.projects.all())
    click(studio, testid(studio, "projects-open")[0])
    assert len(testid(studio, "project-row")) == 50
    (more,) = testid(studio, "projects-more")
    assert more.text == f"Show {min(50, total - 50)} more"
    click(studio, more)
    assert len(testid(studio, "project-row")) == total
    assert not testid(studio, "projects-more")
    assert "Project number 00" in row_names(studio, testid)  # the oldest one, past the first 50
    (search,) = testid(studio, "project-search")
    search.value = "number 03"
    assert row_names(studio, testid) == ["Project number 03"]
    click(studio, testid(studio, "project-open")[0])
    assert studio.shared.document.carousel.name == "Project number 03"


async def test_a_search_finding_nothing_says_so(studio, testid):
    save_projects(studio.shared.store, ["Moss", "Stones"])
    click(studio, testid(studio, "projects-open")[0])
    testid(studio, "project-search")[0].value = "ferns"
    assert not testid(studio, "project-row")
    await studio.should_see("No project name contains “ferns”.")


async def test_deleting_a_project_someone_else_just_deleted_says_so_and_refreshes(studio, testid):
    store = studio.shared.store
    ids = save_projects(store, ["Project number 53"])
    click(studio, testid(studio, "projects-open")[0])
    row = next(r for r in testid(studio, "project-row") if "Project number 53" in r.default_slot.children[1]
               .default_slot.children[0].text)
    store.projects.delete(ids["Project number 53"])  # another person, a moment before
    with studio:
        delete = next(e for e in row.descendants() if e.props.get("aria-label") == "Delete")
    click(studio, delete)
    await studio.should_see("“Project number 53” was deleted a moment ago, perhaps by someone else; "
                            "“Recently deleted” below can restore it.")
    assert not any("no project with id" in m.lower() for m in studio.notify.messages)
    assert "Project number 53" not in row_names(studio, testid)
    assert [t.name for t in store.trash.items()].count("Project number 53") == 1


@pytest.mark.parametrize("name", INVISIBLE)
def test_a_name_with_nothing_to_see_is_refused_by_both_doors(name, tmp_path):
    assert shows_nothing(name)
    with pytest.raises(EditError, match="character you can see"):
        refuse_name(name)
    from studio.store.store import Store
    store = Store(tmp_path)
    (pid,) = save_projects(store, ["Kept"]).values()
    with pytest.raises(StoreError, match="character you can see"):
        store.projects.rename(pid, name)
    assert store.projects.load(pid).name == "Kept"


@pytest.mark.parametrize("name", ["a", "\u0600", "😀", "é", "A\u200bB", "\u3164x", "日本"])
def test_a_name_with_something_to_see_is_kept(name):
    assert not shows_nothing(name)
    refuse_name(name)


async def test_typing_an_invisible_name_says_why_and_keeps_the_name(studio, testid):
    doc = studio.shared.document
    doc.rename("My carousel")
    (box,) = testid(studio, "project-name")
    box.value = "\u200b\u200b"
    await studio.should_see("A project name needs at least one character you can see")
    assert doc.carousel.name == "My carousel"
