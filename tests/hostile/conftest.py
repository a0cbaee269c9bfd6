"""Hostile-input tests: shared builders, and no per-test timeout under the long Hypothesis profile.

``HYPOTHESIS_PROFILE=long`` (tests/conftest.py) runs every fuzz test with many more, random examples.
"""
from __future__ import annotations

import os

import pytest


def pytest_collection_modifyitems(config, items):
    """The long profile runs for many minutes a test: lift the suite's per-test timeout for it."""
    if os.environ.get("HYPOTHESIS_PROFILE") != "long":
        return
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.timeout(0))
