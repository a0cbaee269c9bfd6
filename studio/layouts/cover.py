"""The cover slide: the thread's hook large, with an optional subtitle and photo."""
from __future__ import annotations

from dataclasses import replace

from ..slide import Slide
from ..svg import El
from .base import Box, Ctx, accent_bar, draw_flow, fit_flow, lead_x, photo
from .templates import body_blocks, continuation, fitted_title, optical_top


def draw_cover(ctx: Ctx, slide: Slide, size: float, cursor):
    """Accent bar, the hook in the title face (up to 5 lines), the subtitle muted below.

    When it does not fit, the photo gets shorter and the hook smaller before
    anything moves to a second page.
    """
    if cursor is not None:
        return continuation(ctx, slide, size, cursor)
    shares = IMAGE_SHARES if slide.image is not None else (0.0,)
    for share in shares:
        tall = ctx.height > ctx.width * 1.5 and not share  # 9:16: the hook may grow into the height
        scales = TALL_SCALES + TITLE_SCALES if tall else TITLE_SCALES
        for scale in scales:
            out, rest, used = _cover(ctx, slide, size, share, scale)
            if not rest and (scale not in TALL_SCALES or used <= TALL_FILL * ctx.content.h):
                return out, rest
    return out, rest


IMAGE_SHARES = (0.42, 0.34, 0.26)  # of the content height
TITLE_SCALES = (1.3, 1.15, 1.0, 0.88, 0.76)  # of the title size
TALL_SCALES = (1.9, 1.6)  # a tall page (9:16) with room to spare: the hook larger still
TALL_FILL = 0.6  # … while it takes at most this share of the page's content height
PHOTO_GAP = 26


def _cover(ctx: Ctx, slide: Slide, size: float, share: float, scale: float):
    content = ctx.content
    box = content
    photo_h = round(content.h * share) if slide.image is not None and share else 0
    if photo_h:
        box = content.below(photo_h + PHOTO_GAP)
    big = min(ctx.title_size * scale, 64.0 if scale <= TITLE_SCALES[0] else 72.0)
    title = fitted_title(ctx, slide.title or slide.body, box.w, big, max_lines=5, min_share=0.8)
    blocks = (title,) if title else ()
    if slide.title and slide.body:  # the subtitle's lists are lists, as on a content slide
        sub = body_blocks(ctx, slide.body, size * 1.08, ctx.palette.muted)
        if sub:
            blocks += (replace(sub[0], gap_before=0.9),) + sub[1:]
    bar = 5 + 26
    placed, rest, used = fit_flow(blocks, box.w, box.h - bar, force=True)
    above = photo_h + PHOTO_GAP if photo_h else 0
    top = optical_top(content, above + bar + used) if not rest else content.y  # photo and text centred as one
    out: list[El] = []
    if photo_h and slide.image is not None:
        out.extend(photo(ctx, slide.image, Box(content.x, top, content.w, photo_h), 16, "cover"))
    y = top + above
    bx = lead_x(ctx, box.x, box.w, 56, slide.title or slide.body)
    out.append(accent_bar(ctx, bx, y, w=56, h=6))
    out.extend(draw_flow(ctx, placed, box.x, y + bar, box.w))
    return out, rest, above + bar + used
