"""Session 25: 35 X archives of unusual shapes (ids as numbers, a byte-order mark, two part files, bare items,
newest first, a fork, a thread answering someone else, long posts in note-tweet.js, decomposed accents, joined emoji,
ranges past the end, a file cut short, dates X cannot have written, a post over 5,000 words). The listing and the
import give the same thread, each post the creator's words exactly; a date that is no real time of X's is blank,
with a note, and never moves a post."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from studio.app.imports import list_archive, read_archive_thread

FIXTURES = Path(__file__).parent / "fixtures" / "unseen-s25-archives"
ARCHIVES = sorted(p.name for p in FIXTURES.glob("*.zip"))


def expected(name: str) -> dict:
    return json.loads((FIXTURES / name).with_suffix(".expected.json").read_text(encoding="utf-8"))


def test_there_are_thirty_archives():
    assert len(ARCHIVES) >= 30


@pytest.mark.parametrize("name", ARCHIVES)
def test_the_listing_and_the_import_give_the_creators_words_post_by_post(name):
    want = expected(name)
    for result in (list_archive(FIXTURES / name), read_archive_thread(FIXTURES / name, want["thread"])):
        [thread] = [t for t in result.threads if t.id == want["thread"]]
        assert [p.text for p in thread.posts] == want["posts"]


@pytest.mark.parametrize("name", [n for n in ARCHIVES if n.startswith("bad-date")])
def test_a_date_that_is_no_real_time_of_xs_is_blank_and_said(name):
    want = expected(name)
    for result in (list_archive(FIXTURES / name), read_archive_thread(FIXTURES / name, want["thread"])):
        [thread] = [t for t in result.threads if t.id == want["thread"]]
        dates = [p.created_at for p in thread.posts]
        assert dates.count("") == 1 and all(d.startswith("2024-") for d in dates if d)
        assert any("without a date" in w for w in result.warnings)
