"""Inputs written for session 20 and not tuned on before: thread pages copied in other interface languages
(Spanish, German from Safari, Japanese, Portuguese with a poll, French with a community note), a dark-mode HTML
copy, quoted posts, photos with descriptions, a link's small card, an ad and another author's reply between the
posts, a logged-out copy, a translated opening post, the creator's words worded as X's buttons; and an extracted
archive with tweets-part1.js, a long post in note-tweet.js, an edited post, a repost, a reply to someone else and a
photo missing. Every post and every word of the creator arrives; nothing of X's page does."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from page_copy_helpers import SHAPES, check_page_copy

from studio.app.imports import Imports
from studio.sources.archive import read_archive, read_archive_file
from studio.sources.paste import parse_paste

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s20-sources"
PAGES = sorted(p.name for p in FIXTURES.glob("page-*.txt"))
# What X's page puts around the posts, in the languages of these copies: none of it may reach a slide.
X_LINES = {"Follow", "Seguir", "Folgen", "S'abonner", "フォローする", "Show more", "Mostrar más", "Mehr anzeigen",
           "Afficher plus", "さらに表示", "Translate post", "Traducir post", "Beitrag übersetzen", "Traduire le post",
           "ポストを翻訳", "Mostrar tradução", "Promoted", "Quote", "Discover more", "Descubre más", "Mehr entdecken",
           "Show replies", "Mostrar respuestas", "Antworten anzeigen", "返信を表示", "Show more replies", "Image", "GIF",
           "ALT", "Imagen", "Bild", "画像", "Views", "Visualizaciones", "Mal angezeigt", "件の表示", "vues",
           "Visualizações", "Read 14 replies", "Log in", "Sign up", "Responder", "返信", "Evaluer"}


def _expected(name: str) -> dict:
    return json.loads((FIXTURES / name).with_suffix(".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("name", PAGES)
def test_every_post_and_word_arrives_without_xs_lines(name, shape):
    check_page_copy(FIXTURES / name, shape, X_LINES)


def test_a_dark_mode_html_copy_keeps_its_emoji_mentions_and_tags():
    expected = _expected("page-dark-mode.html")
    posts = parse_paste((FIXTURES / "page-dark-mode.html").read_text(encoding="utf-8")).threads[0].posts
    assert [p.text for p in posts] == expected["posts"]
    assert {p.handle for p in posts} == {expected["handle"]}


def test_an_authors_show_more_inside_a_post_stays_and_xs_under_it_goes():
    result = Imports.paste((FIXTURES / "page-creator-words-like-ui.txt").read_text(encoding="utf-8"))
    assert "The menu item\nShow more\nbecame" in result.threads[0].posts[3].text
    assert not any("Show more" in w for w in result.warnings)  # the author's line: no post was cut
    cut = Imports.paste((FIXTURES / "page-spanish-logged-in.txt").read_text(encoding="utf-8"))
    assert any("post 3 ended in X's \"Show more\"" in w for w in cut.warnings)


def test_an_opening_post_shown_in_xs_translation_only_keeps_it_and_says_so():
    result = Imports.paste((FIXTURES / "page-translated-long-post.txt").read_text(encoding="utf-8"))
    assert result.threads[0].posts[0].text.startswith("What I learned from running a ramen shop")
    assert any(w.startswith("post 1 showed X's translation") for w in result.warnings)
    assert not any("no text" in w for w in result.warnings)


def test_a_polls_vote_count_in_other_languages_stays_out():
    for votes in ("2.304 votos · Resultados finais", "1.204 votos · Resultados finales", "980 Stimmen · Endergebnisse",
                  "1 204 votes · Résultats finaux", "1\u202f204 votes · Résultats finaux", "2,304票 · 最終結果"):
        page = (FIXTURES / "page-portuguese-poll.txt").read_text(encoding="utf-8").replace(
            "2.304 votos · Resultados finais", votes)
        assert Imports.paste(page).threads[0].posts[0].text.endswith("Minha opinião no fio\nPython\nTypeScript\nGo\nOutra")


def test_a_small_cards_title_between_its_domain_and_source_stays_out():
    page = (FIXTURES / "page-alt-images-card.txt").read_text(encoding="utf-8")
    assert Imports.paste(page).threads[0].posts[2].text == "Full write-up with all the numbers:"


def test_discover_more_where_the_copy_stops_stays_out():
    page = (FIXTURES / "page-german-safari.txt").read_text(encoding="utf-8")
    assert Imports.paste(page).threads[0].posts[-1].text == "4. Das war's. Folgt mir für mehr, und teilt eure Erfahrungen!"


def test_an_extracted_archive_with_parts_notes_edits_and_a_missing_photo():
    expected = json.loads((FIXTURES / "archive-mixed.expected.json").read_text(encoding="utf-8"))
    result = read_archive(FIXTURES / "archive-mixed")
    got = sorted([p.text for p in t.posts] for t in result.threads)
    assert got == sorted(expected["threads"])  # no repost, no reply to someone else, no single post
    assert {(p.author_name, p.handle) for t in result.threads for p in t.posts} == {("Inés Código", "ines_codes")}
    assert result.warnings == ["1 photo of 1 post (3100000000000000102) is not in the archive's data/tweets_media "
                               "folder: those slides show the text without them"]


def test_a_long_post_read_without_its_note_file_is_named_as_cut():
    result = read_archive_file(FIXTURES / "archive-mixed" / "data" / "tweets-part1.js")
    long = next(t for t in result.threads if t.posts[0].text.startswith("Why I stopped"))
    assert long.posts[0].text.endswith("not by time.…")
    assert any(w.startswith("1 long post (3100000000000000201) is cut at 280 characters") for w in result.warnings)


@pytest.mark.parametrize("name", ["paste-draft-fractions.txt", "paste-draft-fraction-hook.txt"])
def test_a_drafts_fractions_stay_and_its_numbers_go(name):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    for shape in (text, text.replace("\n", "\r\n")):
        assert [p.text for p in parse_paste(shape).threads[0].posts] == _expected(name)["posts"]


def test_xs_edit_banner_in_spanish_stays_out_and_is_named():
    result = Imports.paste((FIXTURES / "page-spanish-edited.txt").read_text(encoding="utf-8"))
    assert result.threads[0].posts[0].text == "Mi stack para un SaaS de una sola persona en 2026"
    assert any(w.startswith("post 1 is an older version of its post") for w in result.warnings)


def test_a_later_post_shown_in_xs_translation_only_keeps_it_too():
    page = (FIXTURES / "page-translated-long-post.txt").read_text(encoding="utf-8").replace(
        "2/ 常連さんが一番の営業です。\nTranslate post", "Translated from Japanese by Google\n2/ Regulars are the best sales team.")
    result = Imports.paste(page)
    assert result.threads[0].posts[-1].text == "Regulars are the best sales team."
    assert not any("no text" in w for w in result.warnings)
    assert any(w.startswith("posts 1, 3 showed X's translation") for w in result.warnings)


def _without_counts_and_ad(page: str) -> str:
    page = page[:page.index("Nimbus DB")] + page[page.index("Omar Haddad\n@omarhaddad\n·\nNov 10\n3/"):]
    return "\n".join(x for x in page.split("\n") if not x.replace(".", "").replace("K", "").isdigit())


def test_an_authors_quote_line_over_the_threads_next_post_keeps_both():
    page = _without_counts_and_ad((FIXTURES / "page-promoted-reply-between.txt").read_text(encoding="utf-8"))
    result = Imports.paste(page.replace("Blame vs. trade-offs tells you a lot.", "Blame vs. trade-offs.\nQuote"))
    texts = [p.text for p in result.threads[0].posts]
    assert texts[2].endswith("Blame vs. trade-offs.\nQuote")
    assert texts[3] == "\"Teach me something in 5 minutes.\" Clarity under pressure beats trivia."
    assert not any("quoted" in w for w in result.warnings)


CHROME19 = (Path(__file__).parent / "fixtures" / "unseen-s19-sources" / "page-chrome-logged-in.txt").read_text(
    encoding="utf-8")


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("edited", ["3:04 PM · Nov 2, 2026\nLast edited\n3:10 PM · Nov 2, 2026\n",
                                    "Last edited\n3:10 PM · Nov 2, 2026\n"])
def test_xs_last_edited_time_broken_over_two_lines_stays_out(edited, shape):
    texts = [p.text for p in Imports.paste(SHAPES[shape](CHROME19.replace("3:04 PM · Nov 2, 2026\n", edited)))
             .threads[0].posts]
    assert texts[0].split()[-3:] == ["past", "self:", "0:42"]
    assert len(texts) == 6


def test_an_authors_last_edited_line_in_a_later_post_stays():
    page = CHROME19.replace("More: lenaops.dev/pricing?ref=x", "More: lenaops.dev/pricing?ref=x\nLast edited")
    assert Imports.paste(page).threads[0].posts[1].text.endswith("pricing?ref=x\nLast edited")
