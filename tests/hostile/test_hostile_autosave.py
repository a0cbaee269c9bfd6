"""Autosave while ten people type at once: the project is written every few seconds, not at each pause of each
of them; the undo history (the larger write) less often; everything once typing pauses, on ``flush`` and on
closing. Time moves by hand (tests/hand_clock.py): nothing here depends on how busy the machine is."""
from __future__ import annotations

import json

import pytest

from studio.carousel import Carousel
from studio.history import History
from studio.slide import Slide
from studio.store import Autosaver, Store

from hand_clock import HandClock


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path)


class Counting:
    """Counts the store's project and history writes (the real ones still happen)."""

    def __init__(self, store: Store, clock: HandClock) -> None:
        self.projects, self.histories = [], []
        projects, save, save_history = store.projects, store.projects.save, store.projects.save_history

        def counted_save(*args, **kwargs):
            self.projects.append(clock.now())
            return save(*args, **kwargs)

        def counted_history(*args, **kwargs):
            self.histories.append(clock.now())
            return save_history(*args, **kwargs)

        projects.save, projects.save_history = counted_save, counted_history


def saver_on_hand_clock(store: Store) -> tuple[Autosaver, HandClock, Counting]:
    clock = HandClock()
    saver = Autosaver(store, delay=0.8, max_wait=2.0, every=2.0, history_quiet=3.0, history_every=15.0,
                      clock=clock.now, start_timer=clock.start_timer)
    return saver, clock, Counting(store, clock)


def ten_slides() -> Carousel:
    return Carousel(name="Ten", slides=[Slide(kind="content", title=f"slide {n}") for n in range(10)])


def type_together(saver: Autosaver, clock: HandClock, pid: str, carousel: Carousel, history: History,
                  seconds: int) -> None:
    """Ten authors, each retyping its own slide's title once a second, one after another (a change every 0.1 s)."""
    for second in range(seconds):
        for author in range(10):
            carousel.slides[author].title = f"author {author} edit {second}"
            history.record(carousel)
            saver.changed(pid, carousel, history)
            clock.advance(0.1)


def saved_titles(store: Store, pid: str) -> list[str]:
    return [s.title for s in Store(store.data_dir).projects.load(pid).slides]


def test_ten_people_typing_are_saved_every_two_seconds_and_their_history_less_often(store):
    pid = store.projects.save(ten_slides())
    saver, clock, writes = saver_on_hand_clock(store)
    carousel = saver.open(pid)
    history = History(carousel)
    type_together(saver, clock, pid, carousel, history, seconds=30)  # 300 changes, never a pause of 0.8 s
    assert 10 <= len(writes.projects) <= 16  # every 2 s: 15 (was one per pause of the changes: up to 300)
    assert all(b - a >= 2.0 - 1e-6 for a, b in zip(writes.projects, writes.projects[1:]))
    assert 1 <= len(writes.histories) <= 2  # at least every 15 s, not with every project write
    assert writes.projects[-1] >= 28.0  # ≤ 2 s late
    clock.advance(3.0)  # typing paused: everything is written, the history too
    assert saved_titles(store, pid) == [f"author {n} edit 29" for n in range(10)]
    assert len(Store(store.data_dir).projects.load_history(pid)) == len(history)
    assert not saver.pending
    assert clock.waiting == 0


def test_one_person_pausing_is_saved_the_delay_after_the_pause(store):
    pid = store.projects.save(ten_slides())
    saver, clock, writes = saver_on_hand_clock(store)
    carousel = saver.open(pid)
    history = History(carousel)
    carousel.slides[0].title = "first words"
    history.record(carousel)
    saver.changed(pid, carousel, history)
    clock.advance(0.8)
    assert writes.projects == pytest.approx([0.8]) and writes.histories == []  # the project at the pause …
    clock.advance(2.2)
    assert writes.histories == pytest.approx([3.0])  # … its history once the pause lasts
    carousel.slides[0].title = "more words"
    saver.changed(pid, carousel, history)
    clock.advance(0.8)
    assert writes.projects == pytest.approx([0.8, 3.8])
    assert saved_titles(store, pid)[0] == "more words"


def test_a_change_soon_after_a_save_waits_for_the_next_turn_but_no_longer(store):
    pid = store.projects.save(ten_slides())
    saver, clock, writes = saver_on_hand_clock(store)
    carousel = saver.open(pid)
    carousel.slides[0].title = "one"
    saver.changed(pid, carousel)
    clock.advance(0.8)
    carousel.slides[0].title = "two"
    saver.changed(pid, carousel)
    clock.advance(0.8)
    assert writes.projects == [0.8]  # 2 s after the last save, not 0.8 s after this change
    clock.advance(1.2)
    assert writes.projects == pytest.approx([0.8, 2.8])
    assert saved_titles(store, pid)[0] == "two"


def test_flush_and_close_write_everything_pending_history_included(store):
    pid = store.projects.save(ten_slides())
    saver, clock, writes = saver_on_hand_clock(store)
    carousel = saver.open(pid)
    history = History(carousel)
    type_together(saver, clock, pid, carousel, history, seconds=3)
    saver.close()  # a clean stop: what each author typed last is on disk, with the whole history
    assert not saver.pending
    assert saved_titles(store, pid) == [f"author {n} edit 2" for n in range(10)]
    doc = json.loads(store.data_dir.joinpath("projects", f"{pid}.history.json").read_text())
    assert len(doc["snapshots"]) == len(history)
    clock.advance(60)
    assert len(writes.projects) == len(set(writes.projects))  # nothing written twice afterwards


def test_flush_soon_writes_on_the_timer_at_once(store):
    pid = store.projects.save(ten_slides())
    saver, clock, writes = saver_on_hand_clock(store)
    carousel = saver.open(pid)
    history = History(carousel)
    carousel.slides[3].title = "another project is opened next"
    history.record(carousel)
    saver.changed(pid, carousel, history)
    saver.flush_soon()
    assert writes.projects == []  # not on the caller's thread
    clock.advance(0)
    assert writes.projects == [0] and writes.histories == [0]
    assert saved_titles(store, pid)[3] == "another project is opened next"
