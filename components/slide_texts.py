"""The slide editor's text boxes: a slide's title and text, or on the outro its headline, subline and button."""
from __future__ import annotations

from collections.abc import Callable

from nicegui import events, ui

from studio.carousel import Carousel
from studio.slide import Slide
from studio.outro import has_own_words

from . import engine
from .echo import Echo
from .shared_text import resend, show, text_box
from .view import View

TEXT_BOXES = ("slide-title", "slide-body", "slide-alt")  # the slide's own words (data-testid)


def is_text(value: object) -> bool:
    """Is a text box's value text (or empty)? A browser may send anything (a number, a list): that is ignored."""
    return value is None or isinstance(value, str)


class SlideTexts:
    """Title, the outro's headline, the text (the outro's subline when it holds the creator's words), the CTA's
    subline and button. ``kept`` hears whether an edit of the slide's own words was taken."""

    def __init__(self, view: View, echo: Echo, kept: Callable[[object], None]) -> None:
        self.view, self.echo, self.kept = view, echo, kept
        self.title = text_box(view, "Title", "title", self._edit_title).props(
            f"outlined dense data-testid={TEXT_BOXES[0]}").classes("w-full")
        # an outro's headline, then its subline (the CTA's, or the slide's own words: the body box), then button
        self.cta_headline = self._cta_box("Headline", "headline")
        self.body = text_box(view, "Text", "body", self._edit_body, multiline=True).props(
            f"outlined autogrow data-testid={TEXT_BOXES[1]}").classes("w-full cs-body-input")
        with ui.column().classes("w-full gap-2") as self.cta_fields:
            self.cta_subline, self.cta_button = self._cta_box("Subline", "subline"), self._cta_box("Button", "button")

    def _cta_box(self, label: str, field: str):
        return text_box(self.view, label, field, lambda e: self._edit_cta(**{field: e.value}), part="cta") \
            .props("outlined dense").classes("w-full")

    def arrange(self, carousel: Carousel, slide: Slide) -> None:
        """The boxes this kind of slide has, labelled for it; an outro's CTA words in theirs."""
        is_outro = slide.kind == "outro"
        own = has_own_words(slide)  # the outro shows the creator's words (their last post's ask) as subline
        self.title.set_visibility(not is_outro)
        self.body.set_visibility(not is_outro or own)
        self.cta_fields.set_visibility(is_outro)
        self.cta_headline.set_visibility(is_outro)
        self.cta_subline.set_visibility(not own)
        if is_outro:
            show(self.cta_headline, carousel.cta.headline)
            show(self.cta_subline, carousel.cta.subline)
            show(self.cta_button, carousel.cta.button)
        self.body.props["label"] = "Subline (your last post's words)" if own else "Text"
        self.body.props["hint"] = "" if is_outro else engine.EMPHASIS_HINT
        self.body.props["placeholder"] = carousel.cta.subline if own else ""
        self.body.update()

    def fill(self, slide: Slide) -> None:
        """The slide's title and text in their boxes, and the automatic title as the title's placeholder."""
        if has_own_words(slide):
            show(self.body, slide.body)
        if slide.kind != "outro":
            show(self.title, slide.title)
            show(self.body, slide.body)
            auto, automatic = engine.slide_headline(self.view.carousel, self.view.selected)
            placeholder = f"{auto} (automatic: type to replace)" if automatic else ""
            if self.title.props.get("placeholder") != placeholder:
                self.title.props["placeholder"] = placeholder
                self.title.update()

    def _edit_title(self, e: events.ValueChangeEventArguments) -> None:
        if not self.echo:
            self.kept(is_text(e.value) and self.view.attempt(
                self.view.document.set_slide_text, self.view.selected, title=e.value or "", origin=self.view.person,
                doing="editing the title"))

    def _edit_body(self, e: events.ValueChangeEventArguments) -> None:
        if not self.echo:
            self.kept(is_text(e.value) and self.view.attempt(
                self.view.document.set_slide_text, self.view.selected, body=e.value or "", origin=self.view.person,
                doing="editing the text"))

    def _edit_cta(self, **values: str) -> None:
        if self.echo or self.view.attempt(self.view.document.set_cta, origin=self.view.person,
                                          **{k: v or "" for k, v in values.items()}):
            return
        # refused (its notice shown): the box shows the document's words again, so the next keystroke edits those
        cta = self.view.carousel.cta
        for field in values:
            box = {"headline": self.cta_headline, "subline": self.cta_subline, "button": self.cta_button}[field]
            with self.echo():
                show(box, getattr(cta, field))
            resend(box)
