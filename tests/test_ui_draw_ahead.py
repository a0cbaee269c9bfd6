"""The export is drawn ahead once edits pause, whether or not the export dialog was ever opened."""
from __future__ import annotations

from components import draw_ahead, view
from studio.app import exports
from studio.app.person import Person
from background import running
from hand_clock import HandClock
from ui_helpers import click, until

THREAD = ("Ferns want shade, not darkness: a thread.\n\n"
          "Water them in the morning, never at noon.\n\n"
          "Repot in spring, one size up and no more.")


def recorded(monkeypatch) -> list[tuple]:
    """Every ``draw_ahead`` call as (the words of its carousel, image format, scale); nothing is drawn."""
    calls: list[tuple] = []

    def record(carousel, image_format="png", scale=2):
        calls.append((" ".join(s.body for s in carousel.slides), image_format, scale))
        return 0

    monkeypatch.setattr(exports, "draw_ahead", record)
    monkeypatch.setattr(draw_ahead, "on_edits", lambda: True)
    return calls


async def test_an_import_is_drawn_ahead_without_opening_the_export(studio, testid, monkeypatch):
    calls = recorded(monkeypatch)
    testid(studio, "source-input")[0].value = THREAD
    click(studio, testid(studio, "source-import")[0])
    await until(lambda: any("Repot in spring" in words for words, _, _ in calls))
    assert calls[-1][1:] == ("png", 2)


async def test_a_burst_of_edits_is_drawn_once_after_the_whole_document_pauses(studio, monkeypatch):
    calls = recorded(monkeypatch)
    clock = HandClock()  # the page's delayed work waits for this clock, moved by hand
    monkeypatch.setattr(view, "CLOCK", clock)
    document = studio.shared.document
    for word in ("one", "two", "three"):  # no origin: an edit nobody in particular made (an import, a restore)
        document.set_slide_text(1, body=f"Typed {word}")
        clock.advance(draw_ahead.PAUSE / 2)  # typing goes on: not drawn yet
        assert not running("draw the export ahead")
    clock.advance(draw_ahead.PAUSE / 2)  # the pause after the last edit
    await until(lambda: calls)
    assert len(calls) == 1 and "Typed three" in calls[0][0]

    people = [Person(), Person(), Person()]
    for turn in range(6):  # three people taking turns, each pausing longer than PAUSE, the document not
        person = people[turn % 3]
        document.set_slide_text(turn % 3, body=f"Person {turn % 3} typed {turn}", origin=person)
        clock.advance(draw_ahead.PAUSE / 2)
        assert not running("draw the export ahead")
    clock.advance(draw_ahead.PAUSE)  # one person's pause: with several typing, only a gap between their edits
    assert not running("draw the export ahead")
    clock.advance(draw_ahead.TOGETHER_PAUSE)  # now everyone has paused long enough: drawn once
    await until(lambda: len(calls) == 2)
    assert "Person 2 typed 5" in calls[1][0]
    await until(lambda: not running("draw the export ahead"))  # one more started by then would have ended
    assert len(calls) == 2
