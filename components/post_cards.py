"""The post cards under "Build Your Carousel": one card a post of the thread, to drag onto a slide or
add with its buttons; the keyboard moves a card and inserts its post."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import regex
from nicegui import ui

from studio.app import BrandChanged, Changed, LookChanged, ProjectSwitched, SlideChanged
from studio.post import Post
from studio.sources.result import count

from .dragdrop import make_draggable
from .images import thumbnail_url
from .slices import Sliced
from .slide_moves import drop_post
from .view import View, tell_photo_layout


CARD = {"data-testid": "post-card", "tabindex": "0", "role": "group"}
DRAG_HANDLE = {"data-testid": "drag-handle"}
CARD_BUTTON = {"color": "primary", "flat": True, "dense": True, "no-caps": True, "size": "sm"}
# Settings no card shows: a card shows its post, and which slide has it (a slide's look never moves a post); a
# preset applies only such settings (``LookEdits.apply_settings``)
UNSEEN_LOOKS = frozenset({"format", "layout", "theme", "pattern", "pattern_strength", "typography", "cta", "name",
                          "preset"})


# A card shows six lines of its post (studio.css), and every card is sent with every page load: a long post's
# card carries its start only (its slide holds it whole).
CARD_TEXT_CHARS = 1_000


def card_text(text: str) -> str:
    """The start of a post's words for its card: at most CARD_TEXT_CHARS characters, cut after a word with "…"."""
    if len(text) <= CARD_TEXT_CHARS:
        return text
    cut = text[:CARD_TEXT_CHARS]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    if space <= CARD_TEXT_CHARS - 100:  # no space near: end between two grapheme clusters, never inside an emoji
        space = CARD_TEXT_CHARS - 100
        for cluster in regex.finditer(r"\X", text, pos=space, endpos=CARD_TEXT_CHARS + 50):
            if cluster.end() > CARD_TEXT_CHARS:
                break
            space = cluster.end()
    return cut[:space].rstrip() + " …"


def card_button(label: str, icon: str, testid: str, on_click: Callable[[], Any]) -> ui.element:
    """A small button of a card: the Quasar button ``ui.button`` makes, with the same props.

    ``ui.button`` also wires up text, icon, colour and disabling for changes later, which a card's buttons never
    have: that was a third of a card's CPU (a 300-post thread has 600 of them), and a page's props are
    given here as they are sent, not parsed from a string."""
    button = ui.element("q-btn")
    button.props.update(CARD_BUTTON, label=label, icon=icon, **{"data-testid": testid})
    button.on("click", on_click, [])
    return button


class PostCards:
    """The thread's posts as cards, redrawn when the thread or the slides showing its posts change."""

    def __init__(self, view: View) -> None:
        self.view = view
        ui.label("Build Your Carousel").classes("cs-panel-title cs-build-title").props("role=heading aria-level=2")
        self.summary = ui.label().classes("cs-hint").props("data-testid=build-instruction")
        self.column = ui.column().classes("w-full gap-2 cs-cards")
        self.sliced = Sliced()  # a 300-post thread's cards, a slice at a time: other browsers go between
        self._focus: int | None = None  # the card to focus once the cards are drawn again
        # what a screen reader hears after a card moved (the cards themselves are redrawn)
        self.moved = ui.label().classes("sr-only").props("role=status aria-live=polite data-testid=cards-status")
        self.refresh(ProjectSwitched())

    def refresh(self, change: Changed) -> None:
        """Draw the cards again when the thread, which slide shows a post, or the posts' details shown change (not
        for a slide's words, the look or the brand: dragging a size slider redrew every card at each step)."""
        if (isinstance(change, SlideChanged) and change.text_only) or isinstance(change, BrandChanged) \
                or (isinstance(change, LookChanged) and change.what in UNSEEN_LOOKS):
            return
        self._draw()

    def _draw(self) -> None:
        carousel = self.view.carousel
        thread = carousel.thread
        used: dict[str, list[str]] = {}  # where each post is: "slide 3", "the outro"
        for index, slide in enumerate(carousel.slides):
            for post_id in slide.post_ids:
                used.setdefault(post_id, []).append("the outro" if slide.kind == "outro" else f"slide {index + 1}")
        if thread is None or not thread.posts:
            self.sliced.stop()
            self.column.clear()
            self.summary.set_text("Import a thread to see its posts here.")
            return
        note = " · first post missing" if thread.incomplete else ""
        self.summary.set_text(f"{count(len(thread.posts), 'post')}{note}. Drag a post onto a slide or between "
                              "slides, or use its buttons; Enter on a focused card inserts it.")
        meta = carousel.show_post_meta
        self.sliced.draw(self.column, thread.posts,
                         lambda index, post: self._card(post, index + 1, used.get(post.id), meta), then=self._drawn)

    def _card(self, post: Post, number: int, on_slides: list[str] | None, show_meta: bool) -> None:
        who = post.author_name or post.handle and f"@{post.handle}" or ""
        with ui.element("div").classes("cs-post-card") as card:
            card.props.update(CARD)
            card.props["aria-label"] = f"Post #{number}" + (f" by {who}" if who else "") + \
                ". Enter inserts it as a new slide, Shift+Enter adds it to the current slide, " \
                "Alt+Up or Alt+Down moves it."
            make_draggable(card, post.id)
            card.on("keydown.enter", lambda e, p=post.id: self._add(p) if e.args.get("shiftKey") else self._insert(p),
                    ["shiftKey"])
            # the strip's Alt+Left/Right, turned to this column's direction
            card.on("keydown.alt.up.stop.prevent", lambda i=number - 1: self._move_by(i, -1))
            card.on("keydown.alt.down.stop.prevent", lambda i=number - 1: self._move_by(i, 1))
            with ui.row().classes("items-center no-wrap gap-2 w-full"):
                if post.avatar is not None:
                    avatar = ui.image(thumbnail_url(post.avatar, 64)).classes("cs-avatar")
                    avatar.props["alt"] = f"{who}'s picture" if who else f"Picture of post #{number}'s author"
                else:
                    initial = (post.author_name or post.handle)[:1].upper() or str(number)
                    ui.label(initial).classes("cs-avatar cs-initial").props("aria-hidden=true")
                # a pasted post has no author: say which post it is rather than invent one
                if post.handle and post.author_name:
                    with ui.column().classes("gap-0 min-w-0 flex-1"):
                        ui.label(who).classes("cs-author ellipsis")
                        ui.label(f"@{post.handle}").classes("cs-handle ellipsis")
                else:
                    ui.label(who or f"Post {number}").classes("cs-author ellipsis min-w-0 flex-1")
                # its grip icon is drawn by studio.css: one element a card, and a new thread has many cards
                ui.label(f"Drag Post #{number}").classes("cs-drag-handle").props.update(DRAG_HANDLE)
            ui.label(card_text(post.text)).classes("cs-post-text")
            if post.images:
                with ui.row().classes("gap-1 no-wrap w-full"):
                    for index, image in enumerate(post.images[:4]):
                        self._photo(post, number, index, image)
            meta = []
            if show_meta and post.created_at:
                meta.append(post.created_at[:10])
            if show_meta and post.likes is not None:
                meta.append(f"♥ {post.likes:,}")
            if show_meta and post.reposts is not None:
                meta.append(f"⟲ {post.reposts:,}")
            if on_slides:  # every slide it is on: a post copied onto two slides shows its words twice
                meta.append("on " + (on_slides[0] if len(on_slides) == 1 else
                                     f"{', '.join(on_slides[:-1])} and {on_slides[-1]}"))
            else:  # its slide was deleted, or the thread came after the slides: its words are in no slide
                meta.append("not on a slide")
            if meta:
                ui.label(" · ".join(meta)).classes("cs-post-meta")
            with ui.row().classes("gap-1 w-full cs-card-actions"):
                card_button("Insert as new slide", "add_box", "insert-slide", lambda p=post.id: self._insert(p))
                card_button("Add to current slide", "playlist_add", "add-to-slide", lambda p=post.id: self._add(p))

    def _photo(self, post: Post, number: int, index: int, image) -> None:
        """One photo of a card with its own Apply Image button."""
        which = f"photo {index + 1} of {len(post.images)}" if len(post.images) > 1 else "photo"
        with ui.column().classes("gap-0 items-stretch cs-post-photo"):
            picture = ui.image(thumbnail_url(image, 160)).classes("cs-post-image")
            picture.props["alt"] = f"Post #{number}, {which}"
            button = card_button("Apply Image", "image", "apply-image", lambda p=post.id, i=index: self._apply(p, i))
            button.props["aria-label"] = f"Apply post #{number}'s {which} to the current slide"

    def _move_by(self, index: int, step: int) -> None:
        """Keyboard reordering of the cards (the thread's order, which "Lay out all" follows); the card keeps the focus."""
        view = self.view
        thread = view.carousel.thread
        target = index + step
        if thread is None or not (0 <= index < len(thread.posts) and 0 <= target < len(thread.posts)):
            return
        posts = list(thread.posts)
        posts.insert(target, posts.pop(index))
        self._focus = target  # the cards are redrawn: the focused element goes, its successor gets the focus
        if view.attempt(view.document.set_thread, replace(thread, posts=posts), origin=view.person,
                        doing="moving the post"):
            self.moved.set_text(f"Moved: now post #{target + 1} of {len(posts)}.")
        else:
            self._focus = None

    def _drawn(self) -> None:
        """Every card is drawn: the card moved by the keyboard gets the focus (the page's client runs it)."""
        if self._focus is not None:
            self.view.client.run_javascript(
                f"document.querySelectorAll('[data-testid=post-card]')[{self._focus}]?.focus()")
            self._focus = None

    # -- quick buttons ------------------------------------------------------------------------------

    def _insert(self, post_id: str) -> None:
        view = self.view
        new = view.attempt(view.document.insert_post_as_slide, post_id, view.selected + 1, origin=view.person,
                           doing="adding the post")
        if new is not None:
            view.select(new)

    def _add(self, post_id: str) -> None:
        view = self.view
        index = drop_post(view, view.document.add_post_to_slide, post_id, view.selected, doing="adding the post")
        if index is not None:
            view.select(index)  # the post's own slide may have gone from before it (the person is told)

    def _apply(self, post_id: str, image_index: int = 0) -> None:
        view = self.view
        switched = view.attempt(view.document.apply_image, post_id, view.selected, image_index, origin=view.person,
                                doing="applying the image")
        tell_photo_layout(view, view.selected, switched)
