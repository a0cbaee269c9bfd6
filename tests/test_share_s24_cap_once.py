"""Share mode, a text merged past its cap: each person with typing in it is told once while it stays over (a third
typist's merge told the first two again), and a person is their own replica for good: a tab opened later (its
origin object at a freed one's address) is never told about another's words."""
from __future__ import annotations

import gc

from studio import limits
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument
from studio.share.document import SharedDocument
from studio.share.sync import Channel


class Person:
    def __init__(self, name: str) -> None:
        self.name, self.slide = name, 1


def test_three_typists_over_a_cap_are_each_told_once():
    hub = SharedDocument(sample_carousel())
    names = ("cy", "bob", "ada")
    replicas = {n: hub.replica(n, capture_ms=0) for n in names}
    heard: dict[str, list[str]] = {n: [] for n in names}
    channels = {n: Channel(replicas[n], lambda m: None, lambda: None, tell=heard[n].append) for n in names}
    slide = hub.slide_ids()[1]
    for channel in channels.values():
        channel.watch(slide, "title")
    replicas["cy"].set_text(slide, "title", "t" * (limits.MAX_TITLE_CHARS - 6))
    versions = {}
    for n, channel in channels.items():
        channel.refresh()
        versions[n] = channel.versions[(slide, "title")]
    for n in names:
        channels[n].edit(slide, "title", [(0, 0, n.upper() * 2)], versions[n], 1)
    assert len(hub.text(slide, "title")) > limits.MAX_TITLE_CHARS
    assert {n: len(heard[n]) for n in names} == {"cy": 1, "bob": 1, "ada": 1}


def test_a_tab_opened_at_a_freed_tabs_address_is_another_person(monkeypatch):
    from studio.share import codocument
    monkeypatch.setattr(codocument, "id", lambda _origin: 4242, raising=False)  # (every tab at one freed address)
    doc = CoDocument(sample_carousel())
    ada = Person("ada")
    ada_name = doc.replica(ada).person
    del ada
    gc.collect()
    assert doc.replica(Person("carl")).person != ada_name
