"""Code blocks: lines of code inside a post, kept with their line breaks and indentation.

A post's text marks a code block the way people write one in a chat or a README:
a line of three backticks (with an optional language name, "```python") above it
and one below. The slides hide the two fence lines and draw the lines between them
in the monospace face, each at its own indentation; nothing inside is restyled,
linked, merged or split.

Imports find code that arrives without fences — lines indented under a header
("def f(x):", "if (ok) {"), as a copied page or an archive keeps them — and put
fences around it (``fence_indented_code``), so the indentation survives every
later step that trims lines.
"""
from __future__ import annotations

import re

import regex

FENCE_RE = re.compile(r"^[ \t]*```[\w+#.-]*[ \t]*$")

# A list line's marker: a bullet ("-", "◦", "‣", "→", "✅", any emoji, a keycap) or a number as written ("1.", "1)",
# "(1)", "1.1"), then a space. A list line is never code, however deeply it is indented.
_LIST_MARK = (r"(?:[-–•*·▪◦‣►▶→➡✓✔☑✗✖❌◆■]+|(?:\p{Extended_Pictographic}|[0-9#*]\ufe0f?\u20e3)[\ufe0f\u200d"
              r"\p{Extended_Pictographic}\U0001F3FB-\U0001F3FF]*|\d{1,3}[.)]|\(\d{1,3}\)|\d{1,3}(?:\.\d{1,3})+\.?)\s")
# A line indented under another: two or more spaces, then something that is not a list item ("  - nested").
_INDENTED_RE = regex.compile(rf"^ {{2,}}(?!{_LIST_MARK})\S")
# A line that opens a block of code below it: ends in "{", "(", "[", "=>" or "\", or is a Python compound
# statement ("def f(x):", "class A:", "for x in xs:", "else:").
_OPENER_RE = re.compile(r"(?:[{(\[\\]|=>)\s*$"
                        r"|^(?:async\s+)?def\s+\w+\s*\(.*:\s*$"
                        r"|^class\s+\w+.*:\s*$"
                        r"|^(?:if|elif|while|with|except|match|case)\b.*:\s*$"
                        r"|^for\s+.+\s+in\s+.+:\s*$"
                        r"|^(?:else|try|finally|except)\s*:\s*$")
# A line at the code's own level after an indented part: a closing bracket ("}", "});", "} else {"), "end",
# or Python's "else:" / "except …:" that goes on with the block.
_CLOSER_RE = re.compile(r"^[\])}]|^end\b|^(?:else|elif|except|finally)\b.*:\s*$")
# Prose: words joined by single spaces, ending as a sentence ends; code rarely looks like that.
_PROSE_RE = re.compile(r"^[^\W\d_][\w'’,]*(?: [\w'’,\"“”()-]+){3,}[.!?…]$")


def code_lines(text: str) -> list[bool]:
    """For each line of ``text``: is it inside a fenced code block (the fence lines included)?

    A fence never closed runs to the end of the text, as it does in a chat.
    """
    flags, inside = [], False
    for line in text.split("\n"):
        fence = bool(FENCE_RE.match(line))
        flags.append(inside or fence)
        if fence:
            inside = not inside
    return flags


def block_margins(lines: list[str], flags: list[bool]) -> list[int]:
    """For each line, the indentation every filled line of its code block shares (0 outside code).

    Code pasted from an indented block ("    x = 1" under a sentence) is drawn from the panel's edge;
    only the depths within the block are kept.
    """
    margins = [0] * len(lines)
    start = None
    for n, (line, inside) in enumerate(zip(lines + [""], flags + [False])):
        fence = inside and bool(FENCE_RE.match(line))
        if start is not None and (fence or not inside):
            filled = [_indent(lines[k]) for k in range(start, n) if lines[k].strip()]
            margins[start:n] = [min(filled, default=0)] * (n - start)
            start = None
        elif start is None and inside and not fence:
            start = n
    return margins


def has_code(text: str) -> bool:
    """The text holds a fence line."""
    return "```" in text and any(FENCE_RE.match(line) for line in text.split("\n"))


def strip_lines(text: str) -> str:
    """Each line trimmed, but the lines of a code block keep their indentation (trailing spaces go)."""
    if not has_code(text):
        return "\n".join(line.strip() for line in text.split("\n"))
    return "\n".join(line.rstrip() if code else line.strip()
                     for line, code in zip(text.split("\n"), code_lines(text)))


def fence_indented_code(text: str) -> str:
    """``text`` with fences around the code it holds unfenced: a run of lines indented under an opening
    line ("def f(x):", "function f() {"), or indented lines that differ in depth or read as code.

    Every character stays; only fence lines are added. Indented prose (a paragraph's first-line indent,
    a nested list) is left as it is.
    """
    if "\n " not in text and not text.startswith("  "):
        return text
    lines = text.split("\n")
    done = code_lines(text)
    out: list[str] = []
    i = 0
    while i < len(lines):
        run = None if done[i] else _code_run(lines, done, i)
        if run is None:
            out.append(lines[i])
            i += 1
            continue
        start, end, is_code = run
        if not is_code:  # indented prose: the whole run stays as it is (and is not read again line by line)
            out.extend(lines[i:end])
            i = end
            continue
        if start < i:  # the opening line above, already passed
            out.pop()
        out.append("```")
        out.extend(lines[start:end])
        out.append("```")
        i = end
    return "\n".join(out)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# What marks a line as code: brackets, "=", ";", "::", "->", "a.b", a leading symbol ("$ npm i", "# note",
# "// note"), or a command or keyword first.
_CODE_MARK_RE = re.compile(r"[=(){}\[\];<>]|::|->|\w\.\w|^[^\w\s\"'“‘(]"
                           r"|^(?:npm|npx|pip3?|python3?|node|git|cd|ls|sudo|brew|apt(?:-get)?|curl|wget|docker|kubectl"
                           r"|cargo|go|make|yarn|pnpm|bun|deno|uv|poetry|conda|echo|export|mkdir|rm|cp|mv|cat|ssh"
                           r"|import|from|return|const|let|var|print|func|fn|pub|use|SELECT|INSERT|UPDATE)\b")


def _code_run(lines: list[str], done: list[bool], i: int) -> tuple[int, int, bool] | None:
    """(start, end, is it code) of the indented run whose first line is line i (with its opening line above,
    if any); None when line i is not indented."""
    if not _INDENTED_RE.match(lines[i]):
        return None
    above = lines[i - 1] if i > 0 and not done[i - 1] else ""
    opener = bool(above.strip()) and _indent(above) < _indent(lines[i]) and bool(_OPENER_RE.search(above.strip()))
    start = i - 1 if opener else i
    base = _indent(above) if opener else 0
    end = j = i
    while j < len(lines) and not done[j]:
        s = lines[j].strip()
        depth = _indent(lines[j])
        if s and (depth > base or depth == base and (_CLOSER_RE.match(s) or _opens_below(lines, done, j, base))):
            end = j + 1
        elif s:
            break
        j += 1
    body = [line.strip() for line in lines[start:end] if line.strip()]
    depths = {_indent(line) for line in lines[start:end] if line.strip()}
    code = opener or len(depths) > 1 or any(_CODE_MARK_RE.search(s) and not _PROSE_RE.match(s) for s in body)
    return start, max(end, i + 1), code  # not code: indented prose (a first-line indent, a list item's 2nd line)


def _opens_below(lines: list[str], done: list[bool], j: int, base: int) -> bool:
    """Line j opens a block that goes on deeper on the next filled line ("else:", "} else {")."""
    if not _OPENER_RE.search(lines[j].strip()):
        return False
    nxt = next((k for k in range(j + 1, len(lines)) if lines[k].strip()), None)
    return nxt is not None and not done[nxt] and _indent(lines[nxt]) > base


_THREAD_EMOJI = "\U0001F9F5"
_THREAD_EMOJI_RE = re.compile("[ \t]*\U0001F9F5\uFE0F?[ \t]*")
# What may stand between X's thread label 🧵 and its line's edge: spaces, other emoji ("🧵👇") and a post number
# ("1/ 🧵", "🧵 (1/7)"); a 🧵 with words on both sides is the author's word ("Our 🧵 comes in 40 colours.").
_EDGE = r"[\s\p{Extended_Pictographic}\uFE0F\u200d]*"
_POST_NO = r"(?:[(\[]?\d{1,3}[ \t]*/[ \t]*\d{0,3}[)\]]?|\d{1,3}[.)])"
_LABEL_BEFORE_RE = regex.compile(rf"{_EDGE}(?:{_POST_NO}{_EDGE})?")
_AFTER_BACK_RE = regex.compile(r"(?r)[\s\p{Extended_Pictographic}\uFE0F\u200d:!…]*")  # (matched back from the end)
_EDGE_BACK_RE = regex.compile(rf"(?r){_EDGE}")
_POST_NO_BACK_RE = regex.compile(rf"(?r){_POST_NO}")


def _label_tail(line: str) -> int:
    """Where the line's tail of ``_EDGE`` characters, with a post number in it or not, starts."""
    plain = _AFTER_BACK_RE.match(line).start()
    edge = _EDGE_BACK_RE.match(line).start()
    number = _POST_NO_BACK_RE.match(line, 0, edge)
    return min(plain, _AFTER_BACK_RE.match(line, 0, number.start()).start()) if number else plain


def _label_line(line: str, sep: str) -> str:
    """``line`` with each 🧵 that is X's thread label (``_EDGE``) and the spaces around it made ``sep``."""
    out, last = [], 0
    head, tail = _LABEL_BEFORE_RE.match(line).end(), _label_tail(line)  # (once a line: a line of 🧵 stays linear)
    for m in _THREAD_EMOJI_RE.finditer(line):
        at = line.index(_THREAD_EMOJI, m.start())
        if at < head or at + 1 >= tail:
            out += [line[last:m.start()], sep]
            last = m.end()
    return "".join([*out, line[last:]]) if out else line


def thread_label_line(line: str, sep: str = " ") -> str:
    """One line without the 🧵 that label a thread: opening or ending the line, next to a post number, alone on it."""
    return _label_line(line, sep) if _THREAD_EMOJI in line else line


def without_thread_emoji(text: str) -> str:
    """``text`` with each 🧵 labelling the thread (``thread_label_line``) and the spaces around it made one space,
    except inside code; a 🧵 among words is the author's and stays."""
    if _THREAD_EMOJI not in text:
        return text
    if not has_code(text):
        return "\n".join(thread_label_line(line) for line in text.split("\n"))
    return "\n".join(line if is_code else thread_label_line(line)
                     for line, is_code in zip(text.split("\n"), code_lines(text)))
