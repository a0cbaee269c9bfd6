"""What the session-19 pass over unseen threads (tests/fixtures/unseen-s19) found, each wrong before."""
from __future__ import annotations

from collections import Counter

from render_helpers import NS, carousel_of, parse, runs
from studio import render
from studio.layouts.templates import cut_words, plan_column
from studio.reading import headline_and_body, list_entries, unflatten
from studio.text import accent_spans, clean, measure, prepare, wrap
from test_product_unseen_inputs import unfaced


THAI_ASCII = "xn--h3cn7ae4euf.xn--o3cw4h"  # the link's host as the PDF holds it


def test_an_address_whose_every_label_is_thai_is_one_link():
    # "https://ไทยรัฐ.ไทย" was plain text: the host's last label had to be in Latin letters
    for text, link in (("อ่านเพิ่มเติมที่ https://ไทยรัฐ.ไทย และที่อื่น", "https://ไทยรัฐ.ไทย"),
                       ("Read https://ไทยรัฐ.ไทย.", "https://ไทยรัฐ.ไทย"),
                       ("ดู https://ไทยรัฐ.ไทย/ ครับ", "https://ไทยรัฐ.ไทย/")):
        assert [span for span, accent in accent_spans(text) if accent] == [link], text
        para = prepare(text)[0]
        assert {c.link for c in para.clusters if c.link} == {link.replace("ไทยรัฐ.ไทย", THAI_ASCII)}, text  # (punycode)
    # a Latin host glued to Thai still ends where the Thai starts
    assert [s for s, a in accent_spans("ดูที่www.example.comนะ") if a] == ["www.example.com"]


def test_an_inline_list_numbered_past_99_after_a_lead_in_comes_back_as_lines():
    # "100." was read as no number at all, and a list not starting at 1 stayed one run-on line
    text = "The last 3 of my top 100: 98. Zero to One 99. Shoe Dog 100. Rework"
    assert unflatten(text).split("\n") == ["The last 3 of my top 100:", "98. Zero to One", "99. Shoe Dog",
                                           "100. Rework"]
    assert list_entries(text) == [("98", "Zero to One"), ("99", "Shoe Dog"), ("100", "Rework")]
    for sentence in ("I ran 5. Then 6. Then 7 more miles.", "Version 98. Then 99. Then 100. Done",
                     "Scores: 7. ok and 9. great"):
        assert unflatten(sentence) == sentence, sentence


def _slide_svgs(texts: list[str], layout: str, fmt: str = "linkedin-portrait", slide: int = 1) -> list[str]:
    c = carousel_of(texts, layout=layout, format=fmt)
    counts = render.pages_per_slide(c)
    start = sum(counts[:slide])
    return render.render_slides(c)[start:start + counts[slide]]


ROUTINE = "The routine:\n✅ Wake up at 5:30\n✅ No phone for 60 minutes\n❌ No news\n→ Write 500 words"


def test_a_list_bulleted_with_checks_crosses_and_arrows_keeps_every_bullet_the_creator_typed():
    # "✅" and "→" were swapped for a dot (the creator's yes/no lost), and "❌ No news" joined the item above
    for layout in ("headline-body", "list", "post-card", "big-statement", "split"):
        drawn = [r for svg in _slide_svgs(["Hook.", ROUTINE], layout) for r in runs(svg)]
        emoji = Counter(r.text for r in drawn if r.role.startswith("emoji"))
        assert emoji["✅"] == 2 and emoji["❌"] == 1, (layout, emoji)
        assert sum(r.text.count("→") for r in drawn) == 1, layout
    # four rows, each led by the creator's own bullet and no added number
    svgs = _slide_svgs(["Hook.", ROUTINE], "list")
    assert sum(svg.count('class="list-row"') for svg in svgs) == 4
    assert not [r for svg in svgs for r in runs(svg) if r.role == "marker"]


def test_a_lone_skin_tone_is_drawn_as_its_swatch_not_a_box():
    # " 🏽" was one cluster with the space before it, drawn as text in the body face: a box
    text = "A lone modifier 🏽 and a🏿 glued one, next to 👍🏽"
    for layout in ("headline-body", "post-card"):
        for svg in _slide_svgs(["Hook.", text], layout):
            assert not unfaced(parse(svg)), layout
            labels = [r.text for r in runs(svg) if r.role.startswith("emoji")]
            assert labels == ["🏽", "🏿", "👍🏽"], labels


def _breaks(text: str, widths=range(110, 400, 7)) -> set[tuple[str, str]]:
    """(end of a line, start of the next) at every width."""
    out = set()
    for width in widths:
        lines = [line.text for line in wrap(prepare(text), "Inter", 400, 18, width)]
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        out.update(zip(lines, lines[1:]))
    return out


def test_no_line_breaks_after_a_hyphen_before_a_number_or_after_a_hebrew_prefix():
    # "המחיר עלה ב-25% ל-" | "$1,299.99", "COVID-" | "19": UAX #14 keeps both together
    for text in ("המחיר עלה ב-25% ל-$1,299.99 אחרי ה-launch של iPhone", "after COVID-19 we moved"):
        for end, start in _breaks(text):
            assert not end.endswith("-"), (end, start)
    assert any(end.endswith("-") for end, _ in _breaks("state-of-the-art well-known"))  # words still break there


def test_a_hindi_or_arabic_sentence_end_makes_the_headline():
    assert headline_and_body("तीसरा: धैर्य रखो। सफलता रातों-रात नहीं मिलती।") == (
        "तीसरा: धैर्य रखो।", "सफलता रातों-रात नहीं मिलती।")
    assert headline_and_body("هل جربت هذا؟ النتائج كانت مذهلة.") == ("هل جربت هذا؟", "النتائج كانت مذهلة.")


def test_an_ideographic_space_keeps_its_width_and_is_a_line_break():
    # fullwidth "ＡＥＳＴＨＥＴＩＣ　ｖｉｂｅｓ　ｏｎｌｙ": U+3000 became a narrow space, the letters' own gaps wider
    # than it, and "vibes only" read "vibesonly"
    text = "ＡＥＳＴＨＥＴＩＣ　ｖｉｂｅｓ　ｏｎｌｙ"
    assert clean(text) == text
    assert measure(text, "Inter", 400, 18) > measure(text.replace("\u3000", ""), "Inter", 400, 18) + 2 * 16
    lines = [line.text for line in wrap(prepare(text), "Inter", 400, 18, 200)]
    assert lines == ["ＡＥＳＴＨＥＴＩＣ", "ｖｉｂｅｓ\u3000ｏｎｌｙ"]


def test_split_sets_a_post_of_several_lines_as_body_text_not_a_shrunken_quote():
    # the whole post was the one-sentence pull quote, shrunk to fit six lines: smaller than body text
    post = ("Most people quit in week three, and nobody tells them it happens to everyone,\n"
            "but then you keep going anyway and it works")
    drawn = [r for svg in _slide_svgs(["Hook.", post], "split") for r in runs(svg)]
    words = [r for r in drawn if r.text.strip() and r.role in ("title", "body")]
    assert {r.role for r in words} == {"body"}
    assert min(r.size for r in words) >= 18


def test_a_first_line_that_is_only_a_link_is_no_headline():
    text = "https://www.paulgraham.com/greatwork.html\nhttps://github.com/vercel/next.js\nBookmark it."
    assert headline_and_body(text) == ("", text)
    assert headline_and_body("Read this: https://x.com/a\nBookmark it.") == ("Read this: https://x.com/a",
                                                                             "Bookmark it.")


def test_growing_type_never_cuts_a_word_in_a_list_items_narrower_column():
    # the item's number takes room the growth check did not count: "example.co." | "th/บทความ/" at the grown size
    post = "2. อ่านเพิ่มเติมที่ https://ไทยรัฐ.ไทย และ https://example.co.th/บทความ/ธุรกิจ"
    for layout in ("headline-body", "list"):
        c = carousel_of(["Hook.", post], layout=layout, format="linkedin-portrait")
        ctx = render.make_context(c)
        col = plan_column(ctx, c.slides[1], ctx.body_size, ctx.content)
        assert not cut_words(col)
        for svg in _slide_svgs(["Hook.", post], layout):
            texts = [r.text for r in runs(svg) if r.role == "body"]
            assert any("example.co.th" in t for t in texts), texts


def test_a_piece_glued_by_a_no_break_space_breaks_there_before_it_cuts_a_price():
    # "Price:\u00a0$1,299.99" was one piece too wide for a big statement's line, cut at the edge: "$1,299" | ".99"
    text = "Price:\u00a0$1,299.99 per year, 10\u202f000 users."
    for width in range(200, 300, 10):  # "$1,299.99" alone fits from 190
        lines = [line.text for line in wrap(prepare(text), "Inter", 700, 40, width)]
        assert "".join(lines).replace(" ", "") == clean(text).replace(" ", "").replace("\u00a0", "")
        assert any("$1,299.99" in line for line in lines), (width, lines)


def test_a_list_number_past_99_stays_inside_its_circle():
    # "100" was set at the size of "7", its ink touching the circle's edge
    post = "The last 3 of my top 100:\n98. Zero to One\n99. Shoe Dog\n100. Rework"
    for layout in ("headline-body", "split"):
        for svg in _slide_svgs(["Hook.", post], layout):
            circles = [(float(n.get("cx")), float(n.get("r"))) for n in parse(svg).iter(NS + "circle")]
            markers = [r for r in runs(svg) if r.role == "marker"]
            assert [m.text for m in markers] == ["98", "99", "100"]
            for m in markers:
                cx, r = min(circles, key=lambda c: abs(c[0] - (m.x + m.width / 2)))
                assert abs(m.x + m.width / 2 - cx) < 1 and m.width <= 1.6 * r, (m.text, m.x, m.width, cx, r)  # a rim


def test_a_list_numbered_with_keycaps_is_a_list_not_a_headline_and_its_items():
    # "1️⃣ Keep it under 100 words" was taken as the slide's headline, items 2️⃣ and 3️⃣ left as body text below it
    post = "1️⃣ Keep it under 100 words\n2️⃣ One ask, not three\n3️⃣ Personalise the first line"
    assert headline_and_body(post) == ("", post)
    assert [item for _, item in list_entries(post)] == post.split("\n")  # each keeps its keycap
    for layout in ("headline-body", "list", "split"):
        drawn = [r for svg in _slide_svgs(["Hook.", post], layout) for r in runs(svg)]
        assert not [r for r in drawn if r.role == "title"], layout
        assert [r.text for r in drawn if r.role.startswith("emoji")] == ["1️⃣", "2️⃣", "3️⃣"], layout


def test_a_pull_quote_shrinks_until_a_date_fits_not_only_its_pieces_after_each_slash():
    # the title fitter read "03/15/2021." as "03/" "15/" "2021." (a line may not break at a slash between digits):
    # the split panel's quote stayed too large and the date was cut "03/15/2" | "021."
    post = "Founded 03/15/2021. Profitable since Q2 2023. Team of 12 across 4 time zones."
    for fmt in ("linkedin-portrait", "instagram-square"):
        drawn = [r.text for svg in _slide_svgs(["Hook.", post], "split", fmt) for r in runs(svg) if r.role == "title"]
        assert any("03/15/2021." in t for t in drawn), (fmt, drawn)


def test_a_long_sentence_beside_the_split_block_takes_the_lines_the_column_has_not_a_smaller_size():
    # held to six lines, it shrank to under two thirds of the title size with half the column empty below it
    post = "We launched on Product Hunt on the twelfth of March at half past nine and got 1,299 votes by noon"
    drawn = [r for svg in _slide_svgs(["Hook.", post], "split") for r in runs(svg) if r.role == "title"]
    assert drawn and min(r.size for r in drawn) >= 36, sorted({r.size for r in drawn})


def test_a_post_card_of_one_long_hashtag_grows_like_any_short_post():
    # a hashtag too long for a line at any size kept the card at the base size, smaller than its neighbours' text
    tag = "#ThisIsAHashtagThatNeverEndsAndKeepsGoingPastTheMarginOfTheSlideForSure"
    for fmt in ("instagram-square", "linkedin-portrait"):
        svgs = _slide_svgs(["Hook.", tag], "post-card", fmt)
        body = [r for svg in svgs for r in runs(svg) if r.role == "body"]
        assert min(r.size for r in body) > 18, (fmt, {r.size for r in body})
        assert "".join(r.text for r in body) == tag
