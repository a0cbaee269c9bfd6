"""X's translation under a post, when Google's name is its logo (session 16): the copy holds "Translated from
Spanish by" alone, then the translation; both went onto the slide as the author's words."""
from __future__ import annotations

from pathlib import Path

import pytest

from studio.sources import parse_paste

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


def test_a_translation_whose_source_is_a_logo_is_left_out():
    result = parse_paste((FIXTURES / "s16-page-translation-logo.txt").read_text(encoding="utf-8"))
    assert [p.text for p in result.threads[0].posts] == [
        "Aprendí más en 3 meses vendiendo que en 3 años programando.",
        "La primera lección: nadie compra funciones, compran resultados.",
        "La segunda: pregunta el precio antes de construir."]
    assert result.warnings == ["post 1 had X's translation under the text: left out, the slides keep the author's "
                               "own words"]


@pytest.mark.parametrize("line", ["Translated from Spanish by Google", "Translated from Spanish by",
                                  "Traducido del inglés por", "Übersetzt aus dem Spanischen von Google",
                                  "Traduit de l’espagnol par", "Traduzido do espanhol por Google"])
def test_either_form_of_the_label_cuts_the_translation(line):
    page = ("Lucía\n@lucia\nHola a todos.\n" + line + "\nHello everyone.\n9:15 AM · Oct 12, 2026\n"
            "Lucía\n@lucia\n·\nOct 12\nSegunda parte.\n")
    assert [p.text for p in parse_paste(page).threads[0].posts] == ["Hola a todos.", "Segunda parte."]
