"""Carousel: everything that makes one finished carousel, and its versioned JSON file."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .brand import BrandProfile
from .outro import OutroCTA
from .post import Thread
from .schema import SchemaError, from_dict, to_dict
from .slide import Slide
from .typography import Typography

SCHEMA = 1
APP = "carousel-studio"


@dataclass
class Carousel:
    """The shared document every view edits: settings, slides and the source thread.

    ``format``, ``layout``, ``theme`` and ``pattern`` are registry keys
    (see canvas.FORMATS, the layout and theme registries); ``pattern`` None means
    the theme's own pattern.
    """

    name: str = "Untitled carousel"
    format: str = "linkedin-portrait"
    layout: str = "headline-body"
    theme: str = "paper"
    pattern: str | None = None
    pattern_strength: float = 1.0  # × the theme's pattern opacity: 0 hides it, up to PATTERN_STRENGTH_MAX
    typography: Typography = field(default_factory=Typography)
    brand: BrandProfile = field(default_factory=BrandProfile)
    cta: OutroCTA = field(default_factory=OutroCTA)
    show_post_meta: bool = True  # dates and like/repost counts on post cards, where the source has them
    slides: list[Slide] = field(default_factory=list)
    thread: Thread | None = None


def carousel_to_json(carousel: Carousel, *, indent: int | None = 2) -> str:
    """The project file: versioned, images embedded as base64."""
    doc = {"app": APP, "schema": SCHEMA, "carousel": to_dict(carousel)}
    return json.dumps(doc, ensure_ascii=False, indent=indent, sort_keys=False)


def carousel_from_json(text: str | bytes) -> Carousel:
    """Read a project file; SchemaError names the field that is wrong."""
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SchemaError(f"not a carousel file: the JSON does not parse ({exc})") from None
    return carousel_from_doc(doc)


def carousel_from_doc(doc: Any) -> Carousel:
    """Build a carousel from parsed project JSON, migrating older schema versions."""
    if not isinstance(doc, dict) or "carousel" not in doc or "schema" not in doc:
        raise SchemaError('not a carousel file: expected {"schema": …, "carousel": {…}}')
    version = doc["schema"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SchemaError(f"schema: expected a whole number from 1 to {SCHEMA}, got {version!r}")
    if version > SCHEMA:
        raise SchemaError(f"schema: this file was written by a newer Carousel Studio "
                          f"(schema {version}; this one reads up to {SCHEMA}). Update the studio to open it.")
    data = doc["carousel"]
    for step in range(version, SCHEMA):
        data = MIGRATIONS[step](data)
    carousel = from_dict(Carousel, data, "carousel")
    check_choices(carousel)
    return carousel


def check_choices(carousel: Carousel, path: str = "carousel") -> None:
    """Refuse names this studio does not have (format, layouts, theme, pattern, fonts).

    A file from elsewhere may be well-formed yet name a theme or font that does not
    exist here; SchemaError names the field and lists the choices.
    """
    from .canvas import FORMATS
    from .layouts import LAYOUTS
    from .pattern import PATTERNS
    from .theme import THEMES
    _need(carousel.format, FORMATS, f"{path}.format", "format")
    _need(carousel.layout, LAYOUTS, f"{path}.layout", "layout")
    _need(carousel.theme, THEMES, f"{path}.theme", "theme")
    if carousel.pattern is not None:
        _need(carousel.pattern, PATTERNS, f"{path}.pattern", "pattern")
    from .pattern import PATTERN_STRENGTH_MAX
    if not 0 <= carousel.pattern_strength <= PATTERN_STRENGTH_MAX:
        raise SchemaError(f"{path}.pattern_strength: must be between 0 and {PATTERN_STRENGTH_MAX}, "
                          f"not {carousel.pattern_strength}")
    check_fonts(carousel.typography, f"{path}.typography")
    check_fonts(carousel.brand, f"{path}.brand")
    for i, slide in enumerate(carousel.slides):
        if slide.layout is not None:
            _need(slide.layout, LAYOUTS, f"{path}.slides[{i}].layout", "layout")


def check_fonts(part: Any, path: str) -> None:
    """``title_font`` and ``body_font`` of a Typography or BrandProfile must be bundled families (or "")."""
    from .fonts import ALL_FAMILIES
    for name in ("title_font", "body_font"):
        value = getattr(part, name)
        if value:
            _need(value, ALL_FAMILIES, f"{path}.{name}", "font")


def _need(value: str, known: Any, path: str, what: str) -> None:
    if value not in known:
        raise SchemaError(f"{path}: unknown {what} {value!r}; choose one of: {', '.join(known)}")


# MIGRATIONS[n] turns schema-n carousel data into schema n+1.
MIGRATIONS: dict[int, Any] = {}
