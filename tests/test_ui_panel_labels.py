"""Settings panel controls a newcomer can read: every control says what it sets, in words that fit."""
from __future__ import annotations

from nicegui import ui

from ui_helpers import open_panel, until


async def test_the_pattern_strength_slider_says_what_it_sets_beside_it(studio, testid):
    """The slider under the pattern tiles had no words on screen (only a tooltip on hover): a creator saw a bare
    line with a knob."""
    open_panel(studio, "Background Pattern")  # a closed panel is built when first opened
    await until(lambda: testid(studio, "pattern-strength"))
    with studio:
        slider = testid(studio, "pattern-strength")[0]
        beside = [e.text for e in slider.parent_slot.children if isinstance(e, ui.label)]
    assert beside == ["Strength"]


async def test_the_cta_links_example_is_under_its_box_not_in_its_cut_off_label(studio, testid):
    """"Link (e.g. yoursite.com/guide)" was cut off at the panel's width ("Link (e.g. yoursite.com/g…")."""
    open_panel(studio, "Outro Slide CTA")
    await until(lambda: testid(studio, "cta-link"))
    link = testid(studio, "cta-link")[0]
    assert link.props["label"] == "Link"
    assert link.props["hint"] == "For example yoursite.com/guide"
