"""Hovering a gallery tile: the slide drawn again with that choice, at preview size, not the tile magnified."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from components.hover_preview import PREVIEW_WIDTH
from studio.theme import THEMES
from ui_helpers import trigger, until


def tile(studio, testid, gallery: str, key: str):
    return next(t for t in testid(studio, gallery) if t.props["data-key"] == key)


def preview(studio, testid, gallery: str):
    box = next(b for b in testid(studio, "hover-preview") if b.props["data-gallery"] == gallery)
    svg, caption = box.default_slot.children
    return box, svg, caption


async def test_hovering_a_tile_draws_the_slide_with_it_large_following_the_last_tile(studio, testid):
    box, svg, caption = preview(studio, testid, "theme-option")
    assert not box.visible
    trigger(studio, tile(studio, testid, "theme-option", "noir"), "mouseenter")
    await until(lambda: box.visible, timeout=60)
    root = ET.fromstring(svg.content)
    assert float(root.get("width")) == PREVIEW_WIDTH  # drawn at its size by the renderer
    assert THEMES["noir"].background[0].lower() in svg.content.lower()
    assert caption.text == "Noir"
    assert studio.shared.document.carousel.theme == "paper"  # looking applies nothing
    trigger(studio, tile(studio, testid, "theme-option", "noir"), "mouseleave")
    assert not box.visible
    # the preview follows the last tile, and the layout gallery has its own
    trigger(studio, tile(studio, testid, "theme-option", "noir"), "mouseenter")
    trigger(studio, tile(studio, testid, "theme-option", "mint"), "focus")
    await until(lambda: box.visible and caption.text == "Mint", timeout=60)
    assert THEMES["mint"].background[0].lower() in svg.content.lower()
    layouts, _, layout_caption = preview(studio, testid, "layout-option")
    trigger(studio, tile(studio, testid, "layout-option", "big-statement"), "mouseenter")
    await until(lambda: layouts.visible, timeout=60)
    assert layout_caption.text == "Big statement"
