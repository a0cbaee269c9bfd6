"""Slide: one page of the carousel as the creator edits it."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .image import Image

SlideKind = Literal["cover", "content", "outro"]


@dataclass
class Slide:
    """A cover, content or outro slide.

    ``layout`` overrides the carousel's layout template for this slide only.
    ``post_ids`` names the posts its content came from (for author credit and
    the post-card layout); the text itself is the slide's own and may be edited.
    """

    kind: SlideKind = "content"
    title: str = ""
    body: str = ""
    image: Image | None = None
    layout: str | None = None
    post_ids: list[str] = field(default_factory=list)
    alt_text: str = ""  # empty: drafted from the slide's text on export
