"""Themes: enough presets, WCAG AA for every pair a slide draws, brand accent handling."""
from __future__ import annotations

import pytest

from studio import fonts
from studio.pattern import PATTERNS
from studio.theme import THEMES, contrast, get_theme, palette


def test_at_least_twelve_presets_including_paper():
    assert len(THEMES) >= 12 and "paper" in THEMES
    kinds = {t.key for t in THEMES.values()}
    assert {"clean", "midnight", "electric", "blush", "sunset", "mono", "editorial"} <= kinds
    assert any(t.is_gradient for t in THEMES.values())


@pytest.mark.parametrize("key", list(THEMES))
def test_theme_meets_wcag_aa(key):
    t = THEMES[key]
    for ground in t.background:  # both stops of a gradient
        assert contrast(t.text, ground) >= 4.5, "body text on background"
        assert contrast(t.muted, ground) >= 4.5, "muted text on background"
        assert contrast(t.accent, ground) >= 4.5, "accent text (links) on background"
        assert contrast(t.text, ground) >= 3.0, "large titles"
    assert contrast(t.on_accent, t.accent) >= 4.5, "button text on accent"
    assert contrast(t.text, t.surface) >= 4.5, "text on card"
    assert contrast(t.muted, t.surface) >= 4.5, "muted on card"
    assert contrast(t.accent, t.surface) >= 4.5, "links on card"


@pytest.mark.parametrize("key", list(THEMES))
def test_theme_uses_bundled_fonts_and_known_pattern(key):
    t = THEMES[key]
    assert t.title_font in fonts.FAMILIES and t.body_font in fonts.FAMILIES
    assert t.pattern in PATTERNS


def test_get_theme_error_lists_keys():
    with pytest.raises(ValueError, match="paper"):
        get_theme("nope")


@pytest.mark.parametrize("brand", ["#FFE14D", "#1D9BF0", "#000000", "#FF00FF", "#777777"])
@pytest.mark.parametrize("key", ["paper", "midnight", "sunset", "electric"])
def test_brand_accent_stays_readable(key, brand):
    t = THEMES[key]
    p = palette(t, brand)
    assert p.accent_fill == brand
    assert contrast(p.on_accent, p.accent_fill) >= 4.5
    for ground in t.background + (t.surface,):
        assert contrast(p.accent, ground) >= 4.5


def test_contrast_known_values():
    assert round(contrast("#000000", "#FFFFFF"), 1) == 21.0
    assert contrast("#777777", "#777777") == 1.0
