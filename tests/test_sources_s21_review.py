"""Session 21 round 3: the review of round 1's page and paste reading, each problem at its mechanism with the
reviewer's case: a creator's own lines worded as X's ("Discover more", a note's label, a photo label, "Show more")
stay theirs, a note's own question is no end of it, fractions keep their words, and X's footer in any language
stays off the last post."""
from __future__ import annotations

import json

import pytest

from studio.sources.paste import parse_paste, strip_post_numbers


def _texts(text: str) -> list[str]:
    return [p.text for p in parse_paste(text).threads[0].posts]


def _warnings(text: str) -> list[str]:
    return list(parse_paste(text).warnings)


def _page(hook: str, *posts: str, under: str = "") -> str:
    """A page copy of Sam's thread: the page's own post (``hook``) with its time and views, then each reply under
    its header and over X's counts; ``under`` ends the copy."""
    top = f"Sam Reyes\n@samreyes\nFollow\n{hook}\n4:40 PM · Nov 28, 2026\n·\n9,876\n Views\n12\n40\n310\n22\n"
    blocks = [f"Sam Reyes\n@samreyes\n·\nNov 28\n{text}\n4\n9\n120\n" for text in posts]
    return top + "".join(blocks) + under


# ---------------------------------------------------------------- 1. a creator's "Discover more" line

@pytest.mark.parametrize("hook, posts", [
    ("Growing on X in 2027 🧵", ["Step one: read the tab called\nDiscover more\nIt's how X finds you.",
                                "Step two: post daily.", "Step three: reply to people."]),
    ("Jak rosnąć na X 🧵", ["Krok pierwszy. Kliknij:\nOdkryj więcej\nTam X pokazuje nowe konta.",
                           "Krok drugi: pisz codziennie."]),
    ("Growing on X in 2027 🧵", ["My newsletter has the rest. Want to\nDiscover more\nabout growing on X? Link below.",
                                "Step two: post daily."]),
    ("Want to grow? 🧵\nDiscover more\nGen X money habits", ["1. Save first.", "2. Spend later."]),
])
def test_a_creators_discover_more_line_naming_x_ends_nothing(hook, posts):
    assert _texts(_page(hook, *posts)) == [hook.replace(" 🧵", ""), *posts]


def test_xs_discover_more_with_its_subtitle_in_a_language_not_listed_still_ends_the_copy():
    page = _page("Jak rosnąć na X 🧵", "Krok drugi.", under="Odkryj więcej\nPochodzi z całego X\nAla\n@ala\n")
    assert _texts(page) == ["Jak rosnąć na X", "Krok drugi."]


# ---------------------------------------------------------------- 2. a community note that asks a question itself

_ASKING_NOTE = ("Readers added context they thought people might want to know\nDid the study say that?\nNo.\n"
                "It measured a single company for three weeks.\nexample.com/study\nDo you find this helpful?\nRate it\n")
_WHO_WRITES = "Context is written by people who use X, and appears when rated helpful by others. Find out more.\n"


@pytest.mark.parametrize("footer", [_WHO_WRITES, ""])
def test_a_notes_own_short_question_is_no_end_of_it(footer):
    page = _page("My take on remote work 🧵", "Remote teams ship 40% faster.\n" + _ASKING_NOTE + footer
                 + "My own last line.", "Last post.")
    result = parse_paste(page)
    assert [p.text for p in result.threads[0].posts] == ["My take on remote work",
                                                         "Remote teams ship 40% faster.\nMy own last line.",
                                                         "Last post."]
    assert any("readers' added context" in w for w in result.warnings)


# ---------------------------------------------------------------- 3. fractions keep their words

@pytest.mark.parametrize("text", [
    "A thread on fans and the die-hards\n\n1/3 die within a year, the rest stay.\n\n2/ Why.\n\n3/ How.",
    "This is the thread you want to read, and it is long\n\n1/3 die Gründer scheitern, sagt die Studie.\n\n"
    "2/ In English: why.\n\n3/ How.",
    "Waarom 1/3 faalt\n\n1/3 van startups faalt binnen een jaar. Dit is waarom.\n\n2/ We zijn te snel. We bouwen "
    "alles in een keer.\n\n3/ We zijn te duur. Wat is de oplossing? Focus in alles.",
    "1/3 die hard fans stay forever. Here is why:\n\n2/ They feel seen.\n\n3/ They feel heard.",
    "1/3 van life lessons that you should know before you buy.\n\n2/ The first.\n\n3/ The second.",
])
def test_a_fraction_before_a_partitive_word_keeps_its_words_in_any_language(text):
    assert "\n\n".join(_texts(text)).split() == text.replace("2/ ", "").replace("3/ ", "").split()


def test_a_fraction_in_an_archives_thread_keeps_its_words():
    posts = ["A thread on die-hard fans", "1/3 die within a year, the rest stay.", "2/ Why.", "3/ How."]
    assert strip_post_numbers(posts)[1] == "1/3 die within a year, the rest stay."


# ---------------------------------------------------------------- 4. a photo label that is an ordinary word

def _polish_page(last_line: str) -> str:
    return _page("Co kupiłam na aukcji 🧵", f"Najdroższa rzecz tego dnia:\n{last_line}", "Druga: lampa.")


@pytest.mark.parametrize("word", ["Obraz", "Resim", "Gambar", "Görsel"])
def test_a_label_word_of_another_language_under_xs_english_page_is_the_creators(word):
    result = parse_paste(_polish_page(word))
    assert [p.text for p in result.threads[0].posts][1] == f"Najdroższa rzecz tego dnia:\n{word}"
    assert not any("photos or videos" in w for w in result.warnings)


def test_a_label_over_xs_alt_badge_or_on_a_page_in_its_language_is_xs():
    for page in (_polish_page("Obraz\nALT"), _polish_page("Obraz").replace("Follow", "Obserwuj")):
        result = parse_paste(page)
        assert [p.text for p in result.threads[0].posts][1] == "Najdroższa rzecz tego dnia:"
        assert any("photos or videos" in w for w in result.warnings)


# ---------------------------------------------------------------- 5. / 7. a community note's label, and in Polish

@pytest.mark.parametrize("lines", ["Readers added context to that post, and they were right.",
                                   "Readers added context to that post, and they were right.\nI'm sorry."])
def test_a_creators_sentence_opening_with_the_notes_label_is_theirs(lines):
    result = parse_paste(_page("I was wrong 🧵", "I said remote teams ship faster.\n" + lines, "Lesson: cite."))
    assert [p.text for p in result.threads[0].posts][1] == "I said remote teams ship faster.\n" + lines
    assert not any("added context" in w for w in result.warnings)


def test_a_polish_community_note_is_xs():
    note = ("Czytelnicy dodali kontekst, który ich zdaniem inni mogą chcieć poznać\nBadanie dotyczyło jednej firmy.\n"
            "Czy ta notatka jest pomocna?\nOceń\n")
    result = parse_paste(_page("Moje zdanie 🧵", "Zespoły zdalne są o 40% szybsze.\n" + note, "Koniec."))
    assert [p.text for p in result.threads[0].posts] == ["Moje zdanie", "Zespoły zdalne są o 40% szybsze.", "Koniec."]
    assert any("added context" in w for w in result.warnings)


# ---------------------------------------------------------------- 6. X's footer in a language not listed

_SWEDISH_FOOTER = ("Användarvillkor\n|\nIntegritetspolicy\n|\nCookiepolicy\n|\nTillgänglighet\n|\nAnnonsinformation\n"
                   "|\nMer\n© 2026 X Corp.")


@pytest.mark.parametrize("blank", ["\n", "\n\n"])
def test_xs_footer_one_link_a_line_in_a_language_not_listed_stays_off_the_last_post(blank):
    page = _page("Three lessons 🧵", "Lesson one: ship.", "Lesson two: rest.", under=_SWEDISH_FOOTER)
    assert _texts(page.replace("\n", blank)) == ["Three lessons", "Lesson one: ship.", "Lesson two: rest."]


def test_a_creators_own_lines_between_bars_over_a_copyright_are_theirs():
    own = "My stack\n|\nFigma\n|\nLinear\n|\nNotion\n© 2026 X Corp."
    assert _texts(_page("Tools 🧵", "Lesson one.", own))[-1] == own


# ---------------------------------------------------------------- 8. / 11. the lone "2/" rule, narrowly

@pytest.mark.parametrize("text", ["Quick update on the launch.\n\n2/ of our investors said yes, 1 said no.",
                                  "Hook\n\n2/.\n\nLast.", "Hook\n\n2/\n\n2/\n\nLast.",
                                  "Hook\n\n2/\n\nLast.\n\n4/\n\nGap."])
def test_a_lone_two_that_numbers_nothing_keeps_every_mark(text):
    assert " ".join(_texts(text)).split() == text.split()


# ---------------------------------------------------------------- 9. a "1/" inside the hook post

@pytest.mark.parametrize("hook", ["Recipe\n\n1/ cup flour, 1/2 cup milk.", "How I grew\n\n1/ year ago I had 0 followers."])
def test_a_hooks_inner_1_over_lower_case_is_the_authors_number(hook):
    assert strip_post_numbers([hook, "2/ Mix.", "3/ Bake."]) == [hook, "Mix.", "Bake."]


def test_a_hooks_inner_1_opening_a_sentence_still_goes_with_its_run():
    assert strip_post_numbers(["Hook\n\n1/ May: I started.", "2/ June.", "3/ July."]) == [
        "Hook\n\nMay: I started.", "June.", "July."]


# ---------------------------------------------------------------- 13. load_input with a bare tweets.js

def test_load_input_reads_the_chosen_thread_of_a_bare_tweets_js_whole(tmp_path):
    from studio.sources import load_input

    def tweet(tid: str, text: str, answers: str | None = None) -> dict:
        t = {"id_str": tid, "id": tid, "full_text": text, "created_at": "Wed May 01 10:00:00 +0000 2024",
             "favorite_count": "5", "retweet_count": "1", "lang": "en", "display_text_range": ["0", str(len(text))],
             "entities": {"hashtags": [], "user_mentions": [], "urls": [], "symbols": []}}
        if answers:
            t.update(in_reply_to_status_id_str=answers, in_reply_to_status_id=answers, in_reply_to_user_id_str="42",
                     in_reply_to_screen_name="me")
        return {"tweet": t}
    items = [tweet("200", "How I grew 🧵"), tweet("201", "2/ June: I kept going.", "200"),
             tweet("202", "3/ July: done.", "201")]
    js = tmp_path / "tweets.js"
    js.write_text("window.YTD.tweets.part0 = " + json.dumps(items), encoding="utf-8")
    posts = load_input(js, thread_id="200").thread("200").posts
    assert [p.text for p in posts] == ["How I grew", "June: I kept going.", "July: done."]


# ---------------------------------------------------------------- 14. a creator's own "Show more" line

def test_a_show_more_a_short_line_introduces_is_the_creators():
    result = parse_paste(_page("Three words I hate on X 🧵", "The first one, under long posts:\nShow more",
                               'The second: "Discover more". Enough.'))
    assert [p.text for p in result.threads[0].posts][1] == "The first one, under long posts:\nShow more"
    assert not any("Show more" in w for w in result.warnings)


def test_xs_show_more_under_a_cut_post_still_goes_with_its_notice():
    long = "I spent a year testing every growth tactic people swear by. " * 4
    result = parse_paste(_page("Growth 🧵", long.strip() + "\nShow more", "Done."))
    assert [p.text for p in result.threads[0].posts][1] == long.strip()
    assert any("Show more" in w for w in result.warnings)


def test_a_lone_two_ending_the_text_is_the_hooks_own():
    assert _texts("Score so far\n\n2/") == ["Score so far\n2/"]
