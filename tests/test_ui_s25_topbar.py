"""The top bar's project name: a long one ends in "…" where it is cut, and the whole name is its title and label."""
from __future__ import annotations

from ui_helpers import until

LONG = "How we cut CI from 40 to 8 minutes with caching and parallel jobs"


async def test_the_whole_project_name_is_its_title_and_label(studio, testid):
    (name,) = testid(studio, "project-name")
    assert "ellipsis" in name.props["input-class"].split()
    studio.shared.document.rename(LONG)
    await until(lambda: name.props.get("title") == LONG)
    assert name.props["aria-label"] == f"Project name: {LONG}"
