"""Every grapheme split in the studio goes through ``studio.graphemes.clusters_of``, linear in a run of flags
(the regex module's ``\\X`` counts back over a whole run of regional indicators at each one: 8,000 flags held the
event loop seconds in layout, X's character count and the title split)."""
from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import given
from hypothesis import strategies as st

from studio import PROJECT_ROOT
from studio.cli import _width
from studio.structure import _cluster_starts

PIECES = ["🇫", "🇷", "🇫🇷", "a", "é", "e\u0301", "👍🏽", "👨\u200d👩\u200d👧", "1\ufe0f\u20e3", "\r\n", "한", "\u0600", " ", "山"]


BOUNDED = {"studio/graphemes.py", "studio/share/presence.py",  # a word's first cluster only
           "studio/sources/post_caps.py"}  # a window of _REACH characters


def test_no_module_splits_graphemes_itself():
    direct = [name for path in sorted((PROJECT_ROOT / "studio").rglob("*.py"))
              if (name := str(path.relative_to(PROJECT_ROOT))) not in BOUNDED and r'"\X"' in path.read_text("utf-8")]
    assert direct == []


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_cluster_starts_and_widths_are_unicodes(text):
    clusters = regex.findall(r"\X", text)
    assert _cluster_starts(text) == [m.start() for m in regex.finditer(r"\X", text)] + [len(text)]
    assert _width(text) == sum(_width(c) for c in clusters)


def test_a_long_run_of_flags_is_split_by_pairs():
    starts = _cluster_starts("🇫🇷" * 5000 + "!")
    assert len(starts) == 5002 and starts[-2:] == [10000, 10001]


def test_x_counts_a_long_run_of_flags_as_unicode_splits_it():
    from studio.sources.counting import weighted_length
    assert weighted_length("🇫🇷" * 3000) == weighted_length("🇫🇷") * 3000
