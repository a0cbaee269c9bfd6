"""Import a thread from each source, and the one rule for laying a thread out as slides.

``lay_out`` (from ``studio.new_project``) is how both front ends turn a thread into a carousel:
the studio's "Lay out all" and import, and ``carousel-studio render``. The same thread and look
give the same slides.
"""
from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import limits
from ..brand import BrandProfile
from ..carousel import Carousel
from ..new_project import lay_out, project_from_thread, with_posts
from ..post import Thread
from ..render import paginate
from ..sources import (ImportResult, SourceError, archive_folder, fetch_post_link, is_tweets_js, load_input,
                       read_archive, read_archive_file, read_project, read_text)
from ..sources.archive import TOP_THREAD
from .document import Document, EditError
from .edit_history import refuse_size
from .projects import over_caps_notice

Progress = Callable[..., None]


def restyle(carousel: Carousel, **settings: Any) -> Carousel:
    """A copy of ``carousel`` with some look settings changed (ValueError for a value out of range)."""
    return dataclasses.replace(carousel, **settings)


def list_archive(path: Path, progress: Progress | None = None, name: str | None = None) -> ImportResult:
    """The threads of an X archive, best first; fast, because no photo is decoded.

    ``name``: what messages call the file (the uploaded file's own name, not the studio's copy of it).
    """
    if is_tweets_js(path):  # chosen from the unzipped folder: its posts, without photos
        return read_archive_file(path, name=name)
    return read_archive(path, progress=progress, load_media=False, name=name)


def read_archive_thread(path: Path, thread_id: str | None = None,
                        progress: Progress | None = None, name: str | None = None) -> ImportResult:
    """One thread of an X archive with its photos: ``thread_id``, or the top one."""
    if is_tweets_js(path):  # read whole, as from the zip: the "2/", "3/" of its posts go too
        return read_archive_file(path, name=name, thread_id=thread_id or TOP_THREAD)  # read once
    if thread_id is None:
        thread_id = list_archive(path, name=name).thread().id
    return read_archive(path, progress=progress, thread_id=thread_id, name=name)


def read_input(path: Path | str, thread_id: str | None = None) -> tuple[Carousel | Thread, list[str]]:
    """A file (text, X archive, project .json) or "-" for stdin: a project's carousel, or the chosen thread.

    Returns it with the import's warnings; SourceError in the user's words when it cannot be read.
    """
    archive = None if str(path) == "-" else Path(path) if _is_zip(Path(path)) else archive_folder(Path(path))
    notes: list[str] = []  # what a carousel file needed changed to open
    if archive is not None:  # only the chosen thread's photos are read
        result = read_archive_thread(archive, thread_id)
    else:
        result = load_input(path, notes)
    if isinstance(result, Carousel):
        if thread_id is not None:
            raise SourceError("a thread id applies to archives and pasted text, not to a carousel file")
        # (slide texts over their caps are not noted here: render's refusal names each of them at once)
        over = limits.parts_over_caps(result)
        return result, notes + ([over_caps_notice("The project file", over)] if over else [])
    thread = result.thread(thread_id)
    if not thread.posts:
        raise SourceError("the input has no posts; give a text file with one post per paragraph")
    return thread, list(result.warnings)


def carousel_from_input(path: Path | str, thread_id: str | None = None,
                        **settings: Any) -> tuple[Carousel, list[str]]:
    """What ``render`` draws: a project file with ``settings`` applied, or the thread laid out with them."""
    found, warnings = read_input(path, thread_id)
    if isinstance(found, Carousel):
        return restyle(found, **settings), warnings
    return lay_out(found, **settings), warnings


def _is_zip(path: Path) -> bool:
    if not path.is_file():  # a FIFO would block here; load_input refuses it with a message
        return False
    try:
        with open(path, "rb") as f:
            return f.read(2) == b"PK"
    except OSError:  # load_input reports it
        return False


class Imports:
    """Imports into the shared document: read a source, then show its posts (and lay them out)."""

    def __init__(self, document: Document, folder: Path) -> None:
        self.document = document
        self.folder = folder  # where uploaded archives wait while they are read

    def upload_path(self, suffix: str) -> Path:
        """A new file in the data folder for an upload (the caller removes it once it is read)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        return self.folder / f"upload-{secrets.token_hex(8)}{suffix}"

    paste = staticmethod(read_text)
    list_archive = staticmethod(list_archive)
    read_archive_thread = staticmethod(read_archive_thread)
    fetch_link = staticmethod(fetch_post_link)
    read_project = staticmethod(read_project)

    @staticmethod
    def read_project_file(data: bytes) -> tuple[Carousel, list[str]]:
        """A project file's carousel, with what it needed changed to open (texts cut at their caps…)."""
        notes: list[str] = []
        return read_project(data, notes), notes

    def needs_choice(self) -> bool:
        """True when the open project has slides of its own: an import must ask "new project or add these posts"."""
        doc = self.document
        untouched_sample = doc.pristine and doc.project_id is None
        return not untouched_sample and any(s.kind == "content" for s in doc.carousel.slides)

    def use_thread(self, thread: Thread, origin: Any = None) -> bool:
        """Show the thread's posts as cards; an untouched carousel is laid out from it at once (returns True).

        The studio asks first when ``needs_choice()``, then calls ``new_project`` or ``add_posts``.
        """
        if not self.needs_choice():
            self.lay_out(thread, origin)
            return True
        self.document.set_thread(thread, origin=origin)
        return False

    def new_project(self, thread: Thread, profile: BrandProfile | None = None) -> None:
        """Open ``thread`` as a new project: laid out with the current look, named after its hook,
        ``profile`` or else the thread's author as brand (see ``studio.new_project``)."""
        carousel = project_from_thread(thread, self.document.carousel, profile)
        refuse_size(self.document.carousel, len(carousel.slides), len(thread.posts))
        self.document.load(carousel, None)

    def add_posts(self, thread: Thread, origin: Any = None) -> None:
        """"Add these posts to this project": the cards get the new posts; slides, look and author stay."""
        self.document.set_thread(with_posts(self.document.carousel.thread, thread), origin=origin)

    def lay_out(self, thread: Thread | None = None, origin: Any = None) -> None:
        """Rebuild the slides from ``thread`` (default: the carousel's own) with the current look, as one undo step."""
        doc = self.document
        thread = thread or doc.carousel.thread
        if thread is None or not thread.posts:
            raise EditError("Import a thread first.")
        # the untouched sample: the thread becomes the project
        doc.replace(self._made_from(thread, new=doc.pristine and doc.project_id is None), origin=origin)

    def _made_from(self, thread: Thread, new: bool) -> Carousel:
        """``thread`` laid out with the current look: as a new project, or as this project's slides (its name kept)."""
        current = self.document.carousel
        if new:
            return project_from_thread(thread, current)
        fresh = lay_out(thread, current)
        fresh.name = current.name
        return fresh

    def lay_out_ahead(self, text: str) -> Carousel | None:
        """Lay out pasted text as importing it now would, changing nothing, so the import finds its pages
        laid out (the layout is most of an import's work); returns that carousel. Text that cannot be read
        is left for the import to report (None)."""
        try:
            threads = self.paste(text).threads
            if threads and threads[0].posts:
                doc = self.document
                new = self.needs_choice() or (doc.pristine and doc.project_id is None)  # "New project": the default
                carousel = self._made_from(threads[0], new)
                paginate(carousel)
                return carousel
        except Exception:  # noqa: BLE001 - only a head start: the import does it again and says what is wrong
            return None
        return None
