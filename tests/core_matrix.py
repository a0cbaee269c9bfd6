"""Which points of a parametrised test the core suite (``pytest -m "not slow"``) runs; CI runs every point.

The rule (docs/architecture.md, Tests): the core suite runs each behaviour once. Where a test is repeated over
every theme, format, layout or hostile input, the core keeps representatives that reach distinct code paths and
the other points are ``slow``. Both helpers return ``pytest.param`` lists for ``@pytest.mark.parametrize``.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

import pytest


def _param(values: tuple, core: bool, id: str | None = None):
    marks = () if core else (pytest.mark.slow,)
    return pytest.param(*values, marks=marks, id=id)


def core_of(values: Iterable, core: Iterable, ids=None) -> list:
    """``values`` as params; those not in ``core`` are ``slow``. ``core`` must name real values."""
    values, core = list(values), list(core)
    missing = [c for c in core if c not in values]
    if missing or not core:
        raise ValueError(f"core points {missing or core!r}: each must be one of the values, and one at least")
    ids = list(ids) if ids is not None else [None] * len(values)
    return [_param(v if isinstance(v, tuple) else (v,), v in core, i) for v, i in zip(values, ids)]


def covering(*axes: Sequence) -> list:
    """Every combination of the axes as params (in ``itertools.product`` order, one value per axis).

    The core keeps a covering diagonal: its i-th point takes the i-th value of each axis (the shorter axes
    start over), so every value of every axis runs in the core suite at least once, in as many points as
    the longest axis has values; the other combinations are ``slow``.
    """
    longest = max(len(axis) for axis in axes)
    core = {tuple(axis[i % len(axis)] for axis in axes) for i in range(longest)}
    return [_param(point, point in core) for point in itertools.product(*axes)]
