"""Outro Slide CTA: variants #1 follow, #2 repost/share, #3 save/visit as tiles, plus their texts."""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from nicegui import ui
from nicegui.events import GenericEventArguments, ValueChangeEventArguments, handle_event

from studio import ASSETS_DIR
from studio.outro import VARIANT_NAMES, has_own_words
from studio.app import Changed
from studio.share.sync import rebase
from studio.sources.cleanup import safe_text

from .shared_text import resend, show, text_box
from .tiles import TileGroup
from .view import View

ICONS = {1: "person_add", 2: "repeat", 3: "bookmark_border"}
log = logging.getLogger("carousel_studio")


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
            # in share mode the texts merge letter by letter in the browser too; the link is taken whole by the
            # document, and sent as edits by the browser (an old project's may be far over its cap)
            box = EditBox(view, label, "cta", "link", lambda: self.view.carousel.cta.link, edit) if field == "link" \
                else text_box(view, label, field, edit, part="cta")
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
            elif not isinstance(self.inputs[field], EditBox):  # (an EditBox answers its browser itself)
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
                element.show(getattr(cta, field)) if isinstance(element, EditBox) else show(element, getattr(cta, field))
        finally:
            self._echo = False


class EditBox(ui.input, component=ASSETS_DIR / "shared_text_box.js"):
    """A one-line box of the brand or the outro whose browser sends what a keystroke changed, never the whole text.

    An old project or kit may hold such a text far over its cap (kept whole, drawn cut): a plain box sent all of it
    with every keystroke, and again when an edit was refused. This box speaks the shared studio's box protocol
    (assets/shared_text_box.js) with a server half of its own: the whole text travels once, when it is first shown;
    after that, each way, only what changed. ``read`` gives the document's text: after every edit the
    browser is answered with the document's text as changes (a refused edit is taken back, later typing kept).
    Setting ``value`` (a test's simulated browser) counts as the person typing that whole text.
    """

    HISTORY = 4  # texts of the latest versions (an edit made on an older one is rebased onto the newest); few: each
    # may be an old file's 600 KB text

    def __init__(self, view: View, label: str, key: str, field: str, read: Callable[[], str],
                 on_change: Callable[..., Any]) -> None:
        super().__init__(label, on_change=on_change)
        self.view, self.key, self.field, self.read = view, key, field, read
        self._props["field"] = field
        self.text, self.version, self._seq, self._answered = "", 0, 0, 0
        self._history: dict[int, str] = {}
        self._followed = False
        self.on("edit", self._edited)

    def _value_to_model_value(self, value: Any) -> Any:
        return None  # the browser's box shows what ``receive`` sent it, never a whole text in the element's props

    def _handle_value_change(self, value: Any) -> None:
        """The person typed ``value`` (a whole text set on the server, or an edit made): the handlers make it,
        then the browser gets the document's text (a refused edit taken back)."""
        args = ValueChangeEventArguments(sender=self, client=self.client, value=value, previous_value=None)
        for handler in self._change_handlers:
            handle_event(handler, args)
        self._answer()

    def _answer(self) -> None:
        current = self.read()
        if current != self.text:
            self.show(current)
        elif self._answered < self._seq:  # refused, or nothing changed: the answer takes the edit back
            self._send(current, {"steps": []})
        setattr(self, "___value", current)

    def show(self, value: str) -> None:
        """Show ``value`` (the document's text): the browser gets it whole the first time, else as one change."""
        if not self._followed:
            self._followed = True
            self.run_method("follow", self.key, 0, None)  # (its unanswered typing is kept for no project)
            self._send(value, {"text": value})
        elif value != self.text:
            start, end, insert = _splice(self.text, value)
            self._send(value, {"steps": [[[start, end, insert]]]})
        setattr(self, "___value", value)  # what ``value`` reads on the server, set without running a change handler

    def _send(self, value: str, body: dict) -> None:
        self.version += 1
        self.text = value
        self._history[self.version] = value
        self._history.pop(self.version - self.HISTORY, None)
        self._answered = self._seq
        self.run_method("receive", [{"slide": self.key, "field": self.field, "v": self.version, "ack": self._seq,
                                     **body}])

    def _edited(self, e: GenericEventArguments) -> None:
        """The browser's edit (positions in characters of its version ``base``): made, then answered."""
        try:
            change = e.args
            seq, base = change["seq"], change["base"]
            if type(seq) is not int or type(base) is not int or change["slide"] != self.key:
                raise ValueError("malformed")
            edits = [(int(start), int(end), str(insert)) for start, end, insert in change["edits"]]
        except (KeyError, TypeError, ValueError):
            log.warning("ignored a malformed text edit from a browser")
            return
        if seq <= self._seq:  # sent again after a reconnection: made already, but its answer may be lost
            self._send(self.read(), {"text": self.read()})
            return
        self._seq = seq
        seen = self._history.get(base)
        typed = _patched(seen, edits) if seen is not None else None
        if typed is None:  # an edit on a version long gone, or not fitting it: the box gets the text again
            self._send(self.read(), {"text": self.read()})
        else:
            self._handle_value_change(typed if base == self.version else rebase(seen, typed, self.text))


def _patched(text: str, edits: list[tuple[int, int, str]]) -> str | None:
    """``text`` with ``edits`` made (in order, not overlapping); None when they do not fit it."""
    out, at = [], 0
    for start, end, insert in edits:
        if not at <= start <= end <= len(text):
            return None
        out += [text[at:start], safe_text(insert)]
        at = end
    return "".join(out) + text[at:]


def _splice(old: str, new: str) -> tuple[int, int, str]:
    """``(start, end, insert)``: ``old[start:end]`` replaced by ``insert`` reads ``new`` (found by halves: C-speed
    slices on a 600 KB text)."""
    low, high = 0, min(len(old), len(new))
    while low < high:
        mid = (low + high + 1) // 2
        if old[:mid] == new[:mid]:
            low = mid
        else:
            high = mid - 1
    room = min(len(old), len(new)) - low
    short, long_ = 0, room
    while short < long_:
        mid = (short + long_ + 1) // 2
        if old[len(old) - mid:] == new[len(new) - mid:]:
            short = mid
        else:
            long_ = mid - 1
    return low, len(old) - short, new[low:len(new) - short]
