"""The projects dialog's search matches names by the session's one name rule (``name_key``: Unicode normal form
and case aside): "café" finds a project whose name was typed (or pasted from macOS) as "Cafe" + a combining accent,
and the other way round (session 25: it did not)."""
import pytest

from studio.app.sample import sample_carousel
from ui_helpers import click


def row_names(user, testid):
    return [r.default_slot.children[1].default_slot.children[0].text for r in testid(user, "project-row")]


def save_projects(store, names):
    for name in names:
        carousel = sample_carousel()
        carousel.name = name
        store.projects.save(carousel)


@pytest.mark.parametrize("query, found", [
    ("caf\u00e9", ["Cafe\u0301 launch plan", "Caf\u00e9 menu"]),
    ("CAFE\u0301", ["Cafe\u0301 launch plan", "Caf\u00e9 menu"]),
    ("  \u00c9 LAUNCH ", ["Cafe\u0301 launch plan"]),
    ("caf\u00e9t", []),  # an accent is a letter of its own: "café" is not "cafe"
])
async def test_search_finds_a_name_however_its_accent_was_typed(studio, testid, query, found):
    save_projects(studio.shared.store, ["Cafe\u0301 launch plan", "Caf\u00e9 menu", "Cafeteria rota"])
    click(studio, testid(studio, "projects-open")[0])
    testid(studio, "project-search")[0].value = query
    assert sorted(row_names(studio, testid)) == sorted(found)
    if not found:
        await studio.should_see("No project name contains")
