"""Post and Thread: the source content a carousel is made from."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .image import Image


class _Deferred:
    """A field a source may leave to be worked out on first read (``defer``): an archive's listing shows
    a thread's first line and counts, so the clean-up of its other posts' words waits until they are read.
    Only a field without a default can be deferred (a default is found on the class, never asked for).

    A deferred field reads, compares, copies and pickles like a set one: the value is made once, the first
    time anything asks for it, and kept. One field at a time; the instance gains one tuple, no dict.
    """

    def defer(self, name: str, make: Callable[..., Any], *args: Any) -> None:
        """Leave field ``name`` unset; ``make(*args)`` gives its value when it is first read."""
        if name not in self.__class__.__dataclass_fields__:
            raise ValueError(f"{name} is not a field")
        if hasattr(self.__class__, name):
            raise ValueError(f"{name} has a default: it cannot be deferred")
        if "_deferred" in self.__dict__:
            raise ValueError(f"{self._deferred[0]} is deferred already: one field at a time")
        try:
            delattr(self, name)
        except AttributeError:
            pass
        self._deferred = (name, make, *args)

    def __getattr__(self, name: str) -> Any:  # only for attributes not set: a deferred field
        try:
            deferred = object.__getattribute__(self, "_deferred")
        except AttributeError:
            return object.__getattribute__(self, name)  # made meanwhile by another thread, or no such attribute
        if deferred[0] != name:
            return object.__getattribute__(self, name)
        value = self.__dict__.setdefault(name, deferred[1](*deferred[2:]))  # a value set meanwhile wins
        try:
            del self._deferred
        except AttributeError:  # another thread made it too
            pass
        return value

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        if deferred := state.pop("_deferred", None):
            state[deferred[0]] = getattr(self, deferred[0])
        return state


@dataclass
class Post(_Deferred):
    """One post of a thread, as imported. Fields the source lacks stay empty/None."""

    id: str
    text: str
    author_name: str = ""
    handle: str = ""  # without the leading "@"
    avatar: Image | None = None
    images: list[Image] = field(default_factory=list)
    url: str = ""
    created_at: str = ""  # ISO 8601 with timezone, "" when the source has no date
    likes: int | None = None
    reposts: int | None = None


@dataclass
class Thread:
    """Posts in reading order. ``incomplete`` when its first post is missing."""

    id: str
    posts: list[Post] = field(default_factory=list)
    title: str = ""
    incomplete: bool = False
    marked_as_thread: bool = False  # the source said so (🧵, "Thread:")

    @property
    def likes(self) -> int:
        return sum(p.likes or 0 for p in self.posts)

    @property
    def reposts(self) -> int:
        return sum(p.reposts or 0 for p in self.posts)

    def post(self, post_id: str) -> Post | None:
        return next((p for p in self.posts if p.id == post_id), None)
