"""Pasted text → a thread: numbering markers, blank lines, or 280-character packing.

The splitter tries, in order:

1. numbering that really numbers the posts — "1/", "1/7", "(1/7)", "1)", "1." at the
   start of a line, or "1/7" at the end of one — counting up by one from the start
   of the text (at 1, or at 2 after a single unnumbered hook), so "10/10 would
   recommend", "1/2 cup" or section headings in the middle never split a thread.
   A hook line over "1/5 …" (the usual paste) becomes its own post, the cover;
2. blank lines, with tiny fragments and headings merged into their neighbours — or, in a
   draft from a thread scheduler, runs of two or more blank lines between posts (one blank
   line then separates paragraphs inside a post);
3. sentences packed into posts of at most 280 weighted characters.

Separator lines ("---") come before all of these; a code block is never split.

Text copied from a thread page (name, @handle, timestamps, "Show more", counts)
is recognised first and gives clean posts with their author.
"""
from __future__ import annotations

import collections
import functools
import hashlib
import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import NamedTuple

import regex

from ..code import FENCE_RE, code_lines, fence_indented_code, has_code, thread_label_line
from ..graphemes import clusters_of
from ..limits import MAX_POSTS, MAX_TEXT_BYTES, megabytes
from ..post import Post, Thread
from ..text_patterns import SENTENCE_END, SENTENCE_MARK
from .archive_files import POST_KINDS, data_file_kind, not_posts_message
from .cleanup import clean_text, fold_blanks, strip_keeping_lists
from .counting import MAX_WEIGHTED_LENGTH, URL_RE, cluster_weight, weighted_length
from .result import ImportResult, SourceError, count
from .post_caps import cap_thread_posts

THREAD_EMOJI = "\U0001F9F5"  # 🧵
TINY_FRAGMENT = 20          # weighted characters: "Thanks!", "More soon", a lone emoji line
HEADING_MAX = 60


def parse_paste(text: str) -> ImportResult:
    """Split pasted thread text into posts ("p1", "p2", …) of one thread."""
    if not isinstance(text, str):
        raise SourceError("pasted text must be text")
    if len(text) > MAX_TEXT_BYTES:
        raise SourceError(f"the text is {megabytes(len(text))}; a pasted thread may be at most "
                          f"{megabytes(MAX_TEXT_BYTES)} (a long real thread is about 100 KB)")
    kept = clean_text(text, fold_blank_lines=False)  # a draft's posts may be set apart by runs of blank lines
    cleaned = fold_blanks(kept)
    if not cleaned or not _VISIBLE_RE.search(cleaned):
        raise SourceError("the text is empty: paste the posts of a thread" if not cleaned else
                          "the text has only invisible characters (zero-width or direction marks): paste the posts "
                          "of a thread")
    if kind := data_file_kind(cleaned):  # any data file, or the archive's manifest.js: archive_files' one rule
        raise SourceError(not_posts_message(kind, "the pasted text") if kind not in POST_KINDS else
                          f"this is a file of an X archive (it starts with {cleaned.split('=', 1)[0].strip()[:40]}): "
                          "import the archive's .zip, or its data/tweets.js, under Archive instead of pasting it")
    if _only_page_chrome(cleaned):
        raise SourceError("this is a copy of an X page with no posts on it (only X's menus, buttons or a sign-in "
                          "or error notice): open the thread on X, let its posts load, then select and copy again")
    warnings: list[str] = []
    page = parse_copied_page(cleaned, warnings)
    author_name, handle, texts = (page.name, page.handle, page.texts) if page is not None else ("", "", [cleaned])
    marked = any(THREAD_EMOJI in t or _THREAD_LABEL_RE.match(t) for t in texts)
    if page is None:
        texts = split_posts(strip_thread_labels(kept), hook=_lone_hook(kept))
        bare = [k for k, t in enumerate(texts, 1) if not t]
    else:
        labelled = [strip_thread_labels(t) for t in texts]
        texts = [_words_past_number(t, len(labelled))
                 for t in strip_post_numbers(labelled, gaps=page.gaps, page=True)]
        bare = [k for k, (a, b) in enumerate(zip(labelled, texts), 1) if a and not b]
    if bare and any(texts):
        emoji = " (and a 🧵, which marks the thread)" if _NUMBER_AND_EMOJI_RE.search(cleaned) else ""
        warnings.append(f"left out {'post' if len(bare) == 1 else 'posts'} {_listed(bare)}: "
                        f"{'it holds' if len(bare) == 1 else 'each holds'} only its number{emoji}, no words")
    texts = [t for t in texts if t]
    if not texts:
        raise SourceError("the text has no words left once thread markers are removed")
    if len(texts) > MAX_POSTS:
        # "more than": numbering is read up to 999, so a longer numbered paste would be counted short
        raise SourceError(f"the text makes more than {MAX_POSTS} posts; a thread may have at most {MAX_POSTS} "
                          "(one carousel cannot hold more): paste fewer posts")
    posts = [Post(id=f"p{i}", text=t, author_name=author_name, handle=handle) for i, t in enumerate(texts, 1)]
    warnings.extend(cap_thread_posts(posts, "the pasted thread", "; the rest is left out: paste it as a post of its own"))
    thread_id = "paste-" + hashlib.sha256(cleaned.encode()).hexdigest()[:12]
    thread = Thread(id=thread_id, posts=posts, title=first_line(texts[0]), marked_as_thread=marked)
    return ImportResult(threads=[thread], warnings=warnings)


# A post that is a number and a 🧵 alone ("2/ 🧵").
_NUMBER_AND_EMOJI_RE = re.compile(r"^[ \t]*[(\[（]?\d{1,3}[/／](?:\d{1,3}|[nNxX])?[)\]）]?[ \t]*\U0001F9F5[ \t]*$",
                                  re.MULTILINE)


def _words_past_number(text: str, posts: int) -> str:
    """A page's post that is only a post number ("2/", "3/3", "(2/4)") that fits a thread of ``posts``, even where
    the others carry none, holds no words: "" (named in a notice, as a draft's would be). "24/7" stays."""
    found = post_number(text) if _ONLY_NUMBER_RE.match(text) else None
    if found is None or found[0] not in ("slash", "end") or not 0 < found[1] <= posts:
        return text
    return "" if found[2] is None or found[1] <= found[2] <= posts + 1 else text


_ONLY_NUMBER_RE = re.compile(r"^[ \t]*[(\[（]?\d{1,3}[/／](?:\d{1,3}|[nNxX])?[)\]）]?[ \t]*$")


def _listed(numbers: list[int]) -> str:
    """"2", "2 and 5", "2, 5 and 7"."""
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


_VISIBLE_RE = regex.compile(r"[^\s\p{Cf}\p{Cc}\p{Mn}\p{Me}]")
# What X shows instead of a thread when it shows none: its sign-in wall and its error notice.
_WALL_LINES = {"log in", "sign up", "sign in", "create account", "retry", "see new posts", "new to x?",
               "people on x are the first to know.", "something went wrong. try reloading.",
               "hmm...this page doesn’t exist. try searching for something else.",
               "hmm...this page doesn't exist. try searching for something else.", "search",
               "sign up now to get your own personalized timeline!", "sign up with apple", "sign up with google",
               "don’t miss what’s happening", "don't miss what's happening", "this post is unavailable.",
               "this post was deleted by the post author.", "learn more", "or", "post", "conversation",
               # (the wall's buttons and its title in X's other main interface languages)
               "iniciar sesión", "regístrate", "únete a x hoy mismo", "anmelden", "registrieren",
               "se connecter", "s'inscrire", "entrar", "inscrever-se", "cadastre-se", "accedi", "iscriviti",
               "inloggen", "registreren", "logga in", "registrera dig", "войти", "зарегистрироваться",
               "đăng nhập", "đăng ký", "ログイン", "アカウント作成"}


# Lines only X's page has (a creator's post made only of "Like", "Share", "Follow" is not taken for one).
_WALL_SIGNS = {"skip to home", "skip to trending", "notifications", "bookmarks", "see new posts", "new to x?",
               "people on x are the first to know.", "something went wrong. try reloading.",
               "sign up now to get your own personalized timeline!", "don’t miss what’s happening",
               "don't miss what's happening", "hmm...this page doesn’t exist. try searching for something else.",
               "hmm...this page doesn't exist. try searching for something else."}


def _only_page_chrome(text: str) -> bool:
    """Every line is X's: its menu, buttons, sign-in wall, error notice or footer; no post at all."""
    lines = [line.strip().lower() for line in text.split("\n") if line.strip()]
    return len(lines) >= 3 and any(line in _WALL_SIGNS for line in lines) and all(
        line in _WALL_LINES or line in _NAV_LINES or line in _UI_LINES or line in _CHROME_HEADINGS
        or _FOOTER_RE.match(line) or line.startswith("by signing up, you agree to the terms") for line in lines)


def first_line(text: str) -> str:
    """A thread's title: its first non-empty line, trimmed."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


# ---------------------------------------------------------------- thread labels

_THREAD_LABEL_RE = re.compile(r"^\s*(?:a\s+)?thread\s*(?:[:：\-–—]|\n)\s*", re.IGNORECASE)
_LONE_LABEL_RE = re.compile(r"^\s*(?:a\s+)?(?:thread|\(thread\))\s*(?:\U0001F447\s*)?$", re.IGNORECASE)
_LABEL_HINT_RE = re.compile(r"thread|/\s*(?:end|fin)|\[end\]", re.IGNORECASE)
_END_MARK_RE = re.compile(r"\s*(?:/\s*end|/\s*fin|\[end\])\s*[.!]?\s*$", re.IGNORECASE)
_SLASH_END_RE = re.compile(r"/\s*(?:end|fin)")  # _LABEL_HINT_RE's "/end" in lower-case ASCII


def strip_thread_labels(text: str) -> str:
    """Remove 🧵, a leading "Thread:" and a trailing "/end"; tidy the spaces they leave. Code the post
    holds unfenced gets its fences first (``code.fence_indented_code``); code is never touched."""
    text = text if _bullets_only_indented(text) else fence_indented_code(text)
    if THREAD_EMOJI not in text and not _label_hint(text):
        return text.strip()
    code = code_lines(text) if has_code(text) else None
    # A line that held the 🧵 is tidied of the spaces it leaves; others keep their indentation.
    lines = [line if code and code[i] or THREAD_EMOJI not in line else _tidy_label(line)
             for i, line in enumerate(text.split("\n"))]
    text = _THREAD_LABEL_RE.sub("", "\n".join(lines), count=1)
    lines = text.split("\n")
    if lines and _LONE_LABEL_RE.match(lines[0]):
        lines = lines[1:]
    return _without_end_mark("\n".join(line.rstrip() for line in lines))


# A line indented under another that opens with a typographic bullet ("  ◦ Figma"): a nested list, never code.
_BULLET_LINE_RE = re.compile(r"^[ \t]+[•◦▪▫‣⁃●○■□➤➢►▸✓✔→][ \t]+\S")


def _bullets_only_indented(text: str) -> bool:
    """Every indented line of ``text`` is a typographic bullet's item (a nested list): no code to fence there."""
    indented = [line for line in text.split("\n") if line[:1] in (" ", "\t") and line.strip()]
    return bool(indented) and all(_BULLET_LINE_RE.match(line) for line in indented)


def _label_hint(text: str) -> bool:
    """``_LABEL_HINT_RE.search(text)``, read without the case-blind regex for ASCII text (most posts)."""
    if not text.isascii():
        return bool(_LABEL_HINT_RE.search(text))
    low = text.lower()
    return "thread" in low or "[end]" in low or ("/" in low and bool(_SLASH_END_RE.search(low)))


def _without_end_mark(text: str) -> str:
    """``_END_MARK_RE.sub("", text).strip()``: a mark that runs to the end starts at the last "/" or "[" (what
    follows either holds neither), so only there is it tried, not at every space of the post."""
    cut = max(text.rfind("/"), text.rfind("["))
    # (not the "/" of a post number: "3/ End." is post 3, whose word is "End.")
    if cut >= 0 and _END_MARK_RE.match(text, cut) and not (text[cut] == "/" and text[cut - 1:cut].isdigit()):
        text = text[:cut]
    return text.strip()


def _tidy(line: str) -> str:
    return re.sub(r"[ \t]{2,}", " ", line).strip()


def _tidy_label(line: str) -> str:
    """The line without the 🧵 labelling the thread, tidied of the spaces it leaves; a 🧵 among words stays."""
    kept = thread_label_line(line)
    return kept if kept == line else _tidy(kept)


# ---------------------------------------------------------------- numbering

@dataclass(frozen=True)
class _Mark:
    start: int      # where the marker text begins
    end: int        # where it ends
    number: int
    total: int | None
    paragraph: bool  # at the start of the text or right after a blank line


# A total after the slash: a count, or "n" / "x" for a thread still being written ("1/n").
_TOTAL = r"\d{1,3}|[nNxX](?![^\W\d_])"
# One pattern per style family; a run never mixes families.
_START_PATTERNS = {
    # (a no-break space after the mark is a space: some editors type one after "2/"; "(2/)" is "2/" bracketed)
    "slash": re.compile(rf"^[ \t]*(?:[(\[（](\d{{1,3}})[/／]({_TOTAL})?[)\]）]|(\d{{1,3}})[/／]({_TOTAL})?)(?![\d/／])"
                        r"[ \t\u00a0\u202f]*(?=\S|$)", re.MULTILINE),
    "paren": re.compile(r"^[ \t]*\(?(\d{1,3})\)[ \t]+(?=\S)", re.MULTILINE),
    "dot": re.compile(r"^[ \t]*(\d{1,3})\.[ \t]+(?=\S)", re.MULTILINE),
}
_END_PATTERN = re.compile(rf"(?<=\S)[ \t]+(?:[(\[（](\d{{1,3}})[/／]({_TOTAL})[)\]）]|(\d{{1,3}})[/／]({_TOTAL})?)[ \t]*$",
                          re.MULTILINE)


def _marks(pattern: re.Pattern, text: str) -> list[_Mark]:
    found = []
    first_word = len(text) - len(text.lstrip())
    for m in pattern.finditer(text):
        groups = [g for g in m.groups()]
        number = next(int(g) for g in groups if g is not None)
        totals = [g for g in groups if g is not None][1:]
        total = int(totals[0]) if totals and totals[0].isdigit() else None
        j = m.start()  # (the text before is looked at where it ends, never copied: a copy per mark is quadratic)
        while j and text[j - 1] in " \t":
            j -= 1
        paragraph = (m.start() <= first_word or text.endswith("\n\n", 0, j)
                     or bool(found) and found[-1].paragraph and found[-1].end == j - 1 and text[j - 1] == "\n")
        # (under a mark alone on its line, "2/" over "3/ Write daily.": the post of "2/" holds only its number)
        found.append(_Mark(m.start(), m.end(), number, total, paragraph))
    return found


def _run(marks: list[_Mark], first: int, slips: bool = False) -> list[_Mark]:
    """Markers counting up by one from ``first`` (others — "1/2 cup", "10/10" — are skipped).

    ``slips``: every marker opens a paragraph, so a number typed twice ("2/", "2/") or one left out ("2/",
    "4/") still counts, when it is written as the run's others are (with a total only if they have one).
    """
    run: list[_Mark] = []
    total = None
    for mark in marks:
        if first == 0 and run and mark.total != run[0].total:
            continue  # a run from 0 is written alike ("0/10 would recommend…" over "1/" is the hook's words)
        expected = run[-1].number + 1 if run else first
        slipped = (slips and run and mark.number in (expected - 1, expected + 1)
                   and (mark.total is None) == (run[0].total is None))
        if mark.number != expected and not slipped:
            continue
        if mark.total is not None:
            if mark.total < mark.number or (total is not None and mark.total != total):
                continue
            total = mark.total
        run.append(mark)
    return run


def _start_run(text: str, marks: list[_Mark], family: str, hook: bool = False) -> tuple[list[_Mark], str] | None:
    """A run of line-start markers that begins the text; returns it and the hook before it.

    A single unnumbered hook may come first: before a run from 2 (the hook is post 1), or before a
    "1/"-style run from 1 or 0 ("How I grew 🧵" over "1/5 …", or over "0/ Intro", "1/ …"). The hook is then
    its own post, the carousel's cover; of several paragraphs only over "1/" markers that each open one.
    A run from 0 ("0/ Intro") with no hook numbers its cover too. "1." and "1)" after a line stay a list inside one post.
    A number no run starts at ("24/7 support", "2/3 of startups" opening a hook's line) is the hook's own words:
    the longest run from the first 0, 1 or 2 wins. A run from 0 has its marks written alike (a total on none, or
    the same on all): "0/10 would recommend…" over "1/ …" is a hook's words.
    """
    best = None
    fraction = _fractions(text, marks)
    for number in (0, 1, 2):
        at = next((k for k, m in enumerate(marks) if m.number == number and not fraction[k]), None)
        if at is None or any(m.number == number - 1 and _alike(m, marks[at]) and not fraction[k]
                             for k, m in enumerate(marks[:at])):
            continue  # "1)" over "2)": a run from 1 or none
        found = _run_from(text, marks[at:], family, hook)
        if found and (best is None or len(found[0]) > len(best[0])):
            best = found
    return best


def _fractions(text: str, marks: list[_Mark]) -> list[bool]:
    """Per mark, whether it reads as the author's fraction (see ``_is_fraction``): one pass from the end."""
    out = [False] * len(marks)
    totals: set[int] = set()
    highest = None  # the highest number of the later marks with no total
    later: set[tuple[int, int | None]] = set()  # (number, total) of the later marks
    for k in range(len(marks) - 1, -1, -1):
        m = marks[k]
        out[k] = not _last_alone(text, m) and (_repeated(m.number, m.total, later)
                                               or _is_fraction(m.number, m.total, text[m.end:m.end + _AFTER], totals,
                                                               highest))
        later.add((m.number, m.total))
        if m.total is None:
            highest = m.number if highest is None else max(highest, m.number)
        else:
            totals.add(m.total)
    return out


def _after_mark(text: str, mark: _Mark) -> int:
    """Where the post's own text starts after its number: past one space, so a list opening on the number's line
    ("2/     - a" over "    - b") keeps the depth its items have relative to each other."""
    start = mark.end
    while start > mark.start and text[start - 1] in " \t" and text[start - 2:start - 1] in " \t":
        start -= 1
    return start


def _last_alone(text: str, mark: _Mark) -> bool:
    """A "2/2" alone on its line, opening a paragraph: the last post's number, no fraction of the author's."""
    return (mark.paragraph and mark.total is not None and mark.number == mark.total
            and text[mark.end:mark.end + 1] in ("", "\n"))


def _is_fraction(number: int, total: int | None, after: str, totals: Collection[int], highest: int | None) -> bool:
    """A "1/3" that would open a run reads as the author's fraction, not a post number: a "0/3" going on in lower
    case ("0/3 of my bets paid off"), or a total no later mark fits. A later mark fits it when it gives the same
    total ("2/3"), or when the later marks give none and reach no higher than it ("1/5 How I grew" over "2/" … "5/").
    So "1/3 of startups fail" over "2/5", or over "2/" … "4/", is the author's. So is a total followed by a
    partitive or unit word in lower case ("1/3 of", "1/3 de las", "1/2 cup") that no later mark gives: lower case
    alone is not a sign ("1/3 here's how" is numbering), nor is such a word opening a compound: "1/3 die-hard habits"
    over "2/", "3/" is numbering. But under later marks that stop short of the total, a lone "2/" or a lower-case
    word after it makes it ambiguous ("1/3 die-hard fans", "1/4 Founders say" over a lone "2/"), and an ambiguous
    mark keeps its words."""
    if total is None:
        return False
    if _zero_in_words(number, after) or _partitive(after) and total not in totals:
        return True  # (a later "2/3" numbers "1/3 do this first" as a post, partitive-like word or not)
    if not totals and highest == total == 2 and _word_goes_on(after):
        return True  # "1/2 the battle is…" over a lone "2/": ambiguous, its words kept
    return total not in totals and (totals or highest is None or highest > total
                                    or highest < total and (highest <= 2 or _word_goes_on(after)))


def _word_goes_on(after: str) -> bool:
    """``after`` opens with a lower-case word: "1/3 die-hard fans" reads on as a sentence."""
    word = after.lstrip(" \t")
    return word[:1].islower()


# How much of the text after a mark ``_is_fraction`` looks at.
_AFTER = 12
# A lowercase partitive or unit word right after "1/3": the author's fraction ("1/3 of", "1/3 der", "1/2 cup").
_PARTITIVE = re.compile(r"[ \t]*(?:of|de|del|des|du|der|den|die|das|dei|degli|delle|della|di|do|da|dos|van|av|af"
                        r"|z|ze|из|от|cups?|tsp|tbsp|inch|inches|miles?|oz|lbs?|kg|g)(?![^\W_])")
def _partitive(after: str) -> bool:
    """``after`` opens with a partitive or unit word, not one opening a hyphenated compound ("die-hard", "van-life")."""
    m = _PARTITIVE.match(after)
    return bool(m) and not after[m.end():m.end() + 1] in ("-", "‐", "‑")


def _repeated(number: int, total: int | None, later: Collection[tuple[int, int | None]]) -> bool:
    """A "1/2" with a total that a later mark numbers again, written otherwise ("1/2 of founders quit" over "1/",
    "2/"): the later mark opens the run, so this one is the author's fraction."""
    return total is not None and any(n == number and t != total for n, t in later)


def _zero_in_words(number: int, after: str) -> bool:
    """A "0/3" in a sentence ("0/3 of my bets paid off"): a run from 0 opens its cover with a label, then words."""
    return number == 0 and after[:1].islower()


def _alike(before: _Mark, mark: _Mark) -> bool:
    """``before`` may start the run ``mark`` would continue: any mark may, but a 0 only one written as it is."""
    return before.number != 0 or before.total == mark.total


def _run_from(text: str, marks: list[_Mark], family: str, hook: bool = False) -> tuple[list[_Mark], str] | None:
    """``_start_run`` for the run from ``marks[0]``."""
    head = text[:marks[0].start].strip()
    first = marks[0].number
    if not head:
        ok = first in (0, 1)
    else:
        # A hook of a few paragraphs ("How I grew 🧵" / "Here's what I learned:") is one post too, when every
        # "1/" opens a paragraph of its own; under a line, "1/ a" "2/ b" may be that paragraph's list.
        paragraphs_ok = family == "slash" and all(m.paragraph for m in marks)
        single = ("\n\n" not in head or paragraphs_ok) and weighted_length(head) <= MAX_WEIGHTED_LENGTH
        ok = single and (first == 2 or (first in (0, 1) and family == "slash"))
    if not ok:
        return None
    run = _run(marks, first)
    if all(m.paragraph for m in marks) and len(slipped := _run(marks, first, slips=True)) >= max(3, len(run) + 1):
        run = slipped
    return (run, head) if len(run) >= 2 or len(marks) == 1 and _hook_and_post_two(text, head, run, hook) else None


def _hook_and_post_two(text: str, head: str, run: list[_Mark], hook: bool = False) -> bool:
    """A two-post thread: a one-paragraph hook (or several under a 🧵-marked first one), then "2/" opening a paragraph ("Hook" / "2/ Last.", or the "2/" on a
    line of its own over "Last."). A "2/2" in words ("2/2 done today.") is no post number: only one alone on its line. Nor is a "2/" over a
    partitive word ("2/ of our investors said yes") or a mark ("2/." ends no post). The caller asks only when the
    text holds no other mark ("Hook" / "2/" / "Last." / "4/" / "Gap." is one post, its words kept)."""
    if (len(run) != 1 or run[0].number != 2 or not run[0].paragraph or not head or "\n\n" in head and not hook
            or not text[run[0].end:].strip()):
        return False  # ("Score so far" / "2/": a post two with no words is the hook's own "2/")
    line_end = text.find("\n", run[0].end)
    rest = text[run[0].end:line_end if line_end >= 0 else len(text)].strip()
    if rest and (_partitive(rest) or not (rest[0].isalnum() or ord(rest[0]) >= 0x2000)):
        return False
    return run[0].total is None or not rest


def split_by_numbering(text: str, hook: bool = False) -> list[str] | None:
    """Posts split at numbering markers, or None when the text is not numbered. ``hook``: the text opens with a
    paragraph marked 🧵, so a hook of several paragraphs over a lone "2/" is post one too."""
    for family, pattern in _START_PATTERNS.items():
        marks = _marks(pattern, text)
        # Prefer markers that open paragraphs, so a numbered list inside a post stays put.
        for candidates in ([m for m in marks if m.paragraph], marks):
            found = _start_run(text, candidates, family, hook)
            if found:
                run, hook = found
                if hook and family != "slash" and run[0].number == 2 and _list_from_one(pattern, hook):
                    # "Plan:" / "1. Draft" / "2. Record": a list the first post opens (as in strip_post_numbers)
                    return None
                posts = [hook] if hook else []
                for mark, nxt in zip(run, run[1:] + [None]):
                    # (a post that is its number alone, "2/" over "3/ …", comes back empty: the caller names it)
                    posts.append(strip_keeping_lists(text[_after_mark(text, mark):nxt.start if nxt else len(text)]))
                return posts
    marks = _marks(_END_PATTERN, text)
    if marks and marks[0].number == 1 and weighted_length(text[:marks[0].start].strip()) <= MAX_WEIGHTED_LENGTH:
        run = _run(marks, 1)
        if len(run) >= 2:
            posts, pos = [], 0
            for mark in run:
                posts.append(text[pos:mark.start].strip())
                pos = mark.end
            tail = text[pos:].strip()
            if tail:
                posts.append(tail)
            return posts
    return None


def strip_post_numbers(texts: list[str], gaps: bool | Collection[int] = False, page: bool = False) -> list[str]:
    """Remove "1/", "(2/7)"… from posts already split apart, when they number them in order.

    Every post must carry its number, counting from 1 — or from 2 after an unnumbered
    hook; "1/"-style markers may also follow a hook from 1 or 0 ("Three lessons 👇", "1/ …" or "0/ Intro").
    A total ("/7") must be the same in every post that gives one, and no smaller than its number
    ("2/3 of founders", "24/7" are not post numbers).
    ``gaps``: posts of the thread are missing (deleted), so numbers may skip ahead: anywhere (True), or only
    at these indices of ``texts`` (the posts that come right after a missing one).
    ``page``: X split the posts (a copied page), so posts the author left unnumbered (a lone "🙏", a photo)
    may sit among three or more numbered ones.
    """
    for family, pattern in (*_START_PATTERNS.items(), ("end", _END_PATTERN)):
        numbers, totals, spans = [], [], []
        for t in texts:
            m = pattern.search(t)
            ok = m is not None and (m.start() == 0 if family != "end" else m.end() == len(t))
            found = [g for g in m.groups() if g is not None] if ok else []
            numbers.append(int(found[0]) if ok else None)
            totals.append(int(found[1]) if len(found) > 1 and found[1].isdigit() else None)
            spans.append((m.start(), m.end()) if ok else None)
        fraction = None
        for i in (0, 1)[:len(numbers)]:  # the run's first post: the first, or the one after a hook
            if numbers[i] is not None:
                if _fraction_post(texts[i], spans[i], numbers[i:], totals[i:]):
                    numbers[i] = totals[i] = spans[i] = None  # "0/10 would recommend…" over "1/ …": their words
                    fraction = i
                break
        hook = 1 if numbers and numbers[0] is None else 0
        if fraction == 1:
            hook = 2  # "Hook 🧵", "1/3 of us quit.", "2/ …": both open the thread unnumbered, the run goes on from 2
        alike = len({t for t, n in zip(totals, numbers) if n is not None}) == 1  # a run from 0 ("0/ Intro") needs it
        zero = (0,) if alike else ()
        firsts = (1, *zero) if not hook else (2, 1, *zero) if family in ("slash", "end") else (2,)
        counted = numbers[hook:]
        if hook == 1 and family != "slash" and counted and counted[0] == 2 and _list_from_one(pattern, texts[0]):
            continue  # "Plan:" / "1. Draft" / "2. Record": a list the first post opens; its numbers are words
        jumps = gaps if isinstance(gaps, bool) else {i - hook for i in gaps}
        if page and len(numbered := [n for n in counted if n is not None]) >= max(3, len(counted) / 2):
            counted = numbered
        if (len(counted) >= 2 and _totals_agree(numbers, totals)
                and any(_in_order(counted, f, jumps) for f in firsts)):
            out = [t if span is None else (t[:span[0]] + t[span[1]:]).strip() for t, span in zip(texts, spans)]
            if hook == 1 and family == "slash" and counted[0] == 2:
                out[0] = _without_inner_first_mark(out[0], totals[1])
            return out
    return texts


def _list_from_one(pattern: re.Pattern, text: str) -> bool:
    """``text``'s last line opening with ``pattern``'s mark, under its first, is "1." or "1)": a list the posts below
    go on ("Plan:" / "1. Draft" over "2. Record"); a list "1." to "3." over "2. …" is a list, then the thread's posts."""
    inner = [m for m in pattern.finditer(text) if m.start() > 0]
    return bool(inner) and int(next(g for g in inner[-1].groups() if g is not None)) == 1


def _without_inner_first_mark(text: str, total: int | None) -> str:
    """The hook post of a run from "2/" without the "1/" that opens one of its later paragraphs ("Hook 🧵" /
    "1/ May: …" in one post, as an archive or a page holds it), written as the run's marks are (the same total) and
    opening a sentence; the post keeps it when two paragraphs open so, or over lower case ("1/ cup flour",
    "1/ year ago I had 0 followers": a number of the author's words)."""
    marks = [m for m in _INNER_FIRST_RE.finditer(text) if (int(m.group(1)) if m.group(1) else None) == total]
    if any(text[m.end():m.end() + 1].islower() for m in marks):
        return text
    if len(marks) != 1:
        return text
    return text[:marks[0].start()] + "\n\n" + text[marks[0].end():]


_INNER_FIRST_RE = re.compile(r"\n[ \t]*\n[ \t]*1[/／](\d{1,3})?[ \t]+(?=\S)")


def _fraction_post(text: str, span: tuple[int, int], numbers: list[int | None], totals: list[int | None]) -> bool:
    """The first post's number reads as the author's words: a "0/10" written unlike the others' numbers, or a
    fraction (``_is_fraction``, the later posts' numbers as its later marks)."""
    others = {t for t, n in zip(totals[1:], numbers[1:]) if n is not None}
    if numbers[0] == 0 and {totals[0]} != others:
        return True
    if _repeated(numbers[0], totals[0], [(n, t) for n, t in zip(numbers[1:], totals[1:]) if n is not None]):
        return True
    untotalled = [n for t, n in zip(totals[1:], numbers[1:]) if n is not None and t is None]
    return _is_fraction(numbers[0], totals[0], text[span[1]:span[1] + _AFTER], others - {None},
                        max(untotalled) if untotalled else None)


def post_number(text: str) -> tuple[str, int, int | None] | None:
    """The number a post opens (or ends) with, as (style family, number, total or None), or None."""
    for family, pattern in (*_START_PATTERNS.items(), ("end", _END_PATTERN)):
        m = pattern.search(text)
        if m is not None and (m.start() == 0 if family != "end" else m.end() == len(text)):
            found = [g for g in m.groups() if g is not None]
            return family, int(found[0]), int(found[1]) if len(found) > 1 and found[1].isdigit() else None
    return None


def _totals_agree(numbers: list[int | None], totals: list[int | None]) -> bool:
    """The totals given ("/7") are one number, no smaller than any post's number."""
    given = {t for t in totals if t is not None}
    return not given or len(given) == 1 and max(n for n in numbers if n is not None) <= min(given)


def _in_order(numbers: list[int | None], first: int, gaps: bool | Collection[int]) -> bool:
    """``numbers`` count up by one from ``first``; with ``gaps``, they may skip ahead (anywhere if True, else
    only at those indices)."""
    if not gaps:
        return numbers == list(range(first, first + len(numbers)))
    return (None not in numbers and numbers[0] == first
            and all(a + 1 == b or a < b and (gaps is True or i in gaps)
                    for i, (a, b) in enumerate(zip(numbers, numbers[1:]), 1)))


# ---------------------------------------------------------------- blank lines and packing

_SEPARATOR_RE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,}|={3,}|~{3,})[ \t]*$", re.MULTILINE)


def split_posts(text: str, hook: bool = False) -> list[str]:
    """Split cleaned text into post texts: separator lines ("---"), else numbering, else blank lines,
    else sentence packing. A code block is never split: its blank lines and "---" lines are code.
    A post that is its number alone ("2/") comes back empty, for the caller to name. ``hook``: the first
    paragraph was marked 🧵, so it is a post of its own however short (see ``_lone_hook``)."""
    if has_code(text) and _CODE_NEWLINE not in text:
        joined = "\n".join(line.replace("\n", _CODE_NEWLINE) for line in _code_chunks(text))
        return [post.replace(_CODE_NEWLINE, "\n") for post in _split_posts(joined, hook)]
    return _split_posts(text, hook)


_CODE_NEWLINE = "\ufdd0"  # stands for a line break inside a code block while the posts are split


def _code_chunks(text: str) -> list[str]:
    """The text's lines, each code block (its fences included) as one chunk."""
    chunks: list[str] = []
    inside = False
    for line in text.split("\n"):
        fence = bool(FENCE_RE.match(line))
        if inside:
            chunks[-1] += "\n" + line
            inside = not fence
        else:
            chunks.append(line)
            inside = fence
    return chunks


def _lone_hook(text: str) -> bool:
    """The text opens with a paragraph that holds a 🧵 and other words, a blank line below it: on X that is
    the thread's first post, never a heading of the next one."""
    head, blank, rest = fold_blanks(text.strip()).partition("\n\n")
    words = head.replace(THREAD_EMOJI, "").strip()
    return (bool(blank) and bool(rest.strip()) and THREAD_EMOJI in head and bool(words) and not has_code(head)
            and not _LONE_LABEL_RE.match(words.split("\n")[0]) and not _THREAD_LABEL_RE.match(words))


def _split_posts(text: str, hook: bool = False) -> list[str]:
    parts = [fold_blanks(strip_keeping_lists(p)) for p in _SEPARATOR_RE.split(text) if p.strip()]
    if len(parts) > 1:  # the creator marked each post: a post keeps its paragraphs
        return strip_post_numbers(parts)
    numbered = split_by_numbering(fold_blanks(text), hook)
    if numbered is not None:
        return numbered
    drafted = _split_at_blank_runs(text)
    if drafted is not None:
        return strip_post_numbers(drafted)
    text = fold_blanks(text)
    paragraphs = [strip_keeping_lists(p) for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    if len(paragraphs) > 1:
        if hook:
            return strip_post_numbers(paragraphs[:1] + merge_fragments(paragraphs[1:]))
        return strip_post_numbers(merge_fragments(paragraphs))
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if _posts_per_line(lines):
        return strip_post_numbers(merge_fragments(lines))
    return pack_sentences(text)


def _split_at_blank_runs(text: str) -> list[str] | None:
    """Posts of a draft written in a thread scheduler: two or more blank lines between posts, one blank
    line between the paragraphs of a post. None unless the text is written so: both kinds of gap, at
    least three posts, and each fits in a post."""
    if "\n\n\n" not in text:
        return None
    parts = [strip_keeping_lists(p) for p in re.split(r"\n{3,}", text) if p.strip()]
    if len(parts) < 3 or not any("\n\n" in p for p in parts):  # one extra blank line may be a slip
        return None
    if any(weighted_length(p.replace(_CODE_NEWLINE, "\n")) > MAX_WEIGHTED_LENGTH for p in parts):
        return None
    return parts


# How a post ends: a sentence mark, a closing quote or bracket after one, an emoji (🧵, 👇) or a hashtag.
_POST_END_RE = regex.compile(r"(?:[.!?…。！？:][\"'”’)\]」』）]*|\p{Extended_Pictographic}\uFE0F?|#\w+)$")


def _posts_per_line(lines: list[str]) -> bool:
    """A thread pasted one post per line, with no blank lines between them (as many pages copy it): more than
    one post's worth of text in at least three lines, each of which fits in a post and ends as a post ends.
    Hard-wrapped prose breaks lines mid-sentence, and a short list stays one post."""
    return (len(lines) >= 3 and weighted_length("\n".join(lines)) > MAX_WEIGHTED_LENGTH
            and all(weighted_length(line) <= MAX_WEIGHTED_LENGTH and _POST_END_RE.search(line) for line in lines))


def _is_heading(paragraph: str) -> bool:
    return ("\n" not in paragraph and len(paragraph) <= HEADING_MAX
            and not re.search(r"[.!?…:;,)\"”’]\s*$", paragraph))


_ITEM_RE = re.compile(r"^[ \t]*(\d{1,3})([.)])[ \t]+\S")


def _goes_on_list(above: str, paragraph: str) -> bool:
    """``paragraph`` is the next item of the numbered list ending ``above`` ("1. Deep Work" / "2. Atomic Habits"):
    the list's, not a heading over the paragraph below it."""
    item, last = _ITEM_RE.match(paragraph), _ITEM_RE.match(above.rsplit("\n", 1)[-1])
    return bool(item and last) and int(item.group(1)) == int(last.group(1)) + 1 and item.group(2) == last.group(2)


_LIST_ITEM_LINE_RE = re.compile(r"^[ \t]*(?:[-*+•◦▪▫‣⁃–→➤✓✔✅]|\d{1,3}[.)])[ \t]+\S")


def _after_list(above: str, paragraph: str) -> bool:
    """``paragraph``, a short line that is no list item, comes right under a list's last item: the list's closing
    words ("Nothing else", "All worth it"), not a heading over the paragraph below it."""
    return (bool(_LIST_ITEM_LINE_RE.match(above.rsplit("\n", 1)[-1])) and not _LIST_ITEM_LINE_RE.match(paragraph)
            and not _MARKED_HEADING_RE.match(paragraph))


_MARKED_HEADING_RE = re.compile(r"^[ \t]*#{1,6}[ \t]+\S")  # "## What failed": a heading the writer marked as one


def merge_fragments(paragraphs: list[str]) -> list[str]:
    """Merge headings into the paragraph they introduce and tiny fragments into a neighbour; a short closing
    paragraph under whole posts stands alone (``_closes``)."""
    merged: list[str] = []
    pending_heading = ""
    for i, p in enumerate(paragraphs):
        if pending_heading:
            p, pending_heading = pending_heading + "\n" + p, ""
        last = i == len(paragraphs) - 1
        if merged and _is_heading(p) and _goes_on_list(merged[-1], p):
            merged[-1] += "\n\n" + p  # a short item of the list above goes on it (one post per item split the list)
        elif (merged and not last and not pending_heading and _is_heading(p) and _after_list(merged[-1], p)
              and not _LIST_ITEM_LINE_RE.match(paragraphs[i + 1])):  # ("Part two" over a list heads that list)
            merged[-1] += "\n\n" + p  # "Nothing else" under a list closes it: no heading of the next post
        elif not last and 0 < i and _is_heading(p):
            pending_heading = p
        elif (weighted_length(p) < TINY_FRAGMENT and (merged or not last)
              and not (last and len(merged) == i and _closes(merged, p))):  # (nothing above was joined)
            if merged:
                merged[-1] += "\n\n" + p
            else:
                pending_heading = p  # a tiny opener joins the next paragraph
        else:
            merged.append(p)
    if pending_heading:
        merged.append(pending_heading)
    return merged




_SENTENCE_END_RE = regex.compile(r"(?:[.!?…。！？][\"'”’)\]」』）]*|\p{Extended_Pictographic}\uFE0F?)$")


def _closes(merged: list[str], last: str) -> bool:
    """``last``, a short paragraph ending the text, is the thread's closing post ("Thanks!", "That's all. 🙏"): it
    ends as a sentence does, and so does every post above it, each a paragraph of its own (none a lead-in to it,
    no heading, fragment or list joined to one: then blank lines may part a post's own paragraphs, and the words
    stay together)."""
    return (len(merged) >= 2 and bool(_SENTENCE_END_RE.search(last.strip()))
            and all(_SENTENCE_END_RE.search(m.strip()) for m in merged))


def _sentences(line: str) -> list[tuple[str, str]]:
    """(joiner, sentence) pairs; CJK sentences join without a space."""
    if not SENTENCE_MARK.search(line):  # one sentence: skip the slow lookbehind search
        return [("", line.strip())] if line.strip() else []
    out, pos, joiner = [], 0, ""
    for m in SENTENCE_END.finditer(line):
        if line[pos:m.start()].strip():
            out.append((joiner, line[pos:m.start()].strip()))
        joiner, pos = (" " if m.group(0) else ""), m.end()
    if line[pos:].strip():
        out.append((joiner, line[pos:].strip()))
    return out


def pack_sentences(text: str, limit: int = MAX_WEIGHTED_LENGTH) -> list[str]:
    """Pack lines, or the sentences of a longer line, greedily into posts of at most ``limit`` weighted characters.

    Over-long sentences break between words, over-long words between grapheme
    clusters; a URL is never broken.
    """
    pieces: list[tuple[str, str]] = []  # (joiner before it, piece)
    for n, line in enumerate(text.split("\n")):
        if line.strip() and weighted_length(line) <= limit:  # a line that fits stays whole (a list item)
            pieces.append(("\n" if n else "", line.rstrip()))  # its indentation too: a nested list item
            continue
        for k, (joiner, sentence) in enumerate(_sentences(line)):
            joiner = "\n" if (n and not k) else joiner
            for k2, (inner, part) in enumerate(_fit_pieces(sentence, limit)):
                pieces.append((joiner if k2 == 0 else inner, part))
    return _pack(pieces, limit)


def _pack(pieces: list[tuple[str, str]], limit: int) -> list[str]:
    """Join (joiner, piece) pairs greedily into chunks of at most ``limit`` weighted characters."""
    chunks: list[str] = []
    current = ""
    for joiner, piece in pieces:
        candidate = current + joiner + piece if current else piece
        if current and weighted_length(candidate) > limit:
            chunks.append(current)
            current = piece.lstrip()  # a post starts at its first word, as a split post does
        else:
            current = candidate.lstrip()
    if current:
        chunks.append(current)
    return chunks


def _fit_pieces(sentence: str, limit: int) -> list[tuple[str, str]]:
    """(joiner, piece) pairs of a sentence, each piece within ``limit``: words, an over-long word's parts (which
    join with nothing, ever: they are one word)."""
    if weighted_length(sentence) <= limit:
        return [(" ", sentence)]
    return [(" " if n == 0 else "", part) for word in sentence.split()
            for n, part in enumerate([word] if URL_RE.fullmatch(word) or weighted_length(word) <= limit
                                     else _split_clusters(word, limit))]


def _split_clusters(word: str, limit: int) -> list[str]:
    """Break an over-long word between grapheme clusters into parts of at most ``limit``.

    Cluster weights are summed as the parts grow (linear: a 1 MB word takes well
    under a second); a part that still counts as longer because it holds
    something URL-like is split again cluster by cluster.
    """
    if word.isascii() and "\r" not in word:  # one character, one cluster, weight 1
        parts = [word[i:i + limit] for i in range(0, len(word), limit)]
    else:
        parts, current, weight = [], [], 0
        for cluster in clusters_of(word):
            w = cluster_weight(cluster)
            if current and weight + w > limit:
                parts.append("".join(current))
                current, weight = [], 0
            current.append(cluster)
            weight += w
        parts += ["".join(current)] if current else []
    return [piece for part in parts
            for piece in ([part] if weighted_length(part) <= limit else _split_slowly(part, limit))]


def _split_slowly(word: str, limit: int) -> list[str]:
    parts, current = [], ""
    for cluster in clusters_of(word):
        if current and weighted_length(current + cluster) > limit:
            parts.append(current)
            current = ""
        current += cluster
    return parts + ([current] if current else [])


# ---------------------------------------------------------------- copied thread pages

_HANDLE_RE = re.compile(r"^@([A-Za-z0-9_]{1,15})$")
# Counts as X writes them in its main languages: 1.2K, 12.345, 1,1 Mio., 3,4 mil, 1.1万, ١٫٢ ألف, 1,2 тыс.
_COUNT_RE = re.compile(r"^[\d.,٫٬\u00a0\u202f]+\s*(?:[KkMmB]|Mio\.?|Mrd\.?|mil|万|億|ألف|مليون|천|만|억|тыс\.?|млн|tys\.?|mln|rb|jt"
                       r"|Mn|هزار|میلیون|हज़ार|लाख)?$")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# The views' word under its count, in X's interface languages.
_VIEWS_WORDS = {"views", "view", "visualizaciones", "vues", "visualizações", "visualizzazioni", "weergaven", "件の表示",
                "조회수", "mal angezeigt", "visningar", "lượt xem", "просмотров", "просмотра", "просмотр", "переглядів",
                "wyświetlenia", "wyświetleń", "görüntülenme", "tayangan", "بازدید", "बार देखा गया"}
# The time under a post in any interface language: "10:04 AM · May 28, 2024", "9:41 vorm. · 4. März 2025",
# "午前9:41 · 2025年3月4日", "Last edited 10:31 AM · Nov 12, 2025", with the views after a second "·".
_FULL_TIME_RE = re.compile(r"^[^\d·]{0,25}\d{1,2}[:.]\d{2}[^·\d]{0,14}·(?=[^·]*\d{4})(?=[^·]*[^\W\d_])[^·]{3,30}"
                           r"(?:·\s*[\d.,]+[^·]{0,30})?$"
                           # X on a phone's browser: the date in figures, the views on the line ("9:40 AM · 11/28/26 ·
                           # 7.8K Views"); without X's views word after it, "7:00 PM · 12/05/26" is the creator's
                           r"|^\d{1,2}[:.]\d{2}(?:\s?[^\W\d_]{1,5}\.?){0,2}\s*·\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}"
                           r"\s*·\s*[\d.,]+\s*[^\W\d_]{0,4}\.?\s*(?i:" + "|".join(map(re.escape, _VIEWS_WORDS)) + r")$")
_TIME_RES = (
    re.compile(r"^\d{1,2}[smhd]$"),                                              # 5h, 2m
    re.compile(rf"^{_MONTH} \d{{1,2}}(?:, \d{{4}})?$"),                           # May 28, May 28, 2024
    re.compile(rf"^\d{{1,2}} {_MONTH}(?: \d{{4}})?$"),                            # 28 May 2024
    _FULL_TIME_RE,                                                               # 10:04 AM · May 28, 2024
    re.compile(r"^Last edited .+$"),
    # (the label in X's other interface languages, with the time of the edit after it: "Última edição às 11:02 AM")
    re.compile(r"^(?:Zuletzt bearbeitet|Última edición|Dernière modification|Última edição|Ultima modifica"
               r"|Laatst bewerkt|Senast redigerad|Последнее изменение|Chỉnh sửa lần cuối|最終編集)\b.{0,14}"
               r"\d{1,2}[:.]\d{2}[^\n]*$", re.IGNORECASE),
)
_EDITED_AT_RE = _TIME_RES[-1]
# X's label beside an ad's advertiser ("Ad", "Promoted"), in its main interface languages.
_AD_LABELS = {"ad", "promoted", "anzeige", "gesponsert", "promocionado", "publicidad", "sponsorisé", "promu",
              "promovido", "anúncio", "sponsorizzato", "annuncio", "gepromoot", "advertentie", "sponsrad", "annons",
              "реклама", "quảng cáo", "được quảng bá", "プロモーション", "広告",
              # (es, hi, ar, ko, tr, id, pl, he, fa, th, zh, el, hu, fi, no, da, cs)
              "anuncio", "विज्ञापन", "प्रचारित", "إعلان", "مُروَّج", "مروج", "광고", "reklam", "iklan", "dipromosikan",
              "reklama", "promowane", "פרסומת", "מקודם", "تبلیغ", "โฆษณา", "广告", "廣告", "推广", "διαφήμιση",
              "hirdetés", "mainos", "annonse", "annonce"}
# "Show more" and "Translate post" in Chinese, Polish, Hindi, Vietnamese, Thai, Ukrainian and Hebrew.
_MORE_BUTTONS = {"显示更多", "顯示更多", "pokaż więcej", "और दिखाएं", "hiển thị thêm", "แสดงเพิ่มเติม", "показати більше",
                 "הצגת עוד", "הצג עוד"}
_TRANSLATE_BUTTONS = {"翻译帖子", "翻譯貼文", "przetłumacz wpis", "पोस्ट का अनुवाद करें", "dịch bài đăng", "แปลโพสต์",
                      "перекласти допис", "תרגום הפוסט", "תרגם פוסט"}
# X's "Quote" over a quoted post and "Show this thread" under a timeline's post, in its interface languages.
_QUOTE_LABELS = {"quote", "zitat", "cita", "citation", "citação", "citazione", "citaat", "citat", "цитата", "引用",
                 "trích dẫn", "citar", "اقتباس", "उद्धरण", "인용", "alıntı", "kutipan", "cytat", "ציטוט", "نقل قول"}
_SHOW_THREAD = {"show this thread", "diesen thread anzeigen", "mostrar este hilo", "afficher ce fil",
                "mostrar esta sequência", "mostra questo thread", "deze draad weergeven", "deze thread weergeven",
                "visa den här tråden", "показать эту ветку", "このスレッドを表示", "hiển thị chuỗi bài đăng này"}
# X's "Follow" and "Subscribe" buttons sit beside a name (a post's header, a box of people), never under a
# post's words: a post that ends in the word is the author's ("Ship" / "Listen" / "Follow"). (Lines of X's too.)
_HEADER_BUTTONS = {"follow", "subscribe", "folgen", "abonnieren", "seguir", "suscribirse", "suivre", "s'abonner",
                   "assinar", "segui", "abbonati", "volgen", "フォローする", "متابعة", "takip et", "abone ol", "ikuti",
                   "berlangganan", "читать", "подписаться", "читати", "obserwuj", "دنبال کردن", "फ़ॉलो करें", "팔로우",
                   "구독하기", "subskrybuj", "关注", "關注", "フォロー",
                   "följ", "prenumerera", "theo dõi", "đăng ký",
                   # (he, th, ur, bn, hi without the nukta, el, cs, ro, hu, da/no, fi, fil, ca, ms, ko)
                   "מעקב", "עקוב", "ติดตาม", "فالو کریں", "অনুসরণ করুন", "फॉलो करें", "ακολουθήστε", "sledovat",
                   "urmărește", "követés", "følg", "seuraa", "sundan", "segueix", "ikut", "팔로우하기"}


# X cuts a long post short under these; the copy holds only the part shown.
_CUT_MARKERS = {"show more", "mehr anzeigen", "mostrar más", "afficher plus", "mostrar mais", "mostra altro",
                "meer weergeven", "visa mer", "さらに表示", "إظهار المزيد", "daha fazla göster", "tampilkan lebih banyak", "더 보기",
                "показать еще", "показать ещё", *_MORE_BUTTONS}
# X's buttons under a post's words: its cut markers and its "Translate post" / "Show translation".
_SHOW_MORE = {*_CUT_MARKERS, "translate post", "translate tweet", "show translation", "post übersetzen",
              "beitrag übersetzen", "übersetzung anzeigen", "traducir post", "mostrar traducción", "traduire le post",
              "afficher la traduction", "traduzir post", "mostrar tradução", "traduci post", "mostra traduzione",
              "post vertalen", "ポストを翻訳", "翻訳を表示", "ترجمة المنشور", "gönderiyi çevir", "terjemahkan postingan",
              "게시물 번역하기", "перевести пост", "översätt inlägg", "visa mer", *_TRANSLATE_BUTTONS}
_TRANSLATE_WORDS = _SHOW_MORE - _CUT_MARKERS

# "Show replies" in X's interface languages.
_SHOW_REPLIES = {"show replies", "antworten anzeigen", "mostrar respuestas", "afficher les réponses",
                 "mostrar respostas", "mostra risposte", "reacties weergeven", "返信を表示", "إظهار الردود", "показать ответы",
                 "показати відповіді", "pokaż odpowiedzi", "yanıtları göster", "tampilkan balasan", "نمایش پاسخ‌ها",
                 "जवाब दिखाएं", "visa svar", "hiển thị trả lời"}

_UI_LINES = {
    *_HEADER_BUTTONS,
    *_SHOW_MORE,
    "·", "show less", *_QUOTE_LABELS, *_SHOW_THREAD, "visa fler svar",
    "show replies", "show more replies", "show probable spam", "show additional replies", "following",
    "reply", "repost", "like", "bookmark", "share", "pinned", "ad", "promoted",
    "post", "conversation", "see new posts", "post your reply",
    "read more", "replying to", "svarar", "đang trả lời",
    # "Replying to" over the "@handle" a reply answers, in X's main interface languages.
    "antwort an", "en respuesta a", "en réponse à", "em resposta a", "in risposta a", "antwoord aan", "返信先:",
    "رداً على",
    # "Show replies" and "Show more replies" in X's main interface languages.
    *_SHOW_REPLIES, "weitere antworten anzeigen", "mostrar más respuestas", "afficher plus de réponses",
    "mostrar mais respostas", "mostra altre risposte", "meer reacties weergeven", "さらに返信を表示",
    # … "Replying to" and the views' word in Russian, Ukrainian, Polish, Turkish and Indonesian,
    # the views' word in the others.
    "показать ещё", "в ответ", "у відповідь", "w odpowiedzi do", "membalas", *_VIEWS_WORDS,
    # … and in Persian.
    "در پاسخ به",
}
# X labels each photo "Image" (a GIF "GIF", in X's main interface languages too) on a line of its own
# under the post's text, with an "ALT" badge when the photo has a description.
# Media marked sensitive shows X's notice and its buttons. (A video's length, "0:42", stays: a post may
# well end in a time of its own.)
_MEDIA_LABELS = r"Image|GIF|ALT|Imagen|Bild|Imagem|Immagine|Afbeelding|画像"


@functools.lru_cache(maxsize=64)
def _media_label_re(shown: frozenset[str] = frozenset()) -> re.Pattern:
    """X's photo labels ending a text; the labels of ``shown`` interface languages too (see ``_LABEL_INTERFACE``),
    and any of those over X's "ALT" badge."""
    labels = "|".join((_MEDIA_LABELS, *sorted(shown)))
    badged = "|".join(_LABEL_INTERFACE)  # any of them over X's "ALT" badge is X's label
    return re.compile(rf"(?:\A|\n+)(?:(?:{labels}|(?:{badged})(?=\n+ALT(?:\n|\Z))|Content warning: [^\n]{{1,60}}"
                      r"|The following media includes potentially sensitive content\."
                      r"(?:\n+Change settings)?(?:\n+Show)?"
                      r"|The media could not be played\.(?:\n+Reload)?"
                      r"|Age-restricted adult content\.[^\n]{0,240}(?:\n+Learn more)?)"
                      r"(?:\n+|\Z))+\Z")


# X's photo label in more interface languages: an ordinary word too ("Obraz" is a painting, "Resim" a picture), so
# it is X's only where the copy shows X's interface in its language (its Follow or Translate button, its views).
_LABEL_INTERFACE = {
    "Obraz": {"obserwuj", "obserwujesz", "przetłumacz wpis", "wyświetlenia"},
    "Görsel": {"takip et", "takip ediliyor", "gönderiyi çevir", "görüntülenme"},
    "Resim": {"takip et", "takip ediliyor", "gönderiyi çevir", "görüntülenme"},
    "Gambar": {"ikuti", "mengikuti", "terjemahkan postingan", "tayangan"},
    "이미지": {"팔로우", "팔로잉", "게시물 번역하기", "조회수"},
    "Изображение": {"читать", "читаю", "перевести пост", "просмотры", "просмотров"},
    "Зображення": {"читати", "читаєте", "перекласти допис", "перегляди", "переглядів"},
    "صورة": {"متابعة", "ترجمة المنشور", "مشاهدة", "مشاهدات"},
    "تصویر": {"دنبال کردن", "ترجمهٔ پست", "بازدید"},
    "छवि": {"फ़ॉलो करें", "पोस्ट का अनुवाद करें", "बार देखा गया"},
    "图片": {"关注", "翻译帖子", "查看"},
    "圖片": {"跟隨", "追蹤", "翻譯貼文", "查看次數"},
}


def _shown_labels(lines: list[str]) -> frozenset[str]:
    """The photo labels of ``_LABEL_INTERFACE`` whose interface language the copy shows (one pass over it)."""
    short = {s.lower() for line in lines if len(s := line.strip()) <= 30}
    return frozenset(label for label, words in _LABEL_INTERFACE.items() if words & short)


_MEDIA_LABEL_RE = _media_label_re(frozenset(_LABEL_INTERFACE))  # (where only X's lines can follow: all of them)
_REPLYING_LABELS = {"replying to", "antwort an", "en respuesta a", "en réponse à", "em resposta a", "in risposta a",
                    "antwoord aan", "返信先:", "رداً على", "в ответ", "у відповідь", "w odpowiedzi do", "membalas",
                    "در پاسخ به", "svarar", "đang trả lời"}
_REPLYING_TO = ("replying to ", "antwort an ", "en respuesta a ", "en réponse à ", "em resposta a ", "in risposta a ",
                "antwoord aan ", "返信先:", "رداً على ", "в ответ ", "у відповідь ", "w odpowiedzi do ", "membalas ",
                "در پاسخ به ", "svarar ", "đang trả lời ")
# Lines X puts under a post that are not its words: "Dana reposted" (a repost shown in a timeline copy) and
# "From example.com" under a link's card, with the card's own domain line above it.
_REPOSTED_RE = re.compile(r"^.{1,50}\s(?:reposted|hat repostet|a reposté|reposteó|repostou)$")
_CARD_FROM_RE = re.compile(r"^(?:From|Von|De|Da|Van)\s+((?:[\w-]+\.)+[a-z]{2,})$", re.IGNORECASE)
# A link X cut short in the post ("https://example.com/a-long-pa…"): a copy has the whole link, then X's "…".
_CUT_LINK_RE = re.compile(r"(https?://[^\s…]+)…(?=\s|$)")
_VIEWS_RE = re.compile(r"^[\d.,]+\s*[KkMmB]?\s+Views?$", re.IGNORECASE)
_READ_REPLIES_RE = re.compile(r"^(?:Read \d+[\d.,KkM]* repl(?:y|ies)|(?:Leer|Lee|Lire|Ler|Leia|Leggi|Lees|Läs|Lies)"
                              r" \d+[\d.,\u00a0\u202fKkM]*(?: mil)? (?:respuestas?|réponses?|respostas?|risposte|risposta"
                              r"|antwoorden|antwoord|svar|Antworten|Antwort))$", re.IGNORECASE)


def _is_noise(line: str, dates: bool = True) -> bool:
    """A line of X's page: a button, a count, a time. ``dates=False`` leaves out short dates ("May 28", "5h"),
    which only X's post headers show and which a post's own last line may well be ("Doors open:" / "May 28")."""
    s = line.strip()
    return s.lower() in _UI_LINES or _is_count(s) or any(r.match(s) for r in (_TIME_RES if dates else _TIME_RES[3:]))


def _is_count(s: str) -> bool:
    """One of X's counts under a post: a number, the views, "Read 12 replies"."""
    return bool(_COUNT_RE.match(s) or _VIEWS_RE.match(s) or _READ_REPLIES_RE.match(s))


def _is_short_date(line: str) -> bool:
    """A post's date beside its author in any language ("Mar 3", "4. März", "3 mar.", "5 Std.", "3月4日")."""
    s = line.strip()
    return len(s) <= 20 and len(s.split()) <= 3 and any(c.isdigit() for c in s) and not re.search(r"[!?:;@#/%$€£]", s)


def _is_name(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 50 and not s.startswith("@") and not _is_noise(s)


class CopiedPage(NamedTuple):
    name: str           # the thread author's
    handle: str
    texts: list[str]    # the author's posts, in order
    gaps: bool          # posts of the thread are missing from the page (deleted or hidden)


def parse_copied_page(text: str, warnings: list[str]) -> CopiedPage | None:
    """(author name, handle, post texts) from text copied off a thread page, or None.

    Posts by other accounts (replies under the thread) are skipped with a warning.
    Some browsers put a blank line between every line of the page ("Name", "",
    "@handle", "", "·"…); such a copy is read with the header lines drawn together.
    Zero-width spaces at a line's edges, and direction marks around X's own lines (a handle,
    a count, "·" in an Arabic or Hebrew interface), are read past: they draw nothing there.
    """
    if _EDGE_INVISIBLE_RE.search(text):
        lines = [_without_edge_marks(line) for line in text.split("\n")]
        for i in range(len(lines) - 1):  # a name over its handle: the name is X's line too
            if _HANDLE_RE.match(lines[i + 1].strip()):
                lines[i] = lines[i].strip(_EDGE_SPACES + _DIRECTION_MARKS)
        text = "\n".join(lines)
    text, names = _stand_in_names(text)
    page = _parse_loose(text, warnings)
    if page is not None and names:
        page = page._replace(name=names.get(page.name, page.name),  # (and any a post's lines held: the words back)
                             texts=[_named_back(t, names) for t in page.texts])
        warnings[:] = [_named_back(w, names) for w in warnings]
    return page


_STAND_IN = "\ufdd2"  # opens a stand-in for a display name shaped like X's own text ("@maya", "404", "2h")


def _stand_in_names(text: str) -> tuple[str, dict[str, str]]:
    """The copy with each display name that looks like X's own text ("@maya", "404", "...", "2h") swapped for a
    stand-in, and the names by stand-in. A name is known by its place, not its words: the line over an "@handle"
    that has X's "·" and time, or a Follow button, right under it."""
    lines = text.split("\n")
    names: dict[str, str] = {}
    found = [i for i in range(len(lines) - 2) if (s := lines[i].strip()) and len(s) <= 50 and not _is_name(s)
             and _HANDLE_RE.match(lines[i + 1].strip()) and _header_after(lines, i + 1)]
    timed = {lines[i + 1].strip().lower() for i in found if not _header_button(_next_filled(lines, i + 1))}
    for i in found:
        s = lines[i].strip()
        if lines[i + 1].strip().lower() not in timed:
            continue  # (over a button only: the thread's author, whose other posts show their time, is sure)
        stand_in = next((k for k, v in names.items() if v == s), f"{_STAND_IN}{len(names)}{_STAND_IN}")
        names[stand_in] = s
        lines[i] = lines[i].replace(s, stand_in)
    return ("\n".join(lines), names) if names else (text, names)


def _header_after(lines: list[str], i: int) -> bool:
    """What X puts right under a header's "@handle" at line i: its "·" over a time, a short time, a Follow button
    (a reply's header shows its time, the opening post's a button)."""
    nxt = _next_filled(lines, i)
    if nxt == "·":
        j = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), len(lines))
        return _is_time(_next_filled(lines, j))
    return nxt.lower() in _HEADER_BUTTONS or _dot_date(nxt) or _is_time(nxt, False) and not _FULL_TIME_RE.match(nxt)


def _named_back(message: str, names: dict[str, str]) -> str:
    for stand_in, name in names.items():
        message = message.replace(stand_in, name)
    return message


def _parse_loose(text: str, warnings: list[str]) -> CopiedPage | None:
    loose = _LOOSE_HEADER_RE.search(text) is not None
    if loose and _spaced(text):  # its headers drawn together first: a post's "… @ana" line is no "Name @handle"
        return _parse_page(_tight_headers(text), warnings) or _parse_page(text, warnings)
    page = _parse_page(text, warnings)
    if page is None and loose:
        page = _parse_page(_tight_headers(text), warnings)
    return page


def _spaced(text: str) -> bool:
    """A blank line after most lines of the copy (how some browsers copy X's page; a post's own lines between)."""
    lines = text.split("\n")
    blank = sum(1 for line in lines if not line.strip())
    return blank * 2 >= len(lines) - blank


# Zero-width and direction marks at a line's start or end (they draw nothing there).
_EDGE_INVISIBLE_RE = re.compile("^[\u200b-\u200f\u2060-\u2064\u2066-\u2069]+|[\u200b-\u200f\u2060-\u2064\u2066-\u2069]+$",
                                re.MULTILINE)
_RTL_LETTER_RE = regex.compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]")
_EDGE_SPACES = "\u200b\u200c\u2060"
_DIRECTION_MARKS = "\u200e\u200f\u2066\u2067\u2068\u2069"


def _without_edge_marks(line: str) -> str:
    """``line`` without zero-width spaces at its edges, and without direction marks there if what is left holds
    no right-to-left letter or is one of X's lines (an author's "שלום!" + RLM keeps the mark that places its "!")."""
    bare = line.strip(_EDGE_SPACES)
    plain = bare.strip(_EDGE_SPACES + _DIRECTION_MARKS)
    if plain != bare and (not _RTL_LETTER_RE.search(plain) or _HANDLE_RE.match(plain.strip()) or _is_noise(plain)
                          or _ONE_LINE_HEADER_RE.match(plain)
                          or _NAME_HANDLE_RE.match(plain) or plain.lower() in _END_HEADINGS | _CHROME_HEADINGS):
        return plain
    return bare


_LOOSE_HEADER_RE = re.compile(r"^[^\n@]{1,50}\n[ \t]*\n[ \t]*@[A-Za-z0-9_]{1,15}[ \t]*$", re.MULTILINE)
_HEADER_PART_RE = re.compile(r"^(?:@[A-Za-z0-9_]{1,15}|·)$")


def _tight_headers(text: str) -> str:
    """The copy without the blank lines around a lone "@handle" or "·" line (the parts of a post header).

    A handle under a line that ends in ":" ("Follow me:", "@dana") is the post's own words and stays apart.
    """
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    before = {i: prev for prev, i in zip([None] + filled, filled)}
    after = {i: nxt for i, nxt in zip(filled, filled[1:] + [None])}
    keep = [True] * len(lines)
    for i in filled:
        if not _HEADER_PART_RE.match(lines[i].strip()):
            continue
        prev, nxt = before[i], after[i]
        if prev is not None and not lines[prev].rstrip().endswith(":"):
            keep[prev + 1:i] = [False] * (i - prev - 1)
        if nxt is not None:
            keep[i + 1:nxt] = [False] * (nxt - i - 1)
    return "\n".join(line for line, k in zip(lines, keep) if k)


# A profile page's header over its posts: the follower count, then the row of tabs (in X's main interface languages).
_FOLLOWERS_RE = re.compile(r"^[\d.,\s]+[KkMB]?\s*(?:Followers|Follower|Seguidores|abonnés|follower|フォロワー|팔로워|"
                           r"متابعون|متابِعون|Volgers|Takipçi|Pengikut|подписчиков|Obserwujący)$")
_FOLLOWING_RE = re.compile(r"^[\d.,\s]+[KkMB]?\s*(?:Following|Folge ich|Siguiendo|abonnements|Seguindo|"
                           r"フォロー中|팔로잉|يتابع|Volgend|Takip edilen|Mengikuti|в читаемых|Obserwowani)$")
_PROFILE_TABS = {"posts", "replies", "highlights", "articles", "media", "likes", "subs", "affiliates",
                 "beiträge", "antworten", "artikel", "medien", "gefällt mir", "respuestas", "destacados",
                 "artículos", "multimedia", "me gusta", "réponses", "temps forts", "médias", "j'aime", "j’aime",
                 "respostas", "destaques", "mídia", "curtidas", "ポスト", "返信", "ハイライト", "メディア", "いいね"}


def _without_profile_header(lines: list[str], warnings: list[str]) -> list[str]:
    """A copied profile page without its header (name, bio, join date, follower counts, tabs): X's page around
    the posts, not a post. Only when the follower count is followed by the row of tabs."""
    filled = list(itertools.islice((i for i, line in enumerate(lines) if line.strip()), 80))
    at = next((k for k, i in enumerate(filled) if _FOLLOWERS_RE.match(lines[i].strip())), None)
    if not at or not _FOLLOWING_RE.match(lines[filled[at - 1]].strip()):  # "312 Following" comes first
        return lines
    k = at + 1
    while k < len(filled) and lines[filled[k]].strip().lower().startswith(("followed by", "not followed by")):
        k += 1
    tabs = k
    while tabs < len(filled) and lines[filled[tabs]].strip().lower() in _PROFILE_TABS:
        tabs += 1
    after = [lines[i].strip() for i in filled[tabs:tabs + 2]]
    posts_follow = len(after) == 2 and (_is_name(after[0]) and _HANDLE_RE.match(after[1]) or after[0] == "Pinned"
                                        or _REPOSTED_RE.match(after[0]))
    if tabs - k < 3 or not posts_follow:  # the posts start right under the tabs
        return lines
    warnings.append("left out the profile's header (bio, join date, follower counts and tabs): "
                    "it is X's page around the posts, not a post")
    return lines[filled[tabs - 1] + 1:]


_BIO_MOST = 4  # lines of a person's bio in X's box of people


def _card_button(lines: list[str], i: int) -> str:
    """The button under the "Name" / "@handle" at lines i, i+1 ("Follow", in any language), '' if none."""
    if i + 2 >= len(lines) or not lines[i].strip() or len(lines[i].strip()) > 50 \
            or not _HANDLE_RE.match(lines[i + 1].strip()):
        return ""
    nxt = lines[i + 2].strip()
    return nxt if _label_shaped(nxt) or _header_button(nxt) else ""


def _people_cards(lines: list[str], i: int) -> int:
    """The end of a run of X's people cards from line i ("Name" / "@handle" / button / bio, none with a time or
    counts), or i when there is none. Each card's button is one X knows, or the same words under every card."""
    j, buttons, bio = i, [], False
    while (button := _card_button(lines, j)) and not any(_is_time(x) for x in lines[j + 2:j + 3]):
        buttons.append(button)
        k = j + 3
        while k < len(lines) and k - j - 3 < _BIO_MOST and not _card_button(lines, k):
            x = lines[k].strip()
            if _is_count(x) or _FULL_TIME_RE.match(x) or _is_time(x, False) or x == "·":
                return i  # a post's counts or time: these are posts, not a box of people
            bio = bio or bool(x)
            k += 1
        j = k
    known = any(_header_button(b) for b in buttons) or len(buttons) > 1 and len(set(buttons)) == 1
    # (one card alone with no bio: left to the notice that quotes a lone header under the last post)
    return j if buttons and known and (bio or len(buttons) > 1) else i


def _without_people_box(lines: list[str], noted: list[str]) -> list[str]:
    """The copy without X's box of people under a thread (its heading in any language, or none, then cards of
    "Name" / "@handle" / "Follow" / bio): it comes right under the last post's counts; its heading is named."""
    for i in range(2, len(lines) - 2):
        if not _HANDLE_RE.match(lines[i + 1].strip()) or not lines[i].strip():
            continue
        above = list(itertools.islice((k for k in range(i - 1, -1, -1) if lines[k].strip()), 2))  # (not O(n²))
        if not above:
            continue
        heading = None
        if not _is_count(lines[above[0]].strip()):
            h = lines[above[0]].strip()
            if len(above) < 2 or not _is_count(lines[above[1]].strip()) or len(h) > 40 or _SENTENCE_MARK_RE.search(h):
                continue
            heading = above[0]
        end = _people_cards(lines, i)
        if end == i or any(x.strip() for x in lines[end:]):
            continue  # (only a box that ends the copy: the thread's posts never come under it)
        start = heading if heading is not None else i
        handles = [x.strip() for x in lines[i:end] if _HANDLE_RE.match(x.strip())]
        noted.append(f"left out X's box of people under the thread ({', '.join(handles)}: names, handles, Follow "
                     "buttons and bios)"
                     + (f" and its heading “{lines[heading].strip()}”" if heading is not None else "")
                     + ": it is X's page around the posts, not a post")
        return lines[:start]
    return lines


def _parse_page(text: str, warnings: list[str]) -> CopiedPage | None:
    raw = text.split("\n")
    lines = _drop_page_chrome(raw)
    footer = _last_filled(raw) != _last_filled(lines)  # X's boxes or footer came under the page's last post
    noted: list[str] = []
    lines = _without_profile_header(lines, noted)
    lines = _without_people_box(lines, noted)
    headers = _page_headers(lines)  # (first line of the header, first line of the post, name, handle)
    if not headers:
        return None
    partial = _page_preamble(lines, headers, noted)
    if partial is None:
        return None
    warnings.extend(noted)
    if footer and _last_filled(raw).lower() in _END_HEADINGS:
        warnings.append(f'left out "{_last_filled(raw)}" ending the copy: X\'s heading over its suggestions '
                        "(add it back if it was the last line of your post)")
    blocks_all, is_quote, timed = _page_blocks(lines, headers, footer)
    blocks = [b for b, q in zip(blocks_all, is_quote) if not q]  # a quoted post stays apart
    buttons = [b for b, q in zip(_header_buttons(lines, headers), is_quote) if not q]
    name, handle = _page_author(blocks_all, blocks, is_quote, timed, _column_handle(lines, headers))
    _warn_others(blocks_all, blocks, is_quote, handle, warnings, buttons)
    own = _without_answers([b for b in blocks if b[1].lower() == handle.lower()], handle, warnings)
    if partial:
        own.insert(0, (name, handle, partial, False, {"partial"}, set()))
    texts, unavailable = _own_texts(own, warnings, _media_label_re(_shown_labels(raw)))
    return CopiedPage(name, handle, texts, unavailable)


_OWN_TIME = "\ufdd1"  # stands for a full time line the creator typed while a post's lines are read


def _header_time(lines: list[str], header: tuple, end: int) -> bool:
    """The post's header holds its time ("Name @handle · 5h", or "·" / "Nov 28" right under the "@handle"): a
    reply's, never the opening post's, whose full time X puts under its words."""
    start, body = header[0], header[1]
    if (m := _ONE_LINE_HEADER_RE.match(lines[start].strip())) and _is_time(m.group(3)):
        return True
    near = [x.strip() for x in lines[body:body + 6] if x.strip()][:2]
    if near and (near[0] == "·" and len(near) > 1 and _is_time(near[1]) or _dot_date(near[0])):
        return True
    # a bare date right under the handle may be the opening post's first words ("May 28" / "Launch day."), over
    # X's full time and counts
    return (bool(near) and _is_time(near[0], False) and not _FULL_TIME_RE.match(near[0])
            and len(_without_stats(lines[body:end])) == end - body)


def _own_time_lines(post: list[str], dated: bool) -> set[int]:
    """The full time lines ("9:40 AM · 11/28/26 · 7.8K Views") in a post's lines that the creator typed: all of them
    under a header that holds the post's time (``dated``: X puts a full time only under the opening post), and in
    the opening post those above X's own, the last one with only X's lines under it."""
    found = [i for i, x in enumerate(post) if _FULL_TIME_RE.match(x.strip()) and not _edited_line(x)]
    if dated or not found:
        return set(found)
    cut = len(_without_stats(list(post)))
    xs = _edited_time_above(post, found[-1]) if cut < len(post) else found[-1]
    return {i for i in found if i < xs}


def _edited_line(line: str) -> bool:
    """X's "Last edited 10:31 AM · Nov 12, 2025" (in any post X shows edited; left to the edit rules)."""
    s = line.strip()
    return s.startswith("Last edited ") or bool(_EDITED_AT_RE.match(s))


def _masked_times(post: list[str], dated: bool, first: int) -> tuple[list[str], dict[str, str]]:
    """``post`` with the creator's full time lines (``_own_time_lines``) replaced by placeholders no rule reads as
    X's, and what each stands for (numbered from ``first``, so no two posts of a page share one)."""
    own = _own_time_lines(post, dated)
    keys = {i: f"{_OWN_TIME}{n}{_OWN_TIME}" for n, i in enumerate(sorted(own), first)}
    return [keys.get(i, x) for i, x in enumerate(post)], {keys[i]: post[i].strip() for i in own}


def _unmasked(text: str, masks: dict[str, str], left_out: set[str]) -> str:
    """``text`` with the creator's time lines put back; one at the words' first or last line (where X's own
    would sit) is said in a notice."""
    filled = [x.strip() for x in text.split("\n") if x.strip()]
    for key, line in masks.items():
        if filled and key in (filled[0], filled[-1]):
            left_out.update(("own-time", "own-time:" + line))
        text = text.replace(key, line)
    return text


def _page_blocks(lines: list[str], headers: list, footer: bool) -> tuple[list[tuple], list[bool], list[bool]]:
    """Per header, the post as (name, handle, text, polls, left out, answered), whether it is a quoted post, and
    whether it holds the page's full time. ``footer``: X's lines came under the page's last post."""
    lines, masks = list(lines), {}
    for h, nxt in zip(headers, [h[0] for h in headers[1:]] + [len(lines)]):
        lines[h[1]:nxt], masked = _masked_times(lines[h[1]:nxt], _header_time(lines, h, nxt), len(masks))
        masks.update(masked)
    spans = list(zip(headers, [h[0] for h in headers[1:]] + [len(lines)]))
    counted = [_shows_counts(lines[h[1]:nxt]) for h, nxt in spans]
    timed = [any(_FULL_TIME_RE.match(x.strip()) for x in lines[h[1]:nxt]) for h, nxt in spans]
    above = _counts_ending(lines[:headers[0][0]]) if headers else False  # a copy starting inside a post
    all_counted = sum(counted) + above  # (counted once: each post asks about all the others)
    reply_counted = sum(c and not t for c, t in zip(counted, timed)) + above
    rows = [_count_row(lines[h[1]:nxt]) if c and not t else 0 for (h, nxt), c, t in zip(spans, counted, timed)]
    top = [*sorted(rows, reverse=True)[:2], 0, 0]  # the two longest rows (each block asks for the others' longest)
    longest = rows.count(top[0])

    def block(k: int, quote_below: bool = True) -> tuple:
        (start, body, name, handle), nxt = spans[k]
        post = lines[body:nxt]
        end = k == len(spans) - 1  # no quoted post can follow the page's last post
        shown = all_counted - counted[k] > 0  # the copy shows X's counts on other posts
        replies = reply_counted - (counted[k] and not timed[k]) > 0  # …under posts with no full time
        row = top[1] if rows[k] == top[0] and longest == 1 else top[0]  # the other replies' longest row
        text, left_out = _page_post_text(post, dated=body - start == 1, counts_shown=shown, reply_counts=replies,
                                         others_row=row, at_end=end,
                                         quote_below=quote_below and not end, opening=timed[k],
                                         last=(footer if end else spans[k + 1][0][3].lower() != handle.lower()))
        if _cut_by_x(post) > _cut_by_x(text.split("\n")):  # (a "Show more" kept is the author's)
            left_out.add("cut")
        if _label_over_button(post, text):
            left_out.add("own-label")
        filled = [x.strip().lower() for x in post if x.strip()]
        if not text and filled and all(x in _TITLE_LINES or x == "post" for x in filled):
            left_out.add("account-box")  # the reader's account under X's side menu, over the page's title: no post
        text = _unmasked(text, masks, left_out) if _OWN_TIME in text else text
        return name, handle, text, _without_poll_results(_without_stats(list(post)))[1], left_out, _answered(post)

    blocks = [block(k) for k in range(len(spans))]
    is_quote = [_after_quote(lines, start) for start, *_ in headers]
    for k in range(1, len(blocks)):
        if is_quote[k] and (_thread_goes_on(blocks[k - 1], blocks[k]) or not reply_counted
                            and not timed[k] and blocks[k - 1][1].lower() == blocks[k][1].lower()):
            # (with no counts on the page, the author's own post under a "Quote" is the thread's next one)
            is_quote[k] = False  # the author's "Quote" ends the post above: this is the thread's next post
            blocks[k - 1] = block(k - 1, quote_below=False)
            if not reply_counted:  # (may also be X's "Quote" over a post the author quoted: said so)
                blocks[k - 1][4].update(("label", "label:Quote"))
    return blocks, is_quote, timed


_COLUMN_TITLES = {"thread", "post", "conversation"}  # X Pro's title over the column that shows a thread


def _column_handle(lines: list[str], headers: list) -> str:
    """In a copy of X Pro's columns, the handle of the first post under the thread column's title ("Thread" on a
    line of its own, under another column's post), else ''."""
    for above, below in zip(headers, headers[1:]):
        if any(x.strip().lower() in _COLUMN_TITLES for x in lines[above[1]:below[0]]):
            return below[3]
    return ""


def _page_author(blocks_all: list[tuple], blocks: list[tuple], is_quote: list[bool],
                 timed: list[bool], column: str = "") -> tuple[str, str]:
    """The thread's author: the page's own post's (its full time under its text), even under a post it answers;
    else the first post's with text (a logged-in copy starts with the reader's own account), unless the copy
    is of X Pro's columns (``column``: the handle under the thread column's title) and that account has clearly
    more posts than the first (another column's)."""
    focal = [b for b, t, q in zip(blocks_all, timed, is_quote) if not q and b[2] and t]
    if focal:
        return focal[0][:2]
    worded = [b for b in blocks if b[2]]
    if not worded:
        return blocks[0][:2]
    posts = collections.Counter(b[1].lower() for b in worded)
    most = max(worded, key=lambda b: posts[b[1].lower()])  # (the first of the most)
    # another column's post over the thread (X Pro): the account with clearly the most posts is the thread's
    clearly = posts[most[1].lower()] > posts[worded[0][1].lower()] + 1
    return (most if clearly and most[1].lower() == column.lower() else worded[0])[:2]


def _header_buttons(lines: list[str], headers: list) -> list[str]:
    """Per header, X's button right under its handle ("Follow", "Subscribe") as the copy held it, else ''."""
    ends = [h[0] for h in headers[1:]] + [len(lines)]
    found = []
    for (_, body, *_), end in zip(headers, ends):
        first = next((x.strip() for x in lines[body:min(end, body + 3)] if x.strip()), "")
        found.append(first if _beside_name(first) else "")
    return found


def _warn_others(blocks_all: list[tuple], blocks: list[tuple], is_quote: list[bool], handle: str,
                 warnings: list[str], buttons: list[str] | None = None) -> None:
    """Name the quoted posts and the other accounts' posts left out (``buttons``: per block, X's button under its
    handle, quoted with a box left out)."""
    buttons = buttons or [""] * len(blocks)
    quoted = sorted({f"@{b[1]}" for b, q in zip(blocks_all, is_quote) if q})
    others = sorted({f"@{b[1]}" for b in blocks if b[1].lower() != handle.lower() and b[2]})
    first = next((k for k, b in enumerate(blocks) if b[1].lower() == handle.lower()), len(blocks))
    # a name and handle with no words among the author's posts ("Go follow him:" / "Sam Lee" / "@samlee" / "Follow"
    # reads so): quoted, it may be the author's
    last = max((k for k, b in enumerate(blocks) if b[1].lower() == handle.lower()), default=-1)
    spans = (("between the posts", range(first + 1, last)), ("under the last post", range(last + 1, len(blocks))))
    for where, span in spans:
        # each line as the copy held it: the name's line, then the handle's
        boxes = [k for k in span if blocks[k][1].lower() != handle.lower() and not blocks[k][2]]
        if cards := [f"“{blocks[k][0]}” / “@{blocks[k][1]}”" for k in boxes]:
            shown = sorted({buttons[k] for k in boxes if buttons[k]})  # the button's line went too: quoted
            with_button = sum(1 for k in boxes if buttons[k])
            under = ("it" if len(boxes) == 1 else "each" if with_button == len(boxes)
                     else f"{with_button} of them")
            under = f" (and {' / '.join(f'“{b}”' for b in shown)} under {under})" if shown else ""
            said = (("header", "another account", "it: paste it back into the slide if it was") if len(cards) == 1
                    else ("headers", "other accounts", "them: paste them back into the slides if they were"))
            warnings.append(f"left out {', '.join(cards)} {where}{under}, read as X's {said[0]} of {said[1]} "
                            f"with nothing under {said[2]} yours")
    if quoted:
        warnings.append(f"left out the quoted {'post' if len(quoted) == 1 else 'posts'} by {', '.join(quoted)}: "
                        "a quoted post is not part of the thread (add it as a slide of its own if you want it)")
    if others:
        warnings.append(f"skipped posts by other accounts on the page: {', '.join(others)}")


def _without_answers(own: list[tuple], handle: str, warnings: list[str]) -> list[tuple]:
    """The author's posts without their answers to comments below the thread ("Replying to @someone"; the thread's
    own posts say none, though its first post may answer someone itself: "Replying to @naval")."""
    answers = [b for b in own[1:] if any(h.lower() != handle.lower() for h in b[5])]
    if answers:
        warnings.append(f"left out {count(len(answers), 'reply')} by @{handle} to other people's comments "
                        "(\"Replying to\" above them): they are not part of the thread")
    return [b for b in own if b not in answers]


def _page_preamble(lines: list[str], headers: list, noted: list[str]) -> str | None:
    """The end of the post a copy starts inside ('' if none), or None: the words above the first header are a
    draft's that names someone, not a page's. Short lines above it that are not X's own are named in ``noted``."""
    preamble = [line.strip() for line in lines[:headers[0][0]] if line.strip() and not _known_page_line(line)]
    partial = ""
    timed = sum(1 for start, *_ in headers[:3] if _timed_header(lines, start))
    if len(preamble) > 4 or any(len(line) > 30 for line in preamble) or timed >= 2 and any(
            _SENTENCE_MARK_RE.search(line) for line in preamble):  # "Ship it." over the first header: a post's end
        above = lines[:headers[0][0]]
        time_at = next((i for i, line in enumerate(above) if _FULL_TIME_RE.match(line.strip())), None)
        if timed < 2 and not (time_at and _counts_ending(above)):
            return None  # words above one "Name @handle": a draft that names someone, not a page
        menu = next((i for i, line in enumerate(above) if len(line.strip()) > 30 or len(line.split()) > 3
                     or _SENTENCE_MARK_RE.search(line)), len(above))
        if time_at:  # the opening post's own time and counts: the line right over that time is its words
            menu = min(menu, max((i for i in range(time_at) if above[i].strip()), default=menu))
        partial = _page_post_text(above[menu:])[0]  # without a menu in a language not known here
        preamble = [line.strip() for line in above[:menu] if line.strip() and not _known_page_line(line)]
    if shown := [line for line in preamble if not _xs_own_line(line)]:  # never dropped without a word: they
        noted.append("left out the short lines above the first post, read as X's menu: "  # may be the author's
                     + ", ".join(f"“{line}”" for line in shown[:8]) + (" …" if len(shown) > 8 else ""))
    return partial


def _own_texts(own: list[tuple], warnings: list[str], labels: re.Pattern) -> tuple[list[str], bool]:
    """The author's posts' texts (empty ones left out, X's photo ``labels`` ending them too) and whether a post of
    the thread is missing from the page; a note for each kind of thing the page did not carry or the slides leave
    out."""
    texts, polls = [b[2] for b in own], sum(b[3] for b in own)
    media = [not {"own-label"} & b[4] and bool(labels.search(t)) for b, t in zip(own, texts)]
    dropped = [_label_words(labels.search(t).group()) for t, m in zip(texts, media) if m]
    texts = [labels.sub("", t) if m else t for t, m in zip(texts, media)]
    if dropped:
        said = sorted({w for words in dropped for w in words if w in _LABEL_INTERFACE})  # (the ones that are words)
        warnings.append(f"{count(len(dropped), 'post')} had photos or videos, which a copied page does not carry: "
                        "import your X archive or the post's link to get them"
                        + (f" (left out X's photo {'label' if len(said) == 1 else 'labels'} "
                           + ", ".join(f"“{w}”" for w in said) + ": paste it back if it ended your words)"
                           if said else ""))
    if polls:
        warnings.append(f"kept the options of {count(polls, 'poll')}, without X's vote shares and counts")
    empty = sum(1 for t, b in zip(texts, own) if not t and "account-box" not in b[4])
    if empty:
        warnings.append(f"skipped {count(empty, 'post')} with no text (images or videos only)")
    kept = [b[4] for b, t in zip(own, texts) if t]
    for what, message in _LEFT_OUT_NOTES:
        if numbers := [str(n) for n, left_out in enumerate(kept, 1) if what in left_out]:
            if what == "translation":
                cut = [x.split(":", 1)[1] for left_out in kept for x in sorted(left_out)
                       if x.startswith("translation:") and x != "translation:"]
                message = message.format(cut=f" ({', '.join(cut)})" if cut else "")
            elif what in _QUOTED_MARKS:  # the times, numbers or words themselves, so the creator finds them
                message = message.format(times=", ".join(dict.fromkeys(_quoted_marks(kept, what))))
            if len(numbers) > 1:
                message = _plural(message)
            warnings.append(f"{'post' if len(numbers) == 1 else 'posts'} {', '.join(numbers)} {message}")
    if unavailable := sum(1 for b in own if "unavailable" in b[4]):
        warnings.append(f"{count(unavailable, 'post')} of the thread {'is' if unavailable == 1 else 'are'} not on "
                        "the page (deleted, or hidden by X): the slides go on without")
    return [t for t in texts if t], bool(unavailable)


def _plural(message: str) -> str:
    """A notice's words about one post, said of several ("posts 1, 2 hold …")."""
    for one, many in (("holds ", "hold "), ("is where ", "are where "),
                      ("is an older version of its post", "are older versions of their posts")):
        if message.startswith(one):
            return many + message[len(one):]
    return message


def _label_words(found: str) -> list[str]:
    """The lines of X's photo labels ``found`` ending a post (quoted in the notice: a label may be a word)."""
    return [x.strip() for x in found.split("\n") if x.strip()]


def _label_over_button(post: list[str], text: str) -> bool:
    """The post's words end in a photo label's word with X's "Show more" or translate button under it in the copy:
    X draws a photo under those buttons, so the word over them is the author's ("Obraz", a painting)."""
    last = text.rstrip().rsplit("\n", 1)[-1].strip()
    if not last or not _MEDIA_LABEL_RE.search(last) or last == "ALT":
        return False
    at = max((i for i, x in enumerate(post) if x.strip() == last), default=None)
    below = next((x.strip().lower() for x in post[at + 1:] if x.strip()), "") if at is not None else ""
    return below in _SHOW_MORE


# marks that carry what went: "clock:0:42"
_QUOTED_MARKS = ("ad-shape", "edited", "clock", "count", "label", "row", "button", "context-all", "more-replies",
                 "gone", "video", "notes-button", "own-time", "under-time")


def _quoted_marks(kept: list[set[str]], what: str) -> list[str]:
    """What the marks ``what:…`` of the posts carry, quoted ("context-all" carries its quotes already)."""
    cut = len(what) + 1
    return [x[cut:] if what == "context-all" else f'"{x[cut:]}"'
            for left_out in kept for x in sorted(left_out) if x.startswith(what + ":")]


_MENTION_RE = re.compile(r"@([A-Za-z0-9_]{1,15})")
_SENTENCE_MARK_RE = re.compile(r"[.!?:;…。！？।॥۔؟؛။።｡]")


def _is_replying_line(line: str) -> bool:
    """X's "Replying to @a and @b" (or its label alone): in some languages its words also open a sentence
    ("В ответ на вопросы…"), so after the label only handles and a few linking words may follow."""
    low = line.strip().lower()
    if low in _REPLYING_LABELS:
        return True
    prefix = next((p for p in _REPLYING_TO if low.startswith(p)), None)
    if prefix is None:
        return False
    rest = low[len(prefix):].strip()
    words = _MENTION_RE.sub(" ", rest).split()
    return rest.startswith("@") and len(words) <= 3 and not _SENTENCE_MARK_RE.search(rest)


_REPLYING_JOINS = {"and", ",", "und", "y", "et", "e", "en", "و"}  # between the handles of "Replying to @a and @b"


def _answered(post: list[str]) -> set[str]:
    """The handles in the post's "Replying to @a and @b" (on its line or the lines under it), else none."""
    filled = [line.strip() for line in post if line.strip()][:12]
    for i, line in enumerate(filled):
        low = line.lower()
        if _is_replying_line(low):
            found = set(_MENTION_RE.findall(line))
            for nxt in filled[i + 1:]:
                if not (_HANDLE_RE.match(nxt) or nxt.lower() in _REPLYING_JOINS):
                    break
                found.update(_MENTION_RE.findall(nxt))
            return found
    return set()


# Warnings for what a copy leaves out of a post, by the mark ``_page_post_text`` and the header loop set
# ({cut}: the translation's first words, {times}: the times, filled in by ``_own_texts``).
_LEFT_OUT_NOTES = (
    ("partial", "is where the copy starts, inside a post: kept from there on, as copied; add the post's first words "
                "to the slide, or delete the slide if the post is not the thread's"),
    ("cut", "ended in X's \"Show more\": the copy holds only the part X showed; open the post on X and paste its "
            "whole text into the slide, or import your X archive"),
    ("context", "had readers' added context (a community note) under the text: left out, it is not the author's"),
    ("context-all", "had readers' added context (a community note) under the text: left out, with all under it "
                    "({times}); paste back any of the author's own words"),
    ("translation", "had X's translation under the text: left out{cut}, the slides keep the author's own words"),
    ("translated", "showed X's translation (\"Translated from … by …\") in place of the author's words: kept, as the "
                   "copy holds nothing else; paste the original into the slide, or import your X archive"),
    ("old", "is an older version of its post (X showed \"There’s a new version of this post\" over it): the slide "
            "has the words before the edit; open the latest version on X and copy it again, or paste its words into "
            "the slide"),
    ("clock", "ended in a time on a line of its own ({times}), as X shows a video's length: kept, since it may be "
              "the author's; delete it from the slide if it is the video's"),
    ("edited", "ended in {times} on a line of its own, as X may mark an edited post: kept, since it may be the "
               "author's; delete it from the slide if it was X's"),
    ("count", "ended in a colon over a number on a line of its own ({times}): kept as the author's; delete it from "
              "the slide if it was X's like or reply count"),
    ("label", "ended in a line worded as X's ({times}) with nothing of X's under it: kept as the author's; delete "
              "it from the slide if it was X's"),
    ("button", "ended in X's translate button ({times}): left out; paste it back into the slide if it was the "
               "author's own line"),
    ("more-replies", "ended in X's {times} where the copy stops: left out; paste it back into the slide if it was "
                     "the author's own line"),
    ("row", "ended in the words of X's row of buttons ({times}): left out; paste them back into the slide if they "
            "were the author's"),
    ("ad-shape", "holds {times} under a name and its handle, each on a line of its own, as X shows an ad it puts "
                 "between posts: kept as the author's words; delete those lines and what follows them from the slide "
                 "if they were X's ad"),
    ("notes-button", "ended in X's button for rating community notes ({times}): left out; paste it back into the "
                     "slide if it was the author's own line"),
    ("video", "ended in lines shaped as X's under a video another account posted ({times}): kept, since they may "
              "be the author's; delete them from the slide if they were X's"),
    ("gone", "quoted a post X no longer shows ({times} in its place): left out, X's notice is not the author's "
             "words"),
    ("own-time", "holds {times} on a line of its own, shaped as X's time under a thread's first post: kept as the "
                 "author's words (X shows that time once, under the first post's words); delete it from the slide "
                 "if it was X's"),
    ("under-time", "had lines under X's counts below its time ({times}): left out as X's (who may reply, the "
                   "reply box); paste them back into the slide if they were the author's"),
    ("card", "ended in a link's card (the site, then the page's title and summary, as X shows them): left out, "
             "they are the linked page's words, not the author's; paste them back into the slide if they were"),
)


# The side navigation of a logged-in page, which a select-all copy puts before the thread.
_NAV_LINES = {
    "skip to home", "skip to trending", "skip to main content", "home", "explore", "notifications", "messages", "chat", "grok",
    "bookmarks", "jobs", "communities", "premium", "verified orgs", "profile", "more", "post", "lists",
    "spaces", "articles", "business", "creator studio", "monetization",
    # … and in X's other interface languages (de, es, fr, pt, it, nl, ja, ko, ru, uk, pl, tr, id).
    "ホームに移動", "홈으로 이동", "przejdź do strony głównej", "ana sayfaya geç", "langsung ke beranda",
    "перейти на главную", "더 보기",
    "الرئيسية", "استكشاف", "الإشعارات", "الرسائل", "العلامات المرجعية", "الملف الشخصي", "المزيد", "نشر",
    "zur startseite springen", "zu den trends springen", "startseite", "entdecken", "mitteilungen", "nachrichten", "lesezeichen", "profil",
    "mehr", "posten", "listen", "inicio", "explorar", "notificaciones", "mensajes", "guardados", "comunidades",
    "perfil", "más opciones", "postear", "accueil", "explorer", "signets", "communautés", "plus", "poster",
    "página inicial", "notificações", "mensagens", "itens salvos", "mais", "postar", "esplora", "notifiche",
    "messaggi", "segnalibri", "profilo", "altro", "posta", "startpagina", "verkennen", "meldingen", "berichten",
    "bladwijzers", "profiel", "meer", "ホーム", "話題を検索", "通知", "メッセージ", "ブックマーク", "コミュニティ",
    "プロフィール", "もっと見る", "ポストする", "홈", "탐색하기", "알림", "쪽지", "북마크", "커뮤니티", "프로필",
    "게시하기", "главная", "обзор", "уведомления", "сообщения", "закладки", "сообщества", "профиль", "ещё", "еще",
    "опубликовать пост", "пост", "списки", "головна", "огляд", "сповіщення", "повідомлення", "спільноти", "профіль",
    "більше", "допис", "strona główna", "eksploruj", "powiadomienia", "wiadomości", "zakładki", "społeczności",
    "więcej", "opublikuj wpis", "wpis", "anasayfa", "keşfet", "bildirimler", "mesajlar", "yer işaretleri",
    "topluluklar", "daha fazla", "gönderi", "gönder", "Yer İşaretleri".lower(), "beranda", "jelajahi", "notifikasi", "pesan", "markah",
    "komunitas", "lainnya", "posting", "postingan", "خانه", "کاوش", "اعلان‌ها", "پیام‌ها", "نشانک‌ها", "نمایه",
    "بیشتر", "پست", "होम", "एक्सप्लोर करें", "सूचनाएं", "संदेश", "बुकमार्क", "प्रोफ़ाइल", "अधिक", "पोस्ट",
}

# The title row over a thread page ("Post", "See new posts", "Conversation"), in the languages named above.
_TITLE_LINES = {"see new posts", "conversation", "unterhaltung", "conversación", "conversa", "conversazione",
                "gesprek", "беседа", "обсуждение", "розмова", "rozmowa", "sohbet", "percakapan", "会話", "대화",
                "beitrag", "poste", "inlägg", "konversation", "bài đăng", "cuộc trò chuyện", "ポスト", "게시물", "منشور", "محادثة", "פוסט", "שיחה", "گفتگو"}


# X's lines over or between posts that name no one's words: not worth a notice when a copy starts at them.
_XS_OWN_LINES = {"·", "pinned", "show more replies", "show replies", *_SHOW_THREAD, "translate post",
                 "translate tweet", "show translation"}


def _xs_own_line(line: str) -> bool:
    """X's "·", "Pinned", "Show this thread", "Name reposted", "Replying to @x" …: surely not the author's."""
    return line.lower() in _XS_OWN_LINES or bool(_REPOSTED_RE.match(line)) or _is_replying_line(line)


def _known_page_line(line: str) -> bool:
    """One of X's lines above a page's first post: its menu, title row, or sign-in banner's buttons."""
    low = line.strip().lower()
    return low in _NAV_LINES or low in _TITLE_LINES or low in _WALL_LINES


# Boxes of the page around the thread: everything from one of these headings to the next post is dropped.
_CHROME_HEADINGS = {
    "relevant people", "who to follow", "what's happening", "what’s happening", "trends for you", "trending now",
    "you might like", "more posts", "more tweets", "discover more", "terms of service", "search", "messages",
    "new to x?", "sign up", "don't miss what's happening", "don’t miss what’s happening",
    # "Relevant people", "Who to follow", "What's happening", "Trends for you" in X's other interface languages.
    "relevante personen", "wem folgen", "was gerade passiert", "trends für dich", "neu bei x?",
    "personas relevantes", "a quién seguir", "qué está pasando", "tendencias para ti", "¿eres nuevo en x?",
    "personnes pertinentes", "ce qui se passe", "tendances pour vous", "nouveau sur x ?", "pessoas relevantes",
    "quem seguir", "o que está acontecendo", "persone pertinenti", "chi seguire", "cosa sta succedendo",
    "wie te volgen", "wat gebeurt er", "関連性の高いアカウント", "おすすめユーザー", "いまどうしてる？", "팔로우 추천",
    "релевантные люди", "кого читать", "что происходит", "актуальные темы для вас", "кого читати", "що відбувається",
    "odpowiednie osoby", "kogo obserwować", "co się dzieje",
    "İlgili kişiler".lower(), "kimi takip etmeli", "neler oluyor",  # ("İ" lower-cases to "i" and U+0307)
    "senin için gündem", "orang yang relevan", "untuk diikuti", "apa yang sedang terjadi", "افراد مرتبط",
    "چه خبر است", "प्रासंगिक लोग", "क्या हो रहा है",
}
# X's footer links under the side boxes, in the languages of its other interface words above.
_FOOTER_LINKS = (
    "Terms of Service", "Privacy Policy", "Cookie Policy", "Accessibility", "Ads info",
    "Nutzungsbedingungen", "Datenschutzrichtlinie", "Cookie-Richtlinie", "Barrierefreiheit", "Anzeigeninfo",
    "Impressum", "Condiciones de Servicio", "Política de Privacidad", "Política de cookies", "Accesibilidad",
    "Información de anuncios", "Conditions d[’']utilisation", "Politique de confidentialité",
    "Politique relative aux cookies", "Accessibilité", "Informations sur les publicités", "Termos de Serviço",
    "Política de Privacidade", "Acessibilidade", "Informações de anúncios", "Termini di servizio",
    "Informativa sulla privacy", "Normativa sui cookie", "Accessibilità", "Info sugli annunci", "Servicevoorwaarden",
    "Privacybeleid", "Cookiebeleid", "Toegankelijkheid", "Advertentie-informatie", "利用規約", "プライバシーポリシー",
    "Cookieのポリシー", "アクセシビリティ", "広告情報", "서비스 약관", "개인정보 처리방침", "쿠키 정책", "접근성",
    "광고 정보", "Условия предоставления услуг", "Политика конфиденциальности", "Политика в отношении файлов cookie",
    "Специальные возможности", "Информация о рекламе", "Умови надання послуг", "Політика конфіденційності",
    "Політика щодо файлів cookie", "Спеціальні можливості", "Інформація про рекламу",
    "Warunki korzystania z usługi", "Polityka prywatności", "Polityka dotycząca plików cookie",
    "Ułatwienia dostępu", "Informacje o reklamach", "Hizmet Şartları", "Gizlilik Politikası", "Çerez Politikası",
    "Erişilebilirlik", "Reklam bilgisi", "Persyaratan Layanan", "Kebijakan Privasi", "Kebijakan Cookie",
    "Aksesibilitas", "Informasi iklan", "شروط الخدمة", "سياسة الخصوصية", "سياسة ملفات تعريف الارتباط",
    "إمكانية الوصول", "معلومات الإعلانات", "شرایط خدمات", "سیاست حفظ حریم خصوصی", "سیاست کوکی", "دسترس‌پذیری",
    "اطلاعات تبلیغات", "सेवा की शर्तें", "गोपनीयता नीति", "कुकी नीति", "सुलभता", "विज्ञापन जानकारी",
    "服务条款", "隐私政策", "Cookie 政策", "辅助功能", "广告信息", "服務條款", "隱私政策", "協助工具", "廣告資訊",
)
_FOOTER_MORE = ("More", "Mehr", "Más opciones", "Más", "Plus", "Mais", "Altro", "Meer", "もっと見る", "더 보기", "Ещё",
                "Еще", "Більше", "Więcej", "Daha fazla", "Lainnya", "المزيد", "بیشتر", "अधिक", "更多")
_COPYRIGHT = r"© ?\d{4} X Corp\.?"
_FOOTER_LINK = "|".join(_FOOTER_LINKS)
_COPYRIGHT_RE = re.compile(_COPYRIGHT)
_FOOTER_RE = re.compile(rf"^(?:{_FOOTER_LINK}|{_COPYRIGHT})(?:\s*[|·]?\s*(?:{_FOOTER_LINK}|{'|'.join(_FOOTER_MORE)}"
                        rf"|{_COPYRIGHT}))*\s*$"
                        # …or in a language not listed: links between "|" ending in X's copyright, on one line
                        rf"|^(?:[^|\n]{{1,60}}\|\s*){{2,}}{_COPYRIGHT}\s*$", re.IGNORECASE)


def _drop_page_chrome(lines: list[str]) -> list[str]:
    """The page without its side boxes (Relevant people, Who to follow, trends, the footer links).

    A box runs from its heading to the next post header that has a timestamp (posts
    have one; the people in a box do not), or to the thread's title row, or to the end of the text.
    """
    out: list[str] = []
    skipping = in_post = False
    lines = lines[:_unlisted_footer_start(lines)]
    footers: dict[int, bool] = {}  # per line of a footer run walked, whether the run is X's footer
    for i, line in enumerate(lines):
        s = line.strip()
        # A post's own line ("Search" in "tap / Search / and type…") is no heading: X's boxes sit between posts.
        def authors() -> bool:
            return not skipping and in_post and not _ends_post(out)
        if (s.lower() in _END_HEADINGS and (_opens_more_posts(lines, i) and not authors()
                                            or _subtitled(lines, i, any_language=not authors())
                                            or not _filled_after(lines, i, 1)) or _x_notice(lines, i)):
            break  # X's suggestions under the replies: older posts of the author's among others, never the thread
        footer = bool(_FOOTER_RE.match(s))
        heading = s.lower() in _CHROME_HEADINGS and not _in_side_menu(lines, i) or footer
        # (inside a post's words, footer link words are X's only as the whole footer, to the copy's end or a post)
        if heading and (not authors() or (_footer_to_end(lines, i, footers) if footer else _box_below(lines, i, menu=False))):
            skipping = True
            continue
        header = _timed_header(lines, i) or _main_post_header(lines, i)
        if skipping and (header or s.lower() in _TITLE_LINES):
            skipping = False  # (the title row, "Conversation", starts the thread's column: no box runs past it)
        in_post = in_post or header or _own_post_header(lines, i)
        if not skipping:
            out.append(line)
    return out


def _unlisted_footer_start(lines: list[str]) -> int:
    """Where X's footer in a language not listed starts, when it ends the copy one link a line: short lines
    between "|" lines over X's copyright ("Användarvillkor" / "|" / … / "Mer" / "© 2026 X Corp."), right under
    X's counts; else the copy's length."""
    filled = [j for j in range(len(lines) - 1, max(-1, len(lines) - 60), -1) if lines[j].strip()]
    if not filled or not _COPYRIGHT_RE.fullmatch(lines[filled[0]].strip()):
        return len(lines)
    k, bars = 1, 0
    while k + 1 < len(filled) and lines[filled[k + 1]].strip() == "|" and _footer_word(lines[filled[k]]):
        k, bars = k + 2, bars + 1
    if bars < 2 or k >= len(filled) or not _footer_word(lines[filled[k]]):
        return len(lines)
    above = lines[filled[k + 1]].strip() if k + 1 < len(filled) else ""
    return filled[k] if not above or _is_count(above) else len(lines)


def _footer_word(line: str) -> bool:
    """A line that may be a footer link of X's: short, with no sentence mark or digit."""
    s = line.strip()
    return 0 < len(s) <= 40 and not re.search(r"[.!?:;…\d]", s)


def _footer_to_end(lines: list[str], i: int, known: dict[int, bool]) -> bool:
    """The footer line at i starts X's footer: footer lines (and "|") run from it to the end of the copy, a post's
    header or X's box heading, and end in X's copyright. ``known``: the verdict per line of the runs walked (each
    run is walked once, however many of its lines ask)."""
    if i in known:
        return known[i]
    last, j = "", i
    while j < len(lines) and (not (s := lines[j].strip()) or s == "|" or _FOOTER_RE.match(s)):
        last = s if s and s != "|" else last
        j += 1
    after = lines[j].strip().lower() if j < len(lines) else ""
    verdict = bool(_COPYRIGHT_RE.search(last)) and (j == len(lines) or after in _CHROME_HEADINGS
                                                    or _timed_header(lines, j) or _main_post_header(lines, j))
    known.update(dict.fromkeys(range(i, j), verdict))
    return verdict


def _own_post_header(lines: list[str], i: int) -> bool:
    """Line i is the name over the "@handle" and "Follow" of the page's own post (its time comes under its words)."""
    after = _filled_after(lines, i, 2)
    return (len(after) == 2 and _is_name(lines[i].strip()) and bool(_HANDLE_RE.match(lines[after[0]].strip()))
            and _beside_name(lines[after[1]]))


def _ends_post(kept: list[str]) -> bool:
    """The last filled line kept is one of X's under a post (counts, views, its full time, "Show replies"), so a
    heading after it is X's; after a header's handle or date it is the post's first line."""
    last = next((line.strip() for line in reversed(kept) if line.strip()), "")
    menu = last.lower() in _NAV_LINES or last.lower() in _CHROME_HEADINGS  # kept in a post: the author's list of them
    return not last or _known_page_line(last) and not menu or (_is_noise(last, dates=False) and last != "·"
                                                   and not _beside_name(last) and last.lower() not in _REPLYING_LABELS)


def _filled_after(lines: list[str], i: int, most: int) -> list[int]:
    """The indices of the first ``most`` filled lines after line i (a walk that stops there: this runs per line)."""
    return list(itertools.islice((j for j in range(i + 1, len(lines)) if lines[j].strip()), most))


def _box_below(lines: list[str], i: int, menu: bool = True) -> bool:
    """X's box follows the heading at line i: another of its headings or page lines (its menu's links only with
    ``menu``), or a person ("Name" over "@handle" with no time: not a post's header)."""
    after = _filled_after(lines, i, 2)
    if not after:
        return False
    first = lines[after[0]].strip()
    if (first.lower() in _CHROME_HEADINGS or _known_page_line(first) and (menu or first.lower() not in _NAV_LINES)
            or _FOOTER_RE.match(first)):
        return True
    return (len(after) == 2 and bool(_HANDLE_RE.match(lines[after[1]].strip())) and _is_name(first)
            and not _SENTENCE_MARK_RE.search(first[-1:]) and not _timed_header(lines, after[0]))


def _in_side_menu(lines: list[str], i: int) -> bool:
    """Line i sits among the side menu's lines ("Notifications" / "Messages" / "Grok", an unread count such as
    "3" or "20+" between them): a link, not a box's heading."""
    def menu_line(j: int) -> str:
        return lines[j].strip().lower() if lines[j].strip() and not _BADGE_RE.match(lines[j].strip()) else ""
    before = next((x for j in range(i - 1, -1, -1) if (x := menu_line(j))), "")
    after = next((x for j in range(i + 1, len(lines)) if (x := menu_line(j))), "")
    return before in _NAV_LINES and after in _NAV_LINES


_BADGE_RE = re.compile(r"^\d{1,2}\+?$")  # the unread count beside a menu link


# X's "Discover more" under the replies (in its main interface languages), "Sourced from across X" below it.
_END_HEADINGS = {"discover more", "mehr entdecken", "descubre más", "découvrir plus", "descubra mais", "scopri di più",
                 "meer ontdekken", "もっと見つける", "اكتشف المزيد", "daha fazlasını keşfet", "temukan lebih banyak",
                 "더 찾아보기", "узнать больше", "发现更多", "探索更多", "odkryj więcej", "дізнатися більше",
                 "और खोजें", "بیشتر کشف کنید"}


# Under "Discover more" ("Descubre más"…): together, X's (a copy without counts stops there).
_END_SUBTITLES = {"sourced from across x", "procedente de todo x", "aus ganz x", "provenant de tout x",
                  "de todo o x", "da tutto x"}
# X's notices under the replies, each over its button: together, never the author's.
_X_NOTICES = {"something went wrong. try reloading.": "retry",
              "show additional replies, including those that may contain offensive content": "show"}


def _x_notice(lines: list[str], i: int) -> bool:
    """Line i is one of X's notices under the replies, with its button right under it."""
    button = _X_NOTICES.get(lines[i].strip().lower())
    after = _filled_after(lines, i, 1) if button else []
    return bool(after) and lines[after[0]].strip().lower() == button


def _subtitled(lines: list[str], i: int, any_language: bool) -> bool:
    """The heading at line i has X's subtitle right under it ("Discover more" / "Sourced from across X"; with
    ``any_language`` (the heading is under X's counts, not inside a post's words), a short line naming X as a
    word, with no sentence mark at its end: "Pochodzi z całego X")."""
    after = _filled_after(lines, i, 1)
    sub = lines[after[0]].strip() if after else ""
    return sub.lower() in _END_SUBTITLES or (any_language and len(sub) <= 40 and bool(_X_WORD_RE.search(sub))
                                             and not _SENTENCE_MARK_RE.search(sub[-1:]))


_X_WORD_RE = re.compile(r"(?<![^\W_])X(?![^\W_])")


def _opens_more_posts(lines: list[str], i: int) -> bool:
    """The heading at line i is over posts (a header within its next three lines), not a line of a post."""
    after = _filled_after(lines, i, 3)
    return any(_timed_header(lines, j) or _ONE_LINE_HEADER_RE.match(lines[j].strip()) for j in after)


def _timed_header(lines: list[str], i: int) -> bool:
    """A post header starts at line i: "Name @handle · May 28", or "Name" over "@handle" with a time just below."""
    s = lines[i].strip()
    m = _ONE_LINE_HEADER_RE.match(s)
    if m:
        return _is_time(m.group(3))
    if i + 1 < len(lines) and _is_name(s) and _HANDLE_RE.match(lines[i + 1].strip()):
        near = [x.strip() for x in lines[i + 2:i + 5] if x.strip()]
        return len(near) > 1 and near[0] == "·" and _is_time(near[1]) or bool(near) and _is_time(near[0], False)
    return False


def _is_time(line: str, after_dot: bool = True) -> bool:
    """A post's time; right after the "·" beside the author, any short date counts."""
    return any(r.match(line.strip()) for r in _TIME_RES) or after_dot and _is_short_date(line)


def _main_post_header(lines: list[str], i: int) -> bool:
    """The thread's opening post starts at line i: "Name" over "@handle", its full date below its text.

    The opening post shows its time ("3:15 PM · Mar 3, 2025") under the text, not beside the
    name, so a sign-up banner above it must not swallow it.
    A "@handle" right over that time is the post's last words ("h/t" / "@paulg"), and one with none of what X puts
    beside a handle under it is a mention inside them ("thanks to" / "@sam" / "for the idea"); one with a "·",
    time or button under it is the next header (a box of people lists "Name" / "@handle" / "Follow").
    """
    if not (i + 1 < len(lines) and _is_name(lines[i]) and _HANDLE_RE.match(lines[i + 1].strip())):
        return False
    words, mentions, heading, last = False, 0, False, ""
    for j in range(i + 2, len(lines)):
        s = lines[j].strip()
        if _FULL_TIME_RE.match(s):
            return words
        if _HANDLE_RE.match(s):
            if _quoted_header(lines, j):
                words, last = True, s  # a post quoted in the opening post: its header is no box's, nor the next post's
                continue
            if heading and last.lower() not in _CHROME_HEADINGS and _is_name(last):
                return False  # X's heading over a box of people or posts ("Name" / "@handle" under it, no time)
            nxt = _next_filled(lines, j)
            if _beside_handle(nxt):
                return False
            mentions += not _HANDLE_RE.match(nxt) and not _FULL_TIME_RE.match(nxt)
            if mentions > _MOST_MENTIONS:
                return False  # (bounds the walk: a header is sought at every "Name" / "@handle")
        if s.lower() in _CHROME_HEADINGS:
            # (a menu's words under it, "Search" / "Home", are the author's list: X's menu column is above the post)
            if _box_below(lines, j, menu=False):
                return False
            heading = heading or words  # (as the post's first line, "Messages" over words is the author's)
        words = words or bool(s)
        last = s or last
    return False


def _quoted_header(lines: list[str], j: int) -> bool:
    """The "@handle" at line j sits under a name right after X's "Quote" label: a quoted post's header."""
    k = j - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return k >= 0 and _is_name(lines[k]) and _after_quote(lines, k)


_MOST_MENTIONS = 8  # mentions on lines of their own inside the opening post, each with words after it


def _beside_handle(line: str) -> bool:
    """What X puts right under a header's "@handle": its "·", a time ("Nov 5", "· Nov 5"), a button ("Follow"),
    "Replying to"."""
    return line.lower() in _BESIDE_HANDLE or _is_time(line, False) and not _FULL_TIME_RE.match(line) or _dot_date(line)


def _dot_date(line: str) -> bool:
    """The header's "·" and date on one line ("· Nov 5")."""
    return line.startswith("·") and _is_time(line[1:].strip())


def _next_filled(lines: list[str], i: int, past_handles: bool = False) -> str:
    """The first line with text after line i, stripped ('' if none); with ``past_handles``, after any "@handle"
    lines there too ("@naval" / "@paulg")."""
    for j in range(i + 1, len(lines)):  # (no copy of the rest of the page: this runs at many lines)
        x = lines[j].strip()
        if x and not (past_handles and _HANDLE_RE.match(x)):
            return x
    return ""


def _timed_below(lines: list[str], i: int) -> bool:
    """The opening post's full time ("10:04 AM · May 28, 2024") comes below line i, before any other header, with
    the post's words between them (right over the time, "Ship it with @sam" is those words, not a header)."""
    words = False
    for line in lines[i + 1:]:
        s = line.strip()
        if _FULL_TIME_RE.match(s) or s.startswith("Last edited ") or _EDITED_AT_RE.match(s):
            return words
        words = words or bool(s)
        if (m := _ONE_LINE_HEADER_RE.match(s)) and _is_time(m.group(3)):  # the next post's header
            return False
    return False


def _thread_goes_on(above: tuple, below: tuple) -> bool:
    """The post ``below`` (under a "Quote" line) is by the author of ``above`` and numbered as the post after it."""
    a, b = post_number(above[2]), post_number(below[2])
    return above[1].lower() == below[1].lower() and a is not None and b is not None and a[0] == b[0] \
        and b[1] == a[1] + 1


def _after_quote(lines: list[str], start: int) -> bool:
    """The header at ``start`` opens a quoted post (the line before it says "Quote")."""
    j = start - 1
    while j >= 0 and not lines[j].strip():  # the nearest filled line above (was a list of all of them: O(n²))
        j -= 1
    return j >= 0 and lines[j].strip().lower() in _QUOTE_LABELS


_NAME_HANDLE_RE = re.compile(r"^([^@\n]{1,50}?)\s*@([A-Za-z0-9_]{1,15})$")
_ONE_LINE_HEADER_RE = re.compile(r"^([^@\n]{1,50}?)\s*@([A-Za-z0-9_]{1,15})\s*·\s*(.+)$")


def _page_headers(lines: list[str]) -> list[tuple[int, int, str, str]]:
    """Post headers: "Name" over "@handle", or "Name @handle · May 28" on one line."""
    found = []
    for i, line in enumerate(lines):
        s = line.strip()
        if i and _HANDLE_RE.match(s) and _is_name(lines[i - 1]) and _opens_post(lines, i, not found):
            found.append((i - 1, i + 1, lines[i - 1].strip(), s[1:]))
        elif (m := _ONE_LINE_HEADER_RE.match(s)) and _is_time(m.group(3)):
            found.append((i, i + 1, m.group(1).strip(), m.group(2)))
        elif (m := _NAME_HANDLE_RE.match(s)) and (_after_quote(lines, i) or not found and _timed_below(lines, i)):
            # a quoted post's "Name @handle", or the opening post's in a copy that keeps each header on one line
            found.append((i, i + 1, m.group(1).strip(), m.group(2)))
    return found


def _opens_post(lines: list[str], i: int, first: bool) -> bool:
    """The "@handle" at line i, under a name, starts a post: what X puts beside a handle comes next (its "·"
    and time, a button, "Follow"), or a label ("Ad", "Quote") comes before, or it is the thread's first post,
    or it is the page's own post (its full time below its text) right under the counts of a post it answers.

    A mention on a line of its own inside a post ("Big thanks to" / "@sam" / "for the idea") does not, even
    when X's counts or "Show more" follow it: those come under a post's last words, never under a header.
    """
    nxt = next((lines[j].strip() for j in range(i + 1, len(lines)) if lines[j].strip()), "")  # (no copy of the rest)
    before = next((lines[j].strip() for j in range(i - 2, -1, -1) if lines[j].strip()), "")
    if not first and nxt.lower() in _AD_LABELS and not _ad_shape(before):
        return False  # "Mein Lieblingskanal:" / "@lernwerk" / "Anzeige" inside the creator's post
    return first or not _under_words(nxt) and (_beside_handle(nxt) or before.lower() in _UI_LINES
                                               or _is_noise(before, dates=False) and _main_post_header(lines, i - 1)
                                               or _is_count(before) and _label_shaped(nxt))


def _label_shaped(line: str) -> bool:
    """A short line of one or two words with no sentence mark: under a "Name" / "@handle" right under a post's
    counts, X's label beside an ad's advertiser in a language whose word for "Ad" is not known here."""
    s = line.strip()
    return 0 < len(s) <= 20 and len(s.split()) <= 2 and not _SENTENCE_MARK_RE.search(s) and not s.startswith("@") \
        and not any(c.isdigit() for c in s) and bool(_LETTER_RE.search(s))


_LETTER_RE = regex.compile(r"\p{L}")


def _ad_shape(before: str) -> bool:
    """An ad's advertiser name comes where a post starts: right under the counts of the post above it, or under
    X's own line (a label, a button); never under a header's time or the creator's words."""
    return _is_count(before) or before.lower() in _UI_LINES or before.lower() in _AD_LABELS


# X's lines right after a header's "@handle": the "·" before its date, a button, a label, "Replying to".
_BESIDE_HANDLE = {"·", "following", *_AD_LABELS, *_HEADER_BUTTONS, *_REPLYING_LABELS}


def _under_words(line: str) -> bool:
    """X's line under a post's last words (a count, the views, its full time, "Show more", "Quote" over a quoted
    post), never under a header."""
    s = line.strip()
    low = s.lower()
    return _is_count(s) or bool(_FULL_TIME_RE.match(s)) or low in _SHOW_MORE or low in _QUOTE_LABELS or low in _SHOW_THREAD


# A poll under a post: its options, each over its share once results show, then the vote count.
# The count and the state in X's main interface languages (en, es, pt, de, fr, it, nl, ja).
_VOTES = (r"^\d(?:[\d.,\u00a0\u202f]| (?=\d))*\s*(?:[KkM]|mil|Mio\.?|тыс\.?)?\s*(?:votes?|votos|Stimmen|voti|stemmen|票"
          r"|röster|голос(?:ов|а)?|phiếu(?: bầu)?)")
_POLL_STATE = (r"(?:Final results|Resultados finales|Resultados finais|Endergebnisse?|Résultats finaux|Risultati finali"
               r"|Eindresultaten|最終結果|Slutresultat|Окончательные результаты|Kết quả cuối cùng"
               r"|.+\b(?:left|restantes?|übrig|restants?|rimanenti|resterend|kvar|осталось|còn lại)"
               r"|(?:Noch|Quedan?|Faltam?|Il reste|Ancora) .+|残り.+)")
_POLL_VOTES_RE = re.compile(rf"{_VOTES}\s*·\s*{_POLL_STATE}$", re.IGNORECASE)
_POLL_SHARE_RE = re.compile(r"^\d{1,3}(?:[.,]\d+)?\s?%$")


_POLL_COUNT_RE = re.compile(rf"{_VOTES}$", re.IGNORECASE)


def _poll_footer_joined(body: list[str]) -> list[str]:
    """The vote count's line as one ("1,024 votes · Final results"), when the copy broke it at its "·"."""
    filled = [i for i, line in enumerate(body) if line.strip()]
    for k in range(len(filled) - 3, -1, -1):
        a, dot, b = (body[filled[k + j]].strip() for j in range(3))
        if dot == "·" and _POLL_COUNT_RE.match(a) and _POLL_VOTES_RE.match(f"{a} · {b}"):
            return body[:filled[k]] + [f"{a} · {b}"] + body[filled[k + 2] + 1:]
    return body


def _without_poll_results(body: list[str]) -> tuple[list[str], bool]:
    """The post's lines without a poll's shares and vote count (X's figures; the options are the author's)."""
    if any(line.strip() == "·" for line in body):
        body = _poll_footer_joined(body)
    filled = [i for i, line in enumerate(body) if line.strip()]
    while filled and _is_noise(body[filled[-1]], dates=False) and not _POLL_VOTES_RE.match(body[filled[-1]].strip()):
        filled.pop()  # X's counts under the poll
    if not filled or not _POLL_VOTES_RE.match(body[filled[-1]].strip()):
        return _poll_by_shape(body, filled)
    body, after = body[:filled[-1]], body[filled[-1] + 1:]
    # Each option over its share, from the last up; a copy may put a blank line between every two lines.
    found, k = [], len(filled) - 1
    while k >= 2 and _POLL_SHARE_RE.match(body[filled[k - 1]].strip()):
        found.append(filled[k - 1])
        k -= 2
    shares = set(found[:_poll_options([body[i] for i in found])])
    if (cut := _cut_over_poll(body, [i for i in filled if i < len(body)], shares)) is not None:
        shares.add(cut)
    if all(not x.strip() or _is_noise(x, dates=False) for x in after):
        after = []  # X's counts: the poll closes the post, the author's words all come above it
    return [line for i, line in enumerate(body) if i not in shares] + after, True


_VOTE_COUNT_SHAPE_RE = regex.compile(r"^\d[\d.,٫٬\u00a0\u202f]*\s?[\p{L}\p{M}]+$")  # "1,024 वोट", "1,024표"
_POLL_FOOTER_MOST = 3  # the vote count, "·", the poll's state ("1,024 votes" / "·" / "Final results")


def _poll_by_shape(body: list[str], filled: list[int]) -> tuple[list[str], bool]:
    """A poll's results in a language whose words are not known here, by their shape: two to four options, each
    over its share, the shares adding up to 100%, then a short line opening with a number (the vote count) and at
    most two more short lines; X's counts may follow. Without that shape, ``body`` as it is."""
    for size in range(1, _POLL_FOOTER_MOST + 1):
        last = len(filled) - size - 1  # the last option's share
        if last < 3 or not _POLL_SHARE_RE.match(body[filled[last]].strip()):
            continue
        footer = [body[i].strip() for i in filled[last + 1:]]
        if not _VOTE_COUNT_SHAPE_RE.match(footer[0]) or any(len(x) > 40 for x in footer):
            continue
        found, k = [], last
        while k >= 1 and _POLL_SHARE_RE.match(body[filled[k]].strip()) and not _POLL_SHARE_RE.match(
                body[filled[k - 1]].strip()):
            found.append(filled[k])
            k -= 2
        values = [float(body[i].strip().rstrip("%").strip().replace(",", ".")) for i in found]
        n = _poll_options([body[i] for i in found]) if len(found) > 1 else 0
        if n < 2 or abs(sum(values[:n]) - 100) > 0.5 * n:
            continue
        drop = set(found[:n]) | set(filled[last + 1:])
        return [line for i, line in enumerate(body) if i not in drop], True
    return body, False


def _cut_over_poll(body: list[str], filled: list[int], shares: set[int]) -> int | None:
    """The line of X's "Show more" right over a poll's first option (X cut the words above the poll), or None; one
    a short line ending in a colon introduces is the author's (``_introduced``)."""
    if not shares or min(shares) not in filled:
        return None
    at = filled.index(min(shares))  # the first share; its option is the filled line above it
    if at < 3 or body[filled[at - 2]].strip().lower() not in _CUT_MARKERS:
        return None
    return None if _introduced(body[:filled[at - 2] + 1]) else filled[at - 2]


def _poll_options(shares: list[str]) -> int:
    """How many of ``shares`` (the last option's first) are the poll's: X's polls have two to four options, their
    shares add up to 100% (give or take rounding); an author's "Our margin:" / "40%" above the poll is not one."""
    values = [float(x.strip().rstrip("%").strip().replace(",", ".")) for x in shares]
    most = min(len(values), 4)
    return next((n for n in range(most, 1, -1) if abs(sum(values[:n]) - 100) <= 0.5 * n), most)


# X's box under a post whose author limited its replies: a short question ("Who can reply?", "Wer kann
# antworten?", "¿Quién puede responder?") over the rule ("People @dana mentioned can reply"), in any language.
_QUESTION_RE = re.compile(r"^.{1,40}[?？؟]$")
_REPLY_RULE_RE = re.compile(r"^.{1,80}\bcan reply\.?$", re.IGNORECASE)  # "People @dana mentioned can reply"


def _without_stats(body: list[str]) -> list[str]:
    """The post without what X shows under its full time: the views and the counts, in any language, who may
    reply ("Who can reply?" over its rule: only there, so the question at a post's end is the author's), and the
    reply box."""
    for i in range(len(body) - 1, -1, -1):
        if _FULL_TIME_RE.match(body[i].strip()):
            i, top = _edited_time_above(body, i), i
            rest = [x.strip() for x in body[top + 1:] if x.strip() and not _is_replying_line(x)]  # the reply box
            ask = next((k for k, x in enumerate(rest[:-1]) if _QUESTION_RE.match(x) and len(rest[k + 1]) <= 120), None)
            if ask is not None:
                rest = rest[:ask] + rest[ask + 2:]
            rest = [x for x in rest if not _REPLY_RULE_RE.match(x)]  # English rule, its question not copied
            short = all(len(x) <= 25 and len(x.split()) <= 3 for x in rest)
            return body[:i] if short or _under_counts(body[top + 1:]) is not None else body
    return body


_COUNT_SHAPE_RE = regex.compile(r"^\d[\d.,٫٬\u00a0\u202f]*\s?[\p{L}\p{M}]{0,8}\.?$")  # "1.2 หมื่น": a count, its unit unknown
_MOST_UNDER_COUNTS = 4  # X's lines under the opening post's counts: who may reply and its rule, the reply box


def _under_counts(below: list[str]) -> list[str] | None:
    """The lines under X's counts below the opening post's full time (``below``: the lines after that time), in any
    language ("返信できるアカウント", "अपना जवाब पोस्ट करें"), or None when the counts are not there: the views and
    counts in a row right under the time show the block is X's, so the few lines under it are X's too."""
    rest = [x.strip() for x in below if x.strip() and x.strip() != "·"]
    head = rest[:7]
    counted = [k for k, x in enumerate(head) if _COUNT_RE.match(x) or _COUNT_SHAPE_RE.match(x)]
    if len(counted) < 3 or counted[0] > 0:
        return None
    after = rest[counted[-1] + 1:]
    if any(_UNAVAILABLE_RE.match(x) or any(p.match(x) for _, p in _ADDED_BELOW) for x in after):
        return None  # X's boxes that other rules read (a gone post's notice, a translation)
    return after if len(after) <= _MOST_UNDER_COUNTS and all(len(x) <= 140 for x in after) else None


def _under_time_words(body: list[str]) -> list[str]:
    """The lines under the opening post's counts that only their place shows to be X's (long ones, in a language
    whose words are not known here): left out, named in the notice."""
    top = next((i for i in range(len(body) - 1, -1, -1) if _FULL_TIME_RE.match(body[i].strip())), None)
    if top is None:
        return []
    after = _under_counts(body[top + 1:]) or []
    return [x for x in after if not (len(x) <= 25 and len(x.split()) <= 3) and not _REPLY_RULE_RE.match(x)
            and not _QUESTION_RE.match(x) and not _is_replying_line(x)]


_LAST_EDITED_RE = re.compile(r"^(?:Last edited|Zuletzt bearbeitet|Última edición|Dernière modification|Última edição"
                             r"|Ultima modifica)$", re.IGNORECASE)


def _edited_time_above(body: list[str], i: int) -> int:
    """Where X's times under an edited opening post start: its "Last edited" label broken from the time at ``i``
    ("Last edited" / "3:10 PM · Nov 2, 2026"), with the first version's full time above it; else ``i``."""
    above = [j for j in range(i) if body[j].strip()]
    if (len(above) > 1 and _FULL_TIME_RE.match(body[above[-1]].strip())
            and _LAST_EDITED_RE.match(body[above[-2]].strip())):
        return above[-2]  # "Last edited" / the edit's time over the first version's full time
    if not above or not _LAST_EDITED_RE.match(body[above[-1]].strip()):
        return i
    if len(above) > 1 and _FULL_TIME_RE.match(body[above[-2]].strip()):
        return above[-2]
    return above[-1]


# What X adds under a post's text, to the end of it: a community note, a translation the reader asked for.
# A community note's label is a whole line of X's wording (its tail, "they thought people might want to know", with
# no sentence mark at its end): "Readers added context to that post, and they were right." is the author's.
_ADDED_BELOW = (("context", re.compile(r"^(?:Readers added context|Leser haben Kontext hinzugefügt"
                                        r"|Los lectores añadieron contexto|Les lecteurs ont ajouté du contexte"
                                        r"|Os leitores adicionaram contexto|I lettori hanno aggiunto (?:un )?contesto"
                                        r"|Lezers hebben context toegevoegd|読者が背景情報を追加しました"
                                        r"|Czytelnicy dodali kontekst|Okuyucular bağlam ekledi"
                                        r"|Pembaca menambahkan konteks|독자들이 맥락을 추가했습니다"
                                        r"|Читатели добавили контекст|Читачі додали контекст|أضاف القراء سياقًا"
                                        r"|पाठकों ने संदर्भ जोड़ा|读者添加了背景信息|讀者補充了背景資訊)"
                                        r"(?:[^.!?。…\n]{0,80}[^.!?。…:;\s])?$", re.IGNORECASE)),
                # (Google's logo copies as nothing; X's label in German, Spanish, French and Portuguese too).
                # Only a translation engine's name may follow: "Traducido del inglés por mí" is the author's.
                ("translation", re.compile(r"^(?:Translated from \S.{0,40} by|Übersetzt aus dem \S+ von"
                                           r"|Traducido del? \S+(?: \S+)? por"
                                           r"|Traduit (?:de l['’]\s?|de la |des |du |d['’]\s?)\S+(?: \S+)? par"
                                           r"|Traduzido d[oa]s? \S+(?: \S+)? por)"
                                           r"(?: (?:Google|Grok|Microsoft|Bing))?$")))
_ENGINES = {"Google", "Grok", "Microsoft", "Bing"}  # a translation engine's name, under X's label


# The end of a community note: X's question ("Do you find this helpful?"), its button ("Rate it"), then its line on
# who writes notes ("Context is written by people who use X…"), in the languages of the note's label.
_NOTE_FOOTER_RE = re.compile(r"^(?:Context is written|Der Kontext wird|El contexto (?:lo escriben|es escrito)"
                             r"|Le contexte est rédigé|O contexto é escrito|Il contesto è scritto"
                             r"|Context wordt geschreven|背景情報は)", re.IGNORECASE)


_NOTE_QUESTION_RE = re.compile(r"^Do you find this helpful\?$", re.IGNORECASE)  # X's own, over "Rate it"


def _note_end(body: list[str], at: int) -> int | None:
    """Where the community note whose label is at ``at`` ends (past its question, button and footer line), or None
    when the copy holds no end of it. A note may ask a question itself ("Did the study say that?" / "No."): its
    footer line, else X's own question, tells its end; a question and short line alone only when there is one."""
    filled = [i for i in range(at + 1, len(body)) if body[i].strip()]
    footer = next((i + 1 for i in filled if _NOTE_FOOTER_RE.match(body[i].strip())), None)
    if footer is not None:  # X's question and its button may come under the footer line too
        below = [i for i in filled if i >= footer][:2]
        if len(below) == 2 and _NOTE_QUESTION_RE.match(body[below[0]].strip()) and len(body[below[1]].strip()) <= 25:
            return below[1] + 1
        return footer
    asks = [filled[k + 1] + 1 for k, i in enumerate(filled[:-1])
            if _QUESTION_RE.match(body[i].strip()) and len(body[filled[k + 1]].strip()) <= 25]
    known = [filled[k + 1] + 1 for k, i in enumerate(filled[:-1]) if _NOTE_QUESTION_RE.match(body[i].strip())]
    return known[0] if known else asks[0] if len(asks) == 1 else None


def _without_note(body: list[str], at: int, left_out: set[str]) -> list[str]:
    """``body`` without the community note labelled at ``at``; lines under the note's end stay (the author's, or X's
    counts, read as any post's). With no end in the copy, all under the label goes, its first words quoted; with
    nothing under it either, the label is the author's line ("Readers added context" ending their words)."""
    end = _note_end(body, at)
    if end is None:
        gone = [x.strip() for x in body[at + 1:] if x.strip() and not _is_noise(x, dates=False)]
        if not gone:  # a label with no note under it and no note's end: the author's own line
            return body
        words = _first_words(gone) + (f" … “{gone[-1]}”" if len(gone) > 1 else "")  # the last line may be theirs
        left_out.update(("context-all", "context-all:" + words))
        return body[:at]
    left_out.add("context")
    return body[:at] + body[end:]


def _first_words(lines: list[str], most: int = 8) -> str:
    """The first few words of ``lines``, quoted (“” when there are none)."""
    words = " ".join(line for line in lines if not _is_noise(line.strip(), dates=False)
                     and line.strip() not in _ENGINES).split()
    return f"“{' '.join(words[:most])}{' …' if len(words) > most else ''}”" if words else ""


# X's banner on a post edited after this version: "There’s a new version of this post." / "See the latest post".
# (In English, Spanish, German, French and Portuguese.)
_OLD_VERSION_RE = re.compile(r"^(?:There(?:'|’| i)s a new version of this (?:post|tweet)"
                             r"|Hay una (?:nueva versión|versión nueva) de este (?:post|tweet)"
                             r"|Es gibt eine neue(?:re)? Version (?:dieses|von diesem) (?:Beitrags?|Posts?|Tweets?)"
                             r"|Il (?:existe|y a) une nouvelle version de ce (?:post|tweet)"
                             r"|(?:Há|Existe) uma nova versão (?:deste|desse) (?:post|tweet))\.?$", re.IGNORECASE)
_SEE_LATEST_RE = re.compile(r"^(?:See (?:the )?latest (?:post|tweet|version)|Ver (?:el|o) (?:post|tweet) más reciente"
                            r"|Ver o (?:post|tweet) mais recente|(?:Den )?neuesten (?:Beitrag|Post) (?:ansehen|anzeigen)"
                            r"|Voir le (?:post|tweet) le plus récent|Voir la dernière version)$", re.IGNORECASE)


def _old_version_banner(body: list[str]) -> set[int]:
    """The lines of X's "There’s a new version of this post." / "See the latest post" in the opening post's
    ``body``, or none: X puts it right over the full time, so the same sentence anywhere else is the author's."""
    end = next((i for i in range(len(body) - 1, -1, -1) if _FULL_TIME_RE.match(body[i].strip())), len(body))
    filled = [i for i in range(end) if body[i].strip()]
    banner = {filled.pop()} if filled and _SEE_LATEST_RE.match(body[filled[-1]].strip()) else set()
    if not (filled and _OLD_VERSION_RE.match(body[filled[-1]].strip())):
        return set()  # "See the latest post" alone is the author's
    return banner | {filled[-1]}


# X's box where a post of the thread is gone; it sits under the post before.
_UNAVAILABLE_RE = re.compile(r"^(?:This (?:post|tweet) (?:was deleted|is unavailable|is from|has been|violated)"
                             r"|You(?:'|’)re unable to view this (?:post|tweet))\b", re.IGNORECASE)


def _page_post_text(lines: list[str], dated: bool = False, counts_shown: bool = True,
                    reply_counts: bool = True, quote_below: bool = True, last: bool = False,
                    opening: bool | None = None, others_row: int = 0,
                    at_end: bool = True) -> tuple[str, set[str]]:
    """A post's own words from its lines on the page, and marks for what X added that was left out.

    ``dated``: the header line already held the date ("Name @handle · May 28"), so a date on the
    post's first line is the author's. ``counts_shown``: other posts of the copy end in X's counts, so
    numbers under this one may be counts too (see ``_authors_numbers``); ``reply_counts``: posts other than the
    opening one do (without, a lone number under a colon is kept, with a notice). ``quote_below``: a quoted post
    may come next, under X's "Quote" (else a "Quote" ending the words is the author's). ``last``: no post by the same
    account comes next (the page's last post with X's footer under it, or one over others' replies), where X ends a
    copy without counts in "Show replies" or "Show this thread". ``opening``: the lines hold the opening post's full
    time (found here when not given). ``others_row``: the most counts in a row under another reply's words (not under a
    colon), 0 when none. ``at_end``: no post of any account comes under this one in the copy.
    """
    left_out: set[str] = set()
    if opening is None:
        opening = any(_FULL_TIME_RE.match(line.strip()) for line in lines)
    body = _without_header_lines(_without_boxes(lines, dated, opening, left_out), dated, opening)
    body, tail = _split_tail(body, opening or not quote_below, opening)
    _note_buttons(tail, left_out)
    if row := _button_row(tail):
        left_out.update(("row", "row:" + " / ".join(row)))  # (X's, as a row; said, since a creator may list them)
    body, tail = _authors_label(body, tail, left_out, quote_below, last, at_end and not opening)
    body += _numbers_kept(body, tail, counts_shown and not opening, reply_counts, left_out, others_row)
    text = _post_text(body, left_out)
    _note_ad_shape(text, left_out)
    return text, left_out


def _note_ad_shape(text: str, left_out: set[str]) -> None:
    """Mark (for the notice) a name, an "@handle" and X's ad label on three lines of their own inside the kept words:
    the shape of an ad X put there, and of an author's own mention; kept, so the author is told where it is."""
    lines = [x.strip() for x in text.split("\n")]
    for i in range(1, len(lines) - 1):
        if (lines[i + 1].lower() in _AD_LABELS and _HANDLE_RE.match(lines[i]) and _is_name(lines[i - 1])
                and not lines[i - 1].endswith((":", "："))):  # ("My pick:" / "@sam" / "Ad": a lead-in, no name)
            left_out.update(("ad-shape", "ad-shape:" + lines[i + 1]))
            return


def _without_boxes(lines: list[str], dated: bool, opening: bool, left_out: set[str]) -> list[str]:
    """The post's lines without X's boxes: the counts under a full time, a poll's results, a community note or
    translation below, an edited post's banner, a gone post's notice (each marked in ``left_out``)."""
    body, _ = _without_poll_results(_without_stats(list(lines)))
    if opening and len(body) < len(lines) and (under := _under_time_words(lines)):
        left_out.update({"under-time"} | {"under-time:" + x for x in under})
    for what, pattern in _ADDED_BELOW:
        at = next((i for i, line in enumerate(body) if pattern.match(line.strip())), None)
        if at is None:
            continue
        if what == "translation" and not any(x.strip() for x in _without_header_lines(body[:at], dated, opening)):
            # X's label over its translation with no words above: the copy holds only the translation; keep it
            engine = next((i for i in range(at + 1, len(body)) if body[i].strip()), None)  # (only the line right
            engine = engine if engine is not None and body[engine].strip() in _ENGINES else None  # after the label)
            body = [x for i, x in enumerate(body) if i not in (at, engine)]
            left_out.add("translated")
            continue
        if what == "translation":  # quoted in the notice: a guess, so the author sees what went
            left_out.add("translation:" + _first_words(body[at + 1:]))
        if what == "context":
            body = _without_note(body, at, left_out)
            continue
        body, _ = body[:at], left_out.add(what)
    if opening and (banner := _old_version_banner(body)):
        left_out.add("old")  # X's banner over a post that was edited since: the words copied are the old ones
        body = [line for i, line in enumerate(body) if i not in banner]
    gone = [i for i, line in enumerate(body) if _UNAVAILABLE_RE.match(line.strip())]
    if gone:
        drop = set(gone) | {i + 1 for i in gone if i + 1 < len(body) and body[i + 1].strip() == "Learn more"}
        if _over_own_counts(lines):
            # over the post's own time or counts: the box of a post it quoted, gone since; the post is all here
            left_out.update({"gone"} | {"gone:" + body[i].strip() for i in gone})
        else:
            left_out.add("unavailable")
        body = [line for i, line in enumerate(body) if i not in drop]
    return body


def _over_own_counts(lines: list[str]) -> bool:
    """X's notice of a gone post ("This post is unavailable.") in ``lines`` has only the post's own time and counts
    under it (X's "Learn more" aside) and the post's words over it: it is the box of a post this one quoted, not a
    post of the thread. (With the post's counts or time right over it, the notice is under the post, outside it.)"""
    at = next(i for i in range(len(lines) - 1, -1, -1) if _UNAVAILABLE_RE.match(lines[i].strip()))  # (the last)
    above = next((x.strip() for x in reversed(lines[:at]) if x.strip()), "")
    if _is_count(above) or _FULL_TIME_RE.match(above):
        return False
    below = [x.strip() for x in lines[at + 1:] if x.strip() and x.strip() != "Learn more"]
    return bool(below) and all(_is_noise(x) or _FULL_TIME_RE.match(x) for x in below)


def _without_header_lines(body: list[str], dated: bool, opening: bool) -> list[str]:
    """``body`` without X's lines over the words: "·" and the header's date after it (or right under the handle),
    "Replying to @x", "Follow".

    The opening post shows its full time under its text, never a date above it: a date there is the author's.
    A header line with its date ("Name @handle · Nov 5") has no button under it: "Follow" there is the author's.
    """
    body = list(body)
    after_dot, first, top, replying, stats = False, not dated and not opening, not dated, False, False
    while body:
        s = body[0].strip()
        if not (not s or _header_noise(s, top, dates=first) or replying and _HANDLE_RE.match(s)
                or _is_replying_line(s) or replying and s.lower() in _REPLYING_JOINS
                or after_dot and _is_short_date(s) or top and _dot_date(s)):
            break  # (an "@handle" opening the words, not under "Replying to", is the author's mention)
        if s.lower() in _REPLYING_LABELS and not _HANDLE_RE.match(_next_filled(body, 0)):
            break  # X's "Replying to" is over the "@handle" answered: over words it is the author's
        if _READ_REPLIES_RE.match(s) or not opening and _EDITED_AT_RE.match(s) or _COUNT_RE.match(s) and _next_filled(body, 0) \
                and not _is_noise(_next_filled(body, 0), dates=False):
            break  # X's counts sit under a post's words, never over them: "42" / "is the answer." is the author's
        if _VIEWS_RE.match(s) and not stats:
            break  # X's views come under a time or a count, never right under the header: "12K views" is the author's
        body.pop(0)
        stats = stats or bool(_COUNT_RE.match(s) or _FULL_TIME_RE.match(s))
        after_dot = s == "·" or after_dot and not s
        replying = _is_replying_line(s) or replying and (not s or bool(_HANDLE_RE.match(s))
                                                         or s.lower() in _REPLYING_JOINS)
        first = first and not s
        top = top and (not s or s == "·" or _beside_name(s))  # "Subscribe" over "Follow": both X's
    return body


def _split_tail(body: list[str], own_quote: bool, opening: bool = True) -> tuple[list[str], list[str]]:
    """``body`` split into the words and X's lines under them (counts, buttons, "Dana reposted"), top down.
    ``own_quote``: a "Quote" right under the words is the author's."""
    body, tail = list(body), []
    # X's "Quote" is over a quoted post, which would sit between it and the opening post's full time: the word right
    # over that time is the author's (``own_quote``), as is one over the thread's next post.
    while body and (not body[-1].strip() or _is_noise(body[-1], dates=False) and not _header_button(body[-1])
                    and not (own_quote and body[-1].strip().lower() in _QUOTE_LABELS and not any(x.strip() for x in tail))
                    or _REPOSTED_RE.match(body[-1].strip()) or _end_heading_under_counts(body)):
        if body[-1].strip().lower() in _CUT_MARKERS and _introduced(body):
            break  # ("under long posts:" / "Show more": the author's line)
        tail.append(body.pop())
    tail.reverse()
    mine = _authors_buttons(tail)
    if mine == 0 and _xs_line_over_counts(tail, edited=not opening):
        mine = 1
    first = next((i for i, x in enumerate(tail) if x.strip()), None)
    if mine == 0 and first is not None and _VIEWS_RE.match(tail[first].strip()) and any(x.strip() for x in body):
        mine = first + 1  # "1.2K Views" right under the words: X shows its views under the full time, never there
    return body + tail[:mine], tail[mine:]


def _xs_line_over_counts(tail: list[str], edited: bool = False) -> bool:
    """The tail's first line is X's "Svarar" (over a post) or "Lee 14 respuestas" (under its counts), or (``edited``:
    in a post with no full time, where X never shows it) "Last edited 11:02 AM", yet it sits right under the words
    with X's counts below it: there it is the author's line."""
    filled = [x.strip() for x in tail if x.strip()]
    return (len(filled) >= 2 and (filled[0].lower() in _REPLYING_LABELS or bool(_READ_REPLIES_RE.match(filled[0]))
                                  or edited and bool(_EDITED_AT_RE.match(filled[0])))
            and bool(_COUNT_RE.match(filled[1])) and bool(tail[0].strip()))


def _cut_by_x(lines: list[str]) -> int:
    """How many of the lines are X's cut markers ("Show more"): more in the copy than in the kept text means X cut
    the post (the author's own "Show more" stays in both)."""
    return sum(line.strip().lower() in _CUT_MARKERS for line in lines)


def _introduced(body: list[str]) -> bool:
    """The last line of ``body`` (a "Show more") is the author's, introduced by a short text ending in a colon
    ("The first one, under long posts:" / "Show more"): X cuts only a long post, and seldom right after a colon."""
    above = list(itertools.islice((x for j in range(len(body) - 2, -1, -1) if (x := body[j].strip())), 4))
    return bool(above) and above[0].endswith((":", "：")) and sum(map(len, above)) < 120


# X's button under a post for the readers who rate community notes.
_NOTES_BUTTONS = {"rate proposed community notes", "rate proposed community note",
                  "vorgeschlagene community notes bewerten", "calificar notas de la comunidad propuestas",
                  "évaluer les notes de la communauté proposées"}


def _buttons_under_words(body: list[str]) -> set[int]:
    """The lines of X's "Show more" and "Translate post" buttons: under the post's words, with only X's lines (photo
    labels, other buttons) below them. One with words under it ("The menu item" / "Show more" / "became…") is the
    author's, as is a "Show more" a short line introduces (``_introduced``)."""
    found: set[int] = set()
    for i in range(len(body) - 1, -1, -1):
        s = body[i].strip()
        if (s.lower() in _SHOW_MORE or s.lower() in _NOTES_BUTTONS) and (s.lower() not in _CUT_MARKERS
                                                                          or not _introduced(body[:i + 1])):
            found.add(i)
        elif s and not _MEDIA_LABEL_RE.match(s) and not _CLOCK_RE.match(s):
            break
    return found


def _end_heading_under_counts(body: list[str]) -> bool:
    """The last line is X's "Discover more" (where the copy stopped): under the last post's counts or buttons,
    where the author's words have ended."""
    if body[-1].strip().lower() not in _END_HEADINGS:
        return False
    above = next((x for x in reversed(body[:-1]) if x.strip()), "")
    return bool(above) and _is_noise(above, dates=False)


# The words of X's row of buttons under a post, in X's order. A copy of the page holds their counts, not their
# words (the buttons are icons): such a word right under the text is the author's, unless the whole row is there.
_BUTTON_ROW = ("reply", "repost", "like", "bookmark", "share")
# X's words it never puts right under a post's words: an ad's label (beside the advertiser's name) and "Views"
# (under its count).
_NEVER_UNDER_WORDS = {*_AD_LABELS, *_VIEWS_WORDS}


def _authors_buttons(tail: list[str]) -> int:
    """How many lines at the top of ``tail`` are the author's words worded as X's ("Like", "Share", "Promoted")."""
    filled = [i for i, line in enumerate(tail) if line.strip()]
    words = []
    for i in filled:
        low = tail[i].strip().lower()
        if not (low in _BUTTON_ROW or low in _NEVER_UNDER_WORDS):
            break
        words.append(low)
    in_order = [w for w in _BUTTON_ROW if w in words] == words and len(set(words)) == len(words)
    if not words or len(words) >= 3 and in_order:
        return 0
    return filled[len(words) - 1] + 1


# X's labels that never sit right over a post's counts, nor end a post's words: "Quote" has a quoted post under it,
# "Pinned" and "Replying to" sit by a header, "Show replies" and "Show this thread" under the counts.
# "Show more replies" and the page's title row ("Conversation") neither: those end a page, or top it.
_MORE_REPLIES = {"show more replies", "show additional replies", "weitere antworten anzeigen", "mostrar más respuestas",
                 "afficher plus de réponses", "mostrar mais respostas", "mostra altre risposte", "meer reacties weergeven",
                 "さらに返信を表示", "visa fler svar"}
_LABELS_NEVER_OVER_COUNTS = {*_QUOTE_LABELS, "pinned", "following", "post", *_SHOW_THREAD, "read more", "replying to",
                             "show less", "post your reply", "show probable spam", *_SHOW_REPLIES, *_MORE_REPLIES,
                             "conversation", "see new posts"}


def _last_filled(lines: list[str]) -> str:
    """The last line with words, or ""."""
    return next((line.strip() for line in reversed(lines) if line.strip()), "")


_UNDER_LAST_POST = {*_SHOW_THREAD, "read more", *_SHOW_REPLIES, *_MORE_REPLIES}


def _authors_label(body: list[str], tail: list[str], left_out: set[str], quote_below: bool, last: bool,
                   at_end: bool = True) -> tuple[list[str], list[str]]:
    """A label of X's ending the words (``_LABELS_NEVER_OVER_COUNTS``) is the author's over the post's counts; with
    nothing under it (a copy without counts) it may be either: kept, and named in a notice. (A "Quote" over a
    quoted post, ``quote_below``, is X's: the post is under it; so is "Show replies" ending a ``last`` post, where
    a logged-out copy stops or others' replies start; "Show more replies" ending the copy, ``at_end``, is X's most
    likely, quoted; elsewhere, as over the opening post's full time, it is kept and named.)"""
    filled = [i for i, line in enumerate(tail) if line.strip()]
    if not filled or tail[filled[0]].strip().lower() not in _LABELS_NEVER_OVER_COUNTS:
        return body, tail
    if not any(x.strip() for x in body):  # no words above: X's own line (a "Conversation" under the menu's account)
        return body, tail
    word = tail[filled[0]].strip()
    if len(filled) == 1:
        if quote_below and word.lower() in _QUOTE_LABELS or last and word.lower() in _UNDER_LAST_POST:
            return body, tail
        if at_end and word.lower() in _MORE_REPLIES:  # where X's list of replies ends the copy: X's, most likely
            left_out.update(("more-replies", "more-replies:" + word))
            return body, tail
        left_out.update(("label", "label:" + word))
    elif not _COUNT_RE.match(tail[filled[1]].strip()):
        return body, tail
    return body + tail[:filled[0] + 1], tail[filled[0] + 1:]


def _button_row(tail: list[str]) -> list[str]:
    """The words of X's whole row of buttons at the top of ``tail`` ("Reply" / "Repost" / "Like"), else none."""
    words = []
    for line in tail:
        if line.strip():
            if line.strip().lower() not in _BUTTON_ROW:
                break
            words.append(line.strip())
    return words if len(words) >= 3 else []


def _numbers_kept(body: list[str], tail: list[str], counts_shown: bool, reply_counts: bool,
                  left_out: set[str], row: int = 0) -> list[str]:
    """The lines at the top of ``tail`` that are the author's numbers, not X's counts (see ``_authors_numbers``).

    X shows the opening post's counts under its full time, never over it (``counts_shown`` False): numbers there
    are the author's. ``row``: the most counts the page's other replies show in a row (see ``_page_post_text``).
    """
    mine = _authors_numbers(tail, counts_shown)
    counts = [x.strip() for x in tail[len(mine):] if _COUNT_RE.match(x.strip())]
    words = next((x.strip() for x in reversed(body) if x.strip()), "")
    colon = words.endswith((":", "："))
    # "Hires it cost me:" / "3": the author's, or X's count; so is the first of four under a colon where the page's
    # other replies show three in a row (four, with the views, is X's usual reply row)
    if colon and (len(counts) == 1 and not reply_counts or len(counts) == 4 and not mine and reply_counts
                  and 0 < row < 4 and _last_filled(tail[::-1]) == counts[0]):
        mine = tail[:next(i for i in range(len(mine), len(tail)) if tail[i].strip() == counts[0]) + 1]
        left_out.update(("count", "count:" + counts[0]))
    return mine


def _post_text(body: list[str], left_out: set[str]) -> str:
    """The words of ``body`` as one text, without X's "Show more" buttons under them and a link card's source line."""
    _note_video_source(body, left_out)
    body = _without_card_source(body, left_out)
    buttons = _buttons_under_words(body)
    _note_buttons([body[i] for i in sorted(buttons)], left_out)
    kept = _without_card_source([line for i, line in enumerate(body) if i not in buttons], left_out)
    text = strip_keeping_lists(re.sub(r"\n{3,}", "\n\n", _CUT_LINK_RE.sub(r"\1", "\n".join(kept))))
    if "\n" in text and _CLOCK_RE.match(text.rsplit("\n", 1)[1].strip()):
        left_out.update(("clock", "clock:" + text.rsplit("\n", 1)[1].strip()))  # (kept: the author may have written it)
    if "\n" in text and text.rsplit("\n", 1)[1].strip().lower() in _EDITED_LABELS:
        left_out.update(("edited", "edited:" + text.rsplit("\n", 1)[1].strip()))  # (kept, as a clock is)
    return text


# How X marks an edited post beside its time in some of its apps; a post ending in the word on its own line is said.
_EDITED_LABELS = {"edited", "bearbeitet", "editado", "modifié", "modificato", "bewerkt", "redigerad", "編集済み"}


_VIDEO_FROM_RE = re.compile(r"^(?:From|Von|De|Da|Van)(?:\s+@[A-Za-z0-9_]{1,15}|\s+[^\s@][^\n@]{0,48})?$")


def _note_video_source(body: list[str], left_out: set[str]) -> None:
    """Mark (for the notice) a post ending in what X shows under a video another account posted: its length, then
    "From @handle" (or "From" over the account's name). Kept: a creator writes the same ("0:42" / "From @coach",
    "9:30" / "From" / "Monday to Friday")."""
    filled = [i for i, line in enumerate(body) if line.strip()][-3:]
    for k in range(len(filled) - 1):
        clock, source = body[filled[k]].strip(), [body[i].strip() for i in filled[k + 1:]]
        from_line = _VIDEO_FROM_RE.match(source[0])
        named = (len(source) == 1 and source[0].split()[0] != source[0]
                 or len(source) == 2 and "@" not in source[0] and len(source[1]) <= 50)
        if _CLOCK_RE.match(clock) and from_line and named and any(x.strip() for x in body[:filled[k]]):
            left_out.update(("video", "video:" + " / ".join([clock, *source])))
            return


def _note_buttons(lines: list[str], left_out: set[str]) -> None:
    """Mark X's "Translate post" (in any of its languages) among ``lines`` left out: a creator may end a post in
    the words ("The button you want:" / "Translate post"), so the notice names them."""
    for line in lines:
        if line.strip().lower() in _TRANSLATE_WORDS:
            left_out.update(("button", "button:" + line.strip()))
        elif line.strip().lower() in _NOTES_BUTTONS:
            left_out.update(("notes-button", "notes-button:" + line.strip()))


def _header_button(line: str) -> bool:
    return line.strip().lower() in _HEADER_BUTTONS


def _beside_name(line: str) -> bool:
    """X's button under a post's name ("Follow", "Subscribe", "Following")."""
    return _header_button(line) or line.strip().lower() == "following"


def _header_noise(line: str, top: bool, dates: bool) -> bool:
    """X's line at the top of a post: its "·", time or counts, or a button ("Follow") right under the name (``top``:
    only the header's "·" came before it; X shows none under a date). Its other buttons' words there are the
    author's."""
    low = line.strip().lower()
    if low in _UI_LINES:
        return low == "·" or low in _REPLYING_LABELS or top and _beside_name(low)
    return _is_noise(line, dates)


_CLOCK_RE = re.compile(r"^\d{1,2}:\d\d(?::\d\d)?$")  # "0:58": how X shows a video's length, on a line of its own


def _counts_ending(lines: list[str]) -> bool:
    """The lines end in X's group of counts (two or more count lines, as under a post), not one number alone."""
    tail = list(itertools.islice((x.strip() for x in reversed(lines) if x.strip()), X_COUNTS))
    return sum(1 for _ in itertools.takewhile(lambda x: bool(_COUNT_RE.match(x)), tail)) >= 2


def _count_row(post: list[str]) -> int:
    """How many counts end the post's lines in a row, when the words above them do not end in a colon (else 0)."""
    filled = [x.strip() for x in post if x.strip()][::-1]
    n = sum(1 for _ in itertools.takewhile(lambda x: bool(_COUNT_RE.match(x)), filled))
    return 0 if n < len(filled) and filled[n].endswith((":", "：")) else n


def _shows_counts(post: list[str]) -> bool:
    """The post's lines on the page hold a count (its views, likes…) on a line of its own."""
    return any(_COUNT_RE.match(x.strip()) or _VIEWS_RE.match(x.strip()) for x in post if x.strip())


X_COUNTS = 4  # X's group under a post: replies, reposts, likes, views (a count of 0 is not shown)


def _authors_numbers(tail: list[str], counts_shown: bool) -> list[str]:
    """The lines at the start of ``tail`` (what follows a post's last words) that are the author's own
    numbers ("The answer:" / "42"), not X's counts.

    X shows at most four counts, in the order replies, reposts, likes, views, and the views are never
    fewer than any other count. Numbers beyond four, or ones larger than the last (the views), are the
    author's; so is every number when no other post of the copy shows counts. A lone number within a
    plausible count group stays ambiguous and is taken as X's.
    """
    filled = [i for i, line in enumerate(tail) if line.strip()]
    run: list[int] = []
    for i in filled:
        if not _COUNT_RE.match(tail[i].strip()):
            break
        run.append(i)
    if not run:
        return []
    keep = len(run) if not counts_shown or _number_list([tail[i].strip() for i in run]) else 0
    turkish = any(_TURKISH_MILLION_RE.search(tail[i]) for i in run)  # there "B" (bin) is a thousand, "Mn" a million
    values = [_count_value(tail[i].strip(), b_thousand=turkish) for i in run]
    while keep < len(run) and (len(run) - keep > X_COUNTS or len(run) - keep > 1 and values[keep] is not None
                               and values[-1] is not None and values[keep] > values[-1]):
        keep += 1
    return tail[:run[keep - 1] + 1] if keep else []


_YEAR_RE = re.compile(r"^(?:1[89]|20)\d\d$")


def _number_list(lines: list[str]) -> bool:
    """The numbers are the author's list, never X's row: years in order ("2021" / "2022" / "2023"), or a countdown
    of three or more to 1 or 0 ("3" / "2" / "1"; read whole as the author's, its last number too)."""
    if len(lines) < 2 or not all(x.isdigit() for x in lines):
        return False
    values = [int(x) for x in lines]
    falling = len(values) >= 3 and values[-1] <= 1 and all(a == b + 1 for a, b in zip(values, values[1:]))
    years = all(_YEAR_RE.match(x) for x in lines) and (falling or all(a < b for a, b in zip(values, values[1:])))
    return years or falling


_COUNT_UNITS = {"k": 1e3, "m": 1e6, "b": 1e9, "mio": 1e6, "mrd": 1e9, "mil": 1e3, "万": 1e4, "億": 1e8, "ألف": 1e3,
                "مليون": 1e6, "천": 1e3, "만": 1e4, "억": 1e8, "тыс": 1e3, "млн": 1e6, "rb": 1e3, "jt": 1e6, "mn": 1e6,
                "هزار": 1e3, "میلیون": 1e6, "tys": 1e3, "mln": 1e6, "हज़ार": 1e3, "लाख": 1e5}
_COUNT_PARTS_RE = re.compile(r"^([\d.,٫٬\u00a0\u202f]+)\s*([^\d\s.]*)\.?$")


_TURKISH_MILLION_RE = re.compile(r"\dMn$|\d\s+Mn$")


def _count_value(line: str, b_thousand: bool = False) -> float | None:
    """The number a count line stands for ("1.2K" → 1200, "12.345" → 12345, "١٫٢ ألف" → 1200), or None.
    ``b_thousand``: the counts are Turkish ("850 B" is 850 bin, a thousand each; "1,2 Mn" a million)."""
    m = _COUNT_PARTS_RE.match(line.translate(_ARABIC_DIGITS))
    if not m:
        return None
    digits, unit = m.group(1).replace("\u00a0", "").replace("\u202f", "").replace("٬", ","), m.group(2).lower()
    if unit:  # "1.2K", "1,2 Mio.": the separator is a decimal point
        scale = 1e3 if b_thousand and unit == "b" else _COUNT_UNITS.get(unit)
        number = digits.replace("٫", ".").replace(",", ".")
    else:  # "12.345", "1,234": the separators group thousands
        scale, number = 1.0, re.sub(r"[.,٫]", "", digits)
    try:
        return float(number) * scale if scale else None
    except ValueError:
        return None


_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")  # Arabic and Persian digits
# A link card's site as X shows it over the card's title: a bare lower-case domain, no path.
_CARD_DOMAIN_RE = re.compile(r"^(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$")


def _card_lines(after: list[str], before: list[str]) -> bool:
    """``after`` (what follows a domain line) reads as a card's title and summary, and the post has words
    before the card, and any link the post shows is to another site only if it is cut short."""
    if not after or not any(line.strip() for line in before):
        return False
    if any(_CARD_DOMAIN_RE.match(x) or _HANDLE_RE.match(x) or URL_RE.fullmatch(x) or len(x) > 300 for x in after):
        return False
    return not after[0][:1].islower()  # "Visit" / "example.com" / "for the details." is one sentence


def _without_card_source(body: list[str], left_out: set[str] | None = None) -> list[str]:
    """The post without the "From example.com" line under its link's card (and the card's domain above it),
    or without a card that has none: its site's domain on a line of its own, then its title and summary,
    ending the post. The second is a guess (an author may end a post so), so ``left_out`` gets "card"."""
    filled = [i for i, line in enumerate(body) if line.strip()]
    m = _CARD_FROM_RE.match(body[filled[-1]].strip()) if filled else None
    if not m:
        at = next((k for k in (-3, -2) if len(filled) > -k and _CARD_DOMAIN_RE.match(body[filled[k]].strip())
                   and _card_lines([body[i].strip() for i in filled[k + 1:]], body[:filled[k]])), None)
        if at is None:
            return body
        if left_out is not None:
            left_out.add("card")
        return body[:filled[at]]
    # The card's domain over it, and a small card's title and summary between the two.
    above = [k for k in (-2, -3, -4) if len(filled) > -k and body[filled[k]].strip().lower() == m.group(1).lower()
             and (k == -2 or _card_lines([body[i].strip() for i in filled[k + 1:-1]], body[:filled[k]]))]
    return body[:filled[above[0] if above else -1]]

