"""Devanagari and Thai are shaped with HarfBuzz and drawn as glyph outlines; every other script is drawn as before."""
from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from studio import render, shaping, text
from studio.cli import main
from studio.export import pages
from studio.typography import Typography

from render_helpers import NS, body_text, carousel_of, parse, png_pixels, runs, sample_carousel
from property_examples import examples

HINDI = "हिन्दी में लिखा गया पाठ"
FACES = [("Noto Sans", 400), ("Noto Sans", 700), ("Poppins", 400), ("Poppins", 700)]  # the faces with Devanagari


def _glyphs(word: str, family: str, weight: int) -> list[int]:
    clusters = tuple(regex.findall(r"\X", word))
    return [g.gid for cluster in shaping.shape(clusters, family, weight) for g in cluster]


def _nominal(ch: str, family: str, weight: int) -> int:
    font, _ = shaping._font(family, weight)
    return font.get_nominal_glyph(ord(ch))


@pytest.mark.parametrize("family,weight", FACES)
def test_the_i_matra_is_drawn_before_its_consonant(family, weight):
    font, _ = shaping._font(family, weight)
    i_matra = font.get_glyph_name(_nominal("ि", family, weight))
    for word in ("हि", "हिन्दी"):
        glyphs = _glyphs(word, family, weight)
        assert font.get_glyph_name(glyphs[0]).split(".")[0] == i_matra  # the i-matra, or a width variant of it
        assert glyphs[1] == _nominal("ह", family, weight)


@pytest.mark.parametrize("family,weight", FACES)
def test_a_virama_between_consonants_forms_a_conjunct(family, weight):
    glyphs = _glyphs("न्द", family, weight)
    assert _nominal("्", family, weight) not in glyphs  # no visible virama
    assert _nominal("न", family, weight) not in glyphs  # न became its half form (or a ligature with द)
    assert len(glyphs) <= 2


def _ink(word: str, family: str) -> list[tuple[float, float]]:
    """(bottom, top) of each shaped glyph's ink, in font units."""
    font, _ = shaping._font(family, 400)
    clusters = tuple(regex.findall(r"\X", word))
    out = []
    for cluster in shaping.shape(clusters, family, 400):
        for g in cluster:
            e = font.get_glyph_extents(g.gid)
            out.append((e.y_bearing + e.height, e.y_bearing))  # y_bearing is the top, height is negative
    return out


def test_a_thai_tone_mark_stacks_above_the_upper_vowel():
    consonant, vowel, tone = _ink("ที่", "Noto Sans Thai")
    assert tone[0] >= vowel[1]  # unshaped, the tone mark sat on the vowel
    tall = _glyphs("ปี", "Noto Sans Thai", 400)
    assert tall[1] != _nominal("ี", "Noto Sans Thai", 400)  # the vowel moves clear of ป's tall stem


# What text.py reads from a font file alone (advances, cmaps, outlines): the same whether or not a script is
# shaped, so kept across the switch (reloading the ~20 faces a run uses took seconds after each emptying).
FONT_FILE_FACTS = frozenset({"_metrics", "_glyphs", "_draws"})


@contextmanager
def unshaped():
    """Render as before shaping existed: no script is shaped (every text cache emptied around the switch)."""
    def clear():
        for name, value in vars(text).items():
            if hasattr(value, "cache_clear") and name not in FONT_FILE_FACTS:
                value.cache_clear()
        render.clear_cache()
    scripts = shaping.SCRIPTS
    clear()
    shaping.SCRIPTS = regex.compile(r"(?!)")
    try:
        yield
    finally:
        shaping.SCRIPTS = scripts
        clear()


def _svgs(carousel) -> list[str]:
    return render.render_slides(carousel)


OTHERS = ["Hook مرحبا بالعالم", "שלום עולם (test) 日本語のテキスト 한국어 🎉 👩🏾\u200d💻 "
                               "**bold** 𝗯𝗼𝗹𝗱 𝘪𝘵𝘢𝘭𝘪𝘤 café e\u0301 #tag https://example.com/x"]


def _not_devanagari() -> list[list[str]]:
    return [_svgs(sample_carousel()), _svgs(sample_carousel(layout="list")), _svgs(carousel_of(OTHERS))]


def test_latin_and_every_script_that_needs_no_shaping_draws_exactly_as_before():
    shaped = _not_devanagari()
    with unshaped():
        assert _not_devanagari() == shaped


def _ink_box(svg: str) -> tuple[float, float, float, float] | None:
    """Bounding box of every shaped outline's points (control points too: the ink lies inside)."""
    xs: list[float] = []
    ys: list[float] = []
    for node in parse(svg).iter(NS + "path"):
        if "shaped" in (node.get("class") or "").split():
            numbers = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", node.get("d"))]
            xs += numbers[0::2]
            ys += numbers[1::2]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _inside(box, safe, slack: float = 0.5) -> bool:
    if box is None:  # nothing shaped on this page
        return True
    x0, y0, x1, y1 = box
    return safe.x - slack <= x0 and x1 <= safe.right + slack and safe.y - slack <= y0 and y1 <= safe.bottom + slack


def test_a_hindi_title_is_drawn_shaped_inside_the_safe_area():
    c = carousel_of([HINDI, "दूसरा पोस्ट"])
    with unshaped():
        unshaped_png = png_pixels(render.render_slides(c)[0], 1080)
    svg = render.render_slides(c)[0]
    shaped = [n for n in parse(svg).iter(NS + "path") if "shaped" in (n.get("class") or "")]
    assert shaped and {n.get("aria-hidden") for n in shaped} == {"true"}
    assert _ink_box(svg) and _inside(_ink_box(svg), render.make_context(c).safe)
    pixels = png_pixels(svg, 1080)
    assert pixels.tobytes() != unshaped_png.tobytes()  # the unshaped drawing put the i-matra after ह


def test_the_words_of_a_shaped_title_are_in_the_svg_text_and_in_the_pdf_text(tmp_path):
    c = carousel_of([HINDI, "क्या आप हिन्दी पढ़ सकते हैं?"])
    svgs = render.render_slides(c)
    assert " ".join(body_text(svgs[:1]).split()) == HINDI
    source = tmp_path / "t.txt"
    source.write_text(HINDI + "\n\nक्या आप हिन्दी पढ़ सकते हैं?", encoding="utf-8")
    assert main(["render", str(source), "-o", str(tmp_path / "t.pdf"), "--data-dir", str(tmp_path / "data")]) == 0
    words = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "t.pdf").pages).split())
    assert HINDI in words and "क्या आप हिन्दी पढ़ सकते हैं?" in words


def test_the_preview_shows_the_svg_the_export_draws():
    c = carousel_of([HINDI, "यह **दूसरा** पोस्ट है। #हिन्दी and Latin words"])
    exported = pages.page_svgs(c, 2)
    for i, svg in enumerate(exported):
        preview = render.render_slide(c, i, scale=1)
        assert re.sub(r'^<svg[^>]*>', "", preview) == re.sub(r'^<svg[^>]*>', "", svg)
    assert 'class="shaped' in exported[1]


PIECES = st.sampled_from(["हिन्दी", "में", "लिखा", "प्रश्न", "क्षमा", "श्री", "द्वार", "हैं?", "कृपया,", "**बोल्ड**",
                          "#हिन्दी", "ที่", "ภาษาไทยเป็นภาษาที่สวยงาม", "hello", "world", "Carousel", "🎉", "(1/5)", "2024", "\n", "\n\n", "x" * 40,
                          "त्रिकोणमितीयसमीकरणोंकीव्याख्या"])
MIXED = st.lists(PIECES, min_size=1, max_size=30).map(" ".join)


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MIXED, st.sampled_from(["headline-body", "post-card", "big-statement", "split", "list"]),
       st.sampled_from(["linkedin-portrait", "instagram-square", "instagram-story"]),
       st.sampled_from(["Inter", "Poppins", "Playfair Display"]), st.sampled_from([(36, 18, 1.35), (96, 48, 1.0)]))
@example("त्रिकोणमितीयसमीकरणोंकीव्याख्या", "headline-body", "linkedin-portrait", "Poppins", (96, 48, 1.0))  # a line starts inside a word
def test_mixed_hindi_and_latin_stay_inside_the_safe_area_and_keep_every_word(words, layout, fmt, font, sizes):
    title, body, line_height = sizes
    typography = Typography(title, body, title_font=font, body_font=font, line_height=line_height)
    c = carousel_of(["Hook.", words], layout=layout, format=fmt, typography=typography)
    safe = render.make_context(c).safe
    svgs = render.render_slides(c)
    for svg in svgs:
        assert _inside(_ink_box(svg), safe), words
        for r in runs(svg):
            assert safe.x - 0.5 <= r.x and r.x + r.width <= safe.right + 0.5, (r.text, r.x, r.width)
    if layout == "list":  # list markers become drawn bullets
        return
    counts = render.pages_per_slide(c)
    slide = c.slides[1]
    drawn = body_text(svgs[counts[0]:counts[0] + counts[1]])
    expected = " ".join(p.text for p in text.prepare(slide.title + "\n" + slide.body))
    assert sorted(drawn.replace(" ", "")) == sorted(expected.replace(" ", ""))  # bidi may reorder, nothing lost
