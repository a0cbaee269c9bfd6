"""A thread read from any source goes into the project: laid out at once, or after asking where it goes."""
from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from nicegui import background_tasks, ui

from studio.brand import BrandProfile
from studio.post import Thread
from studio.sources.result import count

from .ask import ask
from .layout_progress import LayoutProgress
from .offload import Cancelled
from .view import View


# Below its breakpoint (phones, tablets) the Posts panel slides over the slides: once a thread is laid out it closes,
# so the carousel just made shows (it stayed covered, the notice saying "laid out" over a panel of cards)
CLOSE_SOURCE_OVER = ("if (document.querySelector('.q-drawer--right.q-drawer--mobile:not(.q-layout--prevent-focus)'))"
                     " document.querySelector('[data-testid=toggle-source]').click()")


class ThreadIntake:
    """What every import source hands its thread, warnings and failures to."""

    def __init__(self, view: View, progress: LayoutProgress) -> None:
        self.view = view
        self.imports = view.studio.imports
        self.progress = progress
        self._notes: list[str] = []  # what the reader left out, told once the posts are in a project

    def show_warnings(self, warnings: list[str]) -> None:
        """Keep the reader's notes for after the import: shown while the "where do these posts go" question was
        open, they covered its buttons on a phone and said "Imported" before anything was."""
        self._notes.extend(warnings)

    def _tell_notes(self, notes: list[str]) -> None:
        """The notes of the import just made, in a notice that stays until closed (each note on a line)."""
        if notes:
            lines = "".join(f"<br>• {escape(note)}" for note in notes)  # the creator's names, escaped
            self.view.notify(f"Imported with notes:{lines}", type="warning", multi_line=True, html=True,
                             timeout=0, close_button="Close", classes="import-notes")

    def failed(self, exc: Exception, doing: str) -> None:
        """A failed import in the creator's words; a cancelled one changed nothing and says so."""
        if isinstance(exc, Cancelled):
            self.view.notify("Import cancelled — nothing was changed", position="top")
        else:
            self.view.fail(exc, doing)

    def use_thread(self, thread: Thread, then: Callable[[], Any] | None = None) -> None:
        """Show the thread's posts; an untouched carousel is laid out from it at once.

        When the open project has slides of its own, ask once: a new project (the default) or
        add these posts to this one. ``then`` runs once the posts are in a project (not after Cancel).
        The reader's notes on this thread are told once it is in (an import given up drops them).
        """
        notes, self._notes = self._notes, []
        if self.imports.needs_choice():
            background_tasks.create(self._ask_where(thread, then, notes), name="ask where the thread goes")
            return
        if self.view.attempt(self.imports.use_thread, thread, origin=self.view.person,
                             doing="laying out the thread") is not None:
            self._laid_out(thread, notes, then, undoable=True)

    def lay_out_all(self) -> None:
        """Rebuild the slides from the thread. A big carousel's pages are then counted off the event loop: a
        progress bar shows it, and Cancel stops the counting and puts the previous slides back."""
        if self.view.attempt(self.imports.lay_out, origin=self.view.person, doing="laying out the thread") is None:
            return
        self.progress.select_first()
        self.progress.follow(self._laid_out_all, "Lay out all cancelled — your slides are as they were")

    async def _ask_where(self, thread: Thread, then: Callable[[], Any] | None, notes: list[str]) -> None:
        profiles = self.view.attempt(self.view.studio.brands.profiles, doing="listing the profiles") or []
        brand = {"value": ""}

        def brand_choice() -> None:
            options = {"": "The thread's author"} | {pid: p.name for pid, p in profiles}
            ui.select(options, value="", label="Brand for the new project",
                      on_change=lambda e: brand.update(value=e.value or "")).props(
                "dense outlined options-dense data-testid=import-brand").classes("w-full")

        with self.view.client:  # a background task has no slot of its own (the answer's progress bar neither)
            answer = await ask(f"Import {count(len(thread.posts), 'post')}",
                               "This project already has slides. Start a new project from the thread, "
                               "or add its posts to this project's cards?",
                               [("new", "New project"), ("add", "Add these posts to this project")],
                               testid="import-ask", extra=brand_choice)
            if answer == "new":
                self._new_project(thread, dict(profiles).get(brand["value"]) if brand["value"] else None, then,
                                  notes)
            elif answer == "add":
                self._add_posts(thread, then, notes)

    def _new_project(self, thread: Thread, profile: BrandProfile | None, then: Callable[[], Any] | None,
                     notes: list[str]) -> None:
        back = self.view.studio.projects.open_instead()
        if self.view.attempt(self.imports.new_project, thread, profile, doing="opening the new project"):
            self._laid_out(thread, notes, then, go_back=back)

    def _add_posts(self, thread: Thread, then: Callable[[], Any] | None, notes: list[str]) -> None:
        if self.view.attempt(self.imports.add_posts, thread, origin=self.view.person, doing="adding the posts"):
            if then is not None:
                then()
            them = "it" if len(thread.posts) == 1 else "them"
            self.view.notify(f"{count(len(thread.posts), 'post')} added to the cards — drag {them} onto slides",
                             type="positive", position="top")
            self._tell_notes(notes)

    def _laid_out(self, thread: Thread, notes: list[str], then: Callable[[], Any] | None = None, undoable: bool = False,
                  go_back: Callable[[], Any] | None = None) -> None:
        """The thread is in the project. ``undoable``: it replaced the slides in one undo step; ``go_back``: it
        opened as a new project, and this reopens the one before. Either way, while a big carousel's pages are
        counted, Cancel stops that and puts everything back (the paste stays in its box)."""
        def done() -> None:
            if then is not None:
                then()
            self.view.notify(f"{count(len(thread.posts), 'post')} imported and laid out — drag posts to rearrange",
                             type="positive", position="top")
            self._tell_notes(notes)
            self.view.client.run_javascript(CLOSE_SOURCE_OVER)

        self.progress.select_first()
        if go_back is not None:
            self.progress.follow(done, "Import cancelled — no new project was made; yours is open again", go_back)
        else:
            self.progress.follow(done, "Import cancelled — nothing was changed" if undoable else None)

    def _laid_out_all(self) -> None:
        self.view.notify("Slides rebuilt from the thread (Undo brings your previous slides back)", position="top")
