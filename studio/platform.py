"""Platform facts in one place: what LinkedIn and Instagram take and what their screens cover.

The renderer keeps text out of the covered zones, the studio draws the same zones as its
safe-zone overlay, and the export checks warn with the same limits. Page sizes are the
formats in ``canvas.FORMATS``. (Public guides, 2026.)
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .canvas import CanvasFormat, get_format

# LinkedIn document posts: one PDF, every page the same size.
LINKEDIN_MAX_PAGES = 300
LINKEDIN_MAX_BYTES = 100 * 1000**2
LINKEDIN_RATIOS = ("4:5", "1:1")

# Instagram carousels: the first image's ratio applies to all.
INSTAGRAM_MAX_SLIDES = 20  # in the app
INSTAGRAM_API_MAX_SLIDES = 10  # through the API scheduling tools use
INSTAGRAM_WIDTH = (320, 1440)  # px
INSTAGRAM_MAX_BYTES = 8 * 1000**2
INSTAGRAM_FEED_RATIOS = ("4:5", "1:1", "3:4")
GRID_RATIO = 3 / 4  # the profile grid shows every post cropped to 3:4 around its centre
STORY_COVERED = 0.14  # a story's top and bottom 14 % sit under the app's own controls


@dataclass(frozen=True)
class Insets:
    """Fractions of the page's height (top, bottom) and width (left, right)."""

    top: float = 0.0
    right: float = 0.0
    bottom: float = 0.0
    left: float = 0.0

    def percent(self) -> tuple[float, float, float, float]:
        """(top, right, bottom, left) in % for CSS."""
        return tuple(round(v * 100, 3) for v in (self.top, self.right, self.bottom, self.left))


def covered(fmt: CanvasFormat | str) -> Insets:
    """What the platform's screen covers on every slide (a story's controls); nothing for other formats."""
    fmt = get_format(fmt) if isinstance(fmt, str) else fmt
    if fmt.platform == "instagram" and fmt.ratio == "9:16":
        return Insets(top=STORY_COVERED, bottom=STORY_COVERED)
    return Insets()


def grid_crop(fmt: CanvasFormat | str) -> Insets:
    """What the Instagram profile grid crops off the first slide (3:4 around the centre)."""
    fmt = get_format(fmt) if isinstance(fmt, str) else fmt
    if fmt.platform != "instagram":
        return Insets()
    ratio = fmt.width_px / fmt.height_px
    if ratio > GRID_RATIO:  # wider than 3:4: the sides go
        side = (1 - GRID_RATIO / ratio) / 2
        return Insets(left=side, right=side)
    top = (1 - ratio / GRID_RATIO) / 2  # taller (a story): top and bottom go
    return Insets(top=top, bottom=top)


def safe_zone(fmt: CanvasFormat | str) -> Insets | None:
    """The zone the studio's overlay marks: the story's covered bands, else the grid crop; None for LinkedIn."""
    fmt = get_format(fmt) if isinstance(fmt, str) else fmt
    if fmt.platform != "instagram":
        return None
    story = covered(fmt)
    return story if story != Insets() else grid_crop(fmt)


def clear_margin(fmt: CanvasFormat, side: str, minimum: float) -> float:
    """Design units the renderer keeps clear on ``side`` ("top", "right", "bottom", "left"): ``minimum``,
    or more where the platform's screen covers the page."""
    width, height = fmt.design_size
    extent = height if side in ("top", "bottom") else width
    return max(minimum, math.ceil(extent * getattr(covered(fmt), side)))
