"""components/relay.py: an event reaches the author's page at once and every other page one a turn of the loop,
each page in the order the events happened, a deleted page never."""
from __future__ import annotations

import asyncio

from nicegui import Event

from components.relay import Relay


class Page:
    """Stands for a studio page: whose it is, and what it heard (``log``, shared by all pages: who heard what)."""

    def __init__(self, person: str, log: list) -> None:
        self.person, self.log = person, log

    def heard(self, event: str) -> None:
        self.log.append((self.person, event))


def pages(event: Event, *people: str) -> tuple[list[Page], list]:
    log: list = []
    made = [Page(person, log) for person in people]
    for page in made:
        event.subscribe(page.heard)
    return made, log


def author(person: str):
    return lambda owner: getattr(owner, "person", None) == person


async def settled(relay: Relay) -> None:
    for _ in range(1000):
        if not relay.waiting:
            break
        await asyncio.sleep(0)
    await asyncio.sleep(0)


async def test_the_authors_page_hears_at_once_and_the_others_in_later_turns():
    event = Event()
    _, log = pages(event, "ann", "bob", "cy")
    relay = Relay(event)
    relay.emit("typed", first=author("bob"))
    assert log == [("bob", "typed")], "only the author's page redraws before the loop turns"
    await settled(relay)
    assert sorted(log) == [("ann", "typed"), ("bob", "typed"), ("cy", "typed")]


async def turns_between_pages(slice_s: float) -> list[int]:
    """How many turns of the loop other work (a task that notes each turn) had between two pages' deliveries."""
    event = Event()
    _, log = pages(event, *"abcdef")
    relay = Relay(event, slice_s=slice_s)
    stop = asyncio.Event()

    async def request() -> None:
        while not stop.is_set():
            log.append(("turn", ""))
            await asyncio.sleep(0)

    task = asyncio.create_task(request())
    await asyncio.sleep(0)
    relay.emit("typed")
    await settled(relay)
    stop.set()
    await task
    heard = [n for n, (who, _) in enumerate(log) if who != "turn"]
    assert len(heard) == 6
    return [sum(log[k][0] == "turn" for k in range(a + 1, b)) for a, b in zip(heard, heard[1:])]


async def test_the_loop_runs_other_work_between_two_pages_once_a_slice_is_used():
    """A request is served between two pages' redraws when the slice of a turn is used up (here: at once)."""
    assert all(await turns_between_pages(slice_s=0))


async def test_pages_share_a_turn_while_the_slice_lasts():
    """Within a turn's slice the queue goes on: it drains at the pace of the work, not of the loop's turns."""
    assert not any(await turns_between_pages(slice_s=60))


async def test_each_page_hears_the_events_in_order_even_its_own_person_s():
    """The author's page waits its turn while an earlier event is still queued for it: never out of order."""
    event = Event()
    _, log = pages(event, "ann", "bob")
    relay = Relay(event)
    relay.emit("one", first=author("ann"))  # bob's page: queued
    relay.emit("two", first=author("bob"))  # bob's own, but "one" waits for bob's page: queued behind it
    assert log == [("ann", "one")]
    await settled(relay)
    assert [e for who, e in log if who == "bob"] == ["one", "two"]
    assert [e for who, e in log if who == "ann"] == ["one", "two"]


async def test_a_page_deleted_while_its_event_waits_never_hears_it():
    event = Event()
    made, log = pages(event, "ann", "bob")
    relay = Relay(event)
    relay.emit("typed", first=author("ann"))
    event.unsubscribe(made[1].heard)  # bob's page is deleted before its turn
    await settled(relay)
    assert log == [("ann", "typed")]


async def test_simulated_browsers_hear_every_event_at_once():
    event = Event()
    _, log = pages(event, "ann", "bob")
    Relay(event, at_once=lambda: True).emit("typed", first=author("ann"))
    assert sorted(log) == [("ann", "typed"), ("bob", "typed")]


def test_without_a_running_loop_every_page_hears_at_once():
    event = Event()
    _, log = pages(event, "ann", "bob")
    Relay(event).emit("typed")
    assert log == [("ann", "typed"), ("bob", "typed")]


async def test_a_failing_page_does_not_keep_the_event_from_the_others(monkeypatch):
    from nicegui import core
    failures = []
    monkeypatch.setattr(core.app, "handle_exception", failures.append)
    event = Event()
    _, log = pages(event, "ann")
    event.subscribe(lambda e: 1 / 0)
    _, more = pages(event, "cy")
    relay = Relay(event)
    relay.emit("typed")
    await settled(relay)
    assert log == [("ann", "typed")] and more == [("cy", "typed")]
    assert len(failures) == 1 and isinstance(failures[0], ZeroDivisionError)


async def test_edits_in_one_turn_share_its_slice_and_the_authors_page_goes_first_after():
    """A second edit in a turn whose slice is spent waits for the next turn, its author's page first in the queue."""
    event = Event()
    _, log = pages(event, "ann", "bob")
    relay = Relay(event, slice_s=0)
    relay.emit("one", first=author("ann"))
    relay.emit("two", first=author("ann"))
    assert log == [("ann", "one")], "the turn's slice went to the first edit's redraw"
    await settled(relay)
    assert log == [("ann", "one"), ("ann", "two"), ("bob", "one"), ("bob", "two")]
