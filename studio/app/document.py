"""Document: the shared carousel every open browser edits.

One ``Document`` holds the carousel being edited, its project id and its undo
history. Every edit goes through a method here, which records an undo step,
mutates the carousel and announces a typed event (``studio.app.events``) to every subscriber — the
studio's pages subscribe, so all open browsers redraw when any one of them
edits. Per-person state (selection, open panels) lives in ``Person`` (``studio.app.person``).

Nothing in this module knows about NiceGUI.
"""
from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..brand import BrandProfile
from ..carousel import Carousel
from ..history import History
from ..outro import OutroCTA
from ..post import Post, Thread
from ..reading import heading_line
from ..registry import REGISTRY
from ..slide import Slide
from ..sources.cleanup import safe_text
from ..structure import PHOTO_LAYOUT, photo_hidden
from .events import (BrandChanged, Changed, LookChanged, OrderChanged, ProjectSwitched, SlideChanged,
                     SourceChanged)

COALESCE_SECONDS = 1.5  # keystrokes into one field within this gap are one undo step
POST_FIELDS = frozenset({"title", "body", "image", "alt_text", "post_ids"})  # what a dropped post changes


class EditError(ValueError):
    """An edit that cannot be made; the message is meant for the creator."""


Listener = Callable[[Changed], Any]


class Document:
    """The carousel being edited plus its project id and undo history; every edit announces a ``Change``.

    ``clock`` (seconds, monotonic) decides which keystrokes are one undo step; tests inject their own.
    """

    def __init__(self, carousel: Carousel, project_id: str | None = None,
                 history: History | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self._listeners: list[Listener] = []
        self._clock = clock
        self._open(carousel, project_id, history)

    def _open(self, carousel: Carousel, project_id: str | None, history: History | None) -> None:
        self.carousel = carousel
        self.project_id = project_id
        self.history = history if history is not None and len(history) else History(carousel)
        if self.history.current != carousel:  # a saved history that ends elsewhere: the file wins
            self.history.record(carousel)
        self.pristine = True  # no edit since it was loaded: an import may replace it without asking
        self._burst: tuple[Any, float] | None = None  # (key, time) of typing not yet recorded

    # -- subscription -------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after every edit; returns a function that unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def announce(self, change: Changed) -> None:
        for listener in list(self._listeners):
            listener(change)

    def _edit(self, key: Any = None) -> Carousel:
        """Start an edit: returns the carousel to mutate; the caller then calls ``_done``.

        Keystrokes into one field (same ``key`` within COALESCE_SECONDS) become one undo step:
        they are recorded in the history when the burst ends (another edit, undo, save).
        """
        now = self._clock()
        if self._burst and (key is None or key != self._burst[0] or now - self._burst[1] > COALESCE_SECONDS):
            self.flush()
        if key is not None:
            self._burst = (key, now)
        self.pristine = False
        return self.carousel

    def _done(self, change: Changed) -> None:
        if self._burst is None:
            self.history.record(self.carousel)
        self.announce(change)

    def flush(self) -> None:
        """Record pending typing as an undo step (before undo, saving the history, another edit)."""
        if self._burst is not None:
            self._burst = None
            self.history.record(self.carousel)

    @property
    def can_undo(self) -> bool:
        return self._burst is not None or self.history.can_undo

    @property
    def can_redo(self) -> bool:
        return self._burst is None and self.history.can_redo

    # -- whole document -----------------------------------------------------------------------

    def load(self, carousel: Carousel, project_id: str | None = None, history: History | None = None) -> None:
        """Open another carousel (a project from the list, an imported project file)."""
        self._open(carousel, project_id, history)
        self.announce(ProjectSwitched())

    def replace(self, carousel: Carousel, origin: Any = None) -> None:
        """Swap in a rebuilt carousel (e.g. slides made from a new thread) as one undoable step."""
        self._edit()
        self.carousel = carousel
        self._done(ProjectSwitched(origin))

    def undo(self, origin: Any = None) -> bool:
        self.flush()
        previous = self.history.undo()
        if previous is None:
            return False
        self.carousel = previous
        self.announce(ProjectSwitched())
        return True

    def redo(self, origin: Any = None) -> bool:
        self.flush()
        following = self.history.redo()
        if following is None:
            return False
        self.carousel = following
        self.announce(ProjectSwitched())
        return True

    def rename(self, name: str, origin: Any = None) -> None:
        name = " ".join(safe_text(name).split())
        if not name:
            raise EditError("A project needs a name.")
        if name == self.carousel.name:
            return
        self._edit(key=("name",)).name = name
        self._done(LookChanged(origin, "name"))

    # -- settings (every slide redraws) -------------------------------------------------------

    def set_setting(self, name: str, value: Any, origin: Any = None) -> None:
        """Set ``format``, ``layout``, ``theme``, ``pattern``, ``pattern_strength`` or ``show_post_meta``."""
        if name not in {"format", "layout", "theme", "pattern", "pattern_strength", "show_post_meta"}:
            raise EditError(f"unknown setting {name!r}")
        if name == "pattern_strength":
            from ..pattern import PATTERN_STRENGTH_MAX
            if not isinstance(value, (int, float)) or not 0 <= value <= PATTERN_STRENGTH_MAX:
                raise EditError(f"Pattern strength goes from 0 to {PATTERN_STRENGTH_MAX}.")
            value = float(value)
        if name in REGISTRY and not (name == "pattern" and value is None) and value not in REGISTRY[name]:
            raise EditError(f"There is no {name} called {value!r}; choose one of: {', '.join(REGISTRY[name].keys())}.")
        if getattr(self.carousel, name) == value:
            return
        setattr(self._edit(), name, value)
        self._done(LookChanged(origin, name))

    def set_typography(self, origin: Any = None, **values: Any) -> None:
        """Change typography fields (sizes, fonts, line height, alignment); out-of-range values are refused."""
        self._set_fields("typography", values, origin)

    def set_brand(self, origin: Any = None, **values: Any) -> None:
        """Change brand-kit fields (name, handle, avatar, logo, website, accent, placement…)."""
        self._set_fields("brand", values, origin)

    def _set_fields(self, part: str, values: dict[str, Any], origin: Any) -> None:
        """Replace changed fields of one part of the carousel (typography, brand, cta) as one undo step."""
        current = getattr(self.carousel, part)
        values = {k: safe_text(v) if isinstance(v, str) else v for k, v in values.items()}
        changes = {k: v for k, v in values.items() if getattr(current, k) != v}
        if not changes:
            return
        try:
            updated = replace(current, **changes)
        except (TypeError, ValueError) as exc:
            raise EditError(str(exc)) from None
        setattr(self._edit(key=(part, tuple(sorted(changes)))), part, updated)
        self._done(BrandChanged(origin) if part == "brand" else LookChanged(origin, part))

    def use_brand(self, brand: BrandProfile, origin: Any = None) -> None:
        """Switch to another brand profile (re-brands every slide at once)."""
        carousel = self._edit()
        carousel.brand = copy.deepcopy(brand)
        if brand.cta is not None:
            carousel.cta = copy.deepcopy(brand.cta)
        self._done(BrandChanged(origin))

    def set_cta_variant(self, variant: int, origin: Any = None) -> None:
        """Pick CTA #1, #2 or #3; the texts switch to that variant's stock texts (the link is kept)."""
        if variant == self.carousel.cta.variant:
            return
        try:
            cta = OutroCTA.default(variant, link=self.carousel.cta.link)
        except ValueError as exc:
            raise EditError(str(exc)) from None
        self._edit().cta = cta
        self._done(LookChanged(origin, "cta"))

    def set_cta(self, origin: Any = None, **values: Any) -> None:
        """Edit the outro's headline, subline, button text or link."""
        self._set_fields("cta", values, origin)

    def apply_settings(self, carousel: Carousel, origin: Any = None) -> None:
        """Take format, layout, theme, typography, pattern and CTA from ``carousel`` (a preset applied)."""
        target = self._edit()
        for name in ("format", "layout", "theme", "pattern", "typography", "cta", "brand"):
            setattr(target, name, copy.deepcopy(getattr(carousel, name)))
        self._done(LookChanged(origin, "preset"))

    # -- one slide ------------------------------------------------------------------------------

    def slide(self, index: int) -> Slide:
        slides = self.carousel.slides
        if not 0 <= index < len(slides):
            raise EditError(f"There is no slide {index + 1}; the carousel has {len(slides)}.")
        return slides[index]

    def set_slide_text(self, index: int, *, title: str | None = None, body: str | None = None,
                       origin: Any = None) -> None:
        """Edit a slide's title and/or body; keystrokes into one field are one undo step."""
        slide = self.slide(index)
        texts = {k: safe_text(v) for k, v in (("title", title), ("body", body)) if v is not None}
        changes = {k: v for k, v in texts.items() if getattr(slide, k) != v}
        if not changes:
            return
        self._edit(key=("text", index, tuple(sorted(changes))))
        for name, value in changes.items():
            setattr(slide, name, value)
        self._done(SlideChanged(origin, index, frozenset(changes)))

    def set_slide_alt_text(self, index: int, alt_text: str, origin: Any = None) -> None:
        slide = self.slide(index)
        alt_text = safe_text(alt_text)
        if slide.alt_text == alt_text:
            return
        self._edit(key=("alt", index))
        slide.alt_text = alt_text
        self._done(SlideChanged(origin, index, frozenset({"alt_text"})))

    def set_slide_layout(self, index: int, layout: str | None, origin: Any = None) -> None:
        """Override the carousel's layout for one slide (None: follow the carousel)."""
        slide = self.slide(index)
        if slide.layout == layout:
            return
        layouts = REGISTRY["layout"]
        if layout is not None and layout not in layouts:
            raise EditError(f"There is no layout called {layout!r}; choose one of: {', '.join(layouts.keys())}.")
        self._edit()
        slide.layout = layout
        self._done(SlideChanged(origin, index, frozenset({"layout"})))

    def set_slide_image(self, index: int, image: Any, origin: Any = None) -> bool:
        """Put an uploaded image on a slide, or remove it with ``None``.

        A photo on a text-only layout would be hidden, so that slide switches to Image focus in the
        same undo step; returns True when it did (the studio says so).
        """
        slide = self.slide(index)
        self._edit()
        slide.image = image
        switched = photo_hidden(self.carousel, slide)
        if switched:
            slide.layout = PHOTO_LAYOUT
        self._done(SlideChanged(origin, index, frozenset({"image", "layout"} if switched else {"image"})))
        return switched

    # -- posts onto slides ----------------------------------------------------------------------

    def post(self, post_id: str) -> Post:
        thread = self.carousel.thread
        found = thread.post(post_id) if thread else None
        if found is None:
            raise EditError("That post is no longer in the source content; import the thread again.")
        return found

    def insert_post_as_slide(self, post_id: str, index: int, origin: Any = None) -> int:
        """A new slide made from the post at ``index`` (clamped in front of the outro); returns its index."""
        post = self.post(post_id)
        index = self._insert_position(index)
        self._edit().slides.insert(index, slide_from_post(post))
        self._done(OrderChanged(origin))
        return index

    def add_post_to_slide(self, post_id: str, index: int, origin: Any = None) -> None:
        """Append the post's text (and image, if the slide has none) to slide ``index``."""
        post = self.post(post_id)
        slide = self.slide(index)
        if slide.kind == "outro":
            raise EditError("The outro slide holds your call to action; drop the post on a content slide.")
        if post.id in slide.post_ids:
            raise EditError(f"This post is already on slide {index + 1}; adding it again would repeat its text.")
        self._edit()
        slide.body = _join(slide.body, post.text)
        slide.post_ids.append(post.id)
        if slide.image is None and post.images:
            slide.image = post.images[0]
        self._done(SlideChanged(origin, index, POST_FIELDS))

    def replace_slide_with_post(self, post_id: str, index: int, origin: Any = None) -> None:
        """Slide ``index`` now shows this post instead (kind and layout override kept)."""
        post = self.post(post_id)
        slide = self.slide(index)
        if slide.kind == "outro":
            raise EditError("The outro slide holds your call to action; drop the post on a content slide.")
        self._edit()
        fresh = slide_from_post(post)
        slide.title, slide.body, slide.post_ids = fresh.title, fresh.body, fresh.post_ids
        slide.image = fresh.image
        slide.alt_text = ""
        self._done(SlideChanged(origin, index, POST_FIELDS))

    def apply_image(self, post_id: str, index: int, image_index: int = 0, origin: Any = None) -> bool:
        """Put one of the post's images on slide ``index`` (see ``set_slide_image``)."""
        post = self.post(post_id)
        if not 0 <= image_index < len(post.images):
            raise EditError("This post has no image to apply.")
        return self.set_slide_image(index, post.images[image_index], origin)

    # -- the slide strip ------------------------------------------------------------------------

    def add_slide(self, index: int, origin: Any = None) -> int:
        """An empty content slide at ``index`` (kept in front of the outro); returns its index."""
        index = self._insert_position(index)
        self._edit().slides.insert(index, Slide(kind="content", title="New slide",
                                                      body="Write your point here."))
        self._done(OrderChanged(origin))
        return index

    def move_slide(self, old: int, new: int, origin: Any = None) -> int:
        """Move a slide to position ``new``; returns where it ended up."""
        self.slide(old)
        new = max(0, min(new, len(self.carousel.slides) - 1))
        if new == old:
            return old
        slides = self._edit().slides
        slides.insert(new, slides.pop(old))
        self._done(OrderChanged(origin))
        return new

    def duplicate_slide(self, index: int, origin: Any = None) -> int:
        twin = copy.deepcopy(self.slide(index))
        self._edit().slides.insert(index + 1, twin)
        self._done(OrderChanged(origin))
        return index + 1

    def delete_slide(self, index: int, origin: Any = None) -> int:
        """Remove a slide; returns the index that should be selected next."""
        self.slide(index)
        if len(self.carousel.slides) == 1:
            raise EditError("A carousel needs at least one slide.")
        slides = self._edit().slides
        del slides[index]
        self._done(OrderChanged(origin))
        return min(index, len(slides) - 1)

    def split_slide(self, index: int, origin: Any = None) -> int:
        """Split a slide's body into two slides at the paragraph (or sentence) nearest its middle."""
        slide = self.slide(index)
        first, second = split_text(slide.body)
        if not second:
            raise EditError("This slide is too short to split; split it where you want by adding a new slide.")
        self._edit()
        twin = copy.deepcopy(slide)
        slide.body, twin.body = first, second
        twin.kind = "content"
        twin.title = ""
        twin.image = None
        twin.alt_text = ""
        slide.alt_text = ""
        self.carousel.slides.insert(index + 1, twin)
        self._done(OrderChanged(origin))
        return index + 1

    def merge_with_next(self, index: int, origin: Any = None) -> None:
        """Join slide ``index`` and the one after it into one slide."""
        slide = self.slide(index)
        if index + 1 >= len(self.carousel.slides):
            raise EditError("This is the last slide; there is nothing after it to merge with.")
        nxt = self.carousel.slides[index + 1]
        if "outro" in (slide.kind, nxt.kind):
            raise EditError("The outro slide cannot be merged; it holds your call to action.")
        self._edit()
        slide.body = _join(slide.body, _join(nxt.title, nxt.body))
        slide.post_ids += [p for p in nxt.post_ids if p not in slide.post_ids]
        slide.image = slide.image or nxt.image
        slide.alt_text = ""
        del self.carousel.slides[index + 1]
        self._done(OrderChanged(origin))

    # -- source content -------------------------------------------------------------------------

    def set_thread(self, thread: Thread, origin: Any = None) -> None:
        """Show an imported thread's posts as cards (the slides stay as they are)."""
        self._edit().thread = thread
        self._done(SourceChanged(origin))

    def _insert_position(self, index: int) -> int:
        slides = self.carousel.slides
        index = max(0, min(index, len(slides)))
        if slides and slides[-1].kind == "outro" and index >= len(slides):
            index = len(slides) - 1
        return index


def slide_from_post(post: Post) -> Slide:
    """A content slide carrying a post's text (a numbered heading becomes its title), first image and credit."""
    found = heading_line(post.text)
    title, body = found if found else ("", post.text.strip())
    return Slide(kind="content", title=title, body=body, image=post.images[0] if post.images else None,
                 post_ids=[post.id])


def split_text(text: str) -> tuple[str, str]:
    """Split at the paragraph break nearest the middle, else the sentence end nearest it."""
    text = text.strip()
    middle = len(text) / 2
    for separators in (("\n\n",), ("\n",), (". ", "! ", "? ", "… ")):
        cuts = [i + len(sep) for sep in separators for i in _find_all(text, sep)]
        cuts = [c for c in cuts if 0 < c < len(text)]
        if cuts:
            cut = min(cuts, key=lambda c: abs(c - middle))
            first, second = text[:cut].strip(), text[cut:].strip()
            if first and second:
                return first, second
    return text, ""


def _find_all(text: str, sep: str) -> list[int]:
    found, start = [], 0
    while (i := text.find(sep, start)) >= 0:
        found.append(i)
        start = i + 1
    return found


def _join(first: str, second: str) -> str:
    first, second = first.strip(), second.strip()
    return f"{first}\n\n{second}" if first and second else first or second
