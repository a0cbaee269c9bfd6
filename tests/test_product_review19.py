"""What the reviewer of session 19's first round found, each wrong before (reproducers in the review report)."""
from __future__ import annotations

import regex

from render_helpers import carousel_of, runs
from studio import render
from studio.reading import headline_and_body, unflatten
from studio.text import accent_spans, prepare
from studio.text_patterns import LINK_PATTERN


def _slide_runs(texts: list[str], layout: str, fmt: str = "linkedin-portrait", slide: int = 1):
    c = carousel_of(texts, layout=layout, format=fmt)
    counts = render.pages_per_slide(c)
    start = sum(counts[:slide])
    return [r for svg in render.render_slides(c)[start:start + counts[slide]] for r in runs(svg)]


GLUED_LINKS = {  # a link glued to the sentence after it, in scripts written without spaces
    "อ่านบทความเต็มได้ที่https://ไทยรัฐ.ไทยนะครับผมขอบคุณทุกคนที่ติดตามมาตลอดปีนี้ครับ":
        ("https://ไทยรัฐ.ไทย", "นะครับผมขอบคุณทุกคนที่ติดตามมาตลอดปีนี้ครับ"),
    "请访问https://例子.中国了解更多关于我们的产品和服务的信息。谢谢大家的支持":
        ("https://例子.中国", "了解更多关于我们的产品和服务的信息。谢谢大家的支持"),
}


def test_a_link_glued_to_thai_or_chinese_words_ends_where_the_address_does():
    # the host's last label took every letter up to the next space: the words after it were the link's,
    # and the link's short text cut them off with "…"
    for text, (link, after) in GLUED_LINKS.items():
        spans = accent_spans(text)
        assert [s for s, accent in spans if accent] == [link]
        assert spans[-1] == (after, False)
        clusters = prepare(text)[0].clusters
        assert "".join(c.text for c in clusters if not c.link).endswith(after)
    # a host ending in a label of such a script that is no known ending is no link at all: every word drawn
    assert accent_spans("ดูที่https://ตัวอย่าง.ทดสอบนะครับ") == [("ดูที่https://ตัวอย่าง.ทดสอบนะครับ", False)]


def test_a_links_path_ends_where_thai_or_chinese_words_follow_a_latin_letter():
    # "/docs了解更多…" was one path: the words after the link were the link's, cut off with its "…"
    for text, link, after in (("访问https://example.com/docs了解更多关于我们的产品和服务", "https://example.com/docs",
                               "了解更多关于我们的产品和服务"),
                              ("ดูที่example.com/blogนะครับทุกคนขอบคุณมาก", "example.com/blog", "นะครับทุกคนขอบคุณมาก")):
        spans = accent_spans(text)
        assert [s for s, accent in spans if accent] == [link] and spans[-1] == (after, False), spans
    # as X reads a link, a path's letters are Latin or Cyrillic: any Thai or Chinese letter ends it
    for link, path in (("https://ไทยรัฐ.ไทย/", "ข่าว/123"), ("https://x.com/search?q=", "泰国&x=1"),
                       ("https://ru.wikipedia.org/wiki/Москва_(город)", "")):
        assert accent_spans(f"ดู {link}{path} ครับ")[1:] == [(link, True), (f"{path} ครับ", False)]


def test_the_glued_links_words_are_all_drawn_on_the_slide():
    for text, (_, after) in GLUED_LINKS.items():
        for layout in ("headline-body", "post-card"):
            drawn = "".join(r.text for r in _slide_runs(["Hook.", text], layout)).replace(" ", "")
            assert after.replace(" ", "") in drawn, layout
            assert "…" not in drawn, layout


def test_keycap_and_own_bullet_items_get_no_added_number_on_the_list_layout():
    # "5️⃣ Ship daily" was drawn as "01 5️⃣ Ship daily": a count-up beside the creator's countdown
    for post in ("My 3 rules:\n5️⃣ Ship daily\n4️⃣ Cut meetings\n3️⃣ Say no",
                 "Three rules:\n1️⃣ Ship daily\n2️⃣ Cut meetings\n3️⃣ Say no",
                 "Routine:\n✅ Wake at 5:30\n❌ No news\n→ Write 500 words",
                 "Mixed:\n1️⃣ Ship daily\n- Cut meetings\n- Say no"):
        drawn = _slide_runs(["Hook.", post], "list")
        assert [r.text for r in drawn if r.role == "marker"] == [], post
        text = "".join(r.text for r in drawn)
        for line in post.split("\n")[1:]:  # every item with its own bullet, once
            if not line.startswith("-"):
                assert text.count(line.split(" ")[0]) == 1, (post, line)
    # numbered items keep their numbers, and a plain bullet still counts
    drawn = _slide_runs(["Hook.", "Top:\n7. Ship\n8. Learn\n9. Rest"], "list")
    assert [r.text for r in drawn if r.role == "marker"] == ["07", "08", "09"]


LONG_SENTENCE = ("Most people quit in week three, right when the compounding starts to show, so I built a tiny "
                 "habit that keeps me going through the dip every single time, and it works")


def test_split_draws_no_quote_mark_when_there_is_no_quote():
    # the long sentence goes beside the block as body text; the block still drew an opening quote mark
    for text in (LONG_SENTENCE, "word " * 40 + "third"):
        drawn = _slide_runs(["Hook.", text], "split")
        assert not [r for r in drawn if r.role == "quote-mark"], text
        words = " ".join(r.text for r in drawn)
        assert "works" in words or "third" in words
    # a short single sentence is still a pull quote, with its mark
    drawn = _slide_runs(["Hook.", "Ship before you are ready."], "split")
    assert [r for r in drawn if r.role == "quote-mark"]


def test_a_sentence_of_numbers_after_a_colon_is_no_list():
    # "97." became the body, "98" and "99" markers of empty items, the creator's full stops gone
    for text in ("My running pace this week, in seconds per lap: 97. 98. 99. Getting slower, not faster.",
                 "Countdown: 1. 2. 3. Go!", "Launch in 1. 2. 3. 4. now"):
        assert unflatten(text) == text, text
    assert unflatten("My rules: 1. Ship 2. Learn") == "My rules:\n1. Ship\n2. Learn"
    # nor are its numbers cut off as sentences of their own, which read as a list's numbers again
    pace = "Pace per lap: 97. 98. 99. Getting slower, not faster."
    for layout in ("split", "list", "headline-body"):
        drawn = _slide_runs(["Hook.", pace], layout)
        assert not [r for r in drawn if r.role == "marker"], layout
        assert "97. 98. 99." in " ".join(" ".join(r.text for r in drawn).split()), layout
    assert unflatten("Top 100: 98. Zero to One 99. Shoe Dog 100. Rework").count("\n") == 3


def test_an_email_address_is_tried_only_where_a_run_of_letters_starts():
    # "a-a-a-…": the e-mail pattern was tried from every letter and scanned the rest of the run each time
    # (7 s for 20 KB, minutes for 100 KB); starting only where a run starts, the text is read once
    link = regex.compile(LINK_PATTERN, regex.IGNORECASE)
    text = "write to a-b.c+d@example.com today"
    start = text.index("a-b")
    assert link.match(text, start).group() == "a-b.c+d@example.com"
    for inside in range(start + 1, text.index("@")):
        assert link.match(text, inside) is None, text[inside:]
    for text in ("a-" * 5000, "a." * 5000, "a.b" * 3000 + "@"):
        assert "".join(s for s, _ in accent_spans(text)) == text


def test_a_link_that_closes_its_own_bracket_keeps_it_and_a_bare_link_is_never_the_headline():
    # the headline reader and the drawing had two link patterns: "…/Foo_(bar)" lost its ")" to both, and the
    # ")" left over made the bare link a headline
    wiki = "https://en.wikipedia.org/wiki/Foo_(bar)"
    assert [s for s, accent in accent_spans(f"see {wiki} and (https://x.com/a).") if accent] == [wiki, "https://x.com/a"]
    for post in (f"{wiki}\nThis page explains it.", "https://x.com/a.\nThis page explains it.",
                 "https://x.com/a. This page explains it."):
        assert headline_and_body(post)[0] == "", post
    assert headline_and_body("Read this: https://x.com/a\nIt explains it.")[0] == "Read this: https://x.com/a"


def test_split_sets_the_text_beside_a_pull_quote_no_larger_than_the_quote():
    # "Founded 03/15/2021." shrank to 22 px to fit the block (its date is one piece) while the text beside it
    # grew to 29 px: the quote read as a footnote
    post = ("Founded 03/15/2021. We started with two people, one laptop, and a very long list of customers who "
            "said no before the first one said yes. Three years later we are forty people.")
    drawn = _slide_runs(["How we grew.", post], "split")
    quote = [r.size for r in drawn if r.role == "title"]
    body = [r.size for r in drawn if r.role == "body"]
    assert quote and body and max(body) <= min(quote) + 0.01
    assert len([r for r in drawn if r.role == "quote-mark"]) == 1
