"""The export is drawn ahead once edits pause, whether or not the export dialog was ever opened."""
from __future__ import annotations

import asyncio

from components import draw_ahead
from studio.app import exports
from studio.app.person import Person
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


async def test_a_burst_of_edits_is_drawn_once_after_it_and_another_persons_edit_not_at_all(studio, monkeypatch):
    calls = recorded(monkeypatch)
    document = studio.shared.document
    for word in ("one", "two", "three"):  # no origin: an edit nobody in particular made (an import, a restore)
        document.set_slide_text(1, body=f"Typed {word}")
    await until(lambda: calls)
    await asyncio.sleep(3 * draw_ahead.PAUSE)
    assert len(calls) == 1 and "Typed three" in calls[0][0]

    document.set_slide_text(1, body="Someone else typed", origin=Person())
    await asyncio.sleep(3 * draw_ahead.PAUSE)
    assert len(calls) == 1
