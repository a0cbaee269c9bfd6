"""Shared pieces of every layout: boxes, the drawing context, text flow and small drawings.

A layout turns (context, slide, body size, cursor) into the elements of one
page and what is left for the next page. The *cursor* is ``None`` on a slide's
first page and afterwards the tuple of text blocks still to place, so long
text continues on extra pages and no word is ever dropped.
"""
from __future__ import annotations

import io
import itertools
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable

from .. import emoji, fonts
from ..image import Image, data_url, encode
from ..outro import OutroCTA
from ..post import Post
from ..shaping import path_data
from ..slide import Slide
from ..svg import El, el, num
from ..text import (CODE_PAD, MONO_FAMILY, SAFETY, Cluster, Line, Para, cluster_em, font_for, has_glyph, line_runs,
                    mark_ink, styled_letter,
                    graphemes, holds_direction, lead_width, measure, para_ems, prepare, strong_direction, text_width, direction_weights,
                    wrap_from, wrap_para, wrapped_table)
from ..theme import Palette, Theme, luminance, rgb
from ..typography import MIN_BODY_SIZE

# Text is laid out here, glyph by glyph in visual order (Arabic already in its joined forms): the browser must
# draw those characters as they are. Our fonts carry no substitution table, and then the browser's shaper makes
# Arabic joins and lam-alef ligatures of its own from the presentation forms ("rlig", "init", …): glyphs
# changed under their fixed positions and overlapped in the preview, while the export was right.
TEXT_STYLE = ("font-kerning:none;font-variant-ligatures:none;"
              "font-feature-settings:'rlig' 0,'liga' 0,'init' 0,'medi' 0,'fina' 0,'isol' 0;"
              "unicode-bidi:bidi-override;direction:ltr")
EMOJI_SIZE = 1.0  # emoji image size in ems (its advance is text.EMOJI_ADVANCE)
PARA_GAP = 0.55  # blank line between paragraphs, in line heights
SLANT = 0.2  # italic letters lean this far right per unit of height (about 11°)
# The least opacity cairo still draws (it skips text under 1/256): a PDF keeps such text, a PNG changes
# by at most one level of 255 where it does not lie under the shaped outlines drawn over it.
TEXT_LAYER_OPACITY = 0.005
EMOJI_TEXT = "emoji-text"  # an emoji's characters under its picture: drawn in a PDF's text layer only


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def inset(self, dx: float, dy: float | None = None) -> "Box":
        dy = dx if dy is None else dy
        return Box(self.x + dx, self.y + dy, self.w - 2 * dx, self.h - 2 * dy)

    def top(self, h: float) -> "Box":
        return Box(self.x, self.y, self.w, h)

    def below(self, dy: float) -> "Box":
        return Box(self.x, self.y + dy, self.w, max(0.0, self.h - dy))


@dataclass(frozen=True)
class TextStyle:
    family: str
    weight: int
    size: float
    line_height: float
    colour: str
    accent: str
    align: str = "left"  # left, center
    dark_ground: bool = False  # drawn on a dark page or panel: a near-black emoji gets an outline there

    @property
    def lh(self) -> float:
        return self.size * self.line_height

    @property
    def ink(self) -> float:
        """The height a line needs: at a tight line height, descenders reach below the line box."""
        return max(self.lh, self.lh / 2 + self.size * 0.55)


@dataclass(frozen=True)
class Block:
    """Paragraphs in one style; ``marker`` ("•" or a number) is drawn before its first line."""

    paras: tuple[Para, ...]
    style: TextStyle
    marker: str = ""
    indent: float = 0.0
    gap_before: float = 0.0  # in line heights, when not first on the page
    role: str = "body"  # svg class: title, body, meta
    start: int = 0  # where the first paragraph resumes (a cluster index) on a continuation page
    measure: float = 0.0  # narrower line length than the column (balanced titles); 0 = the column
    apart: bool = False  # a blank line over it in the text: a list item there starts another list
    hang: int = 0  # a list line drawn as written ("- Ship it"): its first this many clusters (the creator's marker)
    # stand left of ``indent`` on the first line, so its wrapped lines start under the words, not under the marker


@dataclass(frozen=True)
class Placed:
    line: Line
    block: Block
    y: float  # top of the line box, relative to the flow's top
    marker: str
    x: float = 0.0  # a code line's indentation, from the block's left edge
    style: TextStyle | None = None  # a code line drawn smaller than its block (``code_style``)

    @property
    def text_style(self) -> TextStyle:
        return self.style or self.block.style


@dataclass
class Ctx:
    """Everything a layout needs about the carousel being drawn."""

    width: float
    height: float
    safe: Box
    content: Box
    theme: Theme
    palette: Palette
    title_font: str
    body_font: str
    title_weight: int
    title_size: float
    body_size: float
    meta_size: float
    line_height: float
    align: str
    scale: float
    show_post_meta: bool
    brand_name: str
    brand_handle: str
    brand_avatar: Image | None
    posts: dict[str, Post] = field(default_factory=dict)
    number_scale: float = 1.2  # a section number's size, in title sizes (it grows on a tall page)
    uid: str = "s"
    dry_run: bool = False  # only find where pages break (auto-fit trials): draw nothing
    cta: OutroCTA = field(default_factory=OutroCTA)  # what the outro asks the reader to do
    panel_dark: bool | None = None  # text set on a panel (templates.on_panel): is that panel's fill dark?

    def ids(self, name: str) -> str:
        return f"{self.uid}-{name}"

    def body_style(self, size: float | None = None, colour: str | None = None, weight: int = 400) -> TextStyle:
        return TextStyle(self.body_font, weight, size or self.body_size, self.line_height,
                         colour or self.palette.text, self.palette.accent, self.align, self.dark_ground(colour))

    def title_style(self, size: float | None = None, colour: str | None = None) -> TextStyle:
        return TextStyle(self.title_font, self.title_weight, size or self.title_size, 1.14,
                         colour or self.palette.text, self.palette.accent, self.align, self.dark_ground(colour))

    def dark_ground(self, colour: str | None) -> bool:
        """Is the ground behind text of ``colour`` dark? The page's (the theme's) for the page's text colours,
        whatever their shade (a muted grey on a dark page is no lighter than 0.4), or the panel's they are set on;
        the accent panel's for its own."""
        pal = self.palette
        if not colour or colour in (pal.text, pal.muted, pal.accent):
            return self.theme.dark if self.panel_dark is None else self.panel_dark
        if colour == pal.on_accent:
            return luminance(pal.accent_fill) < DARK_GROUND
        return luminance(colour) > LIGHT_TEXT  # a colour of its own (over a photo): light text stands on dark

    def post_of(self, slide: Slide) -> Post | None:
        return next((self.posts[p] for p in slide.post_ids if p in self.posts), None)


# ---------------------------------------------------------------- text flow

def block(text: str, style: TextStyle, *, marker: str = "", indent: float = 0.0, gap_before: float = 0.0,
          role: str = "body", links: bool = True, apart: bool = False) -> Block | None:
    """``text`` as a block, None when it has no words; a list item with no words ("2)" on its own line) is its
    marker on a line of its own (one empty paragraph), which takes its list's direction (``draw_flow``)."""
    paras = prepare(text) if links else prepare(text, False)  # one cache entry: prepare(t) is not prepare(t, True)
    if not paras and marker and not text.strip():
        paras = (Para((), False),)
    return Block(paras, style, marker, indent, gap_before, role, apart=apart) if paras else None


def fit_flow(blocks: tuple[Block, ...], width: float, height: float,
             force: bool = False) -> tuple[list[Placed], tuple[Block, ...], float]:
    """Place lines of ``blocks`` into a column; returns (placed, blocks left over, height used).

    ``force`` places at least one line even if it does not fit (so pages always progress).
    """
    placed: list[Placed] = []
    y = 0.0
    for bi, blk in enumerate(blocks):
        blk = readable_tables(blk, width)
        code_st = None  # the style of the run of code lines being placed
        block_top = (len(placed), y)  # where this block starts: a list row that does not fit goes on whole
        for pi, para in enumerate(blk.paras):
            line_width = min(width - blk.indent, blk.measure) if blk.measure else width - blk.indent
            if not para.code or (pi and para.drawing != blk.paras[pi - 1].drawing):  # code after a drawing: its own
                code_st = None
            if para.code and code_st is None:
                code_st = code_style(blk.paras[pi:], blk.style, line_width)
            st = code_st or blk.style
            lh = st.lh
            room = max(1, int((height - y) / lh) + 2)  # lines worth breaking: what fits, plus one
            start = blk.start if pi == 0 else 0
            if para.code:
                lines, xs = code_layout(para, start, st, line_width, room)
            elif blk.hang and pi == 0 and start == 0 and para.clusters:
                lines, xs = hanging_layout(para, blk.hang, st, line_width, room)
            else:
                lines = wrap_from(para, start, st.family, st.weight, st.size, line_width, room) \
                    if para.clusters else (Line(para, 0, 0, 0.0),)  # an empty list item ("2)"): its marker's line
                xs = (0.0,) * len(lines)
            for li, line in enumerate(lines):
                first_of_block = pi == 0 and li == 0
                if first_of_block:
                    extra = blk.gap_before * lh if placed else 0.0
                elif li == 0 and para.gap:  # a blank line inside code keeps its whole height
                    extra = (1.0 if para.code and blk.paras[pi - 1].code else PARA_GAP) * lh
                else:
                    extra = 0.0
                if y + extra + st.ink > height + 0.01 and not (force and not placed):
                    if first_of_block:
                        return placed, blocks[bi:], y
                    if blk.marker.startswith(LIST_ROW) and block_top[0] and blk.start == 0:
                        # a list row is not cut in two across pages: it starts the next one
                        return placed[:block_top[0]], blocks[bi:], block_top[1]
                    # the rest draws no marker again; a list row's rest stays a row (on its band: ``row_bands``)
                    marker = SUB_ROW if blk.marker.startswith((LIST_ROW, SUB_ROW)) else ""
                    rest = replace(blk, paras=blk.paras[pi:], start=line.start, marker=marker, gap_before=0.0)
                    return placed, (rest,) + blocks[bi + 1:], y
                y += extra
                placed.append(Placed(line, blk, y, blk.marker if first_of_block else "", xs[li],
                                     None if st is blk.style else st))
                y += lh
    return placed, (), y


CODE_MIN_SCALE = 0.8  # code is drawn this much smaller at most, to keep its lines or its names whole
DRAWING_MIN_SCALE = 0.4  # a table or ASCII drawing, this much smaller at most, to keep its columns in line


def _code_run(paras: tuple[Para, ...], st: TextStyle) -> tuple[list[Para], float, float]:
    """The run of code or drawing lines that starts ``paras``, its widest line and its widest unbreakable piece,
    in ems at the style's weight (indentation included)."""
    space = cluster_em(" ", MONO_FAMILY, st.weight)
    run = list(itertools.takewhile(lambda p: p.code and p.drawing == paras[0].drawing, paras))
    sizes = [para_ems(p, st.family, st.weight) for p in run]
    line = max(whole + p.indent * space for p, (whole, _) in zip(run, sizes))
    piece = max(widest + (p.indent + HANGING) * space for p, (_, widest) in zip(run, sizes))
    return run, line, piece


def drawing_room(paras: tuple[Para, ...], st: TextStyle, width: float) -> float:
    """How much of its widest row the run of code or drawing lines that starts ``paras`` has room for in
    ``width`` at the style's size (1.0 or more: every row fits as written)."""
    _, line, _ = _code_run(paras, st)
    return (width / st.size - 2 * CODE_PAD) * SAFETY / max(line, 1e-9)


def wide_drawing(blocks: tuple[Block, ...], width: float, full: float) -> bool:
    """Would a table or ASCII drawing among ``blocks`` read better ``full`` wide than ``width`` wide (there it is
    drawn smaller or wrapped cell by cell; across ``full`` at a readable size, or larger than it would be there),
    or a code block's lines wrap ``width`` wide?"""
    for blk in blocks:
        for n, para in enumerate(blk.paras):
            above = blk.paras[n - 1] if n else None
            if not para.code or above is not None and above.code and above.drawing == para.drawing:
                continue  # not the first line of a run of code or drawing lines
            room = drawing_room(blk.paras[n:], blk.style, width)
            if not para.drawing:
                if room < CODE_MIN_SCALE:
                    return True
                continue
            if room >= 1.0:
                continue
            across = blk.style.size * min(1.0, drawing_room(blk.paras[n:], blk.style, full))
            shrunk = blk.style.size * room if room >= DRAWING_MIN_SCALE else None  # else wrapped at full size
            if across >= MIN_BODY_SIZE or shrunk is not None and across > shrunk:
                return True
            run = tuple(itertools.takewhile(lambda p: p.drawing, blk.paras[n:]))
            if not _readable(run, blk.style, width, True) and _readable(run, blk.style, full):  # words whole only across
                return True
    return False


def readable_tables(blk: Block, width: float) -> Block:
    """``blk`` with each table (Markdown, or boxed in "+---+" borders) that would be drawn below the reading size in
    a column ``width`` wide (its rows shrunk to stay one line each, or wrapped mid-cell) re-laid with its cells
    wrapped inside their columns, at that size (``text.wrapped_table``): a grid still, every word kept. Other
    drawings are left as they are."""
    if not any(p.drawing for p in blk.paras):
        return blk
    line_width = min(width - blk.indent, blk.measure) if blk.measure else width - blk.indent
    paras = _readable_tables(blk.paras, blk.style, line_width, blk.start > 0)
    return blk if paras is blk.paras else replace(blk, paras=paras)


@lru_cache(maxsize=1024)  # every page and every type size tried lays the same table out again
def _readable_tables(paras: tuple[Para, ...], st: TextStyle, width: float, resumed: bool) -> tuple[Para, ...]:
    floor = table_floor(st)
    out: list[Para] = []
    n = 0
    while n < len(paras):
        para = paras[n]
        if not para.drawing or n and paras[n - 1].drawing:
            out.append(para)
            n += 1
            continue
        run = list(itertools.takewhile(lambda p: p.drawing, paras[n:]))
        n += len(run)
        wrapped = None
        if not (resumed and n == len(run)) and drawing_room(tuple(run), st, width) < floor / st.size:
            wrapped = _table_at(tuple(run), st, floor, width)
        out.extend(wrapped or run)
    return tuple(out) if out != list(paras) else paras


def _readable(run: tuple[Para, ...], st: TextStyle, width: float, whole: bool = False) -> bool:
    """Can the drawing ``run`` be drawn at the reading size ``width`` wide: its rows whole, or a table's cells
    wrapped in their columns (``whole``: no word broken)?"""
    floor = table_floor(st)
    return drawing_room(run, st, width) >= floor / st.size or _table_at(run, st, floor, width, whole) is not None


def table_floor(st: TextStyle) -> float:
    """The smallest size a table of text in style ``st`` is drawn at: the reading size (the text's own, if smaller),
    and no smaller than DRAWING_MIN_SCALE of the text's."""
    return max(min(st.size, MIN_BODY_SIZE), st.size * DRAWING_MIN_SCALE)


def _table_at(run: tuple[Para, ...], st: TextStyle, floor: float, width: float,
              whole: bool = False) -> tuple[Para, ...] | None:
    """The table ``run`` re-laid so that ``code_style`` draws it at ``floor`` or larger in ``width`` (None: not a
    table, or too many columns for that)."""
    ems = (width / st.size - 2 * CODE_PAD) * SAFETY * st.size / floor  # the widest row drawn at ``floor``, in ems
    columns = int(ems / cluster_em(" ", MONO_FAMILY, st.weight))
    for narrower in range(12):  # a wide letter (CJK, emoji) may draw wider than two columns: narrower still
        rows = wrapped_table(run, columns - narrower, whole)
        if rows is None or drawing_room(rows, st, width) >= floor / st.size:
            return rows
    return None


def code_style(paras: tuple[Para, ...], st: TextStyle, width: float) -> TextStyle:
    """The style of the run of code lines that starts ``paras``: the text's, or smaller (down to
    CODE_MIN_SCALE) when that keeps every line of the run on one line, or else every name whole."""
    _, line, piece = _code_run(paras, st)
    room = (width / st.size - 2 * CODE_PAD) * SAFETY
    if line <= room:
        return st
    if paras[0].drawing and room / line >= DRAWING_MIN_SCALE:  # a table keeps its rows on one line each
        return replace(st, size=st.size * room / line)
    scale = room / line if room / line >= CODE_MIN_SCALE else min(1.0, room / piece)
    return st if scale >= 1.0 or scale < CODE_MIN_SCALE else replace(st, size=st.size * scale)


def hanging_layout(para: Para, hang: int, st: TextStyle, width: float, room: int) -> tuple[tuple[Line, ...], tuple]:
    """A list line drawn as written: its first line starts its marker (the first ``hang`` clusters) left of the
    item's edge, its wrapped lines start at the edge, under the item's first word."""
    lead = lead_width(para, hang, st.family, st.weight, st.size)
    first = wrap_from(para, 0, st.family, st.weight, st.size, width + lead, 1)
    rest = wrap_from(para, first[0].end, st.family, st.weight, st.size, width, room) \
        if first and first[0].end < len(para.clusters) else ()
    lines = first + rest
    return lines, (-lead,) + (0.0,) * (len(lines) - 1)


HANGING = 2  # a code line too long for the column goes on this many spaces further in


def code_layout(para: Para, start: int, st: TextStyle, width: float, room: int) -> tuple[tuple[Line, ...], tuple]:
    """A code line's lines and their x offsets: at its indentation (as far as half the column), inside the
    code panel; what wraps goes on HANGING spaces further in, so it never reads as a line of its own."""
    space = cluster_em(" ", MONO_FAMILY, st.weight) * st.size
    inner = width - 2 * CODE_PAD * st.size
    indent = min(para.indent * space, inner / 2)
    hang = min(indent + HANGING * space, inner / 2)
    lines = wrap_from(para, start, st.family, st.weight, st.size, inner - indent, room)
    if len(lines) > 1 or start:
        first = wrap_from(para, start, st.family, st.weight, st.size, inner - indent, 1)
        rest = wrap_from(para, first[0].end, st.family, st.weight, st.size, inner - hang, room) \
            if first and first[0].end < len(para.clusters) else ()
        lines = first + rest
    pad = CODE_PAD * st.size
    return lines, tuple(pad + (indent if li == 0 and not start else hang) for li in range(len(lines)))


def draw_flow(ctx: Ctx, placed: list[Placed], x: float, y: float, width: float,
              heading: str | None = None) -> list[El]:
    """Draw placed lines. In centred text a list stays left-aligned, centred as one block. ``heading``: the
    slide's title over the flow, which has its say in the direction of a list right under it."""
    if ctx.dry_run:
        return []
    out: list[El] = []
    list_w = max((p.line.width + p.block.indent for p in placed if p.block.indent), default=0.0)
    out.extend(code_panels(placed, x, y, width))
    rtl_list = _list_directions(placed, heading)
    for p in placed:
        st = p.text_style
        bx = x
        if (p.block.indent or p.line.para.code) and st.align == "center":
            st = replace(st, align="left")  # code keeps its indentation; a list, its left edge
            bx = x + max(0.0, (width - list_w) / 2) if not p.line.para.code else x
        baseline = y + p.y + (st.lh - st.size) / 2 + st.size * 0.8
        in_list = id(p) in rtl_list
        if in_list and rtl_list[id(p)]:  # a right-to-left list: its markers on the right, its items against them
            span = list_w if bx > x else width
            if p.marker.startswith(SUB_ROW):  # a nested row's dot, just right of its text
                out.extend(draw_marker(ctx, p.marker, bx + span - p.block.indent + st.size * SUB_GAP, baseline, st))
            elif p.marker:
                out.extend(draw_marker(ctx, p.marker, bx + span - marker_width(ctx, p.marker, st), baseline, st))
            out.extend(draw_line(in_list_line(p.line, True), st, bx, baseline, span - p.block.indent - p.x,
                                 p.block.role, rtl=True))
            continue
        if p.marker:  # a nested row's dot stands just left of its text
            nest = p.block.indent - st.size * (SUB_GAP + SUB_DOT) if p.marker.startswith(SUB_ROW) else 0.0
            out.extend(draw_marker(ctx, p.marker, bx + nest, baseline, st))
        left = bx + p.block.indent + p.x
        if p.block.hang and p.line.para.rtl:  # a right-to-left line drawn as written hangs from the right
            out.extend(draw_line(p.line, st, bx, baseline, width - p.block.indent - p.x, p.block.role))
            continue
        out.extend(draw_line(in_list_line(p.line, False) if in_list else p.line, st, left, baseline,
                             width - (left - x), p.block.role, rtl=False if in_list else None))
    return out


def _list_directions(placed: list[Placed], heading: str | None = None) -> dict[int, bool]:
    """Each list line (by id) → whether its list runs right to left, so that a list keeps one direction: an
    English item in an Arabic list has its marker on the right, an Arabic item in an English list on the left.

    A list runs as ``list_rtl`` says of its items and the paragraph above it (the ``heading`` when none is).
    A blank line between two runs of two or more items each starts
    another list (an Arabic list, then an English one); items set one apart from the next are one list."""
    lists: list[tuple[str | None, list[list[Placed]]]] = []  # (paragraph above, runs of items, lines each)
    above: str | None = heading  # the paragraph over the list being read
    run: list[Placed] | None = None
    previous: Block | None = None
    for p in placed:
        if not p.block.indent or p.line.para.code or (p.block.hang and not p.block.marker):  # (a line drawn as
            # written keeps its own direction: a post card's, or an item with its own bullet, unindented before it hung)
            run, above = None, (p.line.para.text if not p.line.para.code else None)
        elif run is None:
            run = [p]
            lists.append((above, [run]))
        elif p.block is not previous and (p.block.apart or p.block.paras[0].gap):  # a blank line over the item
            run = [p]
            lists[-1][1].append(run)
        else:
            run.append(p)
        previous = p.block
    out: dict[int, bool] = {}
    for above_para, runs in lists:
        for group, first in _split_lists(runs):
            items = ["\n".join(pa.text for pa in block.paras) for block in _blocks(group)]
            over = above_para if first else None
            rtl = list_rtl(items, over)
            out.update((id(q), rtl) for q in group)
    return out


def _blocks(lines: list[Placed]) -> list[Block]:
    """The items (blocks) of list lines, in order, each once (an item may wrap onto several lines)."""
    return [q.block for k, q in enumerate(lines) if not k or q.block is not lines[k - 1].block]


def _split_lists(runs: list[list[Placed]]) -> list[tuple[list[Placed], bool]]:
    """Runs of list lines set apart by blank lines → lists (lines, first of them): two runs of two or more items
    each are two lists; a run of one item goes with its neighbours."""
    lists: list[tuple[list[Placed], bool]] = []
    last: list[Placed] | None = None
    for run in runs:
        if last is not None and (len(_blocks(last)) < 2 or len(_blocks(run)) < 2):
            lists[-1][0].extend(run)
        else:
            lists.append((list(run), not lists))
        last = run
    return lists


def as_written_lists(blk: Block, is_item: Callable[[str], bool]) -> Block:
    """A block drawn as written (a post card: its "•" and "1)" are its own characters), its list lines each set
    in their list's direction by the rule of ``list_rtl``: "• iPhone 15 Pro" in an Arabic list reads from the
    right like the rest of it. A list is a run of lines ``is_item`` says are items."""
    paras = list(blk.paras)
    n = 0
    while n < len(paras):
        if paras[n].code or not is_item(paras[n].text):
            n += 1
            continue
        end = n
        while end < len(paras) and not paras[end].code and is_item(paras[end].text):
            end += 1
        rtl = list_rtl([p.text for p in paras[n:end]], paras[n - 1].text if n and not paras[n - 1].code else None)
        # every line in the list's direction, an English one too: its "•" is a character of the line
        paras[n:end] = [p if p.rtl == rtl else replace(p, rtl=rtl) for p in paras[n:end]]
        n = end
    return replace(blk, paras=tuple(paras)) if tuple(paras) != blk.paras else blk


def list_rtl(items: list[str], above: str | None) -> bool:
    """Whether a list runs right to left, decided for the whole list, not item by item: as most of its items
    read (``direction_weights``), on a tie as the line above it (its heading), else as its first letter, else
    left to right. An Arabic list whose items name English products ("اشترِ iPhone 15 Pro", "جرّب Google
    Sheets") and a Hebrew one whose items open on them ("useEffect רק כשצריך") both run right to left. An item
    as much English as Arabic ("Slack للمحادثة") reads as the post around it, as X shows it, not as its own
    first letter: from the right under an Arabic heading, from the left in an English lesson."""
    over = _line_vote(above) if above is not None else None
    around = over if over is not None else next((d for d in map(strong_direction, items) if d is not None), None)
    votes = [_line_weight(line, around) for line in items]
    rtl, ltr = votes.count(True), votes.count(False)
    if rtl != ltr:
        return rtl > ltr
    return bool(around)


def _line_weight(text: str, even: bool | None) -> bool | None:
    """Which way a line reads by its words (``direction_weights``); ``even`` when they weigh the same, None
    with no letters."""
    rtl, ltr = direction_weights(text)
    return rtl > ltr if rtl != ltr else (even if rtl else None)


def _line_vote(text: str) -> bool | None:
    """The way a line reads: its right-to-left words against its runs of left-to-right ones (an English run in
    Hebrew or Arabic is a name: ``direction_weights``); on a tie, its first letter's; None with no letters."""
    return _line_weight(text, strong_direction(text))


def item_rtl(text: str, rtl: bool) -> bool:
    """An item's base direction in a list running ``rtl``: the list's when it holds a letter of that direction
    (or none at all: "2024", an empty item), so "اشترِ iPhone 15 Pro" reads from the right with the name in
    place; its own when it is all of the other script ("Use Figma." in an Arabic list keeps its full stop)."""
    own = strong_direction(text)
    return rtl if own is None or own == rtl or holds_direction(text, rtl) else own


def in_list_line(line: Line, rtl: bool) -> Line:
    """``line`` with its paragraph's base direction the one it takes in a list running ``rtl`` (``item_rtl``)."""
    para = line.para
    want = item_rtl(para.text, rtl) if not para.code else para.rtl
    return line if want == para.rtl else replace(line, para=replace(para, rtl=want))


def code_panels(placed: list[Placed], x: float, y: float, width: float) -> list[El]:
    """A faint panel behind each run of code lines, the width of the column."""
    out: list[El] = []
    run: list[Placed] = []
    for p in placed + [None]:
        if p is not None and p.line.para.code and (not run or run[-1].block is p.block):
            run.append(p)
            continue
        if run:
            st, first, last = run[0].text_style, run[0], run[-1]
            left = x + first.block.indent
            out.append(el("rect", x=left, y=y + first.y, width=width - first.block.indent,
                          height=last.y - first.y + st.lh, rx=st.size * 0.35, fill=st.colour, fill_opacity=0.07,
                          class_="code-panel"))
        run = [p] if p is not None and p.line.para.code else []
    return out


LIST_ROW = "row:"  # a list-layout row marker ("row:3"): a big accent number instead of a bullet ("row:": none)
_ROW_BULLET = LIST_ROW + "•"  # a row without a number in a list the creator bulleted: a plain bullet
SUB_ROW = "sub:"  # a row nested under the row above ("sub:◦": a small dot; "sub:": the item's own bullet)
SUB_DOT = 0.3  # the nested row's dot's width, in text sizes
SUB_GAP = 0.45  # the room between a nested row's dot and its text, in text sizes


def sub_indent(size: float) -> float:
    """How much further in a nested row's text starts than its parent row's."""
    return size * 1.2


def marker_width(ctx: Ctx, marker: str, st: TextStyle) -> float:
    """How far ``draw_marker``'s ink reaches right of its x (a right-to-left item's marker ends at the column's edge)."""
    marker = "•" if marker == _ROW_BULLET else marker
    if marker == LIST_ROW or marker == SUB_ROW:
        return 0.0
    if marker.startswith(SUB_ROW):
        return st.size * SUB_DOT
    if marker.startswith(LIST_ROW):
        size = min(st.size * 1.3, st.ink / 1.05)
        return text_width(marker[len(LIST_ROW):].zfill(2), ctx.title_font, ctx.title_weight, size)
    return st.size * (0.49 if marker == "•" else 1.32)


def draw_marker(ctx: Ctx, marker: str, x: float, baseline: float, st: TextStyle) -> list[El]:
    marker = "•" if marker == _ROW_BULLET else marker
    if marker == LIST_ROW or marker == SUB_ROW:  # a row whose item starts with its own bullet
        return []
    if marker.startswith(SUB_ROW):  # a nested row: a smaller, hollow dot
        r = st.size * SUB_DOT / 2
        return [el("circle", cx=x + r, cy=baseline - st.size * 0.34, r=r * 0.8, fill="none",
                   stroke=ctx.palette.accent_fill, stroke_width=r * 0.4, class_="sub-marker")]
    if marker.startswith(LIST_ROW):
        # the big number stays inside its line's ink box, so a row at the top or bottom of the page
        # keeps it inside the safe area even at a tight line height
        size = min(st.size * 1.3, st.ink / 1.05)
        top = baseline - st.size * 0.8 - (st.lh - st.size) / 2
        number_baseline = min(max(baseline + st.size * 0.1, top + size * 0.8), top + st.ink - size * 0.25)
        return [text_el(marker[len(LIST_ROW):].zfill(2), ctx.title_font, ctx.title_weight, size, ctx.palette.accent,
                        x, number_baseline, role="marker")]
    cy = baseline - st.size * 0.34
    if marker == "•":
        return [el("circle", cx=x + st.size * 0.3, cy=cy, r=st.size * 0.19, fill=ctx.palette.accent_fill)]
    r = st.size * 0.66
    # the number stays inside its circle: "100." of a top-100 list is set smaller than "7."
    size = min(st.size * 0.72, 1.5 * r / max(text_width(marker, ctx.body_font, 700, 1.0), 1e-6))
    label = text_el(marker, ctx.body_font, 700, size, ctx.palette.on_accent, x + r, cy + size * 0.354,
                    anchor="middle", role="marker")
    return [el("circle", cx=x + r, cy=cy, r=r, fill=ctx.palette.accent_fill), label]


DARK_GROUND = 0.18  # a fill darker than this (relative luminance) is a dark ground
LIGHT_TEXT = 0.4  # text lighter than this is set on a dark ground


def _outline(st: TextStyle) -> str | None:
    """The outline a near-black emoji gets on a dark ground: the text's colour."""
    return st.colour if st.dark_ground else None


def draw_line(line: Line, st: TextStyle, x: float, baseline: float, width: float, role: str,
              rtl: bool | None = None) -> list[El]:
    """One laid-out line: a <text> whose every run has its own x, plus emoji images. ``rtl``: the direction its
    edge follows (a list's), when not its own."""
    runs = line_runs(line, st.family, st.weight, st.size)
    if st.align == "center":
        x0 = x + (width - line.width) / 2
    elif st.align == "right" or (line.para.rtl if rtl is None else rtl):
        x0 = x + width - line.width
    else:
        x0 = x
    texts = [el("text", class_=role, font_size=st.size, fill=st.colour, style=TEXT_STYLE)]
    images: list[El] = []
    lines: list[El] = []
    for k, r in enumerate(runs):
        if r.emoji:
            size = st.size * EMOJI_SIZE
            images.append(el("image", x=x0 + r.x + (r.width - size) / 2, y=baseline - st.size * 0.82,
                             width=size, height=size, href=emoji.data_uri(r.emoji, _outline(st)),
                             attrs={"role": "img", "aria-label": r.text}, class_=f"emoji {role}"))
            # the emoji as text no one sees, in its place among the words: a PDF then holds it (see drawing.py);
            # hidden from screen readers, which read the picture's label
            texts[-1].add(el("tspan", text=r.text, x=x0 + r.x, y=baseline, fill_opacity=0, class_=EMOJI_TEXT,
                             attrs={"aria-hidden": "true"}))
        elif r.missing:  # its boxed "?" between the words before and after it, so a PDF reads them in order
            box, mark = missing_mark(r, st, x0, baseline)
            lines.append(box)
            texts.append(mark)
            texts.append(el("text", class_=role, font_size=st.size, fill=st.colour, style=TEXT_STYLE))
        else:
            weight = fonts.best_weight(r.family, 700 if r.bold else st.weight)
            if r.glyphs:  # a shaped word (Devanagari, Thai): cairo cannot shape, so its glyphs are drawn as outlines
                spaced = not line.para.rtl and k + 1 < len(runs) and runs[k + 1].x > r.x + r.width + st.size * 0.1
                span, outline = shaped_word(r, st, weight, x0, baseline, role, spaced)
            else:
                span, outline = el("tspan", text=r.text, x=glyph_xs(r.text, r.family, weight, st.size, x0 + r.x),
                                   y=baseline, font_family=fonts.css_family(r.family), font_weight=weight,
                                   fill=st.accent if (r.accent or r.emphasis) else None), None
            if r.italic:  # the bundled faces have no italic: slant the letters about the baseline
                # its own <text>, between the upright words before and after it, so a PDF reads them in order
                texts.append(el("text", span, class_=role, font_size=st.size, fill=st.colour, style=TEXT_STYLE,
                                transform=f"matrix(1 0 {-SLANT} 1 {num(SLANT * baseline)} 0)"))
                texts.append(el("text", class_=role, font_size=st.size, fill=st.colour, style=TEXT_STYLE))
            else:
                texts[-1].add(span)
            if outline is not None:  # over the shaped word's invisible text
                images.append(outline)
            if r.link:
                lines.append(link_area(r.link, x0 + r.x, baseline - st.size * 0.9, r.width, st.size * 1.15))
            if r.accent and _same_colour(st.accent, st.colour):  # a monochrome theme underlines links instead
                ink_w = r.width if r.glyphs else text_width(r.text, r.family, weight, st.size)
                lines.append(el("rect", x=x0 + r.x, y=baseline + st.size * 0.12, width=ink_w,
                                height=max(1.0, st.size * 0.06), fill=st.accent))
    return [t for t in texts if t.children] + images + lines


def shaped_word(r, st: TextStyle, weight: int, x0: float, baseline: float, role: str,
                spaced: bool = False) -> tuple[El, El]:
    """(text, outlines) of a run of shaped glyphs: the glyphs as one path in the run's colour, and its
    words as text no one sees, so that a PDF can still be searched and copied from, in reading order.
    ``spaced``: a word follows after a space, which the text then ends in (a reader may not see the gap)."""
    fill = st.accent if (r.accent or r.emphasis) else None
    plain = text_width(r.text, r.family, weight, 1.0)  # the unshaped text, sized to span the shaped word
    layer = el("tspan", text=r.text + " " if spaced else r.text, x=x0 + r.x, y=baseline, font_family=fonts.css_family(r.family),
               font_weight=weight, font_size=min(st.size, r.width / plain) if plain else None, fill=fill,
               fill_opacity=TEXT_LAYER_OPACITY, class_="text-layer")
    outline = el("path", d=path_data(r.glyphs, r.family, weight, st.size, x0 + r.x, baseline),
                 fill=fill or st.colour, class_=f"shaped {role}", attrs={"aria-hidden": "true"},
                 transform=f"matrix(1 0 {-SLANT} 1 {num(SLANT * baseline)} 0)" if r.italic else None)
    return layer, outline


def link_area(href: str, x: float, y: float, w: float, h: float) -> El:
    """An invisible rectangle the PDF export turns into a clickable link annotation."""
    return el("rect", x=x, y=y, width=w, height=h, fill="none", class_="link-area", attrs={"data-href": href})


def missing_mark(r, st: TextStyle, x0: float, baseline: float) -> list[El]:
    """A character no bundled font has: a boxed "?" in the text colour, plainly deliberate (never an empty box)."""
    w, h = r.width - st.size * 0.06, st.size * 0.92
    x, top = x0 + r.x + st.size * 0.03, baseline - st.size * 0.76
    glyph_w = text_width(r.text, r.family, 700, st.size * 0.7)
    return [el("rect", x=x, y=top, width=w, height=h, rx=st.size * 0.12, fill="none", stroke=st.colour,
               stroke_width=max(0.8, st.size * 0.05), stroke_opacity=0.55, class_="missing-glyph"),
            el("text", el("tspan", text=r.text, x=x + (w - glyph_w) / 2, y=top + h * 0.76), font_size=st.size * 0.7,
               font_family=fonts.css_family(r.family), font_weight=700, fill=st.colour, opacity=0.7,
               style=TEXT_STYLE, class_="missing-glyph")]


def _same_colour(a: str, b: str) -> bool:
    """Too close in colour to tell links from text (contrast alone would flag yellow on white)."""
    return sum((x - y) ** 2 for x, y in zip(rgb(a), rgb(b))) ** 0.5 < 60


@lru_cache(maxsize=8192)  # a keystroke draws its slide again: every line but the typed one is where it was
def glyph_xs(text: str, family: str, weight: int, size: float, x: float) -> str | float:
    """An x for every character, so no renderer's advance rounding can push text past its box.

    Combining marks (Arabic harakat, Hebrew niqqud) are centred over their base
    letter, since cairo has no mark positioning; a mark wider than its letter (a
    strike-through "$̶" at the start of a line) is moved in so that its ink stays within
    the run's advances, inside the text's box. Text with characters outside the BMP
    gets a single x: renderers disagree on whether such a character takes one or two positions.
    """
    if any(ord(ch) > 0xFFFF for ch in text):
        return x
    start = x
    end = x + sum(cluster_em(ch, family, weight) for ch in text) * size
    xs = []
    base_x, base_w = x, 0.0
    for ch in text:
        advance = cluster_em(ch, family, weight) * size
        ink = mark_ink(ch, family, weight) if advance == 0 else None
        if ink is not None:
            centre, half = ink[0] * size, ink[1] * size
            mid = max(min(base_x + base_w / 2, end - half), start + half)  # the start wins in too short a run
            xs.append(num(mid - centre))
            continue
        xs.append(num(x))
        base_x, base_w = x, advance
        x += advance
    return " ".join(xs)


def text_el(text: str, family: str, weight: int, size: float, colour: str, x: float, baseline: float,
            anchor: str = "start", role: str = "meta") -> El:
    """A short single-run label (header, footer, button) in one face: no wrapping, no fallback."""
    if anchor == "start":
        x = glyph_xs(text, family, fonts.best_weight(family, weight), size, x)
    return el("text", el("tspan", text=text, x=x, y=baseline), class_=role, font_family=fonts.css_family(family),
              font_weight=fonts.best_weight(family, weight), font_size=size, fill=colour,
              text_anchor=None if anchor == "start" else anchor, style=TEXT_STYLE)


def label_line(ctx: Ctx, text: str, st: TextStyle, x: float, baseline: float, width: float,
               role: str = "meta", align: str = "left", href: str = "") -> tuple[list[El], float]:
    """A one-line label with full text handling (fallback fonts, emoji, bidi), shrunk to fit ``width``.

    ``align`` left, center or right within ``width``; ``href`` makes it a link in the PDF.
    Returns (elements, drawn width).
    """
    if href:
        els, w = label_line(ctx, text, st, x, baseline, width, role, align)
        left = x + (width - w if align == "right" else (width - w) / 2 if align == "center" else 0.0)
        return els + [link_area(href, left, baseline - st.size * 1.1, w, st.size * 1.5)], w
    para = _label_para(text)
    if para is None:
        return [], 0.0
    size = st.size
    for _ in range(12):
        lines = wrap_para(para, st.family, st.weight, size, 1e6)
        if lines[0].width <= width or size <= 6:
            break
        size *= max(0.6, width / lines[0].width * 0.98)
    line = wrap_para(para, st.family, st.weight, size, 1e6)[0]
    if line.width > width:  # still too long at the smallest size: cut with an ellipsis
        paras2 = prepare(_ellipsize(text, st, size, width), False)
        if not paras2:  # not one letter fits
            return [], 0.0
        para = paras2[0]
        line = wrap_para(para, st.family, st.weight, size, 1e6)[0]
    style = replace(st, size=size, align="center" if align == "center" else "left")
    if align == "right":
        x, width = x + width - line.width, line.width
    elif align == "left":
        width = line.width
    return draw_line(line, style, x, baseline, width, role), line.width


_SPACE = Cluster(" ")


def _label_para(text: str) -> Para | None:
    """``text`` as one paragraph, as a label draws it (a link whole: ``measure`` counts it shortened)."""
    paras = prepare(text, False)
    if not paras:
        return None
    return Para(tuple(c for p in paras for c in (p.clusters + (_SPACE,)))[:-1], paras[0].rtl)


def label_width(text: str, family: str, weight: int, size: float) -> float:
    """Width of ``text`` drawn by ``label_line`` at ``size`` (before any shrinking), in design units."""
    para = _label_para(text)
    return para_ems(para, family, weight)[0] * size if para is not None else 0.0


def _ellipsize(text: str, st: TextStyle, size: float, width: float) -> str:
    """The most leading words of ``text`` that fit ``width`` with "…" after them (found by bisection: dropping
    one word at a time measured the text once per word, minutes for a long title)."""
    words = text.split()
    fits, over = 0, len(words) + 1
    while over - fits > 1:
        n = (fits + over) // 2
        if label_width(" ".join(words[:n]) + "…", st.family, st.weight, size) <= width:
            fits = n
        else:
            over = n
    if fits or not words:
        return " ".join(words[:fits]) + "…"
    return cut_to_fit(words[0], st, size, width)


def cut_to_fit(text: str, st: TextStyle, size: float, width: float) -> str:
    """The most leading characters (grapheme clusters) of ``text`` that fit ``width`` with "…" after them;
    "" when not even one does (a long word or a link has no space to cut at)."""
    chars = graphemes(text)
    fits, over = 0, len(chars) + 1
    while over - fits > 1:
        n = (fits + over) // 2
        if label_width("".join(chars[:n]) + "…", st.family, st.weight, size) <= width:
            fits = n
        else:
            over = n
    return "".join(chars[:fits]) + "…" if fits else ""


# ---------------------------------------------------------------- pictures

@lru_cache(maxsize=64)  # each entry is a resized photo (~100-300 KB)
def _photo_uri(image: Image, w: int, h: int) -> str:
    from PIL import Image as PILImage
    from PIL import ImageOps
    with PILImage.open(io.BytesIO(image.data)) as img:
        img.load()
        keep_alpha = image.mime == "image/png" and img.mode in ("RGBA", "LA", "P")
        img = img.convert("RGBA" if keep_alpha else "RGB")
        fitted = ImageOps.fit(img, (max(1, w), max(1, h)), PILImage.Resampling.LANCZOS)
    return data_url(*encode(fitted, alpha=keep_alpha, quality=86))


def photo(ctx: Ctx, image: Image, box: Box, radius: float, name: str) -> list[El]:
    """A photo cropped to fill ``box`` (rounded corners), embedded once at box size × scale."""
    if ctx.dry_run:
        return []
    w, h = round(box.w * ctx.scale), round(box.h * ctx.scale)
    # never upscale beyond the source: a small photo is embedded at its own size
    factor = min(1.0, image.width / max(1, w), image.height / max(1, h))
    uri = _photo_uri(image, max(1, round(w * factor)), max(1, round(h * factor)))
    cid = ctx.ids(f"clip-{name}")
    clip = el("clipPath", el("rect", x=box.x, y=box.y, width=box.w, height=box.h, rx=radius), id=cid)
    return [el("defs", clip),
            el("image", x=box.x, y=box.y, width=box.w, height=box.h, href=uri, preserveAspectRatio="none",
               clip_path=f"url(#{cid})")]


def avatar(ctx: Ctx, image: Image | None, name: str, cx: float, cy: float, r: float, key: str) -> list[El]:
    """A round avatar; without a picture, the person's initials on the accent colour."""
    if image is not None:
        return photo(ctx, image, Box(cx - r, cy - r, 2 * r, 2 * r), r, f"avatar-{key}")
    family = ctx.title_font if ctx.title_weight >= 700 else ctx.body_font
    marks = _initials(name, family) or [("\u2022", font_for("\u2022", family))]
    pal = ctx.palette
    size, baseline = r * 0.8, cy + r * 0.29
    out = [el("circle", cx=cx, cy=cy, r=r, fill=pal.accent_fill)]
    if unicodedata.bidirectional(marks[0][0]) in ("R", "AL"):
        marks = marks[::-1]  # labels are drawn in visual order: a Hebrew name's first initial on the right
    if len({face for _, face in marks}) == 1:
        return out + [text_el("".join(ch for ch, _ in marks), marks[0][1], 700, size, pal.on_accent, cx, baseline,
                              anchor="middle")]
    x = cx - sum(cluster_em(ch, face, 700) for ch, face in marks) * size / 2
    for ch, face in marks:
        out.append(text_el(ch, face, 700, size, pal.on_accent, x, baseline))
        x += cluster_em(ch, face, 700) * size
    return out


def _initials(name: str, family: str) -> list[tuple[str, str]]:
    """Up to two (initial, face) of ``name``'s first words, each a plain letter or digit that a face draws;
    the second only when it is of the first's script (a Latin and a Hebrew initial side by side read as neither)."""
    found: list[tuple[str, str]] = []
    for word in name.split()[:2]:
        ch = _plain_initial(word)
        if not ch:
            continue
        face = font_for(ch, family)
        upper = ch.upper()
        if len(upper) == 1 and upper != ch and has_glyph(font_for(upper, family), upper):
            ch, face = upper, font_for(upper, family)
        if not has_glyph(face, ch):
            continue  # no face draws it: no initial rather than a box
        if found and _script(found[0][0]) and _script(ch) and _script(found[0][0]) != _script(ch):
            break
        found.append((ch, face))
    return found


_SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK"}


def _script(ch: str) -> str:
    """The script of a letter as its Unicode name starts ("LATIN", "HEBREW", "CJK"); "" for a digit."""
    if unicodedata.category(ch) == "Nd":
        return ""
    word = unicodedata.name(ch, "").split(" ")[0]
    return _SCRIPT_GROUPS.get(word, word)


def _plain_initial(word: str) -> str:
    """The word's first letter or digit made plain: styled (𝗔), full-width (Ｆ), small-capital (ᴀ) and other
    compatibility forms become the letter they stand for; what opens a word without being its first letter is
    passed over: modifier letters (the ʻokina of ʻIolani), apostrophes, quotes, brackets, marks; "" when the
    word has no letter or digit before anything else (an emoji: "🚀 launch")."""
    for ch in unicodedata.normalize("NFC", word):
        if unicodedata.category(ch) in ("Lm", "Sk") or unicodedata.category(ch)[0] in "MP":
            continue
        return _plain_letter(ch)
    return ""


def _plain_letter(ch: str) -> str:
    """``ch`` as the plain letter or digit it stands for; "" when it is neither."""
    styled = styled_letter(ch)
    if styled:
        ch = styled[0]
    name = unicodedata.name(ch, "")
    if "LETTER SMALL CAPITAL " in name:
        try:
            ch = unicodedata.lookup(name.replace("LETTER SMALL CAPITAL ", "CAPITAL LETTER "))
        except KeyError:
            pass
    seen = [c for c in unicodedata.normalize("NFKC", ch) if c.isalnum() and unicodedata.category(c) != "Lm"]
    if seen:
        ch = seen[0]  # ŉ is ʼn: its letter is n
    return ch if ch.isalnum() and unicodedata.category(ch) != "Lm" else ""


def accent_bar(ctx: Ctx, x: float, y: float, w: float = 44, h: float = 5) -> El:
    return el("rect", x=x, y=y, width=w, height=h, rx=h / 2, fill=ctx.palette.accent_fill)


def lead_x(ctx: Ctx, box_x: float, box_w: float, item_w: float, text: str) -> float:
    """Where a decoration of width ``item_w`` starts: with the text's alignment (right for RTL text)."""
    if ctx.align == "center":
        return box_x + (box_w - item_w) / 2
    paras = prepare(text)
    if paras and paras[0].rtl:
        return box_x + box_w - item_w
    return box_x


Drawer = Callable[[Ctx, Slide, float, "tuple[Block, ...] | None"], "tuple[list[El], tuple[Block, ...]]"]
