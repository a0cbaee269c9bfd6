"""Numbering marks in very long texts are read in one pass: a subprocess per input, with a cap far above what
the linear code needs (the code that copied the text before each mark, or scanned every later mark for each
candidate, took minutes on these)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CAP = 60  # seconds; a few on a loaded machine for the linear code

MARKS = """
from studio.sources import paste
text = "\\n\\n".join(f"{i % 9}/{i % 9 + 3} w" for i in range(500_000))
marks = paste._marks(paste._START_PATTERNS["slash"], text)
assert len(marks) == 500_000 and all(m.paragraph for m in marks)
"""

FRACTIONS = """
from studio.sources import paste
text = "\\n\\n".join([f"1/{t} w" for t in range(100, 1000)] + ["5/ w"] * 1_500_000)
marks = paste._marks(paste._START_PATTERNS["slash"], text)
assert paste._start_run(text, marks, "slash") is None
"""


@pytest.mark.slow
@pytest.mark.parametrize("code", [MARKS, FRACTIONS], ids=["marks", "fractions"])
def test_numbering_marks_of_a_long_text_are_read_in_one_pass(code):
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=CAP)
    assert done.returncode == 0, done.stderr
