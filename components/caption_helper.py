"""Caption helper: a LinkedIn post text, an Instagram caption and alt text per slide, with copy buttons."""
from __future__ import annotations

import json

from nicegui import ui

from studio.caption import INSTAGRAM_LIMIT, LINKEDIN_LIMIT, alt_texts, draft_captions

from .view import View


class CaptionHelper:
    def __init__(self, view: View) -> None:
        self.view = view
        with ui.dialog().props("aria-label='Caption helper' data-testid=captions-dialog") as self.dialog, ui.card().classes("cs-captions"):
            with ui.row().classes("w-full items-center no-wrap"):
                ui.label("Caption helper").classes("text-xl font-semibold")
                ui.space()
                ui.button("Draft again", icon="refresh", on_click=self.fill).props("flat dense no-caps")
                ui.button(icon="close", on_click=self.dialog.close).props("flat round dense aria-label=Close")
            ui.label("Drafted from the thread: the hook, a line per key point, your call to action, "
                     "credit for quoted authors and the thread's own hashtags. Edit freely before copying.") \
                .classes("cs-hint")
            with ui.row().classes("w-full gap-4 no-wrap cs-caption-columns"):
                self.linkedin = self._text_block("LinkedIn post", LINKEDIN_LIMIT, "caption-linkedin")
                self.instagram = self._text_block("Instagram caption", INSTAGRAM_LIMIT, "caption-instagram")
            ui.label("Alt text per slide").classes("cs-option-title mt-2")
            ui.label("Exported as alt-text.txt with the images; paste each into Instagram's "
                     "“Advanced settings → Write alt text”.").classes("cs-hint")
            self.alts = ui.column().classes("w-full gap-1 cs-alt-list")

    def _text_block(self, title: str, limit: int, testid: str) -> ui.textarea:
        with ui.column().classes("flex-1 gap-1 min-w-0"):
            with ui.row().classes("w-full items-center no-wrap"):
                ui.label(title).classes("cs-option-title")
                ui.space()
                count = ui.label().classes("cs-hint")
                box: ui.textarea | None = None
                ui.button("Copy", icon="content_copy", on_click=lambda: self._copy(box.value, title)).props(
                    f"flat dense no-caps data-testid={testid}-copy")
            box = ui.textarea(on_change=lambda e: count.set_text(f"{len(e.value or '')} / {limit}")).props(
                f"outlined autogrow aria-label={json.dumps(title)} data-testid={testid}").classes("w-full cs-caption-text")
        return box

    def open(self) -> None:
        self.fill()
        self.dialog.open()

    def fill(self) -> None:
        carousel = self.view.carousel
        captions = draft_captions(carousel)
        self.linkedin.value = captions.linkedin
        self.instagram.value = captions.instagram
        self.alts.clear()
        with self.alts:
            for index, text in enumerate(alt_texts(carousel)):
                with ui.row().classes("w-full items-start no-wrap gap-2 cs-alt-row"):
                    ui.label(f"{index + 1:02d}").classes("cs-alt-number")
                    ui.label(text or "(no text on this slide)").classes("flex-1 text-sm")
                    ui.button(icon="content_copy", on_click=lambda t=text, i=index: self._copy(
                        t, f"Alt text {i + 1}")).props("flat round dense size=sm aria-label='Copy alt text'")

    def _copy(self, text: str | None, what: str) -> None:
        ui.clipboard.write(text or "")
        ui.notify(f"{what} copied", position="bottom", timeout=1500)
