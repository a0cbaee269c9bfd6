"""Automatic structure: a thread becomes cover + one slide per post + outro.

The text readers (headline, body, lists) live in ``studio.reading``.
"""
from __future__ import annotations

import re
from itertools import accumulate

from .carousel import Carousel
from .code import without_thread_emoji
from .graphemes import clusters_of
from .outro import OutroCTA, cta_for_thread, only_ask
from .reading import headline_and_body, heading_line
from .post import Thread
from .slide import Slide

THREAD_EMOJI = "\U0001F9F5"  # 🧵: the one character the cover drops (importers drop the other markers)


def cover_texts(first_post: str) -> tuple[str, str]:
    """(hook, subtitle) of the cover from the first post; every character is kept but the 🧵."""
    # each line keeps its indentation: a list nested in the hook's post stays nested on the cover
    text = "\n".join(line.rstrip() for line in without_thread_emoji(first_post).strip().split("\n"))
    hook, rest = headline_and_body(text)
    if not hook:
        hook, rest = text, ""
    if rest and len(rest.split()) < 3 and len(rest) < 20:  # a lone word or two joins the hook (CJK has no spaces)
        hook, rest = f"{hook} {rest}".strip(), ""
    if _length(hook) > HOOK_MAX:
        hook, tail = cut_hook(hook)
        rest = f"{tail} {rest}".strip() if rest else tail
    return hook, rest


HOOK_MAX = 90  # a cover headline longer than this is cut; the rest opens the subtitle
_CLAUSE_BREAK = re.compile(r"[:;,—–](?=\s)|[、，。：；！？](?=\S)")  # CJK punctuation needs no space after


def cut_hook(hook: str) -> tuple[str, str]:
    """Cut a long hook at its last clause break (":", "—", ",", ";") within 30–90 characters,
    else at the last word boundary within 60–80 (then 20–90); (head, tail), no character lost. Characters are
    counted as a reader sees them: a letter with its marks is one ("H̷̢̛͈e̸̡" is two, not twenty)."""
    starts = _cluster_starts(hook)
    window = starts[min(30, len(starts) - 1)], starts[min(HOOK_MAX, len(starts) - 1)]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(hook, *window)]
    if not breaks:
        spaces = [n for n, i in enumerate(starts[:HOOK_MAX + 1]) if i < len(hook) and hook[i].isspace()]
        breaks = [starts[n] for n in spaces if 60 <= n <= 80] or [starts[n] for n in spaces if n >= 20]
    if not breaks:
        return hook, ""  # one long word: nothing to cut at
    cut = breaks[-1]
    return hook[:cut].rstrip(), hook[cut:].strip()


def _cluster_starts(text: str) -> list[int]:
    """Where each user-perceived character of ``text`` starts, and its end."""
    return list(accumulate((len(c) for c in clusters_of(text)), initial=0))


def _length(text: str) -> int:
    return len(_cluster_starts(text)) - 1


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


def closing_ask(thread: Thread, cta: OutroCTA):
    """The thread's last post when it is nothing but an ask of the CTA's kind (and no photo), and the CTA's
    subline is the stock one (a subline the creator wrote is not covered up), else None."""
    posts = thread.posts
    last = posts[-1] if len(posts) > 1 and cta.subline_is_stock() else None
    return last if last is not None and not last.images and only_ask(last.text, cta.variant) else None


def carousel_from_thread(thread: Thread, **settings) -> Carousel:
    """Cover from the first post's hook, one content slide per post, outro last.

    A post's first photo goes on its slide; when the carousel's layout is text-only,
    that slide uses Image focus so the photo is never hidden. Each further photo
    gets its own Image focus slide right after, so no photo is lost. A last post that is only
    an ask of the CTA's kind ("Follow me for more.") is the outro's own text instead of a slide (unless the
    CTA's subline is the creator's own):
    the ask shows once, on the slide that asks.
    """
    carousel = Carousel(**settings)
    carousel.thread = thread
    if "cta" not in settings:  # the variant of the author's own ask, else neutral lines: nothing invented
        carousel.cta = cta_for_thread(thread)
    posts = thread.posts
    closing = closing_ask(thread, carousel.cta)
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
            if post is closing:
                continue
            found = heading_line(post.text)
            title, body = found if found else ("", post.text.strip())
            slides.append(Slide(kind="content", title=title, body=body, post_ids=[post.id],
                                image=post.images[0] if post.images else None))
            slides += _photo_slides(post)
    slides.append(Slide(kind="outro", body=closing.text.strip(), post_ids=[closing.id]) if closing
                  else Slide(kind="outro"))
    for slide in slides:
        if photo_hidden(carousel, slide):
            slide.layout = PHOTO_LAYOUT
    carousel.slides = slides
    return carousel
