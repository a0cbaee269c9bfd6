"""Someone typing into a slide sends every other page that slide's strip thumbnail (its whole SVG, ~12 KB) far less
often than once a keystroke, and its last words always (issue 13: ten editors' thumbnails churned the C heap).
Time is moved by hand (``HandClock``): the counts do not depend on how busy the machine is."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, strategies as st

from components import thumbnails, view
from components.thumbnails import Pace
from hand_clock import HandClock


@pytest.fixture
def clock(monkeypatch) -> HandClock:
    hand = HandClock()
    monkeypatch.setattr(view, "CLOCK", hand)
    return hand


def _thumb(user, testid, slide: int):
    thumb = testid(user, "slide-thumb")[slide]
    return next(child for child in thumb.default_slot.children if hasattr(child, "content"))


def _words(svg_view) -> str:
    return " ".join(ET.fromstring(svg_view.content).itertext()) if svg_view.content else ""


async def test_quick_edits_of_another_browser_send_few_thumbnails_and_the_last_one(clock, studio, create_user,
                                                                                   testid):
    bob = create_user()
    await bob.open("/")
    document = studio.shared.document
    shown = _thumb(bob, testid, 2)
    before = shown.props["seq"]  # drawings sent to bob's thumbnail of slide 3
    document.set_slide_text(2, title="Typed zq0", origin=None)
    assert "zq0" in _words(shown)  # the first edit shows at once
    for k in range(1, 20):  # someone else types ten keys a second for two seconds
        clock.advance(0.1)
        document.set_slide_text(2, title=f"Typed zq{k}", origin=None)
    clock.advance(thumbnails.PACE_S * 2)
    assert "zq19" in _words(shown)  # the last state is drawn
    sends = shown.props["seq"] - before
    assert sends <= thumbnails.BURST + 2 / thumbnails.PACE_S + 1  # not one a keystroke (20 before)


async def test_a_single_edit_of_another_browser_shows_at_once(clock, studio, create_user, testid):
    bob = create_user()
    await bob.open("/")
    studio.shared.document.set_slide_text(2, title="Zebrafish", origin=None)
    assert "Zebrafish" in _words(_thumb(bob, testid, 2))  # no time has passed


def test_pace_sends_a_burst_then_one_a_period():
    pace = Pace(every=0.5, burst=2)
    assert pace.take([1, 2], 0.0) == ([1, 2], None)
    assert pace.take([1], 0.1) == ([1], None)  # the burst's second
    sent, wait = pace.take([1, 2], 0.2)
    assert sent == [2] and wait == pytest.approx(0.3)  # slide 1 waits for its turn, slide 2 has its own
    assert pace.take([1], 0.5) == ([1], None)


@given(st.lists(st.floats(0, 0.5, allow_nan=False), min_size=1, max_size=60))
def test_pace_never_sends_more_than_its_rate_and_never_holds_a_slide_forever(gaps):
    pace, now, times = Pace(every=0.5, burst=2), 0.0, []
    for gap in gaps:
        now += gap
        sent, wait = pace.take([7], now)
        times += [now] * len(sent)
        assert sent or 0 < wait <= 1.0 + 1e-9
    span = times[-1] - times[0] if times else 0.0
    assert len(times) <= 2 + span / 0.5 + 1e-6
