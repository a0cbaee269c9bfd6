"""Alt text for exported images: the slide's own, or drafted from what the slide says.

Instagram lets a creator add alt text to each image; the export writes it to
``alt-text.txt`` beside the images, one block per file, ready to paste.

A draft holds the creator's words as typed and adds no character of its own but these
separators: a line break between the title and each line of text (where the slide
breaks its lines), "Button: " before the outro's button text, " (part k of n)" after
the creator's alt text on a slide continued over pages, and "Photo on slide N" for a
slide that shows only a photo. List markers, ``**`` and code fences are left out,
and styled letters read plain.
"""
from __future__ import annotations

import re

from defusedxml import ElementTree

from . import pages

_SPACES = re.compile(r"\s+")
_LIST_MARKER = re.compile(r"^\s*[-–•*·▪]\s+")
_SVG_NS = "{http://www.w3.org/2000/svg}"
# The renderer's classes for the header/footer group, its labels and list markers.
_NOT_CONTENT = {"brand", "meta", "marker"}


def page_alt_texts(carousel) -> list[str]:
    """Alt text for every exported page, in order.

    A slide on one page: its own alt text or a draft from its fields. A slide that
    auto-fit continued over several pages: each page's own text (or the slide's
    alt text marked "part k of n").
    """
    texts = []
    page = 0
    for index, count in enumerate(pages.pages_per_slide(carousel)):
        own = carousel.slides[index].alt_text.strip()
        for part in range(count):
            if count == 1:
                texts.append(slide_alt_text(carousel, index))
            elif own:
                texts.append(f"{_clean(own)} (part {part + 1} of {count})")
            else:
                texts.append(svg_alt_text(pages.page_svg(carousel, page, 1)))
            page += 1
    return texts


def slide_alt_text(carousel, index: int) -> str:
    """The slide's alt text, or a draft: its title and text (the outro: the call to action); a slide with
    only a photo says so and which slide it is, nothing more (we know nothing else of the picture)."""
    slide = carousel.slides[index]
    if slide.alt_text.strip():
        return _clean(slide.alt_text)
    if slide.kind == "outro":
        cta = carousel.cta
        button = f"Button: {cta.button}" if cta.button.strip() else ""
        parts = [cta.headline, cta.subline, button, cta.link]
    else:
        parts = [slide.title, *slide.body.splitlines()]
    draft = _lines(parts)
    if not draft and slide.image is not None:
        return f"Photo on slide {index + 1}"
    return draft


def svg_alt_text(svg: str) -> str:
    """A draft from the text drawn in a page's SVG, in drawing order, without header and footer."""
    lines: list[str] = []
    _collect_text(ElementTree.fromstring(svg.encode("utf-8")), lines)
    return _clean(" ".join(lines))


def _collect_text(element, lines: list[str]) -> None:
    if element.get("class") in _NOT_CONTENT:
        return
    if element.tag == f"{_SVG_NS}text":
        line = _clean("".join(element.itertext()))
        if line:
            lines.append(line)
        return
    for child in element:
        _collect_text(child, lines)


def alt_text_file(names: list[str], texts: list[str]) -> str:
    """The ``alt-text.txt`` body: a block per image, named like the file."""
    blocks = [f"{name}\n{text or '(no text on this slide)'}" for name, text in zip(names, texts)]
    return "\n\n".join(blocks) + "\n"


def _lines(parts: list[str]) -> str:
    """The lines as typed, one per line, without list markers: no full stop is added (it would change a
    hashtag, a link or a handle at a line's end, and the creator did not write it)."""
    lines = (_clean(_LIST_MARKER.sub("", part)) for part in parts)
    return "\n".join(line for line in lines if line)


def _clean(text: str) -> str:
    """Single spaces, plain letters (a screen reader spells styled letters out) and no ``**`` markers."""
    from ..text import plain_letters
    return _SPACES.sub(" ", plain_letters(text)).strip()
