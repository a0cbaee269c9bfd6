"""The studio's named background work (NiceGUI ``background_tasks``), for tests that check something did not happen."""
from __future__ import annotations

import asyncio


def running(name: str) -> bool:
    """Whether a task called ``name`` was started and has not ended."""
    return any(t.get_name() == name and not t.done() for t in asyncio.all_tasks())
