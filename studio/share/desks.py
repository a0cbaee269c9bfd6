"""Desks: in share mode each person has their own open project; people on one project co-edit it.

A ``Desk`` (``studio.app.studio``) is one open project: its merged document and the actions on
it. The studio's own desk is the first. ``Desks`` finds the desk of a project, so everyone who
opens it edits the same document; a desk nobody is at any more is let go (autosave has it).
``PersonalStudio`` is the studio as one person uses it: the shared studio, with the document,
the actions and the projects acting on *their* desk. "New" and "Open" move only them.
"""
from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from ..app.document import EditError
from ..app.events import Changed, Event, ProjectSwitched, Saved, SaveFailed
from ..app.studio import Desk, Studio
from ..carousel import Carousel
from ..store import ProjectInfo
from ..store.trash import TrashItem


def concerns(event: Event, document: Any) -> bool:
    """Whether a page showing ``document`` needs ``event``: not when it is about another project."""
    if isinstance(event, Changed):
        return event.document is None or event.document is document
    if isinstance(event, (Saved, SaveFailed)):  # a carousel not saved yet has no id: its failure has ""
        return (event.project_id or None) == getattr(document, "project_id", None)
    return True


class Desks:
    """Every open project of a shared studio, and who is at which."""

    def __init__(self, studio: Studio) -> None:
        self.studio = studio
        self._at: WeakKeyDictionary[PersonalStudio, Desk] = WeakKeyDictionary()

    def open(self) -> list[Desk]:
        """The studio's own desk and every desk someone is at."""
        desks = [self.studio.desk]
        for desk in self._at.values():
            if desk not in desks:
                desks.append(desk)
        return desks

    def of(self, project_id: str) -> Desk | None:
        return next((d for d in self.open() if d.document.project_id == project_id), None)

    def person(self) -> PersonalStudio:
        """The studio for one more person, at the studio's own desk."""
        return PersonalStudio(self)

    def seat(self, person: PersonalStudio, desk: Desk) -> None:
        self._at[person] = desk


class PersonalStudio:
    """The shared studio as one person uses it: their desk's document and actions, everything else shared."""

    export_path = Studio.export_path  # on this person's carousel
    export = Studio.export

    def __init__(self, desks: Desks) -> None:
        self._desks = desks
        self.desk = desks.studio.desk
        desks.seat(self, self.desk)
        self.projects = PersonalProjects(self)
        self.imports = _AtDesk(self, "imports")
        self.brands = _AtDesk(self, "brands")

    def __getattr__(self, name: str) -> Any:  # the store, notices, exports folder, subscribe, close…
        return getattr(self._desks.studio, name)

    @property
    def document(self):
        return self.desk.document

    @property
    def carousel(self) -> Carousel:
        return self.desk.document.carousel

    def document_of(self, project_id: str) -> Any:
        """The merged document of this project: where someone has it open, or opened for the moment (an edit
        made on it is autosaved like any other)."""
        desk = self._desks.of(project_id)
        if desk is None:
            desk = self._desks.studio.new_desk()
            desk.projects.open(project_id)
        return desk.document

    def move(self, desk: Desk) -> None:
        """This person now works at ``desk``; their page redraws."""
        self.desk = desk
        self._desks.seat(self, desk)
        self._desks.studio.announce(ProjectSwitched(None, document=desk.document))


class PersonalProjects:
    """The projects as one person uses them: opening or starting one changes only their desk."""

    def __init__(self, person: PersonalStudio) -> None:
        self._person = person
        self._desks = person._desks  # noqa: SLF001 - its own person's registry

    def list(self) -> list[ProjectInfo]:
        return self._person.desk.projects.list()

    def new(self) -> None:
        """A new project from the sample, for this person only."""
        self._person.move(self._desks.studio.new_desk())

    def open(self, project_id: str) -> Carousel:
        """Open a project: with whoever has it open already, or on a desk of its own."""
        desk = self._desks.of(project_id)
        if desk is None:
            desk = self._desks.studio.new_desk()
            desk.projects.open(project_id)
        self._person.move(desk)
        return desk.document.carousel

    def open_file(self, carousel: Carousel) -> None:
        self._person.move(self._desks.studio.new_desk(carousel))

    def duplicate(self, project_id: str) -> str:
        return self._person.desk.projects.duplicate(project_id)

    def delete(self, project_id: str) -> None:
        if self._desks.of(project_id) is not None:
            raise EditError("Someone has this project open; it can be deleted once nobody has.")
        self._person.desk.projects.delete(project_id)

    def deleted(self) -> list[TrashItem]:
        return self._person.desk.projects.deleted()

    def restore(self, item_id: str) -> str:
        return self._person.desk.projects.restore(item_id)


class _AtDesk:
    """One group of actions (imports, brands) of whichever desk the person is at now."""

    def __init__(self, person: PersonalStudio, name: str) -> None:
        self._person, self._name = person, name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(getattr(self._person.desk, self._name), attribute)
