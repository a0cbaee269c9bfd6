"""Compare themes: every theme drawn large with the current slide or the first three; one click applies."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from components import engine
from components.svg_view import SvgView
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
    # drawn off the event loop, filling in: the carousel's own cover, not a sample
    await until(lambda: "carousels" in drawn(testid(studio, "compare-row")[0])[0].content)
    ocean = next(r for r in rows if r.props["data-key"] == "ocean")
    click(studio, ocean)
    await until(lambda: studio.shared.document.carousel.theme == "ocean")
    trigger(studio, testid(studio, "compare-themes-open")[0], "click")
    await until(lambda: any(r.props["data-key"] == "ocean" and r.props["aria-checked"] == "true"
                            for r in testid(studio, "compare-row")))
    trigger(studio, next(r for r in testid(studio, "compare-row") if r.props["data-key"] == "mint"),
            "keydown.space.prevent")
    assert studio.shared.document.carousel.theme == "mint"


def page_numbers(svg: str) -> list[str]:
    texts = (" ".join(t.itertext()).strip() for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text"))
    return [t for t in texts if re.fullmatch(r"\d+\s*/\s*\d+", t)]


async def test_previews_show_no_page_number_of_their_own(studio, testid):
    """Drawn on its own, a slide would say "1/1" (tiny, and not its number): previews leave it out."""
    trigger(studio, testid(studio, "slide-thumb")[2], "click")
    total = len(studio.shared.document.carousel.slides)
    (preview,) = testid(studio, "slide-preview")
    assert page_numbers(preview.content) == [f"3/{total}"]  # the slide itself keeps its number
    click(studio, testid(studio, "compare-themes-open")[0])
    await studio.should_see("Click a theme to use it.")
    views = [e for row in testid(studio, "compare-row") for e in row.descendants() if "cs-compare-svg" in e.classes]
    await until(lambda: all(view.content for view in views), timeout=60)  # drawn off the loop, filling in
    drawn = [view.content for view in views]
    assert len(drawn) == len(engine.THEMES) and not any(page_numbers(svg) for svg in drawn)
    tiles = [e for tile in testid(studio, "theme-option") for e in tile.descendants() if isinstance(e, SvgView)]
    await until(lambda: all(svg.content for svg in tiles))
    assert not any(page_numbers(svg.content) for svg in tiles)
    (box,) = [b for b in testid(studio, "hover-preview") if b.props["data-gallery"] == "theme-option"]
    trigger(studio, testid(studio, "theme-option")[2], "mouseenter")
    await until(lambda: box.visible, timeout=60)
    hovered = next(e for e in box.descendants() if isinstance(e, SvgView))
    assert "One idea" in hovered.content and not page_numbers(hovered.content)
