"""The Outro Slide CTA panel's words are on the outro slide: changing them shows that slide in the preview (a
newcomer typed a headline and saw slide 1 unchanged)."""
from __future__ import annotations

from test_ui_studio import preview, svg_text
from ui_helpers import click, open_panel


async def test_a_cta_headline_typed_shows_the_outro_in_the_preview(studio, testid):
    open_panel(studio, "Outro Slide CTA")
    slides = studio.shared.document.carousel.slides
    assert slides[-1].kind == "outro" and "Share it with one friend" not in svg_text(preview(studio, testid))
    (headline,) = testid(studio, "cta-headline")
    headline.value = "Share it with one friend"
    assert "Share it with one friend" in svg_text(preview(studio, testid))
    await studio.should_see(f"Slide {len(slides)} of {len(slides)}")


async def test_a_cta_picked_shows_the_outro_in_the_preview(studio, testid):
    open_panel(studio, "Outro Slide CTA")
    click(studio, next(t for t in testid(studio, "cta-option") if t.props["data-key"] == "2"))
    assert studio.shared.document.carousel.cta.button in svg_text(preview(studio, testid))
