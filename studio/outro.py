"""OutroCTA: the call to action on the last slide, in three variants.

The stock lines are neutral: they promise no schedule, number or result the
creator did not state. When the thread's last post makes its own ask ("Follow me
for a thread every day."), the outro takes that ask's variant, but never copies the
sentence: the creator's words show once, where they are. A last post that is only
its ask is laid out on the outro itself (the outro slide's own text, see
``studio.structure``), so it gets no slide of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import regex

from .text_patterns import SENTENCE_END
from .choice import quote

CTAVariant = Literal[1, 2, 3]

VARIANT_NAMES: dict[int, str] = {1: "Follow", 2: "Repost / share", 3: "Save / visit a link"}

_DEFAULTS: dict[int, tuple[str, str, str]] = {
    1: ("Found this useful?", "Follow for more.", "Follow"),
    2: ("Know someone who needs this?", "Repost it so your network sees it too.", "Repost"),
    3: ("Save this for later", "Bookmark it to come back to it.", "Save"),
}

# The words that make a sentence an ask of each variant (follow, repost, save).
_ASKS: dict[int, re.Pattern[str]] = {
    1: re.compile(r"\bfollow(?:ing)?\s+(?:me|us|along|for|@\w)", re.IGNORECASE),
    2: re.compile(r"\b(?:repost|retweet|RT)\b|\bshare\s+(?:this|it)\b", re.IGNORECASE),
    3: re.compile(r"\bbookmark\b|\bsave\s+(?:this|it)\b", re.IGNORECASE),
}
_SENTENCE_END = regex.compile(SENTENCE_END.pattern + r"|\n+")  # a line without a full stop ends one too
MAX_ASK = 140  # a longer sentence is a paragraph, not a subline


@dataclass
class OutroCTA:
    """Variant #1 follow, #2 repost/share, #3 save/visit a link, with editable texts."""

    variant: CTAVariant = 1
    headline: str = _DEFAULTS[1][0]
    subline: str = _DEFAULTS[1][1]
    button: str = _DEFAULTS[1][2]
    link: str = ""

    @classmethod
    def default(cls, variant: int, link: str = "") -> "OutroCTA":
        """The stock texts for a variant (1, 2 or 3)."""
        if variant not in _DEFAULTS:
            raise ValueError(f"the CTA variant must be 1, 2 or 3, not {quote(variant)}")
        headline, subline, button = _DEFAULTS[variant]
        return cls(variant, headline, subline, button, link)  # type: ignore[arg-type]

    def subline_is_stock(self) -> bool:
        """True while the subline is the variant's stock line (or empty): no words of the creator's there."""
        return self.subline.strip() in ("", _DEFAULTS.get(self.variant, ("", "", ""))[1])

    def is_stock(self) -> bool:
        """True while headline, subline and button are still the variant's stock texts (or empty)."""
        stock = _DEFAULTS.get(self.variant, ("", "", ""))
        mine = (self.headline, self.subline, self.button)
        return all(not text.strip() or text.strip() == default for text, default in zip(mine, stock))


def own_ask(text: str, variant: int | None = None) -> tuple[int, str] | None:
    """(variant, sentence) for the first sentence of ``text`` that asks to follow, repost or save.

    ``variant`` limits the search to that kind of ask. The sentence is returned as
    written (spaces collapsed), never reworded.
    """
    kinds = [variant] if variant else list(_ASKS)
    for part in _SENTENCE_END.split(text):
        sentence = " ".join(part.split())
        if not sentence or len(sentence) > MAX_ASK:
            continue
        for kind in kinds:
            if _ASKS[kind].search(sentence):
                return kind, sentence
    return None


def only_ask(text: str, variant: int | None = None) -> str | None:
    """The sentence when ``text`` is nothing but one ask (of ``variant``'s kind, if given), else None."""
    found = own_ask(text, variant)
    return found[1] if found is not None and found[1] == " ".join(text.split()) else None


def cta_for_thread(thread, variant: int | None = None, link: str = "") -> OutroCTA:
    """The outro for a thread: the stock lines of its last post's kind of ask (else of ``variant``, or #1).

    The ask's own words are never copied into the CTA: they stay on the post's slide, or
    on the outro as its own text when the post is nothing but its ask.
    """
    last = thread.posts[-1].text if thread is not None and thread.posts else ""
    found = own_ask(last, variant)
    return OutroCTA.default(found[0] if found is not None else variant or 1, link)


def has_own_words(slide) -> bool:
    """True for an outro that shows the creator's words (a last post's ask) instead of the CTA's subline."""
    return slide.kind == "outro" and bool(slide.post_ids or slide.body.strip())
