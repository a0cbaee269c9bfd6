"""Share mode: a paste refused over a cap is answered at once (texts are never compared closely when a long
stretch changed: that is quadratic and ran minutes on the event loop), and its message quotes a short part of it."""
from __future__ import annotations

import difflib

import pytest

from studio import limits
from studio.app.document import EditError
from studio.app.sample import sample_carousel
from studio.share import document as shared
from studio.share.document import SharedDocument
from studio.share.sync import Channel, TextBox, quote


@pytest.fixture
def no_long_compare(monkeypatch):
    """Fail when anything compares two long texts closely (difflib on a paste)."""
    real = difflib.SequenceMatcher

    def guarded(junk, a, b, autojunk=True):
        assert len(a) * len(b) <= 2_000 * 2_000, f"compared {len(a):,} × {len(b):,} characters closely"
        return real(junk, a, b, autojunk=autojunk)

    monkeypatch.setattr(shared, "SequenceMatcher", guarded)


def _box(replica, slide: str, told: list[str]):
    outbox: list = []
    channel = Channel(replica, outbox.append, lambda: None, told.append)
    box = TextBox(slide, "body")
    channel.watch(slide, "body")
    box.receive(outbox.pop())
    return channel, box, outbox


def test_a_long_paste_mixed_into_a_long_text_is_refused_without_comparing_closely_and_quoted_short(no_long_compare):
    hub = SharedDocument(sample_carousel())
    bob = hub.replica("bob")
    slide = hub.slide_ids()[1]
    seen = "y" * (limits.MAX_BODY_CHARS - 10)
    bob.set_text(slide, "body", seen)
    channel, box, _ = _box(bob, slide, [])
    message = box.type("z" * 50_000 + seen[:len(seen) // 2] + "q" * 50_000)
    with pytest.raises(EditError) as refused:
        channel.edit(message["slide"], message["field"], message["edits"], message["base"], message["seq"])
    text = str(refused.value)
    assert hub.text(slide, "body") == seen  # nothing made
    said = text[text.index("“") + 1:text.rindex("”")]
    assert said.endswith("…") and len(said) <= 201 and set(said[:-1]) <= {"z"}


def test_a_quote_is_cut_short_at_a_letter_with_its_marks_kept_whole():
    typed = "x" * 199 + "e\u0301" + "word " * 100
    said = quote("", typed)[1:-1]
    assert said.endswith("…") and len(said) <= 201
    assert said[:-1] == "x" * 199  # the accent stays with its letter: both left out


def test_separate_short_typings_are_still_quoted_each():
    assert quote("the middle", "A the middle B") == "“A  …  B”"
