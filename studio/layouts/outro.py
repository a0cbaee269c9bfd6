"""The outro slide: the call to action in three distinct variants.

#1 follow (person-plus icon), #2 repost / share (repost arrows), #3 save / visit
a link (bookmark icon, the link shown under the button). Each has the editable
headline, subline, button text and link, and the brand's avatar and name.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..outro import OutroCTA
from ..slide import Slide
from ..links import shown as link_shown
from ..links import target as link_target
from ..svg import El, el
from ..text import Line, measure, wrap_para
from ..typography import MIN_BODY_SIZE
from .base import Ctx, avatar, block, draw_flow, draw_line, fit_flow, label_line, link_area
from .base import _label_para as label_para
from .templates import fitted_title

ICONS = {  # 24×24 stroke icons
    1: "M15 19v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 3 17.5V19 M9 10.5a3.25 3.25 0 1 0 0-6.5a3.25 3.25 0 0 0 0 6.5 M19 7v6 M16 10h6",
    2: "M17 2.5l3.5 3.5-3.5 3.5 M4 11.5V10a4 4 0 0 1 4-4h12.5 M7 21.5L3.5 18 7 14.5 M20 12.5V14a4 4 0 0 1-4 4H3.5",
    3: "M18.5 21l-6.5-4.5L5.5 21V5a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2z",
}


def icon(kind: int, cx: float, cy: float, size: float, colour: str, stroke: float = 2.0) -> El:
    s = size / 24
    return el("path", d=ICONS[kind], fill="none", stroke=colour, stroke_width=stroke, stroke_linecap="round",
              stroke_linejoin="round", transform=f"translate({cx - size / 2:.2f} {cy - size / 2:.2f}) scale({s:.4f})")


def draw_outro(ctx: Ctx, slide: Slide, size: float, cursor):
    """Icon badge, headline, subline, button (with icon), link, and the brand chip.

    A long headline first gets smaller, then the badge and chip make room; only
    then does the text continue on another page, with the button after it.
    """
    cta = ctx.cta
    if cursor is not None:
        return _outro(ctx, size, cta, cursor, compact=True)
    headline = slide.title.strip() or cta.headline
    subline = slide.body.strip() or cta.subline
    floor = size * 1.05 * 1.25  # the headline always stays clearly larger than the subline
    for scale, compact in FITS:
        title_size = max(ctx.title_size * scale, floor)
        title = fitted_title(ctx, headline, ctx.content.w, title_size, max_lines=4,
                             min_share=min(1.0, max(0.62, floor / title_size)))
        blocks = tuple(b for b in (
            replace(title, style=replace(title.style, align="center")) if title else None,
            block(subline, replace(ctx.body_style(size * 1.05, ctx.palette.muted), align="center"), gap_before=0.6),
        ) if b)
        out, rest = _outro(ctx, size, cta, blocks, compact, badge=not compact)
        if not rest:
            break
    return out, rest


FITS = ((1.0, False), (0.85, False), (0.7, False), (0.7, True), (0.55, True))  # (title scale, compact)


def _outro(ctx: Ctx, size: float, cta: OutroCTA, blocks, compact: bool, badge: bool = False):
    pal = ctx.palette
    box = ctx.content
    center = box.x + box.w / 2
    badge_h = 64 + 26 if badge else 0.0
    button = fit_button(ctx, cta)
    button_h = button.h
    link = cta.link.strip()
    link_h = ctx.meta_size * 2.4 if link else 0.0
    chip_h = 44 + 22 if (ctx.brand_name or ctx.brand_handle) and not compact else 0.0
    fixed = badge_h + 28 + button_h + link_h + chip_h
    placed, rest, used = fit_flow(blocks, box.w, box.h - fixed, force=True)
    if rest:  # text only on this page; the button comes after the last of it
        return draw_flow(ctx, placed, box.x, box.y, box.w), rest
    y = box.y + max(0.0, box.h - fixed - used) * 0.45
    out: list[El] = []
    if badge:
        out += [el("circle", cx=center, cy=y + 32, r=32, fill=pal.accent_fill, opacity=0.14),
                icon(cta.variant, center, y + 32, 30, pal.accent, 2.2)]
        y += badge_h
    out.extend(draw_flow(ctx, placed, box.x, y, box.w))
    y += used + 28
    out.extend(_button(ctx, cta, button, center, y))
    y += button_h
    if link:
        href = link_target(link)  # "" for no web or e-mail address ("file:…", words): plain text, not a link's look
        st = ctx.body_style(ctx.meta_size * 1.15, pal.accent, 700) if href else ctx.body_style(ctx.meta_size * 1.15)
        els, _ = label_line(ctx, link_shown(link), st, box.x, y + link_h * 0.7, box.w,
                            role="link", align="center", href=href)
        out.extend(els)
    if chip_h:
        out.extend(_brand_chip(ctx, center, box.bottom - 44, box.w))
    return out, ()


BUTTON_SIZE, BUTTON_H, BUTTON_LH = 17.0, 50.0, 1.2  # one-line button: label size and height; wrapped lines' spacing
BUTTON_PAD = 90  # the button's width beyond its label: padding, the icon and its gap
BUTTON_LINES = 3  # a long label wraps to this many lines at its full size before it gets smaller


@dataclass(frozen=True)
class ButtonFit:
    size: float
    lines: tuple[Line, ...]
    h: float

    @property
    def text_w(self) -> float:
        return max(line.width for line in self.lines)


def fit_button(ctx: Ctx, cta: OutroCTA) -> ButtonFit:
    """The button label's size and lines: one line, a little smaller if need be, else wrapped (every word whole),
    never below the body text's smallest size; the button grows taller for wrapped lines."""
    label = cta.button.strip() or OutroCTA.default(cta.variant).button
    para = label_para(label)
    room = ctx.content.w - BUTTON_PAD
    if para is None:
        return ButtonFit(BUTTON_SIZE, (), BUTTON_H)
    one = wrap_para(para, ctx.body_font, 700, BUTTON_SIZE, 1e6)[0]
    size = max(float(MIN_BODY_SIZE), min(BUTTON_SIZE, BUTTON_SIZE * room * 0.995 / max(one.width, 1e-6)))
    lines = wrap_para(para, ctx.body_font, 700, size, room)
    if len(lines) > 1:
        size = BUTTON_SIZE
        while True:  # the largest size that takes at most BUTTON_LINES lines, or the smallest size
            lines = wrap_para(para, ctx.body_font, 700, size, room)
            if len(lines) <= BUTTON_LINES or size <= MIN_BODY_SIZE:
                break
            size = max(float(MIN_BODY_SIZE), size - 1)
    h = BUTTON_H + (len(lines) - 1) * size * BUTTON_LH
    return ButtonFit(size, lines, h)


def _button(ctx: Ctx, cta: OutroCTA, fit: ButtonFit, center: float, y: float) -> list[El]:
    pal = ctx.palette
    h, size = fit.h, fit.size
    text_w = fit.text_w if fit.lines else 0.0
    w = min(ctx.content.w, text_w + BUTTON_PAD)
    x = center - w / 2
    out = [el("rect", x=x, y=y, width=w, height=h, rx=min(h, BUTTON_H) / 2, fill=pal.accent_fill)]
    if cta.link.strip():  # the whole button opens the link in the PDF
        out.append(link_area(link_target(cta.link), x, y, w, h))
    ix = center - (text_w + 30) / 2 + 11
    out.append(icon(cta.variant, ix, y + h / 2, 20, pal.on_accent, 2.2))
    # full text handling (fallback faces, emoji); every run on_accent: an emphasised word or a link in the accent
    # colour would vanish into the button
    st = replace(ctx.body_style(size, pal.on_accent, 700), accent=pal.on_accent, align="center")
    first = y + h / 2 + size * 0.36 - (len(fit.lines) - 1) * size * BUTTON_LH / 2
    for k, line in enumerate(fit.lines):
        out.extend(draw_line(line, st, ix + 19, first + k * size * BUTTON_LH, text_w + 1, role="button"))
    return out


def _brand_chip(ctx: Ctx, center: float, y: float, width: float) -> list[El]:
    pal = ctx.palette
    name = ctx.brand_name or ("@" + ctx.brand_handle)
    handle = "@" + ctx.brand_handle if ctx.brand_name and ctx.brand_handle else ""
    name_w = measure(name, ctx.body_font, 700, 15)
    handle_w = measure(handle, ctx.body_font, 400, 13) if handle else 0
    w = min(width - 40, 44 + 12 + max(name_w, handle_w))
    x = center - w / 2
    out = avatar(ctx, ctx.brand_avatar, ctx.brand_name or ctx.brand_handle, x + 22, y + 22, 22, "brand-chip")
    els, _ = label_line(ctx, name, ctx.body_style(15, pal.text, 700), x + 56, y + 19, w - 56, role="brand")
    out.extend(els)
    if handle:
        els, _ = label_line(ctx, handle, ctx.body_style(13, pal.muted), x + 56, y + 37, w - 56, role="handle")
        out.extend(els)
    return out

