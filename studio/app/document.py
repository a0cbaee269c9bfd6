"""Document: the shared carousel every open browser edits.

One ``Document`` holds the carousel being edited, its project id and its undo history. Every edit
goes through a method here, which records an undo step, mutates the carousel and announces a typed
event (``studio.app.events``) to every subscriber — the studio's pages subscribe, so all open
browsers redraw when any one of them edits. Per-person state (selection, open panels) lives in
``Person`` (``studio.app.person``).

The edits are grouped by what the creator is doing, one part (and module) each, composed in ``Document``:

- ``edit_history``: opening, replacing, renaming, undo and redo, and the undo-step protocol;
- ``look_edits``: format, layout, theme, pattern, typography, brand and CTA (every slide redraws);
- ``slide_edits``: one slide's text, alt text, layout and photo;
- ``slide_order``: the slide strip (add, move, duplicate, delete, split, merge);
- ``post_placement``: the imported thread, and its posts dropped onto slides.

Nothing in these modules knows about NiceGUI.
"""
from __future__ import annotations

import functools
import inspect
import time
import types
import typing
from collections.abc import Callable
from typing import Any

from ..carousel import Carousel
from ..history import History
from .edit_history import COALESCE_SECONDS, EditError, EditHistory, Listener
from .look_edits import LookEdits
from .post_placement import POST_FIELDS, PostPlacement, slide_from_post
from .slide_edits import SlideEdits
from .slide_order import SlideOrder, split_text

__all__ = ["COALESCE_SECONDS", "POST_FIELDS", "Document", "EditError", "EditHistory", "Listener", "slide_from_post",
           "split_text"]


def _by(part: str, method: Callable[..., Any]) -> Callable[..., Any]:
    """``Document.<name>``: the edit ``method`` of the part ``part`` (same signature and docstring)."""
    name = method.__name__
    refuse = _refuse_arguments(method)

    @functools.wraps(method)
    def edit(self: Document, *args: Any, **kwargs: Any) -> Any:
        refuse(args, kwargs)
        return getattr(getattr(self, part), name)(*args, **kwargs)
    return edit


_WORDS = {int: "a whole number", str: "text", bool: "true or false"}


def _refuse_arguments(method: Callable[..., Any]) -> Callable[[tuple, dict], None]:
    """A check that an edit's arguments fit ``method``'s signature and its plain types (int, str, bool, or
    None where allowed): EditError otherwise. A browser's event may carry any JSON; a slide number given as
    text or a title given as a list was a TypeError deep in the edit."""
    signature = inspect.signature(method)
    try:
        hints = typing.get_type_hints(method)
    except (NameError, TypeError):
        hints = {}
    plain: dict[str, tuple[type, bool]] = {}
    for name, hint in hints.items():
        args = typing.get_args(hint) if typing.get_origin(hint) in (typing.Union, types.UnionType) else ()
        optional = type(None) in args
        inner = [a for a in args if a is not type(None)]
        hint = inner[0] if optional and len(inner) == 1 else hint
        if hint in _WORDS:
            plain[name] = (hint, optional)

    def refuse(args: tuple, kwargs: dict) -> None:
        try:
            bound = signature.bind(None, *args, **kwargs)
        except TypeError as exc:
            raise EditError(f"That edit was not made: {exc}.") from None
        for name, value in bound.arguments.items():
            if name in plain and not (value is None and plain[name][1]) and type(value) is not plain[name][0]:
                raise EditError(f"That edit was not made: {name} must be {_WORDS[plain[name][0]]}, "
                                f"not {type(value).__name__}.")
    return refuse


class Document(EditHistory):
    """The carousel being edited plus its project id and undo history; every edit announces a ``Change``.

    ``EditHistory`` holds the carousel, the listeners and the undo protocol; the edits are made by four
    parts that share it (``look``, ``slide_edits``, ``order``, ``posts``), and every one of them is offered
    here under its own name, the document's whole public surface.
    ``clock`` (seconds, monotonic) decides which keystrokes are one undo step; tests inject their own.
    """

    def __init__(self, carousel: Carousel, project_id: str | None = None,
                 history: History | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(carousel, project_id, history, clock)
        self.look = LookEdits(self)
        self.slide_edits = SlideEdits(self)
        self.order = SlideOrder(self)
        self.posts = PostPlacement(self)

    # how the whole carousel looks
    set_setting = _by("look", LookEdits.set_setting)
    set_typography = _by("look", LookEdits.set_typography)
    set_brand = _by("look", LookEdits.set_brand)
    set_cta = _by("look", LookEdits.set_cta)
    use_brand = _by("look", LookEdits.use_brand)
    set_cta_variant = _by("look", LookEdits.set_cta_variant)
    apply_settings = _by("look", LookEdits.apply_settings)
    # one slide
    set_slide_text = _by("slide_edits", SlideEdits.set_slide_text)
    set_slide_alt_text = _by("slide_edits", SlideEdits.set_slide_alt_text)
    set_slide_layout = _by("slide_edits", SlideEdits.set_slide_layout)
    set_slide_image = _by("slide_edits", SlideEdits.set_slide_image)
    # the slide strip
    add_slide = _by("order", SlideOrder.add_slide)
    move_slide = _by("order", SlideOrder.move_slide)
    duplicate_slide = _by("order", SlideOrder.duplicate_slide)
    delete_slide = _by("order", SlideOrder.delete_slide)
    split_slide = _by("order", SlideOrder.split_slide)
    merge_with_next = _by("order", SlideOrder.merge_with_next)
    # the source thread's posts
    post = _by("posts", PostPlacement.post)
    set_thread = _by("posts", PostPlacement.set_thread)
    insert_post_as_slide = _by("posts", PostPlacement.insert_post_as_slide)
    add_post_to_slide = _by("posts", PostPlacement.add_post_to_slide)
    replace_slide_with_post = _by("posts", PostPlacement.replace_slide_with_post)
    apply_image = _by("posts", PostPlacement.apply_image)
