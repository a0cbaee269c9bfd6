"""Post and Thread: the source content a carousel is made from."""
from __future__ import annotations

from dataclasses import dataclass, field

from .image import Image


@dataclass
class Post:
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
