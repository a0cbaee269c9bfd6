"""Export work that runs in a worker process: arguments and results pickle, progress goes to a file.

Kept free of NiceGUI so a spawned worker imports only the core.
"""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

KINDS = ("pdf", "png-zip", "jpeg-zip", "slide-png", "project-json")
SUFFIX = {"pdf": ".pdf", "png-zip": ".zip", "jpeg-zip": ".zip", "slide-png": ".png", "project-json": ".json"}


class FileProgress:
    """``progress(done, total)`` written to a small file the page polls (works across processes)."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)

    def __call__(self, done: int, total: int) -> None:
        tmp = self.path + ".tmp"
        with open(tmp, "w", encoding="ascii") as f:
            f.write(f"{int(done)} {int(total)}")
        os.replace(tmp, self.path)


def read_progress(path: Path | str) -> tuple[int, int] | None:
    """(done, total) from a progress file, or None before the first page is done."""
    try:
        done, total = Path(path).read_text(encoding="ascii").split()
        return int(done), int(total)
    except (OSError, ValueError):
        return None


def file_stem(name: str) -> str:
    """A safe download name from the project name: "Sample: threads…" -> "sample-threads…"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:60].strip("-") or "carousel"


def run_export(kind: str, carousel, out: Path, progress_path: Path, page: int = 0, scale: int = 2):
    """Write one export to ``out``; returns the ExportReport (or, for one slide or the project file, its size)."""
    from studio import export

    progress = FileProgress(progress_path)
    if kind == "pdf":
        return export.export_pdf(carousel, Path(out), progress=progress)
    if kind in ("png-zip", "jpeg-zip"):
        return export.export_images(carousel, Path(out), kind.split("-")[0], scale, progress=progress)
    if kind == "slide-png":
        data = export.slide_png(carousel, page, scale)
    elif kind == "project-json":
        from studio.carousel import carousel_to_json
        data = carousel_to_json(carousel).encode("utf-8")
    else:
        raise ValueError(f"unknown export {kind!r}")
    write_atomically(Path(out), data)
    progress(1, 1)
    return len(data)


def write_atomically(out: Path, data: bytes) -> None:
    """``out`` holds all of ``data`` or is left as it was (never a half-written file)."""
    tmp = Path(str(out) + ".part")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
