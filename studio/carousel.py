"""Carousel: everything that makes one finished carousel (its file format is ``studio.project_file``)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .brand import BrandProfile
from .outro import OutroCTA
from .post import Thread
from .slide import Slide
from .typography import Typography


@dataclass
class Carousel:
    """The shared document every view edits: settings, slides and the source thread.

    ``format``, ``layout``, ``theme`` and ``pattern`` are registry keys
    (see ``studio.registry``); ``pattern`` None means
    the theme's own pattern.
    """

    name: str = "Untitled carousel"
    format: str = "linkedin-portrait"
    layout: str = "headline-body"
    theme: str = "paper"
    pattern: str | None = None
    pattern_strength: float = 1.0  # × the theme's pattern opacity: 0 hides it, up to pattern.PATTERN_STRENGTH_MAX
    typography: Typography = field(default_factory=Typography)
    brand: BrandProfile = field(default_factory=BrandProfile)
    cta: OutroCTA = field(default_factory=OutroCTA)
    show_post_meta: bool = True  # dates and like/repost counts on post cards, where the source has them
    slides: list[Slide] = field(default_factory=list)
    thread: Thread | None = None
