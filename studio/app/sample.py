"""The bundled sample thread: what a fresh studio shows and what ``render`` draws without an input."""
from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

from .. import DATA_DIR
from ..carousel import Carousel
from ..post import Thread
from ..sources import parse_paste
from ..structure import carousel_from_thread

SAMPLE_FILE: Path = DATA_DIR / "sample-thread.txt"
SAMPLE_NAME = "Sample: threads people swipe through"


def sample_text() -> str:
    return SAMPLE_FILE.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _sample_thread() -> Thread:
    return parse_paste(sample_text()).threads[0]


def sample_carousel() -> Carousel:
    """The sample thread laid out with the default settings."""
    carousel = carousel_from_thread(copy.deepcopy(_sample_thread()))
    carousel.name = SAMPLE_NAME
    return carousel
