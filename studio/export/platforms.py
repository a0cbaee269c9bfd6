"""Platform limits checked before (and after) an export, as plain sentences for the creator.

LinkedIn document posts: one PDF, at most 300 pages and 100 MB, every page the
same size. Instagram carousels: up to 20 images in the app (10 through the API
that scheduling tools use), 320–1440 px wide, at most 8 MB each, and the first
image's ratio applies to all.
"""
from __future__ import annotations

import re
import unicodedata

from ..canvas import DESIGN_WIDTH, get_format
from ..platform import (INSTAGRAM_API_MAX_SLIDES, INSTAGRAM_FEED_RATIOS, INSTAGRAM_MAX_BYTES, INSTAGRAM_MAX_SLIDES,
                        INSTAGRAM_WIDTH, LINKEDIN_MAX_BYTES, LINKEDIN_MAX_PAGES, LINKEDIN_RATIOS)
from .report import format_bytes

BRAND_PANEL = "Brand Kit"
CTA_PANEL = "Outro Slide CTA"
PLACEHOLDERS = {"your name", "name", "yourname", "yourhandle", "handle", "username", "your handle"}

TARGETS = ("linkedin", "instagram")


def check_platform(carousel, target: str, *, pages: int | None = None, scale: int = 2,
                   file_sizes: list[int] | None = None) -> list[str]:
    """Warnings for ``target`` ("linkedin" or "instagram"); empty when all is well.

    ``pages`` defaults to the rendered page count; ``file_sizes`` (bytes per file,
    known after export) adds the size limits.
    """
    if target not in TARGETS:
        raise ValueError(f"unknown platform {target!r}; choose one of: {', '.join(TARGETS)}")
    if pages is None:
        from ..render import page_count
        pages = page_count(carousel)
    fmt = get_format(carousel.format)
    if target == "linkedin":
        return _linkedin(fmt, pages, file_sizes or []) + _missing_glyphs(carousel) + _overrides(carousel)
    return _instagram(fmt, pages, DESIGN_WIDTH * scale, file_sizes or []) + _missing_glyphs(carousel) + \
        _overrides(carousel)


def _missing_glyphs(carousel) -> list[str]:
    """Characters no bundled font can draw are drawn as a boxed "?": name them before export."""
    from ..render import missing_glyphs
    chars = missing_glyphs(carousel)
    if not chars:
        return []
    shown = " ".join(chars[:12]) + (" …" if len(chars) > 12 else "")
    noun = "This character" if len(chars) == 1 else f"These {len(chars)} characters"
    scripts = _scripts(chars)
    named = f" ({', '.join(scripts)} script)" if scripts else ""
    verb = "has" if len(chars) == 1 else "have"
    return [f"{noun}{named} {verb} no font in the studio and will show as a boxed “?” (never as empty boxes): {shown}. "
            "Replace or remove them."]


# Characters that force the letters after them into one direction: X shows them turned around (a right-to-left
# override makes "abc\u202edef" read "abcfed"). The slides draw every letter in the order typed and leave the
# override out, so the creator is told where one is.
_OVERRIDES = {"\u202e": ("right-to-left override (U+202E)", "turning the letters after it around"),
              "\u202d": ("left-to-right override (U+202D)", "setting right-to-left letters after it left to right")}


def _overrides(carousel) -> list[str]:
    """Slides holding a direction override, named with what the slide shows instead of what X shows."""
    out = []
    for mark, (name, effect) in _OVERRIDES.items():
        slides = [str(i) for i, s in enumerate(carousel.slides, 1) if mark in s.title or mark in s.body]
        if slides:
            where = f"Slide {slides[0]} holds" if len(slides) == 1 else f"Slides {', '.join(slides)} hold"
            out.append(f"{where} a {name}, which X shows by {effect}. The slides show "
                       "every letter in the order you typed it; delete the override if it got in by accident.")
    return out


_SCRIPT_NAME = re.compile(r"^([A-Z][A-Z ]*?) (?:CAPITAL |SMALL )?(?:LETTER|VOWEL SIGN|SIGN|DIGIT|SYLLABLE|HIEROGLYPH)\b")


def _scripts(chars: list[str]) -> list[str]:
    """The writing systems of ``chars`` by their Unicode names ('TIBETAN LETTER KA' → Tibetan); symbols name none."""
    found = []
    for char in chars:
        match = _SCRIPT_NAME.match(unicodedata.name(char, ""))
        script = match and match.group(1).title()
        if script and script not in found:
            found.append(script)
    return sorted(found)


def _linkedin(fmt, pages: int, sizes: list[int]) -> list[str]:
    out = []
    if pages > LINKEDIN_MAX_PAGES:
        out.append(f"LinkedIn takes at most {LINKEDIN_MAX_PAGES} pages in a document; this one has {pages}. "
                   "Split the thread into two carousels.")
    if fmt.ratio not in LINKEDIN_RATIOS:
        out.append(f"LinkedIn shows documents best at 4:5 or 1:1; {fmt.label} ({fmt.ratio}) "
                   "will appear small with bars around it. Choose a LinkedIn format.")
    total = sum(sizes)
    if total > LINKEDIN_MAX_BYTES:
        out.append(f"The PDF is {format_bytes(total)}; LinkedIn takes at most {LINKEDIN_MAX_BYTES // 1000**2} MB. "
                   "Use fewer or smaller photos.")
    return out


def _instagram(fmt, pages: int, width: int, sizes: list[int]) -> list[str]:
    out = []
    if pages > INSTAGRAM_MAX_SLIDES:
        out.append(f"Instagram takes at most {INSTAGRAM_MAX_SLIDES} images in a carousel; this one has {pages}. "
                   "Shorten it or post it as two carousels.")
    elif pages > INSTAGRAM_API_MAX_SLIDES:
        out.append(f"{pages} slides: fine in the Instagram app, but scheduling tools that post through "
                   f"Instagram's API take only {INSTAGRAM_API_MAX_SLIDES}.")
    low, high = INSTAGRAM_WIDTH
    if not low <= width <= high:
        out.append(f"The images are {width} px wide; Instagram takes {low}–{high} px and will scale them. "
                   "Export at scale 2 (1080 px).")
    if fmt.ratio not in INSTAGRAM_FEED_RATIOS:
        out.append(f"{fmt.label} ({fmt.ratio}) is cropped in a feed carousel, which takes "
                   f"{', '.join(INSTAGRAM_FEED_RATIOS)}; use it for stories or choose a feed format.")
    too_big = [i + 1 for i, n in enumerate(sizes) if n > INSTAGRAM_MAX_BYTES]
    if too_big:
        listed = ", ".join(f"{n:02d}" for n in too_big)
        subject = f"Image {listed} is" if len(too_big) == 1 else f"Images {listed} are"
        out.append(f"{subject} over Instagram's {INSTAGRAM_MAX_BYTES // 1000**2} MB limit; "
                   "export as JPEG or at scale 2.")
    return out


def check_identity(carousel) -> list[str]:
    """Who the slides credit and what the outro asks: missing, placeholder or stock texts, with the panel that fixes each."""
    from ..render import _identity
    name, handle, _ = _identity(carousel)
    out = []
    follow = carousel.cta.variant == 1 and any(s.kind == "outro" for s in carousel.slides)
    if not name and not handle:
        why = "so the outro's “Follow” button has nobody to follow" if follow else "so nobody is credited"
        out.append(f"No name or @handle on the slides, {why}. Add yours in the {BRAND_PANEL}.")
    elif not name:
        out.append(f"The slides show @{handle} but no name. Add your name in the {BRAND_PANEL}.")
    elif not handle:
        out.append(f"The slides show {name} but no @handle, so readers cannot find you. "
                   f"Add your handle in the {BRAND_PANEL}.")
    for label, value in (("name", name), ("handle", handle)):
        if value and value.lower().lstrip("@") in PLACEHOLDERS:
            out.append(f"The {label} “{value}” looks like a placeholder. Change it in the {BRAND_PANEL}.")
    outro = next((s for s in carousel.slides if s.kind == "outro"), None)
    if outro is not None and not (outro.title.strip() or outro.body.strip()) and carousel.cta.is_stock():
        out.append(f"The outro still has the stock call to action (“{carousel.cta.headline}”). "
                   f"Make it yours in {CTA_PANEL}.")
    return out
