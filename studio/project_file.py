"""The project file: a carousel as versioned JSON (images embedded), read back with migrations and checks."""
from __future__ import annotations

import json
from typing import Any

from .carousel import Carousel
from .limits import MAX_POST_IMAGES
from .registry import check_carousel
from .schema import SchemaError, from_dict, to_dict

SCHEMA = 1
APP = "carousel-studio"


def carousel_to_json(carousel: Carousel, *, indent: int | None = 2) -> str:
    """The project file: versioned, images embedded as base64."""
    doc = {"app": APP, "schema": SCHEMA, "carousel": to_dict(carousel)}
    return json.dumps(doc, ensure_ascii=False, indent=indent, sort_keys=False)


def carousel_from_json(text: str | bytes) -> Carousel:
    """Read a project file; SchemaError names the field that is wrong."""
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SchemaError(f"not a carousel file: the JSON does not parse ({exc})") from None
    return carousel_from_doc(doc)


def carousel_from_doc(doc: Any, notes: list[str] | None = None) -> Carousel:
    """Build a carousel from parsed project JSON, migrating older schema versions; its lists are kept within
    their caps (``cap_lists``: what that dropped is added to ``notes``)."""
    if not isinstance(doc, dict) or "carousel" not in doc or "schema" not in doc:
        raise SchemaError('not a carousel file: expected {"schema": …, "carousel": {…}}')
    version = doc["schema"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SchemaError(f"schema: expected a whole number from 1 to {SCHEMA}, got {version!r}")
    if version > SCHEMA:
        raise SchemaError(f"schema: this file was written by a newer Carousel Studio "
                          f"(schema {version}; this one reads up to {SCHEMA}). Update the studio to open it.")
    data = doc["carousel"]
    for step in range(version, SCHEMA):
        data = MIGRATIONS[step](data)
    carousel = from_dict(Carousel, data, "carousel")
    dropped = cap_lists(carousel)
    if notes is not None:
        notes.extend(dropped)
    check_carousel(carousel)
    return carousel


def cap_lists(carousel: Carousel) -> list[str]:
    """Keep a carousel's unbounded lists within what the studio can use, in place; a notice for each kind dropped.

    A slide lists each post of the thread at most once, in its order: a repeated id and an id of no post in the
    thread go (so a slide never lists more posts than the project holds). A post keeps its first MAX_POST_IMAGES
    photos. The slides and the thread's posts are capped where the file is read (refused: ``check_size``)."""
    known = {post.id for post in carousel.thread.posts} if carousel.thread is not None else set()
    repeated: dict[int, int] = {}  # slide number -> repeats dropped
    unknown: dict[int, list[str]] = {}  # slide number -> ids of no post, once each
    for number, slide in enumerate(carousel.slides, 1):
        if not slide.post_ids:
            continue
        once = list(dict.fromkeys(slide.post_ids))
        kept = [pid for pid in once if pid in known]
        if len(once) < len(slide.post_ids):
            repeated[number] = len(slide.post_ids) - len(once)
        if len(kept) < len(once):
            unknown[number] = [pid for pid in once if pid not in known]
        if len(kept) < len(slide.post_ids):
            slide.post_ids = kept
    notes = []
    if repeated:
        notes.append(f"{_slides(repeated)} listed a post more than once ({sum(repeated.values()):,} repeats); a "
                     "slide lists each post once, so the repeats are dropped (post ids, not words: every word is "
                     "kept)")
    if unknown:
        ids = [pid for pids in unknown.values() for pid in pids]
        shown = ", ".join(repr(pid[:40]) for pid in ids[:3]) + (f" and {len(ids) - 3:,} more" if len(ids) > 3 else "")
        notes.append(f"{_slides(unknown)} listed posts the file's thread does not hold ({shown}); they are dropped "
                     "(post ids, not words: every word is kept)")
    if carousel.thread is not None:
        over = [(i, post) for i, post in enumerate(carousel.thread.posts, 1) if len(post.images) > MAX_POST_IMAGES]
        for i, post in over:
            notes.append(f"post {i} of the carousel's thread ({post.id[:40]}) has {len(post.images):,} photos; a post "
                         f"keeps at most {MAX_POST_IMAGES}: its first {MAX_POST_IMAGES} are kept, the other "
                         f"{len(post.images) - MAX_POST_IMAGES:,} dropped")
            post.images = post.images[:MAX_POST_IMAGES]
    return notes


def _slides(numbers: dict[int, Any]) -> str:
    """"slide 2", "slides 2, 5 and 9", "slides 2, 3, … and 40 more": up to ten slide numbers named."""
    named = [str(n) for n in list(numbers)[:10]]
    if len(numbers) == 1:
        return f"slide {named[0]}"
    more = len(numbers) - len(named)
    return f"slides {', '.join(named)} and {more:,} more" if more else f"slides {', '.join(named[:-1])} and {named[-1]}"


# MIGRATIONS[n] turns schema-n carousel data into schema n+1.
MIGRATIONS: dict[int, Any] = {}
