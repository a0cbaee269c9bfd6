"""Session 21's known rough items in reading sources, each at its mechanism: X's translate button ending a post is
named when left out, a community note's words are named and the creator's line after it is kept, a lone "2/" over
its post splits a two-post draft, the fraction rule reads English "die"/"van" as English, and X's footer is known in
the languages of its other interface words."""
from __future__ import annotations

import pytest

from studio.sources.paste import parse_paste, strip_post_numbers


def _texts(text: str) -> list[str]:
    return [p.text for p in parse_paste(text).threads[0].posts]


def _page(*posts: str, under: str = "") -> str:
    """A page copy of Dana's thread: each post under its header and over X's counts; ``under`` ends the copy."""
    blocks = [f"Dana Kim\n@danakim\n·\nNov {k}\n{text}\n\n3\n\n12\n\n140\n" for k, text in enumerate(posts, 1)]
    return "\n".join(blocks) + under


# ---------------------------------------------------------------- 1. "Translate post" and its localised forms

@pytest.mark.parametrize("button", ["Translate post", "Traducir post", "Post übersetzen", "Traduire le post",
                                    "Traduzir post", "ポストを翻訳"])
def test_xs_translate_button_ending_a_post_is_left_out_and_named(button):
    page = _page("First of three.", f"The second one, with its words.\n{button}", "Last one.")
    result = parse_paste(page)
    assert [p.text for p in result.threads[0].posts] == ["First of three.", "The second one, with its words.",
                                                         "Last one."]
    # a creator may end a post in these words ("The button you want:" / "Translate post"): never dropped silently
    assert any(w.startswith(f"post 2 ended in X's translate button (\"{button}\")") for w in result.warnings)


def test_show_more_ending_a_post_is_no_translate_notice():
    result = parse_paste(_page("First of three.", "Cut by X here\nShow more", "Last one."))
    assert not any("translate button" in w for w in result.warnings)


# ---------------------------------------------------------------- 3. a lone "2/" over its post

@pytest.mark.parametrize("draft", ["Hook 🧵\n\n2/\n\nLast.", "Hook 🧵\n\n2/ Last.", "Hook\n\n2/\n\nLast.",
                                   "Hook\r\n\r\n2/\r\n\r\nLast."])
def test_a_hook_and_a_lone_post_two_are_two_posts(draft):
    assert _texts(draft) == ["Hook", "Last."]


@pytest.mark.parametrize("text", ["Recipe notes\n\n2/3 of the flour goes in first.", "Title\n\n2/2 done today."])
def test_a_fraction_or_a_second_paragraph_is_no_post_two(text):
    posts = _texts(text)
    assert len(posts) == 1 and posts[0].split() == text.split()


# ---------------------------------------------------------------- 4. partitive words that are English too
# (round 3: a partitive word opening a hyphenated compound is none; the English-language guess is gone, since it
# stripped "1/3 die within a year" and a Dutch "1/3 van startups"; "1/3 van life" / "1/3 do this first" over "2/",
# "3/" now keep their "1/3": tests/test_sources_s21_review.py)

@pytest.mark.parametrize("opening", ["1/3 die-hard habits I broke this year, and how you can too.",
                                     "1/3 van-life lessons that you should know before you buy."])
def test_an_english_thread_numbered_1_of_3_is_numbered(opening):
    text = f"{opening}\n\n2/ The first is the snooze button.\n\n3/ The second is my phone in bed."
    assert _texts(text) == [opening[4:], "The first is the snooze button.", "The second is my phone in bed."]


@pytest.mark.parametrize("text", [
    "1/3 die Gründer scheitern im ersten Jahr. Ich weiß, warum.\n\n2/ Der erste Grund ist Geld.\n\n3/ Der zweite "
    "ist Zeit.",
    "1/3 van de startups stopt binnen een jaar. Ik weet het.\n\n2/ Het is niet het geld.\n\n3/ Het is de tijd."])
def test_a_german_or_dutch_fraction_stays_the_authors(text):
    assert _texts(text)[0].startswith("1/3 ")


def test_a_page_of_english_posts_numbered_1_of_3_loses_its_numbers():
    posts = ["1/3 die-hard habits I broke this year, and how you can too.", "2/ The first is the snooze button.",
             "3/ The second is my phone in bed."]
    assert strip_post_numbers(posts, page=True)[0] == "die-hard habits I broke this year, and how you can too."


# ---------------------------------------------------------------- 2. a line after a community note

_NOTE = ("Readers added context they thought people might want to know\nBenchmarks from 2025 show two tools are "
         "faster.\nbench.example.org/results\n")
_NOTE_END = ("Do you find this helpful?\nRate it\nContext is written by people who use X, and appears when rated "
             "helpful by others. Find out more.\n")


def test_the_creators_line_under_a_whole_community_note_is_kept():
    page = _page("First of three.", "Our tool is the fastest.\n" + _NOTE + _NOTE_END + "Still the best value, though.",
                 "Last one.")
    result = parse_paste(page)
    assert [p.text for p in result.threads[0].posts][1] == "Our tool is the fastest.\nStill the best value, though."
    assert "post 2 had readers' added context (a community note) under the text: left out, it is not the " \
           "author's" in result.warnings


def test_a_community_note_with_no_end_in_the_copy_names_all_it_left_out():
    page = _page("First of three.", "Our tool is the fastest.\n" + _NOTE + "Still the best value, though.",
                 "Last one.")
    result = parse_paste(page)
    assert [p.text for p in result.threads[0].posts][1] == "Our tool is the fastest."
    assert ("post 2 had readers' added context (a community note) under the text: left out, with all under it "
            "(“Benchmarks from 2025 show two tools are faster. …” … “Still the best value, though.”); paste back any "
            "of the author's own words") in result.warnings


# ---------------------------------------------------------------- 5. X's footer in other languages

@pytest.mark.parametrize("footer", [
    "Nutzungsbedingungen\n|\nDatenschutzrichtlinie\n|\nCookie-Richtlinie\n|\nBarrierefreiheit\n|\nAnzeigeninfo\n|\n"
    "Mehr\n© 2026 X Corp.",
    "Condiciones de Servicio\nPolítica de Privacidad\nPolítica de cookies\nAccesibilidad\nInformación de anuncios\n"
    "Más opciones\n© 2026 X Corp.",
    "利用規約\nプライバシーポリシー\nCookieのポリシー\nアクセシビリティ\n広告情報\nもっと見る\n© 2026 X Corp.",
    "Hizmet Şartları | Gizlilik Politikası | Çerez Politikası | Erişilebilirlik | Reklam bilgisi | Daha fazla | "
    "© 2026 X Corp.",
    "Условия | Конфиденциальность | Файлы cookie | © 2026 X Corp.",  # a wording not listed: the copyright line
])
def test_xs_footer_in_another_language_stays_off_the_last_post(footer):
    assert _texts(_page("Erster von zwei.", "Der letzte Beitrag.", under=footer)) == ["Erster von zwei.",
                                                                                   "Der letzte Beitrag."]


def test_a_footer_word_inside_a_post_is_the_creators():
    assert _texts(_page("Our roadmap for next year:\nBarrierefreiheit\nDatenschutzrichtlinie\nfirst.", "Done."))[0] \
        == "Our roadmap for next year:\nBarrierefreiheit\nDatenschutzrichtlinie\nfirst."


# ---------------------------------------------------------------- hunt: "1/" inside the hook post of a run from "2/"

def test_a_hook_posts_inner_1_is_stripped_as_its_runs_others_are():
    posts = ["Six months of a side project 🧵\n\n1/ May: first release, 3 users.", "2/ July: 50 users.",
             "3/ September: new pricing page."]
    assert strip_post_numbers(posts, page=True) == ["Six months of a side project 🧵\n\nMay: first release, 3 users.",
                                                    "July: 50 users.", "September: new pricing page."]
    for first in ("Hook\n\n1/2 of us quit in year one.", "Hook\n\n1/ a\n\n1/ again"):  # a fraction, a "1/" twice: kept
        assert strip_post_numbers([first, "2/ b", "3/ c"])[0] == first


# ---------------------------------------------------------------- hunt: Turkish counts ("B" is bin, a thousand)

def test_turkish_thousands_under_millions_are_xs_counts():
    page = "".join(f"Elif Demir\n@elifdemir\n·\n12 Eki\n{k}. Satır {k}.\n3 B\n12 B\n850 B\n1,2 Mn\n" for k in (1, 2))
    assert _texts(page) == ["Satır 1.", "Satır 2."]
    english = "".join(f"Dana Kim\n@danakim\n·\nNov {k}\nPost {k}.\n3\n12\n140\n2K\n" for k in (1, 2)).replace(
        "Post 2.\n", "Post 2, our valuation:\n1.2B\n")
    assert _texts(english)[1] == "Post 2, our valuation:\n1.2B"  # an English billion over X's counts: the author's
