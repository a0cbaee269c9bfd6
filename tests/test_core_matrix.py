"""The core suite's share of a parametrised test (tests/core_matrix.py): every value runs in core, the rest is slow."""
from __future__ import annotations

import pytest

from core_matrix import core_of, covering


def _core(params) -> list[tuple]:
    return [p.values for p in params if not any(m.name == "slow" for m in p.marks)]


def test_covering_runs_every_value_of_every_axis_in_core_and_every_combination_in_all():
    formats, layouts = ["portrait", "square", "story"], ["a", "b", "c", "d", "e"]
    params = covering(formats, layouts)
    assert [p.values for p in params] == [(f, lay) for f in formats for lay in layouts]
    core = _core(params)
    assert len(core) == len(layouts)
    assert {f for f, _ in core} == set(formats) and {lay for _, lay in core} == set(layouts)


def test_core_of_keeps_the_named_points_and_refuses_a_name_it_does_not_have():
    params = core_of(["editorial", "midnight", "terminal"], ["midnight"])
    assert _core(params) == [("midnight",)] and len(params) == 3
    with pytest.raises(ValueError):
        core_of(["editorial"], ["paper"])
    with pytest.raises(ValueError):
        core_of(["editorial"], [])
