"""One thread, one project: a thread opened as a new project, or its posts added to the open one.

A new project is laid out at once, named after the thread's hook, and credited to
the thread's author unless a brand profile is chosen: nothing of the previous
project's brand (name, logo, colours, call to action) carries over to it.
"""
from __future__ import annotations

import copy
import dataclasses
from typing import Any

from .brand import BrandProfile
from .limits import MAX_BRAND_NAME_CHARS
from .carousel import Carousel
from .naming import project_name
from .outro import cta_for_thread
from .post import Thread
from .structure import carousel_from_thread

# The settings a carousel's look is made of; a new layout of the thread keeps them. The outro's call
# to action is kept only when the creator wrote it: stock lines give way to the thread's own ask.
LOOK = ("format", "layout", "theme", "pattern", "typography", "brand", "show_post_meta")


def lay_out(thread: Thread, look: Carousel | None = None, **settings: Any) -> Carousel:
    """Cover, one slide per post, outro — wearing ``look``'s settings, then ``settings`` on top.

    The one rule for both front ends. The layout is known before the slides are made, so a
    photo lands on a layout that draws it.
    """
    values = {name: copy.deepcopy(getattr(look, name)) for name in LOOK} if look is not None else {}
    if look is not None:  # stock lines are no choice: the thread's own ask wins over them
        values["cta"] = cta_for_thread(thread, look.cta.variant, look.cta.link) if look.cta.is_stock() \
            else copy.deepcopy(look.cta)
    values.update(settings)
    return carousel_from_thread(thread, **values)


def project_from_thread(thread: Thread, look: Carousel | None = None,
                        profile: BrandProfile | None = None) -> Carousel:
    """A new carousel from ``thread``: ``look``'s format, layout, theme and type; ``profile`` or the author
    as brand (never ``look``'s), and the profile's or the thread's own call to action."""
    brand = copy.deepcopy(profile) if profile is not None else author_brand(thread)
    cta = copy.deepcopy(profile.cta) if profile is not None and profile.cta else cta_for_thread(thread)
    carousel = lay_out(thread, look, brand=brand, cta=cta)
    carousel.name = project_name(thread)
    return carousel


def author_brand(thread: Thread) -> BrandProfile:
    """The thread's author (name, handle, avatar) as the brand; an empty brand when the source has no author."""
    first = thread.posts[0] if thread.posts else None
    if first is None:
        return BrandProfile()
    return BrandProfile(name=first.author_name.strip()[:MAX_BRAND_NAME_CHARS], handle=first.handle,
                        avatar=copy.deepcopy(first.avatar))


def with_posts(current: Thread | None, added: Thread) -> Thread:
    """``current``'s posts followed by ``added``'s: the same post is not added twice, and a new post
    whose id is taken (pasted posts are p1, p2, … in every paste) gets a fresh one.

    The open project's thread keeps its id, title and first post, so its slides and
    their author stay as they were.
    """
    if current is None:
        return copy.deepcopy(added)
    texts = {p.id: p.text for p in current.posts}
    posts = list(current.posts)
    for post in added.posts:
        if texts.get(post.id) == post.text:
            continue
        post = copy.deepcopy(post)
        if post.id in texts:
            post.id = _free_id(post.id, texts)
        texts[post.id] = post.text
        posts.append(post)
    return dataclasses.replace(current, posts=posts)


def _free_id(post_id: str, taken) -> str:
    number = 2
    while f"{post_id}-{number}" in taken:
        number += 1
    return f"{post_id}-{number}"
