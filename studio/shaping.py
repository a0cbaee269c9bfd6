"""Shaping: words in scripts whose letters change form and order in context, laid out by HarfBuzz.

CairoSVG draws ``<text>`` one character after another, with no shaping, and the
studio's static faces carry no OpenType layout tables. Latin, Greek, Cyrillic,
CJK and Hebrew read fine that way (Arabic is reshaped into presentation forms
before), but Devanagari does not: "हिन्दी" would come out as "ह न् ि दी", the
i-matra after its consonant and the virama left visible; nor does Thai with
stacked marks.

So a word in one of ``SCRIPTS`` is shaped with HarfBuzz against the source file
of the face it is set in, at the axis location of the studio's static face
(``fonts.instance_source``), with that file's GSUB/GPOS. Its width is the sum
of the shaped advances, and it is drawn as the outlines of the shaped glyphs
(one ``<path>``), read from the same HarfBuzz font, so glyph ids always match
the outlines and the browser preview, the PNG and the PDF draw the same ink.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import fonts
from .svg import num

# Brahmic scripts of South and South-East Asia: unreadable without shaping. Each has a bundled face
# (fonts.FALLBACKS): Devanagari in Noto Sans and Poppins, the others in their Noto Sans. Thai needs it too:
# without shaping its tone marks sit on the upper vowels, "ที่", and upper vowels hit tall consonants, "ปี".
SCRIPTS = regex.compile(r"[\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Gurmukhi}\p{sc=Gujarati}\p{sc=Oriya}"
                        r"\p{sc=Tamil}\p{sc=Telugu}\p{sc=Kannada}\p{sc=Malayalam}\p{sc=Sinhala}"
                        r"\p{sc=Thai}\p{sc=Lao}\p{sc=Myanmar}\p{sc=Khmer}]")


@dataclass(frozen=True)
class Glyph:
    """One shaped glyph: its id in the face, advance and offsets in ems (y up)."""

    gid: int
    advance: float
    dx: float = 0.0
    dy: float = 0.0


def needs_shaping(ch: str) -> bool:
    """``ch`` belongs to a script drawn shaped."""
    return bool(SCRIPTS.match(ch))


@lru_cache(maxsize=32)
def _font(family: str, weight: int):
    import uharfbuzz as hb
    path, location = fonts.instance_source(family, fonts.best_weight(family, weight))
    face = hb.Face(hb.Blob.from_file_path(str(path)))
    font = hb.Font(face)
    if location:
        font.set_variations(dict(location))
    return font, face.upem


@lru_cache(maxsize=8192)
def shape(clusters: tuple[str, ...], family: str, weight: int) -> tuple[tuple[Glyph, ...], ...]:
    """Shape a word given as grapheme clusters; the glyphs of each cluster, in visual (left-to-right) order.

    HarfBuzz may merge clusters (a conjunct spans two); the merged glyphs go to the first one.
    """
    import uharfbuzz as hb
    font, upem = _font(family, weight)
    buf = hb.Buffer()
    buf.add_str("".join(clusters))
    buf.guess_segment_properties()
    hb.shape(font, buf, {"kern": False})  # like the rest of the studio's text: no kerning
    starts, at = [], 0
    for c in clusters:
        starts.append(at)
        at += len(c)
    glyphs = [Glyph(info.codepoint, pos.x_advance / upem, pos.x_offset / upem, pos.y_offset / upem)
              for info, pos in zip(buf.glyph_infos, buf.glyph_positions)]
    _hold_ink(glyphs, font, upem)
    out: list[list[Glyph]] = [[] for _ in clusters]
    for info, glyph in zip(buf.glyph_infos, glyphs):
        out[bisect_right(starts, info.cluster) - 1].append(glyph)
    return tuple(tuple(g) for g in out)


def ink_lead(glyphs: tuple[Glyph, ...], family: str, weight: int) -> float:
    """How far (ems) the ink of a cluster's glyphs reaches left of the cluster's pen position; 0 if it does not."""
    return -_ink_span(glyphs, *_font(family, weight))[0]


def _ink_span(glyphs, font, upem: int) -> tuple[float, float, float]:
    """(leftmost ink ≤ 0, rightmost ink ≥ 0, total advance) of glyphs set from pen position 0, in ems."""
    left, right, pen = 0.0, 0.0, 0.0
    for g in glyphs:
        extents = font.get_glyph_extents(g.gid)
        if extents is not None and extents.width:
            ink = pen + g.dx + extents.x_bearing / upem
            left, right = min(left, ink), max(right, ink + extents.width / upem)
        pen += g.advance
    return left, right, pen


def _hold_ink(glyphs: list[Glyph], font, upem: int) -> None:
    """Widen a word's first and last advance so that its ink stays between its start and its end.

    An i-matra starting a word can reach left of the pen (Poppins): at a line start that ink
    would cross the margin, since the studio aligns lines by their advances.
    """
    if not glyphs:
        return
    left, right, pen = _ink_span(glyphs, font, upem)
    if left < 0:
        first = glyphs[0]
        glyphs[0] = Glyph(first.gid, first.advance - left, first.dx - left, first.dy)
    if right > pen:
        last = glyphs[-1]
        glyphs[-1] = Glyph(last.gid, last.advance + right - pen, last.dx, last.dy)


@lru_cache(maxsize=4096)
def _outline(family: str, weight: int, gid: int) -> tuple[tuple[str, tuple[float, ...]], ...]:
    """A glyph's outline as (command, coordinates in ems, y up)."""
    from fontTools.pens.basePen import BasePen
    font, upem = _font(family, weight)
    commands: list[tuple[str, tuple[float, ...]]] = []

    class Recorder(BasePen):
        def _moveTo(self, p):
            commands.append(("M", (p[0] / upem, p[1] / upem)))

        def _lineTo(self, p):
            commands.append(("L", (p[0] / upem, p[1] / upem)))

        def _qCurveToOne(self, p1, p2):
            commands.append(("Q", tuple(v / upem for v in (*p1, *p2))))

        def _curveToOne(self, p1, p2, p3):
            commands.append(("C", tuple(v / upem for v in (*p1, *p2, *p3))))

        def _closePath(self):
            commands.append(("Z", ()))

    font.draw_glyph_with_pen(gid, Recorder(None))
    return tuple(commands)


def path_data(glyphs: tuple[tuple[Glyph, float], ...], family: str, weight: int, size: float,
              x: float, baseline: float) -> str:
    """SVG path data drawing ``glyphs`` ((glyph, pen x in ems from ``x``)) at ``size`` on ``baseline``."""
    parts: list[str] = []
    for glyph, pen in glyphs:
        ox, oy = x + (pen + glyph.dx) * size, baseline - glyph.dy * size
        for op, values in _outline(family, weight, glyph.gid):
            parts.append(op)
            for i in range(0, len(values), 2):
                parts.append(num(ox + values[i] * size))
                parts.append(num(oy - values[i + 1] * size))
    return " ".join(parts)
