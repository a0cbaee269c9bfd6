"""Fonts: static, uniquely named instances that cairo, measurement and the browser share."""
from __future__ import annotations

import os

import pytest
from fontTools.ttLib import TTFont

from studio import fonts


def test_ensure_fonts_is_idempotent_and_points_fontconfig_at_the_cache():
    folder = fonts.ensure_fonts()
    assert fonts.ensure_fonts() == folder
    conf = folder / "fonts.conf"
    assert os.environ["FONTCONFIG_FILE"] == str(conf)
    text = conf.read_text()
    assert "<include" in text and str(folder) in text


def test_at_least_eight_families_plus_fallbacks():
    assert len(fonts.FAMILIES) >= 8
    assert fonts.FALLBACKS == ["Noto Sans", "Inter", "Noto Sans Arabic", "Heebo"]
    assert len(fonts.ALL_FAMILIES) == len(set(fonts.ALL_FAMILIES))


@pytest.mark.parametrize("family", fonts.ALL_FAMILIES)
def test_every_face_is_static_and_renamed(family):
    for weight in fonts.available_weights(family):
        font = TTFont(fonts.face_path(family, weight))
        assert "fvar" not in font and "gvar" not in font
        assert font["name"].getDebugName(1) == "CS " + family
        assert font["OS/2"].usWeightClass == weight


def test_font_faces_lists_css_family_weight_and_file():
    faces = fonts.font_faces()
    assert ("CS Inter", 700, fonts.face_path("Inter", 700)) in faces
    assert all(path.exists() for _, _, path in faces)


def test_no_synthetic_bold():
    assert fonts.best_weight("DM Serif Display", 700) == 400
    assert fonts.best_weight("Inter", 700) == 700


def test_unknown_family_is_a_clear_error():
    with pytest.raises(ValueError, match="Inter"):
        fonts.check_family("Comic Sans")


def test_cairo_draws_with_the_instanced_font():
    """Regular and bold differ in ink, so fontconfig found both CS faces (not a system substitute)."""
    import io

    import cairosvg
    import numpy as np
    from PIL import Image

    fonts.ensure_fonts()

    def ink(family: str, weight: int) -> int:
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><rect width="400" height="60" '
               f'fill="#fff"/><text x="5" y="45" font-family="{family}" font-weight="{weight}" '
               f'font-size="40">Hamburgefonts</text></svg>')
        px = np.asarray(Image.open(io.BytesIO(cairosvg.svg2png(bytestring=svg.encode()))).convert("L"))
        return int((px < 128).sum())

    regular, bold = ink("CS Inter", 400), ink("CS Inter", 700)
    assert bold > regular * 1.3
    assert ink("CS Playfair Display", 400) != regular
