"""Session 22, round 3: a decimal or a time at the start of a line ("1.5 million…", "9.30 standup") is no outline
number; "1.1" is one only under its "1." parent in a run of numbered lines."""
from __future__ import annotations

from studio.reading import list_lines


def test_decimals_and_times_are_no_list_rows():
    assert list_lines(["Schedule:", "9.30 standup", "10.15 deep work", "12.00 lunch"]) == [None] * 4
    found = list_lines(["- Revenue doubled", "1.5 million people signed up.", "2.5 hours saved per week."])
    assert found[0] is not None and found[1:] == [None, None]
    assert list_lines(["- domain", "4.99 per month, forever.", "- email"])[1] is None


def test_sub_numbers_under_their_parent_stay_rows():
    found = list_lines(["1. Outline", "1.1 Research", "1.2 Draft", "2. Edit", "2.1 Cut"])
    assert [f[0] for f in found] == ["1", "1.1", "1.2", "2", "2.1"]
    assert list_lines(["1. Outline", "3.1 Research"])[1] is None  # no "3." above it

