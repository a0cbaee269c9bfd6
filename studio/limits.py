"""Caps on what one input may ask of the studio, decided up front, the same for the studio and the CLI.

Every cap is far above what a real thread, photo or project needs, and low
enough that the worst input within it is handled in seconds and a few hundred
MB of memory. Each one says why it has the value it has. ``docs/limits.md``
is the table a creator reads; keep the two in step.
"""
from __future__ import annotations

import json
import os
import re
import stat
from typing import BinaryIO

MB = 2**20
GB = 2**30
_WORD_RE = re.compile(r"\S+")

# Pasted text, a text file or stdin. A 25-post thread of full 4,000-character premium posts is
# 100 KB; 1 MB is ten times that, and the splitter handles 1 MB of one word in about a second.
MAX_TEXT_BYTES = 1 * MB

# Slides in one carousel: LinkedIn takes documents of at most 300 pages, Instagram 20 images.
MAX_SLIDES = 300

# Posts in one imported thread. The longest threads seen in real archives run to ~150 posts; a
# thread laid out is a slide per post plus the closing slide, so more than 299 cannot become one
# carousel (an import that is taken must also lay out).
MAX_POSTS = MAX_SLIDES - 1

# Photos one thread post keeps. X takes at most 4 photos a post, and an archive gives an edited post's photos once
# per version (at most 5): 20. A project file's post with more keeps its first 20 (said at open).
MAX_POST_IMAGES = 4 * 5

# Pages one slide may continue onto when its text overflows. A full 4,000-character premium post
# fills 3-4 portrait pages; a slide at the word cap below fills ~35 at the largest body size.
MAX_PAGES_PER_SLIDE = 40

# Words in one post or slide. A 25,000-character premium post is about 5,000 words; more cannot
# be laid out within MAX_PAGES_PER_SLIDE, so it is refused at once instead of after the layout work.
MAX_WORDS_PER_POST = 5_000

# Characters of one slide's body text. A 25,000-character premium post is the longest a post can be; the
# word cap alone let one 900 KB "word" (a pasted data URL) through, and laying that out took seconds on
# every keystroke.
MAX_BODY_CHARS = 40_000

# Characters of one slide title. A headline a reader takes in at a glance is under 100 characters; the
# longest real ones (a full premium post's first paragraph used as a title) stay under 1,000, and a title
# of this size still continues onto a second page. Titles are laid out again at every size auto-fit
# tries and named on every continuation page, so a 600 KB one word froze the studio for minutes.
MAX_TITLE_CHARS = 2_000

# Characters of a project name: it is the file name and the PDF's title (file systems cut at 255 bytes)
# and it is sent with every page of the studio, so a huge one slows every page load.
MAX_NAME_CHARS = 200

# Characters of a brand's name and website. A person's or company's name is under 100 characters and a
# web address shown on a slide under 100; the studio allows twice (name) and twenty times (website, for
# long tracking links) that. Both are laid out on every page and sent with every page load: a 600 KB
# brand name held the server for 5 s per redraw, a 300 KB website made every page load 7.5 MB.
MAX_BRAND_NAME_CHARS = 200
MAX_WEBSITE_CHARS = 2_000

# Characters of the outro's call to action: its headline, subline, button text and link. The stock lines are
# under 40 characters; a headline is a sentence, a subline two or three, a button a few words, a link a web
# address (with room for tracking). All four are drawn on the outro and sent with every page load, and a
# 600,000-character headline was laid out again at every size the outro tries.
MAX_CTA_HEADLINE_CHARS = 300
MAX_CTA_SUBLINE_CHARS = 1_000
MAX_CTA_BUTTON_CHARS = 100
MAX_CTA_LINK_CHARS = 2_000

# The brand's and the outro's texts with a cap, by (part, field): the cap and the field as a message names it.
PART_CAPS: dict[tuple[str, str], tuple[int, str]] = {
    ("brand", "name"): (MAX_BRAND_NAME_CHARS, "the brand's name"),
    ("brand", "website"): (MAX_WEBSITE_CHARS, "the brand's website"),
    ("cta", "headline"): (MAX_CTA_HEADLINE_CHARS, "the outro's headline"),
    ("cta", "subline"): (MAX_CTA_SUBLINE_CHARS, "the outro's subline"),
    ("cta", "button"): (MAX_CTA_BUTTON_CHARS, "the outro's button text"),
    ("cta", "link"): (MAX_CTA_LINK_CHARS, "the outro's link"),
}

# Brand profiles (and presets) in one kit file. An agency's kit holds its clients: tens, rarely a few hundred.
# Each imported profile is written to the store one by one; 5,000 took 90 s.
MAX_KIT_RECORDS = 1_000

# Characters of one slide's alt text. Screen readers advise ~125-250 characters; LinkedIn and Instagram
# take at most a few hundred, and the studio sends every slide's alt text with each page load.
MAX_ALT_CHARS = 2_000

# One image file (photo, avatar, logo) as uploaded: phone photos are 2-12 MB, camera JPEGs up to 30.
MAX_IMAGE_BYTES = 40 * MB

# Pixels of one image, decoded. 40 megapixels is a 7,300 x 5,500 photo (every phone, most cameras);
# decoded as RGBA it needs 160 MB, so a few at once still fit in a small machine's memory.
MAX_IMAGE_PIXELS = 40_000_000
MAX_IMAGE_SIDE = 8_000  # a panorama strip may be long, but not longer than this

# An X data archive upload. X's archive holds every photo and video the account posted: an active
# account's is often 1-2 GB. The studio reads tweets.js and one thread's photos from the zip without
# unpacking it, so size costs only the upload's time and a copy on disk until the thread is read.
MAX_ARCHIVE_BYTES = 2 * GB

# A project file (carousel JSON with its photos embedded as base64): 300 slides with a
# stored 2160 px photo each (~0.6 MB) is ~240 MB of base64.
MAX_PROJECT_BYTES = 256 * MB

# Nesting of any JSON the studio reads (project, kit, store files). Real files nest ~8 levels;
# deeper data is damage or an attack (Python's parser gives up near 1,000 levels).
MAX_JSON_DEPTH = 64

# Digits of one integer in any JSON the studio reads; Python refuses more than 4,300 anyway.
MAX_INT_DIGITS = 30

# Values (texts, numbers, objects, list items) in one project file. A carousel at every cap holds ~130,000 (300
# slides each listing all 299 posts, 299 posts with 20 photos each). Each value costs ~10 µs of checks before the
# caps on its list can apply: a 6 MB file listing one post id a million times took 13 s to open.
MAX_PROJECT_VALUES = 1_000_000


def megabytes(n: int) -> str:
    """A size for messages: "2 GB", "1.5 GB", "40 MB", "1 KB"."""
    if n >= GB:
        return f"{n / GB:,.1f}".removesuffix(".0") + " GB"
    return f"{n / MB:,.0f} MB" if n >= MB else f"{n / 1024:,.0f} KB"


class LimitError(ValueError):
    """Input beyond a cap or not well-formed; the message is meant for the user."""


def _big_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise LimitError(f"it holds a number of {len(digits):,} digits")
    return int(digits)


def _no_constant(name: str) -> None:
    raise LimitError(f"it holds {name}, which is not a JSON number")


def parse_json(raw: str | bytes, what: str = "the file", max_values: int | None = None) -> object:
    """Parse JSON within the caps: LimitError names ``what`` and the problem.

    Besides syntax, refuses what Python's parser would turn into a crash or a
    slow number later: integers of more than MAX_INT_DIGITS digits, NaN and
    Infinity, nesting deeper than MAX_JSON_DEPTH, and more than ``max_values`` values.
    """
    try:
        data = json.loads(raw, parse_int=_big_int, parse_constant=_no_constant)
    except LimitError as exc:
        raise LimitError(f"{what} does not parse: {exc}") from None
    except UnicodeDecodeError:
        raise LimitError(f"{what} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise LimitError(f"{what} does not parse (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise LimitError(f"{what} is nested too deeply (more than {MAX_JSON_DEPTH} levels)") from None
    except ValueError as exc:  # e.g. a float literal Python cannot read
        raise LimitError(f"{what} does not parse ({exc})") from None
    try:
        depth = json_depth(data, max_values)
    except LimitError as exc:
        raise LimitError(f"{what} {exc}") from None
    if depth > MAX_JSON_DEPTH:
        raise LimitError(f"{what} is nested too deeply (more than {MAX_JSON_DEPTH} levels)")
    return data


def json_depth(data: object, max_values: int | None = None) -> int:
    """How deeply lists and objects nest in ``data`` (0 for a plain value); no recursion. LimitError when it holds
    more than ``max_values`` values (counted on the way)."""
    deepest, stack, seen = 0, [(data, 1)], 0
    while stack:
        value, depth = stack.pop()
        seen += 1
        if max_values is not None and seen > max_values:
            raise LimitError(f"holds more than {max_values:,} values (texts, numbers, list items); a carousel "
                             "file at every cap holds about 130,000")
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def check_words(text: str, what: str = "the slide") -> None:
    """LimitError when ``text`` has more than MAX_WORDS_PER_POST words (counted without building a list)."""
    words = sum(1 for _ in _WORD_RE.finditer(text)) if len(text) > MAX_WORDS_PER_POST else 0
    if words > MAX_WORDS_PER_POST:
        raise LimitError(f"{what} has {words:,} words; one slide may hold at most {MAX_WORDS_PER_POST:,}. "
                         "Split it into several slides.")


def chars(text: str) -> int:
    """How many characters ``text`` has, as every text cap counts them: Unicode code points.

    The one count for check_chars, the studio's boxes (``app.slide_edits``), share mode, the open notice and
    export, so a text one of them takes no other refuses. An emoji counts its code points (😀 is 1, 👩‍💻 is 3:
    woman, joiner, laptop); a browser's ``.length`` (UTF-16 units, 2 for 😀) is never used for a cap.
    """
    return len(text)


def check_chars(text: str, cap: int, what: str) -> None:
    """LimitError when ``text`` is longer than ``cap`` characters; the message names ``what`` and the cap."""
    if chars(text) > cap:
        raise LimitError(f"{what} has {chars(text):,} characters; the limit is {cap:,}. Shorten it.")


def check_size(slides: int, posts: int, was: tuple[int, int] = (0, 0)) -> None:
    """LimitError when a carousel of ``slides`` slides and ``posts`` source posts is beyond MAX_SLIDES or
    MAX_POSTS and bigger than it ``was`` (slides, posts): what the studio would save must open again."""
    if slides > MAX_SLIDES and slides > was[0]:
        raise LimitError(f"A carousel holds at most {MAX_SLIDES} slides (LinkedIn takes documents of at most "
                         f"{MAX_SLIDES} pages); this would make {slides:,}. Nothing was changed: delete or merge "
                         "slides, or import fewer posts.")
    if posts > MAX_POSTS and posts > was[1]:
        raise LimitError(f"A project holds at most {MAX_POSTS} posts; this would make {posts:,}. "
                         "Nothing was changed.")


# A slide's texts with a cap, by field: the cap and the field as a message names it ("the title of slide 3").
SLIDE_CAPS: dict[str, tuple[int, str]] = {
    "title": (MAX_TITLE_CHARS, "the title of slide {n}"),
    "body": (MAX_BODY_CHARS, "the text of slide {n}"),
    "alt_text": (MAX_ALT_CHARS, "the alt text of slide {n}"),
}

# How many over-cap texts a notice or an export's refusal names one by one; the rest are counted.
NAMED_OVER_CAPS = 10


def check_texts(carousel) -> None:
    """LimitError naming every text of ``carousel`` beyond its cap: its name, a slide's title, text or alt text.

    Export's rule: a creator's words are never cut in an export, so a carousel holding such a text is refused
    (the message names each slide and field, first in full) until the creator shortens it.
    """
    over = texts_over_caps(carousel)
    if not over:
        return
    (cap, what, text), rest = over[0], over[1:]
    first = f"{what} has {chars(text):,} characters; the limit is {cap:,}. Shorten it"
    also = f". Also over their limits: {_named([over_cap(t, c, w) for c, w, t in rest])}" if rest else ""
    raise LimitError(f"{first}{also}. Nothing is exported until then: an export never cuts your words.")


def texts_over_caps(carousel) -> list[tuple[int, str, str]]:
    """The project name and every slide title, text and alt text over its cap, as (cap, what, text):
    (2000, "the title of slide 3", "…")."""
    found = [(MAX_NAME_CHARS, "the project name", carousel.name)] if chars(carousel.name) > MAX_NAME_CHARS else []
    for n, slide in enumerate(carousel.slides, 1):
        for field, (cap, what) in SLIDE_CAPS.items():
            text = getattr(slide, field, "")
            if isinstance(text, str) and chars(text) > cap:
                found.append((cap, what.format(n=n), text))
    return found


def slides_over_caps(carousel) -> list[str]:
    """``texts_over_caps`` (the project name too, despite this name) in a message's words: "the title of slide 3
    (2,412 characters; the limit is 2,000)". An old or hand-made file may hold such a text: it opens whole, but
    is not exported until shortened."""
    return [over_cap(text, cap, what) for cap, what, text in texts_over_caps(carousel)]


def _named(over: list[str]) -> str:
    """The first NAMED_OVER_CAPS of ``over``, then how many more."""
    more = len(over) - NAMED_OVER_CAPS
    return "; ".join(over[:NAMED_OVER_CAPS]) + (f"; and {more:,} more" if more > 0 else "")


def slides_over_caps_notice(whose: str, over: list[str]) -> str:
    """The notice when a project opens holding texts over their caps (``slides_over_caps``): which, and what to
    do. Nothing is cut: the file's words are kept, and export refuses until each is shortened."""
    return (f"{whose} holds texts over their limits: {_named(over)}. Nothing was lost: each is kept whole, "
            "but the carousel cannot be exported until each is shortened to its limit (an export never cuts "
            "your words; an edit to such a text may only make it shorter).")


def cut(text: str, cap: int) -> str:
    """``text`` as drawn: an over-cap one from an old file is cut at its cap (the file keeps it whole)."""
    return text if chars(text) <= cap else text[:cap]


def parts_over_caps(carousel) -> list[str]:
    """What of ``carousel``'s brand and outro is over its cap (PART_CAPS), in a message's words: "the brand's
    name (612 characters; the limit is 200)". An old file may hold such a field: it opens, drawn cut."""
    return _over_caps({"brand": carousel.brand, "cta": carousel.cta})


def profile_over_caps(profile) -> list[str]:
    """``parts_over_caps`` for a saved brand profile (its brand fields and its outro, if it has one)."""
    return _over_caps({"brand": profile, "cta": profile.cta})


def preset_over_caps(preset) -> list[str]:
    """``parts_over_caps`` for a saved preset (its outro, and its brand if it carries one)."""
    return _over_caps({"brand": preset.profile, "cta": preset.cta})


def _over_caps(parts: dict) -> list[str]:
    found = []
    for (part, field), (cap, what) in PART_CAPS.items():
        text = getattr(parts[part], field, "") if parts[part] is not None else ""
        if isinstance(text, str) and chars(text) > cap:
            found.append(over_cap(text, cap, what))
    return found


def over_cap(text: str, cap: int, what: str) -> str:
    """ "the brand's name (612 characters; the limit is 200)" """
    return f"{what} ({chars(text):,} characters; the limit is {cap:,})"


def read_capped(path: str | os.PathLike[str], cap: int, what: str | None = None) -> bytes:
    """The bytes of a regular file of at most ``cap`` bytes; LimitError otherwise, before reading much.

    Pipes, devices and sockets are refused without being opened (a FIFO with no
    writer would wait forever, /dev/zero never ends); the size is checked on
    the file first, so a sparse 2 GB file is never read.
    """
    name = what or os.path.basename(os.fspath(path)) or os.fspath(path)
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a pipe, device or socket)"
        raise LimitError(f"{name} is {kind}; give a file")
    if info.st_size > cap:
        raise LimitError(f"{name} is {megabytes(info.st_size)}; the limit is {megabytes(cap)}")
    with open(path, "rb") as f:
        return read_stream(f, cap, name)


def read_stream(stream: BinaryIO, cap: int, what: str = "the input") -> bytes:
    """At most ``cap`` bytes of a stream (stdin, an upload); LimitError when there is more."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise LimitError(f"{what} is more than {megabytes(cap)}; the limit is {megabytes(cap)}")
    return data
