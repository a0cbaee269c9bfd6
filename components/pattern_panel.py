"""Background Pattern: tiles of the current background with each pattern (or the theme's own)."""
from __future__ import annotations

from typing import Any

from nicegui import ui

from studio.pattern import PATTERN_STRENGTH_MAX, SWATCH_STRENGTH

from . import engine
from .tiles import Gallery
from .view import View

STRENGTH_STEPS = {0: "Off", 1: "Normal", 4: "Max"}  # × the theme's own pattern strength; a marker at each whole step
THEME_DEFAULT = "theme"  # tile key for "the theme's own pattern" (pattern None)


class PatternPanel(Gallery):
    testid, setting, swatch, label = "pattern-option", "pattern", True, "Background pattern"

    def __init__(self, view: View) -> None:
        choices = {THEME_DEFAULT: "Theme's own"} | {k: k.title() for k in engine.PATTERNS if k != "none"} \
            | {"none": "None"}
        super().__init__(view, choices)
        # (a bare slider said nothing of what it set); its label above, so its steps' names have the width
        with ui.column().classes("w-full gap-0"):
            ui.label("Strength").classes("cs-field-label")
            self.strength = ui.slider(min=0, max=PATTERN_STRENGTH_MAX, step=0.25,
                                      value=view.carousel.pattern_strength, on_change=self._set_strength) \
                .props("label :markers=1 data-testid=pattern-strength").classes("w-full cs-strength") \
                .tooltip("Pattern strength")
        self.strength.props["aria-label"] = "Pattern strength"
        # its steps in words (a bare 0–4 said nothing): 1 is the theme's own strength
        self.strength.props["marker-labels"] = STRENGTH_STEPS
        # Home and End go to the ends, as on any slider (Quasar's moves only by arrows and Page Up/Down)
        self.strength.on("keydown.home.prevent", lambda: self.strength.set_value(0))
        self.strength.on("keydown.end.prevent", lambda: self.strength.set_value(PATTERN_STRENGTH_MAX))

    def _set_strength(self, e) -> None:
        self.view.attempt(self.view.document.set_setting, "pattern_strength", float(e.value), origin=self.view.person)

    def variant(self, carousel, key: str):
        # the background alone, magnified and at least SWATCH_STRENGTH strong, so each pattern can be told apart
        return engine.swatch(carousel, pattern=self.value(key),
                             pattern_strength=max(carousel.pattern_strength, SWATCH_STRENGTH))

    def current(self, carousel) -> str:
        return carousel.pattern or THEME_DEFAULT

    def value(self, key: str) -> Any:
        return None if key == THEME_DEFAULT else key
