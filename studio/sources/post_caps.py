"""The caps on one thread post's words and author, shared by the archive reader and project files.

A post's text becomes a slide's text, and every post is sent with every page load, so a post holds what one
slide may: MAX_BODY_CHARS characters and MAX_WORDS_PER_POST words. An author's name and handle are drawn on
every slide: MAX_BRAND_NAME_CHARS characters each.
"""
from __future__ import annotations

import re

from ..limits import MAX_BODY_CHARS, MAX_BRAND_NAME_CHARS, MAX_WORDS_PER_POST

MAX_AUTHOR_CHARS = MAX_BRAND_NAME_CHARS
_WORD_RE = re.compile(r"\S+")


def post_text_over(text: str) -> str:
    """What of ``text`` is over a post's caps ("52,000 characters; the limit is 40,000"), else ""."""
    if len(text) > MAX_BODY_CHARS:
        return f"{len(text):,} characters; the limit is {MAX_BODY_CHARS:,}"
    if len(text) > MAX_WORDS_PER_POST:
        words = sum(1 for _ in _WORD_RE.finditer(text))
        if words > MAX_WORDS_PER_POST:
            return f"{words:,} words; the limit is {MAX_WORDS_PER_POST:,}"
    return ""


def cut_post_text(text: str) -> tuple[str, str]:
    """``text`` cut to a post's caps, at a space where one is near, and the words it ended after ("" when whole)."""
    if not post_text_over(text):
        return text, ""
    end = MAX_BODY_CHARS
    for i, m in enumerate(_WORD_RE.finditer(text, 0, MAX_BODY_CHARS + 1), 1):
        if i == MAX_WORDS_PER_POST:
            end = min(end, m.end())
            break
    if end < len(text) and not text[end].isspace():  # inside a word: cut before it unless it is a huge one
        space = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end))
        if space > end - 200:
            end = space
    kept = text[:end].rstrip()
    last = kept.split()[-1] if kept.split() else ""
    return kept, (last[:40] + "…" if len(last) > 40 else last)


def cut_author(value: str) -> str:
    """An author's name or handle cut at MAX_AUTHOR_CHARS."""
    return value[:MAX_AUTHOR_CHARS]
