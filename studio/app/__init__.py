"""The application layer: the one door through which the studio and the CLI act.

See docs/architecture.md. ``Studio`` owns the store, the shared ``Document`` and autosave;
``Person`` is one person's state apart from the document.
"""
from .document import DOCUMENT, SLIDES, SOURCE, STYLE, TEXT, Change, Document, EditError
from .person import Person
from .studio import Studio

__all__ = ["DOCUMENT", "SLIDES", "SOURCE", "STYLE", "TEXT", "Change", "Document", "EditError", "Person", "Studio"]
