"""Platform limits: the warnings a creator sees before and after an export."""
from __future__ import annotations

import pytest

from studio.carousel import Carousel
from studio.export import check_platform


def _warnings(target, fmt="linkedin-portrait", **kw):
    return check_platform(Carousel(format=fmt), target, **kw)


def test_a_normal_carousel_passes_both_platforms():
    assert _warnings("linkedin", pages=10) == []
    assert _warnings("instagram", "instagram-portrait", pages=10, file_sizes=[900_000] * 10) == []


def test_instagram_slide_limits():
    assert "at most 20" in " ".join(_warnings("instagram", "instagram-square", pages=21))
    api = _warnings("instagram", "instagram-square", pages=12)
    assert len(api) == 1 and "API" in api[0] and "10" in api[0]


def test_instagram_width_and_file_size():
    wide = _warnings("instagram", "instagram-portrait", pages=5, scale=3)
    assert len(wide) == 1 and "1620 px" in wide[0] and "320–1440" in wide[0]
    big = _warnings("instagram", "instagram-portrait", pages=3, file_sizes=[100, 9_000_000, 100])
    assert len(big) == 1 and "02" in big[0] and "8 MB" in big[0]


def test_instagram_story_ratio_is_cropped_in_the_feed():
    assert any("cropped" in w for w in _warnings("instagram", "instagram-story", pages=3))


def test_linkedin_limits():
    assert any("300" in w for w in _warnings("linkedin", pages=301))
    assert any("100 MB" in w for w in _warnings("linkedin", pages=3, file_sizes=[101_000_000]))
    assert any("4:5 or 1:1" in w for w in _warnings("linkedin", "instagram-story", pages=3))
    assert _warnings("linkedin", "instagram-square", pages=3) == []


def test_unknown_platform_is_refused():
    with pytest.raises(ValueError, match="linkedin, instagram"):
        _warnings("tiktok", pages=1)


@pytest.mark.parametrize("target", ["linkedin", "instagram"])
def test_characters_without_a_font_are_named_before_export(target):
    from studio.slide import Slide
    fine = Carousel(slides=[Slide(body="Plain text, émigré, עברית, 日本語 ✓ →")])
    assert not [w for w in check_platform(fine, target, pages=1) if "empty boxes" in w]
    boxed = Carousel(slides=[Slide(body="Clef \U0001D11E and cross \u2718")])
    warning, = [w for w in check_platform(boxed, target, pages=1) if "empty boxes" in w]
    assert "\U0001D11E" in warning and "\u2718" in warning and warning.startswith("These 2 characters")
    assert "script" not in warning  # symbols belong to no writing system


def test_the_missing_glyph_warning_names_the_writing_systems():
    from studio.slide import Slide
    letters = Carousel(slides=[Slide(body="བོད་ ܫܠܡܐ and \U00013000")])
    warning, = [w for w in check_platform(letters, "linkedin", pages=1) if "empty boxes" in w]
    assert warning.startswith("These 9 characters (Egyptian, Syriac, Tibetan script) have no font")


def test_the_render_command_prints_the_missing_glyph_warning(tmp_path, capsys):
    from studio.cli import main
    source = tmp_path / "t.txt"
    source.write_text("A hook with a clef \U0001D11E\n\nSecond post.\n", encoding="utf-8")
    assert main(["render", str(source), "-o", str(tmp_path / "out.pdf")]) == 0
    err = capsys.readouterr().err
    assert "warning: This character has no font" in err and "\U0001D11E" in err
