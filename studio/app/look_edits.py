"""Look settings of the shared document: format, layout, theme, pattern, typography, brand and CTA.

Each of these changes every slide at once, so each announces ``LookChanged`` (``BrandChanged``
for the brand kit).
"""
from __future__ import annotations

import copy
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..brand import BrandProfile
from ..carousel import Carousel
from ..outro import OutroCTA
from ..pattern import PATTERN_STRENGTH_MAX
from ..registry import REGISTRY, check_fonts
from ..schema import SchemaError, from_dict, to_dict
from ..sources.cleanup import safe_text
from .edit_history import EditError
from .slide_edits import refuse_part_texts
from .events import BrandChanged, LookChanged
from ..choice import quote

if TYPE_CHECKING:
    from .document import Document


_PARTS = {"cta": "call to action"}  # a part as a message names it
SETTINGS = frozenset({"format", "layout", "theme", "pattern", "pattern_strength", "show_post_meta"})


class LookEdits:
    """Edits of how the whole carousel looks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc  # the carousel, its undo history and the edit protocol (``EditHistory``)

    def set_setting(self, name: str, value: Any, origin: Any = None) -> None:
        """Set ``format``, ``layout``, ``theme``, ``pattern``, ``pattern_strength`` or ``show_post_meta``."""
        if name not in SETTINGS:
            raise EditError(f"unknown setting {quote(name)}")
        if name == "pattern_strength":
            if not isinstance(value, (int, float)) or not 0 <= value <= PATTERN_STRENGTH_MAX:
                raise EditError(f"Pattern strength goes from 0 to {PATTERN_STRENGTH_MAX}.")
            value = float(value)
        if name == "show_post_meta" and not isinstance(value, bool):
            raise EditError("Show post details is on or off (true or false).")
        if name in REGISTRY and not (name == "pattern" and value is None) and (
                not isinstance(value, str) or value not in REGISTRY[name]):
            raise EditError(f"There is no {name} called {quote(value)}; choose one of: {', '.join(REGISTRY[name].keys())}.")
        if getattr(self.doc.carousel, name) == value:
            return
        setattr(self.doc._edit(), name, value)
        self.doc._done(LookChanged(origin, name))

    def set_typography(self, origin: Any = None, **values: Any) -> None:
        """Change typography fields (sizes, fonts, line height, alignment); out-of-range values are refused."""
        self._set_fields("typography", values, origin)

    def set_brand(self, origin: Any = None, **values: Any) -> None:
        """Change brand-kit fields (name, handle, avatar, logo, website, accent, placement…)."""
        self._set_fields("brand", values, origin)

    def set_cta(self, origin: Any = None, **values: Any) -> None:
        """Edit the outro's headline, subline, button text or link."""
        self._set_fields("cta", values, origin)

    def _set_fields(self, part: str, values: dict[str, Any], origin: Any) -> None:
        """Replace changed fields of one part of the carousel (typography, brand, cta) as one undo step."""
        current = getattr(self.doc.carousel, part)
        values = {k: safe_text(v) if isinstance(v, str) else v for k, v in values.items()}
        _refuse_shape(part, type(current), values)
        changes = {k: v for k, v in values.items() if getattr(current, k) != v}
        if not changes:
            return
        if part in ("brand", "cta"):  # the one rule of every edit door (share mode's typing calls it too)
            refuse_part_texts(part, {k: getattr(current, k) for k in changes}, changes)
        try:
            updated = replace(current, **changes)
            if part in ("typography", "brand"):  # a font this studio lacks: the saved project would not open again
                check_fonts(updated, part)
        except (TypeError, ValueError) as exc:
            raise EditError(str(exc)) from None
        setattr(self.doc._edit(key=(part, tuple(sorted(changes)))), part, updated)
        self.doc._done(BrandChanged(origin) if part == "brand" else LookChanged(origin, part))

    def use_brand(self, brand: BrandProfile, origin: Any = None) -> None:
        """Switch to another brand profile (re-brands every slide at once)."""
        carousel = self.doc._edit()
        carousel.brand = copy.deepcopy(brand)
        if brand.cta is not None:
            carousel.cta = copy.deepcopy(brand.cta)
        self.doc._done(BrandChanged(origin))

    def set_cta_variant(self, variant: int, origin: Any = None) -> None:
        """Pick CTA #1, #2 or #3; the texts switch to that variant's stock texts (the link is kept)."""
        if variant == self.doc.carousel.cta.variant:
            return
        try:
            cta = OutroCTA.default(variant, link=self.doc.carousel.cta.link)
        except ValueError as exc:
            raise EditError(str(exc)) from None
        self.doc._edit().cta = cta
        self.doc._done(LookChanged(origin, "cta"))

    def apply_settings(self, carousel: Carousel, origin: Any = None) -> None:
        """Take format, layout, theme, typography, pattern and CTA from ``carousel`` (a preset applied)."""
        # A preset from an old kit may hold a text over its cap: it is worn whole, as a profile is
        # (``use_brand``), and drawn cut; ``Brands.apply_preset`` says what was cut.
        target = self.doc._edit()
        for name in ("format", "layout", "theme", "pattern", "typography", "cta", "brand"):
            setattr(target, name, copy.deepcopy(getattr(carousel, name)))
        self.doc._done(LookChanged(origin, "preset"))


def _refuse_shape(part: str, cls: type, values: dict[str, Any]) -> None:
    """EditError unless ``values`` are fields of ``cls`` of the types a project file may hold: an edit whose
    value came from a browser (any JSON) is checked as loading a file is, so what is saved opens again."""
    try:
        from_dict(cls, {name: to_dict(value) for name, value in values.items()}, part)
    except SchemaError as exc:
        raise EditError(f"That {_PARTS.get(part, part)} setting was not changed: {exc}.") from None
