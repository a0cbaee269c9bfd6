"""CoDocument: the application's shared ``Document`` in share mode, merged by the CRDT engine.

It keeps every method of ``studio.app.Document``, so the studio's panels and actions do not
change; what changes is where an edit lands. Each person (the ``origin`` of their edits) has a
``Replica`` of the merged ``SharedDocument``: their edit is made on the carousel as *they* saw it
and committed as the smallest set of changes, then merged with everyone else's. A text box's new
value is merged character by character (``sync.type_into``). Undo and redo are per person.
``carousel`` is always the merged carousel: what every page shows and what autosave stores.
"""
from __future__ import annotations

import dataclasses
import functools
import inspect
import itertools
import time
import weakref
from collections.abc import Callable
from typing import Any
from weakref import WeakKeyDictionary

from ..app.document import Document, EditError, checked
from ..app.edit_history import typed_name
from ..app.slide_edits import refuse_name, refuse_part_texts, refuse_texts
from ..app.events import Changed, LookChanged, ProjectSwitched, SlideChanged
from ..carousel import Carousel
from ..history import History
from ..sources.cleanup import safe_text
from .document import PART_TEXTS, SLIDE_TEXTS, Replica, SharedDocument, closest
from .sync import not_placed, rebase, refuse_text, still_its_text, trim_merged, type_into

# Document methods that edit the carousel (each takes ``origin``, the person making the edit).
EDITS = ("rename", "set_setting", "set_typography", "set_brand", "use_brand", "set_cta_variant", "set_cta",
         "apply_settings", "set_slide_layout", "set_slide_image", "insert_post_as_slide", "add_post_to_slide",
         "replace_slide_with_post", "apply_image", "add_slide", "move_slide", "duplicate_slide", "delete_slide",
         "split_slide", "merge_with_next", "set_thread", "replace")

Notice = Callable[[str], Any]


class _Studio:
    """The origin of edits no person made (an import laid out by the studio itself)."""

    name = "The studio"
    slide = 0


_STUDIO = _Studio()


class CoDocument(Document):
    """A ``Document`` whose edits go through each person's replica of one merged CRDT document."""

    def __init__(self, carousel: Carousel, project_id: str | None = None, history: History | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._replicas = _People()
        self._notices = _People()
        self._editing: Replica | None = None
        self._action: str | None = None  # the edit being made through a replica (``_through_replica``)
        self._merged_into_next = False  # the merge being made keeps the second slide (``_kept_ids``)
        super().__init__(carousel, project_id, history, clock)

    def _open(self, carousel: Carousel, project_id: str | None, history: History | None) -> None:
        super()._open(carousel, project_id, history)
        self._merged_carousel = carousel  # one object for the project's life: autosave tracks it by identity
        if getattr(self, "hub", None) is not None:  # another project: no redo there brings a slide back now
            self.hub.forget_kept(everything=True)
        self.hub = SharedDocument(carousel)
        self._replicas = _People()  # everyone starts again on the newly opened carousel

    # -- people ---------------------------------------------------------------------------------

    def replica(self, origin: Any) -> Replica:
        """This person's replica (made when they first edit or look)."""
        origin = _STUDIO if origin is None else origin
        replica = _get(self._replicas, origin)
        if replica is None:
            replica = self.hub.replica(f"person-{next(_PEOPLE)}")  # (never an id(): one freed is reused)
            _put(self._replicas, origin, replica)
            replica.tellers.append(weakref.WeakMethod(self._tell))
        return replica

    def _tell(self, replica: Replica, text: str) -> bool:
        """Say ``text`` to the person of this replica, if they gave a way (``on_notice``)."""
        for origin, each in [*self._replicas.items(), *self._replicas.plain.items()]:
            notice = _get(self._notices, origin) if each is replica else None
            if notice is not None:
                notice(text)
                return True
        return False

    def on_notice(self, origin: Any, notice: Notice) -> None:
        """Tell this person (``notice(text)``) when someone deletes the slide they are on."""
        _put(self._notices, origin, notice)

    def slide_ids(self, origin: Any) -> list[str]:
        """The slide ids in this person's view, parallel to ``carousel.slides``."""
        return self.replica(origin).slide_ids()

    # -- edits ----------------------------------------------------------------------------------

    def _edit(self, key: Any = None) -> Carousel:
        self.pristine = False
        return self.carousel

    def _done(self, change: Changed) -> None:
        replica = self._editing or self.replica(change.origin)
        ids, self._merged_into_next = None, False
        if self._action in ("split_slide", "merge_with_next"):
            ids = self._kept_ids(replica, split=self._action == "split_slide")
        elif self._action in ("set_cta_variant", "apply_settings", "use_brand"):
            self._keep_typed_cta(replica, change.origin)
        replica.commit(self.carousel, who=_name(change.origin), ids=ids)
        self._merged(change)

    def _kept_ids(self, replica: Replica, *, split: bool) -> list[str | None] | None:
        """Which slide each new slide of a split or merge is written into: the part that holds the place where
        someone last typed keeps that slide (so their typing, sent or on its way, goes on in it, in order).
        Two people typing now in parts that go apart: EditError, nothing is done (do it when one pauses)."""
        old, ids = replica.read()
        new = self.carousel.slides
        k = next((i for i, (a, b) in enumerate(zip(old.slides, new)) if a != b), min(len(old.slides), len(new)) - 1)
        if split:
            cut = _cut(old.slides[k].body, new[k + 1].body)
            sides = {"title": 0, "alt_text": 0}
            side = lambda slide, field, at: sides.get(field, int(at >= cut))  # noqa: E731
            slides = [ids[k]]
        else:
            side = lambda slide, field, at: 0 if slide == ids[k] else None if field == "title" else 1  # noqa: E731
            slides = [ids[k], ids[k + 1]]
        carets = [(person, side(self.hub.carets[person].slide, field, at), now)
                  for person, field, at, now in self.hub.carets_in(slides)]
        chosen = next((where for _person, where, _now in carets if where is not None), None)
        # the presser's own typing reached the server before their click did: none of it can be torn
        typing = {where: person for person, where, now in reversed(carets) if now and person != replica.person}
        if len(typing) > 1 or None in typing:
            names = list(dict.fromkeys(self._person_name(person) for person, where, now in carets
                                       if now and person != replica.person))
            where = "in this slide" if split else "in these slides"
            who = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 2 else names)
            raise EditError(f"{who} {'is' if len(names) == 1 else 'are'} typing {where} right now, in "
                            f"words that would be torn apart: nothing was {'split' if split else 'merged'}. Try again "
                            "when they pause.")
        if not chosen:
            return None
        self._merged_into_next = True
        if split:  # the second part keeps the slide: the first is the new one, in front of it
            return [*ids[:k], None, *ids[k:]]
        return [*ids[:k], ids[k + 1], *ids[k + 2:]]

    def _person_name(self, person: str) -> str:
        for origin, replica in [*self._replicas.items(), *self._replicas.plain.items()]:
            if replica.person == person:
                return _name(origin)
        return "Someone"

    def _keep_typed_cta(self, replica: Replica, origin: Any) -> None:
        """A CTA text someone else is typing now stays as it reads: a variant, preset or brand picked changes the
        rest, never the words being typed (the picker is told)."""
        typing = {field: person for person, field, _at, now in self.hub.carets_in(["cta"])
                  if now and person != replica.person}
        kept = {field: replica.text("cta", field) for field in typing}
        if {field for field, text in kept.items() if text != getattr(self.carousel.cta, field)}:
            self.carousel.cta = dataclasses.replace(self.carousel.cta, **kept)
            notice = _get(self._notices, origin)
            if notice is not None:
                names = " and ".join(dict.fromkeys(self._person_name(p) for p in typing.values()))
                words = " and ".join(_CTA_WORDS[field] for field in ("headline", "subline", "button") if field in kept)
                notice(f"{names} {'is' if len(set(typing.values())) == 1 else 'are'} typing the outro's {words}: "
                       "kept as typed; the rest changed.")

    def flush(self) -> None:
        """Nothing waits to be recorded: every edit is merged at once."""

    @checked  # the plain studio's rule for its arguments' kinds
    def set_slide_text(self, index: int, *, title: str | None = None, body: str | None = None,
                       origin: Any = None) -> None:
        """A text box of slide ``index`` now reads this: merged character by character with others' typing."""
        self._type(index, {"title": title, "body": body}, origin)

    @checked  # the plain studio's rule for its arguments' kinds
    def set_slide_alt_text(self, index: int, alt_text: str, origin: Any = None) -> None:
        self._type(index, {"alt_text": alt_text}, origin)

    def _type(self, index: int, values: dict[str, str | None], origin: Any) -> None:
        replica = self.replica(origin)
        ids = replica.slide_ids()
        if not 0 <= index < len(ids):
            raise EditError(f"There is no slide {index + 1}; the carousel has {len(ids)}.")
        typed = {field: safe_text(value) for field, value in values.items() if value is not None}
        typed = {field: value for field, value in typed.items() if value != replica.text(ids[index], field)}
        if not typed:
            return
        refuse_texts(index, {field: replica.text(ids[index], field) for field in SLIDE_TEXTS}, typed)
        for field, value in typed.items():
            before = replica.text(ids[index], field)
            type_into(replica, ids[index], field, value)
            self._trim(replica, ids[index], field, before, origin)
        self.pristine = False
        # Nobody's echo: the typist's box is refilled too, since a text pushed to it may have crossed
        # this keystroke on the wire and now show there without it (the page sends it again).
        self._merged(SlideChanged(None, index, frozenset(typed)))

    @checked  # the plain studio's rule for its arguments' kinds
    def rename(self, name: str, origin: Any = None) -> None:
        """The project's name, merged character by character with others' typing."""
        name = typed_name(name)
        refuse_name(name)
        self._type_part("meta", {"name": name}, LookChanged(origin, "name"), origin)

    def set_cta(self, origin: Any = None, **values: Any) -> None:
        """The outro's headline, subline and button text merge character by character; its link as a whole."""
        texts = {k: safe_text(v) for k, v in values.items() if k in PART_TEXTS["cta"] and isinstance(v, str)}
        rest = {k: v for k, v in values.items() if k not in texts}
        if rest:
            _set_cta_values(self, origin, **rest)
        if texts:
            replica = self.replica(origin)
            refuse_part_texts("cta", {field: replica.text("cta", field) for field in texts}, texts)
            self._type_part("cta", texts, LookChanged(origin, "cta"), origin)

    def _type_part(self, part: str, values: dict[str, str], change: Changed, origin: Any) -> None:
        replica = self.replica(origin)
        typed = {field: value for field, value in values.items() if value != replica.text(part, field)}
        for field, value in typed.items():
            before = replica.text(part, field)
            type_into(replica, part, field, value)
            self._trim(replica, part, field, before, origin)
        if typed:
            self.pristine = False
            self._merged(change)

    def took_edit(self, slide_id: str, field: str, origin: Any = None) -> None:
        """This person's replica took an edit of a slide text, or of a part's (``sync.Channel``): merge it, tell
        every page."""
        if slide_id in PART_TEXTS:
            self.pristine = False
            self._merged(LookChanged(origin, _look(slide_id)))
            return
        ids = self.hub.slide_ids()
        if slide_id in ids:
            self.pristine = False
            index = ids.index(slide_id)
            self._merged(SlideChanged(origin, index, frozenset({field})), text=(index, slide_id, field))

    def put_back(self, slide_id: str, field: str, seen: list[str], value: str, near: int = 0,
                 origin: Any = None) -> str | None:
        """Typing a page had not heard answered when it went (it had to load again): its box had read one
        of ``seen`` and then read ``value``. Made on that box's text, merged with what others typed since.

        ``seen`` holds the last text the server sent that box; also the text the box sent, when nobody
        knows whether the server made it (it was restarted): the one closer to the text now is taken.
        A slide renamed by a restart is found again by its text, nearest slide ``near`` (when at least half of
        what the box showed is still there). A slide deleted or taken out since, or not found: nothing is made on
        any other slide, and the words are returned in a message to show (``not_placed``).
        """
        replica = self.replica(origin)
        if slide_id in PART_TEXTS:
            if field not in PART_TEXTS[slide_id]:
                return
            change: Changed = LookChanged(None, _look(slide_id))
        else:
            ids = replica.slide_ids()
            if field not in SLIDE_TEXTS or not ids:
                return
            if slide_id in ids:
                index = ids.index(slide_id)
            elif replica.holds(slide_id) or slide_id in self.hub.removed_by:  # deleted, or taken out by an undo
                return _unless_made(seen, safe_text(value), replica.text(slide_id, field), near)
            else:  # renamed by a restart: the slide whose text changed least since one ``seen`` text; the nearest
                pairs = [(i, text) for i in range(len(ids)) for text in seen]
                index, was = closest(pairs, lambda pair: (pair[1], replica.text(ids[pair[0]], field)),
                                     lambda pair: abs(pair[0] - near))
                if not still_its_text(was, replica.text(ids[index], field)):  # its slide is gone
                    return _unless_made(seen, safe_text(value), "", near)
            slide_id, change = ids[index], SlideChanged(None, index, frozenset({field}))
        current = replica.text(slide_id, field)
        base = closest(seen, lambda text: (text, current))
        text = rebase(base, safe_text(value), current)
        refuse_text(replica, slide_id, field, text)
        replica.set_text(slide_id, field, text)
        self._trim(replica, slide_id, field, current, origin)
        self.pristine = False
        self._merged(change)

    def _trim(self, replica: Replica, slide_id: str, field: str, before: str, origin: Any) -> None:
        """A text this person's typing merged past its cap is kept whole (drawn cut); they are told."""
        told = trim_merged(replica, slide_id, field, before)
        notice = _get(self._notices, origin)
        if told and notice is not None:
            notice(told)

    # -- undo, per person -------------------------------------------------------------------------

    def undo(self, origin: Any = None) -> bool:
        """Undo this person's last edit (never anyone else's)."""
        replica = self.replica(origin)
        return self._step(lambda: replica.undo(_name(origin)), origin)

    def redo(self, origin: Any = None) -> bool:
        replica = self.replica(origin)
        return self._step(lambda: replica.redo(_name(origin)), origin)

    def _step(self, step: Callable[[], bool], origin: Any) -> bool:
        if not step():
            return False
        self._merged(ProjectSwitched(origin))
        return True

    @property
    def can_undo(self) -> bool:
        return True  # per person: the undo button asks ``undo(origin)``, which says if there was anything

    @property
    def can_redo(self) -> bool:
        return True

    def announce(self, change: Changed) -> None:
        """Every event says it is about this document: pages showing another project leave it (``desks.concerns``)."""
        super().announce(change if change.document is not None else dataclasses.replace(change, document=self))

    # -- merging ----------------------------------------------------------------------------------

    def _show_merged(self) -> None:
        """``carousel`` reads the merged document (the same object, its fields replaced)."""
        merged = self.hub.carousel()
        for field in dataclasses.fields(Carousel):
            setattr(self._merged_carousel, field.name, getattr(merged, field.name))
        self.carousel = self._merged_carousel

    def _show_text(self, index: int, slide_id: str, field: str) -> None:
        """``carousel`` reads the merged document, where only this slide text changed (a keystroke:
        reading the whole carousel again cost most of its time)."""
        slides = list(self._merged_carousel.slides)
        slides[index] = dataclasses.replace(slides[index], **{field: self.hub.text(slide_id, field)})
        self._merged_carousel.slides = slides
        self.carousel = self._merged_carousel

    def _merged(self, change: Changed, text: tuple[int, str, str] | None = None) -> None:
        """Everyone's replica takes in the merged document before their page redraws. ``text``: only
        this slide text changed (index, slide id, field)."""
        if text is not None and len(self._merged_carousel.slides) == len(self.hub.slide_ids()):
            self._show_text(*text)
        else:
            self._show_merged()
        for origin, replica in [*self._replicas.items(), *self._replicas.plain.items()]:
            ids = replica.slide_ids()
            where = getattr(origin, "slide", None)
            was_on = ids[where] if isinstance(where, int) and 0 <= where < len(ids) else None
            replica.pull()
            if was_on is not None and was_on not in replica.slide_ids():
                self._deleted_under(origin, replica, was_on)
        self.announce(change)

    def _deleted_under(self, origin: Any, replica: Replica, slide: str) -> None:
        """The slide this person was on is gone: say who deleted it (unless it was them)."""
        who = replica.deleted_by(slide)
        notice = _get(self._notices, origin)
        if notice is not None and who is not None and who != _name(origin):
            if self._action == "merge_with_next":  # its words are in the merged slide, not gone
                other = "after" if self._merged_into_next else "before"
                notice(f"{who} merged the slide you were on with the slide {other} it; its words are there now.")
            else:
                notice(f"{who} deleted the slide you were on.")


_CTA_WORDS = {"headline": "headline", "subline": "subline", "button": "button text"}
_PEOPLE = itertools.count(1)  # each person's replica name, never given twice


class _People(WeakKeyDictionary):
    """Per person: dropped with the person (a closed tab); origins that cannot be weakly held (text) kept."""

    def __init__(self) -> None:
        super().__init__()
        self.plain: dict[Any, Any] = {}


def _get(people: _People, origin: Any) -> Any:
    try:
        return people.get(origin)
    except TypeError:
        return people.plain.get(origin)


def _put(people: _People, origin: Any, value: Any) -> None:
    try:
        people[origin] = value
    except TypeError:
        people.plain[origin] = value


def _look(part: str) -> str:
    """What a ``LookChanged`` names for a change of this part's text."""
    return "name" if part == "meta" else part


def _name(origin: Any) -> str:
    return getattr(origin, "name", "") or "Someone"


def _through_replica(name: str) -> Callable[..., Any]:
    """Make ``Document.<name>`` on the carousel as this person saw it, then merge (see ``_done``)."""
    base = getattr(Document, name)
    signature = inspect.signature(base)

    @functools.wraps(base)
    def edit(self: CoDocument, *args: Any, **kwargs: Any) -> Any:
        origin = signature.bind(self, *args, **kwargs).arguments.get("origin")
        self._editing = replica = self.replica(origin)
        self._action = name
        self.carousel = replica.carousel()
        try:
            return base(self, *args, **kwargs)  # ends in _done, which merges and sets the merged carousel
        except BaseException:
            self._show_merged()
            raise
        finally:
            self._editing = self._action = None
    return edit


for _name_ in EDITS:
    if _name_ in ("rename", "set_cta"):  # their texts merge character by character (above)
        continue
    setattr(CoDocument, _name_, _through_replica(_name_))
_set_cta_values = _through_replica("set_cta")  # the CTA's link (and variant), as a whole


def _cut(body: str, second: str) -> int:
    """Where in ``body`` the second part of its split (``second``) starts."""
    if body.endswith(second):
        return len(body) - len(second)
    core = body.rstrip()
    return len(core) - len(second) if core.endswith(second) else len(core)


def _unless_made(seen: list[str], value: str, current: str, near: int) -> str | None:
    """The words of typing whose slide is gone, to show; None when they are already in its text (``current``: an
    undo brings it back with them)."""
    if current and rebase(closest(seen, lambda text: (text, current)), value, current) == current:
        return None
    return not_placed(value, near)
