"""Presence in share mode: "You and N others", everyone's initials, and a newcomer's name.

A person's name is asked once, on their first visit, and remembered in their browser
(localStorage). Their initials show in every top bar, with the slide they are on in the tooltip;
when someone deletes the slide they are on, they are told who did it.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from nicegui import ui

from studio.share.desks import concerns
from studio.share.presence import BadName, Member, People

from .shared_text import start_shared_text, take_unanswered

if TYPE_CHECKING:
    from .view import View

NAME_KEY = "carousel-studio-name"
PROJECT_KEY = "carousel-studio-project"  # the project this browser had open, opened again on a reload
CSS = """
.cs-face{width:26px;height:26px;border-radius:50%;color:#fff;font-size:11px;font-weight:600;
  display:flex;align-items:center;justify-content:center;margin-left:-4px;border:2px solid var(--cs-bg,#fff)}
.cs-thumb-faces{position:absolute;right:3px;bottom:3px}
.cs-thumb-faces .cs-face{width:18px;height:18px;font-size:8px;border-width:1px}
.cs-save-state{flex-shrink:0}
@media (max-width:1439.98px){.cs-tagline{display:none}}
@media (max-width:599.98px){.cs-presence-words{position:absolute;width:1px;height:1px;overflow:hidden;
  clip-path:inset(50%);white-space:nowrap}}
"""  # the top bar also holds presence: the save state never shrinks, the tagline makes room below 1440 px; on a
# phone "You and 1 other" is said to a screen reader only (the faces show it), or the bar took a third line


class PresenceBar:
    """The top bar's share status and faces; one per browser tab, which is one ``Member``."""

    def __init__(self, view: View, people: People) -> None:
        self.view, self.people = view, people
        self.member: Member | None = None
        self._project: str | None = None
        ui.add_css(CSS)
        with ui.row().classes("items-center no-wrap gap-1 cs-presence").props("data-testid=presence"):
            ui.icon("group").classes("cs-hint")
            self.summary = ui.label().classes("cs-hint cs-presence-words").props("data-testid=shared-with")
            self.faces = ui.row().classes("no-wrap gap-0")
        unsubscribe = people.subscribe(self.redraw)
        view.client.on_delete(lambda: (unsubscribe(), self.member and people.leave(self.member)))
        view.on_select(self._moved)
        take_unanswered(view)
        view.server.changed.subscribe(lambda event: concerns(event, view.document) and self._moved())
        self.redraw()
        ui.timer(0, self._greet, once=True)

    async def _greet(self) -> None:
        """Join under the name this browser remembers, or ask for one."""
        await self.view.client.connected()
        project = await ui.run_javascript(f"sessionStorage.getItem({json.dumps(PROJECT_KEY)})", timeout=10)
        if isinstance(project, str) and project != self.view.document.project_id:
            self.view.attempt(self.view.studio.projects.open, project, doing="opening your project again")
        start_shared_text(self.view)
        remembered = await ui.run_javascript(f"localStorage.getItem({json.dumps(NAME_KEY)})", timeout=10)
        if isinstance(remembered, str) and self._join(remembered):
            return
        self._ask_name()

    def _ask_name(self) -> None:
        with ui.dialog().props("persistent") as dialog, ui.card().classes("cs-name-card"):
            ui.label("This studio is shared. Your name, so the others see who is editing:")
            name = ui.input("Your name").props("autofocus data-testid=your-name")
            problem = ui.label().classes("cs-error")

            async def join() -> None:
                if self._join(name.value or "", problem.set_text):
                    dialog.close()
                    await ui.run_javascript(
                        f"localStorage.setItem({json.dumps(NAME_KEY)}, {json.dumps(self.member.name)})", timeout=10)
            name.on("keydown.enter", join)
            ui.button("Join", on_click=join).props("unelevated no-caps data-testid=join")
        dialog.open()

    def _join(self, name: str, complain=None) -> bool:
        try:
            self.member = self.people.join(name)
        except BadName as exc:
            if complain:
                complain(str(exc))
            return False
        self.view.person.name, self.view.person.member = self.member.name, self.member
        self._moved()
        return True

    def _moved(self) -> None:
        """Where this person is now: their project (which may have changed) and slide."""
        view = self.view
        view.document.on_notice(view.person, lambda text: view.notify(text, type="warning"))
        if view.document.project_id != self._project:  # kept in the tab, so a reload opens it again
            self._project = view.document.project_id
            key = json.dumps(PROJECT_KEY)
            view.client.run_javascript(f"sessionStorage.removeItem({key})" if self._project is None else
                                       f"sessionStorage.setItem({key}, {json.dumps(self._project)})")
        if self.member is None:
            return
        ids = view.document.slide_ids(view.person)
        slide = ids[view.selected] if 0 <= view.selected < len(ids) else None
        self.people.move(self.member, slide, view.document, view.carousel.name or "Untitled")

    def redraw(self) -> None:
        self.summary.set_text(self.people.summary(self.member))
        ids = self.view.document.slide_ids(self.view.person)
        labels = {}
        for member in self.people.members:
            where = f", on slide {ids.index(member.slide) + 1}" if member.slide in ids else \
                f", on “{member.project_name}”" if member.project is not self.view.document else ""
            labels[member] = member.name + (" (you)" if member is self.member else "") + where
        show_faces(self.faces, labels, "face")


def show_faces(row: ui.element, labels: dict[Member, str], testid: str) -> None:
    """Draw these people's initials in ``row`` (each with its label as the tooltip)."""
    row.clear()
    with row:
        for member, label in labels.items():
            ui.label(member.initials).classes("cs-face").style(f"background:{member.colour}") \
                .props(f"data-testid={testid} aria-label={json.dumps(label)}").tooltip(label)
