"""Session 20's rough items: each test fails on the code before it."""
from __future__ import annotations

import subprocess
import sys

import pytest

from studio import text_patterns
from studio.text import accent_spans

_LONG_RUNS = ("a.", "x@a.b-", "https://a.)", "www.@a.")


def _links(text: str) -> list[str]:
    return [s for s, accent in accent_spans(text) if accent]


def test_a_host_with_many_labels_is_still_one_link_and_a_dotted_run_none():
    deep = ".".join("abcdefghij") + ".example.com"
    assert _links(f"see {deep} now") == [deep]
    assert _links(f"mail x@{deep} now") == [f"x@{deep}"]
    assert [m.group() for m in text_patterns.URL.finditer(f"see www.{deep}/a now")] == [f"www.{deep}/a"]
    for unit in _LONG_RUNS:
        text = unit * 2000
        assert "".join(s for s, _ in accent_spans(text)) == text
    assert _links("a." * 2000) == [] and text_patterns.without_links("a." * 2000) == "a." * 2000


@pytest.mark.slow
def test_a_megabyte_dotted_run_is_read_in_one_pass():
    # every pattern with an open-ended repeat of host labels backtracked label by label from the run's start
    # looking for its top-level domain: "a." * 50,000 took a second, a megabyte minutes. A generous wait, not a
    # measure: the linear reading takes a few seconds here, the quadratic one well over the limit
    script = (
        "from studio.text import accent_spans\nfrom studio import text_patterns as tp\n"
        f"for unit in {_LONG_RUNS!r}:\n"
        "    text = unit * (1_000_000 // len(unit))\n"
        "    assert ''.join(s for s, _ in accent_spans(text)) == text\n"
        "    tp.without_links(text)\n"
        "    list(tp.URL.finditer(text))\n"
        "print('ok')\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=240)
    assert done.stdout.strip() == "ok", done.stderr
