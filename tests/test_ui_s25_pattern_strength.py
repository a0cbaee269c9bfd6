"""The pattern Strength slider names its steps (a bare 0–4 said nothing) and has a marker at each whole one."""
from __future__ import annotations

from ui_helpers import open_panel, until


async def test_the_strength_steps_are_named(studio, testid):
    open_panel(studio, "Background Pattern")
    await until(lambda: testid(studio, "pattern-strength"))
    (slider,) = testid(studio, "pattern-strength")
    labels = slider.props["marker-labels"]
    assert labels[0] == "Off" and labels[1] == "Normal" and labels[4] == "Max"  # 1: the theme's own strength
    assert slider.props[":markers"] == "1"  # (a JavaScript expression: one marker per whole step)
