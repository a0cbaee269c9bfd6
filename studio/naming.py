"""Names that come from the project: a new project's name, its export file name, the PDF's document info.

A project is named after its thread's hook: the first sentence (or clause before
an inline list) of the first post, without emoji, thread markers, list dashes or
a trailing space, cut on a word boundary at about 60 characters.
"""
from __future__ import annotations

import re
import unicodedata

from .graphemes import clusters_of
from .text_patterns import SENTENCE_END

NAME_MAX = 60
UNTITLED = "Untitled carousel"
STEM_BYTES = 120  # a download name's stem in UTF-8: with "-slide12.jpeg" well under any file system's 255
_DEVICE = re.compile(r"^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE)  # Windows opens a device

_MARKER = re.compile(r"^\s*(?:(?:a\s+)?thread\s*[:：\-–—]\s*|[(\[]?1\s*/\s*\d{0,3}[)\]]?\s+|1[.)]\s+|[-–—•*·▪►→]+\s*)",
                     re.IGNORECASE)
_INLINE_LIST = re.compile(r"\s+[-–—•·]\s+|\s*[:：]\s*[-–—•·]\s*")
_KEYCAP = re.compile(r"([0-9#*])\ufe0f?\u20e3")
# a subdivision flag (🏴 and its tag letters) is kept whole; any other tag letter, or format character but the
# joiners an emoji or a Persian word is spelled with, draws nothing. Format characters a script draws (the Arabic
# number sign U+0600, end of ayah U+06DD, the Mongolian vowel separator) are no part of it: they are words.
_INVISIBLE = re.compile("(\U0001F3F4[\U000E0020-\U000E007F]+)|[\U000E0000-\U000E007F]|"
                        "(?![\u200c\u200d])[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
                        "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a]")
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
    line = _KEYCAP.sub(r"\1", line)  # "5️⃣ mistakes", "Top 3️⃣ tools", "1️⃣0️⃣ tips": the digit is a word
    kept = "".join(ch for ch in line if not _is_emoji_part(ch))
    kept = " ".join(kept.split())
    while True:
        stripped = _MARKER.sub("", kept, count=1)
        if stripped == kept:
            return kept
        kept = stripped


def _is_emoji_part(ch: str) -> bool:
    """An emoji, a part of one (skin tone, joiner, variation selector, a subdivision flag's tag letters) or
    another character with nothing to see (``_INVISIBLE``, the same rule as the PDF Title's)."""
    return (unicodedata.category(ch) == "So" or ch in "\u200d\u20e3" or "\U0001F3FB" <= ch <= "\U0001F3FF"
            or "\ufe00" <= ch <= "\ufe0f" or "\U000E0100" <= ch <= "\U000E01EF" or bool(_INVISIBLE.fullmatch(ch)))


def visible(text: str) -> str:
    """``text`` without characters nothing draws: a flag's tag letters left without their flag, zero-width
    spaces, bidi controls. An emoji's own joiners, selectors and a whole subdivision flag stay."""
    return _INVISIBLE.sub(lambda m: m.group(1) or "", text)


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
    """A safe download name from the project name, in its own letters: "Sample: threads…" -> "sample-threads",
    "Привет, мир" -> "привет-мир". Only letters, digits and "-" (no separator, control or character a system
    reserves), NFC, at most ``NAME_MAX`` characters and ``STEM_BYTES`` bytes of UTF-8, never a Windows device."""
    slug = re.sub(r"-+", "-", _letters(unicodedata.normalize("NFC", name).lower())).lstrip("-")
    clusters = clusters_of(slug)
    whole = len(clusters)
    del clusters[NAME_MAX:]
    while len("".join(clusters).encode("utf-8")) > STEM_BYTES:
        clusters.pop()
    stem = "".join(clusters)
    if len(clusters) < whole and slug[len(stem)] != "-" and stem.rfind("-") >= len(stem) // 2:
        stem = stem[:stem.rfind("-")]  # cut between words
    stem = stem.strip("-") or "carousel"
    return stem + "-carousel" if _DEVICE.match(stem) else stem


def _letters(text: str) -> str:
    """``text`` with letters, digits and the marks that sit on a letter kept, anything else "-" (an emoji's
    selector or keycap frame after a digit, symbol or space is part of the emoji, not of a word)."""
    out: list[str] = []
    on_letter = False
    for ch in text:
        kind = unicodedata.category(ch)[0]
        if kind == "M" and on_letter and ch not in "\ufe0e\ufe0f\u20e3":
            out.append(ch)
            continue
        on_letter = kind == "L"
        out.append(ch if kind in "LN" else "" if kind == "M" else "-")
    return "".join(out)


def ascii_stem(stem: str) -> str:
    """``stem`` in ASCII letters only, for a download header's fallback name ("café" -> "cafe")."""
    ascii_name = unicodedata.normalize("NFKD", stem.replace("ß", "ss")).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "carousel"
    return slug + "-carousel" if _DEVICE.match(slug) else slug


def document_info(carousel) -> dict[str, str]:
    """The PDF's Title, Author and Subject from the project: its name, who it credits, the thread's hook."""
    from .render import _identity
    name, handle, _ = _identity(carousel)
    info = {"title": " ".join(visible(carousel.name).split()) or UNTITLED,
            "author": name or (f"@{handle}" if handle else "")}
    thread = carousel.thread
    if thread is not None and thread.posts:
        hook = " ".join(_clean(thread.posts[0].text).split())
        info["subject"] = SENTENCE_END.split(hook, maxsplit=1)[0][:200].strip()
    return {key: value for key, value in info.items() if value}
