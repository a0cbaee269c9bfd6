"""LinkedIn PDF: every slide a page of one document, text selectable, photos as JPEG.

One cairo PDFSurface receives every page (``show_page()`` between slides), so fonts
are embedded once, as subsets, for the whole document. Pages are the design size
× 2 in points (1080×1350 pt for 4:5): at 72 dpi that is exactly the 1080 px the
platforms expect, and every page has the same size.
"""
from __future__ import annotations

import io
import re
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import BinaryIO

import cairocffi as cairo
from defusedxml import ElementTree

from ..links import uri_safe
from ..naming import document_info
from . import pages
from .atomic import atomic_file
from .drawing import PdfDocument
from .drawn import DrawnPages, outcome
from .images import ensure_faces, warm_pool
from .platforms import check_platform
from .report import ExportError, ExportReport
from .stream import ExportStream

PDF_SCALE = 2  # page size in points = design size × 2
_LINKABLE = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)  # what a link annotation may open
Progress = Callable[[int, int], None]


def export_pdf(carousel, out: Path | BinaryIO, progress: Progress | None = None, *,
               drawn: DrawnPages | None = None, in_worker: bool = False,
               stream: ExportStream | None = None) -> ExportReport:
    """Write the carousel as one multi-page PDF to a path (atomically) or a binary stream.

    ``progress(done, total)`` is called after each page. ``in_worker``: draw in a warm
    export worker (when there is one) instead of this process. ``drawn``: a PDF of the
    very same pages drawn before is written again as it is. ``stream``: told as the file is
    written (a path only), page by page when the pages are drawn now.
    """
    pages.prepare(carousel)
    total = pages.page_total(carousel)
    if total == 0:
        raise ExportError("the carousel has no slides; add a post first")
    width, height = pages.page_size(carousel, PDF_SCALE)
    svgs = pages.page_svgs(carousel, PDF_SCALE)
    info = document_info(carousel)
    key = pdf_key(svgs, info, width, height) if drawn is not None else ""
    job = drawn.lookup(key) if drawn is not None else None
    if isinstance(out, (str, Path)):
        target = Path(out)
        with atomic_file(target) as tmp:
            if stream is not None:
                stream.begin(tmp)
            data = _pdf(job, svgs, info, (width, height), progress, in_worker=in_worker, drawn=drawn, key=key,
                        into=tmp, stream=stream)
        paths = [target]
    else:
        target = None
        data = _pdf(job, svgs, info, (width, height), progress, in_worker=in_worker, drawn=drawn, key=key)
        out.write(data)
        paths = []
    warnings = check_platform(carousel, "linkedin", pages=total, file_sizes=[len(data)])
    return ExportReport("pdf", total, (width, height), len(data), paths, warnings, target)


def _pdf(job, svgs, info, size, progress, *, in_worker: bool, drawn: DrawnPages | None, key: str,
         into: Path | None = None, stream: ExportStream | None = None) -> bytes:
    """The PDF's bytes, also written to ``into`` when given: drawn before (``job``: bytes or a drawing under
    way), or drawn now by a warm worker (``in_worker``) or here, straight into ``into`` page by page."""
    writing = False  # the worker writes ``into`` itself as it draws
    if job is None and in_worker:
        job = start_pdf(svgs, info, *size, drawn, key, into=into)
        writing = job is not None and into is not None
    try:
        data = outcome(job)
    except BrokenProcessPool:  # a worker died
        data = None
    if data is None:  # draw here
        if writing and stream is not None and into.stat().st_size:
            stream.fail("an export worker stopped while writing this PDF; it was drawn again")
        if into is None:
            data = pdf_bytes(svgs, info, *size, progress)
        else:
            with open(into, "wb") as file:
                data = pdf_bytes(svgs, info, *size, progress, file=file,
                                 flushed=stream.flushed if stream is not None else None)
        if drawn is not None:
            drawn.put(key, data)
        return data
    if progress:
        progress(len(svgs), len(svgs))
    if into is not None and not writing:
        into.write_bytes(data)
    return data


def pdf_key(svgs: list[str], info: dict[str, str], width: int, height: int) -> str:
    """What names a PDF in ``DrawnPages``: its pages, size and metadata."""
    return DrawnPages.key(svgs, "pdf", width, height, sorted(info.items()))


def start_pdf(svgs: list[str], info: dict[str, str], width: int, height: int,
              drawn: DrawnPages | None = None, key: str = "", into: Path | None = None) -> Future | None:
    """Start drawing the PDF in a warm export worker (None: there is none); ``drawn`` keeps it under ``key``.

    ``into``: the worker also writes the PDF to this file as it draws, page by page."""
    pool = warm_pool()
    if pool is None:
        return None
    job = pool.submit(_pdf_in_worker, svgs, info, width, height, str(into) if into is not None else None)
    if drawn is not None:
        drawn.expect(key, job)
    return job


def pdf_bytes(svgs: list[str], info: dict[str, str], width: int, height: int,
              progress: Progress | None = None, *, file: BinaryIO | None = None,
              flushed: Callable[[], None] | None = None) -> bytes:
    """The PDF of these page SVGs (every page ``width`` × ``height`` points), with ``info`` as its metadata.

    ``file``: written there too as it is drawn, flushed after each page (and ``flushed`` called)."""
    stream = io.BytesIO() if file is None else _Copying(file)
    document = PdfDocument(stream, width, height)
    try:
        _set_metadata(document.surface, info)
        for index, svg in enumerate(svgs):
            try:
                add_links(document.surface, svg, width)
                document.draw_page(svg)
            except ExportError as exc:
                raise ExportError(f"slide {index + 1}: {exc}") from None
            if file is not None:
                file.flush()
                if flushed:
                    flushed()
            if progress:
                progress(index + 1, len(svgs))
    finally:
        document.finish()
    if file is not None:
        file.flush()
    return stream.getvalue()


class _Copying(io.BytesIO):
    """Bytes kept in memory and written to ``file`` as well."""

    def __init__(self, file: BinaryIO) -> None:
        super().__init__()
        self.file = file

    def write(self, data) -> int:
        self.file.write(data)
        return super().write(data)


def _pdf_in_worker(svgs: list[str], info: dict[str, str], width: int, height: int, into: str | None = None) -> bytes:
    ensure_faces(*svgs)
    if into is None:
        return pdf_bytes(svgs, info, width, height)
    with open(into, "wb") as file:
        return pdf_bytes(svgs, info, width, height, file=file)


def add_links(pdf: cairo.PDFSurface, svg: str, page_width: float) -> int:
    """Make every link area of the page's SVG (text links, brand website, outro CTA) a clickable link
    annotation on the PDF page about to be drawn; returns how many."""
    root = ElementTree.fromstring(svg.encode("utf-8"))
    view_width = float(root.get("viewBox", "0 0 1 1").split()[2])
    k = page_width / view_width
    context = cairo.Context(pdf)
    areas = [node for node in root.iter()
             if node.get("class") == "link-area" and _LINKABLE.match(node.get("data-href") or "")]
    for node in areas:
        x, y, w, h = (float(node.get(name, 0)) * k for name in ("x", "y", "width", "height"))
        # cairo writes the URI into a PDF string as it is: only characters that cannot end that string (no "(",
        # ")", "\\") or cairo's own attribute (no "'") reach it
        uri = uri_safe(node.get("data-href"))
        context.tag_begin(cairo.TAG_LINK, f"rect=[{x:.2f} {y:.2f} {w:.2f} {h:.2f}] uri='{uri}'")
        context.tag_end(cairo.TAG_LINK)
    return len(areas)


def _set_metadata(pdf: cairo.PDFSurface, info: dict[str, str]) -> None:
    fields = {"title": cairo.PDF_METADATA_TITLE, "author": cairo.PDF_METADATA_AUTHOR,
              "subject": cairo.PDF_METADATA_SUBJECT}
    for key, value in info.items():
        pdf.set_metadata(fields[key], value)
    pdf.set_metadata(cairo.PDF_METADATA_CREATOR, "Carousel Studio")
