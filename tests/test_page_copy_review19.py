"""Copied thread pages where a post's own words look like X's lines: a post that ends in a mention on a line of
its own, an opening post that ends so under a logged-in page's side menu, an author's sentence that reads like
X's banners or boxes. The creator's words always arrive; X's lines around them never do."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from property_examples import examples
from studio.app.imports import Imports
from test_page_copy_html_mentions import COUNTS, DATED, HEADER, TIMED, token

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s19-sources"
CHROME = (FIXTURES / "page-chrome-logged-in.txt").read_text(encoding="utf-8")
WHO = (FIXTURES / "page-who-can-reply.txt").read_text(encoding="utf-8")
POST_2 = "2/ Ship ugly. Here are v1 and v3 of our landing page\nImage\nALT\nImage"
SHAPES = {"chrome": lambda t: t, "firefox-blank-lines": lambda t: "\n\n".join(t.split("\n"))}


def _texts(text: str) -> list[str]:
    return [p.text for p in Imports.paste(text).threads[0].posts]


def _words(texts: list[str]) -> list[list[str]]:
    return [t.split() for t in texts]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("under", ["", "Show more", "Translate post", "Quote"])
def test_a_post_ending_in_a_mention_on_its_own_line_keeps_its_words(shape, under):
    text = CHROME.replace(POST_2, "2/ Ship ugly. Design by\n@sam_k" + (f"\n{under}" if under else ""))
    result = Imports.paste(SHAPES[shape](text))
    texts = [p.text for p in result.threads[0].posts]
    # (a "Quote" right over the post's counts is the author's: X's has a quoted post between)
    assert _words(texts[2:4]) == [["Ship", "ugly.", "Design", "by", "@sam_k", *(["Quote"] if under == "Quote" else [])],
                                  ["Talk", "to", "5", "users", "a", "week.", "Q&A", "calls", ">", "surveys", "<3"]]
    assert not any(t.startswith(("1/", "3/")) for t in texts)  # the numbering is still read as numbering
    assert not any("no text" in w for w in result.warnings)
    assert {p.handle for p in result.threads[0].posts} == {"lena_ops"}


def test_a_pasted_html_post_ending_in_a_mention_keeps_it():
    first = (f'<article data-testid="tweet"><div>{HEADER}</div><div lang="en" data-testid="tweetText"><span>Line one'
             f'</span></div>{TIMED}{COUNTS}</article>')
    second = (f'<article data-testid="tweet"><div>{HEADER}{DATED}</div><div lang="en" data-testid="tweetText">'
              f'<span>Design by\n</span>{token("@bob_dev")}</div>{COUNTS}</article>')
    result = Imports.paste(f"<html><body><!--StartFragment-->{first}{second}<!--EndFragment--></body></html>")
    assert [p.text for p in result.threads[0].posts] == ["Line one", "Design by\n@bob_dev"]


OPENING_END = "Here is what I would tell my past self:\n0:42"
SIGN_UP = "New to X?\nSign up now to get your own personalized timeline!\nCreate account\n"


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("above", ["side menu", "sign-up box"])
@pytest.mark.parametrize("credit", ["h/t\n@paulg", "Inspired by\n@naval\n@paulg"])
def test_an_opening_post_ending_in_mentions_arrives_whole_under_xs_boxes(shape, above, credit):
    text = CHROME.replace(OPENING_END, "Here is what I would tell my past self.\n\n" + credit)
    if above == "sign-up box":  # a box heading over the page's own post, with no side menu
        text = SIGN_UP + text[text.index("Lena Ops"):]
    texts = _texts(SHAPES[shape](text))
    assert texts[0].split() == ("Working alone for 2 years taught me more than 6 years at big companies Here is what "
                                "I would tell my past self. " + credit).split()
    assert texts[1].startswith("Pricing: charge from day one.")
    assert len(texts) == 6


@pytest.mark.parametrize("shape", SHAPES)
def test_the_side_menus_messages_link_is_no_box_over_the_opening_post(shape):
    text = CHROME.replace(OPENING_END, "Here is what I would tell my past self, thanks to\n@sam_k\nfor the push:")
    texts = _texts(SHAPES[shape](text))
    assert texts[0].split()[-7:] == ["self,", "thanks", "to", "@sam_k", "for", "the", "push:"]
    assert len(texts) == 6


BANNER = "There's a new version of this post.\nSee the latest post"
OLD_OPENING = ("Three things I got wrong about hiring, in a short thread.\nThere’s a new version of this post.\n"
               "See the latest post\n")


@pytest.mark.parametrize("shape", SHAPES)
def test_an_authors_sentence_worded_as_xs_edit_banner_stays_in_the_post(shape):
    text = WHO.replace("Second: I skipped the work trial. Never again.", "Second: I rewrote my hiring doc.\n" + BANNER)
    result = Imports.paste(SHAPES[shape](text))
    texts = [p.text for p in result.threads[0].posts]
    assert texts[2].split() == ("Second: I rewrote my hiring doc. " + BANNER).split()
    assert [w for w in result.warnings if "older version" in w] == [
        "post 1 is an older version of its post (X showed \"There’s a new version of this post\" over it): the slide "
        "has the words before the edit; open the latest version on X and copy it again, or paste its words into "
        "the slide"]


def test_the_sentence_above_an_opening_posts_own_words_is_the_authors():
    text = WHO.replace(OLD_OPENING, BANNER + "\nHere it is: three things I got wrong about hiring.\n")
    result = Imports.paste(text)
    assert result.threads[0].posts[0].text == BANNER + "\nHere it is: three things I got wrong about hiring."
    assert not any("older version" in w for w in result.warnings)


OPENING = "Three things I got wrong about hiring, in a short thread.\n"
SECOND = "First: I hired for years of experience. Slope beats intercept."


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(("old", "new"), [
    (OPENING, "Who can reply?\nOnly people I follow. Here is why.\n"),
    (SECOND, "Who can reply?\n" + SECOND),
    (SECOND, SECOND + "\nWho can reply?"),
    (SECOND, "Follow\nthe money. " + SECOND),  # under the post's date: X shows no button there
], ids=["opening-starts-who-can-reply", "starts-who-can-reply", "ends-who-can-reply", "starts-follow"])
def test_an_authors_line_worded_as_xs_button_or_box_stays(shape, old, new):
    result = Imports.paste(SHAPES[shape](WHO.replace(old, new, 1)))
    texts = [p.text.split() for p in result.threads[0].posts]
    assert new.split() in texts
    assert len(texts) == 4


def test_xs_follow_button_under_the_opening_posts_name_stays_out():
    result = Imports.paste((FIXTURES.parent / "sources" / "copied-page-logged-in.txt").read_text(encoding="utf-8"))
    assert result.threads[0].posts[0].text.startswith("I spent 6 months rebuilding our onboarding.")


REPLY_RULES = {
    "de": ("11:20 vorm. · 5. Nov. 2026", "Mal angezeigt", "Wer kann antworten?",
           "Accounts, die @marcobellini erwähnt hat, können antworten"),
    "es": ("11:20 a. m. · 5 nov. 2026", "Visualizaciones", "¿Quién puede responder?",
           "Las personas mencionadas por @marcobellini pueden responder"),
    "fr": ("11:20 AM · 5 nov. 2026", "Vues", "Qui peut répondre ?",
           "Les comptes mentionnés par @marcobellini peuvent répondre"),
}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("language", REPLY_RULES)
def test_xs_who_can_reply_box_in_any_language_stays_out_with_the_counts(shape, language):
    time, views, ask, rule = REPLY_RULES[language]
    text = (WHO.replace("11:20 AM · Nov 5, 2026", time).replace("Views", views).replace("Who can reply?", ask)
            .replace("People @marcobellini mentioned can reply", rule))
    texts = [p.text for p in Imports.paste(SHAPES[shape](text)).threads[0].posts]
    assert texts[0] == "Three things I got wrong about hiring, in a short thread."
    assert len(texts) == 4


POLL_PAGE = "Dana Kim\n@danakim_dev\n{words}\n{poll}\n100 votes · Final results\n10:04 AM · May 28, 2024\n·\n9,812\nViews"


@pytest.mark.parametrize(("words", "poll", "kept"), [
    ("Our margin:\n40%", "A\n60%\nB\n40%", "Our margin:\n40%\nA\nB"),
    ("We grew:\n40%", "A\n20%\nB\n20%\nC\n30%\nD\n30%", "We grew:\n40%\nA\nB\nC\nD"),  # X allows four at most
    ("Pick one", "A\n33.3%\nB\n33.3%\nC\n33.3%", "Pick one\nA\nB\nC"),
])
def test_an_authors_percentage_just_above_a_poll_stays(words, poll, kept):
    result = Imports.paste(POLL_PAGE.format(words=words, poll=poll))
    assert [p.text for p in result.threads[0].posts] == [kept]


@pytest.mark.parametrize("shape", SHAPES)
def test_the_side_menus_messages_link_with_unread_counts_is_no_box_either(shape):
    text = CHROME.replace(OPENING_END, "Here is what I would tell my past self, thanks to\n@sam_k\nfor the push:")
    text = text.replace("Notifications\nMessages\nGrok", "Notifications\n20+\nMessages\n3\nGrok")
    texts = _texts(SHAPES[shape](text))
    assert texts[0].split()[-7:] == ["self,", "thanks", "to", "@sam_k", "for", "the", "push:"]
    assert len(texts) == 6


_WORDS = ["Ship", "ugly", "Design", "by", "thanks", "to", "Follow", "Who", "can", "reply?", "42", "🚀", "#build"]
_LINE = st.one_of(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=5).map(" ".join),
                  st.sampled_from(["@sam_k", "@paulg", "@naval", "Who can reply?"]))  # a line X also shows


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.lists(_LINE, min_size=1, max_size=3).map("\n".join).filter(lambda t: not t.startswith("@")),
                min_size=2, max_size=4),
       st.sampled_from(["", "Show more", "Translate post"]), st.sampled_from(["\n", "\n\n"]))
def test_property_posts_with_mentions_on_lines_of_their_own_arrive_whole(posts, under, joiner):
    lines = ["Post", "Conversation", "Dana Kim", "@danakim_dev", posts[0], "10:04 AM · May 28, 2024", "·", "9,812",
             "Views", "7", "15"]
    for text in posts[1:]:
        lines += ["Dana Kim", "@danakim_dev", "·", "May 28", text, *([under] if under else []), "3", "12", "140"]
    result = Imports.paste(joiner.join(lines))
    assert [p.text.split() for p in result.threads[0].posts] == [t.split() for t in posts]
    assert {p.handle for p in result.threads[0].posts} == {"danakim_dev"}


NAV = CHROME[:CHROME.index("Lena Ops")].rstrip("\n").split("\n")  # the side menu, "Messages" among its links


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.lists(_LINE, min_size=1, max_size=3).map("\n".join).filter(lambda t: not t.startswith("@")),
                min_size=2, max_size=4),
       st.booleans(), st.sampled_from(["\n", "\n\n"]))
def test_property_an_opening_post_with_mentions_arrives_whole_under_the_side_menu(posts, menu, joiner):
    lines = (NAV if menu else SIGN_UP.strip().split("\n")) + ["Dana Kim", "@danakim_dev", posts[0],
                                                              "10:04 AM · May 28, 2024", "·", "9,812", "Views", "7"]
    for text in posts[1:]:
        lines += ["Dana Kim", "@danakim_dev", "·", "May 28", text, "3", "12", "140"]
    result = Imports.paste(joiner.join(lines))
    assert [p.text.split() for p in result.threads[0].posts] == [t.split() for t in posts]


@pytest.mark.parametrize("shape", SHAPES)
def test_a_sign_up_banner_over_the_title_row_never_swallows_the_opening_post(shape):
    text = CHROME.replace(OPENING_END, "Here is what I would tell my past self, thanks to\n@sam_k\nfor the push:")
    text = SIGN_UP + text[text.index("See new posts"):]  # X's banner, then the thread's column from its title row
    result = Imports.paste(SHAPES[shape](text))
    assert {p.handle for p in result.threads[0].posts} == {"lena_ops"}
    assert result.threads[0].posts[0].text.split()[-7:] == ["self,", "thanks", "to", "@sam_k", "for", "the", "push:"]
    assert len(result.threads[0].posts) == 6
