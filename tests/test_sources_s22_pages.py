"""Thread pages written for session 22 as browsers copy them, not tuned on before: German with an ad between the
author's posts and relative dates ("3 Std."), French logged out under the sign-up wall with a long premium post,
Japanese with a poll's percentages, Portuguese with an edited opening post ("Última edição às …"), and more (see
each file): Italian quoting the author's older post ("Citazione"), a Dutch timeline's "Deze draad weergeven",
Swedish answering someone ("Svarar"), a Russian community note, a Vietnamese link card, an Edge mobile copy of
a thread answering itself, a pinned premium post, a German video, a German selection starting inside a post,
a Spanish mobile copy logged out ("Lee 14 respuestas"), a Swedish poll opening the thread. Every post and every
word of the creator arrives, with the author; nothing of X's page does."""
from __future__ import annotations

from pathlib import Path

import pytest
from page_copy_helpers import SHAPES, check_page_copy

from studio.app.imports import Imports

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s22-sources"
PAGES = sorted(p.name for p in FIXTURES.glob("page-*.txt"))
# X's lines in these copies' languages: none may reach a slide.
X_LINES = {"Folgen", "Anzeige", "Mal angezeigt", "3 Std.", "Weitere Antworten anzeigen", "Zu den Trends springen",
           "vues", "S'inscrire", "Se connecter", "Créer un compte", "Nouveau sur X ?", "Plus", "ポストを翻訳", "件の表示",
           "38.2%", "最終結果", "1,024票", "5時間", "Última edição às 11:02 AM", "Imagem", "Visualizações", "Descubra mais",
           "Originado de toda a X", "Seguir", "Citazione", "Traduci post", "Mostra altre risposte", "Segui",
           "Deze draad weergeven", "4,1K", "Följ", "Svarar", "Översätt inlägg", "Visa fler svar", "Inlägg",
           "Konversation", "Читать", "Читатели добавили контекст", "просмотров", "Theo dõi", "Bài đăng", "Lượt xem",
           "Từ minhanh.dev", "minhanh.dev", "Replying to", "@theogrant", "Last edited", "Show replies", "Pinned",
           "Subscribe", "Bild", "Antworten anzeigen", "Mehr entdecken", "Aus ganz X", "Mal angezeigt", "Lee 14 respuestas", "Mostrar más",
           "Iniciar sesión", "Regístrate", "Únete a X hoy mismo", "Visualizaciones", "12,3 mil", "38,2 %",
           "61,8 %", "1 024 röster · Slutresultat", "visningar"}


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("name", PAGES)
def test_every_post_and_word_arrives_without_xs_lines(name, shape):
    check_page_copy(FIXTURES / name, shape, X_LINES)


def test_an_ad_in_another_language_is_no_post_of_the_thread():
    result = Imports.paste((FIXTURES / "page-german-ad-relative.txt").read_text(encoding="utf-8"))
    assert not any("Kurs für Gründer" in p.text for p in result.threads[0].posts)
    assert not any("read as X's menu" in w for w in result.warnings)


def test_an_edit_label_in_portuguese_with_its_time_is_xs():
    result = Imports.paste((FIXTURES / "page-portuguese-edited.txt").read_text(encoding="utf-8"))
    assert "edição" not in result.threads[0].posts[0].text


@pytest.mark.parametrize("name, label", [("page-italian-quote.txt", "Citazione"),
                                         ("page-dutch-timeline-show-thread.txt", "Deze draad weergeven")])
def test_xs_quote_and_show_this_thread_in_other_languages_are_xs(name, label):
    posts = Imports.paste((FIXTURES / name).read_text(encoding="utf-8")).threads[0].posts
    assert not any(label in p.text for p in posts)
    assert not any("Non assumere" in p.text for p in posts)  # the quoted older post is not one of the thread


def test_a_swedish_copy_answering_someone_is_the_authors_thread():
    posts = Imports.paste((FIXTURES / "page-swedish-replying.txt").read_text(encoding="utf-8")).threads[0].posts
    assert {p.handle for p in posts} == {"erikholm"} and len(posts) == 3


def test_a_copy_starting_inside_a_post_still_reads_the_counts_under_the_next_ones_as_xs():
    posts = Imports.paste((FIXTURES / "page-german-partial-selection.txt").read_text(encoding="utf-8")).threads[0].posts
    assert posts[1].text == "Zweiter Punkt: jeden Tag schreiben."


def test_a_spanish_wall_is_no_line_of_the_creators():
    result = Imports.paste((FIXTURES / "page-spanish-mobile-logged-out.txt").read_text(encoding="utf-8"))
    assert not any("read as X's menu" in w for w in result.warnings)
    assert result.threads[0].posts[-1].text == "Di que no a los proyectos sin brief."


def test_a_poll_opening_the_thread_is_named_in_the_notice():
    result = Imports.paste((FIXTURES / "page-swedish-poll-opening.txt").read_text(encoding="utf-8"))
    assert "kept the options of 1 poll, without X's vote shares and counts" in result.warnings
