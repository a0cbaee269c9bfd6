"""What the archive listing does to be fast must not change what it lists.

The cycle collector is held only while an archive is read (and given back as it was found, also after
an error or with reads in several threads); a long post is still found by its note within ±2 seconds
when the shortcut by minute is taken.
"""
from __future__ import annotations

import gc
import threading
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings, strategies as st

from studio.sources import SourceError, read_archive
from studio.sources.archive import _NoteIndex, _Tweet
from property_examples import examples
from test_sources_archive import FOLLOW_UP, build, tweet, ytd


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    gc.enable() if was else gc.disable()


def test_collector_held_while_reading_and_given_back(tmp_path, collector_on):
    seen = []
    path = build(tmp_path / "a.zip", [tweet(100, "The opening post of the thread."), FOLLOW_UP])
    result = read_archive(path, progress=lambda done, total: seen.append(gc.isenabled()))
    assert [t.id for t in result.threads] == ["100"]
    assert seen and not any(seen)  # held while the posts were read
    assert gc.isenabled()


def test_collector_stays_off_when_it_was_off(tmp_path, collector_on):
    gc.disable()
    read_archive(build(tmp_path / "a.zip", [tweet(100, "The opening post of the thread."), FOLLOW_UP]))
    assert not gc.isenabled()


def test_collector_given_back_after_an_error(tmp_path, collector_on):
    path = tmp_path / "a.zip"
    build(path, [], files={"data/tweets.js": "window.YTD.tweets.part0 = [ {\"tweet\": "})
    with pytest.raises(SourceError):
        read_archive(path)
    assert gc.isenabled()


def test_collector_given_back_once_every_read_in_every_thread_is_done(tmp_path, collector_on):
    path = build(tmp_path / "a.zip", [tweet(100, "The opening post of the thread."), FOLLOW_UP])
    inside, release = threading.Event(), threading.Event()

    def slow_progress(done, total):
        inside.set()
        assert release.wait(60), "the test did not release the first read"

    first = threading.Thread(target=read_archive, args=(path, slow_progress))
    first.start()
    try:
        assert inside.wait(60), "the first read never started"
        read_archive(path)  # a second read starts and ends while the first is still reading
        assert not gc.isenabled()  # the first read still holds it
    finally:
        release.set()
        first.join(60)
    assert not first.is_alive() and gc.isenabled()


def _post_at(when: datetime, text: str) -> _Tweet:
    return _Tweet(100, text, 0, len(text), None, None, None, when.strftime("%a %b %d %H:%M:%S +0000 %Y"), 0, 0)


LONG = "A long post that needed more room than one post gives, written out in full. " * 5


@settings(max_examples=examples(200), deadline=None)
@given(st.datetimes(min_value=datetime(2022, 12, 31, 23, 58), max_value=datetime(2024, 1, 1, 0, 2)),
       st.integers(-4, 4), st.sampled_from([0, 1, 2, 57, 58, 59]))
def test_note_found_within_two_seconds_across_minutes(when, offset, second):
    """Notes just across a minute, hour, day or year from the post are found as before; 3 s is too far."""
    when = when.replace(second=second, microsecond=0, tzinfo=timezone.utc)
    notes = _NoteIndex()
    created = (when + timedelta(seconds=offset)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    assert notes.add({"noteTweet": {"createdAt": created, "core": {"text": LONG}}})
    found = notes.match(_post_at(when, LONG[:270] + "…"))
    assert (found is not None) == (abs(offset) <= 2)


def test_long_single_post_found_across_a_minute_in_an_archive(tmp_path):
    notes = [{"noteTweet": {"noteTweetId": "7", "createdAt": "2024-05-29T15:13:01.000Z", "core": {"text": LONG}}}]
    posts = [tweet(100, LONG[:270] + "…", created="Wed May 29 15:12:59 +0000 2024"),
             tweet(101, "Short one.", created="Wed May 29 15:13:30 +0000 2024")]
    result = read_archive(build(tmp_path / "a.zip", posts, files={"data/note-tweet.js": ytd("noteTweet", notes)}))
    assert [t.id for t in result.threads] == ["100"]
    assert result.threads[0].posts[0].text == LONG.strip()


def test_a_thread_asked_for_by_id_is_the_listings_and_the_only_one_built(tmp_path, monkeypatch):
    from studio.sources import archive
    posts = [tweet(100, "The opening post of the first thread.", likes=5), FOLLOW_UP,
             tweet(200, "The opening post of the second thread."), tweet(201, "Its reply, with enough words.", 200),
             tweet(300, "A third thread opens here."), tweet(301, "And goes on with this post.", 300)]
    path = build(tmp_path / "a.zip", posts)
    listed = {t.id: t for t in read_archive(path).threads}
    assert sorted(listed) == ["100", "200", "300"]
    built = []
    thread = archive._ArchiveReader._thread
    monkeypatch.setattr(archive._ArchiveReader, "_thread", lambda self, chain, *a: built.append(chain[0])
                        or thread(self, chain, *a))
    for thread_id in listed:
        built.clear()
        assert read_archive(path, thread_id=thread_id).threads == [listed[thread_id]]
        assert built == [thread_id]
    with pytest.raises(SourceError, match="no thread with id '101'"):
        read_archive(path, thread_id="101")
