"""The command line: an output named only by its suffix, and profile names in messages and as twins."""
from __future__ import annotations

import pytest

from studio.cli import main


def _error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


@pytest.mark.parametrize("name", [".pdf", ".PDF", ".zip", ".png"])
def test_an_output_named_only_by_its_suffix_is_refused_and_nothing_is_written(tmp_path, capsys, name):
    # "-o DIR/.pdf" wrote a hidden folder of PNGs named ".pdf"
    assert main(["render", "-o", str(tmp_path / name), "--data-dir", str(tmp_path / "data")]) != 0
    line = _error_line(capsys)
    assert "no name before" in line and f"carousel{name.lower()}" in line
    assert not (tmp_path / name).exists()
