"""Property test: random post texts (emoji, RTL, XML specials, control characters, 500-char words)."""
from __future__ import annotations

import os
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from studio import render
from studio.code import without_thread_emoji
from studio.text import clean, prepare

from property_examples import examples
from render_helpers import body_text, carousel_of, parse, png_pixels, runs

EXAMPLES = int(os.environ.get("CS_HYPOTHESIS_EXAMPLES") or examples(40))  # raise it locally to hunt for bugs
PIECES = st.sampled_from([
    "hello", "world", "Carousel", "<b>", "&amp;", "</text>", '"', "'", "\x00", "\x07", "\x1b", "\u200b", "\u202e",
    "\ud800", "שלום", "עולם", "مرحبا", "بالعالم", "🎉", "👩🏾\u200d💻", "👨\u200d👩\u200d👧\u200d👦", "🇯🇵", "1️⃣",
    "@ada", "#design", "$AAPL", "https://example.com/a/very/long/path?q=1&r=2", "—", "…", "x" * 500,
    "supercalifragilisticexpialidocious" * 3, "🧵", "👇", "in→out", "(1/5)", "é", "e\u0301", "日本語のテキスト", "Ωμέγα", "\n", "\n\n", " ", "  ",
])
TEXT = st.lists(PIECES, min_size=1, max_size=40).map(" ".join)


_MIRRORS = str.maketrans(")>]}»›", "(<[{«‹")  # RTL text draws mirrored brackets


def _norm(s: str) -> str:
    """Compare what is drawn with what was typed: NFKC (Arabic presentation forms fold back),
    mirrored brackets folded, spaces ignored, order ignored (bidi reorders)."""
    s = unicodedata.normalize("NFKC", s).translate(_MIRRORS)
    return "".join(sorted(ch for ch in s if not ch.isspace()))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(["headline-body", "post-card", "list", "big-statement", "split"]),
       st.sampled_from(["linkedin-portrait", "instagram-square", "instagram-story"]))
# a zero-width joiner beside the line's bidi context shifted the line's characters (drawn twice, off the page)
@example("שלום 👩🏾\u200d💻 hello", "headline-body", "linkedin-portrait")
def test_any_post_renders_inside_the_safe_area_without_losing_a_character(text, layout, fmt):
    c = carousel_of(["Hook.", text], layout=layout, format=fmt)
    safe = render.make_context(c).safe
    svgs = render.render_slides(c)
    for svg in svgs:
        parse(svg)  # well-formed XML
        for r in runs(svg):
            assert safe.x - 0.5 <= r.x and r.x + r.width <= safe.right + 0.5, (r.text, r.x, r.width)
            assert safe.y - 0.5 <= r.y - r.size * 0.8 and r.y + r.size * 0.25 <= safe.bottom + 0.5, r.text
    counts = render.pages_per_slide(c)
    content = svgs[counts[0]:counts[0] + counts[1]]
    slide = c.slides[1]
    expected = " ".join(p.text for p in prepare(slide.title + "\n" + slide.body))  # links show X's short text
    drawn = body_text(content)
    if layout == "list":  # list markers ("- ", "1.") become drawn bullets
        return
    assert _norm(drawn) == _norm(expected)


@settings(max_examples=examples(8), deadline=None)
@given(TEXT)
def test_cairo_rasterises_any_post(text):
    c = carousel_of(["Hook.", text])
    for svg in render.render_slides(c)[1:2]:
        assert png_pixels(svg, 135).size == (135, 169)


from tests_images import tiny_jpeg  # noqa: E402

_LOGO = tiny_jpeg(300, 100)


@settings(max_examples=examples(20), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.floats(16, 96), st.floats(10, 48), st.floats(8, 24), st.floats(1.0, 2.0), st.sampled_from(["left", "center"]),
       st.sampled_from(["post-card", "headline-body", "big-statement", "list", "image-focus", "split"]),
       st.sampled_from(["linkedin-square", "instagram-story", "linkedin-portrait"]),
       st.sampled_from(["header-footer", "header", "footer", "none"]))
@example(64, 33, 8, 1.0, "left", "list", "linkedin-square", "none")  # a row number at the page top, tight lines
def test_any_typography_keeps_the_sample_inside_the_safe_area(title, body, meta, lh, align, layout, fmt, placement):
    from studio.brand import BrandProfile
    from studio.typography import Typography
    from render_helpers import sample_carousel
    c = sample_carousel(layout=layout, format=fmt, typography=Typography(title, body, meta, line_height=lh, align=align),
                        brand=BrandProfile(name="Maya Okafor", handle="maya", website="maya.design",
                                           placement=placement, logo=_LOGO))
    safe = render.make_context(c).safe
    for svg in render.render_slides(c):
        logo = [n for n in parse(svg).iter("{http://www.w3.org/2000/svg}image") if "logo" in (n.get("clip-path") or "")]
        for n in logo:
            x, y, w, h = (float(n.get(k)) for k in ("x", "y", "width", "height"))
            assert safe.x - 0.5 <= x and x + w <= safe.right + 0.5 and safe.y - 0.5 <= y and y + h <= safe.bottom + 0.5
        for r in runs(svg):
            assert safe.x - 0.5 <= r.x and r.x + r.width <= safe.right + 0.5, (r.role, r.text)
            assert safe.y - 0.5 <= r.y - r.size * 0.8 and r.y + r.size * 0.25 <= safe.bottom + 0.5, (r.role, r.text)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from(["linkedin-portrait", "instagram-square", "instagram-story"]))
@example("hello שלום 👩🏾\u200d💻 hello hello", "linkedin-portrait")
def test_the_cover_draws_every_character_of_the_first_post(text, fmt):
    """Only the 🧵 labelling the thread may go (a 🧵 among words stays); a long first post continues on the first
    content slide."""
    c = carousel_of([text, "Second post."], format=fmt)
    svgs = render.render_slides(c)
    counts = render.pages_per_slide(c)
    first = [i for i, s in enumerate(c.slides) if s.post_ids == ["0"]]
    start = sum(counts[:first[0]])
    pages = svgs[start:start + sum(counts[i] for i in first)]
    drawn = body_text(pages)
    expected = " ".join(p.text for p in prepare(without_thread_emoji(clean(text))))  # links show X's short text
    assert _norm(drawn) == _norm(expected)
