"""The studio's own project file (carousel JSON) as an import source."""
from __future__ import annotations

import dataclasses
from typing import Any, Iterator

from ..carousel import Carousel
from ..project_file import carousel_from_doc
from ..image import Image, ImageError, check_image
from ..limits import (MAX_POSTS, MAX_PROJECT_BYTES, MAX_PROJECT_VALUES, MAX_SLIDES, LimitError, check_words,
                      megabytes, parse_json)
from ..schema import SchemaError
from .cleanup import clean_text, removed_note, safe_fields
from .post_caps import cap_thread_posts
from .result import SourceError

PROJECT_LIMIT = MAX_PROJECT_BYTES


def read_project(data: str | bytes, notes: list[str] | None = None) -> Carousel:
    """A carousel from its versioned JSON file; every embedded image is checked.

    Images live inside the file (base64), never as a path, so opening a project
    cannot read anything else on the machine. Every text is made safe
    (``safe_fields``; what was removed is added to ``notes``) and post texts run
    through clean_text.
    """
    if len(data) > MAX_PROJECT_BYTES:
        raise SourceError(f"the project file is {megabytes(len(data))}; the limit is {megabytes(MAX_PROJECT_BYTES)}")
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SourceError(f"not a carousel file: it is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} "
                              f"at offset {exc.start:,})") from None
    try:
        doc = parse_json(data, "the JSON", MAX_PROJECT_VALUES)
    except LimitError as exc:
        raise SourceError(f"not a carousel file: {exc}") from None
    doc, changed = safe_fields(doc)
    dropped: list[str] = []  # a slide's repeated post ids and the like (``cap_lists``)
    try:
        carousel = carousel_from_doc(doc, dropped)
    except SchemaError as exc:
        msg = str(exc)
        raise SourceError(msg if msg.startswith("not a carousel file") else f"damaged carousel file: {msg}") from None
    check_size(carousel)
    if notes is not None:
        notes.extend(dropped)
    if carousel.thread is not None:  # cut, never refused: a file the studio wrote must always open again
        cut = cap_thread_posts(carousel.thread.posts, "the carousel's thread",
                               "; the slides keep their words as they are")
        if notes is not None:
            notes.extend(cut)
    for path, image in _images(carousel, "carousel"):
        _check_image(image, path)
    if carousel.thread is not None:
        for post in carousel.thread.posts:
            post.text = clean_text(post.text, html_markup=False)
    if changed and notes is not None:
        notes.append(removed_note("the carousel file", changed))
    return carousel


def check_size(carousel: Carousel) -> None:
    """Refuse a carousel beyond the caps (slides, posts, words per slide) before any layout work. A thread post
    over its caps is cut at load (``cap_thread_posts``), not refused."""
    if len(carousel.slides) > MAX_SLIDES:
        raise SourceError(f"the carousel has {len(carousel.slides):,} slides; the limit is {MAX_SLIDES} "
                          "(LinkedIn takes documents of at most 300 pages)")
    if carousel.thread is not None and len(carousel.thread.posts) > MAX_POSTS:
        raise SourceError(f"the carousel's thread has {len(carousel.thread.posts):,} posts; "
                          f"the limit is {MAX_POSTS}")
    try:
        for i, slide in enumerate(carousel.slides, 1):
            check_words(f"{slide.title} {slide.body}", f"slide {i}")
    except LimitError as exc:
        raise SourceError(str(exc)) from None


def _images(obj: Any, path: str) -> Iterator[tuple[str, Image]]:
    """Every Image in a model tree, with the field path that holds it."""
    if isinstance(obj, Image):
        yield path, obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _images(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _images(item, f"{path}[{i}]")


def _check_image(image: Image, path: str) -> None:
    """Refuse an embedded image that is not the JPEG/PNG it claims to be, or too large to decode safely."""
    try:
        check_image(image, path)
    except ImageError as exc:
        raise SourceError(f"damaged carousel file: {exc}") from None