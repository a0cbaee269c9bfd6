"""A failed save is shown to everyone connected, with what to do, and clears once a save succeeds."""
from __future__ import annotations

import asyncio

from ui_helpers import drawer_timeouts_are_not_failures  # noqa: F401 - autouse fixture


async def _until(condition, timeout: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


def _banner(user):
    with user:
        (banner,) = [e for e in user.client.elements.values() if e.props.get("data-testid") == "save-failed"]
        texts = " ".join(e.text for e in banner.descendants() if hasattr(e, "text"))
    return banner.visible, texts


async def test_failed_save_reaches_every_browser_and_clears_when_saved(studio, create_user, monkeypatch):
    alice, bob = studio, create_user()
    await bob.open("/")
    shared = studio.shared
    assert not _banner(alice)[0] and not _banner(bob)[0]

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    real = shared.store.projects.save
    monkeypatch.setattr(shared.store.projects, "save", disk_full)
    shared.document.set_setting("theme", "noir")
    await _until(lambda: _banner(alice)[0] and _banner(bob)[0])
    for user in (alice, bob):
        visible, text = _banner(user)
        assert "Not saved" in text and "No space left on device" in text
        assert "Free some disk space" in text  # what to do
    carol = create_user()
    await carol.open("/")  # opened while saving fails: sees it at once
    assert _banner(carol)[0]
    assert shared.document.carousel.theme == "noir"  # the edit itself is kept

    monkeypatch.setattr(shared.store.projects, "save", real)
    shared.document.set_setting("theme", "paper")  # the next change retries, and succeeds
    await _until(lambda: not any(_banner(user)[0] for user in (alice, bob, carol)))
    project = shared.store.projects.load(shared.document.project_id)
    assert project.theme == "paper"
