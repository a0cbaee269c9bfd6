"""Inputs nobody had tried (session 17): mixed scripts in one post, math-styled letters, emoji sequences, long
URLs and hashtags, one 300-character word, thread numbers, quotes and bullets of every kind. Each slide's text
stays inside the safe area and keeps every character of the creator's words, in order where it reads one way."""
from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from property_examples import examples
from render_helpers import NS, body_text, carousel_of, parse, runs
from studio import render
from studio.text import prepare, wrap

LTR_PIECES = [
    "मैंने", "Python", "सीखा", "—", "हर", "दिन", "1", "घंटा।", "東京での", "スタートアップ", "（全5回）。",
    "PMF（Product-Market", "Fit）を見つける前に", "我们在上海也有团队，用WeChat和Slack沟通。", "한국", "팀도", "있어요",
    "วันนี้อยากเล่าเรื่องการเริ่มต้นธุรกิจออนไลน์ที่กรุงเทพฯ", "บนInstagramและFacebook",
    "𝐇𝐨𝐰", "𝐈", "𝐠𝐫𝐞𝐰", "𝘪𝘵𝘢𝘭𝘪𝘤", "𝗼𝗻𝗲", "𝙝𝙖𝙗𝙞𝙩", "𝔉𝔞𝔫𝔠𝔶", "𝒔𝒄𝒓𝒊𝒑𝒕", "𝟏𝟎,𝟎𝟎𝟎",
    "👩\u200d💻", "👨\u200d👩\u200d👧\u200d👦", "🏳️\u200d🌈", "🇯🇵", "🇧🇷", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    "1️⃣", "#️⃣", "🧑🏽\u200d🚀", "❤️\u200d🔥",
    "#SoftwareEngineeringBestPracticesForDistributedSystems", "#BuildInPublic",
    "Supercalifragilisticexpialidocious" * 9, "\"straight\"", "“curly”", "‘single’", "«guillemets»", "→", "•",
]
RTL_PIECES = ["המדריך", "שלי", "ל-React", "Native", "בשנת", "2025", "useEffect", "רק", "כשצריך", "قائمة", "الأسبوع:",
              "iPhone", "15", "Pro", "اكتب", "كل", "يوم", "🚀"]
LAYOUTS = ["headline-body", "post-card", "big-statement", "split", "image-focus", "list"]
FORMATS = ["instagram-square", "linkedin-portrait"]


_KEYCAPS = regex.compile(r"[0-9#*]\ufe0f?\u20e3")


def _letters(s: str, kinds: str = "LNS") -> str:
    """What must be drawn: NFKC (math letters fold to plain ones), letters, digits and symbols only."""
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s if unicodedata.category(ch)[0] in kinds)


def slide_texts(text: str, layout: str, fmt: str) -> tuple[list[str], render.Box, str]:
    """The content slide's pages (SVG), the safe area, and the words the slide holds (title and body)."""
    c = carousel_of(["A cover first.", text, "The end."], layout=layout, format=fmt)
    svgs = render.render_slides(c)
    counts = render.pages_per_slide(c)
    slide = c.slides[1]
    expected = " ".join(p.text for p in prepare(slide.title + "\n" + slide.body))  # links show X's short text
    return svgs[counts[0]:counts[0] + counts[1]], render.make_context(c).safe, expected


def assert_inside(svgs: list[str], safe) -> None:
    for svg in svgs:
        parse(svg)
        for r in runs(svg):
            assert safe.x - 0.5 <= r.x and r.x + r.width <= safe.right + 0.5, (r.text, r.x, r.width)


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LTR_PIECES), min_size=1, max_size=30).map(" ".join),
       st.sampled_from(LAYOUTS[:-1]), st.sampled_from(FORMATS))
def test_property_mixed_scripts_keep_every_word_in_order_inside_the_page(text, layout, fmt):
    """Left-to-right scripts mixed in one post: every letter drawn, in the order typed, no run outside."""
    pages, safe, expected = slide_texts(text, layout, fmt)
    assert_inside(pages, safe)
    drawn = body_text(pages)
    # the words in order (a line's emoji are drawn after its text: left out here, a keycap's digit with them)
    assert _letters(_KEYCAPS.sub("", drawn), "LN") == _letters(_KEYCAPS.sub("", expected), "LN")
    assert sorted(_letters(drawn)) == sorted(_letters(expected))  # and every symbol and emoji


@settings(max_examples=examples(20), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(RTL_PIECES + LTR_PIECES[:12]), min_size=1, max_size=25).map(" ".join),
       st.sampled_from(LAYOUTS), st.sampled_from(FORMATS))
def test_property_right_to_left_mixes_keep_every_character_inside_the_page(text, layout, fmt):
    """Hebrew or Arabic with English and others: every character drawn (bidi reorders: compared as a multiset)."""
    pages, safe, expected = slide_texts(text, layout, fmt)
    assert_inside(pages, safe)
    if layout != "list":  # the List layout draws "-", "1." as markers of its own
        assert sorted(_letters(body_text(pages))) == sorted(_letters(expected))


@pytest.mark.parametrize("width", [90, 120, 150, 200])
def test_a_latin_word_among_cjk_breaks_at_its_full_width_marks_not_inside_it(width):
    """"だこと：PMF（Product-Market Fit）を見": lines may end after "：", before "（", after "-"; "Product" stays whole
    (it was cut "Produc" | "t-Market" in a narrow column: the marks and the word were one piece)."""
    text = "失敗から学んだこと：PMF（Product-Market Fit）を見つける前に"
    lines = [line.text for line in wrap(prepare(text), "Inter", 700, 16, width)]
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert not any(line.endswith(("Produc", "Prod", "Pro", "P", "Mark")) for line in lines), lines


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_post_of_one_300_character_word_stays_inside_and_whole(layout, fmt):
    word = ("Supercalifragilisticexpialidocious" * 9)[:300]
    pages, safe, expected = slide_texts(word + "\n\nThat was one word.", layout, fmt)
    assert_inside(pages, safe)
    assert word in _letters(body_text(pages))
    assert not [n for svg in pages for n in parse(svg).iter(NS + "rect") if n.get("class") == "missing-glyph"]


@pytest.mark.parametrize("text, points", [
    ('He said: "the best time was yesterday; the next best is today." — and he was right. Then he left.',
     ['He said: "the best time was yesterday; the next best is today." — and he was right.', "Then he left."]),
    ('She wrote "stop." and left. "Why?" he asked.', ['She wrote "stop." and left.', '"Why?" he asked.']),
    ("It works. iPhone 15 is out.", ["It works.", "iPhone 15 is out."]),
])
def test_the_list_layout_keeps_a_sentence_that_goes_on_after_a_quote_as_one_point(text, points):
    """A post without list lines is listed sentence by sentence; what goes on after a closing quote (a dash, a
    small letter) is the same sentence, not a point of its own."""
    from studio.layouts.templates import list_of
    assert list_of(text)[:2] == ("", points)


@pytest.mark.parametrize("width", [110, 130, 160, 200])
def test_a_thai_post_with_latin_names_is_cut_between_scripts_never_inside_a_thai_word(width):
    """"บนInstagramและFacebookโดย" has no place a line may end (no spaces; Latin beside Thai): when it must be cut,
    it is cut where the script changes, never inside "และ" ("แ" | "ละ" before)."""
    text = "เราเริ่มจากการขายเสื้อผ้ามือสองบนInstagramและFacebookโดยไม่มีเงินทุนเลยสักบาท"
    lines = [line.text for line in wrap(prepare(text), "Fraunces", 700, 18, width)]
    assert "".join(lines) == text
    assert not any(line.endswith("แ") or line.startswith("ละ") for line in lines), lines


def test_a_long_hashtag_is_cut_where_a_capital_starts_a_word():
    lines = [line.text for line in wrap(prepare("#SoftwareEngineeringBestPracticesForDistributedSystems"),
                                        "Inter", 400, 18, 180)]
    assert len(lines) >= 2 and "".join(lines) == "#SoftwareEngineeringBestPracticesForDistributedSystems"
    assert all(line[0].isupper() for line in lines[1:]), lines


WORDS = st.sampled_from(["เราเริ่มจาก", "Instagram", "และ", "Facebook", "#BuildInPublic", "x" * 60, "AaBbCcDdEeFf" * 4,
                         "東京での", "（Product-Market", "Fit）", "snake_case_name", "मैंने", "🇯🇵", "👩\u200d💻"])


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12).map("".join), st.integers(40, 400), st.sampled_from([12, 18, 30]))
def test_property_a_word_too_wide_for_the_line_is_cut_into_lines_that_fit_and_keep_every_character(text, width, size):
    from studio.text import SAFETY
    lines = wrap(prepare(text), "Inter", 400, size, width)
    assert "".join(line.text for line in lines) == text
    for line in lines:
        if len(line.clusters) > 1:  # one cluster wider than the line has nowhere to be cut
            assert line.width <= width * SAFETY + 0.01, (line.text, line.width)


@pytest.mark.parametrize("text, tag", [
    ("الدرس: شارك رأيك 👇 #BuildInPublic", "#BuildInPublic"),
    ("تابعوا @layla_writes كل يوم", "@layla_writes"),
    ("سعر $AAPL اليوم مرتفع", "$AAPL"),
])
@pytest.mark.parametrize("layout", ["headline-body", "post-card"])
def test_a_hashtag_or_mention_in_right_to_left_text_keeps_its_sign_before_its_word(text, tag, layout):
    """"#", "@" and "$" are neutral signs: in an Arabic line they went to the far side of an English tag
    ("BuildInPublic#"). A sign that opens a word now reads with it."""
    pages, _, _ = slide_texts(text + "\n\nوهذا سطر آخر بالعربية.", layout, "instagram-square")
    line = "".join(r.text for svg in pages for r in runs(svg) if r.role == "body" or r.role == "title")
    assert tag in line and tag[1:] + tag[0] not in line, line


def test_an_address_keeps_its_at_sign_where_it_is():
    from studio.text import _visual_order
    line = wrap(prepare("راسلني me@site.com الآن"), "Inter", 400, 18, 900)[0]
    assert "me@site.com" in "".join(t for _, t in _visual_order(line))


@pytest.mark.parametrize("number", ["10：30", "1，000", "3：2"])
@pytest.mark.parametrize("lead", range(0, 30))
def test_a_number_with_a_full_width_mark_inside_is_never_cut_across_lines(number, lead):
    """A line may end after a full-width "：" or "，", but not inside a time or an amount ("10：" | "30から")."""
    text = "あ" * lead + f"会議は{number}から始まります。"
    lines = ["".join(c.text for c in line.clusters) for line in wrap(prepare(text), "Inter", 400, 40, 900)]
    assert "".join(lines) == text
    assert number in "\n".join(lines), lines


@pytest.mark.parametrize("text, points", [
    ("Three rules I live by. — Ship every day. — Learn every week. — Rest every month.",
     ["Three rules I live by.", "— Ship every day.", "— Learn every week.", "— Rest every month."]),
    ("Rules. - Ship. – Learn. — Rest.", ["Rules.", "- Ship.", "– Learn.", "— Rest."]),
])
def test_the_list_layout_makes_a_point_of_each_sentence_that_opens_on_a_dash_after_no_quote(text, points):
    """Only a sentence that goes on after a closing quote joins the point before it; one opening on a dash after a
    plain full stop is a point of its own (all four sentences were one point)."""
    from studio.layouts.templates import list_of
    assert list_of(text)[:2] == ("", points)
