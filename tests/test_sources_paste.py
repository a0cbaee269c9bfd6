"""Pasted text → posts: numbering rules, blank lines, 280-character packing, copied thread pages."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.sources import SourceError, parse_paste
from studio.sources.counting import weighted_length
from studio.sources.paste import pack_sentences, split_posts
from property_examples import ANY_CHARACTER, examples

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


def texts(text: str) -> list[str]:
    return [p.text for p in parse_paste(text).threads[0].posts]


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def cut_short(n: int) -> str:
    """The warning for a post X showed only in part ("Show more" under it)."""
    return (f'post {n} ended in X\'s "Show more": the copy holds only the part X showed; open the post on X and '
            "paste its whole text into the slide, or import your X archive")


def test_pasted_thread():
    result = parse_paste(fixture("pasted-thread.txt"))
    thread = result.threads[0]
    assert [p.id for p in thread.posts] == [f"p{i}" for i in range(1, 8)]
    assert thread.title == "Our support queue halved in one quarter, and we hired nobody."
    assert thread.marked_as_thread  # the 🧵 is a flag, not text
    assert all("🧵" not in p.text and not p.text.startswith(f"{i}/7") for i, p in enumerate(thread.posts, 1))
    # posts keep their inner blank lines: numbering, not blank lines, split this thread
    assert thread.posts[0].text.endswith("This is what changed, in the order we did it:")
    assert thread.posts[3].text.startswith("Change #2: fewer ways to get stuck.\n- Password reset takes 1 step")
    assert thread.posts[6].text.endswith("https://example.org/support-queue-notes #CustomerSupport #SaaS")
    assert result.warnings == []


@pytest.mark.parametrize("marker", ["{n}/", "{n}/4", "({n}/4)", "[{n}/4]", "{n})", "{n}."])
def test_numbering_styles_at_line_start(marker):
    text = "\n".join(f"{marker.format(n=n)} Post number {n} says something." for n in range(1, 5))
    assert texts(text) == [f"Post number {n} says something." for n in range(1, 5)]


def test_marker_on_its_own_line_and_at_line_end():
    assert texts("1/3\nFirst post.\n\n2/3\nSecond post.\n\n3/3\nThird post.") == \
        ["First post.", "Second post.", "Third post."]
    assert texts(fixture("end-markers.txt")) == [
        "Most onboarding flows lose half of new users in the first 10 minutes.",
        "We watched 30 recordings of first sessions and saw the same stall every time.",
        "If you found this useful, follow me for more product teardowns."]
    assert texts("Hook line here 1/\nSecond one 2/\nA closing line with no number") == \
        ["Hook line here", "Second one", "A closing line with no number"]


def test_hook_then_numbering_from_two():
    posts = texts(fixture("numbered-hook-from-2.txt"))
    assert posts[0] == "I made every hiring mistake so you don't have to. Here's what I learned 👇"
    assert posts[1].startswith("Hiring for the skills")
    assert "1/2 cup of patience" in posts[2]           # a fraction never splits
    assert posts[4].startswith("Rating a take-home 10/10 would recommend")
    assert len(posts) == 5


def test_headings_in_a_blank_line_thread_never_split_it():
    posts = texts(fixture("headings-blank-lines.txt"))
    assert posts == [
        "Attention variants, explained without the maths",
        "Transformers spend most of their compute on attention. Two tricks changed that, and both are worth knowing.",
        "1) Sparse Attention\nEach token attends to a few chosen positions instead of all of them. "
        "Cost drops from quadratic to nearly linear.",
        "2) Flash Attention\nSame maths, reordered to stay in fast on-chip memory. Far fewer trips to slow "
        "memory, so long contexts got cheap.",
        "10/10 would recommend reading both papers.\n\nThanks!",   # the tiny "Thanks!" merges back
    ]


def test_bundled_sample_with_hook_before_1_is_a_blank_line_thread():
    sample = (Path(__file__).parents[1] / "data" / "sample-thread.txt").read_text(encoding="utf-8")
    posts = texts(sample)
    assert len(posts) == 8
    assert posts[1].startswith("1) Lead with the payoff\n") and posts[7].startswith("That is the whole system.")


def test_numbers_that_do_not_count_up_from_the_start_are_text():
    assert texts("10/10 would recommend this book.") == ["10/10 would recommend this book."]
    assert texts("1/2 cup of flour, then stir well.\n\n3/4 cup of milk, poured in slowly.") == \
        ["1/2 cup of flour, then stir well.", "3/4 cup of milk, poured in slowly."]
    # totals must agree: "1/2" then "2/7" is not one run
    assert texts("1/2 cup sugar\n2/7 of people agree")[0].startswith("1/2 cup sugar")
    # a numbered list inside the first post stays there when posts are paragraphs
    posts = texts("1. Setup\nYou need:\n1. a laptop\n2. coffee\n\n2. Build\nShip it.\n\n3. Done\nThat's all.")
    assert posts == ["Setup\nYou need:\n1. a laptop\n2. coffee", "Build\nShip it.", "Done\nThat's all."]


def test_thread_labels_end_marks_and_the_thread_emoji():
    thread = parse_paste("Thread: how we ship every week 🧵\n\nFirst we write the plan down.\n\n"
                         "Then we ship it on Friday. /end").threads[0]
    assert [p.text for p in thread.posts] == ["how we ship every week", "First we write the plan down.",
                                              "Then we ship it on Friday."]
    assert thread.marked_as_thread and thread.title == "how we ship every week"
    plain = parse_paste("Just a post about shipping.\n\nAnd another paragraph about it.").threads[0]
    assert not plain.marked_as_thread


def test_tiny_fragments_merge_into_neighbours():
    posts = texts("A full opening paragraph that says something useful.\n\nOk.\n\n"
                  "A second full paragraph that also says something.")
    assert posts == ["A full opening paragraph that says something useful.\n\nOk.",
                     "A second full paragraph that also says something."]


def test_long_text_without_breaks_is_packed_into_280():
    sentence = "Carousels turn a thread into something people swipe through and save. "
    posts = texts(sentence * 12)  # 69 characters a sentence: four fit in 280
    assert len(posts) == 3 and all(p.count(".") == 4 for p in posts)
    assert all(weighted_length(p) <= 280 for p in posts)
    assert " ".join(posts).split() == (sentence * 12).split()


def test_packing_counts_cjk_double_and_joins_cjk_without_spaces():
    posts = texts("日本語の文章です。" * 40)
    assert all(weighted_length(p) <= 280 for p in posts)
    assert "".join(posts) == "日本語の文章です。" * 40
    assert len(posts) == 3  # 720 weighted characters


def test_packing_never_splits_a_url_or_an_emoji():
    url = "https://example.org/" + "a" * 400
    posts = pack_sentences(f"Read {url} now")
    assert url in posts[0] or url in posts[1]
    family = "👨‍👩‍👧‍👦"
    posts = pack_sentences(family * 200)
    assert all(weighted_length(p) <= 280 for p in posts)
    assert all(regex.fullmatch(r"(?:👨‍👩‍👧‍👦)+", p) for p in posts)


_words = st.lists(st.sampled_from(["carousel", "thread", "swipe", "日本", "👩‍💻", "🇬🇷", "Καλημέρα",
                                   "https://example.org/x", "a.", "b!", "ok?", "x" * 300]), min_size=1, max_size=120)


@settings(max_examples=examples(150), deadline=None)
@given(_words)
def test_property_packing_keeps_every_word_and_the_limit(words):
    text = " ".join(words)
    posts = pack_sentences(text)
    assert all(weighted_length(p) <= 280 for p in posts)
    assert "".join("".join(posts).split()) == "".join(text.split())
    clusters = regex.findall(r"\X", text.replace(" ", ""))
    assert regex.findall(r"\X", "".join("".join(posts).split())) == clusters


_word = st.sampled_from(["carousel", "thread", "swipe", "save.", "why?", "日本語", "👩‍💻", "Καλημέρα", "ok!",
                         "https://example.org/x"])
_paragraph = st.lists(_word, min_size=1, max_size=60).map(" ".join)


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(_paragraph, min_size=1, max_size=8))
def test_property_unnumbered_text_keeps_every_word_in_order(paragraphs):
    text = "\n\n".join(paragraphs)
    posts = split_posts(text)
    assert " ".join(posts).split() == text.split()


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(_paragraph, min_size=2, max_size=8), st.sampled_from(["{n}/", "{n}/{t}", "({n}/{t})", "{n})"]))
def test_property_numbered_posts_come_back_exactly(paragraphs, marker):
    text = "\n".join(marker.format(n=n, t=len(paragraphs)) + " " + p for n, p in enumerate(paragraphs, 1))
    assert split_posts(text) == paragraphs


_line = st.lists(st.sampled_from(["Tag", "3", "2025", "März", "10.000", "win.", "why?", "12h", "日本語", "👩‍💻",
                                  "1/", "-", "·", "$5"]), min_size=2, max_size=9).map(" ".join)
_headers = st.sampled_from(["{name}\n@{handle}\n·\n4. März\n", "{name}\n@{handle}\n·\nMar 3\n",
                            "{name} @{handle} · 3 mar.\n", "{name}\n@{handle}\n·\n5h\n"])


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(st.lists(_line, min_size=1, max_size=4).map("\n".join), min_size=2, max_size=6), _headers)
def test_property_a_copied_page_gives_back_each_posts_lines(bodies, header):
    # whatever the date's language, a post's own lines come back as written: digits, years, "·" inside
    page = "".join(header.format(name="Lena Vogel", handle="lenavogel") + b + "\n" for b in bodies)
    posts = [p.text for p in parse_paste(page).threads[0].posts]
    assert [p.split() for p in posts] == [b.split() for b in bodies]


def test_copied_thread_page_gives_clean_posts_and_the_author():
    result = parse_paste(fixture("copied-thread-page.txt"))
    thread = result.threads[0]
    assert [p.text for p in thread.posts] == [
        "How we took day-1 retention from 38% to 61%\n\nNo new features. Just the first ten minutes.",
        "We watched 30 recordings of first sessions.\n\nPeople didn't fail at the hard parts. "
        "They stalled at the blank page.",
        "Fix #1: start with sample data. Every new workspace opens with a realistic example project.",
        "If you found this useful, follow me for more teardowns.",
    ]
    assert {(p.author_name, p.handle) for p in thread.posts} == {("Ana Ships", "ana_ships")}
    assert all(p.likes is None and p.created_at == "" for p in thread.posts)  # never invented
    assert thread.marked_as_thread
    assert result.warnings == ["skipped posts by other accounts on the page: @sam_reads", cut_short(2)]


def translate_button(number: int, words: str) -> str:
    """The notice for X's translate button ending a post (a creator may end a post in the words: told)."""
    return (f"post {number} ended in X's translate button (\"{words}\"): left out; paste it back into the slide if "
            "it was the author's own line")


@pytest.mark.parametrize("name", ["copied-page-logged-out.txt", "copied-page-logged-in.txt"])
def test_copied_page_keeps_the_opening_post_whatever_surrounds_it(name):
    # logged out: a sign-up banner above the opening post, whose time sits under its text;
    # logged in: a select-all copy starts with the side navigation and the reader's own account
    result = parse_paste(fixture(name))
    posts = result.threads[0].posts
    assert [p.text.split("\n")[0] for p in posts] == [
        "I spent 6 months rebuilding our onboarding.", "Lesson 1: Nobody reads your welcome email.",
        "Lesson 2: <Kill> the product tour.", "Lesson 3: Measure time-to-value, not activation.",
        "That's it! If this helped:"]
    assert posts[0].text.endswith("(so you don't have to):")  # X's "Image" label is not the creator's word
    assert posts[3].text.endswith("#onboarding #SaaS #ProductLed")
    assert {(p.author_name, p.handle) for p in posts} == {("Maya Okafor", "mayabuilds")}
    assert result.warnings == [
        "left out the quoted post by @jonpark: a quoted post is not part of the thread "
        "(add it as a slide of its own if you want it)",
        "1 post had photos or videos, which a copied page does not carry: "
        "import your X archive or the post's link to get them", translate_button(3, "Translate post")]


def test_copied_page_with_a_poll_an_edit_and_an_ad_keeps_only_the_authors_words():
    result = parse_paste(fixture("copied-page-poll-edited.txt"))
    posts = [p.text for p in result.threads[0].posts]
    assert posts[0] == "How we cut our AWS bill by 62% in 30 days.\n\nA thread on what actually worked 👇"
    assert posts[2].endswith("Savings: $18,400/month.")  # "Show more" is X's
    assert posts[3] == "Graviton everywhere it fit.\n\n20% cheaper, same speed for our Node services."
    assert posts[4] == "Which would you try first?\nSpot instances\nSavings Plans\nGraviton"
    assert len(posts) == 6
    assert result.warnings == ["skipped posts by other accounts on the page: @acmecloud",
                               "kept the options of 1 poll, without X's vote shares and counts", cut_short(3)]


@pytest.mark.parametrize("tail", ["12,044 votes · 2 days left", "3 votes·Final results"])
def test_a_poll_still_open_keeps_its_options_and_a_share_in_the_text_stays(tail):
    page = ("Ana Ships\n@ana_ships\n·\nMay 2\nWhich one?\nTabs\nSpaces\n" + tail
            + "\nAna Ships\n@ana_ships\n·\nMay 2\nWe grew 40% this year.\n25%\n")
    posts = [p.text for p in parse_paste(page).threads[0].posts]
    assert posts == ["Which one?\nTabs\nSpaces", "We grew 40% this year.\n25%"]


@pytest.mark.parametrize("name, cut, posts, button", [
    ("copied-page-german.txt", 3, ["So habe ich in 90 Tagen 10.000 Follower gewonnen.\n\nEin Thread",
                                "Poste jeden Tag zur selben Uhrzeit.\n\nKonstanz schlägt Kreativität.",
                                "Antworte auf jeden Kommentar in der ersten Stunde.",
                                "Das war's. Folge mir für mehr."], (4, "Beitrag übersetzen")),
    ("copied-page-spanish.txt", 2, ["Cómo lancé mi newsletter sin presupuesto", "Empecé escribiendo para 10 personas.",
                                 "Gracias por leer. Sígueme para más."], (3, "Traducir post")),
])
def test_a_page_copied_from_x_in_another_language_loses_its_dates_counts_and_buttons(name, cut, posts, button):
    # the dates ("4. März", "3 mar."), the full time and views under the first post, "Mehr anzeigen"
    result = parse_paste(fixture(name))
    assert [p.text for p in result.threads[0].posts] == posts
    assert result.warnings == [cut_short(cut), translate_button(*button)]


def test_mojibake_and_html_are_cleaned_before_splitting():
    posts = texts(fixture("mojibake-thread.txt"))
    assert posts[0] == "Three lessons from shipping our app → in one week 👇"
    assert posts[1].startswith("Start with the smallest thing")  # hook, then "1/" markers: stripped
    assert posts[3].startswith("Price in euros (€9)")
    posts = texts(fixture("html-paste.txt"))
    assert posts[0].startswith("Our launch thread is live: https://x.com/jane_builds/status/1175000000000000001")
    assert not any("<" in p or "&amp;" in p for p in posts)


def test_ids_are_stable_and_the_thread_id_depends_on_the_text():
    one, two = "The first post of the thread.", "The second post of the thread."
    a, b = parse_paste(f"{one}\n\n{two}"), parse_paste(f"{one}\n\n{two}")
    assert a.threads[0].id == b.threads[0].id != parse_paste(f"{one}\n\n{two}!").threads[0].id
    assert [p.id for p in a.threads[0].posts] == ["p1", "p2"]


@pytest.mark.parametrize("bad", ["", "   \n\n  ", "\x00\x01", "🧵", "Thread:"])
def test_empty_text_is_a_clear_error(bad):
    with pytest.raises(SourceError) as err:
        parse_paste(bad)
    assert "\n" not in str(err.value)


@settings(max_examples=examples(200), deadline=None)
@given(st.text(ANY_CHARACTER, max_size=400))
def test_property_any_text_gives_posts_or_a_clear_error(text):
    try:
        result = parse_paste(text)
    except SourceError as exc:
        assert "\n" not in str(exc)
        return
    posts = result.threads[0].posts
    assert posts and all(p.text and p.text == p.text.strip() for p in posts)
    assert [p.id for p in posts] == [f"p{i}" for i in range(1, len(posts) + 1)]


def test_copied_page_with_one_line_headers():
    text = ("Ana Ships @ana_ships · May 28\nHow we took retention from 38% to 61% 🧵\n12\n40\n\n"
            "Ana Ships @ana_ships · May 28\nWe watched 30 recordings of first sessions.\nShow more\n3\n\n"
            "Sam Reader @sam_reads · 2h\nGreat thread!\n\n"
            "Ana Ships @ana_ships · May 28\nThanks to @sam_reads for the idea · it worked.")
    result = parse_paste(text)
    assert [p.text for p in result.threads[0].posts] == [
        "How we took retention from 38% to 61%", "We watched 30 recordings of first sessions.",
        "Thanks to @sam_reads for the idea · it worked."]
    assert result.threads[0].posts[0].handle == "ana_ships"
    assert result.warnings == ["skipped posts by other accounts on the page: @sam_reads", cut_short(2)]


def test_hook_line_then_numbering_from_one_on_consecutive_lines():
    # the hook becomes its own post (the cover); the numbered posts follow, markers stripped
    thread = parse_paste(fixture("hook-then-1-of-5.txt")).threads[0]
    assert [p.text for p in thread.posts] == [
        "How I grew to 10k followers", "Post consistently every day.", "Reply to bigger accounts.",
        "Share what you learn.", "Be patient.", "Follow me."]
    assert thread.marked_as_thread and thread.title == "How I grew to 10k followers"
    assert texts("Thread: How I grew to 10k followers 🧵\n1/ Post consistently every day.\n"
                 "2/ Reply to bigger accounts.\n3/ Share what you learn.\n4/ Be patient. /end") == [
        "How I grew to 10k followers", "Post consistently every day.", "Reply to bigger accounts.",
        "Share what you learn.", "Be patient."]
    # with blank lines, and with "(1/3)" markers, the same
    assert texts("Three lessons 👇\n\n(1/3) Ship.\n\n(2/3) Listen.\n\n(3/3) Repeat.") == \
        ["Three lessons 👇", "Ship.", "Listen.", "Repeat."]


def test_a_list_or_fractions_after_a_hook_do_not_split():
    # "1." / "1)" after a heading is a list inside one post, not post numbering
    assert texts("My morning routine:\n1. Coffee\n2. Walk\n3. Write") == \
        ["My morning routine:\n1. Coffee\n2. Walk\n3. Write"]
    assert len(texts("Pancakes\n1/2 cup flour\n2/3 cup milk")) == 1
    # a hook of two paragraphs is not "a single hook"
    assert len(texts("First paragraph here, long enough to stand alone as a post.\n\n"
                     "Second paragraph, also long enough to stand alone as a post.\n1/ a\n2/ b")) == 2


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(_word, min_size=1, max_size=10).map(" ".join),  # a hook fits one post
       st.lists(_paragraph, min_size=2, max_size=8), st.sampled_from(["{n}/", "{n}/{t}", "({n}/{t})"]),
       st.sampled_from(["\n", "\n\n"]))
def test_property_hook_then_numbered_posts_come_back_exactly(hook, paragraphs, marker, gap):
    numbered = gap.join(marker.format(n=n, t=len(paragraphs)) + " " + p for n, p in enumerate(paragraphs, 1))
    assert split_posts(hook + gap + numbered) == [hook, *paragraphs]


def test_one_skipped_post_is_singular():
    page = ("Jane Builds\n@jane_builds\n·\n5h\nThe first post of the thread, long enough to read.\n\n"
            "Jane Builds\n@jane_builds\n·\n5h\n\n"
            "Jane Builds\n@jane_builds\n·\n5h\nThe last post, also long enough to read.\n")
    result = parse_paste(page)
    assert len(result.threads[0].posts) == 2
    assert result.warnings == ["skipped 1 post with no text (images or videos only)"]


@pytest.mark.parametrize("rule", ["---", "***", "___", " ----- ", "==="])
def test_separator_lines_split_posts_and_a_post_keeps_its_paragraphs(rule):
    """Drafts written elsewhere (a doc, Markdown) often mark each post with a rule line."""
    text = (f"Hiring is a product problem.\n\nIt always was.\n{rule}\nYour job post is a landing page.\n"
            f"{rule}\n\nYour interview is onboarding — a dash-led line — stays.\n{rule}\n")
    assert texts(text) == ["Hiring is a product problem.\n\nIt always was.", "Your job post is a landing page.",
                           "Your interview is onboarding — a dash-led line — stays."]
    numbered = f"1/ Hiring is a product problem.\n{rule}\n2/ Your job post.\n{rule}\n3/ Your interview."
    assert texts(numbered) == ["Hiring is a product problem.", "Your job post.", "Your interview."]
    assert texts("One post with a -- dash and a --- inside the line.\n\nTwo.") == [
        "One post with a -- dash and a --- inside the line.\n\nTwo."]


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(_paragraph, min_size=2, max_size=8), st.sampled_from(["---", "***", "___"]))
def test_property_posts_between_separator_lines_come_back_exactly(paragraphs, rule):
    assert split_posts(f"\n{rule}\n".join(paragraphs)) == paragraphs
