"""Hostile-input tests: hypothesis profiles (bounded in CI, longer by hand) and shared builders.

``HYPOTHESIS_PROFILE=long`` runs every fuzz test with many more examples.
"""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_collection_modifyitems(config, items):
    """The long profile runs for many minutes a test: lift the suite's per-test timeout for it."""
    if os.environ.get("HYPOTHESIS_PROFILE") != "long":
        return
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.timeout(0))
