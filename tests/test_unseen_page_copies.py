"""Thread page copies the other tests never saw: every browser's way of copying, other interface languages,
link cards, photo descriptions, reposts in a timeline and mentions on a line of their own. The author's
words all arrive, in order, and nothing of X's page or of other people joins them."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.sources import parse_paste

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


def posts_of(name: str) -> tuple[list[str], list[str], set[tuple[str, str]]]:
    result = parse_paste((FIXTURES / name).read_text(encoding="utf-8"))
    posts = result.threads[0].posts
    return [p.text for p in posts], result.warnings, {(p.author_name, p.handle) for p in posts}


def test_a_copy_with_a_blank_line_between_every_line_reads_as_a_page():
    texts, warnings, authors = posts_of("unseen-page-blank-lines.txt")
    assert texts == ["I spent 3 years building a SaaS to $40k MRR.\n\nHere are 4 lessons nobody told me",
                     "Charge more than feels comfortable.\n\nOur churn went down when prices went up.",
                     "Talk to 5 customers every week. No exceptions.",
                     "Ship on Fridays (yes, really)."]
    assert authors == {("Dana Kim", "danakim_dev")}
    assert warnings == []


def test_a_reply_in_french_is_not_taken_for_the_authors_post():
    texts, warnings, authors = posts_of("unseen-page-french-reply.txt")
    assert len(texts) == 4 and not any("Merci" in t for t in texts)
    assert texts[3] == "3. Construis des projets réels → pas des tutos."  # "Traduire le post" is X's
    assert authors == {("Élodie Martin 🇫🇷", "elodie_m")}
    assert warnings == ["skipped posts by other accounts on the page: @lucas_dev",
                        'post 3 ended in X\'s "Show more": the copy holds only the part X showed; open the post on X '
                        "and paste its whole text into the slide, or import your X archive",
                        # (a creator may end a post in the words: told)
                        'post 4 ended in X\'s translate button ("Traduire le post"): left out; paste it back into the slide if it was the author\'s own line']


def test_a_mention_on_a_line_of_its_own_stays_in_its_post():
    texts, warnings, _ = posts_of("unseen-page-mention-lines.txt")
    assert texts[2] == "Big thanks to\n@samlee\nfor the idea, and to\n@ana_writes\nfor editing."
    assert texts[3] == 'Cut every sentence that starts with "I think".'
    assert len(texts) == 4 and warnings == []


def test_link_cards_photo_badges_and_a_repost_line_stay_out():
    texts, warnings, authors = posts_of("unseen-page-card-alt-repost.txt")
    assert texts == [
        "We cut our CI from 40 to 8 minutes. Full write-up:",
        "Caching did most of it. Details here: https://blog.example.com/2024/06/how-we-cut-ci-time-by-80-percent",
        "Parallel jobs did the rest.",
        "Questions? Reply below.",
        "The guide I used: https://example.org/writing/the-long-guide-to-short-threads-for-people-who-ship"]
    assert authors == {("Dana Kim", "danakim_dev")}
    assert warnings == ["skipped posts by other accounts on the page: @samlee",
                        "1 post had photos or videos, which a copied page does not carry: "
                        "import your X archive or the post's link to get them"]


def test_a_line_that_only_looks_like_a_card_source_inside_a_post_stays():
    page = ("Dana Kim\n@danakim_dev\nWhere I buy coffee 🧵\n9:12 PM · Jun 2, 2024\n·\n48K\n Views\n"
            "Dana Kim\n@danakim_dev\n·\nJun 2\n1/ From beans.example to cup in 4 minutes.\n"
            "Dana Kim\n@danakim_dev\n·\nJun 2\n2/ Beans by mail:\nFrom roastery.example")
    texts = [p.text for p in parse_paste(page).threads[0].posts]
    assert texts[1] == "From beans.example to cup in 4 minutes."
    # A last line "From <domain>" is the card's: the same words as the creator's are the known cost.
    assert texts[2] == "Beans by mail:"


# ---------------------------------------------------------------- every word arrives, whatever the copy

WORDS = ["Charge", "more", "than", "feels", "comfortable", "ship", "it", "on", "Fridays", "🚀", "👨‍👩‍👧‍👦", "🇯🇵",
         "👋🏾", "1️⃣", "שלום", "مرحبا", "中文没有空格", "ภาษาไทย", "नमस्ते", "𝗯𝗼𝗹𝗱", "𝘪𝘵𝘢𝘭𝘪𝘤", "e\u0301te\u0301",
         "#buildinpublic", "$40k", "42%", "Follow", "Image", "Quote", "·", "https://example.com/a?b=1&c=2",
         "`git", "rebase`", "<div>", "(yes,", "really).", "—", "May", "28", "5h"]
MENTIONS = ["@samlee", "@ana_writes", "@danakim_dev"]


@st.composite
def post_texts(draw) -> str:
    lines = [" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=6)))]
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()) and lines:
            lines.append(draw(st.sampled_from(MENTIONS)))  # a mention on a line of its own
        words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=6))
        lines.append(("\n" if draw(st.booleans()) else "") + " ".join(words))
    return "\n".join(lines)


def page_copy(posts: list[str], style: str, extras: list[int]) -> str:
    """The thread as a browser copies its page: main post with its full time and counts, then the replies,
    X's labels under some posts, and someone else's reply at the end."""
    main = ["Dana Kim @danakim_dev"] if style == "one-line-all" else ["Dana Kim", "@danakim_dev"]
    out = ["Post", "Conversation", *main, posts[0], "9:12 PM · Jun 2, 2024", "·", "48K", " Views", "312", "1.8K"]
    for n, text in enumerate(posts[1:], 1):
        if style.startswith("one-line"):
            out += ["Dana Kim @danakim_dev · Jun 2", text]
        else:
            out += ["Dana Kim", "@danakim_dev", "·", "Jun 2", text]
        out += [["Show more"], ["Translate post"], ["Image", "ALT"], ["12", "48"], [],
                ["Sam Lee", "@samlee", "·", "Jun 2", "Replying to", "@danakim_dev", "Nice one!"],
                ["Quote", "Jon Park", "@jonpark", "·", "Mar 1", "Empty states matter."],
                ["١٢", "١٫٢ ألف", "إظهار المزيد"]][extras[n % len(extras)]]
    out += ["Sam Lee", "@samlee", "·", "Jun 3", "Replying to", "@danakim_dev", "Great thread!", "Relevant people",
            "Dana Kim", "@danakim_dev", "Follow", "Writes about SaaS."]
    joiner = "\n\n" if style == "blank-lines" else "\n"
    return joiner.join(line.replace("\n", joiner) for line in out)


@given(st.lists(post_texts(), min_size=2, max_size=6),
       st.sampled_from(["lines", "blank-lines", "one-line", "one-line-all"]),
       st.lists(st.integers(0, 7), min_size=1, max_size=4))
def test_property_every_word_of_a_copied_page_arrives_in_order(posts, style, extras):
    result = parse_paste(page_copy(posts, style, extras))
    posts = [unicodedata.normalize("NFC", t) for t in posts]  # what every source makes of text
    got = [p.text for p in result.threads[0].posts]
    assert {(p.author_name, p.handle) for p in result.threads[0].posts} == {("Dana Kim", "danakim_dev")}
    if style == "blank-lines":  # every line break became a blank line: the words still arrive, post by post
        assert [t.split() for t in got] == [" ".join(t.split()).split() for t in posts]
    else:
        assert got == [t.replace("\n\n\n", "\n\n") for t in posts]


def test_a_community_note_a_translation_and_a_deleted_post_stay_out():
    texts, warnings, _ = posts_of("unseen-page-note-translation-gone.txt")
    assert texts == ["Our startup grew 10x in one year. Here is what nobody tells you", "採用は遅く、解雇は早く。",
                     "Cash is oxygen. Count it every Monday.", "Sleep. Nothing else scales."]
    assert warnings == [
        "post 1 had readers' added context (a community note) under the text: left out, it is not the author's",
        "post 2 had X's translation under the text: left out (“1/ Hire slowly, fire quickly.”), the slides keep the "
        "author's own words",
        "1 post of the thread is not on the page (deleted, or hidden by X): the slides go on without"]


def test_a_sensitive_media_notice_stays_out_and_a_time_of_the_posts_own_stays():
    texts, warnings, _ = posts_of("unseen-page-video-sensitive.txt")
    # a video's length ("0:42") cannot be told from a time the author wrote ("9:30"): both stay
    assert texts == ["We filmed our whole launch day. Thread\n0:42", "The demo that broke live, uncut:",
                     "Doors open again at\n9:30", "Show up early."]
    assert warnings == ["1 post had photos or videos, which a copied page does not carry: "
                        "import your X archive or the post's link to get them",
                        "posts 1, 3 ended in a time on a line of its own (\"0:42\", \"9:30\"), as X shows a video's length: "
                        "kept, since it may be the author's; delete it from the slide if it is the video's"]


def test_a_page_copied_from_x_in_arabic_loses_its_counts_and_buttons():
    texts, warnings, authors = posts_of("unseen-page-arabic-interface.txt")
    assert texts == ["كيف بنيت شركة ناشئة في ١٢ شهراً", "ابدأ بالمشكلة، لا بالحل. Talk to users first.",
                     "اختر فريقاً صغيراً — 3 people max.", "وأخيراً: لا تستسلم."]  # "١/" numbers the posts too
    assert authors == {("أحمد | Ahmed", "ahmed_builds")}
    assert warnings[0] == "skipped posts by other accounts on the page: @sara_x"
    assert warnings[1].startswith("post 3 ended in X's \"Show more\"")


def test_the_authors_answers_to_comments_are_not_thread_posts():
    texts, warnings, _ = posts_of("unseen-page-author-answers.txt")
    assert texts == ["How I price a SaaS product", "Start from the value, not the cost.", "Raise prices every year."]
    assert warnings == ["skipped posts by other accounts on the page: @ana_writes, @samlee",
                        "left out 2 replies by @danakim_dev to other people's comments (\"Replying to\" above them): "
                        "they are not part of the thread"]


def test_a_copy_with_every_header_on_one_line_reads_as_a_page():
    page = ("Post\nConversation\nDana Kim @danakim_dev\nI spent 3 years building a SaaS. Here are 2 lessons 🧵\n"
            "10:04 AM · May 28, 2024 · 1.2M Views\nDana Kim @danakim_dev · May 28\n1/ Charge more.\n"
            "Dana Kim @danakim_dev · May 28\n2/ Ship on Fridays.\nSam Lee @samlee · May 29\nReplying to @danakim_dev\n"
            "So true!")
    result = parse_paste(page)
    assert [p.text for p in result.threads[0].posts] == ["I spent 3 years building a SaaS. Here are 2 lessons",
                                                         "Charge more.", "Ship on Fridays."]
    assert result.threads[0].posts[0].handle == "danakim_dev"
    assert result.warnings == ["skipped posts by other accounts on the page: @samlee"]


def test_a_poll_with_x_counts_under_it_keeps_its_options_only():
    page = ("Dana Kim\n@danakim_dev\nWhy we killed our free plan 🧵\n10:04 AM · May 28, 2024\n·\n48K\nViews\n"
            "Dana Kim\n@danakim_dev\n·\nMay 28\n2/ So we asked you. Should we keep it?\nYes, keep it\n61.3%\n"
            "No, kill it\n38.7%\n1,024 votes · Final results\n8\n40\n3.3K\n"
            "Dana Kim\n@danakim_dev\n·\nMay 28\n3/ You voted. It's gone.\n5\n19\n4K")
    result = parse_paste(page)
    assert [p.text for p in result.threads[0].posts] == [
        "Why we killed our free plan", "So we asked you. Should we keep it?\nYes, keep it\nNo, kill it",
        "You voted. It's gone."]
    assert "kept the options of 1 poll, without X's vote shares and counts" in result.warnings


@pytest.mark.parametrize("more, translate", [("显示更多", "翻译帖子"), ("顯示更多", "翻譯貼文"), ("Pokaż więcej", "Przetłumacz wpis"),
                                             ("और दिखाएं", "पोस्ट का अनुवाद करें"), ("Hiển thị thêm", "Dịch bài đăng"),
                                             ("แสดงเพิ่มเติม", "แปลโพสต์"), ("Показати більше", "Перекласти допис")])
def test_show_more_and_translate_buttons_in_more_interface_languages_stay_out(more, translate):
    page = ("Dana Kim\n@danakim_dev\nHow we price 🧵\n10:04 AM · May 28, 2024\n·\n48K\nViews\n"
            f"Dana Kim\n@danakim_dev\n·\nMay 28\nThe first part of a long post\n{more}\n3\n12\n"
            f"Dana Kim\n@danakim_dev\n·\nMay 28\nShort post.\n{translate}\n1\n9")
    result = parse_paste(page)
    assert [p.text for p in result.threads[0].posts] == ["How we price", "The first part of a long post", "Short post."]
    assert any("ended in X's \"Show more\"" in w for w in result.warnings)
