"""Share mode: typing kept for a slide an undo took out waits for a redo, but not for good: at most ``KEPT``
typings are held (the typist was told, their typing quoted), the oldest forgotten first."""
from __future__ import annotations

from studio.app.sample import sample_carousel
from studio.share.document import KEPT, SharedDocument


def test_typing_kept_for_taken_out_slides_is_bounded_and_the_newest_stays():
    hub = SharedDocument(sample_carousel())
    bob = hub.replica("bob")
    for n in range(KEPT + 10):
        hub.keep(bob, f"gone-{n}", "body", "", f"typed {n}")
    held = [entry.typed for entries in hub.kept.values() for entry in entries]
    assert len(held) == KEPT
    assert held[-1] == f"typed {KEPT + 9}" and "typed 0" not in held
