"""Instagram images: one PNG or JPEG per page (01.png, 02.png…) in a folder or a ZIP.

Pages are rasterised by CairoSVG into memory and encoded as PNG by our own writer
(``png``: rows "Up"-filtered, deflated by ISA-L; ≈ 5× faster than Pillow's) or as
JPEG by Pillow at quality 92 with full-resolution colour (4:4:4). Both carry an sRGB
ICC profile, as the platforms expect sRGB. Many pages are drawn by two worker
processes, one per core, kept warm between exports (see ``workers_for``, ``warm_pool``).
"""
from __future__ import annotations

import io
import multiprocessing
import os
import re
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from functools import cache
from pathlib import Path

from PIL import Image as PILImage
from PIL import ImageCms

from . import pages
from .alt_text import alt_text_file, page_alt_texts
from .atomic import atomic_file, atomic_folder
from .drawing import render_pixels
from .drawn import DrawnPages, outcome
from .platforms import check_platform
from .png import encode_png
from .report import ExportError, ExportReport
from .stream import ExportStream
from .svg_file import standalone_svg

IMAGE_FORMATS = {"png": "png", "jpeg": "jpg", "jpg": "jpg"}  # format -> file extension
JPEG_QUALITY = 92
MAX_WORKERS = 2
PARALLEL_FROM_PAGES = 4  # below this a worker pool costs more than it saves
ALT_TEXT_NAME = "alt-text.txt"
_CAN_FORK = "fork" in multiprocessing.get_all_start_methods()
Progress = Callable[[int, int], None]


def slide_svg(carousel, index: int, *, embed_fonts: bool = True) -> str:
    """One page as an SVG file (width/height at the 2× size); its fonts embedded as subsets."""
    svg = pages.page_svg(carousel, index, 2)
    return standalone_svg(svg) if embed_fonts else svg


def slide_png(carousel, index: int, scale: int = 2) -> bytes:
    """One page as PNG bytes (sRGB) at ``scale`` × the design size."""
    return slide_image(carousel, index, "png", scale)


def slide_image(carousel, index: int, fmt: str = "png", scale: int = 2) -> bytes:
    """One page as PNG or JPEG bytes."""
    fmt = check_image_format(fmt)
    pages.prepare(carousel)
    total = pages.page_total(carousel)
    if not 0 <= index < total:
        raise ExportError(f"there is no slide {index + 1}; this carousel has {total}")
    return _render_page(carousel, index, fmt, scale)


def check_image_format(fmt: str) -> str:
    """Normalise "png" / "jpeg" / "jpg"; ExportError lists the choices."""
    key = fmt.lower()
    if key not in IMAGE_FORMATS:
        raise ExportError(f"unknown image format {fmt!r}; choose png or jpeg")
    return "jpeg" if key == "jpg" else key


def export_images(carousel, out: Path, fmt: str = "png", scale: int = 2,
                  progress: Progress | None = None, *, workers: int | None = None,
                  drawn: DrawnPages | None = None, stream: ExportStream | None = None) -> ExportReport:
    """Write every page as 01.png, 02.png… (or .jpg) plus alt-text.txt.

    ``out`` ending in .zip gives a ZIP, anything else a folder; either appears only
    when complete. ``workers`` None picks the faster option for the page count.
    ``drawn``: pages drawn before with the same SVG are taken from it, new ones added.
    ``stream``: told as a ZIP is written, entry by entry.
    """
    fmt = check_image_format(fmt)
    pages.prepare(carousel)
    total = pages.page_total(carousel)
    if total == 0:
        raise ExportError("the carousel has no slides; add a post first")
    size = pages.page_size(carousel, scale)
    digits = max(2, len(str(total)))
    names = [f"{i + 1:0{digits}d}.{IMAGE_FORMATS[fmt]}" for i in range(total)]
    out = Path(out)
    alt_texts = page_alt_texts(carousel)
    # closing(): a failed write stops the workers at once, not when the generator is collected
    with closing(_rendered_pages(carousel, total, fmt, scale, workers_for(total, workers), drawn)) as rendered:
        if out.suffix.lower() == ".zip":
            with atomic_file(out) as tmp:
                sizes = _write_zip(tmp, names, rendered, alt_texts, progress, stream)
            paths = [out]
        else:
            with atomic_folder(out) as tmp:
                sizes = _write_folder(tmp, names, rendered, alt_texts, progress)
            paths = [out / name for name in names]
    warnings = check_platform(carousel, "instagram", pages=total, scale=scale, file_sizes=sizes)
    written = out.stat().st_size if out.suffix.lower() == ".zip" else sum(sizes)
    return ExportReport(fmt, total, size, written, paths, warnings, out)


def workers_for(pages_count: int, requested: int | None = None) -> int:
    """Worker processes for an export: at most 2 (one per core), none for few pages.

    Workers are forked once and kept (``warm_pool``; forkserver/spawn re-import
    everything and need a ``__main__`` guard). Forking a process that runs other
    threads can deadlock on a lock held by one of them, so without a warm pool the
    automatic choice stays in this process then (the studio exports in a
    ``run.cpu_bound`` worker, which has no threads).
    """
    if requested is not None:
        return max(1, min(requested, MAX_WORKERS))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    unsafe_fork = _pool is None and threading.active_count() > 1  # a warm pool needs no fork (its own threads)
    if pages_count < PARALLEL_FROM_PAGES or cores < 2 or unsafe_fork or not _CAN_FORK:
        return 1
    # Measured: with the other core busy, two workers wait for CPU and lose to one process.
    if hasattr(os, "getloadavg") and os.getloadavg()[0] > cores - 0.5:
        return 1
    return min(MAX_WORKERS, cores)


def _write_zip(tmp: Path, names, rendered, alt_texts, progress, stream: ExportStream | None = None) -> list[int]:
    """Write the ZIP front to back, each entry on disk once added (``stream`` told), so it can be sent as it grows."""
    sizes = []
    if stream is not None:
        stream.begin(tmp)
    with open(tmp, "wb") as file:
        spool = _Spool(file, stream.flushed if stream is not None else None)
        with zipfile.ZipFile(spool, "w") as archive:
            for done, (name, data) in enumerate(zip(names, rendered), 1):
                archive.writestr(_member(name), data, compress_type=zipfile.ZIP_STORED)  # already compressed
                spool.commit()
                sizes.append(len(data))
                if progress:
                    progress(done, len(names))
            archive.writestr(_member(ALT_TEXT_NAME), alt_text_file(names, alt_texts),
                             compress_type=zipfile.ZIP_DEFLATED)
        spool.commit()  # the central directory, written as the archive closed
    return sizes


class _Spool(io.RawIOBase):
    """A file zipfile may seek back in only within what it wrote since ``commit``: that part is held here,
    so what reaches ``file`` is final (a reader can follow it) and the same bytes as an ordinary ZIP's."""

    def __init__(self, file, flushed: Callable[[], None] | None) -> None:
        super().__init__()
        self.file, self.flushed = file, flushed
        self.base = 0  # bytes written to ``file``
        self.pending = io.BytesIO()

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def write(self, data) -> int:
        return self.pending.write(data)

    def tell(self) -> int:
        return self.base + self.pending.tell()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence != io.SEEK_SET or offset < self.base:
            raise io.UnsupportedOperation("only what was written since the last commit can be rewritten")
        return self.base + self.pending.seek(offset - self.base)

    def commit(self) -> None:
        """Write what is held to the file, for good."""
        data = self.pending.getvalue()
        self.file.write(data)
        self.file.flush()
        self.base += len(data)
        self.pending = io.BytesIO()
        if self.flushed:
            self.flushed()


def _member(name: str) -> zipfile.ZipInfo:
    """A ZIP entry that unpacks as -rw-r--r-- (``writestr`` with a bare name gives owner-only 0600)."""
    info = zipfile.ZipInfo(name, time.localtime()[:6])
    info.external_attr = 0o100644 << 16  # regular file, rw-r--r--
    return info


def _write_folder(tmp: Path, names, rendered, alt_texts, progress) -> list[int]:
    sizes = []
    for done, (name, data) in enumerate(zip(names, rendered), 1):
        (tmp / name).write_bytes(data)
        sizes.append(len(data))
        if progress:
            progress(done, len(names))
    (tmp / ALT_TEXT_NAME).write_text(alt_text_file(names, alt_texts), encoding="utf-8")
    return sizes


# --- rendering, in this process or in warm workers ----------------------------------------


def _render_page(carousel, index: int, fmt: str, scale: int) -> bytes:
    """One page, drawn and encoded in this process."""
    width, height = pages.page_size(carousel, scale)
    return _draw_page(pages.page_svg(carousel, index, scale), width, height, fmt, index)


def _draw_page(svg: str, width: int, height: int, fmt: str, index: int) -> bytes:
    try:
        return encode_image(render_pixels(svg, width, height), fmt)
    except ExportError as exc:
        raise ExportError(f"slide {index + 1}: {exc}") from None


def _rendered_pages(carousel, total: int, fmt: str, scale: int, workers: int,
                    drawn: DrawnPages | None = None) -> Iterator[bytes]:
    """Every page's encoded bytes, in order: from ``drawn``, from the warm workers, or drawn here."""
    width, height = pages.page_size(carousel, scale)
    # This process writes the SVGs (cached layout, ~1 ms a page); the workers draw and encode them.
    svgs = pages.page_svgs(carousel, scale)
    keys = page_keys(svgs, fmt, width, height) if drawn is not None else []
    jobs = start_pages(svgs, keys, fmt, width, height, warm_pool() if workers > 1 else None, drawn)
    try:
        for index, job in enumerate(jobs):
            try:
                data = outcome(job)
            except BrokenProcessPool:  # a worker died (killed, out of memory): finish here
                _drop_pool()
                data = None
            if data is None:
                data = _draw_page(svgs[index], width, height, fmt, index)
                if drawn is not None:
                    drawn.put(keys[index], data)
            yield data
    finally:
        for job in jobs:
            if isinstance(job, Future):
                job.cancel()


def page_keys(svgs: list[str], fmt: str, width: int, height: int) -> list[str]:
    """What names each page's drawing in ``DrawnPages``."""
    return [DrawnPages.key(svg, fmt, width, height) for svg in svgs]


def start_pages(svgs: list[str], keys: list[str], fmt: str, width: int, height: int,
                pool: ProcessPoolExecutor | None, drawn: DrawnPages | None = None) -> list[bytes | Future | None]:
    """Per page: its bytes (drawn before), a Future (being drawn in a worker; started here when ``pool``
    is given), or None (to draw in this process). ``drawn`` keeps what the workers draw under ``keys``."""
    jobs: list[bytes | Future | None] = []
    for index, svg in enumerate(svgs):
        job = drawn.lookup(keys[index]) if drawn is not None else None
        if job is None and pool is not None:
            job = pool.submit(_worker_page, svg, width, height, fmt, index)
            if drawn is not None:
                drawn.expect(keys[index], job)
        jobs.append(job)
    return jobs


_pool: ProcessPoolExecutor | None = None
_FONT_FAMILY = re.compile(r'font-family="([^",]+)')


def warm_pool() -> ProcessPoolExecutor | None:
    """The export workers: forked once and kept warm (fonts loaded) for every later export.

    Created only while forking is safe (no other thread in this process); None otherwise.
    Saves the fork and each worker's first-text set-up (fontconfig, faces) on every export.
    """
    global _pool
    if _pool is None and _CAN_FORK and threading.active_count() == 1:
        pages.prepare()
        _pool = ProcessPoolExecutor(MAX_WORKERS, mp_context=multiprocessing.get_context("fork"),
                                    initializer=leave_with_parent, initargs=(os.getpid(),))
        # fork-context pools start every process now; no fork happens later, when threads may exist
        for done in [_pool.submit(_warm_up) for _ in range(MAX_WORKERS)]:
            done.result()
    return _pool


def _drop_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None


def leave_with_parent(parent: int) -> None:
    """In a worker: exit when the process that forked it is gone (killed, or stopped without shutting us down)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)
    threading.Thread(target=watch, daemon=True, name="leave-with-parent").start()


def _warm_up() -> None:
    render_pixels('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><text y="8" '
                  'font-family="CS Inter">a</text></svg>', 8, 8)


def _worker_page(svg: str, width: int, height: int, fmt: str, index: int) -> bytes:
    """In a worker: draw and encode one page."""
    ensure_faces(svg)
    return _draw_page(svg, width, height, fmt, index)


def ensure_faces(*svgs: str) -> None:
    """Make sure this process's fontconfig knows every face the SVGs name (one built after a worker forked too)."""
    from .. import fonts
    for css in {name for svg in svgs for name in _FONT_FAMILY.findall(svg)}:
        family = fonts.family_from_css(css.strip("'\" "))
        if family in fonts.ALL_FAMILIES:
            fonts.ensure_family(family)


# --- encoding ----------------------------------------------------------------------------


# Little CMS stamps each new profile with the current time (header bytes 24-35); a fixed date makes
# every export of the same carousel byte-identical, whichever process or minute encoded it.
_PROFILE_DATE = bytes.fromhex("07e8" "0001" "0001" "0000" "0000" "0000")  # 2024-01-01 00:00:00


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile to tag exported images with (the same bytes on every call, in every process)."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return profile[:24] + _PROFILE_DATE + profile[36:]


def encode_image(pixels: PILImage.Image, fmt: str) -> bytes:
    """Encode RGB pixels as PNG (see ``png``) or JPEG (q92, 4:4:4), sRGB-tagged."""
    if fmt == "png":
        return encode_png(pixels, srgb_profile())
    out = io.BytesIO()
    pixels.save(out, "JPEG", quality=JPEG_QUALITY, subsampling=0, icc_profile=srgb_profile())
    return out.getvalue()
