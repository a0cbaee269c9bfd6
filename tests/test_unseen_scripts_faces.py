"""Gujarati, Gurmukhi, Odia, Kannada, Malayalam, Sinhala, Armenian, Georgian and Ethiopic are drawn by their own
Noto faces (shaped where the script needs it), not shown as boxed missing marks; a script no bundled face has
still is, and the export check names its characters."""
from __future__ import annotations

from functools import lru_cache

import pytest
from defusedxml import ElementTree as ET

from render_helpers import NS, carousel_of
from studio import fonts, render, shaping
from studio.export.platforms import check_platform
from studio.text import STYLE_MISSING, font_for, prepare

SAMPLES = {
    "Gujarati": "ગુજરાતી ભાષા સુંદર છે", "Gurmukhi": "ਪੰਜਾਬੀ ਬੋਲੀ ਮਿੱਠੀ ਹੈ", "Oriya": "ଓଡ଼ିଆ ଭାଷା ସୁନ୍ଦର",
    "Kannada": "ಕನ್ನಡ ಭಾಷೆ ಸುಂದರವಾಗಿದೆ", "Malayalam": "മലയാളം ഭാഷ മനോഹരമാണ്", "Sinhala": "සිංහල භාෂාව ලස්සනයි",
    "Armenian": "Հայերեն լեզուն գեղեցիկ է", "Georgian": "ქართული ენა ლამაზია", "Ethiopic": "አማርኛ ቋንቋ ቆንጆ ነው",
}
SHAPED = {"Gujarati", "Gurmukhi", "Oriya", "Kannada", "Malayalam", "Sinhala"}


@pytest.mark.parametrize("script", sorted(SAMPLES))
def test_the_script_has_its_face_and_nothing_is_marked_missing(script):
    sample = SAMPLES[script]
    clusters = [c for p in prepare(sample) for c in p.clusters if not c.is_space]
    assert not any(c.style == STYLE_MISSING for c in clusters)
    assert {font_for(c.text, "Inter") for c in clusters} == {f"Noto Sans {script}"}
    assert f"Noto Sans {script}" in fonts.FALLBACKS
    assert render.missing_glyphs(carousel_of(["Hook", sample])) == []


@pytest.mark.parametrize("script", sorted(SHAPED))
def test_a_brahmic_script_is_drawn_shaped_with_its_words_kept_as_text(script):
    sample = SAMPLES[script]
    assert shaping.needs_shaping(sample[0])
    root = ET.fromstring(render.render_slide(carousel_of(["Hook", f"Intro words. {sample}"]), 1, scale=1))
    assert any("shaped" in (p.get("class") or "") for p in root.iter(NS + "path"))
    layer = " ".join(t.text or "" for t in root.iter(NS + "tspan"))
    assert all(word in layer for word in sample.split())  # the words stay as text: search, copy, screen readers
    assert not any(e.get("class") == "missing-glyph" for e in root.iter())


def test_a_script_with_no_bundled_face_is_boxed_and_named_by_the_export_check():
    carousel = carousel_of(["Hook. More.", "Tibetan བོད་ཡིག and Syriac ܐܪܡܝܐ"])
    root = ET.fromstring(render.render_slide(carousel, 1, scale=1))
    assert any(e.get("class") == "missing-glyph" for e in root.iter())
    warnings = check_platform(carousel, "linkedin", pages=3)
    assert any("བ" in w and "ܐ" in w and "boxed" in w for w in warnings)



def test_a_character_no_face_has_builds_no_face_to_learn_so(monkeypatch):
    """"☑" or "𓀀" on a fresh machine: the chain's own cmaps say no face has it; no face is built to learn so
    (each of the 21 faces down the chain was built: 15 s of CPU before the first slide)."""
    from studio import text
    built = []
    monkeypatch.setattr(fonts, "ensure_family", built.append)
    # as in a fresh process: no face's metrics kept (the warm ones come back after the test, for the tests after it)
    monkeypatch.setattr(text, "_metrics", lru_cache(maxsize=64)(text._metrics.__wrapped__))
    monkeypatch.setattr(text, "has_glyph", lru_cache(maxsize=16384)(text.has_glyph.__wrapped__))
    assert not any(text.has_glyph(family, "\U00013000") for family in fonts.FALLBACKS)
    assert built == []
    assert 0x13000 not in fonts.source_codepoints("Noto Sans Gujarati")
    assert 0x0A97 in fonts.source_codepoints("Noto Sans Gujarati")  # ગ
