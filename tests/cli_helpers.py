"""Helpers shared by the command-line tests."""
from __future__ import annotations


def error_line(capsys) -> str:
    """The one line the command wrote to stderr: an ``error: `` message, never a traceback."""
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]
