"""Lines above a copied page's first post (session 16): X's menu and title row go quietly; anything else is kept
as the end of a post the copy starts in, or named in a notice. Never dropped without a word."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.sources import parse_paste
from property_examples import examples

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
MENU_NOTE = "left out the short lines above the first post, read as X's menu: "


def read(name: str):
    result = parse_paste((FIXTURES / name).read_text(encoding="utf-8"))
    return [p.text for p in result.threads[0].posts], result.warnings


def test_a_copy_starting_inside_a_post_keeps_its_short_sentences():
    texts, warnings = read("s16-page-starts-inside-post.txt")
    assert texts[0] == "Ship it.\nThen wait."
    assert texts[1].startswith("3. I wrote the landing page")
    assert any(w.startswith("post 1 is where the copy starts, inside a post") for w in warnings)


def test_short_lines_not_known_as_x_menu_are_named():
    texts, warnings = read("s16-page-unknown-menu.txt")
    assert texts == ["I shipped 14 side projects in 2 years. 12 made $0.",
                     "They solved a problem I had every week, not once a year."]
    assert warnings == [MENU_NOTE + "“Beta Labs”, “Inbox”"]  # "Post", "See new posts", "Conversation" are X's


def test_logged_in_desktop_copy_names_nothing_of_the_menu():
    texts, warnings = read("s16-page-chrome-logged-in.txt")
    assert texts[0] == "I shipped 14 side projects in 2 years. 12 made $0.\n\nHere's what the 2 that worked had in common"
    assert len(texts) == 5 and texts[-1] == "4. That's it. Follow @maralind for more build-in-public notes."
    assert texts[2] == '2. I charged from day one — even $5 & <b>anything</b> tells you more than 500 "cool!" replies.'
    assert not any(w.startswith(MENU_NOTE) for w in warnings)
    assert "skipped posts by other accounts on the page: @NotionHQ, @kevdev" in warnings


def test_logged_out_mobile_copy_loses_the_sign_up_banner():
    texts, warnings = read("s16-page-mobile-logged-out.txt")
    assert texts == ["I shipped 14 side projects in 2 years. 12 made $0. Here's what the 2 that worked had in common",
                     "1. They solved a problem I had every week.", "2. I charged from day one."]
    assert warnings == []


_short = st.lists(st.sampled_from(["Labs", "Inbox", "Ship", "it.", "Then", "wait", "Dana", "2026", "ok!", "日本語",
                                   "Ωmega", "→"]), min_size=1, max_size=3).map(" ".join)
_PAGE = ("Mara Lindqvist\n@maralind\n·\nNov 2\nFirst post of the thread, as written.\n14\n38\n"
         "Mara Lindqvist\n@maralind\n·\nNov 2\nSecond post of the thread.\n5\n")


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(_short, min_size=1, max_size=4))
def test_property_lines_above_a_page_are_kept_or_named(above):
    result = parse_paste("\n".join(above) + "\n" + _PAGE)
    posts = [p.text for p in result.threads[0].posts]
    said = " ".join(posts + result.warnings)
    assert all(word in said for line in above for word in line.split())
    assert posts[-2:] == ["First post of the thread, as written.", "Second post of the thread."]


@pytest.mark.parametrize("line", ["·", "Translate post", "Pinned", "Show this thread", "Show more replies",
                                  "Replying to @kev", "Mara Lindqvist reposted"])
def test_xs_own_lines_over_the_first_post_are_not_named_as_dropped_words(line):
    result = parse_paste(f"{line}\n" + _PAGE)
    assert [p.text for p in result.threads[0].posts] == ["First post of the thread, as written.",
                                                         "Second post of the thread."]
    assert not any(w.startswith(MENU_NOTE) for w in result.warnings)


def test_a_firefox_copy_with_blank_lines_keeps_the_thread_and_leaves_the_author_s_reply():
    texts, warnings = read("s16-page-firefox-blank-lines.txt")
    assert texts == ["The 3 rules I follow for every launch:\n\n1. Ship on Tuesday\n2. Never on a holiday\n"
                     "3. Write the changelog first",
                     "Rule 1 is about attention: Monday is inbox day, Friday nobody reads.",
                     "Rule 3 keeps me honest: if I can't write it, it isn't done."]
    assert warnings == ["skipped posts by other accounts on the page: @jonpark",
                        "left out 1 reply by @maralind to other people's comments (\"Replying to\" above them): "
                        "they are not part of the thread"]


def test_a_russian_copy_loses_its_counts_buttons_and_numbers():
    texts, warnings = read("s16-page-russian-counts.txt")
    assert texts == ["Я запустила 14 проектов за 2 года. Вот что я поняла",
                     "Решайте свою проблему — ту, что болит каждую неделю.",
                     "Берите деньги с первого дня. Даже 5 $ говорят больше, чем 500 «круто!»."]
    assert len(warnings) == 2 and warnings[0].startswith("post 3 ended in X's \"Show more\"")
    assert warnings[1].startswith("post 1 ended in X's translate button (\"Перевести пост\")")


def test_a_name_with_a_comma_and_a_flag_is_the_author():
    result = parse_paste((FIXTURES / "s16-page-name-with-flag.txt").read_text(encoding="utf-8"))
    posts = result.threads[0].posts
    assert {(p.author_name, p.handle) for p in posts} == {("Dr. Ana Ruiz, PhD 🇪🇸", "ana_ruiz")}
    assert [p.text for p in posts][-1] == "Third: 42"
