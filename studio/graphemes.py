"""Grapheme clusters (what a reader sees as one character), split in time linear in the text's length."""
from __future__ import annotations

import regex

# Three regional indicators or more in a row. The regex module's grapheme split ("\\X") counts back over the whole
# run at each one (8,000 flags: two seconds, four times 4,000's), so such a run is cut between its pairs first.
_FLAG_RUN = regex.compile(r"[\U0001F1E6-\U0001F1FF]{3,}")


def clusters_of(text: str) -> list[str]:
    """The grapheme clusters of ``text`` as Unicode splits them (``\\X``), in time linear in its length.

    Regional indicators pair up left to right, and a pair with another indicator after it is a whole cluster
    (nothing joins two pairs): ``\\X`` reads each stretch between such cuts.
    """
    if not _FLAG_RUN.search(text):
        return regex.findall(r"\X", text)
    out: list[str] = []
    pos = 0
    for m in _FLAG_RUN.finditer(text):
        start, end = m.span()
        last = start + 2 * ((end - start - 1) // 2)  # the last pair (or lone indicator) may take marks after it
        out.extend(regex.findall(r"\X", text[pos:start + 2]))  # … and the first a prepended mark before it
        out.extend(text[i:i + 2] for i in range(start + 2, last, 2))
        pos = last
    out.extend(regex.findall(r"\X", text[pos:]))
    return out
