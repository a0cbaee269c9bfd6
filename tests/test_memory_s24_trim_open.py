"""While a page stays open, drawings ahead give free memory back now and then, not once every page has closed."""
from __future__ import annotations

from components import draw_ahead
from studio.app import exports
from studio.app.sample import sample_carousel


def test_pauses_trim_at_most_once_per_period(monkeypatch):
    trims, drawn = [], []
    monkeypatch.setattr(draw_ahead, "malloc_trim", lambda: trims.append)
    monkeypatch.setattr(exports, "draw_ahead", lambda carousel, fmt, scale: drawn.append(carousel) or 2)
    monkeypatch.setattr(draw_ahead, "_trimmed", [float("-inf")])
    carousel = sample_carousel()
    for _ in range(50):  # fifty pauses of one open tab, well within one period
        assert draw_ahead.draw_and_trim(carousel, "png", 2, every=3600.0) == 2
    assert len(drawn) == 50
    assert trims == [0]  # the free memory went back once, while the page is open
    for _ in range(3):  # a period of zero: every pause trims
        draw_ahead.draw_and_trim(carousel, "png", 2, every=0.0)
    assert trims == [0, 0, 0, 0]


def test_no_trim_where_the_c_library_has_none(monkeypatch):
    monkeypatch.setattr(draw_ahead, "malloc_trim", lambda: None)
    monkeypatch.setattr(exports, "draw_ahead", lambda carousel, fmt, scale: 0)
    assert draw_ahead.draw_and_trim(sample_carousel(), "png", 2, every=0.0) == 0
