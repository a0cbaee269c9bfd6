"""X's translation under a post, when Google's name is its logo (session 16): the copy holds "Translated from
Spanish by" alone, then the translation; both went onto the slide as the author's words."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from property_examples import examples

from studio.sources import parse_paste

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


def test_a_translation_whose_source_is_a_logo_is_left_out():
    result = parse_paste((FIXTURES / "s16-page-translation-logo.txt").read_text(encoding="utf-8"))
    assert [p.text for p in result.threads[0].posts] == [
        "Aprendí más en 3 meses vendiendo que en 3 años programando.",
        "La primera lección: nadie compra funciones, compran resultados.",
        "La segunda: pregunta el precio antes de construir."]
    assert result.warnings == ["post 1 had X's translation under the text: left out (“I learned more in 3 months "
                               "selling than …”), the slides keep the author's own words", 'post 2 ended in X\'s translate button ("Translate post"): left out; paste it back into the slide if it was the author\'s own line']


@pytest.mark.parametrize("line", ["Translated from Spanish by Google", "Translated from Spanish by",
                                  "Traducido del inglés por", "Übersetzt aus dem Spanischen von Google",
                                  "Traduit de l’espagnol par", "Traduzido do espanhol por Google"])
def test_either_form_of_the_label_cuts_the_translation(line):
    page = ("Lucía\n@lucia\nHola a todos.\n" + line + "\nHello everyone.\n9:15 AM · Oct 12, 2026\n"
            "Lucía\n@lucia\n·\nOct 12\nSegunda parte.\n")
    assert [p.text for p in parse_paste(page).threads[0].posts] == ["Hola a todos.", "Segunda parte."]


def page(first: str) -> str:
    return (f"Mara Lindqvist\n@maralind\n·\nNov 2\n{first}\n14\n38\n"
            "Mara Lindqvist\n@maralind\n·\nNov 2\nSecond post of the thread.\n5\n")


@pytest.mark.parametrize("text", [
    "A poem I love:\nTraducido del inglés por mí\nEl mar no tiene dueño.\nNadie lo compra.",
    "A poem I love.\nTranslated from Spanish by me\nThe sea has no owner.\nNobody buys it.",
    "Un poème:\nTraduit de l’anglais par mon frère\nLa mer n’a pas de maître.",
], ids=["es-by-me", "en-by-me", "fr-by-my-brother"])
def test_a_translation_the_author_signs_is_the_authors(text):
    result = parse_paste(page(text))
    assert [p.text for p in result.threads[0].posts] == [text, "Second post of the thread."]
    assert not any("translation" in w for w in result.warnings)


@pytest.mark.parametrize("label", ["Traduit du japonais par", "Traducido del chino tradicional por",
                                   "Traduzido do japonês por Google", "Translated from Traditional Chinese by Grok"])
def test_a_label_naming_a_language_in_two_words_or_with_du_cuts_the_translation(label):
    result = parse_paste(page(f"Mi poema favorito.\n{label}\nMy favourite poem."))
    assert [p.text for p in result.threads[0].posts] == ["Mi poema favorito.", "Second post of the thread."]


def test_the_notice_quotes_the_words_left_out():
    result = parse_paste(page("Grammar tip:\nTranslated from Spanish by\n\nis how X labels it"))
    assert result.warnings == ["post 1 had X's translation under the text: left out (“is how X labels it”), the "
                               "slides keep the author's own words"]


@settings(max_examples=examples(40), deadline=None)
@given(st.sampled_from(["Translated from Spanish by", "Traducido del inglés por", "Traduit de l’anglais par",
                        "Übersetzt aus dem Englischen von", "Traduzido do inglês por"]),
       st.lists(st.text(st.characters(whitelist_categories=["Ll", "Lu"]), min_size=1, max_size=8),
                min_size=1, max_size=3))
def test_property_a_label_signed_by_anyone_but_an_engine_keeps_every_word(label, signer):
    assume(not ({" ".join(signer)} & {"Google", "Grok", "Microsoft", "Bing"}))
    text = f"A poem I love:\n{label} {' '.join(signer)}\nThe sea has no owner."
    assert [p.text for p in parse_paste(page(text)).threads[0].posts] == [text, "Second post of the thread."]
