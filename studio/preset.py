"""Preset: a saved look — format, layout, theme, typography, pattern and CTA, optionally a brand profile.

Agencies keep one per client or series; applying it restyles a carousel
without touching its slides' words.
"""
from __future__ import annotations

import copy
import dataclasses
import unicodedata
from dataclasses import dataclass, field

from .brand import BrandProfile
from .canvas import FORMATS
from .carousel import Carousel
from .outro import OutroCTA
from .typography import Typography

MAX_NAME_LENGTH = 80
_REFUSED = {"Cc", "Cf", "Cs", "Cn", "Co", "Zl", "Zp"}  # controls (incl. bidi overrides), unassigned, private
_JOINERS = {"\u200c", "\u200d"}  # zero-width (non-)joiners: part of emoji like 👩‍💻


class BadName(ValueError):
    """A name that cannot be used; ``reason`` is one of "type", "empty", "long", "separator", "dots", "characters"."""

    def __init__(self, message: str, reason: str, length: int = 0) -> None:
        super().__init__(message)
        self.reason, self.length = reason, length


def check_name(name: str, what: str = "name") -> str:
    """A clean display name for a preset or profile; ``BadName`` says what is wrong.

    Names travel between machines in kit files and may become file names, so
    path separators and control characters are refused.
    """
    if not isinstance(name, str):
        raise BadName(f"{what} must be text", "type")
    clean = name.strip()
    if not clean:
        raise BadName(f"{what} is empty", "empty")
    if len(clean) > MAX_NAME_LENGTH:
        raise BadName(f"{what} is {len(clean)} characters long; the limit is {MAX_NAME_LENGTH}", "long", len(clean))
    if "/" in clean or "\\" in clean:
        raise BadName(f"{what} {clean!r} contains a path separator (/ or \\)", "separator")
    if clean in (".", ".."):
        raise BadName(f"{what} {clean!r} is not a usable name", "dots")
    if any(unicodedata.category(c) in _REFUSED and c not in _JOINERS for c in clean):
        raise BadName(f"{what} {clean[:30]!r} contains control or unassigned characters", "characters")
    return clean


@dataclass
class Preset:
    """A named look. ``profile`` is set when the preset also carries the brand."""

    name: str
    format: str = "linkedin-portrait"
    layout: str = "headline-body"
    theme: str = "paper"
    typography: Typography = field(default_factory=Typography)
    pattern: str | None = None
    cta: OutroCTA = field(default_factory=OutroCTA)
    profile: BrandProfile | None = None

    def __post_init__(self) -> None:
        self.name = check_name(self.name, "preset name")
        if self.format not in FORMATS:
            raise ValueError(f"unknown format {self.format!r}; choose one of: {', '.join(FORMATS)}")
        for key in ("layout", "theme"):
            if not getattr(self, key):
                raise ValueError(f"{key} is empty")


def apply_preset(carousel: Carousel, preset: Preset) -> Carousel:
    """An independent copy of ``carousel`` restyled by ``preset``; slides, texts and the thread stay as they are.

    Slides that override the layout keep their override. The preset's brand
    profile, if any, replaces the carousel's brand.
    """
    changes = {
        "format": preset.format, "layout": preset.layout, "theme": preset.theme,
        "pattern": preset.pattern, "typography": copy.deepcopy(preset.typography),
        "cta": copy.deepcopy(preset.cta),
    }
    if preset.profile is not None:
        changes["brand"] = copy.deepcopy(preset.profile)
    return _replaced(carousel, changes)


def preset_from_carousel(carousel: Carousel, name: str, include_profile: bool = False) -> Preset:
    """Capture the current look of ``carousel`` under ``name`` (ValueError for a bad name)."""
    return Preset(
        name=name, format=carousel.format, layout=carousel.layout, theme=carousel.theme,
        typography=copy.deepcopy(carousel.typography), pattern=carousel.pattern,
        cta=copy.deepcopy(carousel.cta),
        profile=copy.deepcopy(carousel.brand) if include_profile else None,
    )


def apply_profile(carousel: Carousel, profile: BrandProfile) -> Carousel:
    """A copy of ``carousel`` wearing ``profile``; the profile's default CTA, if set, becomes the outro."""
    changes: dict = {"brand": copy.deepcopy(profile)}
    if profile.cta is not None:
        changes["cta"] = copy.deepcopy(profile.cta)
    return _replaced(carousel, changes)


def _replaced(carousel: Carousel, changes: dict) -> Carousel:
    # A deep copy, so editing the result never changes the original (image bytes are shared).
    return dataclasses.replace(copy.deepcopy(carousel), **changes)
