"""Automatic structure: a thread becomes cover + one slide per post + outro.

Also the small text readers the layouts share: a post's headline and body,
and list items written as lines or inline (" - a - b - c").
"""
from __future__ import annotations

import re
from functools import lru_cache

from .carousel import Carousel
from .outro import cta_for_thread
from .post import Thread
from .slide import Slide

_HEADING = re.compile(r"^\s*(?:(\d{1,2})\s*[).:]|#(\d{1,2})|(?:step|part|tip|lesson)\s+(\d{1,2})\s*[:.)-])\s*(\S.{0,90})$",
                      re.IGNORECASE)
THREAD_EMOJI = "\U0001F9F5"  # 🧵: the one character the cover drops (importers drop the other markers)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=\S)|(?<=[。！？])[」』）]?\s*(?=\S)")  # CJK: no space after
_LIST_LINE = re.compile(r"^\s*(?:[-–•*·▪►→✅✔️]+|\d{1,2}[.)])\s+(.+)$")
_INLINE_LIST = re.compile(r"\s+[-–•]\s+")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+")


def split_number(title: str) -> tuple[str, str]:
    """("1) Lead with the payoff") -> ("1", "Lead with the payoff"); no number -> ("", title)."""
    m = _HEADING.match(title)
    if m and "\n" not in title:
        number = next(g for g in m.groups()[:3] if g)
        return number, m.group(4).strip()
    return "", title


def heading_line(text: str) -> tuple[str, str] | None:
    """If the text starts with a heading line ("1) Sparse Attention"), (heading, rest)."""
    first, _, rest = text.strip().partition("\n")
    if rest.strip() and _HEADING.match(first):
        return first.strip(), rest.strip()
    return None


@lru_cache(maxsize=1024)
def headline_and_body(text: str) -> tuple[str, str]:
    """A numbered heading line, else the first sentence, becomes the headline."""
    text = text.strip()
    found = heading_line(text)
    if found:
        return found
    first, _, rest = text.partition("\n")
    if rest.strip() and len(first) <= 90 and not first.rstrip().endswith((".", ",", ";")):
        return first.strip(), rest.strip()  # a short first line reads as a heading
    parts = _SENTENCE_END.split(text, maxsplit=1)
    if len(parts) == 2 and len(parts[0]) <= 140:
        return parts[0].strip(), parts[1].strip()
    return "", text


def list_items(text: str) -> list[str]:
    """List items: lines starting "- ", "•" or "1.", or an inline " - a - b - c" list.

    Lines that are not items stay as items of their own only after a list began;
    text before the first item is not returned (see ``list_intro``).
    """
    lines = [ln for ln in text.strip().split("\n") if ln.strip()]
    best: list[str] = []
    for numbered in (False, True):  # bullets and numbers are separate lists; the longer wins
        items: list[str] = []
        for line in lines:
            m = _LIST_LINE.match(line)
            if m and bool(_NUMBERED.match(line)) == numbered:
                items.append(m.group(1).strip())
            elif items:
                items[-1] += " " + line.strip()
        if len(items) > len(best):
            best = items
    if len(best) >= 2:
        return best
    for line in lines:
        parts = _INLINE_LIST.split(" " + line.strip())
        if len(parts) >= 3:
            return [p.strip() for p in parts[1:] if p.strip()]
    return []


def list_line(line: str) -> tuple[str, str] | None:
    """("1", "text") for a numbered item line, ("•", "text") for a bullet line, else None."""
    m = _LIST_LINE.match(line)
    if not m:
        return None
    number = re.match(r"^\s*(\d{1,2})[.)]", line)
    return (number.group(1) if number else "•"), m.group(1).strip()


def list_intro(text: str) -> str:
    """The text before a list (the lead-in line), for the list layout."""
    lines = text.strip().split("\n")
    intro = []
    for line in lines:
        if _LIST_LINE.match(line):
            break
        parts = _INLINE_LIST.split(" " + line.strip())
        if len(parts) >= 3 and not any(_LIST_LINE.match(x) for x in lines):
            intro.append(parts[0].strip())
            break
        intro.append(line.strip())
    return "\n".join(x for x in intro if x)


def is_numbered_list(text: str) -> bool:
    return sum(1 for ln in text.split("\n") if _NUMBERED.match(ln)) >= 2


def cover_texts(first_post: str) -> tuple[str, str]:
    """(hook, subtitle) of the cover from the first post; every character is kept but the 🧵."""
    text = re.sub(r"[ \t]*\U0001F9F5[ \t]*", " ", first_post).strip()
    text = "\n".join(line.strip() for line in text.split("\n"))
    hook, rest = headline_and_body(text)
    if not hook:
        hook, rest = text, ""
    if rest and len(rest.split()) < 3 and len(rest) < 20:  # a lone word or two joins the hook (CJK has no spaces)
        hook, rest = f"{hook} {rest}".strip(), ""
    if len(hook) > HOOK_MAX:
        hook, tail = cut_hook(hook)
        rest = f"{tail} {rest}".strip() if rest else tail
    return hook, rest


HOOK_MAX = 90  # a cover headline longer than this is cut; the rest opens the subtitle
_CLAUSE_BREAK = re.compile(r"[:;,—–](?=\s)|[、，。：；！？](?=\S)")  # CJK punctuation needs no space after


def cut_hook(hook: str) -> tuple[str, str]:
    """Cut a long hook at its last clause break (":", "—", ",", ";") within 30–90 characters,
    else at the last word boundary within 60–80 (then 20–90); (head, tail), no character lost."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(hook, 30, HOOK_MAX)]
    if not breaks:
        spaces = [i for i, ch in enumerate(hook[:HOOK_MAX + 1]) if ch.isspace()]
        breaks = [i for i in spaces if 60 <= i <= 80] or [i for i in spaces if i >= 20]
    if not breaks:
        return hook, ""  # one long word: nothing to cut at
    cut = breaks[-1]
    return hook[:cut].rstrip(), hook[cut:].strip()


PHOTO_LAYOUTS = ("post-card", "image-focus", "split")  # the content layouts that draw a slide's photo
PHOTO_LAYOUT = "image-focus"  # where a photo goes when the carousel's layout would hide it


def photo_hidden(carousel: Carousel, slide: Slide) -> bool:
    """True when ``slide`` has a photo its layout does not draw (a text-only layout)."""
    return (slide.image is not None and slide.kind == "content"
            and (slide.layout or carousel.layout) not in PHOTO_LAYOUTS)


def _photo_slides(post) -> list[Slide]:
    """One Image focus slide for each photo of a post after its first."""
    return [Slide(kind="content", image=image, layout=PHOTO_LAYOUT, post_ids=[post.id])
            for image in post.images[1:]]


def carousel_from_thread(thread: Thread, **settings) -> Carousel:
    """Cover from the first post's hook, one content slide per post, outro last.

    A post's first photo goes on its slide; when the carousel's layout is text-only,
    that slide uses Image focus so the photo is never hidden. Each further photo
    gets its own Image focus slide right after, so no photo is lost.
    """
    carousel = Carousel(**settings)
    carousel.thread = thread
    if "cta" not in settings:  # the author's own ask, else neutral lines: nothing invented
        carousel.cta = cta_for_thread(thread)
    posts = thread.posts
    slides: list[Slide] = []
    if posts:
        first = posts[0]
        hook, rest = cover_texts(first.text)
        cover = Slide(kind="cover", title=hook, post_ids=[first.id])
        if len(rest) > 260:  # too long for a subtitle: it becomes the first content slide
            slides.append(cover)
            slides.append(Slide(kind="content", body=rest, post_ids=[first.id],
                                image=first.images[0] if first.images else None))
        else:
            cover.body = rest
            cover.image = first.images[0] if first.images else None
            slides.append(cover)
        slides += _photo_slides(first)
        for post in posts[1:]:
            found = heading_line(post.text)
            title, body = found if found else ("", post.text.strip())
            slides.append(Slide(kind="content", title=title, body=body, post_ids=[post.id],
                                image=post.images[0] if post.images else None))
            slides += _photo_slides(post)
    slides.append(Slide(kind="outro"))
    for slide in slides:
        if photo_hidden(carousel, slide):
            slide.layout = PHOTO_LAYOUT
    carousel.slides = slides
    return carousel
