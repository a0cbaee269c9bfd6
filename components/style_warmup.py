"""Class names that appear only later (dialogs, notices, Quasar's transitions), shown once, hidden, at page load.

NiceGUI styles Tailwind classes with Tailwind's browser runtime, which rebuilds its stylesheet the
first time it sees a class name anywhere on the page. Each rebuild makes the browser restyle and lay
out the whole page again, every slide SVG of the strip and the galleries included: measured in
Chromium, the first export-dialog open caused four of them (the dialog's transition classes, the
body's scroll lock, its own classes), 1–2 s under load; later opens none. Named here, they are
compiled with the page, while the creator reads it.
"""
from __future__ import annotations

from nicegui import ui

_QUASAR = [f"q-transition--{name}-{phase}" for name in ("fade", "scale") for phase in
           ("enter-active", "enter-from", "enter-to", "leave-active", "leave-from", "leave-to")] + \
    [f"q-notification--top-right-{phase}" for phase in
     ("enter-active", "enter-from", "enter-to", "leave-active", "leave-from", "leave-to", "move")] + \
    ["q-notification", "q-notification--standard", "q-notification--multi-line", "q-notification__content",
     "q-notification__icon", "q-notification__icon--additional", "q-notification__message",
     "q-notification__wrapper", "q-notification__actions", "q-notification__caption", "bg-positive", "bg-negative",
     "bg-warning", "bg-info", "q-body--prevent-scroll", "nicegui-dialog-open", "fixed-full", "fullscreen",
     "q-dialog", "q-dialog--modal", "q-dialog--seamless", "q-dialog__backdrop", "q-dialog__inner",
     "q-dialog__inner--animating", "q-dialog__inner--minimized", "q-dialog__inner--standard", "q-card",
     "nicegui-card", "rounded-borders", "border-radius-inherit", "q-btn--active", "q-ripple", "q-ripple__inner",
     "q-ripple__inner--enter", "q-ripple__inner--leave", "q-field--focused", "q-field--highlighted",
     "q-linear-progress", "q-linear-progress__model", "q-linear-progress__model--determinate",
     "q-linear-progress__model--without-transition", "q-linear-progress__track",
     "q-linear-progress__track--light", "q-linear-progress__track--without-transition"]
# the studio's own dialogs (export, questions, compare themes)
_STUDIO = ["text-xl", "text-lg", "font-semibold", "font-medium", "cs-export", "cs-export-option",
           "cs-export-options", "cs-export-project", "cs-option-title", "cs-check-ok", "cs-check-warn", "cs-ask",
           "cs-compare", "cs-compare-rows", "cs-compare-row", "cs-compare-chosen", "cs-compare-svg"]
LATER = _QUASAR + _STUDIO


def warm_up_styles() -> None:
    """Call once while building the page."""
    ui.element("div").classes(" ".join(LATER)).style("display: none !important").props("aria-hidden=true")
