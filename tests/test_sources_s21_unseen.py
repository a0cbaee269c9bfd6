"""Inputs written for session 21 and not tuned on before: thread pages copied in Polish (Firefox), Turkish (a video,
a GIF, "B" counts), Korean (a GIF with its ALT badge), Arabic (right to left, Arabic digits, direction marks),
Hindi ("हज़ार", "लाख"), Indonesian ("rb", "jt"), Spanish ("3,4 K", "12 mil", two photos with ALT badges), a post
with an X Article's card, a creator whose lines are worded as X's buttons and counts; a long-form draft with
headings and lists; and an extracted archive whose files start with a BOM and end lines in CRLF, with a thread
that answers itself across six months. Every post and every word of the creator arrives; nothing of X's page does."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from page_copy_helpers import SHAPES, check_page_copy

from studio.app.imports import Imports
from studio.sources.archive import read_archive, read_archive_file
from studio.sources.paste import parse_paste

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s21-sources"
PAGES = sorted(p.name for p in FIXTURES.glob("page-*.txt"))
# What X's page puts around the posts, in the languages of these copies: none of it may reach a slide.
X_LINES = {"Obserwuj", "Przetłumacz wpis", "Obraz", "1,1 tys.", "Takip et", "Gönderiyi çevir", "GIF", "3,4 B",
           "팔로우", "게시물 번역하기", "ALT", "1.1천", "متابعة", "ترجمة المنشور", "صورة", "مشاهدة", "फ़ॉलो करें",
           "पोस्ट का अनुवाद करें", "छवि", "2.1 हज़ार", "Ikuti", "Terjemahkan postingan", "Gambar", "1,1 jt", "Tayangan",
           "Tampilkan balasan", "Seguir", "Mostrar traducción", "Imagen", "1,9 K", "12 mil", "1.204", "Follow", "Views",
           "Przejdź do strony głównej", "홈으로 이동", "الرئيسية", "Odkryj więcej", "Daha fazlasını keşfet",
           "اكتشف المزيد"}


def _expected(name: str) -> dict:
    return json.loads((FIXTURES / name).with_suffix(".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("name", PAGES)
def test_every_post_and_word_arrives_without_xs_lines(name, shape):
    check_page_copy(FIXTURES / name, shape, X_LINES)


@pytest.mark.parametrize("name", ["page-polish-firefox.txt", "page-korean-gif.txt", "page-arabic-rtl.txt"])
def test_xs_menu_in_polish_korean_and_arabic_is_no_line_of_the_creators(name):
    result = Imports.paste((FIXTURES / name).read_text(encoding="utf-8"))
    assert not any("read as X's menu" in w for w in result.warnings)


def test_each_photo_video_and_translate_button_left_out_is_named():
    warnings = Imports.paste((FIXTURES / "page-turkish-video.txt").read_text(encoding="utf-8")).warnings
    assert any(w.startswith("1 post had photos or videos") for w in warnings)  # the GIF
    assert any('("0:42")' in w for w in warnings)  # the video's length, kept as it may be the creator's
    assert any('post 4 ended in X\'s translate button ("Gönderiyi çevir")' in w for w in warnings)


def test_a_long_form_draft_keeps_its_headings_lists_and_last_lines():
    text = (FIXTURES / "paste-longform-headings.txt").read_text(encoding="utf-8")
    got = [p.text for p in parse_paste(text).threads[0].posts]
    assert got == _expected("paste-longform-headings.txt")["posts"]
    assert " ".join(got).split() == text.split()  # every word, in order (a draft's "Follow" is the creator's)


def test_an_archive_with_bom_and_crlf_reads_a_thread_across_months():
    expected = _expected("archive-crlf-bom-months.json")["threads"]
    result = read_archive(FIXTURES / "archive-crlf-bom-months")
    assert [[p.text for p in t.posts] for t in result.threads] == expected  # the lone post is no thread
    assert {(p.author_name, p.handle) for t in result.threads for p in t.posts} == {("Mert Aydın", "mert_dev")}
    assert [p.created_at[:7] for p in result.threads[0].posts] == ["2026-05", "2026-07", "2026-09", "2026-11"]


def test_tweets_js_alone_reads_the_chosen_thread_as_the_archive_does():
    path = FIXTURES / "archive-crlf-bom-months" / "data" / "tweets.js"
    whole = read_archive_file(path, thread_id="3200000000000000101").thread()
    assert [p.text for p in whole.posts] == _expected("archive-crlf-bom-months.json")["threads"][0]
    assert read_archive_file(str(path)).threads  # a path given as text reads too


@pytest.mark.parametrize("end", ["Odkryj więcej\nPochodzi z całego X\n", "Odkryj więcej\n",
                                 "Daha fazlasını keşfet\nX'in her yerinden\n"])
def test_a_copy_that_stops_at_discover_more_in_polish_or_turkish_ends_in_the_creators_words(end):
    page = (FIXTURES / "page-polish-firefox.txt").read_text(encoding="utf-8")
    page = page[:page.index("Tomasz W.")] + end
    assert Imports.paste(page).threads[0].posts[-1].text == "Więcej\nMniej kursów, więcej budowania. To wszystko."
