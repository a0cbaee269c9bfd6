"""Thread and post placement in the shared document: the imported thread, and its posts dropped onto slides.

A post dropped somewhere moves there when it still has its own slide as it was made (only that post, its words
as imported): the post then shows once. A last post that is only its ask may be on the outro as the outro's own
words (``studio.structure``): moved, it leaves them, and the outro shows its call to action's own subline again.
A post whose slide the creator has changed is copied, since its slide may hold their words.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..post import Post, Thread
from ..reading import heading_line
from ..slide import Slide
from ..limits import LimitError, check_words
from .edit_history import EditError, refuse_size
from .events import OrderChanged, SlideChanged, SourceChanged
from .slide_order import join_paragraphs, refuse_one_more

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
        refuse_size(self.doc.carousel, len(self.doc.carousel.slides), len(thread.posts))
        self.doc._edit().thread = thread
        self.doc._done(SourceChanged(origin))

    def insert_post_as_slide(self, post_id: str, index: int, origin: Any = None) -> int:
        """The post as a slide at ``index`` (clamped in front of the outro); returns its index.

        Its own unchanged slide moves there; otherwise a new slide is made from the post.
        """
        post = self.post(post_id)
        index = self.doc._insert_position(index)
        own = self._own_slide(post)
        slides = self.doc.carousel.slides
        if own is None or slides[own].kind == "outro":  # a new slide is made
            refuse_one_more(self.doc)
        if own is not None and slides[own].kind == "outro":  # its words leave the outro for a slide of their own
            _clear_outro(self.doc._edit().slides[own])
            own = None
        elif own is not None:
            index -= own < index  # the slide leaves its place before it is put back
            if own == index:
                return index
        slides = self.doc._edit().slides
        slides.insert(index, slides.pop(own) if own is not None else slide_from_post(post))
        self.doc._done(OrderChanged(origin))
        return index

    def add_post_to_slide(self, post_id: str, index: int, origin: Any = None) -> int:
        """Append the post's text (and image, if the slide has none) to slide ``index``; returns where that slide
        is now (the post's own unchanged slide, if it had one elsewhere, is gone: the post moved; an outro showing
        its words as laid out keeps only its call to action)."""
        post = self.post(post_id)
        slide = self._content_slide(index)
        if post.id in slide.post_ids:
            raise EditError(f"This post is already on slide {index + 1}; adding it again would repeat its text.")
        image = slide.image if slide.image is not None else post.images[0] if post.images else None
        body = join_paragraphs(slide.body, post.text)
        try:
            check_words(f"{slide.title} {body}", f"Slide {index + 1} with this post")
        except LimitError as exc:
            raise EditError(f"{exc} The slide keeps its text; drop the post on a slide of its own.") from None
        own = self._own_slide(post, besides=index, image=image)
        self.doc._edit()
        slide.body = body
        slide.post_ids.append(post.id)
        slide.image = image
        return self._drop_own_slide(own, index, origin)

    def replace_slide_with_post(self, post_id: str, index: int, origin: Any = None) -> int:
        """Slide ``index`` now shows this post instead (kind and layout override kept); returns where that slide
        is now (the post's own unchanged slide elsewhere is gone, as for ``add_post_to_slide``)."""
        post = self.post(post_id)
        slide = self._content_slide(index)
        fresh = slide_from_post(post)
        own = self._own_slide(post, besides=index, image=fresh.image)
        self.doc._edit()
        slide.title, slide.body, slide.post_ids = fresh.title, fresh.body, fresh.post_ids
        slide.image = fresh.image
        slide.alt_text = ""
        return self._drop_own_slide(own, index, origin)

    def _own_slide(self, post: Post, besides: int = -1, image: Any = None) -> int | None:
        """The index of the post's own slide as it was made (only this post, its words and photo as imported),
        or of the outro showing its words as laid out (an ask-only last post), apart from slide ``besides``; None
        when it has none, or when its photo would leave the carousel with it (a photo other than ``image``)."""
        fresh = slide_from_post(post)
        for i, slide in enumerate(self.doc.carousel.slides):
            if i != besides and _outro_of(slide, post):
                return i
            if (i != besides and slide.kind == "content" and slide.post_ids == [post.id]
                    and (slide.title, slide.body) == (fresh.title, fresh.body)
                    and slide.image in (None, fresh.image) and (besides < 0 or slide.image in (None, image))):
                return i
        return None

    def _drop_own_slide(self, own: int | None, index: int, origin: Any) -> int:
        """End an edit of slide ``index``: without the post's own slide ``own`` if it moved; the slide's new index."""
        if own is None:
            self.doc._done(SlideChanged(origin, index, POST_FIELDS))
            return index
        slides = self.doc.carousel.slides
        if slides[own].kind == "outro":  # the outro stays: only the post's words leave it
            _clear_outro(slides[own])
            self.doc._done(OrderChanged(origin))
            return index
        del slides[own]
        self.doc._done(OrderChanged(origin))
        return index - (own < index)

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


def _outro_of(slide: Slide, post: Post) -> bool:
    """True for an outro showing only ``post``'s words, as they were laid out there (no photo, nothing typed)."""
    return (slide.kind == "outro" and slide.post_ids == [post.id] and not slide.title.strip()
            and slide.image is None and slide.body.strip() == post.text.strip())


def _clear_outro(slide: Slide) -> None:
    """The outro without the post's words: it shows its call to action's own subline again (an alt text the
    creator typed stays: their words)."""
    slide.body, slide.post_ids = "", []
