"""CanvasFormat: the destination platform's page size and ratio."""
from __future__ import annotations

from dataclasses import dataclass

from .choice import pick

DESIGN_WIDTH = 540  # every format is laid out 540 units wide; export scales it (2x -> 1080 px)
EXPORT_SCALES = (1, 2, 3)
DEFAULT_SCALE = 2


@dataclass(frozen=True)
class CanvasFormat:
    key: str
    label: str
    platform: str  # "linkedin" or "instagram"
    width_px: int  # at the default 2x export scale
    height_px: int
    ratio: str

    @property
    def design_size(self) -> tuple[int, int]:
        """(width, height) of the SVG viewBox."""
        return DESIGN_WIDTH, round(DESIGN_WIDTH * self.height_px / self.width_px)


FORMATS: dict[str, CanvasFormat] = {f.key: f for f in (
    CanvasFormat("linkedin-portrait", "LinkedIn portrait", "linkedin", 1080, 1350, "4:5"),
    CanvasFormat("linkedin-square", "LinkedIn square", "linkedin", 1080, 1080, "1:1"),
    CanvasFormat("instagram-portrait", "Instagram portrait", "instagram", 1080, 1350, "4:5"),
    CanvasFormat("instagram-square", "Instagram square", "instagram", 1080, 1080, "1:1"),
    CanvasFormat("instagram-tall", "Instagram tall", "instagram", 1080, 1440, "3:4"),
    CanvasFormat("instagram-story", "Instagram story", "instagram", 1080, 1920, "9:16"),
)}


def get_format(key: str) -> CanvasFormat:
    """Look a format up by key; ValueError lists the valid keys."""
    return pick(FORMATS, key, "format")
