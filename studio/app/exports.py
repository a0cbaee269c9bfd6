"""Export, every kind, in one place: the LinkedIn PDF, the image set, one slide, the project file.

The studio (in a worker process) and ``carousel-studio render`` both call ``export``; nothing
here knows about either front end, and every argument pickles.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..carousel import Carousel
from ..project_file import carousel_to_json
from ..export import ExportError, ExportReport, export_images, export_pdf, pages, slide_image, slide_svg
from ..atomic import atomic_write
from ..export.atomic import atomic_file
from ..naming import file_stem

KINDS = ("pdf", "images", "slide", "project")  # images: a .zip or a folder; slide: png, jpeg or svg
SLIDE_FORMATS = ("png", "jpeg", "svg")
SUFFIX = {"pdf": ".pdf", "images": ".zip", "project": ".json"}

Progress = Callable[[int, int], None]


def export(carousel: Carousel, out: Path, kind: str, *, image_format: str = "png", scale: int = 2,
           page: int = 0, progress: Progress | None = None) -> ExportReport:
    """Write ``carousel`` to ``out`` as ``kind``; ``page`` (from 0) is the page a ``slide`` export draws."""
    out = Path(out)
    if kind == "pdf":
        return export_pdf(carousel, out, progress=progress)
    if kind == "images":
        return export_images(carousel, out, image_format, scale, progress=progress)
    if kind == "slide":
        data, size = _one_page(carousel, page, image_format, scale), pages.page_size(carousel, scale)
    elif kind == "project":
        data, size = carousel_to_json(carousel).encode("utf-8"), (0, 0)
    else:
        raise ExportError(f"unknown export {kind!r}; choose one of: {', '.join(KINDS)}")
    with atomic_file(out) as tmp:
        tmp.write_bytes(data)
    if progress is not None:
        progress(1, 1)
    return ExportReport("json" if kind == "project" else image_format, 1, size, len(data), [out], target=out)


def _one_page(carousel: Carousel, page: int, image_format: str, scale: int) -> bytes:
    total = pages.page_total(carousel)
    if not 0 <= page < total:
        raise ExportError(f"there is no page {page + 1}; the carousel has {total}")
    if image_format == "svg":
        return slide_svg(carousel, page).encode("utf-8")
    if image_format not in SLIDE_FORMATS:
        raise ExportError(f"a slide is written as {', '.join(SLIDE_FORMATS)}, not {image_format!r}")
    return slide_image(carousel, page, image_format, scale)


def file_name(carousel: Carousel, kind: str, image_format: str = "png", page: int = 0) -> str:
    """The download name: "Sample: threads…" as a PDF -> "sample-threads….pdf"."""
    suffix = SUFFIX.get(kind) or {"jpeg": ".jpg"}.get(image_format, f".{image_format}")
    slide = f"-slide{page + 1}" if kind == "slide" else ""
    return file_stem(carousel.name) + slide + suffix


class FileProgress:
    """``progress(done, total)`` written to a small file another process polls."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)

    def __call__(self, done: int, total: int) -> None:
        # a reader sees the old line or the new one, never half of one
        atomic_write(Path(self.path), f"{int(done)} {int(total)}".encode("ascii"), durable=False)


def read_progress(path: Path | str) -> tuple[int, int] | None:
    """(done, total) from a progress file, or None before the first page is done."""
    try:
        done, total = Path(path).read_text(encoding="ascii").split()
        return int(done), int(total)
    except (OSError, ValueError):
        return None


def export_in_worker(carousel: Carousel, out: Path, kind: str, progress_path: Path, **options) -> ExportReport:
    """``export`` with progress written to ``progress_path`` (the studio runs this in a worker process)."""
    return export(carousel, out, kind, progress=FileProgress(progress_path), **options)


def prune(folder: Path, keep: int = 20) -> None:
    """Keep the newest ``keep`` exported files in ``folder``; older ones were downloaded long ago."""
    if not folder.is_dir():
        return
    files = sorted((p for p in folder.glob("*") if p.is_file() and not p.name.startswith(".")),
                   key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)


__all__ = ["KINDS", "ExportError", "ExportReport", "FileProgress", "export", "export_in_worker", "file_name",
           "file_stem", "prune", "read_progress"]
