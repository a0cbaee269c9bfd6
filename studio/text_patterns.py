"""The text patterns several readers share: where a sentence ends, and what is a link.

One definition each, so the cover's hook, a project's name, the outro's ask, the
caption and the pasted thread's packing all cut sentences at the same places, the
caption drops the links X's own counting sees, and every source shows a link alike.
"""
from __future__ import annotations

import regex

# A sentence ends at . ! ? … (or Hindi's danda "।", Arabic's "؟", Urdu's "۔"; and any closing quotes or
# brackets right after it) followed by white space, or at a CJK full stop (and its closing brackets), where no
# space follows. The closers stay with their sentence: nothing of the text is lost in the cut. A bare number
# with a full stop ("lap: 97. 98. 99. Slower") starts no sentence: cut there, it read as a list's number.
SENTENCE_END = regex.compile(r"(?<=[.!?…।॥؟۔][\"'”’)\]]*)\s+(?=\S)(?!\d{1,3}\.(?:\s|$))|(?<=[。！？][」』）]*)(?![」』）])\s*(?=\S)")
SENTENCE_MARK = regex.compile(r"[.!?…।॥؟۔。！？]")  # a cheap test before the lookbehind search

_TLDS = ("com|org|net|io|dev|co|ai|app|me|info|edu|gov|ly|gg|tv|xyz|so|sh|us|uk|de|fr|es|it|nl|"
         "eu|ca|au|in|jp|cn|ru|br|ch|se|no|fi|dk|pl|gr|pt|be|at|ie|nz|blog|news|tech|page|site")
# A link as X sees one: with a scheme, or a bare domain of a known top-level domain, with its path;
# trailing punctuation stays outside. Labels are matched possessively ("*+"): a long run of letters is
# never re-tried split by split, which made a 280-character word take milliseconds and a 1 MB word minutes.
URL = regex.compile(
    r"(?:https?://[^\s<>\"]+"
    r"|(?<![\w@./-])(?:www\.)?[a-z0-9][a-z0-9-]*+(?<!-)(?:\.[a-z0-9][a-z0-9-]*+(?<!-))*"
    rf"\.(?:{_TLDS})\b(?:/[^\s<>\"]*)?)"
    r"(?<![.,;:!?'\")\]])",
    regex.IGNORECASE)

_SCHEME = regex.compile(r"^https?://(?:www\.)?")


def link_as_shown(url: str) -> str:
    """A post's link as X shows it, but complete: no scheme, no "www.", never cut with "…"."""
    return _SCHEME.sub("", url)
