"""BrandProfile: the creator's (or an agency client's) identity on every slide."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .image import Image
from .outro import OutroCTA
from .choice import quote

Placement = Literal["header-footer", "header", "footer", "none"]


@dataclass
class BrandProfile:
    """Name, handle, avatar, logo, colours, fonts, website and header/footer placement.

    ``placement``: "header-footer" puts the identity on top and slide number +
    swipe hint at the bottom; "header" / "footer" put everything in one band;
    "none" hides both. Empty colours and fonts mean "use the theme's". The name and website caps
    (``limits.PART_CAPS``) are kept by every edit door, not here: an old file holding a longer one opens,
    drawn cut, and keeps it whole.
    """

    name: str = ""
    handle: str = ""  # without "@"
    avatar: Image | None = None
    logo: Image | None = None
    website: str = ""
    accent: str = ""  # "#RRGGBB" overriding the theme's accent
    title_font: str = ""
    body_font: str = ""
    placement: Placement = "header-footer"
    show_slide_numbers: bool = True
    show_swipe_hint: bool = True
    cta: OutroCTA | None = None  # the profile's default outro CTA

    def __post_init__(self) -> None:
        self.handle = self.handle.strip().lstrip("@")
        self.website = self.website.strip()
        if any(c.isspace() for c in self.handle) or len(self.handle) > 50:
            raise ValueError(f"handle must be one word without spaces (like @ada), not {quote(self.handle)}")
        scheme = re.match(r"([a-z][a-z0-9+.-]*):(?!\d)", self.website, re.I)  # "host:8080" is a port, not a scheme
        if scheme and scheme.group(1).lower() not in ("http", "https"):
            raise ValueError(f"website must be a web address like example.com or https://example.com, "
                             f"not {quote(self.website)}")
        if self.accent and not _is_hex_colour(self.accent):
            raise ValueError(f"accent must be a colour like #1D9BF0, not {quote(self.accent)}")


def _is_hex_colour(value: str) -> bool:
    return len(value) == 7 and value[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in value[1:])
