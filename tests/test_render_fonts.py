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
    assert fonts.FALLBACKS == ["Inter", "Noto Sans", "Noto Sans Arabic", "Heebo", "Noto Sans Thai", "Noto Sans CJK",
                               "Noto Sans Khmer", "Noto Sans Tamil", "Noto Sans Telugu", "Noto Sans Bengali",
                               "Noto Sans Lao", "Noto Sans Myanmar", "Noto Sans Gujarati", "Noto Sans Gurmukhi",
                               "Noto Sans Oriya", "Noto Sans Kannada", "Noto Sans Malayalam", "Noto Sans Sinhala",
                               "Noto Sans Armenian", "Noto Sans Georgian", "Noto Sans Ethiopic",
                               "Noto Sans Symbols", "Noto Emoji"]
    assert len(fonts.ALL_FAMILIES) == len(set(fonts.ALL_FAMILIES))


@pytest.mark.parametrize("family", fonts.ALL_FAMILIES)
def test_every_face_is_static_and_renamed(family):
    fonts.ensure_family(family)
    for weight in fonts.available_weights(family):
        font = TTFont(fonts.face_path(family, weight))
        assert "fvar" not in font and "gvar" not in font
        assert font["name"].getDebugName(1) == "CS " + family
        assert font["OS/2"].usWeightClass == weight
        assert not {"GPOS", "GSUB", "kern"} & set(font.keys())  # the studio positions every glyph itself


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


_LATE = r"""
import io, sys, hashlib
import cairosvg
from studio import fonts

def png(family):
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="50"><rect width="300" height="50" fill="#fff"/>'
           f'<text x="5" y="38" font-family="{family}" font-size="32">Hamburgefonts</text></svg>')
    return hashlib.sha256(cairosvg.svg2png(bytestring=svg.encode())).hexdigest()

fonts.ensure_fonts()
before = png("No Such Family")  # fontconfig starts here, before Lora exists
if sys.argv[1] == "late":
    assert not fonts.face_path("Lora", 400).exists()
fonts.ensure_family("Lora")
print(before, png("CS Lora"))
"""


@pytest.mark.slow  # two fresh interpreters, each starting fontconfig and cairo
def test_a_face_built_after_cairo_started_is_drawn(tmp_path):
    """Lazy building: cairo draws a face built after fontconfig started exactly like one present from the start."""
    import subprocess
    import sys
    env = dict(os.environ, CAROUSEL_STUDIO_CACHE=str(tmp_path))
    env.pop("FONTCONFIG_FILE", None)

    def run(mode):
        out = subprocess.run([sys.executable, "-c", _LATE, mode], env=env, capture_output=True, text=True,
                             cwd=str(fonts.Path(fonts.__file__).parent.parent))
        assert out.returncode == 0, out.stderr[-1500:]
        return out.stdout.split()

    fallback, late = run("late")
    _, present = run("present")
    assert late == present and late != fallback


def test_face_file_builds_a_face_by_its_file_name_and_refuses_other_names():
    path = fonts.face_file("CSLora-700.ttf")
    assert path == fonts.face_path("Lora", 700) and path.exists()
    assert fonts.face_file("../../etc/passwd") is None and fonts.face_file("CSComic-400.ttf") is None
    listed = fonts.font_faces(build=False)
    assert ("CS Lora", 700, path) in listed and len(listed) == len({p for _, _, p in listed})
