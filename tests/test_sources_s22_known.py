"""Session 22's known rough items in reading a paste or a copied page: a fraction opening the hook over a lone "2/",
a photo label's word that is the author's (and the notice naming what went), a creator's line worded as X's
community-note label, a short closing paragraph of a blank-line-separated paste, and a list's indentation."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.sources.paste import parse_paste


def _texts(text: str) -> list[str]:
    return [p.text for p in parse_paste(text).threads[0].posts]


def _polish_page(*posts: str, translate_under: int | None = None) -> str:
    """A Polish interface's copy of a thread page: the opening post with its time and views, then replies."""
    out = ["Wpis", "Katarzyna Nowak", "@kasia_nowak", "Obserwuj", *posts[0].split("\n"), "9:12 AM · 4 lis 2026",
           "·", "48,3 tys.", " wyświetleń", "56", "1,2 tys.", "8,9 tys.", "310"]
    for k, post in enumerate(posts[1:], 1):
        out += ["Katarzyna Nowak", "@kasia_nowak", "·", "4 lis", *post.split("\n")]
        out += ["Przetłumacz wpis"] if k == translate_under else []
        out += ["12", "94", "1,1 tys."]
    return "\n".join(out)


# ---------------------------------------------------------------- 1. a fraction over a lone "2/"

@pytest.mark.parametrize("sep", ["\n\n", "\n\n\n"])
def test_a_fraction_opening_the_hook_over_a_lone_second_number_keeps_its_words(sep):
    text = f"1/3 die-hard fans will buy anything you make.{sep}2/ The rest need a reason."
    assert _texts(text) == ["1/3 die-hard fans will buy anything you make.", "The rest need a reason."]


def test_a_total_the_run_reaches_is_still_numbering():
    assert _texts("1/3 die-hard fans will buy anything.\n\n2/ The rest need a reason.\n\n3/ Give one.") == [
        "die-hard fans will buy anything.", "The rest need a reason.", "Give one."]
    assert _texts("1/5 How I grew\n\n2/ Write.\n\n3/ Reply.") == ["How I grew", "Write.", "Reply."]


# ---------------------------------------------------------------- 2. a photo label's word that is the author's

def test_a_label_word_over_xs_translate_button_is_the_creators():
    page = _polish_page("Co kupiłam na aukcji 🧵", "Najdroższa rzecz tego dnia:\nObraz", "Druga: lampa.",
                        translate_under=1)
    result = parse_paste(page)
    assert [p.text for p in result.threads[0].posts][1:] == ["Najdroższa rzecz tego dnia:\nObraz", "Druga: lampa."]
    assert not any("photos or videos" in w for w in result.warnings)


def test_the_photo_notice_quotes_the_label_it_left_out():
    result = parse_paste(_polish_page("Co kupiłam na aukcji 🧵", "Najdroższa rzecz tego dnia:\nObraz", "Druga."))
    assert [p.text for p in result.threads[0].posts][1] == "Najdroższa rzecz tego dnia:"
    notice = next(w for w in result.warnings if "photos or videos" in w)
    assert "“Obraz”" in notice


# ---------------------------------------------------------------- 3. a creator's line worded as the note's label

@pytest.mark.parametrize("line", ["Readers added context", "Czytelnicy dodali kontekst"])
def test_a_creators_whole_line_worded_as_the_notes_label_with_no_note_is_theirs(line):
    result = parse_paste(_polish_page("Co poszło źle 🧵", f"Wpis o naszym produkcie. A potem?\n{line}", "Lekcja."))
    assert [p.text for p in result.threads[0].posts][1:] == [f"Wpis o naszym produkcie. A potem?\n{line}", "Lekcja."]
    assert not any("added context" in w for w in result.warnings)


def test_a_note_with_words_under_its_label_and_no_end_still_goes_with_its_words_quoted():
    result = parse_paste(_polish_page("Co poszło źle 🧵", "Nasz produkt.\nReaders added context\nTo nieprawda.",
                                      "Lekcja."))
    assert [p.text for p in result.threads[0].posts][1] == "Nasz produkt."
    assert any("with all under it (“To nieprawda.”)" in w for w in result.warnings)


# ---------------------------------------------------------------- 4. a short closing paragraph of a paste

@pytest.mark.parametrize("closing", ["Thanks!", "That's all. 🙏", "Questions? Ask.", "Fin."])
def test_a_short_closing_paragraph_under_whole_posts_stands_alone(closing):
    posts = ["Most onboarding flows lose half of new users in the first ten minutes.",
             "We watched thirty recordings of first sessions and saw the same stall every time.",
             "So we cut the signup form to one field, and activation went up by a third."]
    assert _texts("\n\n".join([*posts, closing])) == [*posts, closing]


@pytest.mark.parametrize("above", ["Here is the one thing I would tell you:", "The last one, a heading\n\nAnd its text."])
def test_a_short_paragraph_under_a_lead_in_or_joined_paragraphs_stays_with_them(above):
    text = f"Most onboarding flows lose half of new users in minutes.\n\nWe watched thirty recordings.\n\n{above}" \
           "\n\nThanks!"
    texts = _texts(text)
    assert texts[-1].endswith("\n\nThanks!") and "\n\n".join(texts).split() == text.split()


# ---------------------------------------------------------------- 5. a list's indentation through the clean-up

@pytest.mark.parametrize("space", [" ", "\u00a0", "\u2003"])
@pytest.mark.parametrize("where", ["start", "after-number", "after-blank"])
def test_a_list_keeps_its_items_depths_relative_to_its_first_item(space, where):
    lst = "\n".join(space * d + "- " + w for d, w in ((2, "inbox"), (2, "plan"), (4, "deep work"), (2, "retro")))
    text = {"start": f"{lst}\n\nNext post, with words.",
            "after-number": f"1/ My week\n\n2/\n{lst}\n\n3/ Next post, with words.",
            "after-blank": f"My week, in a whole sentence.\n\n{lst}\n\nNext post, with words."}[where]
    texts = _texts(text)
    assert "- inbox\n- plan\n  - deep work\n- retro" in texts


def test_a_list_under_its_opening_line_keeps_its_no_break_space_indentation_as_spaces():
    assert _texts("Plan:\n- Mon\n\u00a0\u00a0- inbox\n\u00a0\u00a0- plan\n\nNext post.")[0] == \
        "Plan:\n- Mon\n  - inbox\n  - plan\n\nNext post."


@given(st.lists(st.tuples(st.integers(0, 3), st.text("abc xyz", min_size=1, max_size=20).filter(str.strip)),
                min_size=1, max_size=8), st.integers(1, 4))
def test_property_an_indented_list_keeps_its_relative_depths(rows, lead):
    lines = [" " * (lead + 2 * depth) + "- " + words.strip() for depth, words in rows]
    base = rows[0][0]
    kept = [" " * (2 * (depth - base)) + "- " + words.strip() if depth >= base else None for depth, words in rows]
    [post] = _texts("\n".join(lines))
    got = post.split("\n")
    cut = next((k for k, x in enumerate(kept) if x is None), len(kept))  # (a line shallower than the first: as is)
    assert got[:cut] == kept[:cut]
    assert post.split() == "\n".join(lines).split()


@pytest.mark.parametrize("bullet, sub", [("•", "◦"), ("•", "▪"), ("●", "○"), ("➤", "•")])
def test_a_nested_list_of_typographic_bullets_is_no_code_block(bullet, sub):
    text = (f"Tools:\n{bullet} Design\n  {sub} Figma\n  {sub} Notion\n{bullet} Habits\n\n"
            "Done with the list, thanks for reading.")
    texts = _texts(text)
    assert texts[0] == f"Tools:\n{bullet} Design\n  {sub} Figma\n  {sub} Notion\n{bullet} Habits"
    assert not any("```" in t for t in texts)


def test_a_fraction_over_a_lone_second_number_keeps_its_words_whatever_its_case():
    assert _texts("1/4 Founders say they would do it again.\n\n2/ The rest? Not so sure.") == [
        "1/4 Founders say they would do it again.", "The rest? Not so sure."]


def test_a_closing_paragraph_under_a_list_post_stays_with_the_post_above():
    """Where a heading or list is among the posts above, blank lines may part one post's own paragraphs: the short
    last paragraph stays with the words above it (the stricter rule; nothing is lost either way)."""
    text = "My week, planned 🧵\n\n- Monday\n  - inbox zero\n- Tuesday\n  - deep work\n\n" \
           "That is the whole plan, no more and no less.\n\nThanks!"
    assert _texts(text)[-1] == "That is the whole plan, no more and no less.\n\nThanks!"
