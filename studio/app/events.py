"""What changed, as typed events: panels subscribe to the kinds they draw.

Every edit of the shared document announces one of the ``Changed`` events, carrying its
``origin`` (the ``Person`` who made it, so their own echo can be told apart). The autosaver
announces ``Saved`` and ``SaveFailed``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TEXT_FIELDS = frozenset({"title", "body", "alt_text"})


@dataclass(frozen=True)
class Changed:
    """Something in the shared document changed (``document``: which one, when several are open)."""

    origin: Any = None
    document: Any = field(default=None, kw_only=True, compare=False, repr=False)


@dataclass(frozen=True)
class SlideChanged(Changed):
    """Fields of one slide changed: its words (``title``, ``body``, ``alt_text``), ``image``, ``layout`` or posts."""

    slide: int = 0
    fields: frozenset[str] = frozenset()

    @property
    def text_only(self) -> bool:
        """Only words changed: the slide is redrawn, its inputs (and its page count) may stay."""
        return self.fields <= TEXT_FIELDS


@dataclass(frozen=True)
class OrderChanged(Changed):
    """Slides were added, removed or moved."""


@dataclass(frozen=True)
class LookChanged(Changed):
    """Format, layout, theme, typography, pattern, CTA or the project's name: every slide looks different."""

    what: str = ""  # the setting ("format", "typography", "name", …)


def renames_only(change: Changed | None) -> bool:
    """The project's name changed: no slide shows it, so nothing drawn and no page count changes."""
    return isinstance(change, LookChanged) and change.what == "name"


@dataclass(frozen=True)
class BrandChanged(Changed):
    """The brand kit's fields changed, or another brand profile was put on."""


@dataclass(frozen=True)
class SourceChanged(Changed):
    """The imported thread (the Source Content cards) changed."""


@dataclass(frozen=True)
class ProjectSwitched(Changed):
    """A different carousel altogether: another project opened, a new one, undo or redo, a new layout.

    ``opened``: a saved project was opened as it is on disk, so there is nothing to save."""

    opened: bool = field(default=False, kw_only=True)


@dataclass(frozen=True)
class Saved:
    """The open project was written to the data folder."""

    project_id: str


@dataclass(frozen=True)
class SaveFailed:
    """Writing the project failed; the edit itself is kept in memory and the next change retries."""

    project_id: str
    reason: str


@dataclass(frozen=True)
class ProfilesChanged:
    """The saved brand profiles changed outside the Brand panel (one restored from the trash)."""


Event = Changed | Saved | SaveFailed | ProfilesChanged
