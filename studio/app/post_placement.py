"""Thread and post placement in the shared document: the imported thread, and its posts dropped onto slides."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..post import Post, Thread
from ..reading import heading_line
from ..slide import Slide
from .edit_history import EditError
from .events import OrderChanged, SlideChanged, SourceChanged
from .slide_order import join_paragraphs

if TYPE_CHECKING:
    from .document import Document

POST_FIELDS = frozenset({"title", "body", "image", "alt_text", "post_ids"})  # what a dropped post changes


class PostPlacement:
    """Edits that bring the source thread's posts onto slides (a post's photo goes through ``set_slide_image``)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc  # the carousel, its undo history and the edit protocol (``EditHistory``)

    def post(self, post_id: str) -> Post:
        thread = self.doc.carousel.thread
        found = thread.post(post_id) if thread else None
        if found is None:
            raise EditError("That post is no longer in the source content; import the thread again.")
        return found

    def set_thread(self, thread: Thread, origin: Any = None) -> None:
        """Show an imported thread's posts as cards (the slides stay as they are)."""
        self.doc._edit().thread = thread
        self.doc._done(SourceChanged(origin))

    def insert_post_as_slide(self, post_id: str, index: int, origin: Any = None) -> int:
        """A new slide made from the post at ``index`` (clamped in front of the outro); returns its index."""
        post = self.post(post_id)
        index = self.doc._insert_position(index)
        self.doc._edit().slides.insert(index, slide_from_post(post))
        self.doc._done(OrderChanged(origin))
        return index

    def add_post_to_slide(self, post_id: str, index: int, origin: Any = None) -> None:
        """Append the post's text (and image, if the slide has none) to slide ``index``."""
        post = self.post(post_id)
        slide = self._content_slide(index)
        if post.id in slide.post_ids:
            raise EditError(f"This post is already on slide {index + 1}; adding it again would repeat its text.")
        self.doc._edit()
        slide.body = join_paragraphs(slide.body, post.text)
        slide.post_ids.append(post.id)
        if slide.image is None and post.images:
            slide.image = post.images[0]
        self.doc._done(SlideChanged(origin, index, POST_FIELDS))

    def replace_slide_with_post(self, post_id: str, index: int, origin: Any = None) -> None:
        """Slide ``index`` now shows this post instead (kind and layout override kept)."""
        post = self.post(post_id)
        slide = self._content_slide(index)
        self.doc._edit()
        fresh = slide_from_post(post)
        slide.title, slide.body, slide.post_ids = fresh.title, fresh.body, fresh.post_ids
        slide.image = fresh.image
        slide.alt_text = ""
        self.doc._done(SlideChanged(origin, index, POST_FIELDS))

    def apply_image(self, post_id: str, index: int, image_index: int = 0, origin: Any = None) -> bool:
        """Put one of the post's images on slide ``index`` (see ``set_slide_image``)."""
        post = self.post(post_id)
        if not 0 <= image_index < len(post.images):
            raise EditError("This post has no image to apply.")
        return self.doc.set_slide_image(index, post.images[image_index], origin)

    def _content_slide(self, index: int) -> Slide:
        slide = self.doc.slide(index)
        if slide.kind == "outro":
            raise EditError("The outro slide holds your call to action; drop the post on a content slide.")
        return slide


def slide_from_post(post: Post) -> Slide:
    """A content slide carrying a post's text (a numbered heading becomes its title), first image and credit."""
    found = heading_line(post.text)
    title, body = found if found else ("", post.text.strip())
    return Slide(kind="content", title=title, body=body, image=post.images[0] if post.images else None,
                 post_ids=[post.id])
