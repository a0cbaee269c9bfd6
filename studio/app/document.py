"""Document: the shared carousel every open browser edits.

One ``Document`` holds the carousel being edited, its project id and its undo history. Every edit
goes through a method here, which records an undo step, mutates the carousel and announces a typed
event (``studio.app.events``) to every subscriber — the studio's pages subscribe, so all open
browsers redraw when any one of them edits. Per-person state (selection, open panels) lives in
``Person`` (``studio.app.person``).

The edits are grouped by what the creator is doing, one module each:

- ``edit_history``: opening, replacing, renaming, undo and redo, and the undo-step protocol;
- ``look_edits``: format, layout, theme, pattern, typography, brand and CTA (every slide redraws);
- ``slide_edits``: one slide's text, alt text, layout and photo;
- ``slide_order``: the slide strip (add, move, duplicate, delete, split, merge);
- ``post_placement``: the imported thread, and its posts dropped onto slides.

Nothing in these modules knows about NiceGUI.
"""
from __future__ import annotations

from .edit_history import COALESCE_SECONDS, EditError, EditHistory, Listener
from .look_edits import LookEdits
from .post_placement import POST_FIELDS, PostPlacement, slide_from_post
from .slide_order import SlideOrder, split_text

__all__ = ["COALESCE_SECONDS", "POST_FIELDS", "Document", "EditError", "EditHistory", "Listener", "slide_from_post",
           "split_text"]


class Document(LookEdits, SlideOrder, PostPlacement):
    """The carousel being edited plus its project id and undo history; every edit announces a ``Change``.

    ``clock`` (seconds, monotonic) decides which keystrokes are one undo step; tests inject their own.
    """
