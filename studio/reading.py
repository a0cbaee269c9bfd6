"""Reading a post's text: its headline, its body, and the lists inside it.

Pure string functions the layouts share. A copied thread page joins a post's
lines into one, so a list arrives as "Lead-in: - a - b - c"; ``unflatten``
puts such inline lists back on lines of their own, and every reader here sees
the recovered lines. Nothing is ever dropped: markers stay in the text.
"""
from __future__ import annotations

import re
import unicodedata

import regex
from functools import lru_cache

from .code import FENCE_RE, code_lines, has_code
from .text import drawing_lines
from .text_patterns import SENTENCE_END, without_links

_HEADING = re.compile(r"^\s*(?:(\d{1,2})\s*(?:[).:]|/(?=\s))|#(\d{1,2})|(?:step|part|tip|lesson)\s+(\d{1,2})\s*[:.)-])"
                      r"\s*(\S.{0,90})$", re.IGNORECASE)
# Symbols a creator bullets with for what they mean ("✅ done", "❌ don't", "→ then"): the item keeps its own.
OWN_BULLETS = "‣►▶→➡✅✔☑✓❌✖✗👉🔹🔸◆■"
_OWN = rf"(?:[{OWN_BULLETS}]\ufe0f?|[0-9#*]\ufe0f?\u20e3|\U0001F51F)"  # … and keycaps: "1️⃣ Keep it short", "🔟 …"
# ONE marker then a space, before words: "----" and "- - -" are rules, not bullets; "100.": a top-100 list
_LIST_LINE = re.compile(rf"^\s*(?:[-–•*·▪◦‣]|{_OWN}|\d{{1,3}}[.)])\s+(?![-–•*·▪◦‣\s]*$)(.+)$")
# Any emoji (with its variation selector, skin tone, ZWJ parts) then a space starts a line of the creator's bullet:
# "➕ Open source", "🖤 Dark mode" as "✅ Fast" (a bullet by its shape, not by a list of symbols); not © ® ™,
# nor "▪" (a plain dot, drawn as one).
# A flag (two regional indicators: "🇫🇷 Paris") leads a line the same way.
_EMOJI = r"(?:(?![©®™▪])\p{Extended_Pictographic}(?:\ufe0f|[\U0001F3FB-\U0001F3FF])*|[\U0001F1E6-\U0001F1FF]{2})"
_OWN_BULLET = regex.compile(rf"^\s*(?:{_OWN}|{_EMOJI}(?:\u200d{_EMOJI})*)\s+\S")
_SAYS = regex.compile(rf"^\s*{_OWN}\s+\S")  # "✅ Ship it": a bullet wherever it stands, as a list line
# "Step 3: edit": a point the creator numbered in words; it keeps its words (the number is among them)
_STEP = re.compile(r"^\s*(?:step|rule|part|tip|lesson|day)\s+(\d{1,3})\s*[:.)-]\s+\S", re.IGNORECASE)
_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+")
# An inline bullet: " - ", " – ", " • ", " ▪ " (also right after a colon: "fast:- a").
_INLINE_BULLET = re.compile(r"(?:^|(?<=\s)|(?<=:))([-–•▪◦])\s+(?=\S)")
_INLINE_NUMBER = re.compile(r"(?:^|(?<=\s)|(?<=:))(\d{1,3})[.)]\s+(?=\S)")  # "100." as _LIST_LINE
# "3) Cache Warming This is …": the number, then the rest of a heading without punctuation.
_NUMBER_LEAD = re.compile(r"^\s*(\d{1,2})\s*(?:\)|/(?=\s))\s*")
_MINOR_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "vs", "with",
                "&", "+", "→", "-", "–", "—"}
_WORDY = regex.compile(r"[\p{L}\p{N}\p{Extended_Pictographic}]")  # a line a headline may be: words, numbers, emoji
_PLAIN_HEADLINE_CHARS = 90  # a first line this short, without a full stop, reads as a heading


# ---------------------------------------------------------------- inline lists

def _bullet_cuts(line: str) -> list[int]:
    """Where inline bullet items start in ``line`` (positions of their markers), or []."""
    cuts = [m.start(1) for m in _INLINE_BULLET.finditer(line)]
    if not cuts:
        return []
    if line[:cuts[0]].rstrip().endswith(":") or len(cuts) >= 3:  # "Lead-in: - a", "- a - b - c", "x - a - b - c"
        return cuts
    return []  # one or two dashes in a sentence (or in a list line) are dashes ("go home - now")


def _number_cuts(line: str) -> list[int]:
    """Where inline numbered items start ("My rules: 1. Ship 2. Learn"): counting up by one from the first, which
    is 0 or 1 (two items after a lead-in's colon, else three), or any number after a lead-in's colon when three
    items follow ("My top 100: 98. a 99. b 100. c"). Each item has words of its own: "pace per lap: 97. 98. 99.
    Slower" is a sentence of numbers, not a list."""
    found = [(m.start(1), m.end(), int(m.group(1))) for m in _INLINE_NUMBER.finditer(line)]
    following = [len(found)] * len(found)  # the index of the first later item numbered one more, each found once
    first_of: dict[int, int] = {}
    for i in range(len(found) - 1, -1, -1):
        following[i] = first_of.get(found[i][2] + 1, len(found))
        first_of[found[i][2]] = i
    for i, (start, _, n) in enumerate(found):
        before = start
        while before and line[before - 1].isspace():
            before -= 1
        colon = line[before - 1:before] == ":"
        if not (colon or n in (0, 1)):
            continue
        run, j = [found[i]], following[i]
        while j < len(found):
            run.append(found[j])
            j = following[j]
        # a line opening with "1." holds two items when the second follows a full stop ("1. Ship it. 2. Learn")
        opens = not before and all(line[:pos].rstrip()[-1:] in (".", "!", "?", "…") for pos, _, _ in run[1:])
        if len(run) < (2 if (colon or opens) and n in (0, 1) else 3):
            continue
        ends = [pos for pos, _, _ in run[1:]] + [len(line)]
        if all(line[words:end].strip() for (_, words, _), end in zip(run, ends)):
            return [pos for pos, _, _ in run]
    return []


def _unflatten_line(line: str) -> list[str]:
    if _LIST_LINE.match(line) and not (_bullet_cuts(line)[1:] or _number_cuts(line)[1:]):
        return [line]
    cuts = _bullet_cuts(line) or _number_cuts(line)
    if not cuts:
        return [line]
    pieces = [line[a:b].strip() for a, b in zip([0] + cuts, cuts + [len(line)])]
    return [p for p in pieces if p]


@lru_cache(maxsize=2048)
def unflatten(text: str) -> str:
    """Inline lists back on lines of their own: "Tools: - Figma - Notion" -> "Tools:\\n- Figma\\n- Notion".

    A run of " - item", "• item" or "1. item" counts as a list after a lead-in
    ending in ":", or when there are three items or more; a dash or two inside a
    sentence stays. Every character but the spaces at the cuts is kept.
    """
    if has_code(text):  # a line of code stays as written ("x = a - b - c - d" is no list)
        return "\n".join(piece for line, is_code in zip(text.split("\n"), code_lines(text))
                         for piece in ([line] if is_code else _unflatten_line(line)))
    return "\n".join(piece for line in text.split("\n") for piece in _unflatten_line(line))


# ---------------------------------------------------------------- headings and headlines

def split_number(title: str) -> tuple[str, str]:
    """("1) Lead with the payoff") -> ("1", "Lead with the payoff"); no number, or a number a word of the creator's
    says ("Step 1: write."), -> ("", title)."""
    m = _HEADING.match(title)
    if m and "\n" not in title and not m.group(3):  # "Step 1: write." stays whole: its word is the creator's too
        number = next(g for g in m.groups()[:2] if g)
        return ascii_digits(number), m.group(4).strip()
    return "", title


# A point the creator numbered themselves: "Step 2: …", "Rule 3 …", "2. …", "#4 …", "3️⃣ …", "First …".
_COUNTED = re.compile(r"^\W{0,2}(?:(?:step|rule|part|tip|lesson|day|week|phase|stage|no\.?)\s*#?\d{1,3}\b|#\d{1,3}\b"
                      r"|\d{1,3}\s*[.):/](?!\d)|[0-9#*]\ufe0f?\u20e3|\U0001F51F"
                      r"|(?:first|second|third|fourth|fifth|firstly|secondly|thirdly|finally|lastly)\b)", re.IGNORECASE)


def counted(point: str) -> bool:
    """The point carries the creator's own count ("Step 2: write.", "2. We published.", "First we wrote.")."""
    return bool(_COUNTED.match(point))


def ascii_digits(number: str) -> str:
    """A list or section number in ASCII digits, whatever digits it was written in ("𝟭", "१", "١", "１" -> "1"):
    it is drawn as a badge in the title or body face, which draws no others (a math-bold "𝟭." was "0" and a box)."""
    return "".join(str(unicodedata.digit(ch, ch)) for ch in number)


def heading_line(text: str) -> tuple[str, str] | None:
    """If the text starts with a heading line ("1) Sparse Attention"), (heading, rest)."""
    first, _, rest = text.strip().partition("\n")
    if rest.strip() and _HEADING.match(first):
        return first.strip(), rest.strip()
    return None


def _capital(word: str) -> bool:
    first = word.lstrip("\"'“‘(")[:1]
    return first.isupper() or first.isdigit()


def numbered_heading(text: str) -> tuple[str, str] | None:
    """"3) Cache Warming This is the step…" -> ("3) Cache Warming", "This is the step…").

    The heading is the title-case run after "N)" or "N/"; it ends where a new
    sentence begins: the last capitalised word of the run, followed by a
    lower-case one. Punctuation inside the run means it is a sentence after all.
    """
    text = text.strip()
    first = text.split("\n", 1)[0]
    m = _NUMBER_LEAD.match(first)
    if not m:
        return None
    words = first[m.end():].split(" ")
    run = 0
    while run < len(words) and (_capital(words[run]) or (run and words[run].lower() in _MINOR_WORDS)):
        if re.search(r"[.!?:;,…]$", words[run]):
            return None
        run += 1
    if run == len(words) or run < 2 or words[run - 1].lower() in _MINOR_WORDS:
        return None  # the whole line is a heading (other rules), or a sentence: "1) Cache is king"
    head_words = words[:run - 1]
    if len(head_words) == 1 and len(head_words[0]) < 4:
        return None  # "1) I Think it works"
    cut = m.end() + len(" ".join(head_words))
    return first[:cut].strip(), text[cut:].strip()


# One emoji's part: a keycap ("1️⃣", "#️⃣"), a pictograph, skin tone, flag letter, variation selector or joiner
_EMOJI_PART = r"(?:[0-9#*]\ufe0f?\u20e3|[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\ufe0f\u200d\u20e3])"
# What may follow a sentence on its line without being one: emoji, hashtags and handles ("Ship it. 🚀 #buildinpublic"),
# or a credit after a dash that ends no sentence ("Rest. — my coach"); only emoji, the group "emoji"
_TAIL = regex.compile(rf"^(?:(?P<emoji>(?:{_EMOJI_PART}|\s)+)|[—–]\s[^.!?…]*|(?:{_EMOJI_PART}|[#@]\w+|\s)+)$")


def emoji_tail(text: str) -> bool:
    """``text`` is only emoji ("🚀", "🔥 👍🏽", "🇫🇷", "1️⃣"): after a sentence on its line, it is that sentence's."""
    found = _TAIL.match(text)
    return bool(found and found.group("emoji") and text.strip())


def line_tail(text: str) -> bool:
    """``text`` only trails a sentence on its line: emoji, hashtags and handles, or a dash's credit."""
    return bool(text.strip() and _TAIL.match(text))


@lru_cache(maxsize=1024)
def headline_and_body(text: str) -> tuple[str, str]:
    """A numbered heading, else a short first line, else the first sentence, becomes the headline."""
    text = unflatten(text.strip())
    found = numbered_heading(text) or heading_line(text)
    if found:
        return found
    first, _, rest = text.partition("\n")
    if FENCE_RE.match(first) or not _WORDY.search(first) or drawing_lines(text.split("\n"))[0]:
        return "", text  # a post that opens with code, or with a line of drawing ("+----+", "| a | b |"), has none
    if rest.strip() and len(first) <= _PLAIN_HEADLINE_CHARS and not first.rstrip().endswith((".", ",", ";")) \
            and not _LIST_LINE.match(first) and without_links(first).strip(" .,;:!?"):  # a bare link is no headline
        return first.strip(), rest.strip()  # a short first line reads as a heading
    lead = _NUMBERED.match(text)  # "3. Ship every day": the number's full stop ends no sentence
    number, words = (text[:lead.end()], text[lead.end():]) if lead else ("", text)
    parts = SENTENCE_END.split(words, maxsplit=1)
    if len(parts) == 2 and emoji_tail(parts[1]):
        return "", text  # one sentence and its emoji ("Ship it. 🚀"): read as one sentence, the emoji kept beside it
    if len(parts) == 2 and len(parts[0]) <= 140 and "\n" not in parts[0] and without_links(parts[0]).strip(" .,;:!?"):
        return number + parts[0].strip(), parts[1].strip()
    return "", text


# ---------------------------------------------------------------- lists

def list_items(text: str) -> list[str]:
    """List items: lines starting "- ", "•" or "1.", also when they came flattened ("Tools: - a - b").

    Lines that are not items stay as items of their own only after a list began;
    text before the first item is not returned (see ``list_intro``).
    """
    return [item for _, item in list_entries(text)]


def list_entries(text: str) -> list[tuple[str, str]]:
    """(number, item) for each of ``list_items``' items: the number the creator wrote ("5" of "5. Ship", in ASCII
    digits; a countdown or a list with gaps keeps its own), "" for a bullet item. A copy: the reading is cached."""
    return list(list_reading(text)[1])


def list_reading(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(lead-in, entries): the one reading of a list every reader shares. Bullets and numbers are read as separate
    lists and the one with more rows wins (on a tie, the one that starts first); every line above the winner's
    first row is the lead-in, every prose line from there on is in a row: no line is lost or read twice. A row
    nested under the one above ("  - outline" under "1. Write") has the number ``SUB``, one a level further in
    ``SUB`` twice ("◦◦"), and so on."""
    lead, rows = written_rows(text)
    return lead, [(number, item) for number, item, _ in rows]


@lru_cache(maxsize=1024)
def written_rows(text: str) -> tuple[str, tuple[tuple[str, str, str], ...]]:
    """``list_reading`` with each row as written too: (number, item, the row's lines as the creator wrote them,
    marker and all: "Step 3: edit", "١. اكتب")."""
    text = unflatten(text.strip())
    lines = text.split("\n")
    code = code_lines(text) if has_code(text) else [False] * len(lines)
    best: list[list] = []
    best_start = len(lines)
    readings = [_read_list(lines, code, numbered) for numbered in (False, True)]
    sub: set[int] = set()
    rows = lambda items, numbered=False: sum(  # noqa: E731
        number != PARAGRAPH and not number.startswith(SUB) and at not in sub
        and not (numbered and not number and not own_bullet(item))  # a numbered list's bullet rows after it
        for number, item, at, _ in items)
    if rows(readings[1][0]) >= 2:  # bullets under the items of a numbered list are not a list of their own
        sub = sub_bullets(lines, code)
    score = -1
    for numbered, (items, start) in enumerate(readings):
        if rows(items, numbered) > score or (rows(items, numbered) == score and start < best_start):
            best, best_start, score = items, start, rows(items, numbered)
    if score < 2:
        return "\n".join(ln.strip() for ln in lines if ln.strip()), ()
    lead = "\n".join(ln.strip() for ln in lines[:best_start] if ln.strip())
    return lead, tuple((number, item, written) for number, item, _, written in best)


def sub_bullets(lines: list[str], code: list[bool]) -> set[int]:
    """The bullet lines that belong to the numbered item above them: indented deeper than it, or in a run of
    bullets that another numbered item follows ("1. Write" / "   - outline" / "2. Edit"). They are not rows of a
    bulleted list of their own when the lists are counted."""
    sub: set[int] = set()
    above: int | None = None  # the indent of the last numbered line
    run: list[int] = []  # the bullet lines since it
    entries = _entries(lines)
    for n, line in enumerate(lines):
        found = None if code[n] else entries[n]
        if not found:
            continue
        indent = indent_of(line)
        if found[0] != "•":
            sub.update(run)  # a numbered item after the run: the run was under the one before
            above, run = indent, []
        elif above is not None:
            run.append(n)
            if indent > above:
                sub.add(n)
    return sub


PARAGRAPH = "¶"  # the "number" of a row that is a paragraph of its own after the list: it gets no marker
SUB = "◦"  # the "number" of a row nested under the row above it ("  - outline" under "1. Write")
NESTED = 2  # a list line indented this many spaces deeper than its row's is nested under it (a tab is four)


def indent_of(line: str) -> int:
    """How far ``line`` is indented, in spaces (a tab counts four)."""
    body = line.lstrip()
    return len(line[:len(line) - len(body)].expandtabs(4))


def _follows(number: str, above: str | None) -> bool:
    """``number`` goes on with the numbering of ``above`` (2 after 1)."""
    return bool(above) and number.isdigit() and above.isdigit() and int(number) == int(above) + 1


def nested_line(number: str, indent: int, top: int, top_number: str, sub_number: str | None) -> bool:
    """Is a list line (``number``, "•" for a bullet) indented ``indent`` nested under the row above? ``top`` and
    ``top_number`` are the indent and number of the last row that is not nested, ``sub_number`` the number of the
    nested row right above (None when there is none). A line indented ``NESTED`` deeper nests, except a numbered
    line going on with the numbering of the rows it is under ("1. Plan" / "  2. Build" are siblings); "1." under
    "1." or "2." after a nested "1." nests."""
    if "." in number and number.split(".")[0] == top_number:  # "1.1" under "1.", however indented
        return True
    if indent < top + NESTED:
        return False
    return _follows(number, sub_number) or not _follows(number, top_number)


def _read_list(lines: list[str], code: list[bool], numbered: bool) -> tuple[list[list], int]:
    """The rows (number, text, index of the row's first line, the row as written) of the bulleted (or numbered)
    list in ``lines``, and the index of its first line. A list line indented deeper than the row above, or a bullet
    after a numbered row, is a row nested under it (``SUB``); after the list's last item, a line that starts a
    sentence of its own is a paragraph (``_starts_paragraph``)."""
    items: list[list] = []
    start = len(lines)
    apart = False  # a blank line since the last line read
    entries = _entries(lines)
    under = sub_bullets(lines, code) if numbered else set()
    # the list's last line; in a numbered list, bullets after its last item that are not under it are not in it
    last = max((n for n, found in enumerate(entries) if found and not code[n]
                and (not numbered or found[0] != "•" or n in under)), default=-1)
    top = 0  # the indent of the last row that is not nested
    top_number, sub_number = "", None  # its number as read, and that of the nested row right above
    levels: list[int] = []  # the indents of the nested rows open under it
    held = 0  # the indent of the last row's lines that went on in it
    for n, line in enumerate(lines):
        if code[n] or not line.strip():  # code holds no list items
            apart = apart or not line.strip()
            continue
        found, after_blank, apart = entries[n], apart, False
        indent, whole = indent_of(line), line.strip()
        nests = bool(items) and items[-1][0] != PARAGRAPH
        if not items:
            if not (found and (found[0] != "•") == numbered):
                continue
            row, start = [found[0] if numbered else "", found[1]], n
        elif found and nests and nested_line(found[0], indent, top, top_number, sub_number):
            row = [SUB, found[1] if found[0] == "•" and not own_bullet(found[1]) and plain_bullet(line) else whole]
            sub_number = found[0]
        elif found and numbered and _apart_step(found[0], whole, items[-1]):
            row = [PARAGRAPH, whole]  # "Rule 1: never skip twice." after "3. It opens doors": not the list's row
        elif found and (found[0] != "•") == numbered:
            row = [found[0] if numbered else "", found[1]]
        elif found and own_bullet(found[1]):  # "✅ Learn" amid numbers: the creator's line of its own
            row = ["", found[1]]
        elif found and numbered and nests and n in under:  # "- outline" under "1. Write": nested under it
            row = [SUB, found[1]]
        elif found and numbered:  # "- No news" after the last "3.", not indented: a bullet row of its own
            row = ["", found[1]]
        elif found and not numbered:  # "3. Repeat" after "✅ Learn": a row with its own number
            row = [found[0], found[1]]
        elif not found and (after_blank or n > last and not _goes_on_as_before(items) and (_starts_paragraph(
                items[-1][1], whole, indent, top, held, _labels(items)) or _leaves_nested(items[-1][0], whole, indent, levels))):
            row = [PARAGRAPH, whole]  # a paragraph after the list: a row of its own, unmarked
        else:
            items[-1][1] += " " + whole
            items[-1][3] += "\n" + whole
            held = max(held, indent)
            continue
        if row[0] != SUB:
            top, top_number, sub_number, levels = indent, (found[0] if found else ""), None, []
        else:  # a line indented deeper than the nested row above nests under it: "◦◦", one level further in
            while levels and indent < levels[-1] + NESTED:
                levels.pop()
            levels.append(indent)
            row[0] = SUB * len(levels)
        held = 0
        items.append(row + [n, whole])
    return items, start


def _apart_step(number: str, line: str, above: list) -> bool:
    """Is ``line`` a point numbered in words ("Rule 1: …") right after a "1." row whose numbering it does not go
    on with? Then it is a line of its own after the list, not one of its rows."""
    return step_point(line) and above[0].isdigit() and not step_point(above[3]) and not _follows(number, above[0])


def mixed_steps(lines: list[str]) -> bool:
    """Do ``lines`` hold one list numbered both ways, "2. Write" next to "Step 3: Share" (one going on with the
    other's numbering)? Each of its numbered lines is then drawn as written."""
    above: tuple[str, bool] | None = None
    for line, found in zip(lines, _entries(lines)):
        if not found or found[0] == "•":
            continue
        step = step_point(line)
        if above and above[1] != step and (_follows(found[0], above[0]) or _follows(above[0], found[0])):
            return True
        above = (found[0], step)
    return False


def _goes_on_as_before(items: list[list]) -> bool:
    """Did an earlier row of the list go on in more lines than the last row has yet ("1. Deep Work." / "Cal Newport
    shows…")? Then the last row goes on the same way: its next line is its own, not a paragraph."""
    lines = [written.count("\n") for number, _, _, written in items[:-1]
             if number != PARAGRAPH and not number.startswith(SUB)]
    return bool(items) and max(lines, default=0) > items[-1][3].count("\n")


def _leaves_nested(number: str, line: str, indent: int, levels: list[int]) -> bool:
    """After a list's last row, nested under the one above ("2. Ship" / "   - retro"), does ``line``, less indented
    than that row and not going on with a small letter, stand apart ("That is the whole system.")? It cannot go
    on in the nested row (it is not under it), nor in the row above (the nested row came between)."""
    return number.startswith(SUB) and bool(levels) and indent < levels[-1] and not line[:1].islower()


_CLOSERS = "\"'”’»)]*_"
# A closing line that can only open a sentence of its own ("That's it.", "That's all.", "Done.", the whole line):
# after a short item with no end mark ("3. Publish") it is no wrapped part of the item, as "York City." after
# "3. Visit New" would be. Kept this narrow: "3. Watch" / "It's a Wonderful Life." is one item, a title.
_CLOSING_LINE = re.compile(r"^(?:and\s+)?(?:that['’]s\s+(?:it|all)|done)\s*[.!]\W*$", re.IGNORECASE)
# The words a short item may end on that ask for the next line ("3. Publish and" / "3. Say" / "That's it.")
_GOES_ON = frozenset("a an and or but nor the to of in on at by for from with as than then so if is are was be "
                     "that this my your our their its say says said tell ask reply answer repeat "
                     "shout whisper yell".split())
_LABEL_WORDS = 3  # an item this short is a label ("Publish", "Ship it"), not a sentence the line could go on in
# A short closing sentence after a list of labels ("That's the list.", "Hope this helps!", "Follow for more."): its
# first word one that opens such a line, no capital after it (a title, "It's a Wonderful Life.", has them), one
# sentence, 2-8 words ending in . ! or ?. Kept to these openers: "3. Decide" / "What matters." is one item.
_CLOSING_OPENERS = frozenset("that's that’s thats hope follow thanks thank save share repost bookmark enjoy happy "
                             "questions your now simple".split())
_CLOSING_SENTENCE = re.compile(r"^(?:[Aa]nd\s+)?(\S+)(?:\s+[^\s.!?…]+){1,7}?[.!?]+[\W_]*$")


def _closing_sentence(line: str) -> bool:
    """Is ``line`` a short closing sentence ("That's the list.", "Hope this helps! 🙏"), never a title?"""
    m = _CLOSING_SENTENCE.match(line)
    if not m or m.group(1).lower() not in _CLOSING_OPENERS or not line[:1].isupper():
        return False
    later = line[m.end(1):].split()
    return not any(w[:1].isupper() and w.rstrip(".!?") not in ("I", "I'm", "I’m", "I'll", "I’ll", "I've", "I’ve")
                   for w in later)


def _labels(items: list[list]) -> bool:
    """Are the list's rows so far two or more short labels with no end mark ("1. Write" / "2. Edit")?"""
    rows = [text for number, text, _, _ in items if number != PARAGRAPH and not number.startswith(SUB)]
    return len(rows) >= 2 and all(r.rstrip(_CLOSERS)[-1:].isalnum() and len(r.split()) <= _LABEL_WORDS
                                  for r in rows)


def _starts_paragraph(item: str, line: str, indent: int, top: int, held: int, labels: bool = False) -> bool:
    """After a list's last item, does ``line`` start a paragraph of its own rather than go on in the item? It does
    when the item ended a sentence and the line starts one, or when the item went on in indented lines and this
    one is not indented, or (``labels``: the list's rows are short labels) when it is a short closing sentence;
    never before a small letter."""
    first = line[:1]
    if first.islower():  # a sentence goes on: "never in public," / "and always with kindness."
        return False
    if held > top and indent <= top:
        return True
    if (item[-1:].isalnum() and len(item.split()) <= _LABEL_WORDS and item.split()[-1].lower() not in _GOES_ON
            and indent <= top and (_CLOSING_LINE.match(line.strip()) or labels and _closing_sentence(line.strip()))):
        return True
    return item.rstrip(_CLOSERS)[-1:] in ".!?…。！？" and not first.islower() and not first in ",;:)]}—–-"


def list_line(line: str) -> tuple[str, str] | None:
    """("1", "text") for a numbered item line, ("•", "text") for a bullet line, else None. A bullet that says
    something (``OWN_BULLETS``: "✅ Ship it") stays in the item's text: it is the creator's, never swapped for a dot.
    A line led by any other emoji is an item only among its neighbours: see ``list_lines``."""
    m = _LIST_LINE.match(line)
    if not m:
        return None
    number = _NUMBERED.match(line)
    if number:
        return ascii_digits(number.group(1)), m.group(1).strip()
    return "•", (line.strip() if _OWN_BULLET.match(line) else m.group(1).strip())


_EMOJI_LEAD = regex.compile(rf"^\s*(?:{_OWN}|{_EMOJI}(?:\u200d{_EMOJI})*)(?=\s)")


def written_marker(line: str) -> str:
    """The marker a list line opens with, as written ("-", "1)", "(1)", "1.1", "✅", "🚀"), "" for a line with none."""
    m = _LIST_LINE.match(line)
    if m:
        return line[:m.start(1)].strip()
    kept = _KEPT_NUMBER.match(line)
    if kept:
        return line[:kept.end() - 1].strip()
    lead = _EMOJI_LEAD.match(line)
    return lead.group().strip() if lead else ""


def emoji_rows(texts: list[str], is_item: list[bool] | None = None) -> list[bool]:
    """Which of ``texts`` (lines, or sentences read as points) are led by an emoji the creator bullets with: any
    emoji then a space ("➕ Open source", "🖤 Dark mode", "🇫🇷 Paris") in a run of two such texts or more, or
    right after an item (``is_item``) or a lead-in ending in ":"; one alone in prose ("Big news. 🚀 We launched.")
    is prose; a bullet that says something ("✅ Ship it") is one anywhere. Blank texts are passed over. The one
    rule of list reading, sentence points and body blocks."""
    items = is_item or [False] * len(texts)
    led = [bool(_OWN_BULLET.match(t)) for t in texts]
    words = [n for n, t in enumerate(texts) if t.strip()]
    out = [False] * len(texts)
    for k, n in enumerate(words):
        if not led[n]:
            continue
        prev = words[k - 1] if k else None
        nxt = words[k + 1] if k + 1 < len(words) else None
        out[n] = bool(_SAYS.match(texts[n])) or (nxt is not None and led[nxt]) or (prev is not None and (
            led[prev] or items[prev] or texts[prev].rstrip().endswith(":")))
    return out


# "(1) Plan" and "1.1 Outline": numbers a list keeps as written; a line is one of its rows only in a run of list lines
_KEPT_NUMBER = re.compile(r"^\s*(?:\((\d{1,3})\)|(\d{1,3}(?:\.\d{1,3})+)\.?)\s+\S")


def kept_number(row: str) -> bool:
    """The row is numbered "(1)" or "1.1": its number is drawn as written, never as a badge of ours."""
    return bool(_KEPT_NUMBER.match(row))


def _kept_rows(lines: list[str], found: list[tuple[str, str] | None]) -> list[tuple[str, str] | None]:
    """("1", the whole line) for "(1) Plan", ("1.1", the whole line) for "1.1 Outline", when the line next to it
    (blank lines aside) is a list line too: "(1) I think…" alone in prose, or "1.5 million signed up.", stays prose."""
    kept = [None if f else _KEPT_NUMBER.match(line) for f, line in zip(found, lines)]
    words = [n for n, line in enumerate(lines) if line.strip()]
    out = list(found)
    for k, n in enumerate(words):
        if kept[n] is None:
            continue
        near = [words[k + d] for d in (-1, 1) if 0 <= k + d < len(words)]
        if kept[n].group(2) and not _has_parent(kept[n].group(2), words[:k], found, kept):
            continue  # "1.5 million signed up.", "9.30 standup": a decimal or a time, not an outline number
        if any(found[m] is not None or kept[m] is not None for m in near):
            out[n] = (ascii_digits(kept[n].group(1) or kept[n].group(2)), lines[n].strip())
    return out


def _has_parent(number: str, above: list[int], found: list, kept: list) -> bool:
    """Whether a "1.1" row sits under its "1." parent: a line numbered 1 (or "1.x") in the run of list lines right
    above it (blank lines aside)."""
    head = ascii_digits(number.split(".")[0])
    for m in reversed(above):
        if found[m] is None and kept[m] is None:
            return False
        own = found[m][0] if found[m] is not None else ascii_digits(kept[m].group(1) or kept[m].group(2))
        if own.split(".")[0] == head:
            return True
    return False


def list_lines(lines: list[str]) -> list[tuple[str, str] | None]:
    """``list_line`` of each line, and ("•", the whole line) for a line led by an emoji the creator bullets with
    (``emoji_rows``); ("1", the line) for a "(1)" row, ("1.1", the line) for a "1.1" one (``_kept_rows``)."""
    found = _kept_rows(lines, [list_line(line) for line in lines])
    bullets = emoji_rows(lines, [f is not None for f in found])
    return [f or (("•", line.strip()) if bullet else None) for f, bullet, line in zip(found, bullets, lines)]


def _entries(lines: list[str]) -> list[tuple[str, str] | None]:
    """``list_lines``, or (N, the whole line) for a point the creator numbered in words ("Step 3: edit")."""
    out = []
    for line, found in zip(lines, list_lines(lines)):
        step = _STEP.match(line)
        out.append(found or ((ascii_digits(step.group(1)), line.strip()) if step else None))
    return out


def step_point(item: str) -> bool:
    """The item names its own number in words ("Step 3: edit"): it gets no number of ours beside it."""
    return bool(_STEP.match(item))


# A list number in a script's own digits ("١.", "۲)", "३."), not ASCII, math-styled or fullwidth ones
_SCRIPT_NUMBER = re.compile(r"^\s*(?=\d*[^\W0-9\U0001D7CE-\U0001D7FF\uff10-\uff19_])\d{1,3}[.)]\s")


def own_number(row: str) -> bool:
    """The row, as written, carries a number of its own that a badge of ours would not say the same way: a
    number in words ("Step 3: edit") or in its script's digits ("١. اكتب", "३. सीखो")."""
    return bool(_STEP.match(row) or _SCRIPT_NUMBER.match(row) or _KEPT_NUMBER.match(row))


def script_number(row: str) -> bool:
    """The row is numbered in its script's own digits ("١. اكتب", "३. सीखो")."""
    return bool(_SCRIPT_NUMBER.match(row))


def own_bullet(item: str) -> bool:
    """The item starts with a bullet of its own ("✅ Ship it"): drawn as written, with no dot before it."""
    return bool(_OWN_BULLET.match(item))


PLAIN_BULLETS = frozenset("-–*•◦·")  # the bullets a nested row's small hollow dot stands for


def plain_bullet(line: str) -> bool:
    """The list line opens with a plain bullet ("- ", "• "): a nested row draws the layout's small dot for it. Any
    other ("‣ React") is the creator's own shape, drawn as written."""
    marker = written_marker(line)
    return bool(marker) and set(marker) <= PLAIN_BULLETS


def list_intro(text: str) -> str:
    """The text before a list (the lead-in line), for the list layout."""
    intro = []
    for line in unflatten(text.strip()).split("\n"):
        if _LIST_LINE.match(line):
            break
        intro.append(line.strip())
    return "\n".join(x for x in intro if x)


def is_numbered_list(text: str) -> bool:
    return sum(1 for ln in unflatten(text).split("\n") if _NUMBERED.match(ln)) >= 2


def sentences(text: str) -> list[str]:
    """The text cut after each sentence end (".", "!", "?", "…", CJK full stops); a list number's full stop
    ("3. Ship every day") ends no sentence."""
    lead = _NUMBERED.match(text)
    found = [s for s in SENTENCE_END.split(text[lead.end():] if lead else text) if s]
    if lead and found:
        found[0] = text[:lead.end()] + found[0]
    for n in range(len(found) - 1, 0, -1):  # "毎日書く。🚀 次へ": the emoji after a CJK full stop is its sentence's
        tail = _CJK_TAIL.match(found[n]) if found[n - 1].rstrip()[-1:] in "。！？」』）" else None
        if tail:
            found[n - 1] += tail.group(1)
            found[n] = found[n][tail.end(1):].lstrip()
    return found or ([text] if text else [])


_CJK_TAIL = regex.compile(rf"^((?:{_EMOJI_PART})+)\s+(?=\S)")
