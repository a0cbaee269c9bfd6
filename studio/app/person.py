"""Person: what one person (one browser tab) is doing, kept apart from the shared document.

The document is the carousel everyone on a project edits; a ``Person`` is the selection,
the project they have open, their undo and the last values they saw. A ``Person`` is the
``origin`` of their edits, so their own echo can be told from someone else's change.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .document import Document


@dataclass(eq=False)
class Person:
    """One person's view of the shared document."""

    name: str = ""
    slide: int = 0  # the selected slide
    page: int = 0  # page within it (a long slide continues on several pages)
    project_id: str | None = None  # the project they have open
    seen: dict[str, Any] = field(default_factory=dict)  # field -> the value last shown to them
    member: Any = None  # who they are to the others in a shared studio (studio.share.presence.Member)

    def clamp(self, pages_per_slide: list[int]) -> None:
        """Keep the selection on an existing slide and page after slides were removed (by anyone)."""
        last = len(pages_per_slide) - 1
        self.slide = max(0, min(self.slide, last))
        self.page = max(0, min(self.page, pages_per_slide[self.slide] - 1)) if last >= 0 else 0

    def undo(self, document: Document) -> bool:
        """Step back through the document's history (in share mode only through this person's own edits)."""
        return document.undo(origin=self)

    def redo(self, document: Document) -> bool:
        return document.redo(origin=self)
