"""Names that come from the project: a new project's name, its export file name, the PDF's document info.

A project is named after its thread's hook: the first sentence (or clause before
an inline list) of the first post, without emoji, thread markers, list dashes or
a trailing space, cut on a word boundary at about 60 characters.
"""
from __future__ import annotations

import re
import unicodedata

from .text_patterns import SENTENCE_END

NAME_MAX = 60
UNTITLED = "Untitled carousel"

_MARKER = re.compile(r"^\s*(?:(?:a\s+)?thread\s*[:：\-–—]\s*|[(\[]?1\s*/\s*\d{0,3}[)\]]?\s+|1[.)]\s+|[-–—•*·▪►→]+\s*)",
                     re.IGNORECASE)
_INLINE_LIST = re.compile(r"\s+[-–—•·]\s+|\s*[:：]\s*[-–—•·]\s*")
_LEAD = " \t-–—•·:：;,./|"  # what a name never starts with
_TRIM = _LEAD + "([{"  # ... or ends with


def project_name(thread, fallback: str = UNTITLED) -> str:
    """The name a new project gets from ``thread``: its hook, cleaned; else "Thread by …", else ``fallback``."""
    first = thread.posts[0].text if thread is not None and thread.posts else ""
    name = hook_name(first)
    if name:
        return name
    post = thread.posts[0] if thread is not None and thread.posts else None
    author = post and (post.author_name.strip() or (post.handle and f"@{post.handle}"))
    return f"Thread by {author}" if author else fallback


def hook_name(text: str) -> str:
    """A clean name of at most ``NAME_MAX`` characters from a post's text; "" when it has no words."""
    line = next((ln for ln in (_clean(raw) for raw in text.splitlines()) if _has_words(ln)), "")
    line = _INLINE_LIST.split(line, maxsplit=1)[0]
    line = SENTENCE_END.split(line, maxsplit=1)[0]
    line = line.lstrip(_LEAD).rstrip(_TRIM)
    return _shorten(line) if _has_words(line) else ""


def _clean(line: str) -> str:
    """A line without emoji, thread markers, leading numbering or bullets, spaces collapsed."""
    kept = "".join(ch for ch in line if not _is_emoji_part(ch))
    kept = " ".join(kept.split())
    while True:
        stripped = _MARKER.sub("", kept, count=1)
        if stripped == kept:
            return kept
        kept = stripped


def _is_emoji_part(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat == "So" or ch in "\u200d\ufe0f\ufe0e\u20e3" or "\U0001F3FB" <= ch <= "\U0001F3FF"


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _shorten(text: str) -> str:
    if len(text) <= NAME_MAX:
        return text
    head = text[:NAME_MAX - 1]  # room for the ellipsis
    space = head.rfind(" ")
    if space >= NAME_MAX // 2:
        head = head[:space]
    return head.rstrip(_TRIM) + "…"


def file_stem(name: str) -> str:
    """A safe download name from the project name: "Sample: threads…" -> "sample-threads"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:NAME_MAX].strip("-") or "carousel"


def document_info(carousel) -> dict[str, str]:
    """The PDF's Title, Author and Subject from the project: its name, who it credits, the thread's hook."""
    from .render import _identity
    name, handle, _ = _identity(carousel)
    info = {"title": carousel.name.strip() or UNTITLED,
            "author": name or (f"@{handle}" if handle else "")}
    thread = carousel.thread
    if thread is not None and thread.posts:
        hook = " ".join(_clean(thread.posts[0].text).split())
        info["subject"] = SENTENCE_END.split(hook, maxsplit=1)[0][:200].strip()
    return {key: value for key, value in info.items() if value}
