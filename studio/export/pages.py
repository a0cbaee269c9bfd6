"""The pages an export draws: the renderer's SVG per page, at a given scale.

Every export goes through these functions, so there is one seam between the
renderer and the exports (tests replace ``page_svg``/``page_svgs`` to simulate failures).
"""
from __future__ import annotations

import io

from PIL import Image as PILImage

from ..canvas import EXPORT_SCALES, get_format
from .report import ExportError

_GOOD_IMAGES: set[str] = set()  # sha256 of pictures that decoded once


def prepare(carousel=None) -> None:
    """Point cairo at the bundled fonts (before the first text is drawn in a process); check the pictures."""
    from ..fonts import ensure_fonts
    ensure_fonts()
    if carousel is not None:
        check_images(carousel)  # first: drawing a slide to find its problem decodes its photo
        check_slides(carousel)


def check_slides(carousel) -> None:
    """ExportError naming the first slide too big to draw (the studio shows it as its problem) or a text
    over its cap (``limits.check_texts``): such a carousel is never exported with a page missing."""
    from ..limits import LimitError, check_texts
    from ..render import slide_problems
    try:
        check_texts(carousel)
    except LimitError as exc:
        raise ExportError(f"{exc}") from None
    problems = slide_problems(carousel)
    if problems:
        index, message = problems[0]
        others = f" (and {len(problems) - 1} more slides)" if len(problems) > 1 else ""
        raise ExportError(f"slide {index + 1}{others} cannot be exported: {message}")


def check_images(carousel) -> None:
    """ExportError naming the first picture that cannot be decoded (checked once per picture)."""
    for where, image in _pictures(carousel):
        if image is not None and image.sha256 not in _GOOD_IMAGES:
            try:
                with PILImage.open(io.BytesIO(image.data)) as decoded:
                    decoded.draft("RGB", (64, 64))  # JPEG: decode at 1/8 size, still reads every byte
                    decoded.load()
            except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
                raise ExportError(f"{where} cannot be read; replace it with a JPEG or PNG") from None
            _GOOD_IMAGES.add(image.sha256)


def _pictures(carousel):
    for number, slide in enumerate(carousel.slides, 1):
        yield f"the photo on slide {number}", slide.image
    yield "the brand avatar", carousel.brand.avatar
    yield "the brand logo", carousel.brand.logo
    for post in carousel.thread.posts if carousel.thread else ():
        yield f"the avatar of {post.author_name or post.handle or 'post ' + post.id}", post.avatar


def page_total(carousel) -> int:
    """Pages the carousel renders to (auto-fit may continue a slide on a new page)."""
    from ..render import page_count
    return page_count(carousel)


def pages_per_slide(carousel) -> list[int]:
    """How many pages each slide takes, in slide order."""
    from ..render import pages_per_slide as counts
    return counts(carousel)


def page_svg(carousel, index: int, scale: int = 2) -> str:
    """The SVG of page ``index`` (0-based); width/height are the design size × scale."""
    from ..render import render_slide
    return render_slide(carousel, index, scale=scale)


def page_svgs(carousel, scale: int = 2) -> list[str]:
    """The SVG of every page, laid out in one pass (``page_svg`` for each page lays the carousel out each time)."""
    from ..render import render_slides
    return render_slides(carousel, scale=scale)


def page_size(carousel, scale: int = 2) -> tuple[int, int]:
    """Output size of every page: the format's design size × scale."""
    if scale not in EXPORT_SCALES:
        raise ExportError(f"scale must be one of {', '.join(map(str, EXPORT_SCALES))}, not {scale!r}")
    try:
        width, height = get_format(carousel.format).design_size
    except ValueError as exc:
        raise ExportError(str(exc)) from None
    return width * scale, height * scale
