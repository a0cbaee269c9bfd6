"""Share mode: two people typing at once, each within a cap on their own copy, can merge past it. The merged text is
kept whole for everyone (no word cut: not the creator's existing words, not the typing; it is drawn cut at the cap
until shortened); the typist whose merge went over is told, and the other typist too ("Someone else's typing"),
once each."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio import limits
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument
from studio.share.document import SharedDocument
from studio.app.document import EditError
from studio.share.sync import Channel, TextBox, _cut_at
from property_examples import examples

TITLE = limits.MAX_TITLE_CHARS


def _box(replica, slide: str, field: str, told: list[str]) -> tuple[Channel, TextBox, list]:
    outbox: list = []
    channel = Channel(replica, outbox.append, lambda: None, told.append)  # others' typing heard only when pulled
    box = TextBox(slide, field)
    channel.watch(slide, field)
    box.receive(outbox.pop())
    return channel, box, outbox


def _make(channel: Channel, message) -> None:
    channel.edit(message["slide"], message["field"], message["edits"], message["base"], message["seq"])


@pytest.mark.parametrize("ada_first", [True, False])
def test_two_browsers_typing_past_a_title_cap_at_once_keep_every_word_and_the_typist_is_told(ada_first):
    hub = SharedDocument(sample_carousel())
    ada, bob = hub.replica("ada"), hub.replica("bob")
    slide = hub.slide_ids()[1]
    ending = " the creator's ending"
    start = "x" * (TITLE - 4 - len(ending)) + ending  # 4 under the cap
    ada.set_text(slide, "title", start)
    bob.pull()
    told_ada: list[str] = []
    told_bob: list[str] = []
    ada_channel, ada_box, _ = _box(ada, slide, "title", told_ada)
    bob_channel, bob_box, _ = _box(bob, slide, "title", told_bob)
    ada_message = ada_box.type("AAA " + start)  # 4 more: within the cap on Ada's copy
    bob_message = bob_box.type("BBB " + start)  # and on Bob's
    first, then = ((ada_channel, ada_message), (bob_channel, bob_message))[::1 if ada_first else -1]
    _make(*first)
    _make(*then)  # merged: 8 more, over by 4
    ada.pull()
    bob.pull()
    merged = hub.text(slide, "title")
    assert ada.text(slide, "title") == bob.text(slide, "title") == merged
    assert merged.endswith(start) and sorted(merged[:8]) == sorted("AAA BBB ")  # no word of anyone's removed
    (message,) = told_bob if ada_first else told_ada
    (other,) = told_ada if ada_first else told_bob  # the other typist's words may be the ones drawn cut: told once
    assert "Someone else's typing" in other and "the title of slide 2" in other
    assert "the title of slide 2" in message and f"{TITLE:,}" in message and "kept" in message


def test_the_outro_headline_merged_past_its_cap_keeps_every_letter_and_the_person_is_told(monkeypatch):
    cap = limits.MAX_CTA_HEADLINE_CHARS
    doc = CoDocument(sample_carousel())
    told: list[str] = []
    doc.on_notice("bob", told.append)
    base = "q" * (cap - 5)
    doc.set_cta(origin="ada", headline=base)
    doc.replica("bob").pull()
    doc.set_cta(origin="ada", headline=base + "ЖЖЖЖЖ")
    doc.set_cta(origin="bob", headline=base + "ΩΩΩΩΩ")
    headline = doc.carousel.cta.headline
    assert headline.startswith(base) and sorted(headline[cap - 5:]) == sorted("ЖЖЖЖЖΩΩΩΩΩ")
    assert doc.replica("ada").text("cta", "headline") == doc.replica("bob").text("cta", "headline") == headline
    (message,) = told
    assert f"{cap:,}" in message and "kept" in message


def test_an_old_projects_title_over_the_cap_is_not_cut_by_someone_shortening_it():
    carousel = sample_carousel()
    carousel.slides[1].title = "t" * (TITLE + 50)  # an old project's
    doc = CoDocument(carousel)
    doc.set_slide_text(1, title="t" * (TITLE + 40), origin="ada")
    assert len(doc.carousel.slides[1].title) == TITLE + 40


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.sampled_from(["a", "é", "e\u0301", "👍🏽", "👩‍💻", "🇫🇷", "❤️", "\u200d", " "]),
                min_size=1, max_size=40).map("".join), st.integers(1, 60))
def test_a_cut_keeps_at_most_the_cap_and_never_splits_a_flag_or_a_joined_emoji(text, cap):
    cut = _cut_at(text, cap)
    assert 0 <= cut <= min(cap, len(text)) or (cut == cap and cap >= len(text))
    if cut < len(text):
        assert text[cut - 1:cut] != "\u200d" or cut == 0
        assert not ("\U0001F3FB" <= text[cut] <= "\U0001F3FF") and text[cut] not in ("\u0301", "\ufe0f", "\u200d") or cut == 0
        flags_before = 0
        while flags_before < cut and "\U0001F1E6" <= text[cut - 1 - flags_before] <= "\U0001F1FF":
            flags_before += 1
        assert flags_before % 2 == 0 or not ("\U0001F1E6" <= text[cut] <= "\U0001F1FF") or cut == 0


def test_a_refused_keystroke_is_answered_so_the_box_goes_on_sending_and_the_refused_typing_is_quoted():
    hub = SharedDocument(sample_carousel())
    ada = hub.replica("ada")
    slide = hub.slide_ids()[1]
    told: list[str] = []
    channel, box, outbox = _box(ada, slide, "title", told)
    start = box.value
    message = box.type(start + "y" * TITLE)  # over the cap: refused
    try:
        _make(channel, message)
        raise AssertionError("not refused")
    except EditError as refused:
        assert "the limit is" in str(refused) and f"“{'y' * 200}…”" in str(refused)
    for sent in outbox:
        box.receive(sent)
    outbox.clear()
    assert box.in_flight is None and box.value == start == hub.text(slide, "title")
    again = box.type(start + " fine")  # the box was not left waiting for an answer
    assert again is not None
    _make(channel, again)
    assert hub.text(slide, "title") == start + " fine"
