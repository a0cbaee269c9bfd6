"""Typography & Sizing: title, body and header & footer sizes in export pixels (on the 1080-wide image),
by slider or typed; fonts shown in themselves."""
from __future__ import annotations

from nicegui import events, ui

from studio.app import Changed
from studio.canvas import DESIGN_WIDTH
from studio.typography import RANGES, Typography

from . import engine
from .view import View

# (field, label, test id); the ranges are the ones Typography accepts
SIZES = [("title_size", "Title", "title-size"),
         ("body_size", "Body", "body-size"),
         ("meta_size", "Header & footer", "header-size")]
THEME_FONT = ""
EXPORT_WIDTH = 1080
PX = EXPORT_WIDTH / DESIGN_WIDTH  # export pixels per design unit: sizes read as in Canva on a 1080 px image

# Each family in its own face: option 0 is "Theme's font", the others are labelled with the family name.
_FONT_OPTION = r'''
<q-item v-bind="props.itemProps">
  <q-item-section>
    <q-item-label :style="{fontFamily: props.index === 0 ? 'inherit' : '\'CS ' + props.opt.label + '\'', fontSize: '15px'}">
      {{ props.opt.label }}
    </q-item-label>
  </q-item-section>
</q-item>'''


class TypographyPanel:
    def __init__(self, view: View) -> None:
        self.view = view
        self._echo = False
        self.sliders: dict[str, ui.slider] = {}
        self.numbers: dict[str, ui.number] = {}
        ui.label(f"Sizes in px on the {EXPORT_WIDTH} px wide export.").classes("cs-hint")
        for field, label, testid in SIZES:
            low, high = (round(v * PX) for v in RANGES[field])
            with ui.row().classes("w-full items-center no-wrap gap-2"):
                ui.label(label).classes("cs-field-label")
                slider = ui.slider(min=low, max=high, step=round(PX),
                                   on_change=lambda e, f=field: self._size(f, e.value)).props(
                    f"dense data-testid={testid}").classes("flex-1")
                slider.props["aria-label"] = f"{label} size in px"
                number = ui.number(min=low, max=high, step=1, format="%.0f",
                                   on_change=lambda e, f=field: self._size(f, e.value)).props(
                    f"dense borderless suffix=px input-class=text-right data-testid={testid}-px").classes("cs-px")
                number.props["aria-label"] = f"{label} size in px, typed"
            self.sliders[field] = slider
            self.numbers[field] = number
        options = {THEME_FONT: "Theme's font"} | {family: family for family in engine.FAMILIES}
        self.fonts: dict[str, ui.select] = {}
        for field, label, testid in (("title_font", "Title font", "title-font"),
                                     ("body_font", "Body font", "body-font")):
            select = ui.select(options, label=label, on_change=lambda e, f=field: self._font(f, e)).props(
                f"dense outlined options-dense data-testid={testid}").classes("w-full")
            select.add_slot("option", _FONT_OPTION)
            self.fonts[field] = select
        with ui.row().classes("w-full items-center no-wrap gap-2"):
            ui.label("Line height").classes("cs-field-label")
            self.line_height = ui.slider(min=RANGES["line_height"][0], max=RANGES["line_height"][1], step=0.05,
                                         on_change=lambda e: self._set(line_height=round(float(e.value), 2))) \
                .props("dense data-testid=line-height").classes("flex-1")
            self.line_height.props["aria-label"] = "Line height"
            self.line_readout = ui.label().classes("cs-readout")
        with ui.row().classes("w-full items-center no-wrap gap-2"):
            ui.label("Alignment").classes("cs-field-label")
            self.align = ui.toggle({"left": "Left", "center": "Centre"},
                                   on_change=lambda e: self._set(align=e.value)).props(
                "dense no-caps unelevated toggle-color=primary data-testid=align")
        ui.button("Reset sizes", icon="restart_alt", on_click=self._reset).props("flat dense no-caps size=sm")
        self.refresh(None)

    def refresh(self, change: Changed | None) -> None:
        typo = self.view.carousel.typography
        self._echo = True
        try:
            for field, *_ in SIZES:
                value = round(getattr(typo, field) * PX)
                self.sliders[field].value = value
                self.numbers[field].value = value
            theme = engine.THEMES.get(self.view.carousel.theme)
            for field, select in self.fonts.items():
                own = getattr(theme, field, "") if theme else ""
                options = {THEME_FONT: f"Theme's font ({own})" if own else "Theme's font"}
                options.update({family: family for family in engine.FAMILIES})
                select.set_options(options, value=getattr(typo, field) or THEME_FONT)
            self.line_height.value = typo.line_height
            self.line_readout.set_text(f"{typo.line_height:.2f}")
            self.align.value = typo.align
        finally:
            self._echo = False

    def _size(self, field: str, px) -> None:
        """A size in export px (slider or typed) becomes design units; a typed value out of range is clamped."""
        if px is None or self._echo:
            return
        low, high = RANGES[field]
        design = min(max(float(px) / PX, low), high)
        self._echo = True
        try:
            self.sliders[field].value = self.numbers[field].value = round(design * PX)
        finally:
            self._echo = False
        self._set(**{field: design})

    def _font(self, field: str, e: events.ValueChangeEventArguments) -> None:
        self._set(**{field: e.value or THEME_FONT})

    def _set(self, **values) -> None:
        if not self._echo:
            self.view.attempt(self.view.document.set_typography, origin=self.view.person, **values)

    def _reset(self) -> None:
        default = Typography()
        self.view.attempt(self.view.document.set_typography, origin=self.view.person,
                          **{name: getattr(default, name) for name in RANGES})
