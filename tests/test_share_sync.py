"""Browser ↔ replica text sync: whatever the network delays, every keystroke of everyone arrives."""
from __future__ import annotations

from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.carousel import Carousel
from studio.slide import Slide
from studio.share.document import SharedDocument, changes
from studio.share.sync import Channel, TextBox, patch, rebase, type_into
from property_examples import examples

BASE = "HELLO"
ALPHABETS = ["abcdefghij", "0123456789", "klmnopqrst"]


class Browser:
    """A simulated browser: a text box, and two queues for the messages on the wire each way."""

    def __init__(self, hub: SharedDocument, slide: str, person: str) -> None:
        self.box = TextBox(slide, "title")
        self.up: deque = deque()    # browser → server
        self.down: deque = deque()  # server → browser
        self.channel = Channel(hub.replica(person), self.down.append)
        self.channel.watch(slide, "title")

    def deliver_down(self) -> None:
        reply = self.box.receive(self.down.popleft())
        if reply:
            self.up.append(reply)

    def deliver_up(self) -> None:
        m = self.up.popleft()
        self.channel.edit(m["slide"], m["field"], m["edits"], m["base"], m["seq"])


def settle(browsers) -> None:
    while any(b.up or b.down for b in browsers):
        for b in browsers:
            while b.down:
                b.deliver_down()
            while b.up:
                b.deliver_up()


STEP = st.tuples(st.sampled_from(["type", "up", "down"]), st.integers(0, 2), st.floats(0, 1), st.integers(0, 9))


@settings(max_examples=examples(120), deadline=None)
@given(st.lists(STEP, max_size=80), st.integers(2, 3))
def test_every_keystroke_of_everyone_arrives_whatever_the_message_timing(steps, people):
    hub = SharedDocument(Carousel(slides=[Slide("cover", "Cover"), Slide(title=BASE)]))
    slide = hub.slide_ids()[1]
    browsers = [Browser(hub, slide, f"p{i}") for i in range(people)]
    for browser in browsers:
        browser.deliver_down()  # the page opens: first version of the box
    typed = [0] * people
    for action, who, where, which in steps:
        browser = browsers[who % people]
        if action == "type":
            value = browser.box.value
            at = round(where * len(value))
            message = browser.box.type(value[:at] + ALPHABETS[who % people][which] + value[at:])
            typed[who % people] += 1
            if message:
                browser.up.append(message)
        elif action == "up" and browser.up:
            browser.deliver_up()
        elif action == "down" and browser.down:
            browser.deliver_down()
    settle(browsers)
    final = hub.carousel().slides[1].title
    assert all(b.box.value == final for b in browsers)  # every screen shows the merged text
    for i in range(people):
        assert sum(c in ALPHABETS[i] for c in final) == typed[i]
    assert "".join(c for c in final if c.isupper()) == BASE


@given(st.text("ab", max_size=8), st.text("xy", max_size=3), st.text("pq", max_size=3),
       st.integers(0, 8), st.integers(0, 8))
def test_rebase_keeps_both_insertions(base, mine_insert, their_insert, at_mine, at_theirs):
    at_mine, at_theirs = min(at_mine, len(base)), min(at_theirs, len(base))
    mine = base[:at_mine] + mine_insert + base[at_mine:]
    theirs = base[:at_theirs] + their_insert + base[at_theirs:]
    merged = rebase(base, mine, theirs)
    assert sorted(merged) == sorted(base + mine_insert + their_insert)


@given(st.text("ab", max_size=10), st.text("abxy", max_size=10), st.text("abpq", max_size=10))
def test_rebase_keeps_every_character_either_side_added(base, mine, theirs):
    merged = rebase(base, mine, theirs)
    for side, letters in ((mine, "xy"), (theirs, "pq")):
        assert sorted(c for c in merged if c in letters) == sorted(c for c in side if c in letters)


def test_rebase_a_deletion_keeps_what_they_typed_inside_it():
    assert rebase("hello world", "hello", "hello big world") == "hellobig "
    assert rebase("HELLO", "bHELLOa", "0HELLO") == "b0HELLOa"  # typing at both ends is two insertions
    assert rebase("abc", "abc", "abXc") == "abXc"
    assert rebase("abc", "aYbc", "abc") == "aYbc"


def test_an_edit_typed_on_an_older_version_is_made_on_the_newer_text():
    hub = SharedDocument(Carousel(slides=[Slide("cover", "Cover"), Slide(title="ab")]))
    slide = hub.slide_ids()[1]
    alice, bob = Browser(hub, slide, "alice"), Browser(hub, slide, "bob")
    alice.deliver_down(), bob.deliver_down()
    bob.up.append(bob.box.type("abB"))
    bob.deliver_up()               # the server now holds Bob's B and sends Alice version 2
    alice.up.append(alice.box.type("Aab"))
    alice.deliver_up()             # typed on version 1: her A goes where she typed it, B stays
    assert hub.carousel().slides[1].title == "AabB"
    alice.deliver_down()           # version 2 ("abB") is not the answer to her edit, but she sees Bob's B
    assert alice.box.value == "AabB" and alice.box.in_flight == "AabB"
    settle([alice, bob])
    assert hub.carousel().slides[1].title == alice.box.value == bob.box.value == "AabB"


def test_an_edit_sent_again_after_a_reconnection_is_made_once():
    """A dropped connection may or may not have delivered the edit in flight: the browser sends it again
    (the same ``seq``), and the server makes it only if it had not already."""
    hub = SharedDocument(Carousel(slides=[Slide("cover", "Cover"), Slide(title="ab")]))
    slide = hub.slide_ids()[1]
    alice, bob = Browser(hub, slide, "alice"), Browser(hub, slide, "bob")
    alice.deliver_down(), bob.deliver_down()
    alice.up.append(alice.box.type("abX"))
    alice.up.append(dict(alice.up[0]))  # the same message, sent again after a reconnection
    settle([alice, bob])
    assert hub.carousel().slides[1].title == alice.box.value == bob.box.value == "abX"
    lost = alice.box.type("abXY")  # this one never reaches the server: only the copy sent again does
    alice.up.append(dict(lost))
    settle([alice, bob])
    assert hub.carousel().slides[1].title == alice.box.value == bob.box.value == "abXY"


def test_a_box_that_does_not_say_its_version_is_merged_with_what_it_most_likely_showed():
    """NiceGUI's own text boxes send just the value: the server finds the text it was typed on."""
    hub = SharedDocument(Carousel(slides=[Slide("cover", "Cover"), Slide(title="ab")]))
    slide = hub.slide_ids()[1]
    alice, bob = hub.replica("alice"), hub.replica("bob")
    type_into(bob, slide, "title", "aXb")       # Bob's X reaches the server first…
    type_into(alice, slide, "title", "aYb")     # …Alice typed Y while her box still showed "ab"
    alice.pull(), bob.pull()
    assert hub.carousel().slides[1].title in ("aYXb", "aXYb")
    type_into(bob, slide, "title", "aXbZ")      # Bob's box had not got Alice's Y yet either
    assert sorted(hub.carousel().slides[1].title) == sorted("aXYbZ")


def test_a_keystroke_travels_as_the_change_alone_both_ways():
    hub = SharedDocument(Carousel(slides=[Slide("cover", "Cover"), Slide(title="x" * 500)]))
    slide = hub.slide_ids()[1]
    alice, bob = Browser(hub, slide, "alice"), Browser(hub, slide, "bob")
    alice.deliver_down(), bob.deliver_down()
    alice.up.append(alice.box.type("x" * 250 + "A" + "x" * 250))
    assert alice.up[0]["edits"] == [(250, 250, "A")] and "value" not in alice.up[0]
    alice.deliver_up()
    assert bob.down[-1]["steps"] == [[(250, 250, "A")]] and "text" not in bob.down[-1]
    settle([alice, bob])
    assert bob.box.value == alice.box.value == "x" * 250 + "A" + "x" * 250


@given(st.text("ab", max_size=12), st.text("abc", max_size=12))
def test_the_changes_made_on_the_old_text_give_the_new(old, new):
    assert patch(old, changes(old, new)) == new


def test_the_crdt_change_counted_in_bytes_becomes_edits_in_characters():
    hub = SharedDocument(Carousel(slides=[Slide("cover", "Cover"), Slide(title="héllo wörld")]))
    slide = hub.slide_ids()[1]
    alice, bob = Browser(hub, slide, "alice"), Browser(hub, slide, "bob")
    alice.deliver_down(), bob.deliver_down()
    alice.up.append(alice.box.type("héllo, wörld 😀"))
    alice.deliver_up()
    text = "héllo wörld"
    for step in bob.down[-1]["steps"]:
        text = patch(text, step)
    assert text == "héllo, wörld 😀"
    settle([alice, bob])
    assert bob.box.value == "héllo, wörld 😀"


def test_edits_outside_the_text_or_out_of_order_are_refused():
    for edits in ([(3, 9, "x")], [(2, 2, "x"), (0, 1, "")], [(1, 0, "x")], [("0", 1, "x")]):
        with pytest.raises(ValueError):
            patch("abcd", edits)


@given(st.text("abc", max_size=12), st.text("abcxy", max_size=12))
def test_each_character_is_followed_through_a_change(old, new):
    """``moved_by``: where each character of the old text is in the new one (a browser rebases with it)."""
    from studio.share.sync import moved_by
    where = moved_by(list(range(len(old))), changes(old, new))
    kept = [q for q in where if q is not None]
    assert kept == sorted(set(kept)) and all(new[q] == old[i] for i, q in enumerate(where) if q is not None)
    assert len(kept) == len(old) - sum(end - start for start, end, _ in changes(old, new))
