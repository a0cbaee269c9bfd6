"""What the export dialog says when the file is written."""
from __future__ import annotations

from components.export_dialog import done_in


def test_an_export_drawn_ahead_is_not_said_to_take_no_time():
    """The file drawn while the creator edited comes at once: the dialog said "Done in 0.0 s"."""
    assert done_in(0.004) == "Done in under 0.1 s"
    assert done_in(0.049) == "Done in under 0.1 s"
    assert done_in(0.05) == "Done in 0.1 s"
    assert done_in(2.34) == "Done in 2.3 s"
