"""What the session-18 review found in the product work, each drawn wrong before (tests fail on the old code)."""
from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from property_examples import examples
from render_helpers import carousel_of, runs
from studio import render
from studio.text import _dictionary_ends, measure, prepare, wrap


def _markers(body: str) -> list[str]:
    c = carousel_of(["Hook.", body], layout="list", format="linkedin-portrait")
    counts = render.pages_per_slide(c)
    return [r.text for svg in render.render_slides(c)[counts[0]:counts[0] + counts[1]] for r in runs(svg)
            if r.role == "marker"]


def test_a_countdown_list_draws_the_creators_own_numbers():
    # "5. … 1." was counted up from its first number: 05 06 07 08 09 ("1. Rest" read "09", never written)
    assert _markers("Top 5:\n5. Ship\n4. Write docs\n3. Delete code\n2. Test\n1. Rest") == ["05", "04", "03", "02", "01"]


def test_a_list_with_gaps_keeps_its_gaps():
    # "1. 3. 7." was renumbered 01 02 03
    assert _markers("Rules:\n1. Ship\n3. Write docs\n7. Delete code") == ["01", "03", "07"]


def test_item_100_of_a_top_100_list_is_a_row_of_its_own():
    # "100." was no list line: it was glued onto item 99
    assert _markers("The end of the top 100:\n98. Ship\n99. Test\n100. Delete code") == ["98", "99", "100"]


def test_rows_the_creator_bulleted_get_no_added_numbers():
    # session 20: the creator's "-" bullets stay bullets (drawn as dots), as their emoji bullets do
    assert _markers("Tools:\n- Figma\n- Notion\n- Linear") == []


def test_a_burmese_word_ending_in_a_vowel_sign_breaks_where_latin_starts():
    # "ာ" (U+102C) and "း" (U+1038) are clusters of their own and not isalpha(): "မြန်မာiPhone" was one piece,
    # cut inside the Latin word on a narrow line ("မြန်မာi" | "Phone") and keeping its slide's type small
    from studio.text import widest_piece
    for burmese, latin in (("မြန်မာ", "iPhone"), ("ကျေးဇူး", "Facebook")):
        text = burmese + latin
        assert widest_piece(text, "Inter", 400) <= max(widest_piece(burmese, "Inter", 400),
                                                       widest_piece(latin, "Inter", 400)) + 1e-9, text
    assert [line.text for line in wrap(prepare("မြန်မာiPhone"), "Inter", 400, 18, 86)] == ["မြန်မာ", "iPhone"]


TOKENS = ["เรา", "เริ่ม", "จาก", "การ", "ขาย", "เสื้อผ้า", "และ", "Instagram", "iPhone", "AI", "2567", "15%", "#ไทย",
          "#AI", "@somchai", "👍", "👩‍💻", "🇹🇭", "שלום", "ສະບາຍດີ", "ລາວ", "កម្ពុជា", "မြန်မာ", "ကျေးဇူး", "Việt", "ปี2567",
          "example.com", "ครับ", "(", ")", "“", "”", ".", ",", "ๆ"]
_NO_SPACES = regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(["", "", " "])), min_size=2, max_size=14),
       st.integers(80, 400))
@example([("မြန်မာ", ""), ("iPhone", "")], 86)
def test_a_line_breaks_only_between_the_words_a_post_is_made_of(parts, width):
    """Tokens glued (no space) only where one side writes no spaces; a line ends between tokens, at a dictionary
    word end inside Thai/Lao/Khmer/Burmese, or inside a token only when that piece fills the line."""
    parts = [(t, s if s == " " or i + 1 == len(parts) or _NO_SPACES.search(t) or _NO_SPACES.search(parts[i + 1][0])
              else " ") for i, (t, s) in enumerate(parts)]
    text = "".join(t + s for t, s in parts).strip()
    if max(measure(t, "Inter", 400, 18) for t, _ in parts) > width * 0.9:
        return
    ends, pos = {0}, 0
    for t, s in parts:
        pos += len(t)
        ends.add(pos)
        pos += len(s)
        ends.add(pos)
    ends |= {e for e in _dictionary_ends(text) if e is not None and 0 < e < len(text)
             and _NO_SPACES.match(text[e - 1]) and _NO_SPACES.match(text[e])}
    lines = wrap(prepare(text), "Inter", 400, 18, width)
    for line in lines:
        clusters = line.para.clusters
        start = sum(len(c.text) for c in clusters[:line.start])
        end = sum(len(c.text) for c in clusters[:line.end])
        if end not in ends:
            assert measure(text[start:end], "Inter", 400, 18) >= 0.6 * width, (text, [x.text for x in lines])


def test_a_www_or_https_address_glued_to_thai_ends_where_the_thai_starts():
    # it ran to the next space: target "https://www.example.comนะ", the particle "นะ" drawn in the link's colour
    for text, target, plain in (("ดูที่www.example.comนะ", "https://www.example.com", "นะ"),
                                ("ไปที่https://example.comครับ", "https://example.com", "ครับ")):
        clusters = prepare(text)[0].clusters
        assert {c.link for c in clusters if c.link} == {target}, text
        assert "".join(c.text for c in clusters if c.accent).endswith(target.removeprefix("https://www.")
                                                                      .removeprefix("https://")), text
        assert "".join(c.text for c in clusters if not c.accent).endswith(plain), text  # in the text's colour


@pytest.mark.parametrize("layout", ["headline-body", "big-statement", "list"])
@pytest.mark.parametrize("post", ["3. Ship every day", "3. הצמיחה שלנו הייתה 120% בשנה האחרונה"])
def test_a_one_line_numbered_post_does_not_take_its_number_alone_as_the_headline(post, layout):
    # the number's full stop ended a "sentence": "3." was the headline (drawn huge on the big statement, above the
    # words); the list layout listed "3." and the words as two points
    c = carousel_of(["Hook.", post], layout=layout, format="linkedin-portrait")
    counts = render.pages_per_slide(c)
    drawn = [r for svg in render.render_slides(c)[counts[0]:counts[0] + counts[1]] for r in runs(svg)]
    assert not [r for r in drawn if r.text.strip(".") == "3" and r.role not in ("number", "marker")], drawn
    assert [r.text.zfill(2) for r in drawn if r.role in ("number", "marker")] == ["03"]
    words = post.split(" ", 1)[1]  # all drawn as the words (Hebrew runs are in visual order: compare characters)
    assert sorted("".join(r.text for r in drawn if r.role in ("title", "body")).replace(" ", "")) \
        == sorted(words.replace(" ", ""))


def test_a_numbered_posts_first_sentence_keeps_its_number():
    from studio.reading import headline_and_body, sentences
    assert headline_and_body("3. Ship every day. Then rest.") == ("3. Ship every day.", "Then rest.")
    assert sentences("3. Ship every day. Then rest.") == ["3. Ship every day.", "Then rest."]


@pytest.mark.parametrize("width", [60, 86, 100, 120])
def test_a_too_wide_burmese_word_is_not_cut_inside_a_syllable(width):
    # cut at the line's edge: "ကျေးဇူးတ" | "င်ပါတယ်" put the asat-killed "င်" (the end of the syllable "တင်") at a
    # line's start; a lone vowel sign ("ာ", "း") must never start one either
    for text in ("ကျေးဇူးတင်ပါတယ်", "မြန်မာနိုင်ငံသားများအားလုံး"):
        lines = wrap(prepare(text), "Inter", 400, 18, width)
        assert "".join(line.text for line in lines) == text
        for line in lines[1:]:
            first = line.para.clusters[line.start].text
            assert not unicodedata.category(first[0]).startswith("M") and "\u103a" not in first, \
                [x.text for x in lines]


def test_a_thai_at_word_is_no_mention():
    # X's handles are ASCII letters, digits and "_": "@สมชาย" links nowhere on X, so it is drawn as text; a Latin
    # handle glued to Thai is one, up to where the Thai starts
    assert not any(c.accent for c in prepare("ขอบคุณ @สมชาย ครับ")[0].clusters)
    clusters = prepare("ขอบคุณ@somchaiที่")[0].clusters
    assert "".join(c.text for c in clusters if c.accent) == "@somchai"
