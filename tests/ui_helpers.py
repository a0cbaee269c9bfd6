"""Helpers for the studio's ``user``-fixture tests: click, trigger, wait for a condition."""
from __future__ import annotations

import asyncio
import contextlib
import threading

from nicegui.testing.user_interaction import UserInteraction


def click(user, element) -> None:
    UserInteraction(user, {element}, None).click()


def trigger(user, element, event: str, args=None) -> None:
    UserInteraction(user, {element}, None).trigger(event, args)


async def until(condition, timeout: float = 30.0) -> None:
    """Wait for background handlers (dialogs, imports, thumbnails drawn in workers) to finish."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


def open_panel(user, title: str) -> None:
    """Open a settings panel as a click on its header does (a closed panel is built when first opened)."""
    from nicegui import ui
    with user:
        expansion = next(e for e in user.client.elements.values()
                         if isinstance(e, ui.expansion) and e.props.get("label") == title)
    expansion.value = True


def open_source_tab(user, name: str) -> None:
    """Open a tab of the Source Content panel as a click on it does (a tab is built when first opened)."""
    from nicegui import ui
    with user:
        tab = next(e for e in user.client.elements.values() if isinstance(e, ui.tab) and e.props.get("name") == name)
    click(user, tab)


@contextlib.contextmanager
def paste_reads_held(monkeypatch, holds):
    """Reading a paste for which ``holds(text)`` is true (in a thread of this process, as the studio's worker would)
    waits until the test lets it end; yields ``(started, release)``. Released at the end in any case."""
    from components import offload
    from studio.app import imports
    started, release = threading.Event(), threading.Event()
    read = imports.Imports.paste

    def held(text: str):
        if holds(text):
            started.set()
            release.wait(60)
        return read(text)

    monkeypatch.setattr(imports.Imports, "paste", staticmethod(held))
    try:
        with offload.in_this_process():
            yield started, release
    finally:
        release.set()
