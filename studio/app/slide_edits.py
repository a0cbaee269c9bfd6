"""Slide editing in the shared document: one slide's text, alt text, layout and photo."""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .. import limits
from ..image import Image
from ..registry import REGISTRY
from ..sources.cleanup import safe_text
from ..structure import PHOTO_LAYOUT, photo_hidden
from .edit_history import EditError, refuse_name  # noqa: F401  (re-exported: the caps' one door)
from .events import SlideChanged
from ..choice import quote

if TYPE_CHECKING:
    from .document import Document



class SlideEdits:
    """Edits of one slide; each announces ``SlideChanged`` with the fields it changed."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc  # the carousel, its undo history and the edit protocol (``EditHistory``)

    def set_slide_text(self, index: int, *, title: str | None = None, body: str | None = None,
                       origin: Any = None) -> None:
        """Edit a slide's title and/or body; keystrokes into one field are one undo step."""
        slide = self.doc.slide(index)
        texts = {k: safe_text(v) for k, v in (("title", title), ("body", body)) if v is not None}
        changes = {k: v for k, v in texts.items() if getattr(slide, k) != v}
        if not changes:
            return
        refuse_texts(index, _texts(slide), changes)
        self.doc._edit(key=("text", index, tuple(sorted(changes))))
        for name, value in changes.items():
            setattr(slide, name, value)
        self.doc._done(SlideChanged(origin, index, frozenset(changes)))

    def set_slide_alt_text(self, index: int, alt_text: str, origin: Any = None) -> None:
        slide = self.doc.slide(index)
        alt_text = safe_text(alt_text)
        if slide.alt_text == alt_text:
            return
        refuse_texts(index, _texts(slide), {"alt_text": alt_text})
        self.doc._edit(key=("alt", index))
        slide.alt_text = alt_text
        self.doc._done(SlideChanged(origin, index, frozenset({"alt_text"})))

    def set_slide_layout(self, index: int, layout: str | None, origin: Any = None) -> None:
        """Override the carousel's layout for one slide (None: follow the carousel)."""
        slide = self.doc.slide(index)
        if slide.layout == layout:
            return
        layouts = REGISTRY["layout"]
        if layout is not None and layout not in layouts:
            raise EditError(f"There is no layout called {quote(layout)}; choose one of: {', '.join(layouts.keys())}.")
        self.doc._edit()
        slide.layout = layout
        self.doc._done(SlideChanged(origin, index, frozenset({"layout"})))

    def set_slide_image(self, index: int, image: Any, origin: Any = None) -> bool:
        """Put an uploaded image on a slide, or remove it with ``None``.

        A photo on a text-only layout would be hidden, so that slide switches to Image focus in the
        same undo step; returns True when it did (the studio says so).
        """
        if image is not None and not isinstance(image, Image):
            raise EditError("That is not a photo the studio has read; the slide keeps its photo.")
        slide = self.doc.slide(index)
        self.doc._edit()
        slide.image = image
        switched = photo_hidden(self.doc.carousel, slide)
        if switched:
            slide.layout = PHOTO_LAYOUT
        self.doc._done(SlideChanged(origin, index, frozenset({"image", "layout"} if switched else {"image"})))
        return switched


KEPT = "The slide keeps its last good {what}."


def refuse_texts(index: int, before: Mapping[str, str], changes: Mapping[str, str]) -> None:
    """EditError when ``changes`` (title, body, alt_text) would put slide ``index`` over a cap (``limits``).

    The one rule for every edit door: the studio, share mode and a browser's shared text box. ``before``
    holds the slide's texts as they read now; a slide already over a cap (an old project) may only be
    shortened. Nothing is changed either way.
    """
    what = f"slide {index + 1}"
    if "title" in changes:
        _refuse_over(changes["title"], limits.MAX_TITLE_CHARS, f"The title of {what}",
                     KEPT.format(what="title"), before.get("title", ""))
    if "alt_text" in changes:
        _refuse_over(changes["alt_text"], limits.MAX_ALT_CHARS, f"The alt text of {what}",
                     KEPT.format(what="alt text"), before.get("alt_text", ""))
    if "body" in changes:
        _refuse_over(changes["body"], limits.MAX_BODY_CHARS, f"The text of {what}",
                     KEPT.format(what="text"), before.get("body", ""))
    if "title" in changes or "body" in changes:
        title, body = changes.get("title", before.get("title", "")), changes.get("body", before.get("body", ""))
        both = f"{title} {body}"
        words = _words(both) if len(both) > limits.MAX_WORDS_PER_POST else 0
        if words > limits.MAX_WORDS_PER_POST and words > _words(f"{before.get('title', '')} {before.get('body', '')}"):
            raise EditError(f"The title and text of slide {index + 1} have {words:,} words together; one slide may "
                            f"hold at most {limits.MAX_WORDS_PER_POST:,}. Split it into several slides. "
                            + KEPT.format(what="text"))


def _texts(slide: Any) -> dict[str, str]:
    return {"title": slide.title, "body": slide.body, "alt_text": slide.alt_text}


def _words(text: str) -> int:
    return len(text.split())


def refuse_part_texts(part: str, before: Mapping[str, str], changes: Mapping[str, Any],
                      kept: str | None = None) -> None:
    """EditError when ``changes`` would put the brand's name or website, or the outro's headline, subline,
    button text or link, over its cap (``limits.PART_CAPS``); the same rule as ``refuse_texts``, for every
    door that edits them (the studio, share mode's typing, the command line). ``part``: "brand" or "cta";
    ``kept``: what the message says stays (default: the brand's or outro's last good field)."""
    for field, text in changes.items():
        if (part, field) in limits.PART_CAPS and isinstance(text, str):
            cap, what = limits.PART_CAPS[(part, field)]
            owner = "brand" if part == "brand" else "outro"
            _refuse_over(text, cap, what[:1].upper() + what[1:], kept or f"The {owner} keeps its last good {field}.",
                         before.get(field, ""))


def _refuse_over(text: str, cap: int, what: str, kept: str, before: str = "") -> None:
    """EditError unless ``text`` is within ``cap``, or (a field over its cap already, from an old project)
    it is ``before`` with one stretch deleted: such a field only ever gets shorter, whatever the door, so
    no edit (nor two people's edits merged) can make it longer or swap in other words of the same length."""
    if limits.chars(text) <= cap or (limits.chars(before) > cap and _only_cut(before, text)):
        return
    try:
        limits.check_chars(text, cap, what)
    except limits.LimitError as exc:
        # (an older file holds it, or two people's typing, each within the cap, merged past it)
        shorten = (" It is over the limit already: it may only get shorter, by deleting from it, "
                   f"until it has at most {cap:,} characters.") if limits.chars(before) > cap else ""
        raise EditError(f"{exc} {kept}{shorten}") from None


def _only_cut(before: str, text: str) -> bool:
    """True when ``text`` is ``before`` with one stretch of it deleted (or nothing)."""
    if len(text) > len(before):
        return False
    low, high = 0, len(text)  # the longest common start, by halves: C-speed slices on a 600 KB text
    while low < high:
        mid = (low + high + 1) // 2
        if before[:mid] == text[:mid]:
            low = mid
        else:
            high = mid - 1
    return before.endswith(text[low:])
