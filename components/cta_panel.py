"""Outro Slide CTA: variants #1 follow, #2 repost/share, #3 save/visit as tiles, plus their texts."""
from __future__ import annotations

from nicegui import ui

from studio.outro import VARIANT_NAMES, has_own_words
from studio.app import Changed

from .shared_text import resend, show, text_box
from .tiles import TileGroup
from .view import View

ICONS = {1: "person_add", 2: "repeat", 3: "bookmark_border"}


class CtaPanel:
    def __init__(self, view: View) -> None:
        self.view = view
        self._echo = False
        self.group = TileGroup("cta-option", self._pick, columns=3, label="Call to action")
        for variant, name in VARIANT_NAMES.items():
            with self.group.tile(variant, name):
                ui.icon(ICONS[variant], size="22px").classes("cs-tile-icon")
                ui.label(f"#{variant}").classes("cs-tile-title")
                ui.label(name).classes("cs-tile-sub")
        self.inputs = {}
        for field, label in (("headline", "Headline"), ("subline", "Subline"),
                             ("button", "Button text"), ("link", "Link")):
            edit = lambda e, f=field: self._edit(f, e.value)  # noqa: E731
            # in share mode the texts merge letter by letter in the browser too; the link is taken whole
            box = ui.input(label, on_change=edit) if field == "link" else text_box(view, label, field, edit, part="cta")
            self.inputs[field] = box.props(f"dense outlined data-testid=cta-{field}").classes("w-full")
        # the example under the box: in its label, it was cut off at the panel's width
        self.inputs["link"].props["hint"] = "For example yoursite.com/guide"
        self.own_note = ui.label("The subline is your last post's own words: edit them on the outro slide.") \
            .classes("cs-hint").props("data-testid=cta-own-words")
        self.refresh(None)

    def _pick(self, variant: int) -> None:
        if self.view.attempt(self.view.document.set_cta_variant, variant, origin=self.view.person):
            self._show_outro()

    def _edit(self, field: str, value: str | None) -> None:
        if not self._echo:
            if self.view.attempt(self.view.document.set_cta, origin=self.view.person, **{field: value or ""}):
                self._show_outro()
            else:
                self._put_back(field)

    def _put_back(self, field: str) -> None:
        """An edit refused (its notice shown): the box shows the document's words again, so the next keystroke
        edits those, not the refused text."""
        box = self.inputs[field]
        self._echo = True
        try:
            show(box, getattr(self.view.carousel.cta, field))
        finally:
            self._echo = False
        resend(box)

    def _show_outro(self) -> None:
        """The slide these words are on, in the preview: a newcomer changed them and saw the slide they were on."""
        slides = self.view.carousel.slides
        if slides and slides[-1].kind == "outro":
            self.view.select(len(slides) - 1)

    def _link_hint(self, link: str) -> None:
        """Under the link box: its example, or why what is typed there opens nothing (it is drawn as text)."""
        from studio.links import problem
        box = self.inputs["link"]
        hint = problem(link) or "For example yoursite.com/guide"
        if box.props.get("hint") != hint:
            box.props["hint"] = hint
            box.update()

    def refresh(self, change: Changed | None) -> None:
        cta = self.view.carousel.cta
        self._link_hint(cta.link)
        self.group.mark(cta.variant)
        own = any(has_own_words(slide) for slide in self.view.carousel.slides)
        subline = self.inputs["subline"]
        subline.set_visibility(not own)  # the outro shows the creator's own words: edited on the outro slide
        self.own_note.set_visibility(own)
        self._echo = True
        try:
            for field, element in self.inputs.items():
                show(element, getattr(cta, field))
        finally:
            self._echo = False
