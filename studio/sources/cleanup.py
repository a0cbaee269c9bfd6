"""Text clean-up every source runs: markup, mojibake, control characters, NFC.

``clean_text`` turns whatever was pasted, exported or fetched into plain text a
slide can show: HTML becomes text and links, "β†’" becomes "→", invisible
control characters go, and the result is NFC-normalised. Real Greek, CJK and
emoji text passes through untouched.

The archive and link readers share here what X's post data needs: the words within a post's display range
(``shown_words``) and the t.co links X adds (``without_link``, ``links_to_itself``).
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import cache


@cache
def _fix_mojibake():
    """ftfy's ``fix_text`` with our settings, imported on first use: it takes about a tenth of a second to
    import, and only text that may hold mojibake needs it."""
    import ftfy
    config = ftfy.TextFixerConfig(
        uncurl_quotes=False,          # keep typographic quotes: they are what the author typed
        unescape_html=False,          # entities are handled below, only where they are complete
        fix_character_width=False,    # fullwidth punctuation is correct CJK typography
        normalization="NFC",
        explain=False,
    )
    return lambda text: ftfy.fix_text(text, config)

# ---------------------------------------------------------------- HTML

_HTML_TAGS = ("a|abbr|article|aside|b|blockquote|body|br|button|code|del|div|em|figcaption|figure|font|footer|"
              "h[1-6]|head|header|hr|html|i|img|ins|label|li|main|mark|nav|ol|p|pre|s|section|small|span|strong|"
              "sub|sup|time|u|ul")
_DROP_BLOCK_RE = re.compile(r"<(script|style|svg|title|noscript)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_ANCHOR_RE = re.compile(r"<a\b([^<>]*)>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
_HREF_RE = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))""", re.IGNORECASE)
_BREAK_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Block elements start and end on a line of their own, as a browser's copy of the page shows them; a paragraph
# (and a heading, a quote) also leaves a blank line.
_PARAGRAPH_RE = re.compile(r"</?(?:p|h[1-6]|blockquote|pre)\b[^<>]*>", re.IGNORECASE)
_BLOCK_RE = re.compile(r"</?(?:div|li|section|article|figure|figcaption|header|footer|main|nav|aside|ul|ol|hr|"
                       r"html|body)\b[^<>]*>", re.IGNORECASE)
_LIST_ITEM_RE = re.compile(r"<li\b[^<>]*>", re.IGNORECASE)
_TAG_RE = re.compile(rf"</?(?:{_HTML_TAGS})\b[^<>]*/?>", re.IGNORECASE)
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# X draws each emoji of a post as an image whose description is the emoji itself.
_IMG_RE = re.compile(r"<img\b[^<>]*>", re.IGNORECASE)
_ALT_RE = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_LINE, _PARAGRAPH = "\ue000", "\ue001"  # where a block ends or starts: one line break, or a blank line
# A run of block edges with only the layout's white space between them; the line ends after the last go too,
# the spaces that indent the next line (code in a <pre>) stay.
_BREAKS_RE = re.compile(f"[{_LINE}{_PARAGRAPH}](?:\\s*[{_LINE}{_PARAGRAPH}])*[\r\n]*")


# A copied page's HTML starts with a document or block tag and ends with a tag; a thread about HTML
# ("<b>bold</b> makes text bold", "<script>alert(1)</script> is XSS") does not.
_DOCUMENT_START_RE = re.compile(r"\s*(?:<!doctype\s+html|<(?:html|head|body|meta|div|p|article|section|main|ul|ol|"
                                r"blockquote|h[1-6]|span|a)\b[^<>]*>)", re.IGNORECASE)
_CLOSING_TAG_RE = re.compile(rf"</(?:html|body|{_HTML_TAGS})\s*>", re.IGNORECASE)


# Windows puts a header over the HTML it copies ("Version:0.9", "StartHTML:0000000105", …, "SourceURL:…").
_CLIPBOARD_HEADER_RE = re.compile(r"\AVersion:\d[^\r\n<]*\r?\n(?:(?:StartHTML|EndHTML|StartFragment|EndFragment"
                                  r"|StartSelection|EndSelection|SourceURL):[^\r\n<]*\r?\n)+(?=\s*<)")


def is_html_document(text: str) -> bool:
    """True when ``text`` is the HTML of a copied page (markup from start to end), not words about markup."""
    text = _CLIPBOARD_HEADER_RE.sub("", text, count=1)
    return (bool(_DOCUMENT_START_RE.match(text)) and text.rstrip().endswith(">")
            and bool(_CLOSING_TAG_RE.search(text)))


def strip_html(text: str) -> str:
    """Turn the HTML of a copied page into plain text: links become their URL, <br> and blocks line breaks.

    Anything that is not a whole HTML document is the creator's words and comes
    back exactly as typed: "<b>bold</b>", "<script>", "&amp;xxe;", "List<T>".
    Inside a document only real tag names are removed and only complete
    entities are decoded ("&amp;" yes, a bare "AT&T" is left alone). An emoji drawn
    as an image (X's page draws every one so) becomes the emoji its description holds.
    """
    if not is_html_document(text):
        return text
    text = _CLIPBOARD_HEADER_RE.sub("", text, count=1)
    if "<" in text:
        text = _DROP_BLOCK_RE.sub("", text)
        text = _COMMENT_RE.sub("", text)
        text = re.sub(r"<!doctype[^<>]*>|<meta\b[^<>]*>", "", text, flags=re.IGNORECASE)
        text = _IMG_RE.sub(_image_text, text)
        if "tweetText" in text:
            text = _inline_post_text(text)
        text = _BREAK_RE.sub("\n", text)
        text = _list_markers(text)
        text = _PARAGRAPH_RE.sub(_PARAGRAPH, text)
        text = _BLOCK_RE.sub(_LINE, text)
        text = _ANCHOR_RE.sub(_anchor_text, text)
        text = _TAG_RE.sub("", text)
        text = _BREAKS_RE.sub(_breaks, text).strip("\n")
    return unescape_entities(text)


_LIST_TAG_RE = re.compile(r"<(/?)(ol|ul|li)\b([^<>]*)>", re.IGNORECASE)
_START_RE = re.compile(r"""\bstart\s*=\s*["']?(\d{1,4})""", re.IGNORECASE)


def _list_markers(text: str) -> str:
    """Each list item on a line of its own, opening with what the browser showed before it: "1. ", "2. " in a
    numbered list (from its ``start``), "- " in any other."""
    out, at, lists = [], 0, []  # lists: per open list, the next item's number (None: bullets)
    for m in _LIST_TAG_RE.finditer(text):
        closing, tag = m.group(1), m.group(2).lower()
        if tag == "li":
            if closing:
                continue
            out.append(text[at:m.start()])
            number = lists[-1] if lists else None
            out.append(_LINE + (f"{number}. " if number is not None else "- "))
            if number is not None:
                lists[-1] = number + 1
            at = m.end()
        elif closing:
            if lists:
                lists.pop()
        else:
            start = _START_RE.search(m.group(3)) if tag == "ol" else None
            lists.append((int(start.group(1)) if start else 1) if tag == "ol" else None)
    out.append(text[at:])
    return "".join(out)


# A post's words on X's page; inside, a mention or hashtag sits in a <div> the page draws inline (no line break).
_POST_TEXT_RE = re.compile(r"""<div\b[^<>]*\bdata-testid\s*=\s*["']tweetText["'][^<>]*>""", re.IGNORECASE)
_DIV_TAG_RE = re.compile(r"<(/?)div\b[^<>]*>", re.IGNORECASE)


def _inline_post_text(text: str) -> str:
    """The page's HTML with the <div> tags inside each post's words removed: X draws them inline, as a browser's
    copy of the page shows (its line breaks are the text's own, or <br>)."""
    out, pos = [], 0
    for m in _POST_TEXT_RE.finditer(text):
        if m.start() < pos:
            continue
        depth = 1
        for tag in _DIV_TAG_RE.finditer(text, m.end()):
            depth += -1 if tag.group(1) else 1
            if not depth:
                break
        if depth:  # never closed (a cut copy): the rest is left as it is, and not scanned again
            break
        out += [text[pos:m.end()], _DIV_TAG_RE.sub("", text[m.end():tag.start()])]
        pos = tag.start()
    return "".join(out) + text[pos:]


def _breaks(match: re.Match) -> str:
    """A run of block edges (and the layout's white space between them) as the line breaks a browser shows."""
    return "\n\n" if _PARAGRAPH in match.group(0) else "\n"


def _image_text(match: re.Match) -> str:
    """An emoji drawn as an image as the emoji; any other image (a photo, an icon) as nothing."""
    alt = _ALT_RE.search(match.group(0))
    text = html.unescape(next((g for g in alt.groups() if g is not None), "")) if alt else ""
    is_emoji = 0 < len(text) <= 16 and not any(c.isalpha() or c.isspace() for c in text)
    return text if is_emoji else ""


def unescape_entities(text: str) -> str:
    """Decode complete HTML entities (``&amp;``, ``&#8217;``, ``&hellip;``) once."""
    if "&" not in text:
        return text
    return _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)


_SHORTENER_RE = re.compile(r"^https?://t\.co/", re.IGNORECASE)
_EDGES = _LINE + _PARAGRAPH + " \t\r\n"


def _anchor_text(match: re.Match) -> str:
    """A link as its words: the URL, the label and the URL, or the label alone (a mention, a hashtag). Block
    edges inside the link (X's name link holds a block) stay around it."""
    attrs = match.group(1)
    inner = _TAG_RE.sub("", match.group(2))
    label = inner.strip(_EDGES)
    start = len(inner) - len(inner.lstrip(_EDGES))
    before, after = inner[:start], inner[start + len(label):]
    label = unescape_entities(label.replace(_LINE, "\n").replace(_PARAGRAPH, "\n"))
    href_m = _HREF_RE.search(attrs)
    href = unescape_entities(next(g for g in href_m.groups() if g is not None)) if href_m else ""
    return before + _link_words(label, href) + after


def _link_words(label: str, href: str) -> str:
    if not href.lower().startswith(("http://", "https://")):
        return label
    if not label or label.startswith(("@", "#", "$")):
        return label or href
    bare = label.rstrip("…").removesuffix("...")
    if _SHORTENER_RE.match(href) and re.fullmatch(r"https?://\S+", bare):
        return bare  # X's own link: the label holds the whole address (its hidden parts too), the href only t.co
    if " " not in label and ("." in bare or "/" in bare):
        return href  # the label is a (shortened) form of the link itself
    return f"{label} ({href})"


# ---------------------------------------------------------------- Greek mojibake

def _build_byte_map(codec: str) -> dict[str, int]:
    """Map each character of a ``codec`` mojibake decoding back to the byte it came from.

    Bytes the code page leaves undefined are read as Windows-1252 (Ÿ, Œ…), as
    browsers and office tools do; C1 controls stand for their own byte.
    """
    out: dict[str, int] = {}
    for b in range(0x80, 0x100):
        for name in (codec, "cp1252"):
            try:
                out.setdefault(bytes([b]).decode(name), b)
                break
            except UnicodeDecodeError:
                continue
    for b in range(0x80, 0xA0):
        out.setdefault(chr(b), b)
    return out


_BYTE_MAPS = (_build_byte_map("cp1253"), _build_byte_map("iso-8859-7"))
_MOJIBAKE_CHARS = "".join(sorted(set(_BYTE_MAPS[0]) | set(_BYTE_MAPS[1])))
_MOJIBAKE_RUN_RE = re.compile("[" + re.escape(_MOJIBAKE_CHARS) + "]{2,}")
# Where three-byte mojibake lands when it is real: punctuation, currency, ™, arrows, maths,
# technical, shapes, dingbats, variation selectors. Number forms (U+2150…) and
# parenthesised letters (U+2480…) are left out: "β…»" and "β’»" occur in real Greek.
_SYMBOL_BLOCKS = ((0x200B, 0x200D), (0x2010, 0x205E), (0x20A0, 0x20CF), (0x2100, 0x213F), (0x2190, 0x23FF),
                  (0x2460, 0x247F), (0x24C0, 0x24FF), (0x2580, 0x27BF), (0x27F0, 0x27FF), (0x2900, 0x297F),
                  (0x2B00, 0x2BFF), (0xFE0E, 0xFE0F))
_GREEK_LETTER_RE = re.compile(r"[\u0386-\u03ce]")
_LATIN_LETTER_RE = re.compile(r"[A-Za-z\u00c0-\u00ff\u0100-\u024f]")


def fix_greek_mojibake(text: str) -> str:
    """Repair UTF-8 that was decoded as Greek cp1253 / ISO-8859-7 ("β†’" → "→", "πŸ‘‡" → "👇").

    A run is repaired only where its bytes form valid UTF-8 and the result is
    plausible: symbols, punctuation and emoji; accented Latin letters only next to
    Latin letters ("cafΓ©"); Greek letters only in double-encoded words. Real Greek
    ("Γ’ Λυκείου", "καλά…»") never matches those rules, so it is left alone.
    """
    if not _MOJIBAKE_RUN_RE.search(text):
        return text
    return _MOJIBAKE_RUN_RE.sub(lambda m: _repair_run(m.group(0), text, m.start(), m.end()), text)


def _repair_run(run: str, text: str, start: int, end: int) -> str:
    out: list[str] = []
    i = 0
    while i < len(run):
        fixed = _decode_at(run, i, text, start, end, out)
        if fixed is None:
            out.append(run[i])
            i += 1
        else:
            ch, used = fixed
            out.append(ch)
            i += used
    return "".join(out)


def _decode_at(run: str, i: int, text: str, start: int, end: int, out: list[str]) -> tuple[str, int] | None:
    for byte_map in _BYTE_MAPS:
        lead = byte_map.get(run[i])
        if lead is None:
            continue
        size = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if 0xF0 <= lead <= 0xF4 else 0
        if not size or i + size > len(run):
            continue
        raw = [byte_map.get(c) for c in run[i:i + size]]
        if any(b is None for b in raw) or not all(0x80 <= b <= 0xBF for b in raw[1:]):
            continue
        try:
            ch = bytes(raw).decode("utf-8")
        except UnicodeDecodeError:
            continue
        before = out[-1] if out else (text[start - 1] if start else "")
        after = run[i + size] if i + size < len(run) else (text[end] if end < len(text) else "")
        if _plausible(ch, before, after, run, i + size, byte_map):
            return ch, size
    return None


def _plausible(ch: str, before: str, after: str, run: str, next_i: int, byte_map: dict[str, int]) -> bool:
    cp = ord(ch)
    if cp >= 0x10000:
        return 0x1F000 <= cp <= 0x1FAFF or 0xE0020 <= cp <= 0xE007F  # emoji, flag tags
    if any(lo <= cp <= hi for lo, hi in _SYMBOL_BLOCKS):
        return unicodedata.category(ch)[0] in "PSZ" or ch in "\u200b\u200c\u200d\ufe0e\ufe0f"
    if 0xA0 <= cp <= 0xBF:
        # NBSP, ©, «, °… (from "Β" + one byte); not what "Β’" / "Β΄" (Greek "2nd") would give
        return ch not in "¡¢´µ"
    if 0xC0 <= cp <= 0x24F:
        return bool(_LATIN_LETTER_RE.match(before) or _LATIN_LETTER_RE.match(after))
    if _GREEK_LETTER_RE.match(ch):  # double-encoded Greek: needs a second repaired letter beside it
        return bool(_GREEK_LETTER_RE.match(before)) or _next_is_greek_pair(run, next_i, byte_map)
    return False


def _next_is_greek_pair(run: str, i: int, byte_map: dict[str, int]) -> bool:
    if i + 2 > len(run):
        return False
    raw = [byte_map.get(c) for c in run[i:i + 2]]
    if None in raw or raw[0] not in (0xCE, 0xCF) or not 0x80 <= raw[1] <= 0xBF:
        return False
    return bool(_GREEK_LETTER_RE.match(bytes(raw).decode("utf-8")))


# ---------------------------------------------------------------- control characters

# Terminal escape sequences (colour codes, cursor moves, OSC titles and links), removed whole:
# CSI "ESC [ params intermediates final" and OSC "ESC ] … BEL or ESC \\".
_ANSI_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
_C0 = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_C0_RE = re.compile(f" *[{_C0}]+ *")
_CONTROL_RE = re.compile(f" *[{_C0}\x80-\x9f]+ *")
# Zero-width format characters that are dropped, never spaced: BOM, noncharacters, lone surrogates.
# ZWJ, ZWNJ and variation selectors are not here: they belong to emoji and scripts.
_INVISIBLE_RE = re.compile("[\ufeff\ufffe\uffff\ud800-\udfff]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_SPACES_RE = re.compile(r"[ \t]+\n")
_LEADING_TABS_RE = re.compile(r"^[ \t]*\t", re.MULTILINE)
_MANY_BLANKS_RE = re.compile(r"\n{3,}")
# Anything ``remove_control_chars`` changes; most text has none of it, and one scan says so (an archive's
# 50,000 posts were read six times each).
_TOUCHED_RE = re.compile(f"[\r\u2028\u2029\t\x1b{_C0}\x80-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")


def remove_control_chars(text: str, *, keep_c1: bool = False) -> str:
    """Drop what XML and the renderer refuse; tabs become spaces, line ends become \\n.

    Terminal colour codes go whole; a control character between two words becomes a
    space ("a\\x00b" → "a b"), elsewhere it just goes. ``keep_c1`` keeps U+0080–U+009F,
    which in mojibake stand for bytes still to be repaired.
    """
    if not _TOUCHED_RE.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    if "\x1b" in text:
        text = _ANSI_RE.sub("", text)
    if "\t" in text:  # an indentation of tabs keeps its depth (code), a tab inside a line is a space
        text = _LEADING_TABS_RE.sub(lambda m: m.group().expandtabs(4), text).replace("\t", " ")
    text = _INVISIBLE_RE.sub("", text)
    return (_C0_RE if keep_c1 else _CONTROL_RE).sub(_space_between_words, text)


def _space_between_words(match: re.Match) -> str:
    """One space for a run of controls (and the spaces around it) inside a line; nothing at a line's edge."""
    text, start, end = match.string, match.start(), match.end()
    inside = 0 < start and end < len(text) and text[start - 1] != "\n" and text[end] != "\n"
    return " " if inside else ""


def _join_surrogates(text: str) -> str:
    """Pair up UTF-16 surrogate halves (from hand-written JSON escapes) and drop lone ones."""
    if not _SURROGATE_RE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")


def _charmap_chars() -> str:
    """Every character a single-byte code page (the ones ftfy and the Greek pass repair) maps a high byte to."""
    chars = set()
    for codec in ("latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "iso-8859-2",
                  "iso-8859-7", "mac-roman", "cp437"):
        for b in range(0x80, 0x100):
            try:
                chars.add(bytes([b]).decode(codec))
            except UnicodeDecodeError:
                pass
    return "".join(sorted(chars | {chr(c) for c in range(0xFB00, 0xFB07)}))  # + Latin ligatures


# Text without any of these cannot hold mojibake, so ftfy (slow per call) is skipped for it.
_SUSPECT_RE = re.compile("[" + re.escape(_charmap_chars()) + "]")


def clean_text(text: str, *, html_markup: bool = True, fold_blank_lines: bool = True) -> str:
    """Plain, NFC-normalised text with markup, mojibake and control characters removed.

    ``html_markup=False`` skips tag stripping for sources whose text is never HTML
    (the archive), where "<br>" in a post is what its author wrote. ``fold_blank_lines=False``
    keeps runs of blank lines (a draft may mark its posts with them); else they become one.
    """
    text = remove_control_chars(text if text.isascii() else _join_surrogates(text), keep_c1=True)
    if html_markup:
        text = strip_html(text)
    if not text.isascii():  # ASCII holds no mojibake, is NFC, and has lost its controls just above
        if _SUSPECT_RE.search(text):
            # The Greek pass goes first: ftfy's own windows-1253 guess can turn "β‚¬β€Ά" ("€•") into "ۥ".
            text = fix_greek_mojibake(text)
            text = _fix_mojibake()(text)
        text = remove_control_chars(unicodedata.normalize("NFC", text))
    if " \n" in text or "\t\n" in text:
        text = _SPACES_RE.sub("\n", text)
    if fold_blank_lines:
        text = fold_blanks(text)
    return strip_keeping_lists(text)


# A list item's line: its indentation, then a bullet or a number ("- ", "• ", "◦ ", "2. ", "3) ").
_LIST_LINE_RE = re.compile(r"^( *)(?:[-*+•◦▪▫‣⁃–]|\d{1,3}[.)])[ \t]+\S", re.MULTILINE)
# Wide or no-break spaces a browser or a notes app copies as a list line's indentation.
_WIDE_SPACES = "\u00a0\u2000-\u200a\u202f\u3000"  # Unicode's space separators but the plain space (U+2007 too)
_WIDE_SPACE_RE = re.compile(f"[{_WIDE_SPACES}]")
_ODD_INDENT_RE = re.compile(rf"^[ {_WIDE_SPACES}]+(?=(?:[-*+•◦▪▫‣⁃–]|\d{1,3}[.)])[ \t]+\S)", re.MULTILINE)


def strip_keeping_lists(text: str) -> str:
    """``text.strip()``, but a list whose first item was indented keeps its items' depths relative to that one:
    "  - a" / "  - b" / "    - c" becomes "- a" / "- b" / "  - c", never "b" nested under "a". A list line indented
    with no-break or wide spaces gets plain spaces, which the layouts read as its depth."""
    if _WIDE_SPACE_RE.search(text):
        text = _ODD_INDENT_RE.sub(lambda m: " " * sum(2 if c == "\u3000" else 1 for c in m.group()), text)
    stripped = text.strip()
    start = len(text) - len(text.lstrip())
    line_start = text.rfind("\n", 0, start) + 1
    lead = start - line_start
    first = _LIST_LINE_RE.match(text, line_start)
    if not lead or not first or text[line_start:start].strip(" "):
        return stripped
    lines = stripped.split("\n")
    for k in range(1, len(lines)):
        line = lines[k]
        if not line.strip():
            break  # the list ends at a blank line
        depth = len(line) - len(line.lstrip(" "))
        if depth < lead and not _LIST_LINE_RE.match(line):
            break
        lines[k] = line[min(depth, lead):]  # (an item shallower than the first stays in the list, not under it)
    return "\n".join(lines)


def fold_blanks(text: str) -> str:
    """Runs of blank lines as one blank line."""
    return _MANY_BLANKS_RE.sub("\n\n", text) if "\n\n\n" in text else text


# ---------------------------------------------------------------- every door

# What neither XML (the slides are SVG) nor UTF-8 JSON (every saved file) can carry: C0 controls
# other than tab, line feed and carriage return; lone UTF-16 surrogates; U+FFFE and U+FFFF.
_UNCARRIABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def safe_text(text: str) -> str:
    """``text`` with what XML and JSON cannot carry removed; anything else, words included, is kept.

    Surrogate halves written as a pair (hand-made JSON escapes) are joined into
    their character first. Valid text comes back as the same object.
    """
    if not _UNCARRIABLE_RE.search(text):
        return text
    return _UNCARRIABLE_RE.sub("", _join_surrogates(text) if _SURROGATE_RE.search(text) else text)


def safe_fields(data: object, path: str = "") -> tuple[object, list[str]]:
    """JSON data with every text (keys too) made safe; also the paths of the texts that changed.

    Run it on every parsed input (project files, kits, store files) before the
    model is built, so no value can reach a page or a save that would break it.
    """
    changed: list[str] = []

    def walk(value: object, where: str) -> object:
        if isinstance(value, str):
            clean = safe_text(value)
            if clean is not value:
                changed.append(where or "the text")
            return clean
        if isinstance(value, dict):
            return {safe_text(k) if isinstance(k, str) else k: walk(v, f"{where}.{k}" if where else str(k))
                    for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, f"{where}[{i}]") for i, v in enumerate(value)]
        return value

    return walk(data, path), changed


def removed_note(what: str, changed: list[str]) -> str:
    """The notice for texts ``safe_fields`` changed: where, and that only unprintable characters went."""
    shown = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
    return (f"{what}: {shown} held characters no slide or file can carry (control characters or broken "
            "UTF-16); they were removed, every word is kept")


# What X leaves outside a post's display range: the @handles a reply opens with, the links of its photos or quote.
_HIDDEN_HEAD_RE = re.compile(r"(?:@\w+\s+)*")
_HIDDEN_TAIL_RE = re.compile(r"(?:\s*https?://t\.co/\w+)*\s*")


def shown_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The part of a post's ``text`` its display range (``start``, ``end``; an end of 0: to the end) shows, kept
    to what X hides itself: the @handles a reply opens with, the t.co links of its photos or quote at the end.
    A range that would hide anything else (counted in other units) hides nothing on that side."""
    start, end = max(0, start), min(len(text), end) if end > 0 else len(text)
    if start and not _HIDDEN_HEAD_RE.fullmatch(text, 0, start):
        start = 0
    if end < len(text) and not _HIDDEN_TAIL_RE.fullmatch(text, end):
        end = len(text)
    return start, end


def shown_words(stored: str, start: int, end: int) -> str:
    """A post's words within its display range (``start``, ``end``), its entities ("&amp;") decoded once.

    X counts the range on the decoded text ("&" one character), so on the stored text it would end early; some
    files count it on the stored text. Each is tried, decoded first, where the range fits the text and hides only
    what X hides itself (``shown_span``); else only that is hidden, from the decoded text.
    """
    decoded = unescape_entities(stored)
    for text, decode in ((decoded, False), (stored, True)):
        if 0 <= start <= end <= len(text) and shown_span(text, start, end) == (start, end):
            return unescape_entities(text[start:end]) if decode else text[start:end]
    start, end = shown_span(decoded, start, end)
    return decoded[start:end]


def without_link(text: str, short: str) -> str:
    """``text`` without the t.co link ``short`` (a photo's), and the spaces before it."""
    return re.sub(r"[ \t]*" + re.escape(short), "", text) if short in text else text


def links_to_itself(expanded: str, post_id: str) -> bool:
    """``expanded`` is the link X adds to the first 280 characters of a long post, to the post itself."""
    return expanded.endswith(f"/status/{post_id}")
