"""Share mode: when two people's typing merges past a text's cap, everyone whose typing is in that text is told,
once (not again at each keystroke while it stays over), with the same message: not only the typist whose merge went
over, since the other sees their text drawn cut too."""
from __future__ import annotations

import pytest

from studio import limits
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument
from studio.share.document import SharedDocument
from studio.share.sync import Channel, TextBox

TITLE = limits.MAX_TITLE_CHARS


def _box(replica, slide: str, told: list[str]) -> tuple[Channel, TextBox]:
    outbox: list = []
    channel = Channel(replica, outbox.append, lambda: None, told.append)  # others' typing heard only when pulled
    box = TextBox(slide, "title")
    channel.watch(slide, "title")
    box.receive(outbox.pop())
    return channel, box


def _make(channel: Channel, message) -> None:
    channel.edit(message["slide"], message["field"], message["edits"], message["base"], message["seq"])


@pytest.mark.parametrize("ada_first", [True, False])
def test_both_typists_of_a_title_merged_past_its_cap_are_told_once_with_the_same_words(ada_first):
    hub = SharedDocument(sample_carousel())
    ada, bob, cy = hub.replica("ada"), hub.replica("bob"), hub.replica("cy")
    slide = hub.slide_ids()[1]
    start = "x" * (TITLE - 4 - 7) + " ending"  # 4 under the cap
    ada.set_text(slide, "title", start)
    bob.pull()
    told = {"ada": [], "bob": [], "cy": []}
    ada_channel, ada_box = _box(ada, slide, told["ada"])
    bob_channel, bob_box = _box(bob, slide, told["bob"])
    _box(cy, slide, told["cy"])  # watches the title, never typed in it
    typing = [(ada_channel, ada_box.type("AAA " + start)), (bob_channel, bob_box.type("BBB " + start))]
    for channel, message in typing[::1 if ada_first else -1]:
        _make(channel, message)  # the second merge goes over by 4
    assert len(told["ada"]) == len(told["bob"]) == 1 and told["ada"] == told["bob"]
    assert "the title of slide 2" in told["ada"][0] and f"{TITLE:,}" in told["ada"][0]
    assert told["cy"] == []
    later = hub.text(slide, "title")  # more typing while it stays over: nobody told again
    bob.pull()
    bob.set_text(slide, "title", later + "!")
    assert len(told["ada"]) == len(told["bob"]) == 1


def test_the_outro_headline_merged_past_its_cap_tells_both_people_once():
    cap = limits.MAX_CTA_HEADLINE_CHARS
    doc = CoDocument(sample_carousel())
    told: dict[str, list[str]] = {"ada": [], "bob": []}
    for person in told:
        doc.on_notice(person, told[person].append)
    base = "q" * (cap - 5)
    doc.set_cta(origin="ada", headline=base)
    doc.replica("bob").pull()
    doc.set_cta(origin="ada", headline=base + "ЖЖЖЖЖ")
    doc.set_cta(origin="bob", headline=base + "ΩΩΩΩΩ")
    assert len(told["ada"]) == len(told["bob"]) == 1 and told["ada"] == told["bob"]
    assert f"{cap:,}" in told["ada"][0] and "kept" in told["ada"][0]


def test_a_person_with_a_page_and_a_studio_notice_is_told_once():
    """In the studio a person's page has both a channel (its boxes) and a notice (the studio's): one message."""
    doc = CoDocument(sample_carousel())
    slide = doc.hub.slide_ids()[1]
    start = "x" * (TITLE - 4 - 7) + " ending"
    doc.set_slide_text(1, title=start, origin="ada")
    told: dict[str, list[str]] = {"ada": [], "bob": [], "bob's page": []}
    doc.on_notice("ada", told["ada"].append)
    doc.on_notice("bob", told["bob"].append)
    bob_channel, bob_box = _box(doc.replica("bob"), slide, told["bob's page"])
    _make(bob_channel, bob_box.type("BBB " + start))
    doc.set_slide_text(1, title="AAA " + start, origin="ada")  # Ada's merge goes over
    assert len(told["ada"]) == 1 and told["bob"] + told["bob's page"] == told["ada"]
