"""Render a carousel to SVG: a pure function of the model (same input, same bytes).

Pipeline
1. ``make_context`` resolves the carousel's settings once: canvas size and safe
   area (≥ 40 units; Instagram stories keep 14 % clear at top and bottom), the
   brand header/footer bands, theme colours with the brand accent, fonts, sizes.
2. ``paginate`` turns every model Slide into one or more pages. Its layout
   function (``studio.layouts``) draws a page and returns the text it could not
   place. Auto-fit tries body sizes from the typography's size down to
   ``MIN_BODY_SIZE`` and keeps the largest one that needs the fewest pages;
   text that still does not fit continues on extra pages. Pages are cached by
   the slide's content, so editing one slide re-lays out only that slide.
3. ``render_slide`` wraps a page's content with the background, pattern, and
   brand header/footer (page numbers count pages) into an ``<svg>`` whose
   viewBox is the design size (540 wide) and whose width/height are that × scale.
   ``scale`` only sets the resolution photos are embedded at.

Text is measured with the same static font files cairo draws with
(``studio.fonts``), every run is positioned explicitly (``studio.text``), and
all markup is built by ``studio.svg``, which escapes by construction.
"""
from __future__ import annotations

import hashlib
import math
import sys
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import lru_cache

from . import fonts, limits, text
from .canvas import DEFAULT_SCALE, CanvasFormat, get_format
from .carousel import Carousel
from .image import Image
from .layouts import LAYOUTS, Drawer, base, draw_cover, draw_outro, get_layout, templates
from .layouts.base import Box, Ctx
from .outro import OutroCTA
from .layouts.chrome import band_heights, draw_chrome
from .pattern import draw_pattern, get_pattern
from .slide import Slide
from .platform import clear_margin
from .svg import Built, El, built, document, el
from .theme import Palette, get_theme, palette
from .typography import MIN_BODY_SIZE

MARGIN_X = 44
MARGIN_Y = 40
MAX_PAGES_PER_SLIDE = limits.MAX_PAGES_PER_SLIDE  # text is never cut silently


@dataclass(frozen=True)
class Page:
    """One rendered page: which slide it shows, which part of it, and its drawing."""

    slide_index: int
    part: int  # 0 for the slide's first page
    parts: int  # how many pages the slide takes
    kind: str  # cover / content / outro
    layout: str  # layout key actually drawn ("cover" / "outro" for those)
    body_size: float  # body size after auto-fit
    markup: Built  # the page's content, serialised once


# ---------------------------------------------------------------- context

def _pick_font(*choices: str) -> str:
    for c in choices:
        if c:
            return fonts.check_family(c)
    raise ValueError("no font chosen")


def make_context(carousel: Carousel, scale: float = DEFAULT_SCALE) -> Ctx:
    """Resolve a carousel's settings into a drawing context (ValueError for unknown keys)."""
    fmt = get_format(carousel.format)
    theme = get_theme(carousel.theme)
    get_layout(carousel.layout)
    get_pattern(_pattern_key(carousel))
    width, height, safe = _safe_area(fmt)
    brand = carousel.brand
    name, handle, pic = _identity(carousel)
    typo = carousel.typography
    meta = typo.meta_size
    head, foot = band_heights(brand.placement, meta, bool(name or handle))
    content = Box(safe.x, safe.y + head, safe.w, safe.h - head - foot)
    title_font = _pick_font(typo.title_font, brand.title_font, theme.title_font)
    body_font = _pick_font(typo.body_font, brand.body_font, theme.body_font)
    title_weight = theme.title_weight if title_font == theme.title_font else 700
    for family in {title_font, body_font}:  # built before cairo is ever asked for them
        fonts.ensure_family(family)
    posts = {p.id: p for p in carousel.thread.posts} if carousel.thread else {}
    return Ctx(width, height, safe, content, theme, palette(theme, brand.accent), title_font, body_font,
               fonts.best_weight(title_font, title_weight), typo.title_size, typo.body_size, meta, typo.line_height,
               typo.align, scale, carousel.show_post_meta, name, handle, pic, posts, cta=drawn_cta(carousel.cta))


@lru_cache(maxsize=16)
def _safe_area(fmt: CanvasFormat) -> tuple[float, float, Box]:
    """A format's design width, height and the box inside its clear margins (asked for at every page drawn)."""
    width, height = fmt.design_size
    top, bottom = clear_margin(fmt, "top", MARGIN_Y), clear_margin(fmt, "bottom", MARGIN_Y)
    left, right = clear_margin(fmt, "left", MARGIN_X), clear_margin(fmt, "right", MARGIN_X)
    return width, height, Box(left, top, width - left - right, height - top - bottom)


def _identity(carousel: Carousel) -> tuple[str, str, Image | None]:
    """The brand's name, handle, avatar; without a brand, the thread's author."""
    b = carousel.brand
    if b.name or b.handle:
        return _cut(b.name), _cut(b.handle), b.avatar
    if carousel.thread and carousel.thread.posts:
        p = carousel.thread.posts[0]
        return _cut(p.author_name), _cut(p.handle), p.avatar
    return "", "", b.avatar


def _cut(text: str, cap: int = limits.MAX_BRAND_NAME_CHARS) -> str:
    """A brand text as drawn: never more than its cap is laid out (an over-cap one from an old file is cut)."""
    return text[:cap + 1].strip()[:cap]


def drawn_cta(cta: OutroCTA) -> OutroCTA:
    """The outro's call to action as drawn: a text over its cap (an old file) cut at it; the file keeps it whole.

    The link is one line: a line break or tab in it (from a file or the command line) is drawn as a space, as
    in the other one-line fields; a URL parser would drop it and join two words ("x.com\\ny" as "x.comy")."""
    over = {field: limits.cut(getattr(cta, field), cap) for (part, field), (cap, _) in limits.PART_CAPS.items()
            if part == "cta" and len(getattr(cta, field)) > cap}
    link = over.get("link", cta.link)
    if link != " ".join(link.split()) and link.strip():
        over["link"] = " ".join(link.split())
    return replace(cta, **over) if over else cta


def missing_glyphs(carousel: Carousel) -> list[str]:
    """Sorted unique characters of the carousel's text that no bundled font draws (drawn as a boxed "?")."""
    brand = carousel.brand
    texts = [brand.name, brand.handle, brand.website, carousel.cta.headline, carousel.cta.subline,
             carousel.cta.button, carousel.cta.link]
    texts += [t for s in carousel.slides for t in (s.title, s.body)]
    if carousel.thread:
        texts += [t for p in carousel.thread.posts for t in (p.author_name, p.handle)]
    missing: set[str] = set()
    for value in texts:
        if value:
            missing |= text.uncovered(value)
    return sorted(missing)


def slide_headline(carousel: Carousel, index: int) -> tuple[str, bool]:
    """The headline a content or cover slide shows, and whether it is automatic (read from the text
    because the Title is empty). The editor shows it in the Title field until the creator types one."""
    slide = carousel.slides[index]
    if slide.title.strip() or slide.kind not in ("content", "cover"):
        return slide.title.strip(), False
    from .layouts.templates import automatic_headline
    head, _ = automatic_headline(make_context(carousel), slide.body)
    return head, bool(head)


def layout_note(carousel: Carousel, index: int) -> str:
    """What the studio should tell the creator about how a slide is drawn ("" when nothing)."""
    slide = carousel.slides[index]
    if slide.kind == "content" and _layout_key(carousel, slide) == "image-focus" and slide.image is None:
        return ("Image focus shows a photo, and this slide has none: its headline takes the photo's place. "
                "Upload a photo or choose another layout.")
    return ""


EMPHASIS_HINT = "Emphasise a word with **word** (drawn bold in the accent colour)."


def _pattern_key(carousel: Carousel) -> str:
    return carousel.pattern if carousel.pattern is not None else get_theme(carousel.theme).pattern


# ---------------------------------------------------------------- pagination

def _sig(value) -> object:
    """A hashable, content-based signature of model values (images by their sha256)."""
    if isinstance(value, Image):
        return ("image", value.sha256, value.width, value.height)
    if isinstance(value, (list, tuple)):
        return tuple(_sig(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _sig(v)) for k, v in value.items()))
    if hasattr(value, "__dataclass_fields__"):
        return (type(value).__name__,) + tuple(_sig(getattr(value, f)) for f in value.__dataclass_fields__)
    return value


def _ctx_sig(ctx: Ctx) -> tuple:
    return (ctx.width, ctx.height, ctx.content, ctx.palette, ctx.title_font, ctx.body_font, ctx.title_weight,
            ctx.title_size, ctx.body_size, ctx.meta_size, ctx.line_height, ctx.align,
            ctx.show_post_meta, ctx.brand_name, ctx.brand_handle, _sig(ctx.brand_avatar))


_PAGE_CACHE: OrderedDict[str, tuple[str, float, tuple[Built, ...]]] = OrderedDict()
_PAGE_CACHE_BYTES = 64 * 2**20  # embedded photos make pages large: bound the cache by size
_cache_bytes = 0
_CACHE_LOCK = threading.Lock()  # the studio renders from several threads


def _layout_key(carousel: Carousel, slide: Slide) -> str:
    if slide.kind == "cover":
        return "cover"
    if slide.kind == "outro":
        return "outro"
    key = slide.layout or carousel.layout
    return key if key in LAYOUTS else carousel.layout


def _drawer(layout_key: str) -> Drawer:
    """Every drawer, cover and outro included, is ``(ctx, slide, size, cursor) -> (elements, rest)``."""
    return {"cover": draw_cover, "outro": draw_outro}.get(layout_key) or LAYOUTS[layout_key].draw


class SlideTooLong(limits.LimitError):
    """A slide's text cannot be laid out within the caps; the message is meant for the creator."""


TOO_LONG = "too-long"  # the layout key of a slide drawn as its problem instead of its text (``problem_part``)
PAGES_PROBLEM = (f"This slide's text needs more than {MAX_PAGES_PER_SLIDE} pages: "
                 "split it into shorter slides.")


def slide_problem(slide: Slide) -> str:
    """Why a slide is too big to lay out, found before any layout work ("" when nothing is)."""
    if limits.chars(slide.title) > limits.MAX_TITLE_CHARS:
        return (f"This slide's title has {limits.chars(slide.title):,} characters; a title may have at most "
                f"{limits.MAX_TITLE_CHARS:,}. Shorten it, or move the rest into the text.")
    try:
        limits.check_words(f"{slide.title} {slide.body}", "This slide")
        limits.check_chars(slide.body, limits.MAX_BODY_CHARS, "This slide's text")
    except limits.LimitError as exc:
        return str(exc)
    return ""


def problem_part(ctx: Ctx, slide: Slide, message: str) -> Built:
    """One page telling what keeps a slide from being drawn: the start of its title, then ``message``."""
    box = ctx.content
    head = " ".join(slide.title[:PROBLEM_TITLE_CHARS + 1].split())
    if len(slide.title) > PROBLEM_TITLE_CHARS:
        head = head[:PROBLEM_TITLE_CHARS] + "…"
    blocks = (base.block(head, ctx.title_style(min(ctx.title_size, 30)), role="title"),
              base.block(message, ctx.body_style(colour=ctx.palette.accent), gap_before=1.0))
    placed, _, _ = base.fit_flow(tuple(b for b in blocks if b), box.w, box.h, force=True)
    return built(el("g", *base.draw_flow(ctx, placed, box.x, box.y, box.w), class_="content"))


PROBLEM_TITLE_CHARS = 120  # of a slide's title, on the page saying what keeps it from being drawn


def slide_problems(carousel: Carousel) -> list[tuple[int, str]]:
    """(slide index, message) of each slide drawn as its problem (``problem_part``): export refuses those."""
    found: dict[int, str] = {}
    for page in paginate(carousel):
        if page.layout == TOO_LONG:
            found[page.slide_index] = slide_problem(carousel.slides[page.slide_index]) or PAGES_PROBLEM
    return sorted(found.items())


def _run(ctx: Ctx, drawer, slide: Slide, size: float, uid: str, dry_run: bool = False) -> list[tuple[El, ...]]:
    """Draw a slide page after page until its text is placed (``dry_run``: only count the pages).

    SlideTooLong when it needs more than MAX_PAGES_PER_SLIDE pages (or its pages stop progressing)."""
    pages: list[tuple[El, ...]] = []
    cursor = None
    ctx.dry_run = dry_run
    try:
        while True:
            ctx.uid = f"{uid}-{len(pages)}"
            els, rest = drawer(ctx, slide, size, cursor)
            pages.append(tuple(els))
            if not rest:
                return pages
            if len(pages) >= MAX_PAGES_PER_SLIDE or rest == cursor:
                raise SlideTooLong(PAGES_PROBLEM)
            cursor = rest
    finally:
        ctx.dry_run = False


def _split_slide(ctx: Ctx, carousel: Carousel, slide: Slide):
    layout_key = _layout_key(carousel, slide)
    extra = drawn_cta(carousel.cta) if layout_key == "outro" else None
    # A slide's drawing reads one post of its list (``Ctx.post_of``): the key holds that post, not the list, so a
    # slide listing a post 200,000 times no longer walked every listed post at each layout (attacker s23).
    drawn = replace(slide, post_ids=[]), ctx.post_of(slide)
    key_src = repr((_ctx_sig(ctx), carousel.typography.auto_fit, layout_key, _sig(drawn), _sig(extra)))
    if "('image', " in key_src:  # only photos depend on the scale (embedded at box size × scale)
        key_src += repr(ctx.scale)
    key = hashlib.sha256(key_src.encode("utf-8", "surrogatepass")).hexdigest()
    with _CACHE_LOCK:
        hit = _PAGE_CACHE.get(key)
        if hit is not None:
            _PAGE_CACHE.move_to_end(key)
            return hit
    problem = slide_problem(slide)  # refused at once, not after minutes of layout
    if not problem:
        try:
            result = _lay_out(ctx, carousel, slide, layout_key, "c" + key[:8])
        except SlideTooLong as exc:
            problem = str(exc)
    if problem:  # drawn as what keeps it from being drawn: every other slide, the preview and autosave go on
        ctx.uid = "c" + key[:8]
        result = (TOO_LONG, ctx.body_size, (problem_part(ctx, slide, problem),))
    _remember(key, result)
    return result


def _lay_out(ctx: Ctx, carousel: Carousel, slide: Slide, layout_key: str, uid: str):
    """A slide's layout key, body size after auto-fit and its pages (SlideTooLong beyond the page cap)."""
    drawer = _drawer(layout_key)
    start = ctx.body_size
    if carousel.typography.auto_fit and start > MIN_BODY_SIZE:
        sizes = [start]
        s = math.floor(start) if start != math.floor(start) else start - 1
        while s > MIN_BODY_SIZE:
            sizes.append(s)
            s -= 1
        sizes.append(float(MIN_BODY_SIZE))
    else:
        sizes = [start]
    drawn = _run(ctx, drawer, slide, sizes[0], uid)  # usually fits on one page at the chosen size: done
    size = sizes[0]
    if len(drawn) > 1 and len(sizes) > 1:  # count pages at smaller sizes without drawing, then draw the best once
        counts = {size: len(drawn)}
        for s in sizes[1:]:
            counts[s] = len(_run(ctx, drawer, slide, s, uid, dry_run=True))
            if counts[s] == 1:
                break
        fewest = min(counts.values())
        size = next(s for s in sizes if s in counts and counts[s] == fewest)
        if size != sizes[0]:
            drawn = _run(ctx, drawer, slide, size, uid)
    parts = tuple(built(el("g", *els, class_="content")) for els in drawn)
    return layout_key, size, parts


# Layout caches keyed by the slides' words that the studio's tidy-up (components.memory TEXT_CACHES) does not name:
# emptied with the laid-out pages.
WORD_CACHES = (templates._fitted_title, templates._heading, base.glyph_xs, text._segment_ems)


def clear_cache() -> None:
    """Forget every laid-out page and the word caches above (tests and benchmarks measure cold layout with it)."""
    global _cache_bytes
    with _CACHE_LOCK:
        _PAGE_CACHE.clear()
        _CHROME.clear()
        _cache_bytes = 0
    for cached in WORD_CACHES:
        cached.cache_clear()


def _remember(key: str, result: tuple[str, float, tuple[Built, ...]]) -> None:
    global _cache_bytes
    with _CACHE_LOCK:
        if key in _PAGE_CACHE:
            return
        _PAGE_CACHE[key] = result
        _cache_bytes += _held(result)
        while _cache_bytes > _PAGE_CACHE_BYTES and len(_PAGE_CACHE) > 1:
            _, old = _PAGE_CACHE.popitem(last=False)
            _cache_bytes -= _held(old)


def _held(result: tuple[str, float, tuple[Built, ...]]) -> int:
    """The bytes a laid-out slide's markup takes: a string holding one emoji or curly quote takes 4 or 2 bytes a
    character, so counting characters let the cache hold up to 4 times its bound (a long session's server grew
    ~40 KB an edit for 1,500 edits and more)."""
    return sum(sys.getsizeof(b.markup) for b in result[2])


def paginate(carousel: Carousel, scale: float = DEFAULT_SCALE) -> list[Page]:
    """Every page of the carousel in order (a long slide takes several pages)."""
    ctx = make_context(carousel, scale)
    pages: list[Page] = []
    for i, slide in enumerate(carousel.slides):
        layout_key, size, parts = _split_slide(ctx, carousel, slide)
        for k, markup in enumerate(parts):
            pages.append(Page(i, k, len(parts), slide.kind, layout_key, size, markup))
    return pages


def page_count(carousel: Carousel) -> int:
    """How many pages (exported images / PDF pages) the carousel makes."""
    return len(paginate(carousel))


def pages_per_slide(carousel: Carousel) -> list[int]:
    """For each model slide, how many pages it takes."""
    counts = [0] * len(carousel.slides)
    for p in paginate(carousel):
        counts[p.slide_index] += 1
    return counts


# ---------------------------------------------------------------- drawing a page

@lru_cache(maxsize=64)
def _background(width: float, height: float, pal: Palette, pattern: str, strength: float = 1.0) -> Built:
    """Background fill and pattern (its opacity × ``strength``), serialised once per theme and size."""
    uid = "bg" + hashlib.sha256(repr((width, height, pal, pattern, strength)).encode()).hexdigest()[:8]
    out: list[El] = []
    if len(pal.background) > 1:
        gid = f"{uid}-grad"
        stops = [el("stop", offset=i / (len(pal.background) - 1), stop_color=c) for i, c in enumerate(pal.background)]
        out.append(el("defs", el("linearGradient", *stops, id=gid, x1=0, y1=0, x2=0.6, y2=1)))
        fill = f"url(#{gid})"
    else:
        fill = pal.background[0]
    out.append(el("rect", x=0, y=0, width=width, height=height, fill=fill))
    if strength > 0:
        out.extend(draw_pattern(pattern, width, height, pal.pattern_color, min(1.0, pal.pattern_opacity * strength),
                                f"{uid}-pat"))
    return built(el("g", *out, class_="background"))


def _page_svg(ctx: Ctx, carousel: Carousel, page: Page, number: int, total: int) -> str:
    ctx.uid = f"p{number}"
    brand = carousel.brand
    background = _background(ctx.width, ctx.height, ctx.palette, _pattern_key(carousel), carousel.pattern_strength)
    return document(ctx.width, ctx.height, ctx.scale, background, page.markup,
                    _chrome(ctx, brand.placement, number, total, brand.show_slide_numbers, brand.show_swipe_hint,
                            _cut(brand.website, limits.MAX_WEBSITE_CHARS), brand.logo, page.kind != "outro"))


_CHROME: OrderedDict[tuple, Built | None] = OrderedDict()
_CHROME_ITEMS = 128


def _chrome(ctx: Ctx, placement: str, number: int, total: int, numbers: bool, swipe: bool, website: str,
            logo: Image | None, identity: bool) -> Built | None:
    """A page's header and footer, serialised once per page number and brand: they are the same on every
    keystroke (a third of drawing a laid-out page). Keyed by every field of the context but its posts."""
    key = (_ctx_sig(ctx), ctx.safe, ctx.theme, ctx.scale, ctx.uid, ctx.number_scale,
           placement, number, total, numbers, swipe, website, _sig(logo), identity)
    with _CACHE_LOCK:
        if key in _CHROME:
            _CHROME.move_to_end(key)
            return _CHROME[key]
    drawn = draw_chrome(ctx, placement, number, total, numbers=numbers, swipe=swipe, website=website, logo=logo,
                        identity=identity)
    markup = built(el("g", *drawn, class_="brand")) if drawn else None
    with _CACHE_LOCK:
        _CHROME[key] = markup
        while len(_CHROME) > _CHROME_ITEMS:
            _CHROME.popitem(last=False)
    return markup


def render_slides(carousel: Carousel, scale: float = DEFAULT_SCALE) -> list[str]:
    """SVG text of every page."""
    fonts.ensure_fonts()
    ctx = make_context(carousel, scale)
    pages = paginate(carousel, scale)
    return [_page_svg(ctx, carousel, p, i + 1, len(pages)) for i, p in enumerate(pages)]


def slide_page_count(carousel: Carousel, slide_index: int, scale: float = DEFAULT_SCALE) -> int:
    """How many pages one slide takes: its layout alone (the others' is not needed)."""
    return len(_split_slide(make_context(carousel, scale), carousel, carousel.slides[slide_index])[2])


@dataclass(frozen=True)
class SlideLayout:
    """One slide laid out (``lay_out_slide``): its page count, and what ``draw_slide_page`` draws its pages from.
    Drawn from at once: it holds the carousel as it was, and the context its pages were laid out in."""

    carousel: Carousel
    ctx: Ctx
    slide_index: int
    layout_key: str
    body_size: float
    parts: tuple[Built, ...]

    @property
    def pages(self) -> int:
        return len(self.parts)


def lay_out_slide(carousel: Carousel, slide_index: int, scale: float = DEFAULT_SCALE) -> SlideLayout:
    """One slide laid out: its page count and its pages in one go (the studio's preview after a keystroke needs
    both; asking for each made the context and the layout's cache key twice)."""
    ctx = make_context(carousel, scale)
    layout_key, size, parts = _split_slide(ctx, carousel, carousel.slides[slide_index])
    return SlideLayout(carousel, ctx, slide_index, layout_key, size, parts)


def draw_slide_page(laid: SlideLayout, page: int, number: int, total: int) -> str:
    """Page ``page`` of a laid-out slide, as page ``number`` of ``total`` of the carousel (``render_slide_page``)."""
    fonts.ensure_fonts()
    if not 0 <= page < laid.pages:
        raise IndexError(f"page {page} of slide {laid.slide_index} does not exist; the slide has {laid.pages} pages")
    slide = laid.carousel.slides[laid.slide_index]
    return _page_svg(laid.ctx, laid.carousel, Page(laid.slide_index, page, laid.pages, slide.kind, laid.layout_key,
                                                  laid.body_size, laid.parts[page]), number, total)


def render_slide_page(carousel: Carousel, slide_index: int, page: int, number: int, total: int,
                      scale: float = DEFAULT_SCALE) -> str:
    """``render_slide`` of page ``page`` of one slide, page ``number`` of ``total`` of the carousel: for a
    caller that knows the pages per slide (the studio's preview), no other slide is laid out again."""
    fonts.ensure_fonts()
    return draw_slide_page(lay_out_slide(carousel, slide_index, scale), page, number, total)


def render_slide(carousel: Carousel, index: int, scale: float = DEFAULT_SCALE) -> str:
    """SVG text of one page (``index`` counts pages, from 0)."""
    fonts.ensure_fonts()
    ctx = make_context(carousel, scale)
    pages = paginate(carousel, scale)
    if not 0 <= index < len(pages):
        raise IndexError(f"page {index} does not exist; the carousel has {len(pages)} pages")
    return _page_svg(ctx, carousel, pages[index], index + 1, len(pages))
