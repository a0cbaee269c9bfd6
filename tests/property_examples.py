"""How many examples a property test with its own count tries, by Hypothesis profile (tests/conftest.py).

``@settings(max_examples=examples(150))`` tries 150 under ``ci`` (the default, and CI), a quarter of
that in the developer's ``fast`` run (at most 20), and ten times as many under ``long``.
"""
from __future__ import annotations

from hypothesis import settings
from hypothesis import strategies as st

SCALE = {"fast": 0.25, "ci": 1, "long": 10}
# The ``fast`` run (the developer's core suite) tries at most this many for one test. Twenty of a deterministic
# draw still reach the strategies' edge cases (empty, one, the largest sizes come early); the hundreds are for
# CI, which runs every count, and a failing example is kept in Hypothesis's database and tried first next run.
FAST_MOST = 20


def examples(count: int) -> int:
    """``count`` (the number for CI) scaled for the loaded profile; at least 3 (at most FAST_MOST in ``fast``)."""
    profile = settings.get_current_profile_name()
    scaled = max(3, round(count * SCALE.get(profile, 1)))
    return min(scaled, FAST_MOST) if profile == "fast" else scaled


# Every character valid UTF-8 holds, which is what ``st.text()`` draws from (its ``codec="utf-8"``), named
# by category instead: the codec makes each test process of a fresh checkout try every code point first
# (2.3 s of CPU), the categories come from a table Hypothesis builds in 0.15 s.
ANY_CHARACTER = st.characters(exclude_categories=("Cs",))
