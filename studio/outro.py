"""OutroCTA: the call to action on the last slide, in three variants."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CTAVariant = Literal[1, 2, 3]

VARIANT_NAMES: dict[int, str] = {1: "Follow", 2: "Repost / share", 3: "Save / visit a link"}

_DEFAULTS: dict[int, tuple[str, str, str]] = {
    1: ("Found this useful?", "Follow for a new breakdown every week.", "Follow"),
    2: ("Know someone who needs this?", "Repost it so your network sees it too.", "Repost"),
    3: ("Save this for later", "The full guide is one click away.", "Read more"),
}


@dataclass
class OutroCTA:
    """Variant #1 follow, #2 repost/share, #3 save/visit a link, with editable texts."""

    variant: CTAVariant = 1
    headline: str = _DEFAULTS[1][0]
    subline: str = _DEFAULTS[1][1]
    button: str = _DEFAULTS[1][2]
    link: str = ""

    @classmethod
    def default(cls, variant: int, link: str = "") -> "OutroCTA":
        """The stock texts for a variant (1, 2 or 3)."""
        if variant not in _DEFAULTS:
            raise ValueError(f"the CTA variant must be 1, 2 or 3, not {variant!r}")
        headline, subline, button = _DEFAULTS[variant]
        return cls(variant, headline, subline, button, link)  # type: ignore[arg-type]
