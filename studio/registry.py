"""One registry of every named choice: formats, layouts, themes, patterns, fonts and CTA variants.

Each has its keys, its labels and one check; the studio's galleries, the CLI's flags, the
project-file and kit readers and the document's edits all ask here whether a name is valid.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .canvas import FORMATS
from .choice import unknown
from .fonts import ALL_FAMILIES, FAMILIES
from .layouts import LAYOUTS
from .outro import VARIANT_NAMES
from .pattern import PATTERN_STRENGTH_MAX, PATTERNS
from .schema import SchemaError
from .theme import THEMES


@dataclass(frozen=True)
class Choices:
    """The valid keys of one kind of choice, with the label a person sees for each."""

    what: str
    items: Mapping[Any, Any]
    label: Callable[[Any, Any], str]
    shown: tuple[Any, ...] | None = None  # the keys offered (fonts: fallbacks are valid but not offered)

    def __contains__(self, key: object) -> bool:
        return key in self.items

    def keys(self) -> list[Any]:
        return list(self.shown if self.shown is not None else self.items)

    def labels(self) -> dict[Any, str]:
        return {key: self.label(key, self.items[key]) for key in self.keys()}

    def check(self, key: Any, path: str = "") -> Any:
        """``key`` when valid; otherwise ValueError (SchemaError with ``path``) listing the choices."""
        if key in self.items:
            return key
        message = unknown(self.what, key, [str(k) for k in self.keys()])
        if path:
            raise SchemaError(f"{path}: {message}")
        raise ValueError(message)


REGISTRY: dict[str, Choices] = {c.what: c for c in (
    Choices("format", FORMATS, lambda key, fmt: fmt.label),
    Choices("layout", LAYOUTS, lambda key, layout: layout.label),
    Choices("theme", THEMES, lambda key, theme: theme.label),
    Choices("pattern", PATTERNS, lambda key, _: key.title()),
    Choices("font", {f: f for f in ALL_FAMILIES}, lambda key, _: key, tuple(FAMILIES)),
    Choices("cta", VARIANT_NAMES, lambda key, name: name),
)}


def choices(what: str) -> Choices:
    return REGISTRY[what]


def check(what: str, key: Any, path: str = "") -> Any:
    """``key`` if it names a ``what`` this studio has; ValueError (SchemaError with ``path``) otherwise."""
    return REGISTRY[what].check(key, path)


def check_carousel(carousel: Any, path: str = "carousel") -> None:
    """Refuse names this studio does not have (format, layouts, theme, pattern, fonts); SchemaError names the field.

    A file from elsewhere may be well-formed yet name a theme or font that does not exist here.
    """
    check("format", carousel.format, f"{path}.format")
    check("layout", carousel.layout, f"{path}.layout")
    check("theme", carousel.theme, f"{path}.theme")
    if carousel.pattern is not None:
        check("pattern", carousel.pattern, f"{path}.pattern")
    if not 0 <= carousel.pattern_strength <= PATTERN_STRENGTH_MAX:
        raise SchemaError(f"{path}.pattern_strength: must be between 0 and {PATTERN_STRENGTH_MAX}, "
                          f"not {carousel.pattern_strength}")
    check_fonts(carousel.typography, f"{path}.typography")
    check_fonts(carousel.brand, f"{path}.brand")
    for i, slide in enumerate(carousel.slides):
        if slide.layout is not None:
            check("layout", slide.layout, f"{path}.slides[{i}].layout")


def check_fonts(part: Any, path: str) -> None:
    """``title_font`` and ``body_font`` of a Typography or BrandProfile must be bundled families (or "")."""
    for name in ("title_font", "body_font"):
        value = getattr(part, name)
        if value:
            check("font", value, f"{path}.{name}")
