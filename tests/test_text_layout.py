"""Text layout: cleaning, accent spans, emoji clusters, fallback faces, bidi, line breaking, measuring."""
from __future__ import annotations

import functools
import io

import numpy as np
import pytest
from PIL import Image

from studio import fonts
from studio.emoji import emoji_file
from studio.text import (accent_spans, assign_fonts, clean, line_runs, measure, prepare, text_width, wrap,
                         wrap_para)


def test_clean_drops_controls_and_keeps_emoji_sequences():
    family = "👨\u200d👩\u200d👧\u200d👦"
    assert clean("a\x00b\x07c\u200bd\u202ee " + family + "\r\nnext\tline") == "abcde " + family + "\nnext line"


def test_accent_spans_mark_links_mentions_hashtags_cashtags():
    spans = accent_spans("Read https://example.com/x, ask @ada about #design and $AAPL (www.site.io).")
    accents = [t for t, a in spans if a]
    assert accents == ["https://example.com/x", "@ada", "#design", "$AAPL", "www.site.io"]
    assert "".join(t for t, _ in spans) == "Read https://example.com/x, ask @ada about #design and $AAPL (www.site.io)."


def test_email_is_one_link():
    assert [t for t, a in accent_spans("write to me@home.com today") if a] == ["me@home.com"]


def test_no_accent_inside_words_or_prices_with_digits_first():
    assert [t for t, a in accent_spans("mail me@home, C#5, costs $5")] and \
        not any(a for t, a in accent_spans("C#5 costs $5 and me@home"))


@pytest.mark.parametrize("text,name", [
    ("👨\u200d👩\u200d👧\u200d👦", "1f468-200d-1f469-200d-1f467-200d-1f466.svg"),
    ("👋🏽", "1f44b-1f3fd.svg"),
    ("🇩🇪", "1f1e9-1f1ea.svg"),
    ("#\ufe0f\u20e3", "23-20e3.svg"),
    ("❤\ufe0f", "2764.svg"),
    ("🏳\ufe0f\u200d🌈", "1f3f3-fe0f-200d-1f308.svg"),
    ("🧵", "1f9f5.svg"),
])
def test_emoji_sequences_map_to_twemoji_files(text, name):
    assert emoji_file(text) == name


@pytest.mark.parametrize("text", ["©", "→", "a", "1", "#", "✔", "❤\ufe0e"])
def test_text_presentation_characters_stay_text(text):
    assert emoji_file(text) is None


def test_hearts_in_posts_are_emoji():
    assert emoji_file("❤") == "2764.svg"


def test_fallback_faces_per_script():
    (para,) = prepare("Hi שלום مرحبا Ω")
    faces = dict(zip((c.text for c in para.clusters), assign_fonts(para, "Playfair Display")))
    assert faces["H"] == "Playfair Display"
    assert faces["ש"] == "Heebo"
    assert any(f == "Noto Sans Arabic" for c, f in zip(para.clusters, assign_fonts(para, "Playfair Display"))
               if "\ufe70" <= c.text[0] <= "\ufeff")


def test_arabic_is_shaped_and_reordered_for_display():
    (para,) = prepare("مرحبا")
    assert all("\ufe70" <= c.text <= "\ufeff" for c in para.clusters)  # presentation forms: cairo does no shaping
    (line,) = wrap_para(para, "Inter", 400, 18, 400)
    (run,) = line_runs(line, "Inter", 400, 18)
    assert run.text == "".join(c.text for c in para.clusters)[::-1]  # visual order, left to right


def test_hebrew_paragraph_is_rtl_and_mixed_text_keeps_latin_order():
    (para,) = prepare("שלום עולם test 123")
    assert para.rtl
    (line,) = wrap_para(para, "Inter", 400, 18, 500)
    visual = "".join(r.text + " " for r in line_runs(line, "Inter", 400, 18))
    assert visual == "test 123 םלוע םולש "  # the Latin run keeps its order, left of the Hebrew


def test_lines_fit_the_width_and_lose_nothing():
    text = "Breaking https://example.com/a/really/long/path/that/never/ends?with=query&and=more " + "x" * 500
    paras = prepare(text)
    lines = wrap(paras, "Inter", 400, 18, 300)
    assert all(line.width <= 300 for line in lines)
    assert "".join(line.text for line in lines).replace(" ", "") == "".join(p.text for p in paras).replace(" ", "")
    assert "".join(p.text for p in paras).startswith("Breaking example.com/a/really/long/p… ")  # a link shows its short text
    assert len(lines) > 5


def test_no_line_starts_with_closing_punctuation():
    lines = wrap(prepare("word " * 30 + "🙌. end"), "Inter", 400, 18, 200)
    assert not any(line.text.startswith((".", ",")) for line in lines)


def test_measure_matches_cairo():
    """The advance sum equals where cairo ends the text (per-glyph x positions, same font files)."""
    fonts.ensure_fonts()
    import cairosvg
    from studio.layouts.base import glyph_xs
    sample = "The quick brown fox jumps over the lazy dog, again!"
    for family in ("Inter", "JetBrains Mono", "Playfair Display"):
        w = text_width(sample, family, 700, 18)
        xs = glyph_xs(sample, family, 700, 18, 10)
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="80" viewBox="0 0 700 40">'
               f'<rect width="700" height="40" fill="#fff"/><text font-family="{fonts.css_family(family)}" '
               f'font-weight="700" font-size="18"><tspan x="{xs}" y="28">{sample}</tspan></text></svg>')
        pixels = np.asarray(Image.open(io.BytesIO(cairosvg.svg2png(bytestring=svg.encode()))).convert("L"))
        ink_right = (np.where(pixels.min(axis=0) < 128)[0].max() + 1) / 2 - 10
        assert w * 0.97 <= ink_right <= w * 1.005, (family, w, ink_right)


def test_measure_counts_emoji_and_fallbacks():
    assert measure("ab 🎉", "Inter", 400, 20) > measure("ab ", "Inter", 400, 20) + 20
    assert measure("שלום", "Inter", 400, 20) > 0


def test_characters_newer_than_pythons_unicode_tables_do_not_break_bidi():
    (para,) = prepare("\U00018d80שלום")
    (line,) = wrap_para(para, "Inter", 400, 18, 400)
    assert "".join(r.text for r in line_runs(line, "Inter", 400, 18)).replace(" ", "")


@pytest.mark.parametrize("text,visual", [
    ("שלום (test) end.", ".end (test) םולש"),
    ("Hello (שלום) world", "Hello (םולש) world"),
    ("אבג (abc) דהו", "והד (abc) גבא"),
])
def test_paired_brackets_follow_the_bidi_algorithm(text, visual):
    (para,) = prepare(text)
    (line,) = wrap_para(para, "Inter", 400, 18, 1000)
    runs = sorted(line_runs(line, "Inter", 400, 18), key=lambda r: r.x)
    assert "".join(r.text for r in runs).replace(" ", "") == visual.replace(" ", "")


@pytest.mark.parametrize("width", range(200, 460, 20))
def test_no_lone_word_on_a_paragraphs_last_line(width):
    (para,) = prepare("Your cover is a promise. Name the reward and the number, then get out of the way.")
    lines = wrap_para(para, "Inter", 400, 18, width)
    assert len(lines[-1].text.split()) >= 2
    assert " ".join(line.text for line in lines).split() == para.text.split()
    assert all(line.width <= width for line in lines)


COMMON_SYMBOLS = "→←↑↓⇒✓✗★☆•…€£₹¥™©®°±×÷≠≤≥∞–—“”‘’№"


def _has_ink(family: str, weight: int, ch: str) -> bool:
    """Independently of studio.text: the face maps ``ch`` to a glyph with an outline."""
    from fontTools.pens.boundsPen import BoundsPen
    cmap, glyphs = _face(family, weight)
    name = cmap.get(ord(ch))
    if name is None:
        return False
    pen = BoundsPen(glyphs)
    glyphs[name].draw(pen)
    return pen.bounds is not None


@functools.cache
def _face(family: str, weight: int):
    """(cmap, glyph set) of one face file, read once (a face file takes a second to parse)."""
    from fontTools.ttLib import TTFont
    font = TTFont(fonts.face_path(family, weight))
    return font.getBestCmap(), font.getGlyphSet()


@pytest.mark.parametrize("family", fonts.FAMILIES)
def test_common_symbols_get_a_face_that_draws_them(family):
    """Not just a cmap entry: the chosen face's glyph has contours (no tofu, no blank)."""
    missing = []
    for ch in COMMON_SYMBOLS:
        para = prepare(ch)[0]
        face = assign_fonts(para, family)[0]
        weights = {fonts.best_weight(face, w) for w in (400, 700)}
        if not all(_has_ink(face, w, ch) for w in weights):
            missing.append((ch, face))
    assert not missing


@pytest.mark.parametrize("width", range(120, 260, 7))
def test_a_ratio_or_range_of_numbers_is_not_broken(width):
    lines = wrap(prepare("I rate this thread 10/10 and 24/7 support, pages 3-4 and /a/b paths"), "Inter", 400, 18, width)
    texts = [line.text for line in lines]
    assert not any(t.endswith(("10/", "24/", " 3-")) for t in texts), texts


@pytest.mark.parametrize("width", range(150, 330, 9))
def test_a_handle_with_an_underscore_stays_whole(width):
    lines = wrap(prepare("If this was useful, follow @jane_builds for more build-speed notes."), "Inter", 400, 16, width)
    assert not any(line.text.endswith("@jane_") for line in lines), [line.text for line in lines]
