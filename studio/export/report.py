"""ExportReport: what an export wrote, and what the creator should know about it."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class ExportError(Exception):
    """An export that cannot be done as asked; the message tells the user what to do."""


@dataclass
class ExportReport:
    """Where it went, files written (none for a stream), total bytes, pages and their size.

    ``size`` is the page size in pixels for images; for a PDF it is in points,
    which equal pixels at 72 dpi (a 1080×1350 pt page is the 2× design size).
    """

    kind: str  # "pdf", "png", "jpeg", "svg"
    pages: int
    size: tuple[int, int]
    bytes_written: int
    paths: list[Path] = field(default_factory=list)  # every file written
    warnings: list[str] = field(default_factory=list)
    target: Path | None = None  # the PDF, ZIP or folder; None for a stream

    def summary(self) -> str:
        """One line for the command line and the studio's status bar."""
        where = str(self.target) if self.target else "stream"
        unit = "pt" if self.kind == "pdf" else "px"
        pages = "1 page" if self.pages == 1 else f"{self.pages} pages"
        return (f"wrote {pages} ({self.kind.upper()}, {self.size[0]}×{self.size[1]} {unit}, "
                f"{format_bytes(self.bytes_written)}) to {where}")


def format_bytes(n: int) -> str:
    """1234567 -> '1.2 MB' (decimal units, as the platforms state their limits)."""
    if n < 1000:
        return f"{n} B"
    if n < 1000**2:
        return f"{n / 1000:.0f} KB"
    return f"{n / 1000**2:.1f} MB"
