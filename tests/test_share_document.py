"""The shared carousel as a CRDT document: merging loses nothing, undo is per person, offline edits merge."""
from __future__ import annotations

import copy
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from studio.app.sample import sample_carousel
from studio.project_file import carousel_to_json
from studio.image import load_image
from studio.share.document import SharedDocument, changes, splice
from property_examples import ANY_CHARACTER, examples

BASE = "HELLO WORLD"
ALICE, BOB = "abcdefghij", "0123456789"  # each person types their own characters, so they can be counted


def photo(colour: str = "red"):
    out = io.BytesIO()
    PILImage.new("RGB", (40, 30), colour).save(out, "PNG")
    return load_image(out.getvalue())


def hub_with_text(text: str = BASE) -> tuple[SharedDocument, str]:
    carousel = sample_carousel()
    carousel.slides[1].title = text
    hub = SharedDocument(carousel)
    return hub, hub.slide_ids()[1]


# -- the model round trip -------------------------------------------------------------------------

def test_the_carousel_reads_back_exactly_with_images_and_numbers():
    carousel = sample_carousel()
    carousel.brand.avatar = photo("blue")
    carousel.slides[2].image = photo("green")
    carousel.typography.title_size = 40.5
    carousel.slides[3].title = "Emoji 🧵👩‍👩‍👧 and accents é"
    hub = SharedDocument(carousel)
    back = hub.carousel()
    assert back == carousel
    assert carousel_to_json(back) == carousel_to_json(carousel)  # byte for byte: 36 stays 36, not 36.0
    assert len(hub.images) == 2  # photos live once in the pool, not in every replica's document


@given(st.text(ANY_CHARACTER, max_size=30), st.text(ANY_CHARACTER, max_size=30))
def test_splice_is_the_smallest_change(old, new):
    start, end, insert = splice(old, new)
    assert old[:start] + insert + old[end:] == new
    assert start <= len(old) and end >= start


@given(st.text("abc", max_size=30), st.text("abc", max_size=30))
def test_changes_rebuild_the_new_text_and_leave_untouched_parts_alone(old, new):
    rebuilt, last = [], 0
    for start, end, insert in changes(old, new):
        assert start >= last
        rebuilt += [old[last:start], insert]
        last = end
    assert "".join(rebuilt) + old[last:] == new
    assert changes("HELLO", "bHELLOa") == [(0, 0, "b"), (5, 5, "a")]


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=12),
       st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=12))
def test_a_browser_value_with_any_characters_is_applied_exactly(before, after):
    hub, slide = hub_with_text(before)
    replica = hub.replica("alice")
    replica.set_text(slide, "title", after)
    assert hub.carousel().slides[1].title == after


# -- concurrent typing ----------------------------------------------------------------------------

# One step of two people typing into the same text box while their browsers sync at any moment:
# ("type", who, where 0..1, which character), ("drop", who) goes offline, ("sync", who) comes back.
STEP = st.one_of(
    st.tuples(st.just("type"), st.sampled_from("ab"), st.floats(0, 1), st.integers(0, 9)),
    st.tuples(st.just("drop"), st.sampled_from("ab")),
    st.tuples(st.just("sync"), st.sampled_from("ab")),
)


def play(steps, capture_ms: int = 0):
    """Run the steps; every keystroke goes through ``set_text`` as a whole new value of the box."""
    hub, slide = hub_with_text()
    people = {"a": hub.replica("alice", capture_ms=capture_ms), "b": hub.replica("bob", capture_ms=capture_ms)}
    typed = {"a": 0, "b": 0}
    for step in steps:
        replica = people[step[1]]
        if step[0] == "type":
            _, who, where, which = step
            text = replica.text(slide, "title")
            at = round(where * len(text))
            replica.set_text(slide, "title", text[:at] + (ALICE if who == "a" else BOB)[which] + text[at:])
            typed[who] += 1
        elif step[0] == "drop":
            replica.disconnect()
        else:
            replica.reconnect()
    for replica in people.values():
        replica.reconnect()
    for replica in people.values():
        replica.pull()
    return hub, slide, people, typed


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(STEP, max_size=60))
def test_two_people_typing_in_one_box_lose_no_character_whatever_the_timing(steps):
    hub, slide, people, typed = play(steps)
    final = hub.carousel().slides[1].title
    assert people["a"].text(slide, "title") == people["b"].text(slide, "title") == final
    assert sum(c in ALICE for c in final) == typed["a"]
    assert sum(c in BOB for c in final) == typed["b"]
    assert "".join(c for c in final if c not in ALICE + BOB) == BASE


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(STEP, max_size=50))
def test_undo_of_one_person_never_reverts_the_other(steps):
    hub, slide, people, typed = play(steps)
    while people["a"].undo():
        pass
    people["b"].pull()
    final = hub.carousel().slides[1].title
    assert people["b"].text(slide, "title") == final
    assert not any(c in ALICE for c in final)  # every one of Alice's keystrokes is undone…
    assert sum(c in BOB for c in final) == typed["b"]  # …and none of Bob's
    assert "".join(c for c in final if c not in BOB) == BASE


def test_redo_brings_back_only_your_own_edit():
    hub, slide = hub_with_text("ab")
    alice, bob = hub.replica("alice", capture_ms=0), hub.replica("bob", capture_ms=0)
    alice.set_text(slide, "title", "aXb")
    bob.pull()
    bob.set_text(slide, "title", "aXbY")
    alice.pull()
    assert alice.undo() and hub.carousel().slides[1].title == "abY"
    assert not bob.can_redo()
    assert alice.redo() and hub.carousel().slides[1].title == "aXbY"


# -- slides and settings --------------------------------------------------------------------------

def test_a_delete_and_an_edit_of_another_slide_both_survive():
    hub, _ = hub_with_text()
    alice, bob = hub.replica("alice"), hub.replica("bob")
    edited = bob.carousel()
    edited.slides[3].body = "Bob's new body"
    shorter = alice.carousel()
    gone = alice.slide_ids()[2]
    del shorter.slides[2]
    alice.commit(shorter, who="Alice")
    bob.commit(edited, who="Bob")  # based on what Bob saw: the slide Alice deleted is still there for him
    merged = hub.carousel()
    assert len(merged.slides) == len(edited.slides) - 1 and gone not in hub.slide_ids()
    assert "Bob's new body" in [s.body for s in merged.slides]
    bob.pull()
    assert bob.deleted_by(gone) == "Alice" and bob.deleted_by(bob.slide_ids()[0]) is None


def test_typing_in_a_slide_while_someone_moves_it_keeps_the_typing():
    hub, slide = hub_with_text()
    alice, bob = hub.replica("alice"), hub.replica("bob")
    moved = alice.carousel()
    moved.slides.append(moved.slides.pop(1))
    alice.commit(moved, who="Alice")
    bob.set_text(slide, "title", BASE + "!")
    assert hub.slide_ids()[-1] == slide  # a move keeps the slide itself
    assert hub.carousel().slides[-1].title == BASE + "!"


def test_one_persons_undo_never_reverts_anothers_delete():
    hub, _ = hub_with_text()
    alice, bob = hub.replica("alice", capture_ms=0), hub.replica("bob", capture_ms=0)
    bob.set_text(bob.slide_ids()[0], "body", "Bob typed this")
    shorter = alice.carousel()
    del shorter.slides[4]
    alice.commit(shorter, who="Alice")
    count = len(hub.slide_ids())
    assert bob.undo()  # Bob's undo: his typing goes, Alice's delete stays
    assert len(hub.slide_ids()) == count and hub.carousel().slides[0].body != "Bob typed this"
    alice.pull()
    assert alice.undo() and len(hub.slide_ids()) == count + 1  # Alice's own undo brings it back


def test_settings_changed_by_two_people_at_once_both_apply():
    hub, _ = hub_with_text()
    alice, bob = hub.replica("alice"), hub.replica("bob")
    themed, bigger = alice.carousel(), bob.carousel()
    themed.theme = "midnight" if themed.theme != "midnight" else "paper"
    bigger.typography.title_size = 44
    bigger.brand.accent = "#123456"
    alice.commit(themed)
    bob.commit(bigger)
    merged = hub.carousel()
    assert (merged.theme, merged.typography.title_size, merged.brand.accent) == \
        (themed.theme, 44, "#123456")


def test_added_slides_and_images_reach_everyone():
    hub, _ = hub_with_text()
    alice, bob = hub.replica("alice"), hub.replica("bob")
    more = alice.carousel()
    extra = copy.deepcopy(more.slides[1])
    extra.title, extra.image = "A new slide", photo("yellow")
    more.slides.insert(2, extra)
    alice.commit(more)
    bob.pull()
    assert bob.carousel() == more and bob.carousel().slides[2].image == extra.image


def test_a_replica_that_was_offline_merges_its_edits_and_gets_everyone_elses():
    hub, slide = hub_with_text("ab")
    alice, bob = hub.replica("alice"), hub.replica("bob")
    alice.disconnect()
    alice.set_text(slide, "title", "a-offline-b")
    bob.set_text(slide, "title", "ab+online")
    assert hub.carousel().slides[1].title == "ab+online"  # nothing of Alice's yet
    alice.reconnect()
    assert hub.carousel().slides[1].title == alice.text(slide, "title") == "a-offline-b+online"


def test_listeners_hear_who_made_each_merged_update():
    hub, slide = hub_with_text()
    heard = []
    unsubscribe = hub.subscribe(heard.append)
    hub.replica("alice").set_text(slide, "title", "x")
    unsubscribe()
    hub.replica("bob").set_text(slide, "title", "y")
    assert heard == ["alice"]
    assert json.loads(carousel_to_json(hub.carousel()))["carousel"]["slides"][1]["title"] == "y"
