"""What every source returns, and the one error type the user sees."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..post import Thread


_PLURALS = {"reply": "replies", "copy": "copies"}


def count(n: int, noun: str) -> str:
    """A number with its noun agreeing: "1 post", "2 posts", "3 replies", "1,500 files"."""
    return f"{n:,} {noun if n == 1 else _PLURALS.get(noun, noun + 's')}"


def answer_note(answered: str | None) -> str:
    """What a thread list says of a thread whose first post answered someone (``ImportResult.answers``):
    "answers @handle", "answers a post" when the source does not say whose; "" when it answered nobody."""
    if answered is None:
        return ""
    return f"answers @{answered}" if answered else "answers a post"


class SourceError(ValueError):
    """Input that cannot be imported; the message is one line meant for the user."""


@dataclass
class ImportResult:
    """Threads found in an input (archives: best engagement first) and what was skipped.

    ``media`` names each post's photos (post id → archive file names) when the
    photos themselves were not loaded, so a listing can show them cheaply. ``answers`` names, for
    a thread whose first post answered another account's post, that account's handle (thread id →
    handle, "" when the source does not say whose post it was).
    """

    threads: list[Thread] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    media: dict[str, list[str]] = field(default_factory=dict)
    answers: dict[str, str] = field(default_factory=dict)

    def thread(self, thread_id: str | None = None) -> Thread:
        """The thread with ``thread_id``, or the first (top) one; SourceError when absent."""
        if not self.threads:
            raise SourceError("no threads found in this input")
        if thread_id is None:
            return self.threads[0]
        for t in self.threads:
            if t.id == thread_id:
                return t
        raise SourceError(f"no thread with id {thread_id!r} here "
                          f"(run `carousel-studio threads` on the same input to list them)")
