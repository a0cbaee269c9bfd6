"""Brand header and footer: identity, logo or website, slide number and swipe hint.

Placements (BrandProfile.placement): "header-footer" puts the identity on top and
number + swipe hint at the bottom; "header" / "footer" put everything in one
band; "none" draws neither. Sizes follow Typography.meta_size.
"""
from __future__ import annotations

from ..svg import El, el
from ..text import measure
from .base import Box, Ctx, avatar, label_line, photo

ARROW = "M0 0 H14 M9 -5 L14 0 L9 5"


def band_heights(placement: str, meta: float, has_identity: bool) -> tuple[float, float]:
    """(header, footer) space taken from the safe area, gaps included."""
    head = meta * 2.7 + meta * 1.9
    foot = meta * 1.5 + meta * 1.6
    if placement == "header-footer":
        return (head if has_identity else 0.0), foot
    if placement == "header":
        return head, 0.0
    if placement == "footer":
        return 0.0, max(foot, meta * 2.7 + meta * 1.9)
    return 0.0, 0.0


def draw_chrome(ctx: Ctx, placement: str, number: int, total: int, *, numbers: bool, swipe: bool,
                website: str, logo) -> list[El]:
    """Header and/or footer for page ``number`` of ``total``."""
    if placement == "none":
        return []
    safe = ctx.safe
    meta = ctx.meta_size
    pal = ctx.palette
    has_identity = bool(ctx.brand_name or ctx.brand_handle)
    counter = f"{number}/{total}" if numbers else ""
    hint = swipe and number < total
    out: list[El] = []
    ident_h = meta * 2.7
    if placement in ("header-footer", "header"):
        band = Box(safe.x, safe.y, safe.w, ident_h)
        right = _right_side(ctx, band, logo, website if placement == "header-footer" else "",
                            counter if placement == "header" else "", hint and placement == "header")
        out.extend(right[0])
        if has_identity:
            out.extend(_identity(ctx, band, band.w - right[1] - 16))
    if placement in ("header-footer", "footer"):
        h = meta * 1.5 if placement == "header-footer" else ident_h
        band = Box(safe.x, safe.bottom - h, safe.w, h)
        if placement == "footer":
            right = _right_side(ctx, band, None, "", counter, hint)
            out.extend(right[0])
            if has_identity:
                out.extend(_identity(ctx, band, band.w - right[1] - 16))
        else:
            baseline = band.y + h * 0.72
            if counter:
                els, _ = label_line(ctx, counter, ctx.body_style(meta, pal.muted, 700), band.x, baseline, 80,
                                    role="page-number")
                out.extend(els)
            if hint:
                out.extend(_swipe(ctx, band.right, baseline)[0])
            if logo is not None and website:
                els, _ = label_line(ctx, website, ctx.body_style(meta, pal.muted), band.x + 100, baseline,
                                    band.w - 200, role="website", align="center")
                out.extend(els)
    return out


def _identity(ctx: Ctx, band: Box, width: float) -> list[El]:
    pal = ctx.palette
    meta = ctx.meta_size
    r = band.h / 2
    out = avatar(ctx, ctx.brand_avatar, ctx.brand_name or ctx.brand_handle, band.x + r, band.y + r, r, "brand")
    x = band.x + 2 * r + meta * 0.75
    w = max(20.0, width - 2 * r - meta * 0.75)
    name = ctx.brand_name or "@" + ctx.brand_handle
    if ctx.brand_name and ctx.brand_handle:
        els, _ = label_line(ctx, name, ctx.body_style(meta * 1.08, pal.text, 700), x, band.y + band.h * 0.44, w,
                            role="brand")
        out.extend(els)
        els, _ = label_line(ctx, "@" + ctx.brand_handle, ctx.body_style(meta, pal.muted), x,
                            band.y + band.h * 0.9, w, role="handle")
        out.extend(els)
    else:
        els, _ = label_line(ctx, name, ctx.body_style(meta * 1.08, pal.text, 700), x, band.y + band.h * 0.64, w,
                            role="brand")
        out.extend(els)
    return out


def _right_side(ctx: Ctx, band: Box, logo, website: str, counter: str, hint: bool) -> tuple[list[El], float]:
    """Logo, or website / counter and swipe hint, right-aligned; returns (elements, width used)."""
    pal = ctx.palette
    meta = ctx.meta_size
    baseline = band.y + band.h * 0.64
    if logo is not None:
        h = band.h * 0.8
        w = min(band.w * 0.35, h * logo.width / logo.height)
        h = min(h, w * logo.height / logo.width)
        return photo(ctx, logo, Box(band.right - w, band.y + (band.h - h) / 2, w, h), 0, "logo"), w
    out: list[El] = []
    right = band.right
    if hint:
        els, w = _swipe(ctx, right, baseline)
        out.extend(els)
        right -= w + meta
    label = website or counter
    if label:
        room = min(band.w * 0.45, right - band.x)
        els, _ = label_line(ctx, label, ctx.body_style(meta, pal.muted, 700 if counter else 400),
                            right - room, baseline, room, role="page-number" if counter else "website", align="right")
        out.extend(els)
        right -= measure(label, ctx.body_font, 700 if counter else 400, meta)
    return out, band.right - right


def _swipe(ctx: Ctx, right: float, baseline: float) -> tuple[list[El], float]:
    """"Swipe" and an arrow in the accent colour, ending at ``right``; returns (elements, width)."""
    pal = ctx.palette
    meta = ctx.meta_size
    s = meta / 12
    arrow_w = 14 * s
    els, w = label_line(ctx, "Swipe", ctx.body_style(meta, pal.accent, 700), right - arrow_w - 6 * s - 60 * s,
                        baseline, 60 * s, role="swipe", align="right")
    ay = baseline - meta * 0.34
    arrow = el("path", d=ARROW, fill="none", stroke=pal.accent, stroke_width=1.8 * s, stroke_linecap="round",
               stroke_linejoin="round", transform=f"translate({right - arrow_w:.2f} {ay:.2f}) scale({s:.3f})")
    return els + [arrow], w + 6 * s + arrow_w
