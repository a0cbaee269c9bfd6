"""Line breaking, round 2: a line's reported width is what it draws, and a space never lets a mark start a line."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from render_helpers import NS, carousel_of, parse
from studio import render
from studio.text import SAFETY, line_runs, prepare, widest_piece, wrap

_FULL = "ＡＢＣＷＯＷＮＩＣＥ１２！），：；？（"


def _drawn_right(line, size=20) -> float:
    found = line_runs(line, "Inter", 400, size)
    return max((r.x + r.width for r in found), default=0.0)


@pytest.mark.parametrize("text", ["ＷＯＷ！ ＮＩＣＥ", "ＷＯＷ！\u3000ＮＩＣＥ", "ＷＯＷ） ＮＩＣＥ", "ＡＢ， ＣＤ： ＥＦ； ＧＨ？ ＩＪ"])
def test_a_fullwidth_gap_after_closing_punctuation_is_measured(text):
    # a break was allowed before the space after "！" and the wrap skipped that piece without its width:
    # the line reported 160 and drew 180
    for line in wrap(prepare(text), "Inter", 400, 20, 1000):
        assert line.width == pytest.approx(_drawn_right(line))


@given(st.lists(st.text(_FULL, min_size=1, max_size=5), min_size=1, max_size=6),
       st.sampled_from([" ", "\u3000"]), st.integers(60, 400))
def test_fullwidth_lines_stay_inside_their_width(words, gap, width):
    for line in wrap(prepare(gap.join(words)), "Inter", 400, 20, width):
        drawn = _drawn_right(line)
        assert drawn == pytest.approx(line.width)
        assert drawn <= width or line.start == line.end - 1 or len(line.text.split()) == 1


def test_the_svg_keeps_the_creators_spaces_between_fullwidth_words():
    c = carousel_of(["ＴＥＸＴ ＩＳ ＷＩＤＥ and more words here.", "Second post.", "Third post."])
    texts = "".join("".join(t.itertext()) for svg in render.render_slides(c) for t in parse(svg).iter(NS + "text"))
    assert "\u3000" not in texts
    # the space between them too (it was dropped: "ＴＥＸＴＩＳＷＩＤＥ"), its width given by the next run's x
    lines = [("".join(t.itertext())) for t in parse(render.render_slides(c)[0]).iter(NS + "text")]
    assert "ＴＥＸＴ ＩＳ ＷＩＤＥ" in " ".join(lines), lines  # (a line's own end leaves its space out)


@pytest.mark.parametrize("text", ["สวัสดีครับทุกคน ดี ๆ ครับ", "ຂອບໃຈຫຼາຍ ໆ ສຳລັບທຸກຢ່າງ", "Wait ! Really ?"])
def test_a_mark_that_starts_no_line_does_not_start_one_after_a_space(text):
    narrowest = int(widest_piece(text, "Inter", 400) * 20 / SAFETY) + 1  # narrower, a piece is cut (last resort)
    for width in range(narrowest, 400, 5):
        lines = [line.text for line in wrap(prepare(text), "Inter", 400, 20, width)]
        assert not any(line[:1] in "ๆໆ!?" for line in lines[1:]), (width, lines)


@pytest.mark.parametrize("text", ["Il a dit « oui, bien sûr » hier et encore", "Je pense ( maybe ) que oui",
                                  "He said “ yes ” and then left", "Voir [ ici ] et « là »."])
def test_a_spaced_opening_mark_keeps_its_word_and_a_spaced_closing_one_its_line(text):
    # "Il a dit «" | "oui, …": a line broke after an opening mark and before a closing one at the creator's spaces
    # (Unicode's line rules 14, 15a and 15b hold across spaces)
    narrowest = int(widest_piece(text, "Inter", 400) * 20 / SAFETY) + 1
    for width in range(narrowest, 400, 5):
        lines = [line.text.strip() for line in wrap(prepare(text), "Inter", 400, 20, width)]
        assert " ".join(lines).split() == text.split()
        assert not any(line[-1] in "«“([" for line in lines), (width, lines)
        assert not any(line[0] in "»”)]" for line in lines[1:]), (width, lines)
