"""The slide editor's text boxes: a slide's title and text, or on the outro its headline, subline and button."""
from __future__ import annotations

from collections.abc import Callable

from nicegui import events, ui

from studio.carousel import Carousel
from studio.slide import Slide
from studio.outro import has_own_words
from studio.share.sync import quote

from . import engine
from .echo import Echo
from .shared_text import SharedTextBox, resend, show, text_box
from .view import View

TEXT_BOXES = ("slide-title", "slide-body", "slide-alt")  # the slide's own words (data-testid)
SHOWN = "data-cs-shown"  # the name of the slide a slide's box shows (``View.slide_name``), in its browser too
# Before each change of a plain box the browser says which slide the box showed: its change may have left
# before it heard that its slide was deleted or moved (another tab), and is made on that slide or nowhere.
SAY_SLIDE = f"(e) => emit(e.target?.closest?.('[{SHOWN}]')?.getAttribute('{SHOWN}') ?? null)"


def slide_box(box):
    """A text box of the selected slide's own words: its edits are made on the slide it showed."""
    box.seen, box.typed_on = {}, None  # texts shown per slide name (to quote typing); the browser's last word
    if not isinstance(box, SharedTextBox):  # (a shared box's browser names the slide in each edit itself)
        box.on("beforeinput", lambda e: setattr(box, "typed_on", e.args if isinstance(e.args, str) else None),
               args=[None], js_handler=SAY_SLIDE)
    return box


def name_slide(view: View, element) -> str | None:
    """Note on ``element`` (its browser too) the name of the slide it now acts on: the selected one."""
    name = view.slide_name(view.selected)
    if element.props.get(SHOWN) != name:
        element.props[SHOWN] = name
    return name


def acted_on(view: View, element, said: object = None) -> int | None:
    """Where the slide is that a click or choice on ``element`` was made on: the one its browser ``said`` it
    showed, else the one it was last filled for; None when that slide is gone (``gone`` tells the person)."""
    name = said if isinstance(said, str) and said else element.props.get(SHOWN)
    return view.slide_index(name)


def show_on_slide(view: View, box, value: str) -> None:
    """Show the selected slide's ``value`` in its ``box``, which notes the slide."""
    name = name_slide(view, box)
    box.seen.pop(name, None)
    box.seen[name] = value
    while len(box.seen) > 4:
        box.seen.pop(next(iter(box.seen)))
    show(box, value)


def slide_of(view: View, box, typed: str) -> int | None:
    """Where the slide is that ``box``'s edit (now reading ``typed``) was made on; None when that slide is gone
    (deleted or undone, in this tab or another): the typist is told, their typing quoted, and nothing is made."""
    # the browser's word goes with the one change it came before: a change sent again without one (after a
    # reconnection) is made on the slide the box shows now, not on the slide last typed on
    name, box.typed_on = box.typed_on or box.props.get(SHOWN), None
    index = view.slide_index(name)
    if index is None:
        seen = box.seen.get(name, "")
        if seen != typed:
            view.notify("The slide you were typing in is gone (deleted or undone, perhaps in another tab). "
                        f"Your typing was not put on another slide: {quote(seen, typed)}", type="warning")
    return index


def gone(view: View, what: str) -> None:
    """The slide an action was started on is gone by the time it is made: said, nothing made elsewhere."""
    view.notify(f"The slide you chose is gone (deleted or undone, perhaps in another tab): {what}", type="warning")


def is_text(value: object) -> bool:
    """Is a text box's value text (or empty)? A browser may send anything (a number, a list): that is ignored."""
    return value is None or isinstance(value, str)


class SlideTexts:
    """Title, the outro's headline, the text (the outro's subline when it holds the creator's words), the CTA's
    subline and button. ``kept`` hears whether an edit of the slide's own words was taken."""

    def __init__(self, view: View, echo: Echo, kept: Callable[[object], None]) -> None:
        self.view, self.echo, self.kept = view, echo, kept
        self.title = slide_box(text_box(view, "Title", "title", self._edit_title).props(
            f"outlined dense data-testid={TEXT_BOXES[0]}").classes("w-full"))
        # an outro's headline, then its subline (the CTA's, or the slide's own words: the body box), then button
        self.cta_headline = self._cta_box("Headline", "headline")
        self.body = slide_box(text_box(view, "Text", "body", self._edit_body, multiline=True).props(
            f"outlined autogrow data-testid={TEXT_BOXES[1]}").classes("w-full cs-body-input"))
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
            show_on_slide(self.view, self.body, slide.body)
        if slide.kind != "outro":
            show_on_slide(self.view, self.title, slide.title)
            show_on_slide(self.view, self.body, slide.body)
            auto, automatic = engine.slide_headline(self.view.carousel, self.view.selected)
            placeholder = f"{auto} (automatic: type to replace)" if automatic else ""
            if self.title.props.get("placeholder") != placeholder:
                self.title.props["placeholder"] = placeholder
                self.title.update()

    def _edit_title(self, e: events.ValueChangeEventArguments) -> None:
        if not self.echo:
            self.kept(self._edit(e, "title", "editing the title"))

    def _edit_body(self, e: events.ValueChangeEventArguments) -> None:
        if not self.echo:
            self.kept(self._edit(e, "body", "editing the text"))

    def _edit(self, e: events.ValueChangeEventArguments, field: str, doing: str) -> object:
        """The box's words on the slide it showed; falsy when not made (the boxes then show the document's)."""
        if not is_text(e.value) or (index := slide_of(self.view, e.sender, e.value or "")) is None:
            return False
        return self.view.attempt(self.view.document.set_slide_text, index, **{field: e.value or ""},
                                 origin=self.view.person, doing=doing)

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
