"""A slide's text boxes in a shared studio: keystrokes travel as changes, merged text arrives as changes.

In share mode the title, text and alt text boxes are ``SharedTextBox``es (assets/shared_text_box.js):
the browser sends what a keystroke changed (positions and letters), and the server answers with the
merged document's own changes of the box, through a ``studio.share.sync.Channel`` on the person's
replica (``SharedTexts``, one per page). A whole text travels only when a box first shows a slide,
or after slides were added, removed or moved. The caret stays beside its characters when merged
text arrives. Words typed offline are kept in the tab and merged in after a reload (shared_text.js).
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from nicegui import ui
from nicegui.elements.mixins.value_element import ValueElement
from nicegui.events import GenericEventArguments, ValueChangeEventArguments, handle_event

from studio import ASSETS_DIR
from studio.share.sync import Channel, Edits, Message
from studio.sources.cleanup import safe_text

from .view import run_unless_closed

if TYPE_CHECKING:
    from .view import View

log = logging.getLogger("carousel_studio")


class SharedTextBox(ui.input, component=ASSETS_DIR / "shared_text_box.js"):
    """A text box of the selected slide whose browser sends changes, never its whole text.

    ``value`` is the merged text last shown, kept on the server only (it is never sent to the
    browser). Setting it, as a test's simulated browser without scripts does, counts as the
    person typing that whole text (the ``on_change`` handler).
    """

    def __init__(self, texts: SharedTexts, label: str, field: str, on_change: Callable[..., Any]) -> None:
        super().__init__(label, on_change=on_change)
        self.texts, self.field = texts, field
        self.slide: str | None = None  # the slide the browser's box shows
        self.on("edit", lambda e: texts.edited(self, e.args))

    def _handle_value_change(self, value: Any) -> None:
        args = ValueChangeEventArguments(sender=self, client=self.client, value=value, previous_value=None)
        for handler in self._change_handlers:
            handle_event(handler, args)


class SharedTexts:
    """One page's shared text boxes, and the ``Channel`` that keeps them in step with its person's replica."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.boxes: dict[str, SharedTextBox] = {}
        self.channel: Channel | None = None
        self._outbox: list[Message] = []
        self._woken = False
        self._took: set[tuple[str, str]] = set()  # boxes edited here whose redraw every page still has to hear
        view.client.on_delete(self.close)

    def box(self, label: str, field: str, on_change: Callable[..., Any]) -> SharedTextBox:
        self.boxes[field] = SharedTextBox(self, label, field, on_change)
        return self.boxes[field]

    def follow(self, box: SharedTextBox, value: str) -> None:
        """``box`` shows the selected slide (whose merged text is ``value``), and that slide's changes from now on."""
        box.value = value
        view = self.view
        replica = view.document.replica(view.person)
        if self.channel is None or self.channel.replica is not replica:  # another project, or opened again
            self.close()
            self.channel = Channel(replica, self._outbox.append, self._wake)
            for each in self.boxes.values():
                each.slide = None
                each.run_method("reset")
        ids = replica.slide_ids()
        if not 0 <= view.selected < len(ids):
            return
        slide = ids[view.selected]
        if (slide, box.field) not in self.channel.sent:
            self.channel.watch(slide, box.field)
        self.channel.refresh()  # this person's own undo, or a change made in their name, is sent too
        self._flush()
        if box.slide != slide:
            box.slide = slide
            box.run_method("follow", slide)

    def edited(self, box: SharedTextBox, change: Any) -> None:
        """The browser's box changed: make that change on the person's replica, answer, tell every page."""
        try:
            slide, edits, base, seq = _edit(change)
        except (KeyError, TypeError, ValueError):
            log.warning("ignored a malformed text edit from a browser")
            return
        if self.channel is None or (slide, box.field) not in self.channel.sent:
            return  # a box of a project this page has left
        try:
            self.channel.edit(slide, box.field, edits, base, seq)
        except ValueError:  # positions outside the text: the browser gets the whole text again
            log.warning("a browser's text edit did not fit its text; sending it the text again")
            self.channel.watch(slide, box.field)
        self._flush()
        # The others' pages get the merged text first (their sends are queued already); the redraws every
        # page makes for it (previews, thumbnails) come after, once for a burst of keystrokes.
        if not self._took:
            _soon(self._tell_pages)
        self._took.add((slide, box.field))

    def _tell_pages(self) -> None:
        took, self._took = self._took, set()
        for slide, field in took:
            self.view.attempt(self.view.document.took_edit, slide, field, origin=self.view.person,
                              doing="merging what you typed")

    def close(self) -> None:
        if self.channel is not None:
            self.channel.close()
            self.channel = None

    def _wake(self) -> None:
        """Others edited: send this page the changes once the current edit is over (a burst is one message)."""
        if self._woken:
            return
        self._woken = True
        _soon(self._send_woken)

    def _send_woken(self) -> None:
        self._woken = False
        if self.channel is not None and not self.view.client._deleted:  # noqa: SLF001 - a tab closed meanwhile
            self.channel.refresh()
            self._flush()

    def _flush(self) -> None:
        """Each box's messages, in one call to its browser half."""
        messages, self._outbox[:] = list(self._outbox), []
        for field, box in self.boxes.items():
            mine = [m for m in messages if m["field"] == field]
            if mine:
                box.run_method("receive", mine)


def _soon(action: Callable[[], Any]) -> None:
    """Run ``action`` once the current event is handled (at once outside the event loop)."""
    try:
        asyncio.get_running_loop().call_soon(run_unless_closed, action)
    except RuntimeError:
        action()


def _edit(change: Any) -> tuple[str, Edits, int, int]:
    """A browser's message checked: slide id, edits (made safe to store), base version, sequence number."""
    slide, base, seq = change["slide"], change["base"], change["seq"]
    if not isinstance(slide, str) or type(base) is not int or type(seq) is not int:
        raise ValueError("malformed")
    edits = [(int(start), int(end), safe_text(str(insert))) for start, end, insert in change["edits"]]
    return slide, edits, base, seq


_TEXTS: WeakKeyDictionary[Any, SharedTexts] = WeakKeyDictionary()


def text_box(view: View, label: str, field: str, on_change: Callable[..., Any], *, multiline: bool = False
             ) -> ValueElement:
    """A slide's text box: in share mode a ``SharedTextBox``, otherwise the framework's own."""
    if view.server.people is None:
        return (ui.textarea if multiline else ui.input)(label, on_change=on_change)
    if view not in _TEXTS:
        _TEXTS[view] = SharedTexts(view)
    box = _TEXTS[view].box(label, field, on_change)
    return box.props("type=textarea") if multiline else box


def show(box: ValueElement, value: str) -> None:
    """Show the selected slide's text ``value`` in ``box`` (a shared box's browser gets it as changes)."""
    if isinstance(box, SharedTextBox):
        box.texts.follow(box, value)
    else:
        box.value = value


def start_shared_text(view: View) -> None:
    """In this (connected) page: carets stay beside their text when merged text arrives, and words
    typed on this tab's previous page while it was offline are merged in (assets/shared_text.js)."""
    ui.run_javascript(_script())


def take_drafts(view: View) -> None:
    """Merge the words a tab typed offline before its page loaded again (call while building the page)."""
    def merge(e: GenericEventArguments) -> None:
        for draft in e.args if isinstance(e.args, list) else []:
            try:
                field, slide, base, value = draft["field"], int(draft["slide"]), str(draft["base"]), str(draft["value"])
            except (KeyError, TypeError, ValueError):
                continue
            view.attempt(view.document.put_back, field, slide, base, value, origin=view.person,
                         doing="adding what you typed while offline")
    ui.on("cs_drafts", merge)


@cache
def _script() -> str:
    return (ASSETS_DIR / "shared_text.js").read_text("utf-8")
