"""Third review of the paste and page-copy readers: a hook opening with "0/10", buttons and headings X puts
beside a post, mentions inside a post. The creator's words always arrive; X's lines around them never do."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.app.imports import Imports
from studio.sources.paste import _CHROME_HEADINGS, strip_post_numbers

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s19-sources"
CHROME = (FIXTURES / "page-chrome-logged-in.txt").read_text(encoding="utf-8")
WHO = (FIXTURES / "page-who-can-reply.txt").read_text(encoding="utf-8")
RUN = "\n\n1/ I built before I talked to anyone.\n\n2/ I priced too low.\n\n3/ I quit too early."
RUN_TEXTS = ["I built before I talked to anyone.", "I priced too low.", "I quit too early."]


def _texts(text: str) -> list[str]:
    return [p.text for p in Imports.paste(text).threads[0].posts]


@pytest.mark.parametrize("hook", ["0/10 would recommend doing this alone. Here is why",
                                  "0/3 of my launches worked. Here is why"])
def test_a_hook_opening_with_a_zero_score_keeps_it(hook):
    assert _texts(hook + RUN) == [hook, *RUN_TEXTS]


def test_a_run_from_zero_written_alike_numbers_the_cover():
    assert _texts("0/ Intro: what I learned" + RUN) == ["Intro: what I learned", *RUN_TEXTS]
    text = "0/3 Intro: what I learned" + RUN.replace("1/", "1/3").replace("2/", "2/3").replace("3/ ", "3/3 ")
    assert _texts(text) == ["Intro: what I learned", *RUN_TEXTS]


def test_a_zero_score_under_the_hook_leaves_the_run_from_one_read():
    hook = "My honest review of solo founding\n\n0/10 would recommend doing it without savings."
    assert _texts(hook + RUN) == [hook, *RUN_TEXTS]


@pytest.mark.parametrize("sep", ["\n---\n", "\n\n"])
def test_a_pasted_run_from_zero_loses_every_label(sep):
    text = sep.join(["0/ Intro: three things I learned", "1/ First lesson here.", "2/ Second lesson here."])
    assert _texts(text) == ["Intro: three things I learned", "First lesson here.", "Second lesson here."]


def test_strip_post_numbers_reads_a_run_from_zero():
    assert strip_post_numbers(["0/ Intro", "1/ First", "2/ Second", "3/ Third"]) == ["Intro", "First", "Second",
                                                                                    "Third"]
    assert strip_post_numbers(["0/10 would", "1/ First", "2/ Second"]) == ["0/10 would", "First", "Second"]


def _who(first: str) -> str:
    page = WHO.replace("There’s a new version of this post.\nSee the latest post\n", "")
    page = page.replace("Three things I got wrong about hiring, in a short thread.", first)
    return page.replace("First:", "1/").replace("Second:", "2/").replace("Third:", "3/")


def test_a_copied_page_numbered_from_zero_loses_every_label():
    texts = _texts(_who("0/ Three things I got wrong about hiring, in a short thread."))
    assert texts[0] == "Three things I got wrong about hiring, in a short thread."
    assert not any(t.startswith(("1/", "2/", "3/")) for t in texts)


def test_a_copied_pages_zero_score_hook_keeps_it():
    texts = _texts(_who("0/10 would recommend hiring like I did."))
    assert texts[0] == "0/10 would recommend hiring like I did."
    assert not any(t.startswith(("1/", "2/", "3/")) for t in texts)


@pytest.mark.parametrize("buttons", [["Subscribe", "Follow"], ["Abonnieren", "Folgen"], ["Follow"]])
def test_xs_buttons_under_the_opening_posts_name_all_stay_out(buttons):
    text = CHROME.replace("@lena_ops\nWorking alone", "@lena_ops\n" + "\n".join(buttons) + "\nWorking alone")
    assert _texts(text)[0].startswith("Working alone for 2 years")


ONE_LINE_HEADERS = """Marco Bellini @marcobellini · Nov 5
Three things I got wrong about hiring, in a short thread.
Marco Bellini @marcobellini · Nov 5
{first}
the money: I hired for years of experience.
Marco Bellini @marcobellini · Nov 5
Third: I waited too long to let go.
"""


@pytest.mark.parametrize("first", ["Follow", "Following", "Subscribe"])
def test_a_button_word_under_a_dated_header_line_is_the_authors(first):
    assert _texts(ONE_LINE_HEADERS.format(first=first))[1] == f"{first}\nthe money: I hired for years of experience."


@pytest.mark.parametrize("old, new", [
    ("First: I hired for years of experience. Slope beats intercept.",
     "First: open the app, tap\nSearch\nand type your niche. That's step one."),
    ("First: I hired for years of experience. Slope beats intercept.", "First: my best leads came from\nMessages\nnot from ads."),
    ("Second: I skipped the work trial. Never again.", "Second: the button said\nSign up\nand nobody clicked it."),
    ("Second: I skipped the work trial. Never again.", "Second: the button said\nSign up"),
])
def test_a_posts_own_line_worded_as_xs_box_heading_keeps_what_follows(old, new):
    texts = _texts(WHO.replace(old, new))
    assert new in texts
    assert texts[-1] == "Third: I waited too long to let go. Be kind, be fast."


FOCAL_SECOND = """Post

Conversation
Marco Bellini
@marcobellini
·
Nov 5
First: I hired for years of experience.
7
15
140
Marco Bellini
@marcobellini
Second: big thanks to
MIDDLE
11:20 AM · Nov 5, 2026
·
9,812
Views
Marco Bellini
@marcobellini
·
Nov 5
Third: I waited too long to let go.
"""


@pytest.mark.parametrize("middle", ["@sam\nfor the idea.", "@sam", "@sam\n@lena\nfor the idea."])
def test_a_copy_opened_on_post_two_with_a_mention_inside_keeps_it_apart(middle):
    assert _texts(FOCAL_SECOND.replace("MIDDLE", middle)) == [
        "First: I hired for years of experience.", "Second: big thanks to\n" + middle,
        "Third: I waited too long to let go."]


BANNER = "New to X?\nSign up now to get your own personalized timeline!\nCreate account\n"
NO_TITLE = WHO.replace("There’s a new version of this post.\nSee the latest post\n", "").replace(
    "Post\n\nSee new posts\nConversation\n", "")


@pytest.mark.parametrize("old, new", [
    ("in a short thread.", "in a short thread, with help from\n@sam\nand others."),
    ("@marcobellini\nThree", "@marcobellini\nReplying to\n@naval\nThree"),
])
def test_a_sign_up_box_over_an_opening_post_with_a_mention_and_no_title_row_leaves_it(old, new):
    texts = _texts(BANNER + NO_TITLE.replace(old, new))
    assert texts[0].startswith("Three things I got wrong about hiring")
    assert len(texts) == 4 and texts[-1] == "Third: I waited too long to let go. Be kind, be fast."


@pytest.mark.parametrize("rule", ["People @marcobellini mentioned can reply",
                                  "Accounts @marcobellini follows or mentioned can reply"])
def test_xs_reply_rule_without_its_question_stays_out_with_the_time_and_counts(rule):
    page = NO_TITLE.replace("Who can reply?\n", "").replace("People @marcobellini mentioned can reply", rule)
    assert _texts(page)[0] == "Three things I got wrong about hiring, in a short thread."


def test_a_lone_number_under_a_replys_colon_is_kept_with_a_notice():
    result = Imports.paste(NO_TITLE.replace("Never again.", "Never again. Hires it cost me:\n3"))
    texts = [p.text for p in result.threads[0].posts]
    assert texts[2] == "Second: I skipped the work trial. Never again. Hires it cost me:\n3"
    assert any('"3"' in w and "post 3" in w for w in result.warnings)


@pytest.mark.parametrize("new", ["Second: I skipped the work trial.\nWho can reply?",
                                 "Who can reply?\nSecond: I skipped the work trial."])
def test_an_authors_who_can_reply_at_a_replys_edge_stays(new):
    assert new in _texts(NO_TITLE.replace("Second: I skipped the work trial. Never again.", new))


@pytest.mark.parametrize("old, new", [("·\nNov 5\n", "Nov 5\n"), ("·\nNov 5\n", "· Nov 5\n")])
def test_reply_headers_with_their_date_under_the_handle_without_a_dot_line_split_the_posts(old, new):
    assert _texts(NO_TITLE.replace(old, new)) == [
        "Three things I got wrong about hiring, in a short thread.",
        "First: I hired for years of experience. Slope beats intercept.",
        "Second: I skipped the work trial. Never again.", "Third: I waited too long to let go. Be kind, be fast."]


@given(st.integers(1, 999), st.sampled_from(["/", "/n", "/N"]), st.integers(2, 5))
def test_property_a_zero_score_hook_over_a_run_from_one_keeps_its_score(total, mark, posts):
    hook = f"0/{total} would recommend doing this alone. Here is why"
    run = "".join(f"\n\n{n}{mark} Lesson {n} here." for n in range(1, posts + 1))
    assert _texts(hook + run) == [hook, *(f"Lesson {n} here." for n in range(1, posts + 1))]


def test_a_replys_own_replying_to_line_over_words_stays():
    new = "Replying to\nevery DM is a trap. First: I hired for years of experience. Slope beats intercept."
    texts = _texts(NO_TITLE.replace("First: I hired for years of experience. Slope beats intercept.", new[12:])
                   .replace("Nov 5\nevery DM", "Nov 5\nReplying to\nevery DM"))
    assert texts[1] == new
    assert _texts(NO_TITLE.replace("Nov 5\nFirst:", "Nov 5\nReplying to\n@marcobellini\nFirst:"))[1].startswith("First:")


def test_an_opening_posts_last_word_quote_right_over_its_time_stays():
    new = "Three things I got wrong about hiring, in a short thread. My favourite line:\nQuote"
    assert _texts(NO_TITLE.replace("Three things I got wrong about hiring, in a short thread.", new))[0] == new


@pytest.mark.parametrize("old, new", [
    ("Nov 5\nFirst: I hired", "Nov 5\nSearch\nis the new homepage. First: I hired"),
    ("·\nNov 5\nFirst: I hired", "·\n5h\nSearch\nis the new homepage. First: I hired"),
    ("@marcobellini\nThree things", "@marcobellini\nMessages\nare where deals happen. Three things"),
])
def test_a_post_opening_with_a_box_headings_word_keeps_it_and_the_post(old, new):
    texts = _texts(NO_TITLE.replace(old, new, 1))
    assert len(texts) == 4 and any(t.startswith(new.split("\n")[-2]) for t in texts)


HEADINGS = sorted(_CHROME_HEADINGS | {"discover more", "Terms of Service", "Privacy Policy"})


@pytest.mark.parametrize("heading", HEADINGS)
def test_every_box_heading_as_a_posts_own_line_keeps_the_post_and_the_thread(heading):
    for new in (f"Second: the button said\n{heading}\nand nobody clicked it.", f"{heading}\nis what I typed.",
                f"Second: it said\n{heading}"):
        texts = _texts(NO_TITLE.replace("Second: I skipped the work trial. Never again.", new))
        assert texts[2:] == [new, "Third: I waited too long to let go. Be kind, be fast."]
