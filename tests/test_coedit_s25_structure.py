"""Share mode: a Split, a Merge or a CTA pick while someone types never tears, loses, doubles or reorders their
letters (two origins, every interleaving of keystrokes, messages and the structural edit: hypothesis)."""
from __future__ import annotations

import re
from collections import deque

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.app import Person
from studio.app.edit_history import EditError
from studio.app.sample import sample_carousel
from studio.carousel import Carousel
from studio.slide import Slide
from studio.share.codocument import CoDocument
from studio.share.sync import Channel, TextBox
from property_examples import examples

BODY = "First point 🎨, said plainly.\n\nSecond point 👇, said at length."


class Browser:
    """One person's page on one text box: the box, the wire both ways, and the server's channel."""

    def __init__(self, doc: CoDocument, person: Person, slide: str, field: str = "body") -> None:
        self.doc, self.person, self.slide, self.field = doc, person, slide, field
        self.box = TextBox(slide, field)
        self.up: deque = deque()
        self.down: deque = deque()
        self.told: list[str] = []
        doc.on_notice(person, self.told.append)
        self.channel = Channel(doc.replica(person), self.down.append, tell=self.told.append)
        self.channel.watch(slide, field)
        self.deliver_down()

    def type(self, text: str, at_end: bool = True) -> None:
        value = self.box.value
        at = len(value) if at_end else re.match(r"(<\d+>)*", value).end()  # after the marks typed before
        message = self.box.type(value[:at] + text + value[at:])
        if message:
            self.up.append(message)

    def deliver_up(self) -> None:
        m = self.up.popleft()
        self.channel.edit(m["slide"], m["field"], m["edits"], m["base"], m["seq"])
        self.doc.took_edit(m["slide"], m["field"], origin=self.person)

    def deliver_down(self) -> None:
        self.channel.refresh()
        while self.down:
            reply = self.box.receive(self.down.popleft())
            if reply:
                self.up.append(reply)

    def settle(self) -> None:
        for _ in range(200):
            if not (self.up or self.down):
                self.deliver_down()
                if not (self.up or self.down):
                    return
            while self.up:
                self.deliver_up()
            self.deliver_down()


def carousel(bodies: list[str]) -> Carousel:
    return Carousel(slides=[Slide("cover", "Cover"), *[Slide(title=f"Slide {i}", body=b) for i, b in
                                                          enumerate(bodies, 2)]])


def marks(doc: CoDocument) -> list[tuple[int, int]]:
    """(slide index, mark number) of every ``<n>`` in the merged carousel, in reading order."""
    return [(i, int(n)) for i, s in enumerate(doc.carousel.slides)
            for n in re.findall(r"<(\d+)>", f"{s.title}\n{s.body}")]


STEPS = st.lists(st.sampled_from(["type", "up", "down"]), min_size=1, max_size=40)


def play(browser: Browser, steps: list[str], when: int, act, typed: int = 0, at_end: bool = True) -> tuple[int, bool]:
    """Bob's steps (type a mark, send one message up, take the answers down) with another's ``act`` made before step
    ``when`` (or after them all): how many marks he typed, and whether any typing had reached the server by then."""
    reached = True
    for n, step in enumerate(steps + ["up"]):
        if n == when:
            reached = bool(browser.doc.hub.carets)
            act()
        if step == "type":
            browser.type(f"<{typed}>", at_end)
            typed += 1
        elif step == "up" and browser.up:
            browser.deliver_up()
        elif step == "down":
            browser.deliver_down()
    if when >= len(steps) + 1:
        act()
    browser.settle()
    return typed, reached


@settings(max_examples=examples(60), deadline=None)
@given(STEPS, st.integers(0, 40), st.booleans())
def test_a_split_while_someone_types_keeps_their_letters_in_order_in_the_half_that_holds_their_place(
        steps, when, at_end):
    doc = CoDocument(carousel([BODY, "Third slide."]))
    ada, bob = Person(name="Ada"), Person(name="Bob")
    ada.slide = bob.slide = 1
    slide = doc.slide_ids(bob)[1]
    browser = Browser(doc, bob, slide)
    typed, reached = play(browser, steps, when, lambda: doc.split_slide(1, origin=ada, slide=slide), at_end=at_end)
    found = marks(doc)
    assert [n for _i, n in found] == list(range(typed))  # each once, in order
    assert len({i for i, _n in found}) <= 1  # all in one slide…
    where = doc.slide_ids(bob).index(slide)
    held = doc.carousel.slides[where].body
    if typed and reached:  # …the one holding the words around where Bob typed, which his box still shows
        assert ("Second point" if at_end else "First point") in held
        assert {i for i, _n in found} == {where}
    assert browser.box.value == held
    assert "First point 🎨, said plainly." in doc.carousel.slides[1].body  # the split was made
    assert doc.carousel.slides[2].body.startswith("Second point 👇, said at length.")
    assert len(browser.told) <= 1


@settings(max_examples=examples(60), deadline=None)
@given(STEPS, st.integers(0, 40))
def test_a_merge_while_someone_types_in_the_slide_merged_away_keeps_their_letters_there(steps, when):
    doc = CoDocument(carousel(["Before it.", "Bob's slide.", "After it."]))
    ada, bob = Person(name="Ada"), Person(name="Bob")
    ada.slide, bob.slide = 1, 2
    ids = doc.slide_ids(bob)
    browser = Browser(doc, bob, ids[2])
    browser.type("<0>")  # Bob is typing in his slide (one letter has reached the server)
    browser.deliver_up()
    typed, _reached = play(browser, steps, when, lambda: doc.merge_with_next(1, origin=ada, slide=ids[1], then=ids[2]),
                           typed=1)
    slides = doc.carousel.slides
    assert len(slides) == 3 and slides[1].body.startswith("Before it.\n\nSlide 3\n\nBob's slide.")
    assert [n for _i, n in marks(doc)] == list(range(typed))
    assert {i for i, _n in marks(doc)} <= {1}  # in the merged slide, where Bob typed
    assert browser.box.value == slides[1].body
    assert slides[1].body.endswith("".join(f"<{n}>" for n in range(typed)))
    assert len(browser.told) <= 1


def test_bob_undoes_his_own_typing_after_ada_split_his_slide():
    doc = CoDocument(carousel([BODY]))
    ada, bob = Person(name="Ada"), Person(name="Bob")
    slide = doc.slide_ids(bob)[1]
    browser = Browser(doc, bob, slide)
    browser.type(" BOBWORD")
    browser.settle()
    doc.split_slide(1, origin=ada, slide=slide)
    assert doc.undo(origin=bob)
    assert "BOBWORD" not in str(doc.carousel)
    assert [s.body for s in doc.carousel.slides[1:3]] == ["First point 🎨, said plainly.", "Second point 👇, said at length."]


def test_two_people_typing_now_in_both_halves_hold_the_split_back():
    doc = CoDocument(carousel([BODY]))
    ada, bob, cy = Person(name="Ada"), Person(name="Bob"), Person(name="Cy")
    slide = doc.slide_ids(bob)[1]
    end, start = Browser(doc, bob, slide), Browser(doc, cy, slide)
    end.type("<0>")
    start.type("<1>", at_end=False)
    end.settle(), start.settle()
    with pytest.raises(EditError, match="Cy and Bob are typing in this slide right now"):
        doc.split_slide(1, origin=ada, slide=slide)
    assert len(doc.carousel.slides) == 2
    doc.hub.clock = lambda: float("inf")  # they paused: the split is made
    doc.split_slide(1, origin=ada, slide=slide)
    assert len(doc.carousel.slides) == 3


@settings(max_examples=examples(40), deadline=None)
@given(STEPS, st.integers(0, 40), st.sampled_from(["variant", "preset"]))
def test_picking_a_cta_variant_or_a_preset_never_changes_a_headline_being_typed(steps, when, how):
    doc = CoDocument(sample_carousel())
    ada, bob = Person(name="Ada"), Person(name="Bob")
    browser = Browser(doc, bob, "cta", "headline")
    first = browser.box.value
    browser.box.value = ""
    browser.up.append(browser.box._send())  # Bob clears the headline…
    browser.deliver_up()
    variant = 2 if doc.carousel.cta.variant != 2 else 3
    preset = carousel(["x"])
    preset.cta = type(doc.carousel.cta).default(variant)
    typed = 0
    for n, step in enumerate(steps + ["up"]):
        if n == when:
            if how == "variant":
                doc.set_cta_variant(variant, origin=ada)
            else:
                doc.apply_settings(preset, origin=ada)
        if step == "type":
            browser.type(f"<{typed}>")  # …and types his own
            typed += 1
        elif step == "up" and browser.up:
            browser.deliver_up()
        elif step == "down":
            browser.deliver_down()
    browser.settle()
    cta = doc.carousel.cta
    assert cta.headline == "".join(f"<{n}>" for n in range(typed)) == browser.box.value
    if when <= len(steps):
        assert cta.variant == variant and first not in cta.headline


def test_add_slide_goes_after_the_slide_the_page_showed():
    doc = CoDocument(carousel(["a", "b", "c"]))
    ada, bob = Person(name="Ada"), Person(name="Bob")
    shown = doc.slide_ids(ada)[2]  # Ada's page showed slide 3…
    doc.add_slide(1, origin=bob)  # …when Bob added one in front of it
    index = doc.add_slide(3, origin=ada, slide=shown)
    assert doc.slide_ids(ada)[index - 1] == shown and doc.carousel.slides[index].title == "New slide"
    doc.delete_slide(index - 1, origin=bob, slide=shown)
    with pytest.raises(EditError, match="Bob deleted that slide a moment ago; no slide was added"):
        doc.add_slide(3, origin=ada, slide=shown)


def test_who_was_on_a_slide_merged_away_is_told_it_was_merged_not_deleted():
    doc = CoDocument(carousel(["Before it.", "Bob's slide.", "After it."]))
    ada, bob, cy = Person(name="Ada"), Person(name="Bob"), Person(name="Cy")
    told: list[str] = []
    doc.on_notice(cy, told.append)
    ids = doc.slide_ids(cy)
    cy.slide = 1  # Cy looks at the first slide; Bob types in the second
    browser = Browser(doc, bob, ids[2])
    browser.type("<0>")
    browser.settle()
    doc.merge_with_next(1, origin=ada, slide=ids[1], then=ids[2])
    assert told == ["Ada merged the slide you were on with the slide after it; its words are there now."]
    assert doc.slide_ids(cy)[1] == ids[2] and doc.carousel.slides[1].body.endswith("Bob's slide.<0>")


def test_the_one_who_picks_a_cta_variant_is_told_once_that_a_headline_being_typed_was_kept():
    doc = CoDocument(sample_carousel())
    ada, bob = Person(name="Ada"), Person(name="Bob")
    told: list[str] = []
    doc.on_notice(ada, told.append)
    browser = Browser(doc, bob, "cta", "headline")
    browser.type(" now")
    browser.settle()
    doc.set_cta_variant(2 if doc.carousel.cta.variant != 2 else 3, origin=ada)
    assert told == ["Bob is typing the outro's headline: kept as typed; the rest changed."]
    assert doc.carousel.cta.headline == browser.box.value and browser.box.value.endswith(" now")


def test_someone_typing_the_title_of_the_slide_a_merge_takes_away_holds_the_merge_back():
    doc = CoDocument(carousel(["Before it.", "Bob's slide."]))
    ada, bob = Person(name="Ada"), Person(name="Bob")
    ids = doc.slide_ids(bob)
    browser = Browser(doc, bob, ids[2], "title")
    browser.type("<0>")
    browser.settle()
    with pytest.raises(EditError, match="^Bob is typing in these slides right now, in words that would be torn apart: "
                                        "nothing was merged. Try again when they pause.$"):
        doc.merge_with_next(1, origin=ada, slide=ids[1], then=ids[2])
    assert doc.carousel.slides[2].title == "Slide 3<0>" == browser.box.value
