"""Text layout: clean, style, measure, break and order text the way cairo will draw it.

Small pure steps, each cached where it is on the hot path:

1. ``prepare(text)`` cleans plain text (drops control and format characters),
   marks links, @mentions, #hashtags and $cashtags as accent spans, shapes
   Arabic (cairo does no shaping) and splits it into grapheme clusters; emoji
   clusters carry their Twemoji file.
2. ``assign_fonts`` picks, per cluster, the first face that has the glyph
   (the chosen family, then the fonts.FALLBACKS chain), because
   CairoSVG has no glyph fallback.
3. ``wrap_from`` breaks a paragraph into lines at break opportunities,
   measuring with the glyph advances of the very files cairo draws with (no
   kerning, no ligatures: CairoSVG draws glyph by glyph). Words longer than a
   line break between grapheme clusters. It can resume mid-paragraph and stop
   after N lines, so a page of a long post costs only what the page holds.
4. ``line_runs`` puts each line in visual order (bidi, with Arabic already
   shaped) and cuts it into runs of one face and colour with x offsets. The
   layouts then give every glyph its own x, so the browser and cairo draw each
   glyph at the same spot whatever their advance rounding.

Words in a script that needs shaping (Devanagari, Thai: ``studio.shaping``) are
measured with HarfBuzz's advances and their runs carry the shaped glyphs, which
the layouts draw as outlines.
"""
from __future__ import annotations

import threading
import unicodedata
from bisect import bisect_left, bisect_right
from collections import deque
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

import regex

from . import code, emoji, fonts, shaping
from .graphemes import clusters_of
from .links import shown as link_shown
from .links import target as link_target
from .svg import xml_safe
from .text_patterns import LINK, LINK_PATTERN, link_end
from .text_patterns import SPACED_LETTER as _W

EMOJI_ADVANCE = 1.18  # an emoji image takes this many ems
SAFETY = 0.985  # lines are filled to this share of the width: ink can overhang the last advance

_BIDI_CONTROLS = regex.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_FORMAT_OR_CONTROL = regex.compile(r"[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\u2028\u2029]")
# The spaces of a text, by what a line may do there. Any other space becomes one plain space (not U+3000: the
# ideographic space is as wide as the fullwidth letters it sets apart, "ＴＥＸＴ　ＨＯＯＫ").
_SPACES = regex.compile(r"[ \t\u1680\u2000-\u2006\u2008-\u200a\u205f]+")
# No-break spaces (U+00A0, figure space, the narrow one French writes in "10 000" and before "!"): the author asked
# for no line break there. Each stays one character (a run with plain spaces becomes the no-break one).
_NO_BREAK = "\u00a0\u2007\u202f"
_NO_BREAK_RUN = regex.compile(rf" *([{_NO_BREAK}])[ {_NO_BREAK}]*")
_FULLWIDTH = regex.compile(r"[\uff01-\uff5e]")  # forms set a full em wide (see ``wide_spaces``)
_BREAK_SPACES = frozenset(" \u3000")  # a line may break after them, and leaves them out at its end
# Spaces inside an unbreakable piece: a number and its unit, or the author's no-break spaces. A piece too wide for
# its line breaks there before it cuts a word ("Price:" | "$1,299.99", not "$1,299" | ".99").
_GLUED_SPACES = frozenset(" " + _NO_BREAK)
_ACCENT = regex.compile(
    rf"(?P<url>{LINK_PATTERN})"
    rf"|(?<!{_W}|@)@{_W}{{1,30}}"
    r"|(?<![\w#&])#\w*[^\W\d_\p{M}]\w*"
    r"|(?<![\w$])\$[A-Za-z]{1,6}(?:\.[A-Za-z]{1,2})?(?![\w])",
    regex.IGNORECASE,
)
_ARABIC = regex.compile(r"\p{Arabic}")
_ARABIC_WORD = regex.compile(r"[\p{Arabic}\p{Mn}\u200c]+")
_RTL = regex.compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]")
# Japanese and Chinese line rules too (kinsoku): no line starts with a closing bracket, a small kana, the long
# vowel mark or fullwidth punctuation, and none ends with an opening bracket.
_REPEAT_MARKS = "ๆໆ"  # Thai's and Lao's repetition marks: they repeat the word before them, and stay with it
_NO_BREAK_BEFORE = set(".,;:!?)]}%…'\"»”’、。，」』）】〕〉》〙〗〟・ー々ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ！？：；～"
                       + _REPEAT_MARKS)
# … of them, those that start no line even after a space (Unicode's line rule 13: closing marks, "!", "?", ".", ",",
# ";", ":"; and the repetition marks): "ดี ๆ" is one piece, while a quote mark after a space may start a line.
_NOR_AFTER_A_SPACE = _NO_BREAK_BEFORE - set("'\"»”’…%")
_NO_BREAK_AFTER = set("([{«‹“‘「『（【〔〈《〘〖〝")
# Where a line may break inside a word: not "_" (@jane_builds stays whole), nor "&" ("Q&A", "&lt;p&gt;") or "?" "="
# (prose).
BREAK_AFTER = _BREAK_AFTER = frozenset("-/–—")
_CODE_CLOSERS = set(")]},;:")
# Scripts written without spaces: a line may break between any two of their characters. Not Hangul: Korean puts
# spaces between words, and a slide breaks only there ("매일" was cut "매" | "일", as CSS's keep-all keeps it).
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_HEBREW = regex.compile(r"\p{Hebrew}")
# Full-width punctuation is set like an ideograph: a line may end after a closing mark ("：", "）", "。") and
# begin with an opening one ("（"), also beside Latin ("と：PMF（Product-Market Fit）"): else the Latin word and its
# marks were one piece, too wide for a narrow column and cut inside the word ("Produc" | "t-Market")
_CJK_CLOSE = set("、。，：；！？）」』】〕〉》〙〗〟")
_CJK_OPEN = set("「『（【〔〈《〘〖〝")
_NO_SPACES = regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")  # scripts that write words without spaces
# A word's last character: a letter, or the vowel sign or mark that ends its syllable (Burmese "ာ" and "း" are
# clusters of their own, category Mc: not isalpha(), yet "မြန်မာ" ends a word there).
_WORD_END_CHAR = regex.compile(r"[\p{L}\p{M}]")


@dataclass(frozen=True)
class Cluster:
    """One grapheme cluster: what it says, accent colour or not, Twemoji file if emoji, and its
    ``style``: letters of STYLE_BOLD, STYLE_ITALIC, STYLE_MONO, STYLE_EMPHASIS, STYLE_MISSING."""

    text: str
    accent: bool = False
    emoji: str | None = None
    style: str = ""
    link: str | None = None  # the full target of a link's visible text

    @property
    def is_space(self) -> bool:
        return self.text == " "


@dataclass(frozen=True, eq=False)
class Para:
    """A paragraph ready for layout; ``rtl`` is its base direction, ``gap`` a blank line before it.

    Its hash is computed once: paragraphs are cache keys on the hot path, and a
    long post would otherwise be re-hashed cluster by cluster on every lookup.
    """

    clusters: tuple[Cluster, ...]
    rtl: bool = False
    gap: bool = False
    indent: int = 0  # a code line's indentation, in spaces of the monospace face
    code: bool = False  # a line of a code block (``studio.code``): drawn in monospace, as written
    drawing: bool = False  # … of a table or ASCII drawing (``drawing_lines``): its columns line up, never wrapped

    def __eq__(self, other: object) -> bool:
        return self is other or (isinstance(other, Para) and (self.rtl, self.gap, self.indent, self.code,
                                 self.drawing) == (other.rtl, other.gap, other.indent, other.code, other.drawing)
                                 and self.clusters == other.clusters)

    def __hash__(self) -> int:
        h = self.__dict__.get("_hash")
        if h is None:
            h = hash((self.clusters, self.rtl, self.gap, self.indent, self.code, self.drawing))
            object.__setattr__(self, "_hash", h)
        return h

    @property
    def text(self) -> str:
        """The paragraph's text, joined once: a page asks for it per line, and a long paragraph is long."""
        t = self.__dict__.get("_text")
        if t is None:
            t = "".join(c.text for c in self.clusters)
            object.__setattr__(self, "_text", t)
        return t


@dataclass(frozen=True)
class Line:
    """Clusters ``start:end`` of paragraph ``para`` (trailing spaces left out) and their width."""

    para: Para
    start: int
    end: int
    width: float

    @property
    def clusters(self) -> tuple[Cluster, ...]:
        return self.para.clusters[self.start:self.end]

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.clusters)


@dataclass(frozen=True)
class Run:
    """A piece of a line in visual order: x offset from the line start, font, colour role, style."""

    x: float
    text: str
    family: str
    accent: bool
    emoji: str | None
    width: float
    style: str = ""
    link: str | None = None
    glyphs: tuple[tuple[shaping.Glyph, float], ...] = ()  # a shaped word: (glyph, pen x in ems from x)

    @property
    def bold(self) -> bool:
        return STYLE_BOLD in self.style

    @property
    def italic(self) -> bool:
        return STYLE_ITALIC in self.style

    @property
    def emphasis(self) -> bool:
        return STYLE_EMPHASIS in self.style

    @property
    def missing(self) -> bool:
        return STYLE_MISSING in self.style


# ---------------------------------------------------------------- cleaning

def clean(text: str) -> str:
    """Plain text as the renderer draws it: NFC, no control/format characters, single spaces.

    Newlines are kept (they separate paragraphs); zero-width joiners survive only
    inside emoji sequences. Lines of a code block keep their spaces (tabs as four).
    """
    text = xml_safe(text).replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():  # a cluster per character, none an emoji, nothing to normalise: DEL is the one control left
        text = text.replace("\x7f", "")
    else:
        text = unicodedata.normalize("NFC", text)
        text = _BIDI_CONTROLS.sub("", text)
        out = []
        for cluster in clusters_of(text):
            if cluster == "\n":
                out.append("\n")
            elif emoji.is_emoji(cluster):
                out.append(cluster)
            elif cluster == "\t":
                out.append("\t")
            else:
                out.append(_FORMAT_OR_CONTROL.sub("", cluster))
        text = "".join(out)
    if code.has_code(text):
        lines = [line.expandtabs(4).rstrip() if is_code else _spaced(line)
                 for line, is_code in zip(text.split("\n"), code.code_lines(text))]
    else:
        lines = [_spaced(line) for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def _spaced(line: str) -> str:
    """A line with single spaces, no-break ones kept, none at its ends."""
    line = _SPACES.sub(" ", line)
    if not line.isascii():
        line = _NO_BREAK_RUN.sub(r"\1", line)
    return line.strip()


def words(text: str) -> list[str]:
    """The visible words of a text (for 'no word lost' checks)."""
    return clean(text).split()


# ---------------------------------------------------------------- styled letters and emphasis

STYLE_BOLD, STYLE_ITALIC, STYLE_MONO, STYLE_EMPHASIS, STYLE_MISSING = "b", "i", "m", "e", "x"
MONO_FAMILY = "JetBrains Mono"
MISSING_MARK = "?"  # drawn boxed, in place of a character no bundled font has
# ``**`` marks emphasis only where it plainly is markup, paired as Markdown pairs it: a run of exactly two stars
# that may open (after a space, punctuation or an emoji, before a non-space) pairs with the nearest one after it
# that may close (after a non-space, before a space or punctuation). Every other star is the writer's and is drawn
# ("f**k", "2**10", "x**2", "Rated *****", "src/**/*.py", "ex.com/a**b**c"). A slash, backslash, "." or "@" beside
# a star is a path's or an address's. Scripts written without spaces ("これは**重要**です") may stand on either side.
_STARS = regex.compile(r"\*+")
_OPENS_AFTER = regex.compile(r"[^\p{L}\p{N}\p{M}*/\\.@_]")  # what may stand before an opening "**"
_CLOSES_BEFORE = regex.compile(r"[^\p{L}\p{N}\p{M}*/\\@_]")  # ... after a closing one
_TEXT_AFTER = regex.compile(r"[^\s*/\\]")  # ... after an opening one, and before a closing one
_WORD_START = regex.compile(r"[\p{L}\p{N}]")  # "**a**.com" would become the link "a.com": no emphasis
# Letters of scripts that put no space between words (and Korean's particles): they may flank a marker.
_UNSPACED_LETTER = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}ー々]")
_EMOJI_END = regex.compile("[\ufe0f\u20e3\U000e0020-\U000e007f\\p{Extended_Pictographic}]")  # an emoji's last character
_OPENER = regex.compile(r"(?:(?<![\p{L}\p{N}\p{M}*/\\.@_])|(?<=[\ufe0f\u20e3\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]))"
                        r"\*\*(?![\s*/\\])")  # a "**" that may open
_SPACE = regex.compile(r"\s")
_CODE_SPAN = regex.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")  # `code`: its stars are code, drawn as typed
_STYLED_BLOCK = regex.compile(r"[\U0001D400-\U0001D7FF]")
# Letters the Mathematical Alphanumeric block leaves to Letterlike Symbols (italic h, script B…).
_LETTERLIKE = {"ℎ": ("h", STYLE_ITALIC + STYLE_EMPHASIS), **{c: (unicodedata.normalize("NFKC", c), "")
                                                             for c in "ℬℰℱℋℐℒℳℛℯℊℴℭℌℑℜℨℂℍℕℙℚℝℤ"}}


@lru_cache(maxsize=4096)
def styled_letter(ch: str) -> tuple[str, str] | None:
    """(plain letter, style) of a Mathematical Alphanumeric letter ("𝗯" -> ("b", "be")), else None.

    Bold and italic (serif or sans) mark emphasis; monospace keeps a monospace
    face; script, fraktur and double-struck become plain letters.
    """
    if not _STYLED_BLOCK.match(ch):
        return None
    name = unicodedata.name(ch, "")
    plain = unicodedata.normalize("NFKC", ch)
    if plain == ch:
        return None  # an unassigned code point of the block
    if any(w in name for w in ("SCRIPT", "FRAKTUR", "DOUBLE-STRUCK")):
        return plain, ""
    if "MONOSPACE" in name:
        return plain, STYLE_MONO
    style = (STYLE_BOLD if "BOLD" in name else "") + (STYLE_ITALIC if "ITALIC" in name else "")
    return plain, style + (STYLE_EMPHASIS if style else "")


def _may_open(line: str, start: int, end: int) -> bool:
    before = line[start - 1] if start else " "
    after = line[end] if end < len(line) else " "
    if not _TEXT_AFTER.match(after):
        return False
    if _OPENS_AFTER.match(before) or _UNSPACED_LETTER.match(before) or _EMOJI_END.match(before):
        return True
    # "**Yes**/**No**": a slash between two pairs
    return before == "/" and line.endswith("**", 0, start - 1) and _may_close(line, start - 3, start - 1)


def _may_close(line: str, start: int, end: int) -> bool:
    before = line[start - 1] if start else " "
    after = line[end] if end < len(line) else " "
    if not _TEXT_AFTER.match(before):
        return False
    if _UNSPACED_LETTER.match(after):
        return True
    if after == "/":
        return line.startswith("**", end + 1) and _TEXT_AFTER.match(line, end + 3) is not None
    return _CLOSES_BEFORE.match(after) is not None and not (after in ".:" and _WORD_START.match(line, end + 1))


def emphasis_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each ``**emphasis**`` of a line, its markers included (see ``_STARS``): a closing marker pairs
    with the nearest opening one before it; never one in a link or a `code span`, never one across a run of three
    stars or more, never one across another pair (no nesting: the outer stars are drawn)."""
    if "**" not in line:
        return []
    links = _link_spans(line) + [m.span() for m in _CODE_SPAN.finditer(line)] if "`" in line else _link_spans(line)
    links.sort()
    link_starts = [a for a, _ in links]
    reach = list(accumulate((b for _, b in links), max))  # how far the links up to each one reach
    spans: list[tuple[int, int]] = []
    opener = -1
    for m in _STARS.finditer(line):
        start, end = m.span()
        if end - start > 2:
            opener = -1  # "**a *** b**": the stars are the writer's
            continue
        k = bisect_right(link_starts, end - 1) - 1  # the last link starting at or before the run's last star
        if end - start != 2 or (k >= 0 and reach[k] > start):
            continue
        inside_word = start and end < len(line) and not (line[start - 1].isspace() or line[end].isspace())
        before_letter = inside_word and _WORD_START.match(line, end)
        # a pair closed inside a word holds no space: "我们**必须**" after "**kwargs in Python." opens anew
        if opener >= 0 and _may_close(line, start, end) and not (before_letter and _SPACE.search(line, opener, start)):
            spans.append((opener, end))
            opener = -1
        elif _may_open(line, start, end):
            opener = start
        elif inside_word:
            opener = -1  # "**a**.com 我们**必须**", "**x**y": stars inside a word are the writer's, and so is the opener
    return spans


def _link_spans(line: str) -> list[tuple[int, int]]:
    """Where the links of a line are, as written (see ``_typed_accents``)."""
    return [(start, end) for start, end, url in _typed_accents(line) if url]


def _typed_accents(line: str) -> list[tuple[int, int, bool]]:
    """(start, end, is a link) of each link, @mention, #hashtag and $cashtag of a line as typed, stars included. A
    link ending in ``**`` after an opening ``**`` ends before them ("**Read https://x.com/a**": a bold link to
    https://x.com/a)."""
    out = []
    opener = _OPENER.search(line) if "**" in line else None
    for m in _ACCENT.finditer(line):
        start, end = m.span()
        if m.group("url"):
            end = link_end(line, start, end)
            while line.startswith("-", start, end):  # "**sub**-domain.com": a host starts with a letter or digit
                start += 1
            if opener and opener.end() <= start and line.endswith("**", start, end) \
                    and "**" not in line[start:end - 2] and _TEXT_AFTER.match(line, end - 3) \
                    and (end == len(line) or _CLOSES_BEFORE.match(line, end)):
                end -= 2
        if end > start:
            out.append((start, end, bool(m.group("url"))))
    return out


def _unstyle_line(line: str) -> tuple[str, list[str]]:
    """A line with ``**emphasis**`` markers removed and styled letters made plain; the style of each
    remaining character."""
    text, styles, _ = _unstyled(line)
    return text, styles


def _unstyled(line: str) -> tuple[str, list[str], list[int]]:
    """``_unstyle_line``, and where each remaining character stands in the typed line."""
    chars: list[str] = []
    styles: list[str] = []
    typed: list[int] = []
    pos = 0
    letterlike = bool(_STYLED_BLOCK.search(line))  # ℎ ℬ … count only in text written with styled letters
    for start, end in emphasis_spans(line) + [(len(line), len(line))]:
        chars.extend(line[pos:start])
        styles.extend([""] * (start - pos))
        typed.extend(range(pos, start))
        if end > start:
            chars.extend(line[start + 2:end - 2])
            styles.extend([STYLE_BOLD + STYLE_EMPHASIS] * (end - start - 4))
            typed.extend(range(start + 2, end - 2))
        pos = end
    for i, ch in enumerate(chars):
        found = styled_letter(ch) or (_LETTERLIKE.get(ch) if letterlike else None)
        if found:
            chars[i] = found[0]
            styles[i] = "".join(sorted(set(styles[i] + found[1])))
    return "".join(chars), styles, typed


def _drawn_accents(line: str, typed: list[int], accents: list[tuple[int, int, bool]]) -> list[tuple[str, bool]]:
    """The (text, is_accent) spans of an unstyled ``line``, its accents found in the typed line (``**a**-b.com``
    links "-b.com", as typed, never "a-b.com"); ``typed`` maps each character back to the typed line."""
    if not accents:
        return [(line, False)] if line else []
    starts = [a for a, _, _ in accents]
    out: list[tuple[str, bool]] = []
    key_of_last, begin = None, 0
    for i, at in enumerate(typed):
        k = bisect_right(starts, at) - 1
        key = k if k >= 0 and at < accents[k][1] else None
        if i and key != key_of_last:
            out.append((line[begin:i], key_of_last is not None))
            begin = i
        key_of_last = key
    if begin < len(line):
        out.append((line[begin:], key_of_last is not None))
    return out


def plain_letters(text: str) -> str:
    """The text as a screen reader should read it: styled letters plain, ``**`` markers and code fences gone."""
    if code.has_code(text):
        text = "\n".join(line for line in text.split("\n") if not code.FENCE_RE.match(line))
    if "**" not in text and not _STYLED_BLOCK.search(text):
        return text
    return "\n".join(_unstyle_line(line)[0] for line in text.split("\n"))


# ---------------------------------------------------------------- prepare

def accent_spans(text: str) -> list[tuple[str, bool]]:
    """Split one line into (text, is_accent) spans: links, @mentions, #hashtags, $cashtags."""
    spans: list[tuple[str, bool]] = []
    pos = 0
    for m in _ACCENT.finditer(text):
        start, end = m.span()
        if m.group("url"):
            end = link_end(text, start, end)
        if end <= start:
            continue
        if start > pos:
            spans.append((text[pos:start], False))
        spans.append((text[start:end], True))
        pos = end
    if pos < len(text):
        spans.append((text[pos:], False))
    return spans


@lru_cache(maxsize=1)
def _reshaper():
    import arabic_reshaper
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


@lru_cache(maxsize=4096)
def _reshape(text: str) -> str:
    return _reshaper().reshape(text)


def strong_direction(text: str) -> bool | None:
    """True if the first letter with a direction of its own is right-to-left, False if left-to-right, None when
    the text has none (digits, punctuation, emoji only)."""
    for ch in text:
        cls = unicodedata.bidirectional(ch)
        if cls in ("R", "AL"):
            return True
        if cls == "L":
            return False
    return None


def direction_weights(text: str) -> tuple[int, int]:
    """(right-to-left words, left-to-right runs): how strongly a line reads each way. An unbroken run of
    left-to-right words counts once (words with no letters, "15", do not break it): in Hebrew or Arabic text it
    is a name or a term, however many words ("iPhone 15 Pro", "React, Next.js, Tailwind")."""
    rtl = runs = 0
    in_run = False
    for word in text.split():
        d = strong_direction(word)
        if d is True:
            rtl, in_run = rtl + 1, False
        elif d is False:
            runs += not in_run
            in_run = True
    return rtl, runs


def holds_direction(text: str, rtl: bool) -> bool:
    """Whether ``text`` has a letter that reads right to left (``rtl``), or left to right."""
    wanted = ("R", "AL") if rtl else ("L",)
    return any(unicodedata.bidirectional(ch) in wanted for ch in text)


def _base_rtl(text: str) -> bool:
    return bool(strong_direction(text))


# ---------------------------------------------------------------- tables and ASCII drawings

_BOX_DRAWING = regex.compile(r"[\u2500-\u259f]")  # box-drawing characters and block elements: "┌─┐", "┻━┻", "▓"
_TABLE_ROW = regex.compile(r"^\s*\|.*\|\s*$|^\s*[+|][-=:+|]{2,}")  # "| a | b |", "+----+", "|---|:--:|"
_COLUMN_GAP = regex.compile(r"(?<=\S) {2,}(?=\S)")  # a gap of two spaces or more between a line's words
DRAWING_FENCE = "```studio.drawing"  # the fence ``fence_drawings`` puts around a drawing
_PICTOGRAPH = regex.compile(r"\p{Extended_Pictographic}")


_LIST_LEAD = regex.compile(r"^\s*(?:(?:[-–•*·▪◦‣►▶→➡✔✓✗]+|\(?\d{1,3}(?:\.\d{1,2})?[.):]|\p{Extended_Pictographic}\ufe0f?)\s|[#@]\w)")
_SENTENCE_MARK = regex.compile(r"[.!?,;:](?:\s|$)")  # punctuation a sentence holds, not a table cell


def _mostly_symbols(line: str) -> bool:
    ink = [ch for ch in line if not ch.isspace()]
    symbols = sum(1 for ch in ink if not ch.isalnum())
    return (symbols >= 3 or symbols == len(ink)) and symbols >= 0.6 * len(ink) and not _PICTOGRAPH.search(line)


def _drawn_line(line: str) -> str:
    """"strong" for a line that is a table row or holds box drawing, "weak" for a line mostly of symbols (no
    emoji: "\\____/\\____/", "+  ->  +"), "" for any other."""
    if _BOX_DRAWING.search(line) or (_TABLE_ROW.match(line) and line.count("|") + line.count("+") >= 2):
        return "strong"
    return "weak" if _mostly_symbols(line) else ""  # ("▼" alone under a box too)


def _columns(line: str) -> set[int]:
    """Where the words after each wide gap of ``line`` start (the columns of an aligned table)."""
    return {m.end() for m in _COLUMN_GAP.finditer(line.expandtabs(4))}


def _markdown_table(lines: list[str]) -> bool:
    """Whether ``lines`` are the rows of a Markdown table: pipe rows, the second a separator ("|---|:--:|")."""
    rows = [_cells(line) for line in lines]
    return len(rows) >= 2 and all(r is not None for r in rows) and _separator_row(rows[1])


def _art(lines: list[str]) -> bool:
    """Whether ``lines`` (three or more) are mostly box-drawing or ASCII-art structure, list lines aside."""
    if len(lines) < 3 or any(_LIST_LEAD.match(line) and not _BOX_DRAWING.match(line.strip()) for line in lines):
        return False
    return 2 * sum(1 for line in lines if _mostly_symbols(line) or _BOX_DRAWING.search(line)) > len(lines) \
        and any(_mostly_symbols(line) for line in lines)


def _aligned_columns(lines: list[str]) -> bool:
    """An unmistakable table of words aligned after wide gaps: three lines or more sharing two gap columns or
    more, none of them a list line or holding a sentence's punctuation."""
    if len(lines) < 3 or any(_LIST_LEAD.match(line) or _SENTENCE_MARK.search(line) for line in lines):
        return False
    return len(set.intersection(*(_columns(line) for line in lines))) >= 2


def drawing_lines(lines: list[str]) -> list[bool]:
    """Which of ``lines`` belong to a table or an ASCII drawing, drawn in monospace so its columns line up: a
    Markdown table (pipe rows with a separator row); three lines or more, blank lines aside none, that are mostly
    box drawing or symbols ("+----+" / "| db |" / "+----+"); or three lines or more of words aligned in two columns
    or more after wide gaps, with no sentence punctuation ("Free    $0    1"). When in doubt, prose."""
    kinds = [_drawn_line(line) if line.strip() else "" for line in lines]
    out = [False] * len(lines)
    n = 0
    while n < len(lines):
        end = n
        while end < len(lines) and kinds[end]:
            end += 1
        if _markdown_table(lines[n:end]) or _art(lines[n:end]):
            out[n:end] = [True] * (end - n)
            n = end
            continue
        end = n
        while end < len(lines) and lines[end].strip() and _columns(lines[end]):
            end += 1
        if _aligned_columns(lines[n:end]):
            out[n:end] = [True] * (end - n)
            n = end
            continue
        n += 1
    return out


_TABLE_SEPARATOR = regex.compile(r"^\s*:?-+:?\s*$")


def _separator_row(cells: list[str] | None) -> bool:
    """Whether a Markdown row is its table's separator: every cell dashes, with a colon at either end."""
    return bool(cells) and all(_TABLE_SEPARATOR.match(cell) for cell in cells)


def _cells(line: str) -> list[str] | None:
    """The cells of a Markdown table row ("| a | b |" -> ["a", "b"]), None for any other line."""
    body = line.strip()
    if len(body) < 2 or not (body.startswith("|") and body.endswith("|")):
        return None
    return [cell.strip() for cell in body[1:-1].split("|")]


def _cell_width(cell: str) -> int:
    """How many monospace columns a cell takes: a wide character (CJK, an emoji) two."""
    return sum(2 if unicodedata.east_asian_width(g[0]) in "WF" or emoji.is_emoji(g) else 1
               for g in clusters_of(cell))


def aligned_table(lines: list[str]) -> list[str]:
    """A Markdown table's rows with every column padded to its widest cell, so its columns line up in monospace
    ("| Free | $0 |" / "| Team | $49/mo |"); a separator cell ("---", ":--:") grows with dashes. Every word kept;
    lines that are not all rows of one table come back as they were."""
    rows = [_cells(line) for line in lines]
    if len(rows) < 2 or any(r is None for r in rows) or len({len(r) for r in rows}) != 1:
        return lines
    widths = [max(_cell_width(r[k]) for r in rows) for k in range(len(rows[0]))]
    out = []
    for n, r in enumerate(rows):
        cells = []
        for cell, width in zip(r, widths):
            if n == 1 and _separator_row(r):
                right = ":" if cell.endswith(":") and len(cell) > 1 else ""
                cell = cell[:len(cell) - len(right)] + "-" * max(0, width - len(cell)) + right
            cells.append(cell + " " * max(0, width - _cell_width(cell)))
        out.append("| " + " | ".join(cells) + " |")
    return out


TABLE_MIN_CELL = 4  # a column of a table re-laid to fit keeps at least this many monospace columns


def _units(cells: list[Cluster] | tuple[Cluster, ...]) -> int:
    """How many monospace columns clusters take (``_cell_width``'s count, cluster by cluster)."""
    return sum(_cell_width(c.text) for c in cells)


def _row_cells(para: Para) -> list[list[Cluster]] | None:
    """A table row's cells as clusters, spaces around each trimmed ("| a | b |" -> [[a], [b]]); None for a line
    that is not a pipe row."""
    cl = list(para.clusters)
    while cl and cl[-1].is_space:
        cl.pop()
    if len(cl) < 2 or cl[0].text != "|" or cl[-1].text != "|":
        return None
    cells, cell = [], []
    for c in cl[1:]:
        if c.text == "|":
            while cell and cell[0].is_space:
                cell.pop(0)
            while cell and cell[-1].is_space:
                cell.pop()
            cells.append(cell)
            cell = []
        else:
            cell.append(c)
    return cells


def _border(para: Para) -> list[list[Cluster]] | None:
    """A box table's border ("+------+-----+") as its segments of rule, one per column; None for any other line."""
    text = para.text.rstrip()
    if not regex.fullmatch(r"\+(?:[-=:]+\+)+", text):
        return None
    cl = [c for c in para.clusters[:len(text)]]
    out, seg = [], []
    for c in cl[1:]:
        if c.text == "+":
            out.append([c] + seg)  # the corner is kept with its segment: the grid draws it again
            seg = []
        else:
            seg.append(c)
    return out


def _wrapped_cell(cell: list[Cluster], width: int) -> list[list[Cluster]]:
    """A cell's lines at most ``width`` monospace columns wide: broken at spaces, a longer word between letters."""
    lines: list[list[Cluster]] = [[]]
    word: list[Cluster] = []

    def place(w: list[Cluster]) -> None:
        while w:
            line = lines[-1]
            gap = 1 if line else 0
            if _units(line) + gap + _units(w) <= width:
                lines[-1] = line + ([_cluster(" ", False, STYLE_MONO)] if gap else []) + w
                return
            if line:
                lines.append([])
                continue
            n = 1  # a word wider than the column: as many of its letters as fit, the rest below
            while n < len(w) and _units(w[:n + 1]) <= width:
                n += 1
            lines[-1], w = w[:n], w[n:]
            if w:
                lines.append([])

    for c in cell + [Cluster(" ")]:
        if c.is_space:
            place(word)
            word = []
        else:
            word.append(c)
    return lines


def _column_widths(natural: list[int], words: list[int], room: int, whole: bool) -> list[int] | None:
    """Column widths summing to ``room`` at most: the widest column narrows first, down to its longest word, then
    (unless ``whole``: words kept whole) below it, to TABLE_MIN_CELL; None when even that is too wide."""
    widths = list(natural)
    while sum(widths) > room:
        wider = [j for j, w in enumerate(widths) if w > words[j]] or \
            ([] if whole else [j for j, w in enumerate(widths) if w > TABLE_MIN_CELL])
        if not wider:
            return None
        j = max(wider, key=lambda k: (widths[k], k))
        widths[j] -= 1
    return widths


def wrapped_table(paras: tuple[Para, ...], columns: int, whole: bool = False) -> tuple[Para, ...] | None:
    """A table's rows (``paras``, drawing lines: Markdown, or a box table's between "+---+" borders) re-laid at most
    ``columns`` monospace columns wide: each cell wraps inside its column, a row taking as many lines as its tallest
    cell, so the grid stays a grid at a readable size. A Markdown table with more columns than rows whose words
    would break that way, but not turned on its side, is turned (each column a row: "Plan | Free | Pro"). Every
    cluster kept; None when ``paras`` are not one table's rows or its columns cannot narrow that far (``whole``:
    without breaking a word)."""
    rows = [_row_cells(p) or _border(p) for p in paras]
    if not rows or any(r is None for r in rows) or len({len(r) for r in rows}) != 1:
        return None
    dashes = [bool(r) and all(c and all(x.text in "-:=+" for x in c) for c in r) for r in rows]
    if all(dashes):
        return None
    data = [r for r, d in zip(rows, dashes) if not d]
    boxed = any(p.clusters and p.clusters[0].text == "+" for p in paras)  # "+---+" borders: drawn as written
    turned = [list(col) for col in zip(*data)] if len(rows[0]) > len(data) and not boxed else None
    for keep in (True,) if whole else (True, False):  # words whole if it can be; as written, else turned
        widths = _widths(rows, dashes, columns - 3 * len(rows[0]) - 1, keep)
        if widths is not None:
            return _grid(list(paras), rows, dashes, widths)
        sides = turned and _widths(turned, [False] * len(turned), columns - 3 * len(turned[0]) - 1, keep)
        if sides:
            return _grid([paras[0]] + [replace(paras[0], gap=False)] * (len(turned) - 1), turned,
                         [False] * len(turned), sides)
    return None


def _widths(rows: list, dashes: list[bool], room: int, whole: bool) -> list[int] | None:
    body = [r for r, d in zip(rows, dashes) if not d]
    count = len(rows[0])
    natural = [max(1, max(_units(r[j]) for r in body)) for j in range(count)]
    longest = [max((_units(w) for r in body for w in _words_of(r[j])), default=1) for j in range(count)]
    return _column_widths(natural, longest, room, whole)


def _grid(paras: list[Para], rows: list, dashes: list[bool], widths: list[int]) -> tuple[Para, ...]:
    """The rows as monospace lines: each cell wrapped to its column's width, a row as tall as its tallest cell."""
    out: list[Para] = []
    for para, row, dash in zip(paras, rows, dashes):
        if dash and row[0][0].text == "+":  # a box border: "+" corners, its rule across each column and its gaps
            fill = row[0][1] if len(row[0]) > 1 else _mono("-")
            line = [_mono("+")]
            for w in widths:
                line += [fill] * (w + 2) + [_mono("+")]
            out.append(Para(tuple(line), False, para.gap, para.indent, True, True))
            continue
        cells = [[_rule(c, w)] for c, w in zip(row, widths)] if dash else \
            [_wrapped_cell(c, w) for c, w in zip(row, widths)]
        for n in range(max(len(c) for c in cells)):
            line = [_mono("|")]
            for cell, w in zip(cells, widths):
                part = cell[n] if n < len(cell) else []
                line += [_mono(" ")] + part + [_mono(" ")] * (w - _units(part) + 1) + [_mono("|")]
            out.append(Para(tuple(line), False, para.gap and not n, para.indent, True, True))
    return tuple(out)


def _mono(text: str) -> Cluster:
    return _cluster(text, False, STYLE_MONO)


def _rule(cell: list[Cluster], width: int) -> list[Cluster]:
    """A separator cell ``width`` wide, its alignment colons kept ("|:---:|")."""
    left = cell[0].text == ":"
    right = len(cell) > 1 and cell[-1].text == ":"
    return [_mono(":")] * left + [_mono("-")] * (width - left - right) + [_mono(":")] * right


def _words_of(cell: list[Cluster]) -> list[list[Cluster]]:
    words, word = [], []
    for c in cell + [Cluster(" ")]:
        if c.is_space:
            if word:
                words.append(word)
            word = []
        else:
            word.append(c)
    return words


def _unfenced_drawings(lines: list[str]) -> list[str]:
    """``lines`` without the plain fences ("```", no language) around a block of drawing lines only (an importer
    fences a drawing's indented part as code): the drawing is read whole, at one size, with the lines around it."""
    drop: set[int] = set()
    opened: int | None = None
    for n, line in enumerate(lines):
        if not code.FENCE_RE.match(line):
            continue
        if opened is None:
            opened = n
            continue
        inside = [lines[k] for k in range(opened + 1, n) if lines[k].strip()]
        if lines[opened].strip() == "```" and inside and all(_drawn_line(k) for k in inside) \
                and any(_drawn_line(k) == "strong" for k in inside):
            drop.update((opened, n))
        opened = None
    return [line for n, line in enumerate(lines) if n not in drop]


def fence_drawings(text: str) -> str:
    """``text`` with ``DRAWING_FENCE`` lines around each table or ASCII drawing outside code (``drawing_lines``)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    if code.has_code(text):
        lines = _unfenced_drawings(lines)
        text = "\n".join(lines)
    flags = code.code_lines(text) if code.has_code(text) else [False] * len(lines)
    drawn = [d and not f for d, f in zip(drawing_lines(lines), flags)]
    if not any(drawn):
        return text
    out: list[str] = []
    start = 0
    for n in range(len(lines)):
        if drawn[n] and (not n or not drawn[n - 1]):
            start = n
        if not drawn[n]:
            out.append(lines[n])
        elif n + 1 == len(lines) or not drawn[n + 1]:
            out += [DRAWING_FENCE, *aligned_table(lines[start:n + 1]), DRAWING_FENCE]
    return "\n".join(out)


@lru_cache(maxsize=2048)
def prepare(text: str, links: bool = True) -> tuple[Para, ...]:
    """Cleaned paragraphs of grapheme clusters, accent-marked and shaped, ready to wrap; a table or an ASCII
    drawing (``fence_drawings``) is a run of code lines, as written, that ``drawing`` marks."""
    paras: list[Para] = []
    gap = False
    cleaned = clean(fence_drawings(text))
    lines = cleaned.split("\n")
    flags = code.code_lines(cleaned) if code.has_code(cleaned) else None
    margins = code.block_margins(lines, flags) if flags is not None else None
    drawing = False
    for n, line in enumerate(lines):
        if flags is not None and flags[n]:
            if code.FENCE_RE.match(line):  # a fence sets the block apart, and is not drawn
                gap = bool(paras)
                drawing = line.strip() == DRAWING_FENCE and not drawing
            elif not line:
                gap = bool(paras)
            else:
                para = _code_para(line, gap, margins[n], drawing)
                paras.append(replace(para, drawing=True) if drawing else para)
                gap = False
            continue
        if not line:
            gap = bool(paras)
            continue
        typed_line = line
        line, styles, typed = _unstyled(line)
        clusters: list[Cluster] = []
        pos = 0
        for span, accent in (_drawn_accents(line, typed, _typed_accents(typed_line)) if links else [(line, False)]):
            start = pos
            pos += len(span)
            if _ARABIC.search(span):  # reshaping changes an Arabic word's length: it keeps its first style
                span, styles[start:pos] = _reshaped_span(span, styles[start:pos])
                pos = start + len(span)
            if accent and LINK.fullmatch(span):  # a link shows X's short text and keeps its target
                href = link_target(span)
                clusters.extend(Cluster(g, True, None, "", href) for g in clusters_of(link_shown(span)))
                continue
            at = start
            for g in (span if span.isascii() else graphemes(span)):  # (no "\r" left: one letter each)
                clusters.append(_cluster(g, accent, styles[at] if at < len(styles) else ""))
                at += len(g)
        paras.append(Para(tuple(clusters), _base_rtl(line), gap))
        gap = False
    return tuple(paras)


_SKIN_TONE = regex.compile(r"([\U0001F3FB-\U0001F3FF])")


def graphemes(text: str) -> list[str]:
    """The grapheme clusters of ``text``; a skin-tone modifier with no emoji to colour (" 🏽", "a🏽") is a cluster
    of its own, drawn as its Twemoji swatch (Unicode joins it to any letter or space before it: no face draws
    that pair, and cairo drew a box); so is each of two regional indicators that make no flag ("🇫🇫"): drawn as
    one, the pair showed its first letter only."""
    out: list[str] = []
    for g in clusters_of(text):
        if len(g) > 1 and _SKIN_TONE.search(g) and not emoji.is_emoji(g):
            out.extend(piece for piece in _SKIN_TONE.split(g) if piece)
        elif len(g) > 1 and _REGIONAL.match(g):
            out.extend(_regional_pieces(g))
        else:
            out.append(g)
    return out


_REGIONAL = regex.compile("[\U0001F1E6-\U0001F1FF]")
_INK = regex.compile(r"[^\p{Cf}\ufe00-\ufe0f]")  # a character that draws something
_LETTER_OR_TONE = regex.compile("[\U0001F1E6-\U0001F1FF\U0001F3FB-\U0001F3FF]")
_LETTER_OR_TONE_PIECE = regex.compile("[\U0001F1E6-\U0001F1FF\U0001F3FB-\U0001F3FF][^\U0001F1E6-\U0001F1FF\U0001F3FB-\U0001F3FF]*")


def _regional_pieces(g: str) -> list[str]:
    """A cluster of regional indicators as drawn: a flag whole ("🇫🇷", "🇫🇷\ufe0f"); else each letter and each skin
    tone apart ("🇫🇫", "🇫🇫\ufe0f", "🇫🇫🏽", "🇫🇷🏽"): as one, Twemoji drew the first letter only."""
    head = 2 if _flag(g[:2]) else 1
    if head == 2 and not _LETTER_OR_TONE.search(g, 2):
        drawn = emoji.emoji_file(g) == emoji.emoji_file(g[:2]) or not _INK.search(g, 2)
        return [g] if drawn else [g[:2], g[2:]]  # "🇫🇷\u0301": the flag, then the mark
    pieces = _LETTER_OR_TONE_PIECE.findall(g)
    return [pieces[0] + pieces[1], *pieces[2:]] if head == 2 else pieces


def _flag(pair: str) -> bool:
    """Whether two regional indicators make a flag Twemoji draws (not just its first letter)."""
    return len(pair) == 2 and bool(_REGIONAL.fullmatch(pair[1])) and emoji.emoji_file(pair) != emoji.emoji_file(pair[0])


def _reshaped_span(span: str, styles: list[str]) -> tuple[str, list[str]]:
    """``span`` with its Arabic words in their joined forms, and the style of each character after."""
    text: list[str] = []
    out: list[str] = []
    pos = 0
    for m in _ARABIC_WORD.finditer(span):
        text.append(span[pos:m.start()])
        out.extend(styles[pos:m.start()])
        word = _reshape(m.group())
        text.append(word)
        out.extend([styles[m.start()] if m.start() < len(styles) else ""] * len(word))
        pos = m.end()
    text.append(span[pos:])
    out.extend(styles[pos:])
    return "".join(text), out


def _code_para(line: str, gap: bool, margin: int = 0, drawing: bool = False) -> Para:
    """A line of code: its indentation apart (less its block's ``margin``), every other character as
    written, in monospace (no links, no ``**`` emphasis: ``**kwargs`` is code). In a table (``drawing``) a styled
    letter ("𝗙𝗶𝗴𝗺𝗮") is its plain letter in that style, as in text: no face draws the styled one in monospace."""
    body = line.lstrip(" ")
    if _ARABIC.search(body):
        body = _ARABIC_WORD.sub(lambda m: _reshape(m.group()), body)
    clusters = tuple(_table_letter(g) if drawing else _cluster(g, False, STYLE_MONO) for g in clusters_of(body))
    return Para(clusters, False, gap, len(line) - len(body) - margin, True)


def _table_letter(g: str) -> Cluster:
    found = styled_letter(g)
    if found is None:
        return _cluster(g, False, STYLE_MONO)
    return _cluster(found[0], False, "".join(sorted(set(STYLE_MONO + found[1].replace(STYLE_EMPHASIS, "")))))


@lru_cache(maxsize=8192)
def _cluster(g: str, accent: bool, style: str) -> Cluster:
    """A cluster; a character no bundled font draws becomes the boxed MISSING_MARK (never a silent box).

    Cached, so equal clusters are one object: two equal paragraphs (one text prepared for two layouts)
    then compare by identity, not cluster by cluster, on every layout-cache lookup (a 900-word post
    card took seconds).
    """
    found = emoji.emoji_file(g)
    as_text = found is None and "\ufe0e" in g  # "☺︎": U+FE0E asks for the symbol as text, not as a picture
    if found is None and _INVISIBLE_MARK.search(g):  # "❤︎", "葛󠄀": a selector asks for a look, and some faces
        g = _INVISIBLE_MARK.sub("", g) or g         # draw it as a box of its own ("NO GLYPH" after the heart)
    if found is None and g != " " and not drawable(base := _base_char(g)):
        # only the symbol faces draw it: as text when asked so, else the colour picture X shows, else as text
        found = None if as_text and _symbol_drawable(base) else emoji.symbol_file(g)
        if found is None and not _symbol_drawable(base):
            return Cluster(MISSING_MARK, accent, None, STYLE_MISSING)
    return Cluster(g, accent, found, style)


@lru_cache(maxsize=8192)
def drawable(ch: str) -> bool:
    """Some bundled face for words (the fallback chain less the symbol faces) draws ``ch``; spaces and format
    characters always pass."""
    if unicodedata.category(ch) in ("Zs", "Cf", "Cc", "Mn", "Me") or ch == "\n":
        return True
    return any(has_glyph(face, ch) for face in fonts.FALLBACKS if face not in fonts.SYMBOL_FACES)


@lru_cache(maxsize=1024)
def _symbol_drawable(ch: str) -> bool:
    """A symbol face (fonts.SYMBOL_FACES) draws ``ch``."""
    return any(has_glyph(face, ch) for face in fonts.SYMBOL_FACES)


# ---------------------------------------------------------------- fonts and widths

@lru_cache(maxsize=64)
def _metrics(family: str, weight: int) -> tuple[dict[int, float], float, dict[int, float]]:
    """(code point -> advance in ems, .notdef advance, mark code point -> (ink centre, half ink width) in ems)
    for a face."""
    from fontTools.ttLib import TTFont
    fonts.ensure_family(family)
    font = TTFont(fonts.face_path(family, weight), lazy=True)
    upem = font["head"].unitsPerEm
    hmtx = font["hmtx"].metrics
    cmap = font.getBestCmap()
    advances = {cp: hmtx[name][0] / upem for cp, name in cmap.items() if name in hmtx}
    notdef = hmtx[font.getGlyphOrder()[0]][0] / upem
    centres = {}
    if "glyf" in font:
        glyf = font["glyf"]
        for cp, name in cmap.items():
            if unicodedata.category(chr(cp)) == "Mn":
                g = glyf[name]
                if g.numberOfContours:
                    g.recalcBounds(glyf)
                    centres[cp] = ((g.xMin + g.xMax) / 2 / upem, (g.xMax - g.xMin) / 2 / upem)
    font.close()
    return advances, notdef, centres


def mark_centre(ch: str, face: str, weight: int) -> float | None:
    """Horizontal ink centre (ems from the pen) of a combining mark, None for other characters."""
    found = _metrics(face, fonts.best_weight(face, weight))[2].get(ord(ch))
    return found[0] if found else None


def mark_ink(ch: str, face: str, weight: int) -> tuple[float, float] | None:
    """(ink centre, half its ink width), in ems from the pen, of a combining mark; None for other characters."""
    return _metrics(face, fonts.best_weight(face, weight))[2].get(ord(ch))


@lru_cache(maxsize=64)
def _glyphs(family: str, weight: int):
    from fontTools.ttLib import TTFont
    fonts.ensure_family(family)
    font = TTFont(fonts.face_path(family, weight), lazy=True)
    return font.getBestCmap(), font.getGlyphSet()


_GLYPH_DRAWING = threading.Lock()


@lru_cache(maxsize=8192)
def _draws(family: str, weight: int, cp: int) -> bool:
    """The face maps ``cp`` to a glyph with an outline (spaces and format characters need none)."""
    cmap, glyphs = _glyphs(family, weight)
    name = cmap.get(cp)
    if name is None:
        return False
    if unicodedata.category(chr(cp)) in ("Zs", "Cf", "Cc"):
        return True
    from fontTools.pens.boundsPen import ControlBoundsPen
    pen = ControlBoundsPen(glyphs)
    with _GLYPH_DRAWING:  # a lazily loaded font decodes a glyph on first use, and two threads at once break it
        glyphs[name].draw(pen)
    return pen.bounds is not None


@lru_cache(maxsize=16384)  # asked for every space and punctuation mark of a paragraph being measured
def has_glyph(family: str, ch: str) -> bool:
    """The face draws ``ch`` in every weight it has: a cmap entry pointing at an empty glyph does not count."""
    cp = ord(ch)
    if cp not in fonts.source_codepoints(family):  # known without building the face
        return False
    return cp in _metrics(family, 400)[0] and all(_draws(family, w, cp) for w in fonts.available_weights(family))


def _chain(family: str) -> tuple[str, ...]:
    return (family,) + tuple(f for f in fonts.FALLBACKS if f != family)


@lru_cache(maxsize=16384)
def _base_char(cluster: str) -> str:
    for ch in cluster:
        if not unicodedata.combining(ch) and unicodedata.category(ch) not in ("Cf", "Mn", "Me"):
            return ch
    return cluster[0]


# Sets of enclosed letters and numbers ("Ⓒⓘⓡⓒⓛⓔⓓ", "①②③"): a face that has a few of a set (Inter's "Ⓒ", beside
# ©) draws them at another size than the face that has them all, so a circled word is drawn by one face
_ENCLOSED_SETS = ((0x2460, 0x2474), (0x2474, 0x2488), (0x2488, 0x249C), (0x249C, 0x24B6), (0x24B6, 0x24EA),
                  (0x24EB, 0x2500))


def _whole_set(face: str, cp: int) -> bool:
    """The face has every character of the enclosed set ``cp`` is in (True outside those sets)."""
    return all(_has_set(face, start, end) for start, end in _ENCLOSED_SETS if start <= cp < end)


@lru_cache(maxsize=256)
def _has_set(face: str, start: int, end: int) -> bool:
    return all(has_glyph(face, chr(c)) for c in range(start, end))


@lru_cache(maxsize=8192)
def font_for(cluster: str, family: str) -> str:
    """The first face in ``family``'s chain that has the cluster's base character and its combining marks
    (a mark the face lacks would be drawn as its "no glyph" box), else the first that has the base; an enclosed
    letter or number goes to the first face that has its whole set (``_ENCLOSED_SETS``)."""
    base, marks = _base_char(cluster), _marks(cluster)
    chain = _chain(family)
    if not _whole_set(family, ord(base)):
        whole = tuple(face for face in chain if _whole_set(face, ord(base)) and has_glyph(face, base))
        chain = whole + tuple(face for face in chain if face not in whole)
    faces = (face for face in chain if has_glyph(face, base))  # lazy: most clusters stop at the first
    first = next(faces, family)
    if all(has_glyph(first, m) for m in marks):
        return first
    return next((face for face in faces if all(has_glyph(face, m) for m in marks)), first)


def _marks(cluster: str) -> str:
    """The cluster's visible combining marks (variation selectors and the grapheme joiner draw nothing)."""
    return "".join(ch for ch in cluster if unicodedata.category(ch) in ("Mn", "Me") and not _INVISIBLE_MARK.match(ch))


_INVISIBLE_MARK = regex.compile("[\ufe00-\ufe0f\u034f\U000e0100-\U000e01ef]")


@lru_cache(maxsize=1024)  # every export and the export dialog check every text; most did not change
def uncovered(value: str) -> frozenset[str]:
    """Characters of ``value`` that no bundled face draws: each is drawn as the boxed MISSING_MARK."""
    out = set()
    for g in clusters_of(plain_letters(clean(value))):
        if g.isspace() or emoji.emoji_file(g):
            continue
        base = _base_char(g)
        if not drawable(base) and not emoji.symbol_file(g) and not _symbol_drawable(base):
            out.add(base)
        out.update(m for m in _marks(g) if not any(has_glyph(face, m) for face in fonts.FALLBACKS))
    return frozenset(out)


@lru_cache(maxsize=1024)
def assign_fonts(para: Para, family: str) -> tuple[str | None, ...]:
    """Face per cluster (None for emoji). Spaces and punctuation stay in the face before them, unless that is a
    symbol face (its digits and spaces are emoji-wide)."""
    out: list[str | None] = []
    prev: str | None = None
    for c in para.clusters:
        if c.emoji:
            out.append(None)
            continue
        base = _base_char(c.text)
        if STYLE_MONO in c.style and has_glyph(MONO_FAMILY, base):
            out.append(MONO_FAMILY)
            prev = MONO_FAMILY
            continue
        common = unicodedata.category(base)[0] in "PZSN" and not base.isalpha()
        if common and prev and prev != MONO_FAMILY and prev not in fonts.SYMBOL_FACES and has_glyph(prev, base) \
                and all(has_glyph(prev, m) for m in _marks(c.text)):  # "$̶9̶9̶": the face must have the strike too
            face = prev
        else:
            face = font_for(c.text, family)
        out.append(face)
        if face == prev or unicodedata.category(base) != "Zs":  # a space only another face has ("10 000" with
            prev = face                                           # U+202F) does not carry that face to the digits
    return tuple(out)


@lru_cache(maxsize=65536)
def cluster_em(text: str, face: str, weight: int) -> float:
    """Width of a cluster in ems, as cairo advances it (sum of per-character advances)."""
    advances, notdef, _ = _metrics(face, fonts.best_weight(face, weight))
    return sum(advances.get(ord(ch), notdef) for ch in text)


def text_width(text: str, family: str, weight: int, size: float) -> float:
    """Width of a run drawn in one face (no fallback), in design units."""
    return sum(cluster_em(ch, family, weight) for ch in text) * size


@lru_cache(maxsize=4096)
def para_ems(para: Para, family: str, weight: int) -> tuple[float, float]:
    """The width of a paragraph set on one line, and of its widest piece a line cannot break inside, in ems."""
    ems = _para_ems(para, family, weight)
    return sum(ems), max((sum(ems[s:c]) for s, c, _ in _segments(para)), default=0.0)


@lru_cache(maxsize=2048)
def _para_ems(para: Para, family: str, weight: int) -> tuple[float, ...]:
    faces = assign_fonts(para, family)
    shaped = _shaped(para, family, weight)
    wide = wide_spaces(para)
    return tuple(sum(g.advance for g in shaped[i]) if i in shaped else
                 EMOJI_ADVANCE if c.emoji else cluster_em("\u3000" if i in wide else c.text, f,
                                                          700 if STYLE_BOLD in c.style else weight)
                 + (MISSING_PAD if STYLE_MISSING in c.style else 0.0)
                 for i, (c, f) in enumerate(zip(para.clusters, faces)))


@lru_cache(maxsize=2048)
def wide_spaces(para: Para) -> frozenset[int]:
    """The plain spaces between two fullwidth forms ("ＴＥＸＴ ＩＳ"): each takes an ideographic space's width (a
    narrow one is narrower than the gaps inside the words, and the words ran together). Layout only: the text keeps
    the creator's space; ``line_runs`` draws the gap by position."""
    cl = para.clusters
    return frozenset(i for i in range(1, len(cl) - 1) if cl[i].is_space and _FULLWIDTH.fullmatch(cl[i - 1].text)
                     and _FULLWIDTH.fullmatch(cl[i + 1].text))


@lru_cache(maxsize=2048)
def _shaped(para: Para, family: str, weight: int) -> dict[int, tuple[shaping.Glyph, ...]]:
    """The shaped glyphs of every cluster that belongs to a word in a shaped script, by cluster index.

    A word is a run of such clusters in one face, colour and style: what ``line_runs`` draws as one run.
    """
    if not shaping.SCRIPTS.search(para.text):
        return {}
    faces = assign_fonts(para, family)
    cl = para.clusters
    out: dict[int, tuple[shaping.Glyph, ...]] = {}
    i = 0
    while i < len(cl):
        if not _shapes(cl[i], faces[i]):
            i += 1
            continue
        j = i + 1
        while j < len(cl) and _shapes(cl[j], faces[j]) and faces[j] == faces[i] and _look(cl[j]) == _look(cl[i]):
            j += 1
        word = shaping.shape(tuple(c.text for c in cl[i:j]), faces[i], 700 if STYLE_BOLD in cl[i].style else weight)
        out.update(enumerate(word, i))
        i = j
    return out


@lru_cache(maxsize=2048)
def _leads(para: Para, family: str, weight: int) -> dict[int, float]:
    """Shaped clusters whose ink reaches left of their pen (ems): a line that starts there, inside a word
    too long for a line, starts that much further right."""
    faces = assign_fonts(para, family)
    out = {}
    for i, glyphs in _shaped(para, family, weight).items():
        lead = shaping.ink_lead(glyphs, faces[i], 700 if STYLE_BOLD in para.clusters[i].style else weight)
        if lead > 0:
            out[i] = lead
    return out


def _shapes(c: Cluster, face: str | None) -> bool:
    return face is not None and not c.emoji and STYLE_MISSING not in c.style and \
        shaping.needs_shaping(_base_char(c.text))


def _look(c: Cluster) -> tuple:
    """What a run keeps the same: colour, style, link."""
    return c.accent, c.style, c.link


MISSING_PAD = 0.3  # ems around a missing-character mark, for its box


def lead_width(para: Para, count: int, family: str, weight: int, size: float) -> float:
    """The width of the first ``count`` clusters of ``para`` as set on its line, in design units."""
    return sum(_para_ems(para, family, weight)[:count]) * size


def measure(text: str, family: str, weight: int, size: float) -> float:
    """Width of a whole single-line text, with fallback faces and emoji, in design units."""
    return sum(sum(_para_ems(p, family, weight)) for p in prepare(text)) * size


# ---------------------------------------------------------------- line breaking

def _can_break_after(clusters: tuple[Cluster, ...], i: int) -> bool:
    """May a line end after cluster i (before i+1)? Spaces are handled by the caller."""
    a, b = clusters[i], clusters[i + 1]
    if a.link and a.link == b.link:  # inside a link: only after "/" or "-"
        return a.text in "/-"
    if b.is_space or b.text[0] in _NO_BREAK_BEFORE or a.text in _NO_BREAK_AFTER:
        return False
    if a.is_space:
        return True
    if a.text in _BREAK_AFTER and i > 0 and clusters[i - 1].text[-1].isalnum():  # "and/or", not "</"
        # "10/10", "3-4", "24/7" stay whole: a number sign between digits is no break; nor is a hyphen before a
        # number ("ב-25%", "COVID-19") or after a Hebrew letter ("ה-launch": its prefix, as Unicode's line rules say)
        if a.text == "-" and (b.text[0].isdigit() or _HEBREW.match(clusters[i - 1].text)):
            return False
        return not (clusters[i - 1].text.isdigit() and b.text.isdigit())
    if a.text in _CJK_CLOSE and i > 0 and clusters[i - 1].text[-1].isdigit() and b.text[0].isdigit():
        return False  # "10：30", "1，000": a time or an amount stays whole
    if b.emoji and a.text in _CJK_CLOSE:  # "書く。🚀": the emoji trails its sentence, no line starts with it
        return False
    if a.emoji or b.emoji or a.text in _CJK_CLOSE or b.text in _CJK_OPEN:
        return True
    return bool(_CJK.match(a.text) or _CJK.match(b.text))


def _code_break_after(clusters: tuple[Cluster, ...], i: int) -> bool:
    """May a line of code too long for the panel go on after cluster i? After an opening bracket or a comma,
    and before a member ("json" | ".loads("), so that a wrapped line still reads token by token."""
    a, b = clusters[i], clusters[i + 1]
    if b.is_space or b.text in _CODE_CLOSERS:
        return False
    if a.text in "([{":  # not before a short argument: "toFixed(" | "2)" reads worse than a longer line
        return not any(c.text in ")]}" for c in clusters[i + 2:i + 5])
    return a.text == "," or (b.text == "." and (a.text in ")]" or _ends_a_name(clusters, i)))


def _ends_a_name(clusters: tuple[Cluster, ...], i: int) -> bool:
    """Cluster i ends a name ("utf8", "_x"), not a number ("3" of "3.14")."""
    while i >= 0 and (clusters[i].text.isalnum() or clusters[i].text == "_"):
        if not clusters[i].text.isdigit():
            return True
        i -= 1
    return False


def _word_ends(clusters: tuple[Cluster, ...]) -> frozenset[int]:
    """Clusters that end a word inside Thai, Lao, Khmer or Burmese text, which puts no spaces between words:
    ICU's dictionaries find the words (a line breaks between them, as a browser breaks it). Where such a word
    meets a word in letters of another script ("บน" | "Instagram" | "และ") is a word end too: the script changes
    only between words (ICU binds them, and the whole run, a sentence long, was one piece that kept its slide's
    type small). Digits stay with their word ("ปี2567"), and a link, hashtag or mention stays whole."""
    text = "".join(c.text for c in clusters)
    if not _NO_SPACES.search(text):
        return frozenset()
    ends = _dictionary_ends(text)
    found, pos = set(), 0
    for i, (a, b) in enumerate(zip(clusters, clusters[1:])):
        pos += len(a.text)
        if a.link and a.link == b.link:
            continue
        no_space_a, no_space_b = bool(_NO_SPACES.match(a.text)), bool(_NO_SPACES.match(b.text))
        if no_space_a and no_space_b:
            if pos in ends and b.text[0] not in _NO_BREAK_BEFORE and _syllable_cut(a.text, b.text):
                found.add(i)  # (ICU ends a Lao word before "ໆ", a made-up word inside a syllable)
        elif no_space_a != no_space_b and _WORD_END_CHAR.match(a.text[-1]) and _base_char(b.text).isalpha() \
                and not (a.accent and b.accent):
            found.add(i)
    return frozenset(found)


def _dictionary_ends(text: str) -> frozenset[int]:
    """Where ICU's line breaker ends a word of ``text`` (code point offsets)."""
    from icu4py.breakers import LineBreaker
    index, unit = {}, 0  # ICU counts UTF-16 units; an emoji is two
    for i, ch in enumerate(text):
        index[unit] = i
        unit += 2 if ord(ch) > 0xFFFF else 1
    index[unit] = len(text)
    return frozenset(index.get(end) for _, end in LineBreaker(text, "th").segments())


@lru_cache(maxsize=4096)
def _segments(para: Para) -> tuple[tuple[int, int, int], ...]:
    """(start, end without trailing spaces, end with them) of each unbreakable piece."""
    cl = para.clusters
    word_ends = _word_ends(cl)
    breaks = _code_break_after if para.code else _can_break_after
    segs = []
    start = 0
    n = len(cl)
    i = 0
    space = [c.text in _BREAK_SPACES for c in cl]  # (Cluster.is_space or U+3000, asked for once per cluster)
    glued = frozenset() if para.code else _unit_spaces(cl) | _spaced_marks(cl, space)
    while i < n:
        if i == n - 1 or (not space[i] and not space[i + 1] and (breaks(cl, i) or i in word_ends)
                          and i not in glued) or \
                (space[i] and not space[i + 1] and i not in glued and cl[i + 1].text[0] not in _NOR_AFTER_A_SPACE):
            end = i + 1
            core = end
            while core > start and space[core - 1]:
                core -= 1
            segs.append((start, core, end))
            start = end
        i += 1
    return tuple(segs)


_OPEN_MARKS = frozenset("([{（［｛〈《「『【〔〖〘〝")  # Unicode's OP: no break after one, across spaces too (rule 14)
_OPEN_QUOTES = frozenset("«‹“‘")  # an opening quote after a space or the start: the same (rule 15a)
_CLOSE_QUOTES = frozenset("»›”’")  # a closing quote before a space, punctuation or the end: no break before it (15b)


def _spaced_marks(cl: tuple[Cluster, ...], space: list[bool]) -> frozenset[int]:
    """The last space of each run of spaces after an opening mark ("( maybe", "« oui") or before a closing quote
    ("bien sûr »", "yes ”"): a line breaks there no more than it would with no space."""
    held: set[int] = set()
    n = len(cl)
    for i in range(n - 1):
        if not space[i] or space[i + 1]:
            continue
        j = i
        while j > 0 and space[j - 1]:
            j -= 1
        before = cl[j - 1].text if j else ""
        if before in _OPEN_MARKS or (before in _OPEN_QUOTES and (j < 2 or space[j - 2]
                                                                 or cl[j - 2].text in _OPEN_MARKS)):
            held.add(i)
        elif cl[i + 1].text in _CLOSE_QUOTES and (i + 2 >= n or space[i + 2] or not cl[i + 2].text[0].isalnum()):
            held.add(i)
    return frozenset(held)


# Short units a number keeps on its line when one plain space sets them apart ("20 s", "100 km", "5 %").
# Whole words only ("5 min" but not "5 minutes"); none that is also a common word ("in", "a", "h" is kept: an hour).
UNITS = frozenset({
    "s", "ms", "µs", "ns", "min", "mins", "h", "hr", "hrs", "d", "wk", "yr", "yrs",
    "mm", "cm", "m", "km", "ft", "yd", "mi", "nm", "µm", "mg", "g", "kg", "t", "lb", "lbs", "oz", "st",
    "ml", "mL", "cl", "dl", "l", "L", "gal", "m²", "m³", "km²", "ha", "sq",
    "km/h", "mph", "m/s", "km/s", "kB/s", "MB/s", "GB/s", "Mb/s", "Gb/s", "kph", "rpm", "bpm", "fps", "dpi", "ppi",
    "%", "‰", "°", "°C", "°F", "K", "k", "M", "bn", "x", "×",
    "B", "KB", "kB", "MB", "GB", "TB", "PB", "Kb", "Mb", "Gb", "kbps", "Mbps", "Gbps",
    "Hz", "kHz", "MHz", "GHz", "W", "kW", "MW", "kWh", "MWh", "V", "mV", "A", "mA", "mAh", "Wh", "J", "kJ",
    "cal", "kcal", "Pa", "kPa", "bar", "psi", "dB", "px", "pt", "em", "rem", "dp",
    "€", "$", "£", "¥", "₹", "₩", "₽", "CHF", "USD", "EUR", "GBP", "JPY", "CAD", "AUD", "BTC", "ETH",
})
UNIT_MAX = max(len(unit) for unit in UNITS)
_UNIT_END = frozenset(" .,;:!?)]}'\"…»”’" + _NO_BREAK)


def _unit_spaces(cl: tuple[Cluster, ...]) -> frozenset[int]:
    """Clusters after which a line may not break: the lone plain space between a number and a short unit
    ("20 s", "100 km", "5 %"), and the unit's own letters ("km/h").

    Layout only: the characters stay as typed. A number ends in a digit; the unit is one of ``UNITS``,
    then the paragraph's end, a space or punctuation.
    """
    found = set()
    n = len(cl)
    for i in range(1, n - 1):
        if cl[i].text != " " or not cl[i - 1].text[-1:].isdigit() or cl[i + 1].text == " " or cl[i + 1].link:
            continue
        unit, j = "", i + 1
        while j < n and len(unit) < UNIT_MAX and cl[j].text not in _UNIT_END:
            unit += cl[j].text
            j += 1
            if unit in UNITS and (j == n or cl[j].text in _UNIT_END):
                found.update(range(i, j - 1))
                break
    return frozenset(found)


@lru_cache(maxsize=4096)
def _segment_starts(para: Para) -> tuple[int, ...]:
    return tuple(seg[0] for seg in _segments(para))


def starts_a_piece(para: Para, i: int) -> bool:
    """A line starting at cluster ``i`` starts between pieces (else a word too wide for its line was cut there)."""
    starts = _segment_starts(para)
    at = bisect_left(starts, i)
    return i == 0 or (at < len(starts) and starts[at] == i)


@lru_cache(maxsize=8192)
def wrap_from(para: Para, start: int, family: str, weight: int, size: float, width: float,
              max_lines: int | None = None) -> tuple[Line, ...]:
    """Greedy line breaking of a paragraph from cluster ``start``, at ``width`` design units.

    Stops after ``max_lines`` lines, so a page of a very long post costs only
    what the page holds.
    """
    ems = _para_ems(para, family, weight)
    leads = _leads(para, family, weight)
    segments = _segments(para)
    word_ems, space_ems = _segment_ems(para, family, weight)
    limit = width * SAFETY / size  # in ems
    done: list[tuple[int, int, float]] = []  # (start, end, width in ems)
    open_start: int | None = None  # the open line: first cluster, end of its last word, widths
    core_end, core_w, total = 0, 0.0, 0.0
    first = max(0, bisect_right(_segment_starts(para), start) - 1)
    for n in range(first, len(segments)):
        if max_lines is not None and len(done) >= max_lines:
            break
        s, c, e = segments[n]
        if s < start:
            s = start
        if s >= c:
            continue  # only spaces left of this piece
        word = word_ems[n] if s == segments[n][0] else sum(ems[s:c])
        spaces = space_ems[n]
        if open_start is not None and total + word > limit:
            done.append((open_start, core_end, core_w))
            open_start = None
        if open_start is None and leads.get(s, 0.0) + word > limit:  # a word wider than the line: break it
            piece, piece_w, gap = s, leads.get(s, 0.0), None
            clusters = para.clusters
            for i in range(s, c):
                if max_lines is not None and len(done) >= max_lines:
                    break  # the page is full: the rest of the word is the next page's (else each page walks it all)
                if clusters[i].text in _GLUED_SPACES:  # glued ("100000 km", "Price:\u00a0$1,299.99"): break here first
                    gap = i
                elif piece_w + ems[i] > limit and i > piece:
                    if gap is not None:  # the number on one line, its unit on the next: never inside the unit
                        done.append((piece, gap, leads.get(piece, 0.0) + sum(ems[piece:gap])))
                        piece, gap = gap + 1, None
                        piece_w = leads.get(piece, 0.0) + sum(ems[piece:i])
                    if piece_w + ems[i] > limit and i > piece:
                        cut = _soft_cut(clusters, piece, i, ems, limit * SOFT_CUT_FLOOR)
                        done.append((piece, cut, leads.get(piece, 0.0) + sum(ems[piece:cut])))
                        piece, piece_w = cut, leads.get(cut, 0.0) + sum(ems[cut:i])
                piece_w += ems[i]
            open_start, core_end, core_w, total = piece, c, piece_w, piece_w + spaces
            continue
        if open_start is None:
            open_start, total = s, leads.get(s, 0.0)
        core_end, core_w = c, total + word
        total = core_w + spaces
    if open_start is not None and (max_lines is None or len(done) < max_lines):
        done.append((open_start, core_end, core_w))
        _avoid_widow(done, para, ems, limit)
    if max_lines is not None:
        done = done[:max_lines]
    return tuple(Line(para, a, b, w * size) for a, b, w in done)


SOFT_CUT_FLOOR = 0.4  # a word cut at a soft place ends a line at least this full (else it is cut at the edge)


def _soft_cut(clusters: tuple[Cluster, ...], start: int, end: int, ems: tuple[float, ...], floor: float) -> int:
    """Where a word too wide for the line is cut, the line holding ``start:end`` at most: at its last soft place
    with at least ``floor`` ems before it, else at ``end`` (the edge)."""
    best, width = end, 0.0
    for j in range(start + 1, end):
        width += ems[j - 1]
        if width >= floor and _soft_place(clusters[j - 1].text, clusters[j].text) \
                and _syllable_cut(clusters[j - 1].text, clusters[j].text):
            best = j
    if best == end:  # at the edge: the next line never starts with a syllable's vowel sign or killed consonant
        while best - 1 > start and best < len(clusters) and not _syllable_cut(clusters[best - 1].text,
                                                                               clusters[best].text):
            best -= 1
        if best < len(clusters) and not _syllable_cut(clusters[best - 1].text, clusters[best].text):
            best = end  # no syllable-safe cut in the line ("ไเไเ…"): the widest cluster boundary, not one a line
    return best


def _syllable_cut(a: str, b: str) -> bool:
    """May a line end between clusters ``a`` and ``b`` without cutting a syllable? Not before a vowel sign or mark
    that closes the syllable (``_ends_a_syllable``), nor after a Thai or Lao vowel written ahead of its consonant
    ("เ" left alone at a line's end)."""
    return not _ends_a_syllable(b) and a[-1:] not in _LEADING_VOWELS


def _ends_a_syllable(cluster: str) -> bool:
    """A cluster that closes the syllable before it: a spacing vowel sign or mark standing alone (Burmese "ာ", "း"),
    a consonant its asat kills ("င်"), or a Thai or Lao vowel written after its consonant (letters to Unicode:
    "ຕິດຕ" | "າມ" cut "ຕາ" in two): a line starting there would cut a syllable in two."""
    return unicodedata.category(cluster[0]).startswith("M") or "\u103a" in cluster or cluster[0] in _FOLLOWING_VOWELS


_FOLLOWING_VOWELS = set("ะาำๅະາຳ" + _REPEAT_MARKS)


_LEADING_VOWELS = set("เแโใไເແໂໃໄ")  # Thai and Lao vowels written before their consonant: a syllable's start


def _soft_place(a: str, b: str) -> bool:
    """Is between ``a`` and ``b`` a better place to cut a too-long word than any letter? Where its script changes
    (Thai and Latin: "Instagram" | "และ", never inside "และ"), a small letter meets a capital
    ("#BestPractices" | "ForSystems"), after "_" or ".": the pieces read as words; before a Thai or Lao vowel written
    ahead of its consonant (a word no dictionary knows is cut between syllables)."""
    if not a or not b or a.isspace() or b.isspace():
        return False
    if bool(_NO_SPACES.match(a)) != bool(_NO_SPACES.match(b)) and (a[-1].isalnum() or _WORD_END_CHAR.match(a[-1])) \
            and b[0].isalnum():
        return True
    if b[0] in _LEADING_VOWELS and _NO_SPACES.match(a):  # a syllable starts there: "ประ" | "เทศ", not "ปร" | "ะเทศ"
        return True
    return (a[-1].islower() and b[0].isupper()) or (a in "_." and b[0].isalnum())


@lru_cache(maxsize=4096)
def _segment_ems(para: Para, family: str, weight: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The width in ems of each unbreakable piece (``_segments``), and of the spaces after it: a paragraph is
    wrapped at every size its slide's type is tried at, its pieces measured once."""
    ems = _para_ems(para, family, weight)
    segments = _segments(para)
    return tuple(sum(ems[s:c]) for s, c, _ in segments), tuple(sum(ems[c:e]) for _, c, e in segments)


def _avoid_widow(done: list[tuple[int, int, float]], para: Para, ems: tuple[float, ...], limit: float) -> None:
    """A paragraph's last line holding one lone word takes the word before it along, if it fits."""
    if len(done) < 2:
        return
    (pa, pb, _), (la, lb, _) = done[-2], done[-1]
    starts = _segment_starts(para)  # in order: found by bisection
    at = bisect_left(starts, la)
    if at == len(starts) or starts[at] != la or (at + 1 < len(starts) and starts[at + 1] < lb):
        return  # the last line is part of a broken word, or already has two words
    above = _segments(para)[bisect_left(starts, pa):bisect_left(starts, pb)]
    if len(above) < 3:
        return  # the line above would be left with a lone word itself
    moved, before = above[-1], above[-2]
    width = sum(ems[moved[0]:lb])
    if width <= limit:
        done[-2] = (pa, before[1], sum(ems[pa:before[1]]))
        done[-1] = (moved[0], lb, width)


@lru_cache(maxsize=1024)  # a slide's type is grown step by step, each step asking again (see layouts.templates)
def widest_piece(text: str, family: str, weight: int) -> float:
    """Width in ems of the widest piece of ``text`` a line may not break inside. A line of code counts
    whole, with its indentation and its panel's padding: type grows only while code keeps its lines."""
    return max(piece_widths(text, family, weight), default=0.0)


@lru_cache(maxsize=1024)
def piece_widths(text: str, family: str, weight: int) -> tuple[float, ...]:
    """Widths in ems of the pieces of ``text`` a line may not break inside (see ``widest_piece``)."""
    widths: list[float] = []
    for para in prepare(text):
        ems = _para_ems(para, family, weight)
        if para.code:
            widths.append(sum(ems) + para.indent * cluster_em(" ", MONO_FAMILY, weight) + 2 * CODE_PAD)
            continue
        widths.extend(sum(ems[s:c]) for s, c, _ in _segments(para))
    return tuple(widths)


CODE_PAD = 0.6  # ems between a code block's panel edge and its text (studio.layouts.base draws the panel)


def wrap_para(para: Para, family: str, weight: int, size: float, width: float) -> tuple[Line, ...]:
    """Every line of one paragraph."""
    return wrap_from(para, 0, family, weight, size, width)


def wrap(paras: tuple[Para, ...], family: str, weight: int, size: float, width: float) -> list[Line]:
    """Lines of every paragraph in order."""
    out: list[Line] = []
    for p in paras:
        out.extend(wrap_para(p, family, weight, size, width))
    return out


# ---------------------------------------------------------------- visual order and runs

_OPENING = {"(": ")", "[": "]", "{": "}", "«": "»", "‹": "›", "⁅": "⁆", "〈": "〉", "（": "）", "［": "］"}


def _strong(kind: str) -> str | None:
    return "L" if kind == "L" else "R" if kind in ("R", "AL", "EN", "AN") else None


def _resolve_brackets(chars: list[dict], direction: str) -> None:
    """UBA rule N0 (paired brackets), which the pure-Python algorithm lacks: "(test)" in
    Hebrew text stays one bracketed unit. Explicit embeddings are never present here."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(chars):
        c = ch["ch"]
        if ch["type"] != "ON":
            continue
        if c in _OPENING and len(stack) < 63:
            stack.append((_OPENING[c], i))
        else:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == c:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    for start, end in sorted(pairs):
        inside = {_strong(ch["type"]) for ch in chars[start + 1:end]} - {None}
        if not inside:
            continue
        if direction in inside:
            resolved = direction
        else:
            before = next((_strong(ch["type"]) for ch in reversed(chars[:start]) if _strong(ch["type"])), direction)
            resolved = before if before != direction else direction
        chars[start]["type"] = chars[end]["type"] = resolved


_STRONG_TYPES = ("L", "R", "AL")


def _glue_tag_signs(chars: list[dict]) -> None:
    """A hashtag's "#", a mention's "@", a cashtag's "$" that opens a word reads with the word's letters: in an
    Arabic post, "#BuildInPublic" stays "#BuildInPublic" (a neutral sign, it went to the word's far side:
    "BuildInPublic#"). An address ("me@site") is left as it is."""
    for k in range(len(chars) - 1):
        sign, after = chars[k], chars[k + 1]
        opens = k == 0 or chars[k - 1]["ch"].isspace() or chars[k - 1]["type"] not in _STRONG_TYPES + ("EN", "AN")
        if sign["ch"] in "#@$" and after["type"] in _STRONG_TYPES and opens:
            sign["type"] = sign["orig"] = "L" if after["type"] == "L" else "R"


BIDI_CONTEXT = 48  # at most this many clusters of the paragraph on each side of a line resolve its levels


def _bidi_context(line: Line) -> tuple[tuple[Cluster, ...], tuple[Cluster, ...]]:
    """The paragraph's clusters just before and after ``line`` as far as its nearest letter with a direction on each
    side (at most BIDI_CONTEXT clusters): what the levels of the line's ends depend on."""
    clusters = line.para.clusters
    start = line.start
    while start > max(0, line.start - BIDI_CONTEXT):
        start -= 1
        if strong_direction(clusters[start].text) is not None:
            break
    end = line.end
    while end < min(len(clusters), line.end + BIDI_CONTEXT):
        end += 1
        if strong_direction(clusters[end - 1].text) is not None:
            break
    return clusters[start:line.start], clusters[line.end:end]


_AN = regex.compile(r"\p{Bidi_Class=AN}")  # Arabic-Indic digits: they read right to left in a left-to-right line too


def _resolve(storage: dict, direction: str) -> None:
    """UBA X1–I2 on ``storage`` (levels set, no explicit embeddings): python-bidi's steps with N0 added."""
    from bidi import algorithm as bidi
    bidi.explicit_embed_and_overrides(storage, False)
    bidi.resolve_weak_types(storage, False)
    _resolve_brackets(storage["chars"], direction)
    bidi.resolve_neutral_types(storage, False)
    bidi.resolve_implicit_levels(storage, False)


def _isolate_links(storage: dict, links: list[str | None]) -> list[tuple[dict, list[dict]]]:
    """Stand each link of ``storage`` (``links``: each character's link) in for one neutral character, as if set
    between FSI and PDI (UBA X5c): a shortened address reads left to right with its "…" at its end, and the text
    after it keeps its side of it in a right-to-left line. Its characters are resolved on their own, at the levels
    of the isolate; returns (placeholder, its characters) for ``_expand_links``."""
    chars, out, kept = storage["chars"], [], []
    base = storage["base_level"]
    k = 0
    while k < len(chars):
        href = links[k]
        if href is None:
            kept.append(chars[k])
            k += 1
            continue
        end = k
        while end < len(chars) and links[end] == href:
            end += 1
        group = chars[k:end]
        rtl = next((ch["type"] in ("R", "AL") for ch in group if ch["type"] in ("L", "R", "AL")), False)
        level = base + 1 + (base % 2 == rtl)  # the least odd (rtl) or even level above the base
        inner = {"base_level": level, "base_dir": "R" if rtl else "L", "chars": group, "runs": deque()}
        for ch in group:
            ch["level"] = level
        _resolve(inner, "R" if rtl else "L")
        stand_in = {"ch": "\ufffc", "level": base, "type": "ON", "orig": "ON", "cluster": -2}
        out.append((stand_in, inner["chars"]))
        kept.append(stand_in)
        k = end
    storage["chars"] = kept
    return out


def _expand_links(storage: dict, isolates: list[tuple[dict, list[dict]]]) -> None:
    """Put each isolated link's characters back in place of its stand-in (see ``_isolate_links``)."""
    if not isolates:
        return
    inside = {id(stand_in): group for stand_in, group in isolates}
    storage["chars"] = [ch for c in storage["chars"] for ch in inside.get(id(c), [c])]


def _visual_order(line: Line) -> list[tuple[int, str]]:
    """Cluster indexes (into line.clusters) in display order, with mirrored text where needed."""
    clusters = line.clusters
    texts = [c.text for c in clusters]
    chars = "".join(texts)
    if not line.para.rtl and not _RTL.search(chars) and not _AN.search(chars):
        return list(enumerate(texts))
    from bidi import algorithm as bidi
    storage = bidi.get_empty_storage()
    storage["base_level"] = 1 if line.para.rtl else 0
    storage["base_dir"] = "R" if line.para.rtl else "L"
    # levels are resolved in the paragraph (UBA 3.3), not in the line alone: a comma a line ends on between two
    # English words of a Hebrew paragraph ("React, Next.js," | "Tailwind") stays with them, not at the far end
    before, after = _bidi_context(line)
    context = "".join(c.text for c in before), "".join(c.text for c in after)
    bidi.get_embedding_levels(context[0] + chars + context[1], storage, False, False)
    owner = [-1] * len(context[0]) + [i for i, t in enumerate(texts) for _ in t] + [-1] * len(context[1])
    links = [c.link for c in (*before, *clusters, *after) for _ in c.text]
    for k, ch in enumerate(storage["chars"]):
        ch["cluster"] = owner[k]
        if not ch["type"]:  # a character newer than Python's Unicode tables: treat as left-to-right
            ch["type"] = ch["orig"] = "L"
    _glue_tag_signs(storage["chars"])
    isolates = _isolate_links(storage, links) if line.para.rtl and any(links) else []
    _resolve(storage, "R" if line.para.rtl else "L")
    _expand_links(storage, isolates)
    # then the line alone is reordered (by owner, not by index: the explicit step drops zero-width joiners)
    storage["chars"] = [ch for ch in storage["chars"] if ch["cluster"] >= 0]
    bidi.reorder_resolved_levels(storage, False)
    bidi.apply_mirroring(storage, False)
    order: list[tuple[int, str]] = []
    seen = set()
    for ch in storage["chars"]:
        i = ch["cluster"]
        if i in seen:
            continue
        seen.add(i)
        text = texts[i]
        if len(text) == 1 and ch["ch"] != text:
            text = ch["ch"]  # a mirrored bracket
        order.append((i, text))
    for i in range(len(texts)):  # characters the algorithm removed (none after clean, but be safe)
        if i not in seen:
            order.append((i, texts[i]))
    return order


@lru_cache(maxsize=8192)
def line_runs(line: Line, family: str, weight: int, size: float) -> tuple[Run, ...]:
    """The line's runs in visual order with x offsets; a run never starts with a space."""
    ems = _para_ems(line.para, family, weight)[line.start:line.end]
    faces = assign_fonts(line.para, family)[line.start:line.end]
    shaped = _shaped(line.para, family, weight)
    clusters = line.clusters
    wide = wide_spaces(line.para)
    runs: list[Run] = []
    kept: set[int] = set()  # the runs that end with a fullwidth gap's space, kept in the text
    x = _leads(line.para, family, weight).get(line.start, 0.0) * size  # a line starting inside a shaped word
    cur: list = []  # [x, text, face, accent, width, style, link, shaped glyphs or None, last cluster index]

    def close() -> None:
        if cur:
            runs.append(Run(cur[0], cur[1], cur[2], cur[3], None, cur[4], cur[5], cur[6],
                            tuple(cur[7]) if cur[7] is not None else ()))

    spaced = False  # the cluster before was a space
    for i, text in _visual_order(line):
        c = clusters[i]
        w = ems[i] * size
        glyphs = shaped.get(line.start + i)
        after_space, spaced = spaced, c.is_space
        if c.is_space and after_space:  # a gap of spaces (a table's columns, aligned code) is drawn by position:
            close()  # an SVG run's spaces collapse into one, and the words after them came in to the left
            cur = []
        elif c.emoji or STYLE_MISSING in c.style:  # an emoji, a missing-character mark: a run of its own
            close()
            cur = []
            runs.append(Run(x, c.text, faces[i] or "", c.accent, c.emoji, w, c.style))
        elif glyphs is not None:  # a shaped word: its clusters stay together, with their glyphs
            if not (cur and cur[7] is not None and cur[8] == i - 1 and faces[i] == cur[2]
                    and (c.accent, c.style, c.link) == (cur[3], cur[5], cur[6])):
                close()
                cur = [x, "", faces[i], c.accent, 0.0, c.style, c.link, [], i]
            pen = (x - cur[0]) / size
            for g in glyphs:
                cur[7].append((g, pen))
                pen += g.advance
            cur[1] += text
            cur[4] += w
            cur[8] = i
        elif line.start + i in wide:  # a fullwidth gap: the creator's space ends the run, its width is the next
            if cur and cur[7] is None:  # run's position
                cur[1] += text
                kept.add(len(runs))
            close()
            cur = []
        elif cur and cur[7] is None and faces[i] == cur[2] and (c.is_space or (c.accent == cur[3]
                                                                          and c.style == cur[5] and c.link == cur[6])):
            cur[1] += text
            cur[4] += w
        elif c.is_space:  # a space after a shaped word or an emoji, or measured in another face: advance only
            close()  # (in the run, it took the run face's advance: a monospace word's spaces overran the line)
            cur = []
        else:
            close()
            cur = [x, text, faces[i], c.accent, w, c.style, c.link, None, i]
        x += w
    close()
    return tuple(r if r.emoji or k in kept else Run(r.x, r.text.rstrip(" "), r.family, r.accent, r.emoji, r.width,
                                                     r.style, r.link, r.glyphs)
                 for k, r in enumerate(runs) if r.text.strip() or r.emoji)

