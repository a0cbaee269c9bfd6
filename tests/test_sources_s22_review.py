"""Session 22 review of round 1 (sources): the creator's words in shapes that look like X's lines stay whole."""
from __future__ import annotations

from pathlib import Path

import pytest

from studio.app.imports import Imports

FIXTURES = Path(__file__).parent / "fixtures" / "sources-s22r2"


@pytest.mark.parametrize("name, words", [("ad-mention-de.txt", "Mein Lieblingskanal:\n@lernwerk\nAnzeige\n"
                                                               "Ist das Werbung? Nein."),
                                         ("ad-mention-en.txt", "Mein Lieblingskanal:\n@lernwerk\nAd\nIs it an ad? No.")])
def test_a_mention_over_an_ad_label_inside_a_post_is_no_ad(name, words):
    """An ad starts under the counts of the post above it; the creator's "@lernwerk" / "Anzeige" under the
    header's time is the post's own words."""
    result = Imports.paste((FIXTURES / name).read_text(encoding="utf-8"))
    texts = [p.text for p in result.threads[0].posts]
    assert texts == ["Wie ich gewachsen bin.", words, "Das war's."]
    assert not any("other accounts" in w or "no text" in w for w in result.warnings)


@pytest.mark.parametrize("name, words", [("partial-years.txt", "Meine Jahre:\n2021\n2022\n2023"),
                                         ("partial-countdown.txt", "Countdown zum Launch:\n3\n2\n1")])
def test_the_creators_number_list_stays_under_a_copy_starting_inside_a_post(name, words):
    """X's counts over the first header make numbers elsewhere look like counts; a year list or a run falling to
    its end is never X's row (its views, last, are never below the count before them)."""
    result = Imports.paste((FIXTURES / name).read_text(encoding="utf-8"))
    assert result.threads[0].posts[1].text == words


@pytest.mark.parametrize("closing", ["Thanks!", "That's it.", "Follow for more.", "Fin.", "Danke!", "Merci !",
                                     "Gracias.", "The end.", "Cheers", "PS: more next week."])
def test_a_posts_own_second_paragraph_is_not_split_off(closing):
    """A post's own short last paragraph stays with it where a paragraph above is no sentence of its own."""
    posts = [p.text for p in Imports.paste("How I grew to 10k followers\n\nI posted every day, no exceptions.\n"
                                           f"The rest followed.\n\n{closing}\n").threads[0].posts]
    assert posts[-1].endswith(f"The rest followed.\n\n{closing}")


def test_a_long_words_post_keeps_its_last_paragraph():
    text = (Path(__file__).parent / "fixtures" / "unseen-s17" / "08-one-long-word.txt").read_text(encoding="utf-8")
    posts = [p.text for p in Imports.paste(text).threads[0].posts]
    assert posts[-1].endswith("Did it fit?\n\nThe end.")


def test_a_pasted_archive_data_file_says_what_it_holds():
    """archive_files' one rule: account data pasted is named as such; posts data points to the Archive import."""
    from studio.sources import SourceError, parse_paste
    with pytest.raises(SourceError, match="“account” data, not your posts"):
        parse_paste('  window.YTD.account.part0 = [{"account": {"username": "dana"}}]')
    with pytest.raises(SourceError, match="under Archive instead of pasting it"):
        parse_paste('window.YTD.tweets.part0 = [{"tweet": {"full_text": "hi"}}]')


def test_one_half_over_a_lone_second_number_keeps_its_words():
    """"1/2" with a lower-case word after it over a lone "2/" may be a fraction: its words stay (as for "1/3")."""
    posts = [p.text for p in Imports.paste("1/2 the battle is showing up.\n\n2/ Then I learned to rest.\n\n"
                                           "That's all.\n").threads[0].posts]
    assert posts[0] == "1/2 the battle is showing up."


@pytest.mark.parametrize("name, index, words", [("svarar-mid.txt", 1, "Second post. Det är poängen.\nSvarar"),
                                                ("es-lastpost.txt", 2, "Lee 14 respuestas"),
                                                ("pt-edited-lastpost.txt", 2, "Última edição às 11:02 AM")])
def test_xs_words_where_x_never_puts_them_are_the_creators(name, index, words):
    """"Svarar" (X's over a post) right under the words, over the counts, and "Lee 14 respuestas" (X's under the
    counts) as a post's only line are the creator's: kept, no false "no text" notice."""
    result = Imports.paste((FIXTURES / name).read_text(encoding="utf-8"))
    assert result.threads[0].posts[index].text == words
    assert not any("no text" in w for w in result.warnings)


@pytest.mark.parametrize("name, index, words", [("list-page-false-nesting.txt", 1, "- a\n- b\n- c"),
                                                ("list-numbered-false-nesting.txt", 1, "- a\n- b\n- c"),
                                                ("list-figure-space.txt", 0, "- a\n  - b\n- c"),
                                                ("list-shallower.txt", 0, "- a\n- b\n- c\n- d")])
def test_list_depth_is_relative_to_the_posts_first_item(name, index, words):
    """A page-copy post or a numbered post opening with an indented item, a list indented with figure spaces, and
    an item shallower than the first: no item nests under another it sat level with (or left of)."""
    result = Imports.paste((FIXTURES / name).read_text(encoding="utf-8"))
    assert result.threads[0].posts[index].text == words
