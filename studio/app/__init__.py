"""The application layer: the one door through which the studio and the CLI act.

See docs/architecture.md. ``Studio`` owns the store, the shared ``Document`` and autosave;
``Person`` is one person's state apart from the document.
"""
from .document import Document, EditError
from .events import (BrandChanged, Changed, Event, LookChanged, OrderChanged, ProjectSwitched, Saved, SaveFailed,
                     SlideChanged, SourceChanged, renames_only)
from .person import Person
from .studio import Studio

__all__ = ["BrandChanged", "Changed", "Document", "EditError", "Event", "LookChanged", "OrderChanged", "Person",
           "ProjectSwitched", "SaveFailed", "Saved", "SlideChanged", "SourceChanged", "Studio",
           "renames_only"]
