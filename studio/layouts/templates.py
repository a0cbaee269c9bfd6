"""The content layout templates: one small function each.

Every template has the signature ``(ctx, slide, body_size, cursor) -> (elements, rest)``
(see ``base``): ``cursor`` is None on the slide's first page, else the text
still to place; ``rest`` is what did not fit (empty when the slide is done).
"""
from __future__ import annotations

import math

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable
from datetime import datetime

import regex

from ..code import code_lines, has_code
from ..slide import Slide
from ..reading import (NESTED, PARAGRAPH, SUB, counted, emoji_rows, emoji_tail, headline_and_body, line_tail, indent_of, list_line,
                       kept_number, list_lines, list_reading, mixed_steps, nested_line, own_bullet, plain_bullet, own_number, script_number,
                       sentences, split_number, step_point, sub_bullets, unflatten, written_marker, written_rows)
from ..svg import El, el
from ..theme import luminance
from ..text import BREAK_AFTER, SAFETY, drawing_lines, lead_width, measure, para_ems, piece_widths, prepare, starts_a_piece, widest_piece, wrap
from .base import (DARK_GROUND, LIST_ROW, PARA_GAP, SUB_ROW, Block, Box, Ctx, Placed, TextStyle, accent_bar, as_written_lists,
                   avatar, block, code_layout, draw_flow, fit_flow, label_line, lead_x, photo, sub_indent, text_el,
                   wide_drawing)

IMAGE_ROLE = "image-pending"
POINTS_MAX = 20  # a post of more sentences than this (and no list lines) is not listed sentence by sentence
STATEMENT_CHARS = 160  # a big statement longer than this keeps only its headline large
STATEMENT_SCALE = 2.6  # the statement's size, in body sizes
POST_PHOTO_MIN = 100  # a post card's photo is never squeezed below this height
SHORT_POST_CHARS = 140  # a post this short, with no headline, is drawn SHORT_POST_SCALE × larger
SHORT_POST_SCALE = 1.5
MIN_TITLE_SIZE = 18  # a title shrinks to this size before a word of it is broken
LANDSCAPE = 1.2  # a split photo wider than this ratio goes below the text, full width
OPTICAL_CENTRE = 0.46  # short content sits this share of the free height from the top: a little above centre


# ---------------------------------------------------------------- shared pieces

def slide_title_body(ctx: Ctx, slide: Slide) -> tuple[str, str]:
    """The slide's own title, or a headline taken from its body (see ``automatic_headline``)."""
    if slide.title.strip():
        return slide.title.strip(), slide.body.strip()
    return automatic_headline(ctx, slide.body)


AUTO_HEADLINE_LINES = 2  # an automatic headline longer than this at the title size stays body text


def automatic_headline(ctx: Ctx, text: str) -> tuple[str, str]:
    """(headline, body) read from the text, the headline kept only when it takes at most two
    lines at the chosen title size in the content column."""
    head, body = headline_and_body(text)
    if not head:
        return head, body
    _, words_ = split_number(head)
    st = ctx.title_style()
    paras = prepare(words_)
    if len(wrap(paras, st.family, st.weight, st.size, ctx.content.w)) > AUTO_HEADLINE_LINES:
        return "", unflatten(text.strip())
    return head, body


_EACH = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"  # a line may break around any one
# a piece ends after the characters a line may break after (``text.BREAK_AFTER``: not "?", "&" or "=")
_UNBREAKABLE = regex.compile(rf"[{_EACH}]|[^\s{_EACH}]+?(?:[{regex.escape(''.join(sorted(BREAK_AFTER)))}]"
                             rf"|(?=[\s{_EACH}])|$)")


@lru_cache(maxsize=1024)  # asked at every step a slide's type grows by
def unbreakable(text: str) -> tuple[str, ...]:
    """The pieces a line may not break inside: words, parts of a word after "-" or "/", single characters of CJK
    and of the scripts written without spaces (Thai, Lao, Khmer, Burmese: their words are found when wrapping)."""
    return tuple(_UNBREAKABLE.findall(text))


TITLE_MAX_LINES, TITLE_MIN_SHARE = 4, 0.62  # a title's lines at most, and how far it may shrink for them


def fitted_title(ctx: Ctx, text: str, width: float, size: float, max_lines: int = TITLE_MAX_LINES,
                 min_share: float = TITLE_MIN_SHARE) -> Block | None:
    """A title block shrunk (down to ``min_share`` of its size) until it takes at most ``max_lines``;
    and further, down to MIN_TITLE_SIZE, until its longest word fits on a line (a word is broken
    only when it alone is wider than the line at that size)."""
    return _fitted_title(ctx.title_style(size), text, width, max_lines, min_share)


@lru_cache(maxsize=1024)  # a keystroke in the body lays its slide out again: the title is fitted the same way
def _fitted_title(st: TextStyle, text: str, width: float, max_lines: int, min_share: float) -> Block | None:
    """``fitted_title`` for the title style ``st`` (all it reads of the context); the Block is shared: frozen."""
    size = st.size
    blk = block(text, st, role="title")
    if blk is None:
        return None
    # A word too long for a line even at MIN_TITLE_SIZE (a 60-letter hashtag) breaks at any size: it does not
    # shrink the title; the longest word that can fit does.
    limit = width * SAFETY
    # the pieces the lines break between ("03/15/2021." is one: no break at a slash between digits), in ems
    longest = max((w for w in piece_widths(text, st.family, st.weight) if w * MIN_TITLE_SIZE <= limit), default=0.0)
    for _ in range(24):
        lines = wrap(blk.paras, st.family, st.weight, st.size, width)
        too_many = len(lines) > max_lines and st.size > size * min_share
        word_broken = (longest * st.size > width * SAFETY
                       or any(len(code_layout(p, 0, st, width, 2)[0]) > 1 for p in blk.paras if p.code)) \
            and st.size > MIN_TITLE_SIZE  # a line of code counts as one word: it shrinks before it wraps
        if not (too_many or word_broken):
            break
        floor = MIN_TITLE_SIZE if word_broken else size * min_share
        st = replace(st, size=max(floor, st.size * 0.92))
        blk = Block(blk.paras, st, role="title")
    return replace(blk, measure=balanced_width(blk, width))


def words_fit(ctx: Ctx, text: str, size: float, width: float, start: float | None = None) -> bool:
    """Every unbreakable piece of ``text`` fits a line of ``width`` at body ``size``; with ``start`` (the
    size the type grows from), every piece takes no more lines at ``size`` than at ``start``: a word broken
    there already (a 70-letter hashtag) does not keep the rest of the slide's text small, nor break again."""
    limit = width * SAFETY
    if widest_piece(text, ctx.body_font, 400) * size <= limit:
        return True
    if start is None or widest_piece(text, ctx.body_font, 400) * start <= limit:
        return False
    return all(math.ceil(w * size / limit) <= math.ceil(w * start / limit)
               for w in piece_widths(text, ctx.body_font, 400))


def balanced_width(blk: Block, width: float) -> float:
    """The narrowest line length that keeps a title's line count, so its lines come out even
    ("Most carousels fail / in the first two seconds." rather than a lone last word)."""
    st = blk.style
    count = len(wrap(blk.paras, st.family, st.weight, st.size, width))
    if count < 2 or len(blk.paras) > 1:
        return 0.0
    para = blk.paras[0]
    longest = para_ems(para, st.family, st.weight)[1] * st.size  # its widest piece, as the lines break
    low = max(width * 0.4, min(width, longest / SAFETY + 0.5))
    high = width  # never so narrow that a word that fits the full width gets broken
    for _ in range(10):
        mid = (low + high) / 2
        if len(wrap(blk.paras, st.family, st.weight, st.size, mid)) > count:
            low = mid
        else:
            high = mid
    return high + 0.5


def credit_block(ctx: Ctx, slide: Slide, size: float) -> Block | None:
    """"Post by Name @handle" when the post's author is not the brand (credit where due)."""
    post = ctx.post_of(slide)
    if post is None or not (post.author_name or post.handle):
        return None
    if post.handle and post.handle.lower() == ctx.brand_handle.lower():
        return None
    if not post.handle and post.author_name == ctx.brand_name:
        return None
    who = " ".join(x for x in (post.author_name, f"@{post.handle}" if post.handle else "") if x)
    return block(f"Post by {who}", ctx.body_style(max(11.0, size * 0.78), ctx.palette.muted),
                 gap_before=0.9, role="credit")


def body_blocks(ctx: Ctx, text: str, size: float, colour: str | None = None) -> tuple[Block, ...]:
    """Body text as blocks: list lines ("- ", "•", "1.") become bulleted or numbered items; an indented line
    right under an item ("1. Install it" / "   then open it") goes on in that item, an indented list line (or a
    bullet under a numbered item) is a row nested under it. Every layout that draws a body draws it through this,
    so a list reads the same (and runs one direction: ``base.draw_flow``) on all."""
    st = ctx.body_style(size, colour)
    blocks: list[Block] = []
    pending: list[str] = []
    item: list[str] = []  # marker, then the item's lines
    at = [0.0]  # the item's indent
    parent: list = []  # line indent, marker, block indent, nested marker, nested levels of the last unnested item

    apart = False  # a blank line since the last block

    def flush() -> None:
        nonlocal apart
        if item:
            marker, lines = item[0], item[1:]
            b = block("\n".join(lines), st, marker=marker, indent=at[0],
                      gap_before=(0.2 if marker.startswith(SUB_ROW) else 0.45) if blocks else 0.0, apart=apart)
            if marker in ("", SUB_ROW):  # an item that keeps its own bullet or number ("✅ Ship", "(1) Plan")
                b = hung(b, lines[0])
            item.clear()
        else:
            b = block("\n".join(pending), st, gap_before=0.55 if blocks else 0.0)
            apart = apart or bool(pending) and not b  # blank lines only: the next block is set apart
            if pending and b:
                parent.clear()
            pending.clear()
        if b:
            blocks.append(b)
            apart = False

    def start_item(n: int, line: str, found: tuple[str, str]) -> None:
        marker, words = found
        indent = indent_of(line)
        under = marker == "•" and parent and parent[1] != "•" and n in subs  # "- outline" after "1. Write"
        if parent and (nested_line(marker, indent, parent[0], parent[1], parent[3]) or under):
            # nested under the item above: a bullet gets a small dot, a numbered line keeps its number as written
            dot = marker == "•" and not own_bullet(words) and plain_bullet(line)  # "‣ React" keeps its "‣"
            item.extend([SUB_ROW + (SUB if dot else ""), words if dot or (marker == "•" and own_bullet(words)) else line.strip()])
            levels = parent[4]  # (line indent, block indent) of the nested rows open above: a deeper line nests again
            while levels and indent < levels[-1][0] + NESTED:
                levels.pop()
            at[0] = (levels[-1][1] if levels else parent[2]) + sub_indent(size)
            levels.append((indent, at[0]))
            parent[3] = marker
            return
        if marker != "•" and (own_number(line.strip()) or steps):  # "١. اكتب", or "2." among "Step 3:" lines:
            # its number as written (no Latin badge; one drawing for every numbered line, as the List layout's)
            marker, words = "", line.strip()
        at[0] = size * (1.9 if marker != "•" else 1.35) if marker else 0.0
        if marker == "•" and own_bullet(words):  # "✅ Ship it": its own bullet, no dot before it
            marker, at[0] = "", 0.0
        parent[:] = [indent, found[0], at[0], None, []]
        item.extend([marker, words])

    text = unflatten(text)
    flags = code_lines(text) if has_code(text) else None
    lines = text.split("\n")
    empty = _empty_items(lines, flags)
    listed = list_lines(lines)
    subs = sub_bullets(lines, flags or [False] * len(lines))
    steps = mixed_steps(lines)  # "Step 3: share" lines (drawn as written) among the "1." items
    for n, line in enumerate(lines):
        found = None if flags is not None and flags[n] else listed[n] or empty.get(n)
        if found is not None:
            flush()
            start_item(n, line, found)
        elif item and line[:1] in (" ", "\t") and line.strip() and not (flags and flags[n]):
            item.append(line.strip())
        else:
            if item:
                flush()
            pending.append(line)
    flush()
    return tuple(blocks)


_BARE_MARKER = regex.compile(r"^\s*(?:(\d{1,3})[.)]|[-–•*·▪►→])\s*$")


def _empty_items(lines: list[str], code: list[bool] | None = None) -> dict[int, list[str]]:
    """Line index → [marker, ""] for each list marker with no words ("2)" alone) that is an item of a list
    (blank lines aside): a lone number after any item line or right above one, a lone dash between two items.
    The one rule of every layout (``body_blocks``, the List layout's ``list_of``); one pass each way."""
    listed = list_lines(lines)
    kinds = [None if code is not None and code[n] else
             "item" if listed[n] is not None else "bare" if _BARE_MARKER.match(line) else
             "text" if line.strip() else None for n, line in enumerate(lines)]
    below = [False] * len(lines)  # the next line with words (blank lines aside) is an item line
    nxt = False
    for n in range(len(lines) - 1, -1, -1):
        below[n] = nxt
        if kinds[n] is not None:
            nxt = kinds[n] == "item"
    out: dict[int, list[str]] = {}
    seen = last = False  # an item line above; the line with words just above is an item (or an empty one)
    for n, line in enumerate(lines):
        kind = kinds[n]
        if kind == "bare":
            number = _BARE_MARKER.match(line).group(1)
            if (seen or below[n]) if number is not None else (last and below[n]):
                out[n] = [number or "•", ""]
        if kind is not None:
            seen = seen or kind == "item"
            last = kind == "item" or n in out
    return out


def _list_line_text(text: str) -> bool:
    """Whether a paragraph drawn as written is a list line ("• a", "2) b", "🚀 c", or a lone "2)"): only its
    direction is set, as its run's (``as_written_lists``), so an emoji-led line counts by its shape."""
    return list_line(text) is not None or own_bullet(text) or bool(_BARE_MARKER.match(text))


def with_credit(ctx: Ctx, slide: Slide, blocks: tuple[Block, ...], size: float) -> tuple[Block, ...]:
    credit = credit_block(ctx, slide, size)
    return blocks + ((credit,) if credit else ())


def heading(ctx: Ctx, title: str, width: float, title_size: float) -> tuple[list[tuple[str, object]], float]:
    """The heading stack (number badge or accent bar, then the title) as (kind, item) and its height.
    Its items are shared between calls (see ``_heading``): read them, never change them."""
    parts, h = _heading(ctx.title_style(title_size), ctx.number_scale, title, width)
    return list(parts), h


@lru_cache(maxsize=1024)  # typing in the body asks for the same heading at every size its type grows by
def _heading(st: TextStyle, number_scale: float, title: str, width: float) -> tuple[tuple[str, object], ...]:
    """``heading`` for the title style ``st`` and the context's ``number_scale`` (all it reads of the context)."""
    title_size = st.size
    number, rest = split_number(title)
    parts: list[tuple[str, object]] = []
    h = 0.0
    if number:
        size = title_size * number_scale
        parts.append(("number", (number.zfill(2), size, rest)))
        h += size * 1.05
    elif rest:
        parts.append(("bar", rest))
        h += 5 + 18
    blk = _fitted_title(st, rest, width, TITLE_MAX_LINES, TITLE_MIN_SHARE) if rest else None
    if blk:
        placed, _, used = fit_flow((blk,), width, 1e9)
        parts.append(("title", placed))
        h += used
    return tuple(parts), h


def draw_heading(ctx: Ctx, parts: list[tuple[str, object]], x: float, y: float, width: float) -> tuple[list[El], float]:
    out: list[El] = []
    for kind, item in parts:
        if kind == "number":
            label, size, title = item  # type: ignore[misc]
            label_w = measure(label, ctx.title_font, ctx.title_weight, size)
            out.append(text_el(label, ctx.title_font, ctx.title_weight, size, ctx.palette.accent,
                               lead_x(ctx, x, width, label_w, title), y + size * 0.86, role="number"))
            y += size * 1.05
        elif kind == "bar":
            out.append(accent_bar(ctx, lead_x(ctx, x, width, 44, item), y))  # type: ignore[arg-type]
            y += 5 + 18
        else:
            placed = item  # type: ignore[assignment]
            out.extend(draw_flow(ctx, placed, x, y, width))
            y += placed[-1].y + placed[-1].text_style.lh if placed else 0
    return out, y


@dataclass(frozen=True)
class Column:
    """A laid-out heading + body: what ``draw_column`` draws, its height and the text left over."""

    parts: list
    head_h: float
    gap: float
    placed: list
    rest: tuple[Block, ...]
    height: float


def plan_column(ctx: Ctx, slide: Slide, size: float, box: Box, *, title: str | None = None,
                body: tuple[Block, ...] | None = None) -> Column:
    """Fit the heading and body into ``box`` (the heading shrinks first, a very long one flows as text)."""
    if title is None:
        title, text = slide_title_body(ctx, slide)
        body = with_credit(ctx, slide, body_blocks(ctx, text, size), size)
    parts: list[tuple[str, object]] = []
    head_h = 0.0
    for scale in (1.0, 0.85, 0.72):  # a heading taller than half the column gets smaller first
        parts, head_h = heading(ctx, title, box.w, ctx.title_size * scale) if title else ([], 0.0)
        if head_h <= box.h * 0.5:
            break
    if head_h > box.h * 0.6:  # a title too long for a heading flows (and continues) like body text
        number, rest = split_number(title)  # its number badge stays: every slide of a list looks alike
        title_blk = fitted_title(ctx, rest, box.w, ctx.title_size)
        body = tuple(body or ())
        if body:
            body = (replace(body[0], gap_before=0.8),) + body[1:]
        body = ((title_blk,) if title_blk else ()) + body
        parts, head_h = [], 0.0
        if number:
            badge = ctx.title_size * ctx.number_scale  # the size the other slides' badges have
            parts, head_h = [("number", (number.zfill(2), badge, rest))], badge * 1.05
    gap = ctx.title_size * 0.55 if parts and body and parts[-1][0] != "number" else 0.0
    placed, rest, used = fit_flow(body or (), box.w, box.h - head_h - gap, force=not parts)
    return Column(parts, head_h, gap, placed, rest, head_h + gap + used)


def draw_column(ctx: Ctx, col: Column, x: float, y: float, width: float) -> list[El]:
    out, y = draw_heading(ctx, col.parts, x, y, width)
    title = next((item if kind == "bar" else item[2] for kind, item in col.parts if kind in ("bar", "number")), None)
    out.extend(draw_flow(ctx, col.placed, x, y + col.gap, width, heading=title))
    return out


def optical_top(box: Box, height: float) -> float:
    """Where content of ``height`` starts so that it sits a little above the box's centre."""
    return box.y + max(0.0, box.h - height) * OPTICAL_CENTRE


def text_column(ctx: Ctx, slide: Slide, size: float, box: Box, *, center: bool = True,
                title: str | None = None, body: tuple[Block, ...] | None = None) -> tuple[list[El], tuple[Block, ...]]:
    """Heading + body in ``box``; centred vertically (optically) when everything fits."""
    col = plan_column(ctx, slide, size, box, title=title, body=body)
    y = optical_top(box, col.height) if center and not col.rest else box.y
    return draw_column(ctx, col, box.x, y, box.w), col.rest


GROWTH = (1.12, 1.25, 1.4, 1.6, 1.8, 2.05, 2.35, 2.7, 3.1, 3.6)  # steps a short slide's type grows by
FILL = 0.6  # a column shorter than this share of its box grows its type
FILL_MAX = 0.8  # … as long as it stays below this share
MAX_BODY = 36.0  # grown body text stays below this size (design px); a lone short line, below SHORT_MAX
SHORT_MAX = 64.0
MAX_TITLE = 64.0
TITLE_GROWTH = 0.6  # the title grows this share of what the body grows: the hierarchy stays


def grown(ctx: Ctx, size: float, box: Box, build: Callable[[Ctx, float], Column | None],
          max_body: float = MAX_BODY) -> tuple[Ctx, Column]:
    """The largest type for a column that fits: short text grows (title and body together, within
    MAX_TITLE / ``max_body``) until it fills FILL of ``box``; returns the context drawn with.
    ``build`` returns None for a size at which a word would no longer fit on a line."""
    col = build(ctx, size)
    best = (ctx, col)
    base_lines = title_lines(col)
    for g in GROWTH:
        if col.rest or col.height >= FILL * box.h or code_wraps(col):
            break
        body = min(size * g, max(max_body, size))
        title = min(ctx.title_size * (1 + (g - 1) * TITLE_GROWTH), max(MAX_TITLE, ctx.title_size))
        if body <= best[0].body_size and title <= best[0].title_size:
            break  # at both limits
        bigger = replace(ctx, title_size=title, body_size=body)
        grew = build(bigger, body)
        if grew is not None and title_lines(grew) > base_lines + 1:  # the headline gains at most a line;
            held = best[0].title_size  # its number grows instead
            bigger = replace(bigger, title_size=held, number_scale=ctx.number_scale * title / held)
            grew = build(bigger, body)
        if grew is None or grew.rest or grew.height > FILL_MAX * box.h or code_wraps(grew) \
                or cut_words(grew) > cut_words(col):
            break  # too tall, or a word (in a list item's narrower column too) or a line of code would have to break
        col = grew
        best = (bigger, col)
    return best


def title_lines(col: Column) -> int:
    return sum(len(item) for kind, item in col.parts if kind == "title")


def cut_words(col: Column) -> int:
    """How many lines of ``col`` (heading and body) start inside a word cut for being too wide for its line."""
    lines = [p.line for p in col.placed] + [p.line for kind, item in col.parts if kind == "title" for p in item]
    return sum(1 for line in lines if not line.para.code and not starts_a_piece(line.para, line.start))


def code_wraps(col: Column) -> bool:
    """A line of code in ``col`` goes on onto a second line or is drawn smaller to stay on one (type that
    grows would shrink or wrap it further)."""
    return any(p.line.para.code and (p.line.start > 0 or p.style is not None) for p in col.placed)


def balanced_column(ctx: Ctx, size: float, box: Box, build: Callable[[Ctx, float], Column | None],
                    max_body: float = MAX_BODY) -> tuple[list[El], tuple[Block, ...]]:
    """A column grown to use the room (see ``grown``), at the optical centre of ``box`` when it fits."""
    drawn, col = grown(ctx, size, box, build, max_body)
    y = optical_top(box, col.height) if not col.rest else box.y
    return draw_column(drawn, col, box.x, y, box.w), col.rest


def continuation(ctx: Ctx, slide: Slide, size: float, cursor: tuple[Block, ...],
                 box: Box | None = None) -> tuple[list[El], tuple[Block, ...]]:
    """A continuation page: a small running head (the slide's title), then the rest of the text."""
    box = box or ctx.content
    title, _ = slide_title_body(ctx, slide)
    _, title = split_number(title)
    out: list[El] = []
    top = 0.0
    if title:
        st = ctx.body_style(ctx.meta_size * 1.1, ctx.palette.muted, 700)
        heads = prepare(title)
        align = "right" if heads and heads[0].rtl and ctx.align != "center" else "left"  # over its text's side
        els, _ = label_line(ctx, title + " (continued)", st, box.x, box.y + st.size * 0.9, box.w, role="running-head",
                            align=align)
        out.extend(els)
        top = st.size * 2.6
    placed, rest, _ = fit_flow(cursor, box.w, box.h - top, force=True)
    out.extend(row_bands(ctx, placed, box.x, box.y + top, box.w))  # a list's rows go on on their bands
    out.extend(draw_flow(ctx, placed, box.x, box.y + top, box.w, heading=title or None))  # a list goes on
    return out, rest  # in the direction it had under the title


# ---------------------------------------------------------------- templates

class BodyBlocks:
    """``body_blocks`` of one text, each size built once: a column grown step by step asks again at a size it
    had (the body stops growing before the title does), and Split's width test shares its first build."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._built: dict[TextStyle, tuple[Block, ...]] = {}

    def __call__(self, ctx: Ctx, size: float) -> tuple[Block, ...]:
        key = ctx.body_style(size)  # all of the context ``body_blocks`` reads
        if key not in self._built:
            self._built[key] = body_blocks(ctx, self.text, size)
        return self._built[key]


def headline_body(ctx: Ctx, slide: Slide, size: float, cursor, blocks_at: BodyBlocks | None = None):
    """A numbered heading or the first sentence as the headline, the rest as body text (``blocks_at``: that body's
    blocks, some already built)."""
    if cursor is not None:
        return continuation(ctx, slide, size, cursor)
    title, text = slide_title_body(ctx, slide)
    short = not title and len(text) <= SHORT_POST_CHARS and "\n" not in text  # a lone short line reads larger
    if blocks_at is None or blocks_at.text != text:
        blocks_at = BodyBlocks(text)

    def build(c: Ctx, s: float) -> Column | None:
        big = s * SHORT_POST_SCALE if short else s
        if s > size and not words_fit(c, text, big, c.content.w, size * (SHORT_POST_SCALE if short else 1)):
            return None
        return plan_column(c, slide, s, c.content, title=title, body=with_credit(c, slide, blocks_at(c, big), s))
    return balanced_column(ctx, size, ctx.content, build, SHORT_MAX if short else MAX_BODY)


def on_panel(ctx: Ctx, fill: str, ink: str) -> Ctx:
    """The context for text drawn on a coloured panel: every text colour (emphasis, numbers, bars) is ``ink``,
    and the ground behind it is ``fill`` (the theme's darkness no longer says whether an emoji needs its outline)."""
    pal = replace(ctx.palette, text=ink, muted=ink, accent=ink, accent_fill=ink, on_accent=fill, surface=fill)
    return replace(ctx, palette=pal, panel_dark=luminance(fill) < DARK_GROUND)


def panel(box: Box, fill: str, radius: float = 22, opacity: float | None = None, role: str = "panel") -> El:
    return el("rect", x=box.x, y=box.y, width=box.w, height=box.h, rx=radius, fill=fill, opacity=opacity,
              class_=role)


PANEL_PAD = 30


def big_statement(ctx: Ctx, slide: Slide, size: float, cursor):
    """One sentence, very large, on a panel of the accent colour: the headline if there is one
    (the rest stays below it as body text), else the whole short post. A text too long for one page goes on,
    on the same panel: its words are set in the panel's ink."""
    panel_el = panel(ctx.content, ctx.palette.accent_fill, 26, role="statement-panel")
    ink = on_panel(ctx, ctx.palette.accent_fill, ctx.palette.on_accent)
    if cursor is not None:
        els, rest = continuation(ink, slide, size, cursor, ctx.content.inset(PANEL_PAD))
        return [panel_el] + els, rest
    title, body = slide_title_body(ctx, slide)
    if not title and len(body) <= STATEMENT_CHARS:
        title, body = body, ""
    number, title = split_number(title)
    box = ctx.content
    inner = box.inset(PANEL_PAD)
    pal = ctx.palette
    lead = ctx.title_size * 1.3 if number else 28.0  # the section number (or a bar) above the statement

    def build(c: Ctx, s: float) -> Column | None:
        if s > size and not words_fit(c, title, s * STATEMENT_SCALE, inner.w - 2, size * STATEMENT_SCALE):
            return None
        # as many lines as the panel holds (a tall story's panel more than six): a statement of long words, too
        # many for six lines, was shrunk to half its size and set small in a panel mostly empty
        lines = max(6, int(inner.h / (s * STATEMENT_SCALE * 1.3)))
        big = fitted_title(c, title, inner.w, s * STATEMENT_SCALE, max_lines=lines) if title else None
        rest = body_blocks(c, body, s) if body else ()
        if rest and big:
            rest = (replace(rest[0], gap_before=1.0),) + rest[1:]
        blocks = with_credit(c, slide, ((big,) if big else ()) + rest, s)
        return plan_column(c, slide, s, inner.below(lead), title="", body=blocks)
    drawn, col = grown(ink, size, inner, build, SHORT_MAX)
    y = optical_top(inner, col.height + lead) if not col.rest else inner.y
    out = [panel_el]
    words = title or body  # the number or bar stands on the statement's side: the right in Hebrew or Arabic
    if number:
        label, label_size = number.zfill(2), lead * 0.8
        label_w = measure(label, ctx.title_font, ctx.title_weight, label_size)
        out.append(text_el(label, ctx.title_font, ctx.title_weight, label_size, pal.on_accent,
                           lead_x(ctx, inner.x, inner.w, label_w, words), y + lead * 0.62, role="number"))
    else:
        out.append(accent_bar(drawn, lead_x(ctx, inner.x, inner.w, 44, words), y))
    return out + draw_column(drawn, col, inner.x, y + lead, inner.w), col.rest


def list_of(text: str) -> tuple[str, list[str], list[str]]:
    """(lead-in, items, markers) for the List layout: list lines, else the sentences as points. Each item's marker
    is the creator's (``_row_markers``: "5. 4. 3." stays 5 4 3, "1. 3. 7." stays 1 3 7, "- Ship" a bullet);
    sentences read as points get a dot each, never a number the creator did not write."""
    held = _held_empty_items(text)
    lead, rows = written_rows(held)
    if len(rows) >= 2:
        numbers, items = [n for n, _, _ in rows], [item for _, item, _ in rows]
        if any(n[:1].isdigit() and (script_number(written) or kept_number(written)) for n, _, written in rows) \
                or mixed_steps([written.split("\n")[0] for _, _, written in rows]):
            # "Step 3: share" or "١. اكتب" among numbered rows: every numbered row keeps its number as written
            # (no column of ours beside some rows and not others, no Latin "01" for the creator's "١" or "(1)")
            items = [" ".join(written.split("\n")) if n[:1].isdigit() else item for n, item, written in rows]
            numbers = [OWN if n[:1].isdigit() else n for n in numbers]
        if _EMPTY in text:  # the creator's own character: nothing was held
            return lead, items, _row_markers(numbers, items)
        items = [" ".join(item.replace(_EMPTY, " ").split()) for item in items]  # the stand-ins, out
        return lead.replace(_EMPTY, "").strip(), items, _row_markers(numbers, items)
    points: list[str] = []
    pieces = (x for part in _attributed(text) for group in _tailed_lines(part) for x in _glued_sentences(group))
    for x in pieces:
        # '"… today." — and he was right.' is one point (a sentence a quote closed goes on: a dash, a small letter)
        if points and x and ((x[0] in "—–-" or x[0].islower()) and points[-1][-1] in "\"'”’»)"
                             or _quote_closed_by(points[-1], x)):
            points[-1] += " " + x
        elif x:
            points.append(x)
    if any(map(counted, points)):  # the creator counted ("Step 2: …", "2. …"): theirs, and no marker of ours
        return "", points, [""] * len(points)
    bullets = emoji_rows(points)
    if any(bullets):
        return "", points, ["" if bullet else "•" for bullet in bullets]
    return "", points, ["•"] * len(points)  # a count the creator did not write would be ours: a dot per point


_GLUE = "\ue001"  # holds a line's tail to its sentence while the text is cut into sentences (a private-use character)


def _glued_sentences(group: str) -> list[str]:
    """The sentences of a group of ``_tailed_lines``, each with its tail: a tail the cut put apart ("毎日書く。🚀":
    a CJK full stop ends a sentence with no space after it) goes back on its sentence."""
    out: list[str] = []
    for x in sentences(" ".join(group.split())):
        if out and x.lstrip().startswith(_GLUE):
            out[-1] += x.lstrip()
        else:
            out.append(x)
    return [x.replace(_GLUE, " ").strip() for x in out]


def _tailed_lines(part: str) -> list[str]:
    """``part`` as groups of lines, each read as sentences: a line that ends in a tail after its last sentence
    ("Ship every day. 🚀") holds the tail to that sentence and ends its group, so the tail is not read as the
    start of the next line's sentence ("🚀 Rest on Sunday.")."""
    if _GLUE in part:  # the creator's own character: read as before
        return [part]
    groups, lines = [], []
    for line in part.split("\n"):
        found = sentences(line.strip())
        if len(found) >= 2 and line_tail(found[-1].strip()):
            lines.append(" ".join(found[:-2] + [found[-2].rstrip() + _GLUE + found[-1].strip().replace(" ", _GLUE)]))
            groups.append("\n".join(lines))
            lines = []
        else:
            lines.append(line)
    return groups + ["\n".join(lines)] if lines else groups


def _attributed(text: str) -> list[str]:
    """``text`` cut after the line that credits a quotation ('"… now."' / '— Chinese proverb' / 'Start today.'), when
    the next line opens a sentence: the credit ends there, it is not one sentence with the next line."""
    parts, lines = [""], text.split("\n")
    for n, line in enumerate(lines):
        parts[-1] += line + "\n"
        credit = line.strip()[:2] in ("— ", "– ") and n and lines[n - 1].rstrip()[-1:] in ('"', "”", "»")
        if credit and n + 1 < len(lines) and lines[n + 1].strip()[:1].isupper():
            parts.append("")
    return parts


def _quote_closed_by(point: str, sentence: str) -> bool:
    """``point`` opens a quotation ('"The best time … ago.') that ``sentence`` closes ('The second … now."'): one
    quotation, one point. Only a quote mark opening the point counts (an inch mark, '27" wide', is no quotation)."""
    if point[:1] == "“":
        return "”" not in point and "”" in sentence
    return point[:1] == '"' and point.count('"') == 1 and sentence.count('"') == 1 and sentence.rstrip()[-1:] == '"'


def _row_markers(numbers: list[str], items: list[str]) -> list[str]:
    """Each row's marker, the creator's own: the number they wrote, "•" for a line they bulleted ("- Ship",
    "• Ship"), none beside a bullet that says something ("✅ Ship", "3️⃣ Say no": a count there would contradict or
    repeat theirs), none beside a paragraph set apart after the list or a row that keeps its own number (``OWN``);
    ``SUB`` for a row nested under the one above."""
    return [number if number.startswith(SUB) else "" if number in (PARAGRAPH, OWN) or step_point(item)
            else number or ("" if own_bullet(item) else "•") for number, item in zip(numbers, items)]


OWN = "#"  # the "number" of a row that keeps its own number in its words (``list_of``)


_EMPTY = "\ue000"  # stands for an empty list item's words while the list is read (a private-use character)


def _held_empty_items(text: str) -> str:
    """``text`` with each list item that has no words ("2)" alone) given a stand-in word, so it stays a row of
    its own instead of joining the item above."""
    if _EMPTY in text:  # the creator's own character: nothing is held (or taken out)
        return text
    lines = unflatten(text.strip()).split("\n")
    empty = _empty_items(lines)
    return "\n".join(f"{line.strip()} {_EMPTY}" if n in empty else line for n, line in enumerate(lines))


def _row_indent(markers: list[str]) -> float:
    """Where every row's text starts, in body sizes: after the widest marker (a dot is narrower than "07"), the same
    for all, so rows of mixed markers ("•", "03", an emoji bullet of the creator's) start their text aligned."""
    return max((2.6 if m not in ("", "•") and not m.startswith(SUB) else 1.3 if m == "•" else 0.0) for m in markers)


def bullet_list(ctx: Ctx, slide: Slide, size: float, cursor):
    """The points as a designed list on tinted rows, each with the creator's number or bullet; a post without
    list lines is listed sentence by sentence, a dot per sentence."""
    if cursor is not None:
        return continuation(ctx, slide, size, cursor)
    title, body = slide_title_body(ctx, slide)
    intro, items, markers = list_of(body)
    prose = _prose_rows(body, len(items))
    if len(items) < 2 or has_code(body) or any(drawing_lines(body.split("\n"))) \
            or (len(items) > POINTS_MAX and not list_reading(body)[1]):
        # a row holds no code block nor table: the post is drawn as written, code and all; a long essay (a premium post)
        # is read as text, not hundreds of one-sentence rows
        return headline_body(ctx, slide, size, cursor)
    if not title and intro:
        title, intro = intro, ""
    box = ctx.content

    def build(c: Ctx, s: float) -> Column | None:
        st = c.body_style(s)
        blocks: list[Block] = []
        if intro:
            b = block(intro, c.body_style(s, c.palette.muted))
            if b:
                blocks.append(b)
        indent = s * _row_indent(markers)
        for item, marker, apart in zip(items, markers, prose):
            if apart:  # a paragraph after the list ("That's it. Follow for more."): prose, on no row's band
                b = block(item, st, gap_before=1.1)
            elif marker.startswith(SUB):  # a row nested under the one above: further in, a small dot, on the same band
                b = block(item, st, marker=SUB_ROW + _sub_dot(item), indent=indent + sub_indent(s) * len(marker),
                          gap_before=0.3)
            else:
                b = block(item, st, marker=LIST_ROW + marker, indent=indent, gap_before=1.1)
                b = hung(b, item) if not marker else b
            if b:
                blocks.append(b)
        return plan_column(c, slide, s, box, title=title, body=with_credit(c, slide, tuple(blocks), s))
    drawn, col = grown(ctx, size, box, build)
    y = optical_top(box, col.height) if not col.rest else box.y
    return list_rows(drawn, col, box.x, y, box.w) + draw_column(drawn, col, box.x, y, box.w), col.rest


def _prose_rows(body: str, count: int) -> list[bool]:
    """For each of ``list_of``'s ``count`` items: is it a paragraph set apart after the list (not a row)?"""
    rows = written_rows(_held_empty_items(body))[1]
    return [number == PARAGRAPH for number, _, _ in rows] if len(rows) == count else [False] * count


def _sub_dot(item: str) -> str:
    """The marker of a nested row: a small dot, none for one that keeps its own number or bullet as written
    ("1. write the page", "✅ done")."""
    found = list_line(item)
    return "" if own_bullet(item) or (found and (found[0] != "•" or not plain_bullet(item))) else SUB


def list_rows(ctx: Ctx, col: Column, x: float, y: float, width: float) -> list[El]:
    """The tinted band behind each list row (drawn under the text)."""
    return row_bands(ctx, col.placed, x, y + col.head_h + col.gap, width)


def row_bands(ctx: Ctx, placed: list[Placed], x: float, top: float, width: float) -> list[El]:
    """The tinted band behind each list row of ``placed`` lines whose flow starts at ``top``."""
    out: list[El] = []
    rows: list[list] = []
    for p in placed:
        if p.marker.startswith(LIST_ROW):
            rows.append([p.y, p.y + p.text_style.lh, p.block.style])
        elif rows and p.block.marker.startswith((LIST_ROW, SUB_ROW)):  # its lines, and the rows nested under it
            rows[-1][1] = p.y + p.text_style.lh
        elif p.block.marker.startswith((LIST_ROW, SUB_ROW)):  # a row's rest carried over from the page before
            rows.append([p.y, p.y + p.text_style.lh, p.block.style])
    for first, last, st in rows:
        pad = st.size * 0.45
        out.append(el("rect", x=x - 10, y=top + first - pad, width=width + 20, height=last - first + 2 * pad,
                      rx=12, fill=ctx.palette.accent_fill, opacity=0.1, class_="list-row"))
    return out


def image_focus(ctx: Ctx, slide: Slide, size: float, cursor):
    """The photo large on top, the text below it. Without a photo the headline takes the photo's
    place, light on a dark panel, so the slide still reads (the studio says a photo is missing)."""
    if slide.image is None:
        return _headline_panel(ctx, slide, size, cursor)
    if cursor is not None:
        return continuation(ctx, slide, size, cursor)
    box = ctx.content
    ratio = min(max(slide.image.width / slide.image.height, 1.0), 2.0)
    gap = 22
    for share in (0.5, 0.4, 0.3):  # the photo gets shorter before the text moves to another page
        h = min(box.h * share, box.w / ratio)
        col = plan_column(ctx, slide, size, box.below(h + gap))
        if not col.rest:
            break
    top = optical_top(box, h + gap + col.height) if not col.rest else box.y  # photo and text centred as one
    out = photo(ctx, slide.image, Box(box.x, top, box.w, h), 14, "photo")
    return out + draw_column(ctx, col, box.x, top + h + gap, box.w), col.rest


def _panel_headline(ctx: Ctx, slide: Slide) -> tuple[str, str]:
    """The headline a panel shows (the slide's, else the first sentence) and the body left for the text zone."""
    title, body = slide_title_body(ctx, slide)
    if not title:
        parts = sentences(" ".join(body.split())) if "\n" not in body.strip() else [body]
        if len(parts) > 1 and emoji_tail(parts[-1]):  # "Ship it. 🚀": the emoji stays with its sentence
            parts[-2:] = [parts[-2] + " " + parts[-1]]
        title, body = (parts[0], " ".join(parts[1:])) if len(parts) > 1 else (body, "")
    return title, body


def _headline_panel(ctx: Ctx, slide: Slide, size: float, cursor):
    """Image focus without a photo: the headline on a dark panel where the photo would be, the text below,
    centred as one. A headline or text too long for that reads as Headline + body instead."""
    if cursor is not None:
        return continuation(ctx, slide, size, cursor)
    title, body = _panel_headline(ctx, slide)
    box = ctx.content
    pal = ctx.palette
    zone = box.top(round(box.h * (0.72 if not body else 0.44)))
    inner = zone.inset(PANEL_PAD - 6, PANEL_PAD - 6)
    dark = on_panel(ctx, pal.text, pal.background[0])
    parts, head_h = [], 0.0
    for scale in ((1.8, 1.5) if not body else ()) + (1.25, 1.1, 1.0, 0.85, 0.72, 0.6):
        parts, head_h = heading(dark, title, inner.w, ctx.title_size * scale)
        if head_h <= inner.h:
            break
    below = box.below(zone.h + 24)

    def build(c: Ctx, s: float) -> Column | None:
        return plan_column(c, slide, s, below, title="", body=with_credit(c, slide, body_blocks(c, body, s), s))
    drawn, col = grown(ctx, size, below, build) if body else (ctx, None)
    if head_h > inner.h or (col is not None and col.rest):
        return headline_body(ctx, slide, size, cursor)
    top = optical_top(box, zone.h + (24 + col.height if col else 0.0))
    zone = Box(zone.x, top, zone.w, zone.h)
    inner = zone.inset(PANEL_PAD - 6, PANEL_PAD - 6)
    out = [panel(zone, pal.text, 22, role="photo-placeholder")]
    out += draw_heading(dark, parts, inner.x, inner.bottom - head_h, inner.w)[0]
    if col is None:
        return out, ()
    return out + draw_column(drawn, col, below.x, zone.bottom + 24, below.w), ()


def _split_panel(ctx: Ctx, slide: Slide, size: float, cursor):
    """Split without a photo: a colour block with the number (or the headline as a pull quote) beside the text."""
    if cursor is not None:
        return continuation(ctx, slide, size, cursor)
    title, body = _split_words(ctx, slide)
    number, words_ = split_number(title)
    block, right = _split_boxes(ctx.content)
    blocks_at = BodyBlocks(body)  # each size built once: the width test, the column, the page-wide form
    if _has_drawing(body) and wide_drawing(blocks_at(ctx, size), right.w, ctx.content.w):  # a table or code across
        return headline_body(ctx, slide, size, cursor, blocks_at)
    inner = block.inset(20, PANEL_PAD)
    out = [panel(block, ctx.palette.accent_fill, 22, role="split-block")]
    if not (number or body):  # one sentence: a quote mark in the block, the sentence large beside it
        beside = _quote_beside(ctx, title, right)
        if beside is not None:
            placed, rest, used = beside
            mark = min(inner.w * 1.1, 160.0)
            return out + _quote_mark(ctx, mark, inner.x, inner.y + mark * 0.78) + draw_flow(
                ctx, placed, right.x, optical_top(right, used), right.w), rest
    side_title, largest = "", float("inf")  # the title heading the text beside the block; the size it grows to
    if number:
        out += _block_number(ctx, number, inner)
        side_title = words_
    elif title:  # a pull quote in the block (text moved beside it has none: no mark without a quote)
        quote = _block_quote(ctx, title, inner)
        if quote is None:
            side_title = title  # too long for the block: it heads the text instead
        else:
            els, largest = quote
            out += els
            largest = max(size, largest)
    if not (side_title or body):
        return out, ()
    els, rest = _text_beside(ctx, slide, size, right, side_title, body, largest, blocks_at)
    return out + els, rest


def _has_drawing(text: str) -> bool:
    """Does ``text`` hold code or a table or ASCII drawing (the only blocks Split's column may give way to)?"""
    return has_code(text) or any(drawing_lines(text.split("\n")))


def _split_words(ctx: Ctx, slide: Slide) -> tuple[str, str]:
    """The panel's headline and body; lines, or more than a statement, are all body text beside the block."""
    title, body = _panel_headline(ctx, slide)
    if not body and ("\n" in title or len(title) > STATEMENT_CHARS):
        return "", title  # not a pull quote
    return title, body


def _split_boxes(box: Box) -> tuple[Box, Box]:
    """The colour block (two fifths of the width) and the text zone beside it."""
    block_w = round(box.w * 0.4)
    return Box(box.x, box.y, block_w, box.h), Box(box.x + block_w + 22, box.y, box.w - block_w - 22, box.h)


def _quote_beside(ctx: Ctx, title: str, right: Box):
    """(placed, rest, used) for one sentence set large beside the block, or None when it is too long for that."""
    for lines in (10, 8, 6):  # as many lines as the column holds: a longer sentence stays large, not shrunk
        quote = fitted_title(ctx, title, right.w, ctx.title_size * 1.4, max_lines=lines, min_share=0.4)
        if quote is None:
            return None  # too long to set large: a pull quote in the block, or the text beside it
        placed, rest, used = fit_flow((quote,), right.w, right.h, force=True)
        if not rest and used <= right.h * FILL_MAX:
            break
    return placed, rest, used


def _quote_mark(ctx: Ctx, size: float, x: float, baseline: float) -> list[El]:
    """The block's opening quote mark."""
    return [text_el("“", ctx.title_font, 700, size, ctx.palette.on_accent, x, baseline, role="quote-mark")]


def _block_number(ctx: Ctx, number: str, inner: Box) -> list[El]:
    """The item's number, large at the bottom of the block."""
    label = number.zfill(2)
    n_size = min(inner.w / max(0.1, measure(label, ctx.title_font, ctx.title_weight, 1.0)), inner.h * 0.5, 150.0)
    return [text_el(label, ctx.title_font, ctx.title_weight, n_size, ctx.palette.on_accent, inner.x,
                    inner.bottom - n_size * 0.12, role="number")]


def _block_quote(ctx: Ctx, title: str, inner: Box) -> tuple[list[El], float] | None:
    """The headline as a pull quote under its mark in the block, and the quote's type size; None when no size
    down to about half the title's fits the block."""
    ink = on_panel(ctx, ctx.palette.accent_fill, ctx.palette.on_accent)
    mark = ctx.title_size * 1.6
    for scale in (1.1, 0.95, 0.8, 0.68, 0.56):  # the pull quote shrinks until it fits the block
        quote = fitted_title(ink, title, inner.w, ctx.title_size * scale, max_lines=9, min_share=0.8)
        placed, _, used = fit_flow((quote,), inner.w, 1e9) if quote else ([], (), 0.0)
        if quote is not None and used + mark <= inner.h:
            top = optical_top(inner, used + mark)
            els = _quote_mark(ctx, mark, inner.x, top + mark * 0.75)
            return els + draw_flow(ink, placed, inner.x, top + mark, inner.w), quote.style.size
    return None


def _text_beside(ctx: Ctx, slide: Slide, size: float, right: Box, title: str, body: str, largest: float,
                 blocks_at: BodyBlocks):
    """The title and body in the zone beside the block, grown to fill it but no larger than ``largest`` (the text
    beside a pull quote is set no larger than the quote: "Founded 03/15/2021."); ``blocks_at``: the body's blocks."""
    def build(c: Ctx, s: float) -> Column | None:
        if s > size and not words_fit(c, body, s, right.w, size) or s > largest:
            return None
        return plan_column(c, slide, s, right, title=title, body=with_credit(c, slide, blocks_at(c, s), s))
    drawn, col = grown(ctx, size, right, build)
    y = optical_top(right, col.height) if not col.rest else right.y
    return draw_column(drawn, col, right.x, y, right.w), col.rest


def split(ctx: Ctx, slide: Slide, size: float, cursor):
    """Text on the left, the photo on the right; a landscape photo goes full width below the text,
    so its crop keeps most of the picture. Without a photo: a colour block and the text (``_split_panel``)."""
    if slide.image is None:
        return _split_panel(ctx, slide, size, cursor)
    if cursor is not None:
        return continuation(ctx, slide, size, cursor)
    box = ctx.content
    gap = 22
    ratio = slide.image.width / max(1, slide.image.height)
    img_w = round(box.w * 0.42)
    beside = Box(box.x, box.y, box.w - img_w - gap, box.h)
    if ratio > LANDSCAPE:
        return _photo_below(ctx, slide, size, min(box.w / min(ratio, 2.0), box.h * 0.45), None, None)
    title, text = slide_title_body(ctx, slide)
    blocks = with_credit(ctx, slide, body_blocks(ctx, text, size), size)  # built once for every form tried
    if _has_drawing(text) and wide_drawing(blocks, beside.w, box.w):  # a wide table or code: across, photo below
        for share in PHOTO_BELOW:  # … as small as it takes for the words to stay on this page
            els, rest = _photo_below(ctx, slide, size, min(box.w / ratio, box.h * share), title, blocks)
            if not rest:
                return els, rest
        if plan_column(ctx, slide, size, beside, title=title, body=blocks).rest:  # nor would they fit beside it
            return els, rest
    out = photo(ctx, slide.image, Box(box.right - img_w, box.y, img_w, box.h), 14, "photo")
    els, rest = text_column(ctx, slide, size, beside, title=title, body=blocks)
    return out + els, rest


PHOTO_BELOW = (0.45, 0.35, 0.25)  # the shares of the page a portrait photo under a wide table may take, largest first


def _photo_below(ctx: Ctx, slide: Slide, size: float, img_h: float, title: str | None, blocks):
    """Split's text across the page with the photo ``img_h`` tall below it (``plan_column``'s title and body)."""
    box, gap = ctx.content, 22
    col = plan_column(ctx, slide, size, Box(box.x, box.y, box.w, box.h - img_h - gap), title=title, body=blocks)
    top = optical_top(box, col.height + gap + img_h) if not col.rest else box.y  # text and photo as one
    pic = Box(box.x, top + col.height + gap, box.w, img_h)
    return draw_column(ctx, col, box.x, top, box.w) + photo(ctx, slide.image, pic, 14, "photo"), col.rest


def post_card(ctx: Ctx, slide: Slide, size: float, cursor):
    """Reads like a post: avatar, name, @handle, text, optional photo, and real date/counts."""
    box = ctx.content
    pal = ctx.palette
    post = ctx.post_of(slide)
    name = (post.author_name if post else "") or ctx.brand_name
    handle = (post.handle if post else "") or ("" if post and post.author_name else ctx.brand_handle)
    pic = (post.avatar if post else None) or (ctx.brand_avatar if not post or post.handle == ctx.brand_handle else None)
    pad = 24
    inner = box.inset(pad)
    head_h = 46 + 14 if (name or handle) else 0  # no author anywhere (pasted text, no brand): no empty avatar row
    meta = _post_meta(post) if (post and ctx.show_post_meta) else ""
    meta_h = ctx.meta_size * 2.2 if meta else 0.0
    if cursor is None:
        text = unflatten("\n".join(x for x in (slide.title.strip(), slide.body.strip()) if x))  # lines as posted
        if slide.image is None:  # a short post's card grows with its type
            size = _card_size(ctx, text, size, inner.w, inner.h - head_h - meta_h)
        first = block(text, ctx.body_style(size))  # a post card keeps the post's own text as written
        first = as_written_lists(first, _list_line_text) if first else None  # … its lists in one direction
        blocks = hanging_items(first, text, size) if first else ()
        image_pending = slide.image is not None
    else:
        image_pending = any(b.role == IMAGE_ROLE for b in cursor)
        blocks = tuple(b for b in cursor if b.role != IMAGE_ROLE)
    avail = inner.h - head_h - meta_h
    img_h = 0.0
    placed, rest, used = fit_flow(blocks, inner.w, avail, force=True)
    if image_pending and slide.image is not None and not rest:
        ideal = min(inner.w * min(slide.image.height / slide.image.width, 0.75), avail * 0.55)
        room = avail - used - 16
        if room >= min(ideal, POST_PHOTO_MIN):
            img_h = min(ideal, room)  # the photo shrinks (down to a minimum) to stay with its text
    show_img = bool(img_h) and image_pending
    if image_pending and not show_img:
        rest = rest + (Block((), ctx.body_style(size), role=IMAGE_ROLE),)
    last = not rest
    card_h = pad * 2 + head_h + used + (img_h + 16 if show_img else 0) + (meta_h if last else 0)
    card = Box(box.x, box.y + (box.h - card_h) / 2, box.w, card_h)
    out: list[El] = [  # a soft shadow (two offset layers: CairoSVG has no blur), then the card
        el("rect", x=card.x + 2, y=card.y + 6, width=card.w - 4, height=card.h, rx=24, fill="#000000", opacity=0.035),
        el("rect", x=card.x, y=card.y + 2.5, width=card.w, height=card.h, rx=23, fill="#000000", opacity=0.04),
        el("rect", x=card.x, y=card.y, width=card.w, height=card.h, rx=22, fill=pal.surface,
           stroke=pal.muted, stroke_opacity=0.18, stroke_width=1)]
    x, y = card.x + pad, card.y + pad
    if head_h:
        out.extend(_post_author(ctx, pic, name, handle, x, y, inner.w))
    y += head_h
    out.extend(draw_flow(ctx, placed, x, y, inner.w))
    y += used
    if show_img and slide.image is not None:
        out.extend(photo(ctx, slide.image, Box(x, y + 16, inner.w, img_h), 14, "post-photo"))
        y += img_h + 16
    if meta and last:
        els, _ = label_line(ctx, meta, ctx.body_style(ctx.meta_size, pal.muted), x, y + meta_h * 0.75, inner.w,
                            role="post-meta")
        out.extend(els)
    return out, rest


def hanging_items(blk: Block, text: str, size: float) -> tuple[Block, ...]:
    """A block drawn as written (``text``'s lines), its list lines ("- Ship it", "2) Edit", "✅ Done") each a
    block of their own that hangs: the creator's marker stays a character of the line, and the item's wrapped
    lines start under its first word, not under the marker; a nested line ("   - outline") is further in."""
    lines = [line for line in text.split("\n") if line.strip()]
    if has_code(text) or len(lines) != len(blk.paras):  # (a code block's lines are not read as a list)
        return (blk,)
    items = [found is not None for found in list_lines(lines)]
    if not any(items):
        return (blk,)
    out: list[Block] = []
    prose: list = []
    levels: list[int] = []  # the indents of the item lines open above

    def flush() -> None:
        if prose:
            out.append(replace(blk, paras=tuple(prose), gap_before=PARA_GAP if prose[0].gap else 0.0))
            prose.clear()
    for line, para, item in zip(lines, blk.paras, items):
        hang, lead = _hang(para, line, blk.style) if item else (0, 0.0)
        if not hang:
            prose.append(para)
            levels.clear()
            continue
        flush()
        indent = indent_of(line)
        while levels and indent < levels[-1] + NESTED:
            levels.pop()
        out.append(replace(blk, paras=(para,), indent=lead + sub_indent(size) * len(levels), hang=hang,
                           gap_before=PARA_GAP if para.gap else 0.0))
        levels.append(indent)
    flush()
    return tuple(out)


def hung(blk: Block | None, written: str) -> Block | None:
    """``blk`` (an item whose first line, ``written``, opens with the creator's own bullet or number: "✅ Ship it",
    "(1) Plan") hanging: its wrapped lines start under its first word, not under the bullet."""
    if blk is None or blk.start != 0 or blk.paras[0].code:
        return blk
    hang, lead = _hang(blk.paras[0], written, blk.style)
    return replace(blk, indent=blk.indent + lead, hang=hang) if hang else blk


HANG_MAX_EMS = 3.0  # a marker wider than this ("--------------------") does not hang: its words keep the width


def _hang(para, written: str, st) -> tuple[int, float]:
    """How many clusters of ``para`` (written as ``written``) its marker takes and how wide they are; (0, 0) when
    it has no marker, or one too wide to hang its words under."""
    hang = _marker_clusters(para, written_marker(written))
    lead = lead_width(para, hang, st.family, st.weight, st.size) if hang else 0.0
    return (hang, lead) if hang and lead <= HANG_MAX_EMS * st.size else (0, 0.0)


def _marker_clusters(para, marker: str) -> int:
    """How many clusters of ``para`` its written ``marker`` and the spaces after it take; 0 when it does not open
    the line as written, or nothing follows it."""
    if not marker:
        return 0
    shown = ""
    for n, c in enumerate(para.clusters):
        shown += c.text
        if shown.strip() == marker:
            k = n + 1
            while k < len(para.clusters) and para.clusters[k].is_space:
                k += 1
            return k if n + 1 < k < len(para.clusters) else 0
        if len(shown) > len(marker) + 1:
            return 0
    return 0


def _card_size(ctx: Ctx, text: str, size: float, width: float, height: float) -> float:
    """The largest body size (up to MAX_BODY) at which a card's text fills at most FILL of its room."""
    best = size
    for g in GROWTH:
        s = min(size * g, max(MAX_BODY, size))
        blk = block(text, ctx.body_style(s))
        if blk is None or s <= best or not words_fit(ctx, text, s, width, size):  # a word cut already may stay cut
            break
        _, rest, used = fit_flow((blk,), width, height)
        if rest or used > FILL * height:
            break
        best = s
    return best


def _post_author(ctx: Ctx, pic, name: str, handle: str, x: float, y: float, width: float) -> list[El]:
    """The avatar, name and @handle row at the top of a post card."""
    out = avatar(ctx, pic, name or handle, x + 22, y + 22, 22, "post")
    els, _ = label_line(ctx, name or handle, ctx.body_style(15.5, ctx.palette.text, 700), x + 56, y + 19,
                        width - 56, role="author")
    out.extend(els)
    if handle:
        els, _ = label_line(ctx, "@" + handle, ctx.body_style(13.5, ctx.palette.muted), x + 56, y + 38, width - 56,
                            role="handle")
        out.extend(els)
    return out


def _post_meta(post) -> str:
    """"Mar 3, 2026 · 1.2K likes · 48 reposts" from what the source really has."""
    parts = []
    if post.created_at:
        try:
            d = datetime.fromisoformat(post.created_at.replace("Z", "+00:00"))
            parts.append(f"{d:%b} {d.day}, {d.year}")
        except ValueError:
            pass
    for n, one, many in ((post.likes, "like", "likes"), (post.reposts, "repost", "reposts")):
        if isinstance(n, int) and not isinstance(n, bool) and n >= 0:  # a negative count is no count: not drawn
            parts.append(f"{_count(n)} {one if n == 1 else many}")
    return " · ".join(parts)


_UNITS = ((10 ** 12, "T"), (10 ** 9, "B"), (10 ** 6, "M"), (10 ** 3, "K"))


def _count(n: int) -> str:
    """1234 -> "1.2K", 12500 -> "12.5K", 250000 -> "250K", 3400000 -> "3.4M" (as X shows counts), exactly for any
    size: integer arithmetic, halves rounded up (a float turned 10**29 into "99999999999999991611392M")."""
    if n < 1000:
        return str(n)
    for k, (unit, suffix) in enumerate(_UNITS):
        if n < unit:
            continue
        if n >= 100 * unit:
            text = f"{(2 * n + unit) // (2 * unit):,}"
        else:
            tenths = (20 * n + unit) // (2 * unit)
            text = f"{tenths // 10}.{tenths % 10}".removesuffix(".0")
        if text == "1,000" and k > 0:  # 999_999 rounds to the next unit: "1M", not "1000K"
            return "1" + _UNITS[k - 1][1]
        return text + suffix
    return str(n)
