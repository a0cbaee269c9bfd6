"""Caption helper: a LinkedIn post text and an Instagram caption drafted from the carousel.

Both open with the hook (the thread's first sentence), list one line per key point
(each content slide's headline or first sentence), close with the outro's call to
action, credit quoted authors, and carry the hashtags the thread itself used —
never invented ones. Alt text per slide comes from ``studio.export.alt_text``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from .carousel import Carousel
from .text import plain_letters
from .text_patterns import SENTENCE_END, URL

LINKEDIN_LIMIT = 3000   # characters in a LinkedIn post
INSTAGRAM_LIMIT = 2200  # characters in an Instagram caption
INSTAGRAM_MAX_HASHTAGS = 30
LINKEDIN_HASHTAGS = 5
POINT_LENGTH = 110

_HASHTAG = regex.compile(r"(?<![\w#])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)")
_NUMBERING = re.compile(r"^\s*(?:\(?\d{1,2}\s*(?:/\s*\d{1,2})?[).:/]|[-•*→])\s*")


@dataclass(frozen=True)
class Captions:
    linkedin: str
    instagram: str


def draft_captions(carousel: Carousel) -> Captions:
    """Both texts, each within its platform's length limit."""
    hook_line = hook(carousel)
    points = [p for p in key_points(carousel) if p != hook_line]
    tags = hashtags(carousel)
    credit = credit_line(carousel)
    ask = call_to_action(carousel)
    linkedin = _fit(lambda pts: _compose(hook_line, "→", pts, ask, credit, tags[:LINKEDIN_HASHTAGS],
                                         intro="In this carousel:"), points, LINKEDIN_LIMIT)
    instagram = _fit(lambda pts: _compose(hook_line, "•", pts, ask, credit, tags[:INSTAGRAM_MAX_HASHTAGS],
                                          intro="Swipe through ➡️"), points, INSTAGRAM_LIMIT)
    return Captions(plain_letters(linkedin), plain_letters(instagram))  # screen readers spell styled letters out


def hook(carousel: Carousel) -> str:
    """The thread's opening sentence (else the cover's title)."""
    thread = carousel.thread
    if thread and thread.posts and thread.posts[0].text.strip():
        return first_sentence(_strip_tags(thread.posts[0].text))
    cover = next((s for s in carousel.slides if s.kind == "cover"), None)
    if cover is not None:
        return first_sentence(cover.title or cover.body)
    return carousel.name


def key_points(carousel: Carousel) -> list[str]:
    """One line per content slide: its headline, else its first line or sentence."""
    points = []
    for slide in carousel.slides:
        if slide.kind != "content":
            continue
        text = slide.title.strip() or _first_line(slide.body)
        text = _NUMBERING.sub("", _strip_tags(text)).strip()
        text = first_sentence(text)
        if text and text not in points:
            points.append(_shorten(text, POINT_LENGTH))
    return points


def hashtags(carousel: Carousel) -> list[str]:
    """Hashtags the thread used, in order of first use, without repeats (case-insensitive)."""
    texts = [p.text for p in carousel.thread.posts] if carousel.thread else []
    texts += [s.body for s in carousel.slides] + [s.title for s in carousel.slides]
    seen, out = set(), []
    for text in texts:
        for tag in _HASHTAG.findall(text):
            if tag.casefold() not in seen:
                seen.add(tag.casefold())
                out.append("#" + tag)
    return out


def credit_line(carousel: Carousel) -> str:
    """"Thread by Name (@handle)" for authors of used posts who are not the carousel's own brand."""
    thread = carousel.thread
    if thread is None:
        return ""
    own = carousel.brand.handle.casefold()
    used = {pid for slide in carousel.slides for pid in slide.post_ids}
    authors: list[str] = []
    for post in thread.posts:
        if used and post.id not in used:
            continue
        if not post.handle or post.handle.casefold() == own:
            continue
        who = f"{post.author_name} (@{post.handle})" if post.author_name else f"@{post.handle}"
        if who not in authors:
            authors.append(who)
    if not authors:
        return ""
    return "Based on a thread by " + _and(authors) + "."


def call_to_action(carousel: Carousel) -> str:
    cta = carousel.cta
    parts = [p.strip() for p in (cta.headline, cta.subline) if p.strip()]
    line = " ".join(p if p[-1] in ".!?…" else p + "." for p in parts)
    if cta.link.strip():
        line = f"{line} {cta.link.strip()}".strip()
    return line


def alt_texts(carousel: Carousel) -> list[str]:
    """Alt text for every slide: its own, or drafted from its text."""
    from .export.alt_text import slide_alt_text
    return [slide_alt_text(carousel, i) for i in range(len(carousel.slides))]


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return SENTENCE_END.split(text, maxsplit=1)[0] if text else ""


def _compose(hook_line: str, bullet: str, points: list[str], ask: str, credit: str, tags: list[str],
             intro: str) -> str:
    blocks = [hook_line]
    if points:
        blocks.append("\n".join([intro] + [f"{bullet} {p}" for p in points]))
    blocks += [b for b in (ask, credit) if b]
    if tags:
        blocks.append(" ".join(tags))
    return "\n\n".join(b for b in blocks if b)


def _fit(compose, points: list[str], limit: int) -> str:
    """Drop key points from the end until the text fits; cut the last resort at a word."""
    points = list(points)
    text = compose(points)
    while len(text) > limit and points:
        points.pop()
        text = compose(points)
    if len(text) > limit:
        text = _shorten(text, limit)
    return text


def _first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")


def _strip_tags(text: str) -> str:
    """The thread's 🧵 marker and trailing hashtags do not belong in a sentence."""
    text = text.replace("\U0001F9F5", "")
    text = URL.sub("", text)
    text = regex.sub(r"(?:\s*#[\p{L}\p{N}_]+)+\s*$", "", text)
    return text.strip()


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:—-– ")
    return cut + "…"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
