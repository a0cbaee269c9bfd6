"""Thai and Khmer write words without spaces: a slide breaks their lines between words, as a browser does,
never inside one ("ประชาก" / "ร"), and every character still arrives. Tamil, Telugu, Khmer, Bengali, Lao and
Burmese are drawn by bundled faces, not shown as missing marks (Lao and Burmese break between words too)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio import fonts
from studio.text import STYLE_MISSING, font_for, prepare, widest_piece, wrap

THAI_WORDS = ["ภาษา", "ไทย", "เป็น", "ภาษา", "ราชการ", "ที่", "ใช้", "กัน", "ทั่ว", "ประเทศ", "โดย", "ไม่มี", "การ",
              "เว้น", "วรรค", "ระหว่าง", "คำ"]


def line_texts(text: str, width: float, family: str = "Inter") -> list[str]:
    return [line.text for line in wrap(prepare(text), family, 400, 18, width)]


def word_ends(words: list[str]) -> set[int]:
    ends, pos = set(), 0
    for w in words:
        pos += len(w)
        ends.add(pos)
    return ends


@given(st.integers(90, 600), st.integers(1, len(THAI_WORDS)))
def test_property_lines_break_between_words_and_keep_every_character(width, count):
    words = THAI_WORDS[:count]
    text = "".join(words)
    lines = line_texts(text, width)
    assert "".join(lines) == text
    widest_word = max(wrap(prepare(w), "Inter", 400, 18, 10_000)[0].width for w in words)
    if widest_word <= width * 0.95:  # every word fits a line: no line may end inside one
        pos, ends = 0, word_ends(words)
        for line in lines[:-1]:
            pos += len(line)
            assert pos in ends, (lines, pos)


def test_a_thai_sentence_among_latin_words_and_emoji():
    text = "Lesson 1 🚀 " + "".join(THAI_WORDS) + " (yes, really)"
    lines = line_texts(text, 200)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    thai_lines = [line for line in lines if any("\u0e00" <= ch <= "\u0e7f" for ch in line)]
    assert len(thai_lines) > 2
    joined = "".join(THAI_WORDS)
    ends = word_ends(THAI_WORDS)
    for line in thai_lines[:-1]:
        thai = "".join(ch for ch in line if "\u0e00" <= ch <= "\u0e7f")
        assert joined.index(thai) + len(thai) in ends, line


def test_a_link_glued_to_thai_letters_ends_where_they_start_and_every_word_is_drawn():
    lines = line_texts("อ่านต่อที่ https://example.com/ภาษาไทยเป็นภาษาราชการ ครับ", 260)
    assert any("example.com" in line for line in lines)
    assert "ภาษาไทยเป็นภาษาราชการครับ" in "".join(lines).replace(" ", "")


KHMER_WORDS = ["ខ្ញុំ", "ស្រឡាញ់", "ភាសាខ្មែរ"]


@pytest.mark.parametrize("text", ["தமிழ் ஒரு பழமையான மொழி.", "తెలుగు భాష చాలా అందమైనది.", "".join(KHMER_WORDS)])
def test_tamil_telugu_and_khmer_are_drawn_not_marked_missing(text):
    clusters = [c for p in prepare(text) for c in p.clusters]
    assert not any(c.style == STYLE_MISSING for c in clusters)
    assert "".join(c.text for c in clusters) == text


def test_khmer_lines_break_between_words():
    text = "".join(KHMER_WORDS)
    for width in (120, 160, 200):
        lines = line_texts(text, width)
        assert "".join(lines) == text
        pos = 0
        for line in lines[:-1]:
            pos += len(line)
            assert pos in word_ends(KHMER_WORDS), lines


# ---------------------------------------------------------------- Japanese line rules (kinsoku)

_JA_WORDS = ["今日", "天気", "コーヒー", "ちょっと", "ニュース", "読んで", "行きましょう", "言った", "重要", "東京", "ジャック"]
_JA_PIECE = st.tuples(st.sampled_from(_JA_WORDS), st.sampled_from(["", "「{}」", "【{}】", "（{}）", "『{}』"]),
                      st.sampled_from(["", "。", "、", "！", "？", "ー"])).map(lambda t: (t[1] or "{}").format(t[0]) + t[2])
NO_START = "」』）】。、！？ーぁぃぅぇぉっゃゅょァィゥェォッャュョ"
NO_END = "「『（【"


@given(st.lists(_JA_PIECE, min_size=3, max_size=20).map("".join), st.integers(120, 500))
def test_property_japanese_lines_keep_the_line_rules_and_every_character(text, width):
    lines = line_texts(text, width)
    assert "".join(lines) == text
    if widest_piece(text, "Inter", 400) * 18 > width * 0.95:
        return  # a run the rules bind together is wider than the line: it must break somewhere inside
    assert not any(line[0] in NO_START for line in lines[1:]), lines
    assert not any(line[-1] in NO_END for line in lines), lines


@pytest.mark.parametrize("text, face", [("ສະບາຍດີ ພາສາລາວ", "Noto Sans Lao"),
                                        ("မင်္ဂလာပါ မြန်မာဘာသာ", "Noto Sans Myanmar"),
                                        ("আমি বাংলায় গান গাই।", "Noto Sans Bengali")])
def test_lao_burmese_and_bengali_are_drawn_by_their_faces(text, face):
    clusters = [c for p in prepare(text) for c in p.clusters]
    assert not any(c.style == STYLE_MISSING for c in clusters)
    assert "".join(c.text for c in clusters) == text
    assert {font_for(c.text, "Inter") for c in clusters if not c.is_space and c.text != "।"} == {face}
    assert face in fonts.FALLBACKS


def test_burmese_lines_break_between_words():
    words = ["မြန်မာ", "နိုင်ငံ", "၏", "ရုံးသုံး", "ဘာသာ", "စကား", "ဖြစ်", "သည်"]
    text = "".join(words)
    lines = line_texts(text, 120)
    assert "".join(lines) == text and len(lines) > 1
    pos, ends = 0, word_ends(words)
    for line in lines[:-1]:
        pos += len(line)
        assert pos in ends, lines
