"""Thread pages written for session 23 as browsers copy them, not tuned on before: Safari on macOS and iOS (logged
out, under the sign-up wall), Firefox on Android ("21h"), Chrome with X's translation shown and "Translate post"
buttons, X Pro columns (a thread column beside Home), a quoted post inside the thread and the author quoting their
own older post, polls (results, "2 days left"), a "Show more" cutting a post mid-thread, "Discover more" and
"Relevant people" tails, a selection from the middle of one post to the middle of another, a dark-mode copy with
blank lines between a header's parts, Japanese, Korean, Chinese and Ukrainian interfaces, Arabic and Hindi names,
a community note, and creators whose own words look like X's ("2.5K", "Show more",
"Follow", "Views", a countdown "3 / 2 / 1", "Followers on day one:" / "12"). Every word of the creator arrives,
post by post, with the author; nothing of X's page does."""
from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest
from page_copy_helpers import SHAPES, check_page_copy

from studio.app.imports import Imports

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s23-sources"
PAGES = sorted(p.name for p in FIXTURES.glob("page-*.txt"))
X_LINES = {"Follow", "Views", "Show more", "Translate post", "Translated from German by Google", "Quote", "Thread",
           "Discover more", "Sourced from across X", "Relevant people", "What’s happening", "New to X?", "Log in",
           "Sign up", "Create account", "Read 8 replies", "Readers added context", "Do you find this helpful?",
           "Rate it", "Promocionado", "Seguir", "Visualizaciones", "フォローする", "件の表示", "팔로우", "조회수", "关注",
           "查看", "Читати", "переглядів", "Replying to", "@marcusb", "812 votes · Final results",
           "412 votes · 2 days left", "12.4%", "21h", "Nov 12", "Home", "Conversation", "Post", "·", "Terms of Service"}


def words_lost_and_added(path: Path) -> tuple[collections.Counter, collections.Counter]:
    """The creator's words (the ``.expected.json`` beside ``path``) the paste lost, and the words it added."""
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = [p.text for p in Imports.paste(path.read_text(encoding="utf-8")).threads[0].posts]
    wrote = collections.Counter(w for t in expected["posts"] for w in t.split())
    read = collections.Counter(w for t in got for w in t.split())
    return wrote - read, read - wrote


def test_there_are_thirty_unseen_copies():
    assert len(PAGES) >= 30


@pytest.mark.parametrize("name", PAGES)
def test_no_word_of_the_creator_is_lost_and_none_is_added(name):
    lost, added = words_lost_and_added(FIXTURES / name)
    assert (lost, added) == (collections.Counter(), collections.Counter())


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("name", PAGES)
def test_every_post_and_word_arrives_without_xs_lines(name, shape):
    check_page_copy(FIXTURES / name, shape, X_LINES)


def test_a_number_under_a_colon_over_a_full_row_of_counts_is_kept_and_named():
    result = Imports.paste((FIXTURES / "page-count-like-last-line.txt").read_text(encoding="utf-8"))
    assert result.threads[0].posts[1].text == "Followers on day one:\n12"
    assert any('("12")' in w and "kept as the author's" in w for w in result.warnings)


def test_a_community_note_with_xs_question_under_its_footer_goes_whole():
    result = Imports.paste((FIXTURES / "page-community-note-mid.txt").read_text(encoding="utf-8"))
    expected = json.loads((FIXTURES / "page-community-note-mid.expected.json").read_text(encoding="utf-8"))
    assert [p.text for p in result.threads[0].posts] == expected["posts"]
    assert any("post 2 had readers' added context" in w for w in result.warnings)


def test_x_pro_columns_the_thread_is_the_account_with_the_most_posts():
    result = Imports.paste((FIXTURES / "page-xpro-two-columns.txt").read_text(encoding="utf-8"))
    assert {p.handle for p in result.threads[0].posts} == {"zoehart"}
    assert "skipped posts by other accounts on the page: @miafox" in result.warnings


def test_an_ad_in_spanish_with_no_counts_above_it_stays_in_the_post():
    """With no counts above it, the ad's shape is also a creator's own mention: kept whole, nothing dropped."""
    result = Imports.paste((FIXTURES / "ad-spanish-no-counts.txt").read_text(encoding="utf-8"))
    assert result.threads[0].posts[1].text.splitlines() == [
        "Nadie compra funciones. Compran resultados.", "Academia Crece", "@academiacrece", "Promocionado",
        "Aprende a vender online en 30 días. Plazas limitadas."]
