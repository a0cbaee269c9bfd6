"""Compare themes: every theme drawn large with the current slide or the first three; one click applies."""
from __future__ import annotations

from components import engine
from ui_helpers import click, trigger, until


async def test_compare_themes_shows_every_theme_and_one_click_applies(studio, testid):
    click(studio, testid(studio, "compare-themes-open")[0])
    await studio.should_see("Click a theme to use it.")
    rows = testid(studio, "compare-row")
    assert [r.props["data-key"] for r in rows] == list(engine.THEMES)
    assert [r.props["aria-checked"] for r in rows].count("true") == 1

    def drawn(row):
        return [e for e in row.descendants() if "cs-compare-svg" in e.classes]

    assert all(len(drawn(r)) == 1 for r in rows)
    testid(studio, "compare-which")[0].value = "first"
    rows = testid(studio, "compare-row")
    assert all(len(drawn(r)) == 3 for r in rows)
    assert "carousels" in drawn(rows[0])[0].content  # the carousel's own cover, not a sample
    ocean = next(r for r in rows if r.props["data-key"] == "ocean")
    click(studio, ocean)
    await until(lambda: studio.shared.document.carousel.theme == "ocean")
    trigger(studio, testid(studio, "compare-themes-open")[0], "click")
    await until(lambda: any(r.props["data-key"] == "ocean" and r.props["aria-checked"] == "true"
                            for r in testid(studio, "compare-row")))
    trigger(studio, next(r for r in testid(studio, "compare-row") if r.props["data-key"] == "mint"),
            "keydown.space.prevent")
    assert studio.shared.document.carousel.theme == "mint"
