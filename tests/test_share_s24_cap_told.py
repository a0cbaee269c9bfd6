"""Share mode: a text merged past its cap is told to everyone whose words are in it (the typist whose merge went over,
and the others: their words may be the ones drawn cut), with what to do; not to anyone with no word in it (who never
typed there, who only deleted, whose typing was deleted since). Session 23 told only the typist whose merge went over."""
from __future__ import annotations

from studio import limits
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument
from studio.share.document import SharedDocument
from studio.share.sync import Channel


def _people(doc: CoDocument, *names: str) -> dict[str, list[str]]:
    told: dict[str, list[str]] = {name: [] for name in names}
    for name in names:
        doc.on_notice(name, told[name].append)
    return told


def test_everyone_whose_words_are_in_a_text_merged_past_its_cap_is_told_and_nobody_else():
    doc = CoDocument(sample_carousel())
    told = _people(doc, "ada", "bob", "cy", "dee", "eve")
    slide = doc.hub.slide_ids()[1]
    start = "x" * (limits.MAX_TITLE_CHARS - 4 - 7) + " ending"
    doc.set_slide_text(1, title=start, origin="ada")  # Ada replaces the whole title
    doc.set_slide_text(1, title=start[:-1], origin="cy")  # Cy only deletes a character
    doc.set_slide_text(1, title="Q" + start[:-1], origin="eve")  # Eve types a letter
    doc.set_slide_text(1, title=start, origin="ada")  # Ada deletes it (and puts back Cy's): no word of Eve's left
    doc.replica("dee").pull()  # Dee looks, never types
    doc.replica("bob").pull()
    doc.replica("bob").set_text(slide, "title", "BBB " + start)  # Bob's typing, not merged into Ada's box yet
    doc.set_slide_text(1, title="AAA " + start, origin="ada")  # Ada's merge goes over
    assert "AAA" in doc.carousel.slides[1].title and "BBB" in doc.carousel.slides[1].title
    assert len(told["ada"]) == 1 and "Your typing and someone else's" in told["ada"][0]
    assert len(told["bob"]) == 1
    assert "past its limit" in told["bob"][0] and "shorten it" in told["bob"][0] and "the title of slide 2" in told["bob"][0]
    assert told["cy"] == told["dee"] == told["eve"] == []


def test_a_page_is_told_once_through_its_channel_when_another_page_s_merge_takes_its_text_past_the_cap():
    hub = SharedDocument(sample_carousel())
    ada, bob = hub.replica("ada", capture_ms=0), hub.replica("bob", capture_ms=0)
    slide = hub.slide_ids()[1]
    heard: dict[str, list[str]] = {"ada": [], "bob": []}
    channels = [Channel(replica, lambda message: None, lambda: None, tell=heard[name].append)  # (heard later: at once)
                for name, replica in (("ada", ada), ("bob", bob))]
    for channel in channels:
        channel.watch(slide, "body")
    start = "y" * (limits.MAX_BODY_CHARS - 30) + " 👍🏽 é end"  # (counted in UTF-8 bytes: emoji and accents)
    ada.set_text(slide, "body", start)
    bob.pull()
    channels[1].refresh()
    bob_version = channels[1].versions[(slide, "body")]
    channels[0].refresh()
    ada_version = channels[0].versions[(slide, "body")]
    channels[1].edit(slide, "body", [(0, 0, "BOB " * 3)], bob_version, 1)  # Bob types at the start
    channels[0].edit(slide, "body", [(len(start), len(start), " ada" * 3)], ada_version, 1)  # Ada's goes over
    assert len(hub.text(slide, "body")) > limits.MAX_BODY_CHARS
    assert len(heard["ada"]) == 1 and "Your typing and someone else's" in heard["ada"][0]
    assert len(heard["bob"]) == 1 and "Someone else's typing, merged with yours" in heard["bob"][0]
    assert hub.typists(slide, "body") == {"ada", "bob"}


def test_whose_words_a_text_holds_follows_typing_and_deleting_in_utf8():
    hub = SharedDocument(sample_carousel())
    ada, bob = hub.replica("ada", capture_ms=0), hub.replica("bob", capture_ms=0)
    slide = hub.slide_ids()[0]
    assert hub.typists(slide, "title") == set()  # the studio's words
    ada.set_text(slide, "title", "👍🏽 é" + ada.text(slide, "title"))
    bob.pull()
    bob.set_text(slide, "title", bob.text(slide, "title") + " bob")
    assert hub.typists(slide, "title") == {"ada", "bob"}
    ada.pull()
    ada.set_text(slide, "title", ada.text(slide, "title")[:-4])  # Ada deletes Bob's word
    assert hub.typists(slide, "title") == {"ada"}
    bob.pull()
    bob.set_text(slide, "title", bob.text(slide, "title")[2:])  # Bob deletes Ada's emoji: her " é" stays
    assert hub.typists(slide, "title") == {"ada"}
    bob.set_text(slide, "title", bob.text(slide, "title")[2:])  # and her " é"
    assert hub.typists(slide, "title") == set()
