"""The thread picker's Date column sorts by the moment a thread began, whatever clock offset its post carries."""
from __future__ import annotations

from components.archive_source import thread_row
from studio.post import Post, Thread


def _row(when: str) -> dict:
    return thread_row(Thread(id=when, posts=[Post(id=when, text="Hi", created_at=when)]))


def test_threads_with_different_clock_offsets_sort_by_the_moment_they_began():
    india = _row("2024-01-01T10:00:00+05:30")  # 04:30 UTC: began first
    london = _row("2024-01-01T05:00:00+00:00")
    assert sorted([london, india], key=lambda r: r["when"]) == [india, london]
    assert india["date"] == "01 Jan 2024"  # shown as the post's own day


def test_a_date_without_an_offset_or_unreadable_keeps_its_text():
    assert _row("2024-01-01T10:00:00")["when"] == "2024-01-01T10:00:00"
    assert _row("yesterday-ish")["when"] == "yesterday-ish"
    assert _row("")["when"] == "" and _row("")["date"] == ""
