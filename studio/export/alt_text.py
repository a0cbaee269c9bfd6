"""Alt text for exported images: the slide's own, or drafted from what the slide says.

Instagram lets a creator add alt text to each image; the export writes it to
``alt-text.txt`` beside the images, one block per file, ready to paste.

A draft holds the creator's words as typed and adds no character of its own but these
separators: a line break between the title and each line of text (where the slide
breaks its lines), "Button: " before the outro's button text, " (part k of n)" after
each page's text of a slide continued over pages, "Photo on slide N" for a slide that
shows only a photo and "(no text on this slide)" for one that shows neither. List
markers, ``**`` and code fences are left out, runs of spaces read as one, and styled
letters read plain.
"""
from __future__ import annotations

import re
from collections import Counter

from defusedxml import ElementTree

from ..structure import photo_hidden
from . import pages

_SPACES = re.compile(r"\s+")
_LIST_MARKER = re.compile(r"^\s*[-–•*·▪]\s+")
_SVG_NS = "{http://www.w3.org/2000/svg}"
# The renderer's classes for the header/footer group, a post card's avatar letters, and the text each page of a
# continued slide repeats (not the slide's words of that page).
_NOT_CONTENT = {"brand", "meta", "running-head", "author", "handle", "quote-mark"}


def page_alt_texts(carousel) -> list[str]:
    """Alt text for every exported page, in order.

    A slide on one page: its own alt text or a draft from its fields. A slide that
    auto-fit continued over several pages: its own alt text, or its draft cut where
    its pages are, each marked "part k of n".
    """
    texts = []
    page = 0
    for index, count in enumerate(pages.pages_per_slide(carousel)):
        own = carousel.slides[index].alt_text.strip()
        if count == 1:
            texts.append(slide_alt_text(carousel, index))
        else:
            parts = [_clean(own)] * count if own else _split_draft(carousel, index, page, count)
            texts += [f"{text} (part {k + 1} of {count})".lstrip() for k, text in enumerate(parts)]
        page += count
    return texts


def slide_alt_text(carousel, index: int) -> str:
    """The slide's alt text, or a draft: its title and text (the outro: the call to action); a slide with
    only a photo says so and which slide it is, nothing more (we know nothing else of the picture)."""
    slide = carousel.slides[index]
    if slide.alt_text.strip():
        return _clean(slide.alt_text)
    draft = "\n".join(_draft_lines(carousel, slide))
    if not draft and slide.image is not None and not photo_hidden(carousel, slide):
        return f"Photo on slide {index + 1}"
    return draft


def _draft_lines(carousel, slide) -> list[str]:
    """The slide's lines as typed, without list markers: no full stop is added (it would change a hashtag,
    a link or a handle at a line's end, and the creator did not write it)."""
    if slide.kind == "outro":
        cta = carousel.cta
        button = f"Button: {cta.button}" if cta.button.strip() else ""
        parts = [cta.headline, cta.subline, button, cta.link]
    else:
        parts = [slide.title, *slide.body.splitlines()]
    lines = (_clean(_LIST_MARKER.sub("", part)) for part in parts)
    return [line for line in lines if line]


def _split_draft(carousel, index: int, first_page: int, count: int) -> list[str]:
    """The slide's draft cut into its ``count`` pages, each word whole on the page that draws it.

    A page's letters are counted, not read in order: its SVG holds right-to-left lines in drawing order and
    a word broken at a hyphen in two pieces. Each word goes, in order, to the page whose letters not yet
    taken hold it, unless the next page holds more of it (a word drawn otherwise, such as "3)" drawn as a
    marker "3" or a missing glyph, is mostly held)."""
    drawn = [_drawn_letters(pages.page_svg(carousel, first_page + k, 1)) for k in range(count)]
    rows: list[list[list[str]]] = [[] for _ in range(count)]
    page, last_line = 0, -1
    for line_number, line in enumerate(_draft_lines(carousel, carousel.slides[index])):
        for word in line.split(" "):
            need = Counter(word)
            if page + 1 < count and _held(need, drawn[page]) < _held(need, drawn[page + 1]):
                page, last_line = page + 1, -1
            drawn[page] -= need
            if line_number != last_line:
                rows[page].append([])
                last_line = line_number
            rows[page][-1].append(word)
    return ["\n".join(" ".join(row) for row in page_rows) for page_rows in rows]


def _held(need: Counter, letters: Counter) -> int:
    return sum(min(n, letters[char]) for char, n in need.items())


def _drawn_letters(svg: str) -> Counter:
    """The characters of a page's content text, spaces left out: every class of text but the header and
    footer, the running head and a post card's author (drawn on each page, they are not the slide's words)."""
    letters: Counter = Counter()
    _count_text(ElementTree.fromstring(svg.encode("utf-8")), letters)
    return letters


def _count_text(element, letters: Counter) -> None:
    if element.get("class") in _NOT_CONTENT:
        return
    if element.tag == f"{_SVG_NS}text":
        letters.update(char for char in _clean("".join(element.itertext())) if not char.isspace())
        return
    for child in element:
        _count_text(child, letters)


def alt_text_file(names: list[str], texts: list[str]) -> str:
    """The ``alt-text.txt`` body: a block per image, its file name then its text (one or more lines, none
    empty), the blocks parted by an empty line."""
    blocks = [f"{name}\n{text or '(no text on this slide)'}" for name, text in zip(names, texts)]
    return "\n\n".join(blocks) + "\n"


def _clean(text: str) -> str:
    """Single spaces, plain letters (a screen reader spells styled letters out) and no ``**`` markers."""
    from ..text import plain_letters
    return _SPACES.sub(" ", plain_letters(text)).strip()
