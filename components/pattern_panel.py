"""Background Pattern: tiles of the current background with each pattern (or the theme's own)."""
from __future__ import annotations

from typing import Any

from . import engine
from .tiles import Gallery
from .view import View

THEME_DEFAULT = "theme"  # tile key for "the theme's own pattern" (pattern None)


class PatternPanel(Gallery):
    testid, setting, swatch, label = "pattern-option", "pattern", True, "Background pattern"

    def __init__(self, view: View) -> None:
        choices = {THEME_DEFAULT: "Theme's own"} | {k: k.title() for k in engine.PATTERNS if k != "none"} \
            | {"none": "None"}
        super().__init__(view, choices)

    def thumbnail(self, carousel, key: str) -> str:
        # the background alone, magnified, so the pattern can be seen
        return engine.render_swatch(carousel, pattern=self.value(key))

    def current(self, carousel) -> str:
        return carousel.pattern or THEME_DEFAULT

    def value(self, key: str) -> Any:
        return None if key == THEME_DEFAULT else key
