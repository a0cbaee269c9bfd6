"""The caps on one thread post's words and author, shared by the archive reader, pastes and project files.

A post's text becomes a slide's text, and every post is sent with every page load, so a post holds what one
slide may: MAX_BODY_CHARS characters and MAX_WORDS_PER_POST words. An author's name and handle are drawn on
every slide: MAX_BRAND_NAME_CHARS characters each. What is over is cut with a notice, never refused: a file the
studio wrote must always open again.
"""
from __future__ import annotations

import re

import regex

from ..limits import MAX_BODY_CHARS, MAX_BRAND_NAME_CHARS, MAX_WORDS_PER_POST

MAX_AUTHOR_CHARS = MAX_BRAND_NAME_CHARS
_WORD_RE = re.compile(r"\S+")
_SPACE_RE = re.compile(r"\s")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_REACH = 200  # how far back a cut looks for a space before cutting inside a word


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
    """``text`` cut to a post's caps and the words it ended after ("" when whole): after a word where a space is
    within reach, never inside a link that can be kept whole, else between two grapheme clusters."""
    if not post_text_over(text):
        return text, ""
    end = MAX_BODY_CHARS
    for i, m in enumerate(_WORD_RE.finditer(text, 0, MAX_BODY_CHARS + 1), 1):
        if i == MAX_WORDS_PER_POST:
            end = min(end, m.end())
            break
    kept = text[:_cut_point(text, end)].rstrip()
    last = kept.split()[-1] if kept.split() else ""
    return kept, (last[:40] + "…" if len(last) > 40 else last)


def _cut_point(text: str, end: int) -> int:
    """The place at or before ``end`` where ``text`` may be cut."""
    if end >= len(text) or text[end].isspace() or text[end - 1].isspace():
        return end
    for m in _URL_RE.finditer(text, max(0, end - 2_000), end + 1):  # a link the cut would split: cut before it
        if m.start() < end < m.end() and m.start() > 0:
            return m.start()
    spaces = [m.start() for m in _SPACE_RE.finditer(text, end - _REACH, end)]
    if spaces:
        return spaces[-1]
    return _cluster_point(text, end)  # no space near (CJK, Thai, one huge word)


def _cluster_point(text: str, end: int) -> int:
    """The last place at or before ``end`` between two grapheme clusters (a ZWJ emoji, a letter and its marks)."""
    point = max(0, end - _REACH)
    for m in regex.finditer(r"\X", text, pos=point, endpos=min(len(text), end + _REACH)):
        if m.end() > end:
            break
        point = m.end()
    return point


def cut_note(name: str, text: str, kept: str, last: str, tail: str = "") -> str:
    """The notice for a post ``name`` whose ``text`` was cut to ``kept`` after ``last``, in the unit it was over."""
    over = post_text_over(text)
    size = f"{len(kept.split()):,} words" if "words" in over else f"{len(kept):,} characters"
    return f"{name} has {over}: its text is cut after {last!r} ({size} kept){tail}"


def cut_author(value: str) -> str:
    """An author's name or handle cut at MAX_AUTHOR_CHARS, between two grapheme clusters."""
    if len(value) <= MAX_AUTHOR_CHARS:
        return value
    return value[:_cluster_point(value, MAX_AUTHOR_CHARS) or MAX_AUTHOR_CHARS]


def cap_thread_posts(posts: list, where: str, tail: str = "") -> list[str]:
    """Cut each of ``posts`` (Post) over a post's caps in place; the notices, naming each post of ``where``
    ("the carousel's thread"). ``tail`` ends a text cut's notice."""
    notes = []
    for i, post in enumerate(posts, 1):
        cut, last = cut_post_text(post.text)
        if cut is not post.text:
            notes.append(cut_note(f"post {i} of {where} ({post.id[:40]})", post.text, cut, last, tail))
            post.text = cut
    for what, field in (("author name", "author_name"), ("handle", "handle")):
        over = [i for i, post in enumerate(posts, 1) if len(getattr(post, field)) > MAX_AUTHOR_CHARS]
        if over:
            longest = max(len(getattr(posts[i - 1], field)) for i in over)
            for i in over:
                setattr(posts[i - 1], field, cut_author(getattr(posts[i - 1], field)))
            which = f"post {over[0]}" if len(over) == 1 else f"{len(over):,} posts (from post {over[0]})"
            notes.append(f"the {what} of {which} of {where} is {longest:,} characters; the limit is "
                         f"{MAX_AUTHOR_CHARS:,}: it is cut there")
    return notes
