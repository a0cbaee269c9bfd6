"""A clock moved on only by hand: the time and timers of the autosaver and of the studio's delayed redraws
(``components.view.Clock``) in tests, which then never sleep and never depend on how busy the machine is."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

EPSILON = 1e-9  # 0.4 + 0.4 may fall short of 0.8 by a rounding step: that is due too


@dataclass
class HandTimer:
    due: float
    fire: Callable[[], None]
    cancelled: bool = False

    def cancel(self) -> None:
        self.cancelled = True


class HandClock:
    """``now()`` and ``start_timer(wait, fire)``; a timer fires only inside ``advance``."""

    def __init__(self) -> None:
        self.time = 0.0
        self.timers: list[HandTimer] = []

    def now(self) -> float:
        return self.time

    def start_timer(self, wait: float, fire: Callable[[], None]) -> HandTimer:
        self.timers.append(timer := HandTimer(self.time + wait, fire))
        return timer

    @property
    def waiting(self) -> int:
        """Timers started and neither fired nor cancelled."""
        return sum(not t.cancelled for t in self.timers)

    def advance(self, seconds: float) -> int:
        """Move the time on; fire the timers now due, in the order they are due. Returns how many fired."""
        self.time += seconds
        fired = 0
        for timer in sorted((t for t in self.timers if t.due <= self.time + EPSILON), key=lambda t: t.due):
            if not timer.cancelled:  # an earlier one may have cancelled it
                timer.cancel()
                timer.fire()
                fired += 1
        self.timers = [t for t in self.timers if not t.cancelled]
        return fired
