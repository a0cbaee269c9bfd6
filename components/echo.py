"""Echo: set while the studio fills its own boxes, so their change handlers edit nothing."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class Echo:
    """True while the studio itself sets a box's value (no edit must follow from it)."""

    def __init__(self) -> None:
        self.on = False

    def __bool__(self) -> bool:
        return self.on

    @contextmanager
    def __call__(self) -> Iterator[None]:
        """While inside, the boxes' change handlers know the change is the studio's own."""
        was, self.on = self.on, True
        try:
            yield
        finally:
            self.on = was
