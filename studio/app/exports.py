"""Export, every kind, in one place: the LinkedIn PDF, the image set, one slide, the project file.

``carousel-studio render`` calls ``export``; the studio calls ``export_in_studio`` from a
thread of its own process, where the page layouts of the preview are already cached,
with the drawing done by the warm export workers (``start_workers``, at studio start)
and pages unchanged since the last export taken from ``DRAWN``. ``draw_ahead`` starts
drawing an export before it is asked for (the studio calls it when typing pauses), so
the click finds the pages drawn or under way. Nothing here knows about either front end.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

from ..carousel import Carousel
from ..project_file import carousel_to_json
from ..export import ExportError, ExportReport, export_images, export_pdf, pages, slide_image, slide_svg
from ..export.atomic import atomic_file
from ..export.drawn import DrawnPages
from ..export.stream import ExportStream
from ..export.images import MAX_WORKERS, check_image_format, page_keys, start_pages, warm_pool
from ..export.pdf import PDF_SCALE, pdf_key, start_pdf
from ..naming import document_info
from ..naming import file_stem
from ..choice import quote

KINDS = ("pdf", "images", "slide", "project")  # images: a .zip or a folder; slide: png, jpeg or svg
SLIDE_FORMATS = ("png", "jpeg", "svg")
SUFFIX = {"pdf": ".pdf", "images": ".zip", "project": ".json"}

Progress = Callable[[int, int], None]


def export(carousel: Carousel, out: Path, kind: str, *, image_format: str = "png", scale: int = 2,
           page: int = 0, progress: Progress | None = None, drawn: DrawnPages | None = None,
           in_workers: bool = False, stream: ExportStream | None = None) -> ExportReport:
    """Write ``carousel`` to ``out`` as ``kind``; ``page`` (from 0) is the page a ``slide`` export draws.

    ``drawn``: pages drawn before are reused (and new ones kept); ``in_workers``: draw in
    the warm export workers, when they exist; ``stream``: told as the file is written.
    """
    out = Path(out)
    if kind == "pdf":
        return export_pdf(carousel, out, progress=progress, drawn=drawn, in_worker=in_workers, stream=stream)
    if kind == "images":
        return export_images(carousel, out, image_format, scale, progress=progress, drawn=drawn,
                             workers=MAX_WORKERS if in_workers else None, stream=stream)
    if kind == "slide":
        data, size = _one_page(carousel, page, image_format, scale), pages.page_size(carousel, scale)
    elif kind == "project":
        data, size = carousel_to_json(carousel).encode("utf-8"), (0, 0)
    else:
        raise ExportError(f"unknown export {quote(kind)}; choose one of: {', '.join(KINDS)}")
    with atomic_file(out) as tmp:
        if stream is not None:
            stream.begin(tmp)
        tmp.write_bytes(data)
    if progress is not None:
        progress(1, 1)
    return ExportReport("json" if kind == "project" else image_format, 1, size, len(data), [out], target=out)


def _one_page(carousel: Carousel, page: int, image_format: str, scale: int) -> bytes:
    pages.check_slides(carousel)
    total = pages.page_total(carousel)
    if not 0 <= page < total:
        raise ExportError(f"there is no page {page + 1}; the carousel has {total}")
    if image_format == "svg":
        return slide_svg(carousel, page).encode("utf-8")
    if image_format not in SLIDE_FORMATS:
        raise ExportError(f"a slide is written as {', '.join(SLIDE_FORMATS)}, not {quote(image_format)}")
    return slide_image(carousel, page, image_format, scale)


def file_name(carousel: Carousel, kind: str, image_format: str = "png", page: int = 0) -> str:
    """The download name: "Sample: threads…" as a PDF -> "sample-threads….pdf"."""
    suffix = SUFFIX.get(kind) or {"jpeg": ".jpg"}.get(image_format, f".{image_format}")
    slide = f"-slide{page + 1}" if kind == "slide" else ""
    return file_stem(carousel.name) + slide + suffix


# What DRAWN keeps at most. An export click needs only the carousel as it is now: one whole export of a long
# carousel (50 pages of PNG at scale 2, ~7 MB, and its PDF) fits, with room for the format not chosen. At 128 MB
# it kept every version typing went through (each pause drew ~0.1-0.2 MB anew) and one open tab's server
# grew by that much over 800 edits, the freed PNGs' blocks scattered over the heap.
DRAWN_BYTES = 24 * 2**20
DRAWN = DrawnPages(max_bytes=DRAWN_BYTES)  # the studio's pages drawn so far (this process)


def start_workers() -> None:
    """Fork the export workers now and load their fonts: call once at studio start, before other threads exist."""
    warm_pool()


class LatestProgress:
    """``progress(done, total)`` kept for another thread to read (the studio's progress bar)."""

    def __init__(self, total: int = 0) -> None:
        self.done, self.total = 0, total

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total


def export_in_studio(carousel: Carousel, out: Path, kind: str, stream: ExportStream | None = None,
                     **options) -> ExportReport:
    """``export`` as the studio runs it: drawing in the warm workers, pages drawn before reused.

    ``stream`` is told as the file is written, and how the export ended (it always ends: finished or failed)."""
    try:
        report = export(carousel, out, kind, drawn=DRAWN, in_workers=True, stream=stream, **options)
    except BaseException as exc:
        release(out)
        if stream is not None:
            stream.fail(str(exc) or type(exc).__name__)
        raise
    if stream is not None:
        stream.finish(report.target or out)
    return report


_ahead: list[Future] = []  # the drawings ``draw_ahead`` started last
_ahead_lock = threading.Lock()


def draw_ahead(carousel: Carousel, image_format: str = "png", scale: int = 2) -> int:
    """Start drawing the carousel's PDF and image set in the warm workers; returns how many drawings
    are started or under way.

    What is drawn lands in ``DRAWN``, where the export's click finds it (or waits for it).
    Drawings an earlier call started that this carousel no longer needs, and that no worker
    has begun, are dropped. Never raises: a carousel that cannot be drawn now is drawn (and its
    problem shown) when the export is asked for.
    """
    try:
        pages.prepare(carousel)
        if warm_pool() is None or pages.page_total(carousel) == 0:
            return 0
        fmt = check_image_format(image_format)
        width, height = pages.page_size(carousel, PDF_SCALE)
        svgs = pages.page_svgs(carousel, PDF_SCALE)
        info = document_info(carousel)
        key = pdf_key(svgs, info, width, height)
        jobs = [DRAWN.lookup(key) or start_pdf(svgs, info, width, height, DRAWN, key)]
        if scale != PDF_SCALE:
            width, height = pages.page_size(carousel, scale)
            svgs = pages.page_svgs(carousel, scale)
        jobs += start_pages(svgs, page_keys(svgs, fmt, width, height), fmt, width, height, warm_pool(), DRAWN)
    except Exception:  # noqa: BLE001 - drawing ahead is a bonus; the export itself reports any problem
        return 0
    started = [job for job in jobs if isinstance(job, Future)]
    with _ahead_lock:
        for old in _ahead:
            if all(old is not job for job in started):
                old.cancel()  # only drawings no worker has begun
        _ahead[:] = started
    return len(started)


def forget_drawn() -> None:
    """Drop every drawing kept: ``DRAWN``'s, and the last draw ahead's Futures, whose results (each page's PNG,
    130-150 KB, landed in the pool's result thread's malloc arena) they held after ``DRAWN`` let them go: the
    ~11 live 118-185 KB bytes objects that kept 1.7 MB of a thread arena after ten editors left."""
    DRAWN.forget()
    with _ahead_lock:
        for old in _ahead:
            old.cancel()  # only drawings no worker has begun
        _ahead.clear()


def release(out: Path) -> None:
    """Remove an export's reserved file (``Studio.export_path`` creates it empty) when the export wrote nothing:
    it failed, was cancelled or the studio is stopping. A written file is never removed."""
    try:
        if Path(out).stat().st_size == 0:
            Path(out).unlink()
    except OSError:
        pass  # gone already, or a folder export


EMPTY_KEEP_SECONDS = 3600  # an empty export file younger than this may be one still being written


def prune(folder: Path, keep: int = 20) -> None:
    """Keep the newest ``keep`` exported files in ``folder``; older ones were downloaded long ago.

    Empty files (an export's reservation) are not counted: one older than an hour is a failed export's
    leftover and goes, a younger one may be an export under way and stays."""
    if not folder.is_dir():
        return
    files, limit = [], time.time() - EMPTY_KEEP_SECONDS
    for path in folder.glob("*"):
        try:
            info = path.stat()
        except OSError:
            continue
        if not path.is_file() or path.name.startswith("."):
            continue
        if info.st_size > 0:
            files.append((info.st_mtime, path))
        elif info.st_mtime < limit:
            path.unlink(missing_ok=True)
    files.sort(key=lambda item: item[0], reverse=True)
    for _, old in files[keep:]:
        old.unlink(missing_ok=True)


__all__ = ["DRAWN", "KINDS", "ExportError", "ExportReport", "LatestProgress", "draw_ahead", "export", "export_in_studio",
           "file_name", "file_stem", "forget_drawn", "prune", "release", "start_workers"]
