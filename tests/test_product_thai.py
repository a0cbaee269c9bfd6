"""Thai, Lao, Khmer and Burmese write words without spaces (session 18). A line breaks between words, never
inside one: where ICU's dictionary ends a word, and where such a word meets a word in another script's letters
("บน" | "Instagram" | "และ"). Before, a sentence that mixed the two was one unbreakable piece, and the slide's
type could not grow past it: the Thai post was drawn much smaller than its neighbours."""
from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from property_examples import examples
from render_helpers import body_text, carousel_of, parse, runs
from studio import render
from studio.text import prepare, widest_piece, wrap
from test_unseen_scripts import line_texts, word_ends

THAI = ["เรา", "เริ่ม", "จาก", "การ", "ขาย", "เสื้อผ้า", "บน", "และ", "โดย", "เงิน", "ทุน", "ลูกค้า", "ทุก", "สัปดาห์"]
LATIN = ["Instagram", "Facebook", "TikTok", "Shopee", "iPhone", "AI"]
FIXTURE = Path(__file__).parent / "fixtures" / "unseen-s17" / "04-thai.txt"
THAI_POST = FIXTURE.read_text("utf-8").split("\n\n")[1].strip()  # "...สองบนInstagramและFacebookโดย..."
LATIN_POST = "We started by selling second-hand clothes on Instagram and Facebook, with no money at all."


def _body_size(svgs: list[str]) -> float:
    """The font size of the body text drawn on the slide's pages."""
    return max(r.size for svg in svgs for r in runs(svg) if r.role == "body")


def test_a_thai_sentence_with_english_names_glued_in_breaks_at_the_names():
    # the old code gave one piece "บนInstagramและFacebookโดย", wider than 'Instagram' and 'Facebook' together
    assert widest_piece(THAI_POST, "Inter", 400) <= widest_piece("Instagram", "Inter", 400) + 1e-9
    words = ["เรา", "เริ่ม", "จาก", "การ", "ขาย", "เสื้อผ้า", "มือ", "สอง", "บน", "Instagram", "และ", "Facebook", "โดย",
             "ไม่มี", "เงิน", "ทุน", "เลย", "สัก", "บาท"]
    assert "".join(words) == THAI_POST
    for width in (130, 200, 300):
        lines = line_texts(THAI_POST, width)
        assert "".join(lines) == THAI_POST
        pos = 0
        for line in lines[:-1]:
            pos += len(line)
            assert pos in word_ends(words), (width, lines)


def test_the_thai_post_is_drawn_as_large_as_an_english_post_of_its_length():
    for layout in ("headline-body", "post-card"):
        c = carousel_of(["Hook.", THAI_POST, LATIN_POST], layout=layout, format="linkedin-portrait")
        counts = render.pages_per_slide(c)
        svgs = render.render_slides(c)
        thai = svgs[counts[0]:counts[0] + counts[1]]
        latin = svgs[counts[0] + counts[1]:counts[0] + counts[1] + counts[2]]
        assert _body_size(thai) >= 0.9 * _body_size(latin), (layout, _body_size(thai), _body_size(latin))


def _mixed(words: list[str]) -> str:
    return "".join(words)


# a Thai word, then maybe an English one glued on (two English words glued are one English word)
WORDS = st.lists(st.tuples(st.sampled_from(THAI), st.sampled_from(LATIN + [""] * 4)), min_size=1, max_size=16).map(
    lambda pairs: [w for pair in pairs for w in pair if w])


@settings(max_examples=examples(60), deadline=None)
@given(WORDS, st.integers(60, 600))
@example(["บน", "Instagram", "และ", "Facebook", "โดย"], 200)
def test_property_lines_break_only_between_words_and_keep_every_character(words, width):
    text = _mixed(words)
    lines = line_texts(text, width)
    assert "".join(lines) == text
    widest = max(wrap(prepare(w), "Inter", 400, 18, 100_000)[0].width for w in words)
    if widest > width * 0.95:
        return  # a word wider than the line is cut (at a syllable or the edge): checked by the render property
    pos, ends = 0, word_ends(words)
    for line in lines[:-1]:
        pos += len(line)
        assert pos in ends, (lines, pos)


PIECES = st.sampled_from(THAI + LATIN + [
    " ", " ", "ສະບາຍດີ", "ພາສາລາວ", "ខ្ញុំ", "ស្រឡាញ់", "ភាសាខ្មែរ", "မြန်မာ", "နိုင်ငံ", "ဘာသာ", "2567", "ปี", "99%",
    "🎉", "👩🏾\u200d💻", "@somchai", "#ภาษาไทย", "https://example.com/ไทย", "\n", "ๆ", "ฯ", "(", ")", ".",
    "ประเทศไทยเป็นประเทศที่มีประชากรมากกว่าหกสิบล้านคนและเศรษฐกิจใหญ่เป็นอันดับสองของภูมิภาค" * 2,
])


def _in_order(s: str) -> str:
    """Letters, digits and marks as drawn, in order (no spaces: LTR text, no reordering)."""
    return "".join(ch for ch in unicodedata.normalize("NFC", s) if unicodedata.category(ch)[0] in "LNM")


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=30).map("".join),
       st.sampled_from(["headline-body", "post-card", "big-statement", "split"]),
       st.sampled_from(["linkedin-portrait", "instagram-square"]))
@example(THAI_POST, "headline-body", "instagram-square")
def test_property_every_letter_of_text_without_spaces_is_drawn_in_order_inside_the_page(text, layout, fmt):
    c = carousel_of(["Hook.", text], layout=layout, format=fmt)
    safe = render.make_context(c).safe
    svgs = render.render_slides(c)
    for svg in svgs:
        parse(svg)
        for r in runs(svg):
            assert safe.x - 0.5 <= r.x and r.x + r.width <= safe.right + 0.5, (r.text, r.x, r.width)
            assert safe.y - 0.5 <= r.y - r.size * 0.8 and r.y + r.size * 0.25 <= safe.bottom + 0.5, r.text
    counts = render.pages_per_slide(c)
    slide = c.slides[1]
    expected = " ".join(p.text for p in prepare(slide.title + "\n" + slide.body))  # links show X's short text
    assert _in_order(body_text(svgs[counts[0]:counts[0] + counts[1]])) == _in_order(expected)


def test_an_address_or_handle_glued_to_thai_or_japanese_words_is_only_the_address():
    # "ดูเพิ่มที่example.com" was one link, its Thai words coloured and in its target ("https://ดูเพิ่มที่example.com")
    from studio.text import accent_spans
    cases = {"ดูเพิ่มที่example.com ครับ": ["example.com"], "詳しくはexample.comへ": ["example.com"],
             "ติดต่อjane@site.com ได้เลย": ["jane@site.com"], "ขอบคุณ@somchaiที่ช่วย": ["@somchai"],
             "go to münchen.de now": ["münchen.de"]}
    for text, accents in cases.items():
        assert [span for span, accent in accent_spans(text) if accent] == accents, text
    para = prepare("ดูเพิ่มที่example.com ครับ")[0]
    assert {c.link for c in para.clusters if c.link} == {"https://example.com"}


def test_a_lao_or_khmer_title_without_spaces_is_not_shrunk_as_one_long_word():
    # its letters counted as one 'word' the title had to fit on a line: 44 -> 19.1 px at this width
    from studio.layouts.base import TextStyle
    from studio.layouts.templates import _fitted_title
    style = TextStyle("Inter", 700, 44, 1.2, "#000000", "#ff0000")
    for title in ("ພວກເຮົາເລີ່ມຕົ້ນທຸລະກິດອອນລາຍຢູ່ວຽງຈັນໂດຍບໍ່ມີທຶນເລີຍ", "យើងបានចាប់ផ្តើមអាជីវកម្មតាមអ៊ីនធឺណិតនៅភ្នំពេញដោយគ្មានដើមទុន"):
        assert _fitted_title(style, title, 450, 4, 0.62).style.size >= 44 * 0.62, title
