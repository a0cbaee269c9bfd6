"""Typography: sizes in design px (the 540-wide viewBox), font families, spacing."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MIN_BODY_SIZE = 14  # auto-fit never shrinks body text below this
# field -> (lowest, highest) value a Typography accepts; the studio's sliders use the same ranges
RANGES: dict[str, tuple[float, float]] = {"title_size": (16, 96), "body_size": (10, 48), "meta_size": (8, 24),
                                          "line_height": (1.0, 2.0)}


@dataclass
class Typography:
    """Title 36, body 18, header & footer 12 design px by default.

    An empty font family means "the theme's font".
    """

    title_size: float = 36
    body_size: float = 18
    meta_size: float = 12  # header & footer
    title_font: str = ""
    body_font: str = ""
    line_height: float = 1.35
    align: Literal["left", "center"] = "left"
    auto_fit: bool = True

    def __post_init__(self) -> None:
        for name, (low, high) in RANGES.items():
            value = getattr(self, name)
            if not low <= value <= high:
                raise ValueError(f"{name} must be between {low} and {high}, not {value}")
