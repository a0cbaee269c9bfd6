"""Like and repost counts: drawn exactly at any size, never negative; an archive's shaped counts read exactly."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from render_helpers import NS, parse
from studio import render
from studio.layouts.templates import _count
from studio.post import Post, Thread
from studio.sources import read_archive
from studio.structure import carousel_from_thread
from test_sources2_s21_archive_caps import BASE, STEP, archive, tw

UNITS = {"": 1, "K": 10 ** 3, "M": 10 ** 6, "B": 10 ** 9, "T": 10 ** 12}


@pytest.mark.parametrize("n, shown", [(999, "999"), (1000, "1K"), (1250, "1.3K"), (12_500, "12.5K"),
                                      (250_000, "250K"), (999_999, "1M"), (3_400_000, "3.4M"),
                                      (2 ** 40, "1.1T"), (10 ** 29, "100,000,000,000,000,000T")])
def test_counts_are_shown_as_x_shows_them(n, shown):
    assert _count(n) == shown


@settings(max_examples=300, deadline=None)
@given(hs.integers(min_value=0, max_value=10 ** 40))
def test_a_shown_count_is_the_count_rounded_to_its_last_digit(n):
    m = re.fullmatch(r"([\d,]+(?:\.\d)?)([KMBT]?)", _count(n))
    assert m, _count(n)
    value, unit = Decimal(m[1].replace(",", "")), UNITS[m[2]]
    step = unit // 10 if "." in m[1] or (value < 100 and unit > 1) else unit
    assert abs(value * unit - n) <= Decimal(step) / 2


def _meta(likes, reposts) -> str:
    posts = [Post(str(i), f"Post number {i} of the thread.", author_name="Jane", handle="jane",
                  created_at="2026-03-03T10:00:00Z", likes=likes, reposts=reposts) for i in (1, 2)]
    svg = render.render_slide(carousel_from_thread(Thread("t", posts), layout="post-card"), 1)
    return " ".join("".join(t.itertext()) for t in parse(svg).iter(NS + "text"))


def test_a_huge_count_is_drawn_exactly_and_a_negative_one_not_at_all():
    meta = _meta(10 ** 29, -5)
    assert "100,000,000,000,000,000T likes" in meta
    assert "repost" not in meta and "-5" not in meta


def test_ordinary_counts_are_drawn():
    meta = _meta(1250, 48)
    assert "Mar 3, 2026" in meta and "1.3K likes" in meta and "48 reposts" in meta


@pytest.mark.parametrize("count, likes", [("12345678901234567891K", 12345678901234567891000),
                                          ("9007199254740993.0", 9007199254740993)])
def test_an_archive_count_in_another_shape_is_read_exactly(tmp_path, count, likes):
    a, b = BASE, BASE + STEP
    path = archive(tmp_path, [tw(a, "Root alpha"), tw(b, "Reply bravo", a, favorite_count=count)])
    posts = read_archive(path, thread_id=str(a)).thread().posts
    assert posts[1].likes == likes
