"""Brand header and footer: identity, logo or website, slide number and swipe hint.

Placements (BrandProfile.placement): "header-footer" puts the identity on top and
number + swipe hint at the bottom; "header" / "footer" put everything in one
band; "none" draws neither. Sizes follow Typography.meta_size.
"""
from __future__ import annotations

from ..links import target as link_target
from ..svg import El, el
import re

from .base import Box, Ctx, avatar, cut_to_fit, label_line, label_width, photo

ARROW = "M0 0 H14 M9 -5 L14 0 L9 5"
READABLE = 9.0  # the smallest size a shrunk website is drawn at (design units; 18 px in a 1080 px export)


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
                website: str, logo, identity: bool = True) -> list[El]:
    """Header and/or footer for page ``number`` of ``total``; ``identity`` False leaves the name out
    (the outro shows it in its own brand chip: the author appears once)."""
    if placement == "none":
        return []
    safe = ctx.safe
    meta = ctx.meta_size
    pal = ctx.palette
    has_identity = bool(ctx.brand_name or ctx.brand_handle) and identity
    counter = f"{number}/{total}" if numbers else ""
    hint = swipe and number < total
    out: list[El] = []
    ident_h = meta * 2.7
    if placement in ("header", "footer"):  # one band carries everything
        y = safe.y if placement == "header" else safe.bottom - ident_h
        band = Box(safe.x, y, safe.w, ident_h)
        els, used = _band_items(ctx, band, logo, website, counter, hint)
        out.extend(els)
        if has_identity:
            out.extend(_identity(ctx, band, band.w - used))
        return out
    in_header = has_identity  # without a name the header band takes no room: all goes to the footer
    if in_header:
        band = Box(safe.x, safe.y, safe.w, ident_h)
        right = _right_side(ctx, band, logo, website, "", False)
        out.extend(right[0])
        out.extend(_identity(ctx, band, band.w - right[1] - 16))
    h = meta * 1.5
    band = Box(safe.x, safe.bottom - h, safe.w, h)
    baseline = band.y + h * 0.72
    side = 0.0  # the widest corner item: the centre stays clear of both corners
    if counter:
        st = ctx.body_style(meta, pal.muted, 700)
        els, w = label_line(ctx, counter, st, band.x, baseline, band.w * 0.3, role="page-number")
        out.extend(els)
        side = max(side, w)
    if hint:
        els, w = _swipe(ctx, band.right, baseline)
        out.extend(els)
        side = max(side, w)
    centre = Box(band.x + side + meta, band.y, band.w - 2 * (side + meta), h)
    foot_logo = logo if not in_header else None
    foot_site = website if (not in_header or logo is not None) else ""
    if centre.w > meta * 2 and (foot_logo is not None or foot_site):
        out.extend(_centred(ctx, centre, baseline, foot_logo, foot_site))
    return out


def _centred(ctx: Ctx, band: Box, baseline: float, logo, website: str) -> list[El]:
    """A small logo and/or the website, centred in ``band`` and shrunk to its width."""
    meta = ctx.meta_size
    full = website
    logo_w = 0.0
    if logo is not None:
        logo_h = band.h * 0.9
        logo_w = min(logo_h * logo.width / logo.height, band.w * (0.4 if website else 1.0))
    gap = meta * 0.6 if logo_w and website else 0.0
    website, size = fit_website(ctx, website, band.w - logo_w - gap) if website else ("", meta)
    gap = gap if website else 0.0
    st = ctx.body_style(size, ctx.palette.muted)
    text_w = label_width(website, st.family, st.weight, st.size) if website else 0.0
    x = band.x + (band.w - logo_w - gap - text_w) / 2
    out: list[El] = []
    if logo_w:
        h = min(band.h * 0.9, logo_w * logo.height / logo.width)
        out.extend(photo(ctx, logo, Box(x, band.y + (band.h - h) / 2, logo_w, h), 0, "logo"))
    if website and text_w > 0:
        els, _ = label_line(ctx, website, st, x + logo_w + gap, baseline, text_w + 0.5, role="website",
                            href=link_target(full))
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
    if website:  # the name and handle come first: the website takes the room they leave
        ident = min(_identity_width(ctx, band), band.w * 0.7)
        text, size = fit_website(ctx, website, right - band.x - (ident + 16 if ident else 0.0))
        if text:
            w = label_width(text, ctx.body_font, 400, size) + 0.5
            els, w = label_line(ctx, text, ctx.body_style(size, pal.muted), right - w, baseline, w,
                                role="website", align="right", href=link_target(website))
            out.extend(els)
            right -= w
    elif counter:
        room = min(band.w * 0.45, right - band.x)
        els, w = label_line(ctx, counter, ctx.body_style(meta, pal.muted, 700), right - room, baseline, room,
                            role="page-number", align="right")
        out.extend(els)
        right -= w
    return out, band.right - right


_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)


def fit_website(ctx: Ctx, website: str, width: float) -> tuple[str, float]:
    """The website as drawn within ``width``, and its size: whole at the meta size or a little smaller; else
    without "https://" and "www."; else its host and the start of its path cut with "…" at a character
    boundary, never below a readable size ("" when not one character fits)."""
    meta = ctx.meta_size
    floor = min(meta, max(READABLE, meta * 0.55))
    family = ctx.body_font
    width = max(0.0, width - 0.5)
    short = _SCHEME.sub("", website.strip()).rstrip("/") or website.strip()
    for text in dict.fromkeys((website.strip(), short)):
        natural = label_width(text, family, 400, meta)
        if natural <= width:
            return text, meta
        if natural * floor / meta <= width:
            return text, meta * width / natural
    return cut_to_fit(short, ctx.body_style(meta), meta, width), meta


def _identity_width(ctx: Ctx, band: Box) -> float:
    """Natural width of the avatar with the name and handle beside it (0 without an identity)."""
    if not (ctx.brand_name or ctx.brand_handle):
        return 0.0
    meta = ctx.meta_size
    name = ctx.body_style(meta * 1.08, weight=700)
    widths = [label_width(ctx.brand_name or "@" + ctx.brand_handle, name.family, 700, name.size)]
    if ctx.brand_name and ctx.brand_handle:
        widths.append(label_width("@" + ctx.brand_handle, ctx.body_font, 400, meta))
    return band.h + meta * 0.75 + max(widths)


def _band_items(ctx: Ctx, band: Box, logo, website: str, counter: str, hint: bool) -> tuple[list[El], float]:
    """Logo, website, slide number and swipe hint at the right of a one-band placement.

    In one row when everything fits beside the identity; otherwise the website
    goes above the number and hint (like the name above the handle), and the
    logo and website shrink: the band never overflows. Returns (elements, width used).
    """
    pal = ctx.palette
    meta = ctx.meta_size
    gap = meta * 1.1
    ident = _identity_width(ctx, band)
    number_st = ctx.body_style(meta, pal.muted, 700)
    site_st = ctx.body_style(meta, pal.muted)
    swipe_w = _swipe(ctx, band.right, 0.0)[1] if hint else 0.0
    count_w = label_width(counter, number_st.family, 700, meta) if counter else 0.0
    tail_w = swipe_w + count_w + (gap if hint and counter else 0.0)
    site_w = label_width(website, site_st.family, 400, meta) if website else 0.0
    logo_w = min(band.h * 0.7 * logo.width / logo.height, band.w * 0.22) if logo is not None else 0.0
    parts = [w for w in (ident, logo_w, site_w, tail_w) if w]
    one_row = sum(parts) + gap * (len(parts) - 1) <= band.w
    out: list[El] = []

    def tail(baseline: float) -> None:
        right = band.right
        if hint:
            out.extend(_swipe(ctx, right, baseline)[0])
            right -= swipe_w + gap
        if counter:
            out.extend(label_line(ctx, counter, number_st, right - count_w - 1, baseline, count_w + 1,
                                  role="page-number", align="right")[0])

    if one_row:
        baseline = band.y + band.h * 0.64
        tail(baseline)
        right = band.right - tail_w - (gap if tail_w else 0.0)
        column = tail_w
    else:
        tail(band.y + band.h * 0.9)
        logo_min = min(logo_w, meta * 2.5)
        spare = band.w - ident - gap - (logo_min + gap if logo_min else 0.0)  # the identity keeps its width
        column = max(tail_w, min(site_w, spare, band.w * 0.5))
        baseline = band.y + band.h * 0.44
        right = band.right
    if website:
        text, size = fit_website(ctx, website, min(site_w, right - band.x) if one_row else column)
        room = label_width(text, site_st.family, 400, size) + 0.5
        els, w = label_line(ctx, text, ctx.body_style(size, pal.muted), right - room, baseline, room,
                            role="website", align="right", href=link_target(website)) if text else ([], 0.0)
        out.extend(els)
        if one_row:
            right -= w + gap
    if not one_row:
        right = band.right - column - gap
    if logo is not None:
        room = right - band.x
        logo_w = min(logo_w, max(room - ident - gap if ident else room, min(logo_w, meta * 2.5, room * 0.3)))
        if logo_w >= meta:
            h = min(band.h * 0.7, logo_w * logo.height / logo.width)
            out.extend(photo(ctx, logo, Box(right - logo_w, band.y + (band.h - h) / 2, logo_w, h), 0, "logo"))
            right -= logo_w + gap
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
