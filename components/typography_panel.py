"""Typography & Sizing: title, body and header & footer sizes in px; fonts shown in themselves."""
from __future__ import annotations

from nicegui import events, ui

from studio.app import Changed
from studio.typography import RANGES, Typography

from . import engine
from .view import View

# (field, label, test id); the ranges are the ones Typography accepts
SIZES = [("title_size", "Title", "title-size"),
         ("body_size", "Body", "body-size"),
         ("meta_size", "Header & footer", "header-size")]
THEME_FONT = ""

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
        self.readouts: dict[str, ui.label] = {}
        for field, label, testid in SIZES:
            low, high = RANGES[field]
            with ui.row().classes("w-full items-center no-wrap gap-2"):
                ui.label(label).classes("cs-field-label")
                slider = ui.slider(min=low, max=high, step=1,
                                   on_change=lambda e, f=field: self._size(f, e)).props(
                    f"dense data-testid={testid}").classes("flex-1")
                self.readouts[field] = ui.label().classes("cs-readout")
            self.sliders[field] = slider
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
                value = getattr(typo, field)
                self.sliders[field].value = value
                self.readouts[field].set_text(f"{value:g} px")
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

    def _size(self, field: str, e: events.ValueChangeEventArguments) -> None:
        if e.value is not None:
            self.readouts[field].set_text(f"{float(e.value):g} px")
            self._set(**{field: float(e.value)})

    def _font(self, field: str, e: events.ValueChangeEventArguments) -> None:
        self._set(**{field: e.value or THEME_FONT})

    def _set(self, **values) -> None:
        if not self._echo:
            self.view.attempt(self.view.document.set_typography, origin=self.view.person, **values)

    def _reset(self) -> None:
        default = Typography()
        self.view.attempt(self.view.document.set_typography, origin=self.view.person,
                          **{name: getattr(default, name) for name in RANGES})
