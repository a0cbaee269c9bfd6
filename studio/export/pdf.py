"""LinkedIn PDF: every slide a page of one document, text selectable, photos as JPEG.

One cairo PDFSurface receives every page (``show_page()`` between slides), so fonts
are embedded once, as subsets, for the whole document. Pages are the design size
× 2 in points (1080×1350 pt for 4:5): at 72 dpi that is exactly the 1080 px the
platforms expect, and every page has the same size.
"""
from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import cairocffi as cairo
from defusedxml import ElementTree

from ..naming import document_info
from . import pages
from .atomic import atomic_file
from .drawing import PdfDocument
from .platforms import check_platform
from .report import ExportError, ExportReport

PDF_SCALE = 2  # page size in points = design size × 2
Progress = Callable[[int, int], None]


def export_pdf(carousel, out: Path | BinaryIO, progress: Progress | None = None) -> ExportReport:
    """Write the carousel as one multi-page PDF to a path (atomically) or a binary stream.

    ``progress(done, total)`` is called after each page.
    """
    pages.prepare(carousel)
    total = pages.page_total(carousel)
    if total == 0:
        raise ExportError("the carousel has no slides; add a post first")
    width, height = pages.page_size(carousel, PDF_SCALE)
    if isinstance(out, (str, Path)):
        target = Path(out)
        with atomic_file(target) as tmp:
            with open(tmp, "wb") as f:
                _write_pdf(carousel, f, total, width, height, progress)
        written = target.stat().st_size
        paths = [target]
    else:
        target = None
        buffer = io.BytesIO()
        _write_pdf(carousel, buffer, total, width, height, progress)
        buffer.seek(0)
        shutil.copyfileobj(buffer, out)
        written = buffer.tell()
        paths = []
    warnings = check_platform(carousel, "linkedin", pages=total, file_sizes=[written])
    return ExportReport("pdf", total, (width, height), written, paths, warnings, target)


def _write_pdf(carousel, stream: BinaryIO, total: int, width: int, height: int,
               progress: Progress | None) -> None:
    document = PdfDocument(stream, width, height)
    try:
        _set_metadata(document.surface, carousel)
        for index in range(total):
            try:
                svg = pages.page_svg(carousel, index, PDF_SCALE)
                add_links(document.surface, svg, width)
                document.draw_page(svg)
            except ExportError as exc:
                raise ExportError(f"slide {index + 1}: {exc}") from None
            if progress:
                progress(index + 1, total)
    finally:
        document.finish()


def add_links(pdf: cairo.PDFSurface, svg: str, page_width: float) -> int:
    """Make every link area of the page's SVG (text links, brand website, outro CTA) a clickable link
    annotation on the PDF page about to be drawn; returns how many."""
    root = ElementTree.fromstring(svg.encode("utf-8"))
    view_width = float(root.get("viewBox", "0 0 1 1").split()[2])
    k = page_width / view_width
    context = cairo.Context(pdf)
    areas = [node for node in root.iter() if node.get("class") == "link-area" and node.get("data-href")]
    for node in areas:
        x, y, w, h = (float(node.get(name, 0)) * k for name in ("x", "y", "width", "height"))
        uri = node.get("data-href").replace("\\", "\\\\").replace("'", "\\'")
        context.tag_begin(cairo.TAG_LINK, f"rect=[{x:.2f} {y:.2f} {w:.2f} {h:.2f}] uri='{uri}'")
        context.tag_end(cairo.TAG_LINK)
    return len(areas)


def _set_metadata(pdf: cairo.PDFSurface, carousel) -> None:
    fields = {"title": cairo.PDF_METADATA_TITLE, "author": cairo.PDF_METADATA_AUTHOR,
              "subject": cairo.PDF_METADATA_SUBJECT}
    for key, value in document_info(carousel).items():
        pdf.set_metadata(fields[key], value)
    pdf.set_metadata(cairo.PDF_METADATA_CREATOR, "Carousel Studio")
