"""The pages an export draws: the renderer's SVG per page, at a given scale.

Every export goes through these three functions, so there is one seam between
the renderer and the exports (tests replace ``page_svg`` to simulate failures).
"""
from __future__ import annotations

from ..canvas import EXPORT_SCALES, get_format
from .report import ExportError


def prepare() -> None:
    """Point cairo at the bundled fonts; must run before the first text is drawn in a process."""
    from ..fonts import ensure_fonts
    ensure_fonts()


def page_total(carousel) -> int:
    """Pages the carousel renders to (auto-fit may continue a slide on a new page)."""
    from ..render import page_count
    return page_count(carousel)


def page_svg(carousel, index: int, scale: int = 2) -> str:
    """The SVG of page ``index`` (0-based); width/height are the design size × scale."""
    from ..render import render_slide
    return render_slide(carousel, index, scale=scale)


def page_size(carousel, scale: int = 2) -> tuple[int, int]:
    """Output size of every page: the format's design size × scale."""
    if scale not in EXPORT_SCALES:
        raise ExportError(f"scale must be one of {', '.join(map(str, EXPORT_SCALES))}, not {scale!r}")
    try:
        width, height = get_format(carousel.format).design_size
    except ValueError as exc:
        raise ExportError(str(exc)) from None
    return width * scale, height * scale
