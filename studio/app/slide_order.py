"""The slide strip in the shared document: add, move, duplicate, delete, split and merge slides.

Each announces ``OrderChanged``. The outro stays last: new slides go in front of it.
"""
from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from ..limits import MAX_ALT_CHARS, MAX_BODY_CHARS, LimitError, check_chars, check_words
from ..slide import Slide
from .edit_history import EditError, refuse_size
from .events import OrderChanged

if TYPE_CHECKING:
    from ..post import Thread
    from .document import Document


PHOTO_ONLY = ("image-focus", "split")  # layouts made for a photo (without one, a headline fills its place)


def refuse_one_more(doc: Document) -> None:
    """EditError when ``doc`` has no room for one more slide (``refuse_size``)."""
    carousel = doc.carousel
    refuse_size(carousel, len(carousel.slides) + 1, len(carousel.thread.posts) if carousel.thread else 0)


class SlideOrder:
    """Edits of which slides there are and in what order."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc  # the carousel, its undo history and the edit protocol (``EditHistory``)

    def add_slide(self, index: int, origin: Any = None, slide: Any = None) -> int:
        """An empty content slide at ``index`` (kept in front of the outro); returns its index. ``slide``: the one
        the person saw (``_named``): the new one goes right after it, wherever it is now."""
        if slide is not None:
            index = self._named(index - 1, slide, origin, "no slide was added") + 1
        refuse_one_more(self.doc)
        index = self.doc._insert_position(index)
        self.doc._edit().slides.insert(index, Slide(kind="content", title="New slide",
                                                body="Write your point here."))
        self.doc._done(OrderChanged(origin))
        return index

    def move_slide(self, old: int, new: int, origin: Any = None) -> int:
        """Move a slide to position ``new`` (kept in front of the outro, which stays last); returns where it
        ended up."""
        self.doc.slide(old)
        slides = self.doc.carousel.slides
        last = len(slides) - 1
        if slides[last].kind == "outro":
            if old == last and new != old:
                raise EditError("The outro stays the last slide: it holds your call to action.")
            last -= old != last
        new = max(0, min(new, last))
        if new == old:
            return old
        slides = self.doc._edit().slides
        slides.insert(new, slides.pop(old))
        self.doc._done(OrderChanged(origin))
        return new

    def _named(self, index: int, slide: Any, origin: Any, undone: str) -> int:
        """Where the slide the person acted on is now: ``slide`` names it (``slide_keys``; None: the one at
        ``index``). Gone: EditError saying who deleted it and that ``undone`` ("nothing else was deleted"), never
        acting on the slide now in its place."""
        if slide is None:
            return index
        where = _find(slide_keys(self.doc, origin), slide)
        if where is None:
            raise EditError(f"{_deleter(self.doc, slide, origin)} that slide a moment ago; {undone}.")
        return where

    def duplicate_slide(self, index: int, origin: Any = None, slide: Any = None) -> int:
        """Copy a slide (``slide``: the one the person saw, ``_named``) in after it; returns the copy's index."""
        index = self._named(index, slide, origin, "nothing was duplicated")
        if self.doc.slide(index).kind == "outro":  # a second one would sit in front of the last, mid-carousel
            raise EditError("The outro cannot be duplicated: there is one, last, with your call to action.")
        refuse_one_more(self.doc)
        twin = copy.deepcopy(self.doc.slide(index))
        self.doc._edit().slides.insert(index + 1, twin)
        self.doc._done(OrderChanged(origin))
        return index + 1

    def delete_slide(self, index: int, origin: Any = None, slide: Any = None) -> int:
        """Remove a slide (``slide``: the one the person saw, ``_named``); returns the index that should be selected
        next."""
        index = self._named(index, slide, origin, "nothing else was deleted")
        self.doc.slide(index)
        if len(self.doc.carousel.slides) == 1:
            raise EditError("A carousel needs at least one slide.")
        slides = self.doc._edit().slides
        del slides[index]
        self.doc._done(OrderChanged(origin))
        return min(index, len(slides) - 1)

    def split_slide(self, index: int, origin: Any = None, slide: Any = None) -> int:
        """Split a slide's body into two slides at the paragraph (or sentence) nearest its middle.

        A body of one sentence under a title goes to a slide of its own (a cover merged with a post splits
        back in two). Each post goes with the half that holds its opening words; one found in neither stays
        on both. ``slide``: the one the person saw (``_named``).
        """
        index = self._named(index, slide, origin, "nothing was split")
        slide = self.doc.slide(index)
        first, second = split_text(slide.body)
        if not second and slide.title.strip():
            first, second = "", slide.body.strip()
        if not second:
            raise EditError("This slide is too short to split; split it where you want by adding a new slide.")
        refuse_one_more(self.doc)
        self.doc._edit()
        twin = copy.deepcopy(slide)
        slide.post_ids, twin.post_ids = _share_posts(self.doc.carousel.thread, slide.post_ids,
                                                     f"{slide.title}\n{first}", second)
        slide.body, twin.body = first, second
        twin.kind = "content"
        twin.title = ""
        twin.image = None
        default = self.doc.carousel.layout
        if slide.image is not None and (twin.layout or default) in PHOTO_ONLY:  # the photo stays with the first
            twin.layout = None if default not in PHOTO_ONLY else "headline-body"  # half: this one's is for text
        twin.alt_text = ""  # the description the creator wrote stays with the first half, as their photo does
        self.doc.carousel.slides.insert(index + 1, twin)
        self.doc._done(OrderChanged(origin))
        return index + 1

    def merge_with_next(self, index: int, origin: Any = None, slide: Any = None, then: Any = None) -> None:
        """Join slide ``index`` and the one after it into one slide. ``slide``: the one the person saw
        (``_named``); ``then``: the one they saw after it ("": none), refused if another is there now."""
        index = self._named(index, slide, origin, "nothing was merged")
        if then is not None:
            keys = slide_keys(self.doc, origin)
            if _find(keys[index + 1:index + 2], then) != 0 and not (then == "" and index + 1 == len(keys)):
                raise EditError("The slide after this one changed a moment ago (someone added, moved or deleted "
                                "slides): nothing was merged. Check the strip and merge again.")
        slide = self.doc.slide(index)
        if index + 1 >= len(self.doc.carousel.slides):
            raise EditError("This is the last slide; there is nothing after it to merge with.")
        nxt = self.doc.carousel.slides[index + 1]
        if "outro" in (slide.kind, nxt.kind):
            raise EditError("The outro slide cannot be merged; it holds your call to action.")
        body = join_paragraphs(slide.body, join_paragraphs(nxt.title, nxt.body))
        alt_text = join_paragraphs(slide.alt_text, nxt.alt_text)  # both descriptions kept (edit them to fit)
        try:
            check_words(f"{slide.title} {body}", "The merged slide")
            check_chars(body, MAX_BODY_CHARS, "The merged slide's text")
            check_chars(alt_text, MAX_ALT_CHARS, "The merged slide's alt text")
        except LimitError as exc:
            raise EditError(f"{exc} Both slides are kept as they are.") from None
        self.doc._edit()
        slide.body = body
        slide.post_ids += [p for p in nxt.post_ids if p not in slide.post_ids]
        slide.image = slide.image or nxt.image
        slide.alt_text = alt_text
        del self.doc.carousel.slides[index + 1]
        self.doc._done(OrderChanged(origin))


def slide_keys(doc: Document, origin: Any) -> list:
    """What tells the slides apart as this person sees them, in order: their ids in share mode, else the slides."""
    ids = getattr(doc, "slide_ids", None)
    return list(ids(origin)) if ids is not None else list(doc.carousel.slides)


def _find(keys: list, key: Any) -> int | None:
    """Where ``key`` is in ``keys``: the same slide object, or the same id."""
    return next((i for i, k in enumerate(keys) if k is key or (isinstance(k, str) and k == key)), None)


def _deleter(doc: Document, key: Any, origin: Any) -> str:
    """Who deleted the slide ``key`` (as the start of a sentence), as far as the document knows."""
    replica = getattr(doc, "replica", None)
    who = replica(origin).deleted_by(key) if replica is not None and isinstance(key, str) else None
    if who is None:
        return "Someone (perhaps in another tab, or an undo) removed"
    return "You deleted" if who == getattr(origin, "name", None) else f"{who} deleted"


def split_text(text: str) -> tuple[str, str]:
    """Split at the paragraph break nearest the middle, else the sentence end nearest it; never right after a
    heading (``_after_heading``) when another break of the kind will do. Only the space at the cut goes: a
    space or line break typed at the text's very start or end stays (a typist's next word is not glued on)."""
    whole, text = text, text.strip()
    middle = len(text) / 2
    for separators in (("\n\n",), ("\n",), (". ", "! ", "? ", "… ")):
        cuts = [i + len(sep) for sep in separators for i in _find_all(text, sep)]
        cuts = [c for c in cuts if 0 < c < len(text) and text[:c].strip() and text[c:].strip()]
        cuts = [c for c in cuts if not _after_heading(text, c)] or cuts
        if cuts:
            cut = min(cuts, key=lambda c: abs(c - middle))
            lead = len(whole) - len(whole.lstrip())
            return whole[:lead] + text[:cut].rstrip(), text[cut:].lstrip() + whole[lead + len(text):]
    return whole, ""


HEADING_CHARS = 60  # a line at most this long, with a longer paragraph after it, heads that paragraph
BULLETS = ("-", "•", "*", "·", "–")


def _after_heading(text: str, cut: int) -> bool:
    """Whether ``cut`` (at a line break) comes right after a heading: a short line, not a list item, whose body
    after it (the next paragraph at a paragraph break, else the next line) has more lines or is at least twice
    as long. Cut there, the first half would end on a heading with nothing under it."""
    if text[cut - 1] != "\n":
        return False
    line = text[:cut].rstrip().rsplit("\n", 1)[-1].strip()
    rest = text[cut:].strip()
    body = rest.split("\n\n", 1)[0] if text[cut - 2:cut] == "\n\n" else rest.split("\n", 1)[0]
    if not line or len(line) > HEADING_CHARS or line.startswith(BULLETS):
        return False
    return "\n" in body or len(body) >= 2 * len(line)


def _share_posts(thread: Thread | None, post_ids: list[str], first: str, second: str) -> tuple[list, list]:
    """The post ids of each half of a split slide: a post goes where its opening words are."""
    def opening(post_id: str) -> str:
        post = thread.post(post_id) if thread is not None else None
        return " ".join(post.text.split())[:24] if post is not None else ""

    first, second = " ".join(first.split()), " ".join(second.split())
    found = {pid: (bool(w) and w in first, bool(w) and w in second) for pid in post_ids for w in [opening(pid)]}
    mine = [pid for pid in post_ids if found[pid][0] or found[pid] == (False, False)]
    theirs = [pid for pid in post_ids if found[pid][1] or found[pid] == (False, False)]
    return mine, theirs


def _find_all(text: str, sep: str) -> list[int]:
    found, start = [], 0
    while (i := text.find(sep, start)) >= 0:
        found.append(i)
        start = i + 1
    return found


def join_paragraphs(first: str, second: str) -> str:
    """Two texts as two paragraphs (either may be empty)."""
    first, second = first.strip(), second.strip()
    return f"{first}\n\n{second}" if first and second else first or second
