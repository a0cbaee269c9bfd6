"""A slide's text boxes in a shared studio: keystrokes travel as changes, merged text arrives as changes.

In share mode the title, text and alt text boxes are ``SharedTextBox``es (assets/shared_text_box.js):
the browser sends what a keystroke changed (positions and letters), and the server answers with the
merged document's own changes of the box, through a ``studio.share.sync.Channel`` on the person's
replica (``SharedTexts``, one per page). A whole text travels only when a box first shows a slide,
or after slides were added, removed or moved. The caret stays beside its characters when merged
text arrives. Typing the server has not answered is kept in the tab (sessionStorage) and sent again
by the page loaded after it (a reload: the connection timed out, the server was restarted); the
server makes it once, knowing which edits of that page it made (``Made``).
"""
from __future__ import annotations

import asyncio
import json
import logging
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary, WeakSet

from nicegui import ui
from nicegui.elements.mixins.value_element import ValueElement
from nicegui.events import GenericEventArguments, ValueChangeEventArguments, handle_event

from studio import ASSETS_DIR
from studio.app import Document, EditError, Saved
from studio.share.document import PART_TEXTS, SLIDE_TEXTS, Replica, changes, closest
from studio.share.sync import Channel, Edits, Message, not_placed, rebase, still_its_text
from studio.sources.cleanup import safe_text

from . import view as views
from .view import run_unless_closed

if TYPE_CHECKING:
    from .view import Clock, View

log = logging.getLogger("carousel_studio")


class SharedTextBox(ui.input, component=ASSETS_DIR / "shared_text_box.js"):
    """A text box of the selected slide whose browser sends changes, never its whole text.

    ``value`` is the merged text last shown, kept on the server only (it is never sent to the
    browser). Setting it, as a test's simulated browser without scripts does, counts as the
    person typing that whole text (the ``on_change`` handler).
    """

    def __init__(self, texts: SharedTexts, label: str | None, field: str, on_change: Callable[..., Any],
                 part: str | None = None) -> None:
        super().__init__(label, on_change=on_change)
        self.texts, self.field, self.part = texts, field, part
        self.slide: str | None = None  # the slide the browser's box shows (a part's box: the part's name)
        self.project: str | None = None  # the project the browser's box was told it shows
        self._props["field"] = field
        self.on("edit", lambda e: texts.edited(self, e.args))

    def _handle_value_change(self, value: Any) -> None:
        args = ValueChangeEventArguments(sender=self, client=self.client, value=value, previous_value=None)
        for handler in self._change_handlers:
            handle_event(handler, args)


class SharedTexts:
    """One page's shared text boxes, and the ``Channel`` that keeps them in step with its person's replica."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.boxes: list[SharedTextBox] = []
        self.channel: Channel | None = None
        self._outbox: list[Message] = []
        self._woken = False
        self._took: set[tuple[str, str]] = set()  # boxes edited here whose redraw every page still has to hear
        view.client.on_delete(self.close)
        # this value holds its view, the weak key of its ``_TEXTS`` entry: else the entry and page never went
        view.client.on_delete(lambda: _TEXTS.pop(view, None))

    def box(self, label: str | None, field: str, on_change: Callable[..., Any], part: str | None) -> SharedTextBox:
        self.boxes.append(SharedTextBox(self, label, field, on_change, part))
        return self.boxes[-1]

    def follow(self, box: SharedTextBox, value: str) -> None:
        """``box`` shows its part's text, or the selected slide's (merged text: ``value``), and its changes from now on."""
        box.value = value
        view = self.view
        replica = view.document.replica(view.person)
        if self.channel is None or self.channel.replica is not replica:  # another project, or opened again
            self._open(replica)
        ids = replica.slide_ids()
        if box.part is None and not 0 <= view.selected < len(ids):
            return
        self._watch(box, box.part or ids[view.selected])

    def _open(self, replica: Replica) -> None:
        """A channel to this replica; every box starts again (a part's box at once: its text is no slide's)."""
        self.close()
        self.channel = Channel(replica, self._outbox.append, self._wake,
                               lambda text: self.view.notify(text, type="warning"))
        MADE.page(self.view.client.id)
        for each in self.boxes:
            each.slide = None
            each.run_method("reset")
        for each in self.boxes:
            if each.part is not None:
                each.value = replica.text(each.part, each.field)
                self._watch(each, each.part)

    def _watch(self, box: SharedTextBox, slide: str) -> None:
        assert self.channel is not None
        if (slide, box.field) not in self.channel.sent:
            self.channel.watch(slide, box.field)
        elif box.part is not None and box.slide != slide:  # a second box of a part's text (two panels show it):
            self.channel.send_whole(slide, box.field)    # it starts from the whole text too
        self.channel.refresh()  # this person's own undo, or a change made in their name, is sent too
        self._flush()
        if box.slide != slide:
            box.slide, box.project = slide, self.view.document.project_id
            box.run_method("follow", slide, 0 if box.part else self.view.selected, box.project)

    def edited(self, box: SharedTextBox, change: Any) -> None:
        """The browser's box changed: make that change on the person's replica, answer, tell every page."""
        try:
            slide, edits, base, seq = _edit(change)
        except (KeyError, TypeError, ValueError):
            log.warning("ignored a malformed text edit from a browser")
            return
        if self.channel is None or (slide, box.field) not in self.channel.sent:
            return  # a box of a project this page has left
        if box.project != self.view.document.project_id:  # saved for the first time: its typing is kept under its id
            box.project = self.view.document.project_id
            box.run_method("know", box.project)
        try:
            self.channel.edit(slide, box.field, edits, base, seq)
            MADE.made(self.view.client.id, (slide, box.field), seq)
        except EditError as exc:  # over a cap: the person is told (their typing quoted); the channel answered the
            self.view.notify(str(exc), type="warning")  # edit and sent their box the document's text again
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
        for box in self.boxes:  # (a part's fields are named unlike a slide's)
            mine = [m for m in messages if m["field"] == box.field]
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
_KEEPING: WeakSet[Any] = WeakSet()  # pages whose tab keeps unanswered typing


class KeptTextBox(ui.input):
    """The plain studio's text box: its tab keeps what it typed (assets/kept_text.js) until the server has
    saved it (``Unsaved``) or a page loaded again has sent it back; the server notes what it heard from each
    page (``Made.heard``)."""

    def __init__(self, view: View, label: str | None, field: str, on_change: Callable[..., Any],
                 part: str | None = None) -> None:
        super().__init__(label, on_change=on_change)
        self.view, self.field, self.part = view, field, part
        self._props["data-cs-keep"] = f"{part or 'slide'}:{field}"

    def _event_args_to_value(self, e: GenericEventArguments) -> Any:
        value = super()._event_args_to_value(e)
        slide = self._props.get("data-cs-slide", "")  # the slide the box shows now, not when the text is saved
        MADE.heard(self.view.client.id, (self.part or str(self.view.selected), self.field), value or "")
        UNSAVED[self.view].heard(self._props["data-cs-keep"], slide, value or "")
        return value

    def shows(self, value: str) -> None:
        """Show ``value``, and tell the browser which slide and project it belongs to (what its tab keeps)."""
        self._props["data-cs-slide"] = "" if self.part else str(self.view.selected)
        self._props["data-cs-project"] = self.view.document.project_id or ""
        self.value = value


class Unsaved:
    """The plain studio page's texts heard and perhaps not on disk yet. Its tab forgets a box's kept typing
    (``csTaken``) only once the autosaver has written it: a crash (kill -9, power loss) between the keystroke
    and the save loses nothing, and typing heard and then undone does not come back with the tab's next page."""

    RETRY = 0.2  # seconds: a save is ending (its thread still holds the autosaver)

    def __init__(self, view: View) -> None:
        self.view = view
        self._heard: dict[tuple[str, str], str] = {}  # (box, slide) -> the last text heard from it
        view.server.changed.subscribe(self._event)  # (inside the page: dropped with it)
        view.client.on_delete(lambda: UNSAVED.pop(view, None))  # this value holds its key: else neither went

    def heard(self, keep: str, slide: str, value: str) -> None:
        """The box ``keep`` showing ``slide`` sent ``value``; its tab forgets it once it is saved."""
        self._heard[(keep, slide)] = value

    def _event(self, event: Any) -> None:
        if isinstance(event, Saved) and self._heard:
            self._check()

    def _check(self) -> None:
        """Send ``csTaken`` for every text heard when nothing heard so far is left to write."""
        if not self._heard or self.view.client._deleted:  # noqa: SLF001 - the tab closed meanwhile
            return
        studio = self.view.studio
        studio.projects.hand_over_typing()  # typing held back a moment is handed to the autosaver now
        if studio.autosaver.project_waiting():
            return  # its save announces Saved again
        if studio.autosaver.saving:  # a save under way may hold what was heard
            asyncio.get_running_loop().call_later(self.RETRY, run_unless_closed, self._check)
            return
        heard, self._heard = self._heard, {}
        calls = (f"csTaken({json.dumps(keep)}, {json.dumps(slide)}, {json.dumps(value)});"
                 for (keep, slide), value in heard.items())
        self.view.client.run_javascript("".join(calls))


UNSAVED: WeakKeyDictionary[Any, Unsaved] = WeakKeyDictionary()


def text_box(view: View, label: str | None, field: str, on_change: Callable[..., Any], *, multiline: bool = False,
             part: str | None = None) -> ValueElement:
    """A slide's text box (or, with ``part``, one of ``PART_TEXTS``: ``"cta"`` or ``"meta"``): in share mode a
    ``SharedTextBox``, otherwise a ``KeptTextBox``; either way its tab keeps what the server did not take."""
    if view not in _KEEPING:
        _KEEPING.add(view)
        _keep_typing(view)
    if view.server.people is None:
        box: ValueElement = KeptTextBox(view, label, field, on_change, part)
    else:
        if view not in _TEXTS:
            _TEXTS[view] = SharedTexts(view)
        box = _TEXTS[view].box(label, field, on_change, part)
    return box.props("type=textarea") if multiline else box


def _keep_typing(view: View) -> None:
    """Once a page: its tab keeps unanswered typing (kept_text.js); share mode's boxes keep their caret beside
    their text from the start (shared_text.js). The plain studio's page, once connected, sends what its earlier
    page kept (share mode's does it once it knows who is here: components/presence.py)."""
    ui.add_head_html(_head_scripts(view.server.people is not None))
    if view.server.people is None:
        MADE.page(view.client.id)
        UNSAVED[view] = Unsaved(view)
        take_unanswered(view)
        view.client.on_connect(lambda: view.client.run_javascript(SEND_UNANSWERED))


def show(box: ValueElement, value: str) -> None:
    """Show the text ``value`` in ``box`` (a shared box's browser gets it as changes)."""
    if isinstance(box, SharedTextBox):
        box.texts.follow(box, value)
    elif isinstance(box, KeptTextBox):
        box.shows(value)
    else:
        box.value = value


def resend(box: ValueElement) -> None:
    """Send a plain box's value to its browser again: set inside the box's own change handler (an edit refused),
    NiceGUI sends an input nothing, and the browser would go on showing the refused words."""
    if not isinstance(box, SharedTextBox):  # (a shared box's browser gets changes)
        box.update()
        box.run_method("updateValue")


SEND_UNANSWERED = "csSendUnanswered()"  # (assets/kept_text.js)


def start_shared_text(view: View) -> None:
    """In this (connected) page: words typed on this tab's previous page and never answered are merged in."""
    ui.run_javascript(SEND_UNANSWERED)


class Made:
    """Which edits the server made, per page and box (the last ``seq``), and which pages' unanswered typing
    was made since: what a page loaded again sends is made once (kept for the latest pages only, and for a
    deleted page ``GONE_S`` more)."""

    PAGES = 512
    # A deleted page (10 s without its browser) is remembered this much longer: its tab reloading meanwhile has its
    # kept typing merged; later it is taken whole, as after a restart. Kept for good, each page's few dicts, made
    # among its objects, pinned heap pages after the page's own memory went back (issue 13: +1 MB a wave of ten).
    GONE_S = 30.0
    RECENT = 8  # texts heard from one box remembered (by hash) after the last

    def __init__(self) -> None:
        self._seqs: OrderedDict[str, dict[tuple[str, str], int]] = OrderedDict()
        self._heard: dict[str, dict[tuple[str, str], str]] = {}  # the plain studio: each box's last text heard
        # and the hashes of its latest texts heard: a text the server replaced since (an undo) is still known heard
        self._recent: dict[str, dict[tuple[str, str], deque[int]]] = {}
        self._taken: OrderedDict[str, None] = OrderedDict()  # storage keys of the typing taken back

    def page(self, page: str) -> None:
        self._seqs.setdefault(page, {})
        self._seqs.move_to_end(page)
        while len(self._seqs) > self.PAGES:
            oldest = self._seqs.popitem(last=False)[0]
            self._heard.pop(oldest, None)
            self._recent.pop(oldest, None)

    def gone(self, page: str, then: Callable[[], None], clock: Clock | None = None) -> None:
        """A page was deleted: its record goes ``GONE_S`` later, and then ``then`` runs (a memory tidy-up)."""
        def forget() -> None:
            self._seqs.pop(page, None)
            self._heard.pop(page, None)
            self._recent.pop(page, None)
            then()
        (clock or views.CLOCK).start_timer(self.GONE_S, forget)

    def heard(self, page: str, key: tuple[str, str], value: str) -> None:
        """The plain studio: a page's box (key: slide index or part, field) sent this text."""
        self.page(page)
        self._heard.setdefault(page, {})[key] = value
        self._recent.setdefault(page, {}).setdefault(key, deque(maxlen=self.RECENT)).append(hash(value))

    def heard_last(self, typing: Unanswered) -> str | None:
        """The plain studio: what the server last heard from the box whose typing this is (its text before the
        typing, when nothing); None when this server never knew the page (it was restarted)."""
        if typing.page not in self._seqs:
            return None
        key = (typing.slide or str(typing.index), typing.field)
        if hash(typing.value) in self._recent.get(typing.page, {}).get(key, ()):
            # heard, and then replaced by the server (undone, say): the box echoed the new text after it
            return typing.value
        return self._heard.get(typing.page, {}).get(key, typing.base)

    def made(self, page: str, key: tuple[str, str], seq: int) -> None:
        self.page(page)
        self._seqs[page][key] = max(seq, self._seqs[page].get(key, 0))

    def seen(self, typing: Unanswered) -> list[str]:
        """What the box may have read before ``typing.value``: the text it sent when the server made it,
        the text before otherwise, both when this server never knew the page (it was restarted)."""
        if typing.sent is None:
            return [typing.base]
        page = self._seqs.get(typing.page)
        if page is None:
            return [typing.base, typing.sent]
        return [typing.sent] if page.get((typing.slide, typing.field), 0) >= typing.seq else [typing.base]

    def take(self, key: str) -> bool:
        """True the first time this stored typing comes back (a page can send it again before it forgets it)."""
        if key in self._taken:
            return False
        self._taken[key] = None
        while len(self._taken) > self.PAGES:
            self._taken.popitem(last=False)
        return True


MADE = Made()


@dataclass(frozen=True)
class Unanswered:
    """A box's typing a page had not heard answered, as its tab kept it (assets/shared_text_box.js)."""

    key: str
    page: str
    project: str | None
    slide: str
    index: int
    field: str
    base: str   # the last text the server sent the box
    sent: str | None  # the text it sent (edit ``seq``), not answered; None: nothing in flight
    seq: int
    value: str  # what the box read last

    @classmethod
    def read(cls, data: Any) -> Unanswered:
        """From the browser's entry (ValueError, KeyError or TypeError when it is malformed)."""
        texts = [data[name] for name in ("key", "page", "slide", "field", "base", "value")]
        if not all(isinstance(text, str) for text in texts) or not isinstance(data["sent"], (str, type(None))) \
                or not isinstance(data["project"], (str, type(None))):
            raise ValueError("malformed")
        return cls(key=data["key"], page=data["page"], project=data["project"], slide=data["slide"],
                   index=int(data["index"]), field=data["field"], base=data["base"], sent=data["sent"],
                   seq=int(data["seq"]), value=data["value"])


def take_unanswered(view: View) -> None:
    """Make the typing this tab's earlier page had not heard answered, once (call while building the page)."""
    def merge(e: GenericEventArguments) -> None:
        keys = []
        for data in e.args if isinstance(e.args, list) else []:
            try:
                typing = Unanswered.read(data)
            except (KeyError, TypeError, ValueError):
                log.warning("ignored malformed unanswered typing from a browser")
                continue
            keys.append(typing.key)
            if not MADE.take(typing.key):
                continue
            if typing.project not in (None, view.document.project_id):  # (None: not saved then)
                _put_back_elsewhere(view, typing)
            elif view.server.people is None:
                _show_not_placed(view, view.attempt(put_back_plain, view.document, typing, MADE.heard_last(typing),
                                                    doing="adding what you typed before the page loaded again"))
            else:
                _show_not_placed(view, view.attempt(
                    view.document.put_back, typing.slide, typing.field, MADE.seen(typing), typing.value, typing.index,
                    origin=view.person, doing="adding what you typed before the page loaded again"))
        view.client.run_javascript(f"csForget({json.dumps(keys)})")
    ui.on("cs_unanswered", merge)


def _show_not_placed(view: View, told: Any) -> None:
    """Typing kept across a reload whose slide is gone: its words, shown until closed (``not_placed``)."""
    if isinstance(told, str):
        view.notify(told, type="warning", timeout=0, close_button="Close", multi_line=True)


def put_back_plain(document: Document, typing: Unanswered, heard: str | None) -> str | None:
    """The plain studio: typing the server never heard, made on the text now (merged with what changed since
    the server last heard from that box: ``heard``; None, when the server has no record of the page: merged
    against the text before the typing, ``merge_base``, or shown in a message when that is uncertain).
    A slide is found by its text nearest the old index, so slides moved meanwhile do not mislead it; one whose
    text kept less than half of what the box showed is another slide (its own was deleted): nothing is made,
    and the words are returned in a message to show. A box that showed no text goes by its index alone, and only
    to a slide whose text there is still empty (never writing over a slide's words by place)."""
    value = safe_text(typing.value)
    if heard == value:
        return
    carousel = document.carousel
    if typing.slide in PART_TEXTS:
        if typing.field not in PART_TEXTS[typing.slide]:
            return
        current = carousel.name if typing.slide == "meta" else getattr(carousel.cta, typing.field)
        base = heard if heard is not None else merge_base(typing.base, value, current)
        if base is None:
            return not_merged(value)
        text = rebase(base, value, current)
        if text == current:
            return
        if typing.slide == "meta":
            document.rename(text)
        else:
            document.set_cta(**{typing.field: text})
        return
    slides = carousel.slides
    if typing.field not in SLIDE_TEXTS or not slides:
        return
    seen = typing.base if heard is None else heard
    if seen:
        index = closest(range(len(slides)), lambda i: (seen, getattr(slides[i], typing.field)),
                        lambda i: abs(i - typing.index))
    else:
        index = typing.index
    if not 0 <= index < len(slides):
        return not_placed(value, typing.index)
    current = getattr(slides[index], typing.field)
    base = heard if heard is not None else merge_base(typing.base, value, current)
    text = None if base is None else rebase(base, value, current)
    if text == current or value == current:  # (already there)
        return
    if not still_its_text(seen, current):  # its slide is gone (or, by place alone, another slide's words are there)
        return not_placed(value, typing.index)
    if text is None:
        return not_merged(value)
    if typing.field == "alt_text":
        document.set_slide_alt_text(index, text)
    else:
        document.set_slide_text(index, **{typing.field: text})


def merge_base(base: str, typed: str, current: str) -> str | None:
    """With no record of what the server heard from a box (its page forgotten, the server restarted): the text to
    merge the box's typing (``base`` to ``typed``) against, so that words written since are kept and the typing is
    made once. ``base``, when nothing changed where the typing was; ``base`` with the changes made there when they
    are the typing's own beginning (the server heard part of it); None when someone else's changes meet the typing
    (which words are whose is uncertain: the words are shown rather than written)."""
    mine = changes(base, typed)
    if not mine or current == base:
        return base
    first, last = mine[0][0], mine[-1][1]
    met = [(start, end, insert) for start, end, insert in changes(base, current) if start <= last and end >= first]
    if not met:
        return base
    heard, at = [], 0
    for start, end, insert in met:
        heard += [base[at:start], insert]
        at = end
    heard.append(base[at:])
    candidate = "".join(heard)
    return candidate if _on_the_way(base, candidate, typed) else None


def _on_the_way(base: str, text: str, typed: str) -> bool:
    """Whether ``text`` can be the box's text part way through typing from ``base`` to ``typed``: the typing's
    beginning followed by the end of ``base``."""
    ahead = len(_common_start(text, typed))
    behind = len(_common_start(text[::-1], base[::-1]))
    return ahead + behind >= len(text)


def _common_start(one: str, other: str) -> str:
    at = 0
    while at < min(len(one), len(other)) and one[at] == other[at]:
        at += 1
    return one[:at]


def not_merged(typed: str) -> str:
    """What to tell a person whose typing kept across a reload met changes made meanwhile at the same place."""
    return (f"What you typed before the page loaded again met changes made meanwhile at the same place, so it was "
            f"not added, to keep both safe. The box read: “{typed}”. Copy it from here if you need it.")


def _put_back_elsewhere(view: View, typing: Unanswered) -> None:
    """Typing kept for a project this page no longer shows (it switched project meanwhile): share mode puts it
    back into that project (``PersonalStudio.document_of``); otherwise, or when that fails, the words are shown."""
    document_of = getattr(view.studio, "document_of", None)
    if document_of is not None:
        try:
            _show_not_placed(view, document_of(typing.project).put_back(
                typing.slide, typing.field, MADE.seen(typing), typing.value, typing.index, origin=view.person))
            return
        except Exception:  # noqa: BLE001 - a project deleted or damaged since: the words are shown instead
            log.warning("could not put typing back into project %s", typing.project, exc_info=True)
    view.notify(f"Words you typed in a project this page no longer shows could not be added to it: "
                f"“{typing.value}”. Copy them from here if you need them.",
                type="warning", timeout=0, close_button="Close", multi_line=True)


@cache
def _head_scripts(shared: bool) -> str:
    names = ("kept_text.js", "shared_text.js") if shared else ("kept_text.js",)
    return "".join(f"<script>{(ASSETS_DIR / name).read_text('utf-8')}</script>" for name in names)
