"""X's weighted character count (twitter-text configuration v3).

Most Latin, Greek, Cyrillic, Hebrew, Arabic… code points count 1; CJK, Hangul
and everything else above U+10FF count 2; an emoji counts 2 however many code
points it is made of (ZWJ families, flags, skin tones); any URL counts 23.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from ..graphemes import clusters_of
from ..text_patterns import URL as URL_RE

MAX_WEIGHTED_LENGTH = 280
URL_LENGTH = 23

# Code point ranges that weigh 1 (the rest weigh 2), from twitter-text's v3 config.
_LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))

_EMOJI_RE = regex.compile(r"\p{Emoji_Presentation}|\uFE0F|\p{Regional_Indicator}|\u20E3")


def char_weight(ch: str) -> int:
    """The weight of one code point: 1 or 2."""
    cp = ord(ch)
    return 1 if any(lo <= cp <= hi for lo, hi in _LIGHT_RANGES) else 2


@lru_cache(maxsize=65_536)  # text repeats its clusters: long non-Latin input is measured several times
def cluster_weight(cluster: str) -> int:
    """The weight of one grapheme cluster: an emoji is 2, anything else sums its code points."""
    if _EMOJI_RE.search(cluster):
        return 2
    return sum(char_weight(c) for c in cluster)


def weighted_length(text: str) -> int:
    """The length X counts against its 280 limit (text is NFC-normalised first, as X does)."""
    text = unicodedata.normalize("NFC", text)
    if "." not in text and "://" not in text:  # no URL possible: skip the (per-character slow) search
        return _plain_length(text)
    total, pos = 0, 0
    for m in URL_RE.finditer(text):
        total += _plain_length(text[pos:m.start()]) + URL_LENGTH
        pos = m.end()
    return total + _plain_length(text[pos:])


def _plain_length(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(cluster_weight(c) for c in clusters_of(text))


def fits(text: str, limit: int = MAX_WEIGHTED_LENGTH) -> bool:
    """True when ``text`` fits in one standard post."""
    return weighted_length(text) <= limit
