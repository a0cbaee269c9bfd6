"""A run of flag emoji is split into clusters in time linear in its length, and exactly as Unicode splits it.

The regex module's ``\\X`` counts back over a whole run of regional indicators at each one: 8,000 flags pasted into
a slide took seconds per pass, several passes per layout, and froze the studio for everyone."""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from studio import graphemes
from studio import text as T

_RI = [chr(c) for c in range(0x1F1E6, 0x1F200)]
_PIECES = st.one_of(
    st.sampled_from(_RI),  # lone indicators, paired or not by what comes next
    st.sampled_from(["🇫🇷", "🇩🇪", "🇯🇵", "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F",  # flags, tags
                     "👨\u200d👩\u200d👧", "\u200d", "👍🏽", "🏽", "\ufe0f", "#\ufe0f\u20e3", "1\u20e3",  # ZWJ, tones, keycaps
                     "e\u0301", "\u0301", "\u0323\u0302", "\u1100", "\u1161", "\u11a8", "한", "\uac00",  # marks, Hangul
                     "\u0600", "\u0915\u094d\u0937", "\u094d", "a", " ", "\n", "\r", "\r\n", "x", "😀", "\U000E0020"]),
    st.tuples(st.sampled_from(_RI), st.integers(1, 40)).map(lambda t: t[0] * t[1]),  # a run of one indicator
    st.integers(1, 30).map(lambda n: "🇫🇷" * n),
)


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_split_equals_unicode_split(text):
    assert T.clusters_of(text) == regex.findall(r"\X", text)


@settings(max_examples=100)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_graphemes_of_a_slide_are_unicode_s(text):
    """``graphemes`` splits a lone skin tone off what it follows, and a cluster of indicators into its flag or
    letters and tones, and is otherwise ``\\X``."""
    want = []
    for g in regex.findall(r"\X", text):
        if len(g) > 1 and regex.search("[\U0001F3FB-\U0001F3FF]", g) and not T.emoji.is_emoji(g):
            want.extend(p for p in regex.split("([\U0001F3FB-\U0001F3FF])", g) if p)
        elif len(g) > 1 and regex.match("[\U0001F1E6-\U0001F1FF]", g):
            want.extend(_regional_pieces(g))
        else:
            want.append(g)
    assert T.graphemes(text) == want


def _regional_pieces(g: str) -> list[str]:
    """A cluster of regional indicators splits into what Twemoji draws: each piece is one flag or one letter or one
    skin tone, with the invisible characters after it, and nothing typed is lost ("🇫🇫\ufe0f", "🇫🇫🏽", "🇫🇷🏽")."""
    pieces = T.graphemes(g)
    assert "".join(pieces) == g
    for piece in pieces:
        seen = regex.findall("[\U0001F1E6-\U0001F1FF\U0001F3FB-\U0001F3FF]", piece)
        flag = len(seen) == 2 and piece.startswith("".join(seen)) and T.emoji.emoji_file(piece[:2]) not in (
            None, T.emoji.emoji_file(piece[0]))
        assert len(seen) <= 1 or flag, (g, pieces)
        if seen and not regex.match("[\U0001F1E6-\U0001F1FF]", piece):
            assert regex.fullmatch("[\U0001F3FB-\U0001F3FF][^\U0001F1E6-\U0001F1FF\U0001F3FB-\U0001F3FF]*", piece)
    if len(pieces) > 1 or not regex.fullmatch("[\U0001F1E6-\U0001F1FF]{2}[\\p{Cf}\ufe00-\ufe0f]*", g):
        return pieces
    assert T.emoji.emoji_file(g[:2]) != T.emoji.emoji_file(g[0]), g  # a pair kept whole is a flag
    return pieces


class _CountingRegex:
    """The ``regex`` module, counting the work of each ``\\X`` split: its length times one plus its longest run of
    regional indicators (the module's split counts back over such a run at each indicator)."""

    def __init__(self):
        self.work = 0

    def __getattr__(self, name):
        return getattr(regex, name)

    def _count(self, pattern, string):
        if pattern == r"\X":
            runs = regex.findall("[\U0001F1E6-\U0001F1FF]+", string)
            self.work += len(string) * (1 + max(map(len, runs), default=0))

    def findall(self, pattern, string, *args, **kwargs):
        self._count(pattern, string)
        return regex.findall(pattern, string, *args, **kwargs)

    def finditer(self, pattern, string, *args, **kwargs):
        self._count(pattern, string)
        return regex.finditer(pattern, string, *args, **kwargs)


def _layout_work(monkeypatch, text: str) -> int:
    counting = _CountingRegex()
    monkeypatch.setattr(T, "regex", counting)
    monkeypatch.setattr(graphemes, "regex", counting)
    try:
        paras = T.prepare(text)
        T.uncovered(text)
        T.wrap(paras, "Inter", 400, 40, 900)
    finally:
        monkeypatch.undo()
    return counting.work


def test_a_run_of_flags_is_laid_out_in_linear_work(monkeypatch):
    for shape in ("🇫🇷", "🇫🇷🇩🇪", "🇫"):
        small = _layout_work(monkeypatch, "Flags: " + shape * 400 + " done")
        big = _layout_work(monkeypatch, "Flags: " + shape * 800 + " done")
        assert small > 0
        assert big <= 2.2 * small, (shape, small, big)


def test_flags_are_drawn_as_flags():
    text = "We visited " + "🇫🇷🇩🇪🇯🇵" * 50 + " and more"
    clusters = [c for p in T.prepare(text) for c in p.clusters]
    flags = [c for c in clusters if regex.fullmatch("[\U0001F1E6-\U0001F1FF]{2}", c.text)]
    assert [c.text for c in flags] == ["🇫🇷", "🇩🇪", "🇯🇵"] * 50
    assert all(c.emoji for c in flags)
    assert "".join(c.text for c in clusters) == text


def test_indicators_that_make_no_flag_are_each_drawn():
    """"🇫🇫🇷🇩" pairs as FF and RD, no flags: each of the four letters is drawn (the pair drew its first only)."""
    clusters = [c for p in T.prepare("Letters 🇫🇫🇷🇩 end") for c in p.clusters if c.emoji]
    assert [c.text for c in clusters] == ["🇫", "🇫", "🇷", "🇩"]
    assert all(c.emoji for c in clusters)
    from render_helpers import carousel_of, parse
    from studio.render import render_slide
    svg = parse(render_slide(carousel_of(["Intro post here.", "Letters 🇫🇫🇷🇩 end"]), 1))
    assert sum(1 for n in svg.iter() if n.tag.endswith("image")) == 4
