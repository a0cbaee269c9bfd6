"""The studio's messages about an uploaded archive name the file the creator chose, never the studio's copy."""
from __future__ import annotations

import asyncio
import io
import zipfile

from nicegui import ui
from ui_helpers import open_source_tab


def _bomb() -> bytes:
    """A zip whose tweets.js claims to inflate to 600 MB (its directory entry says so)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = []")
    data = bytearray(out.getvalue())
    at = data.index(b"PK\x01\x02")
    data[at + 24:at + 28] = (600 * 2**20).to_bytes(4, "little")
    return bytes(data)


async def _notice(user, words: str, timeout: float = 60.0) -> str:
    deadline = asyncio.get_running_loop().time() + timeout
    while not user.notify.contains(words):
        assert asyncio.get_running_loop().time() < deadline, f"no notice with {words!r}: {user.notify.messages}"
        await asyncio.sleep(0.05)
    return next(m for m in user.notify.messages if words in m)


async def test_zip_bomb_message_names_the_uploaded_file(studio):
    open_source_tab(studio, "Archive")
    with studio:
        (upload,) = [e for e in studio.client.elements.values() if e.props.get("data-testid") == "archive-upload"]
        await upload.handle_uploads([ui.upload.SmallFileUpload("my-x-archive.zip", "application/zip", _bomb())])
    message = await _notice(studio, "would inflate to 600 MB")
    assert "my-x-archive.zip" in message.lower()  # (a notice starts with a capital letter)
    assert "upload-" not in message
    assert not list((studio.shared.data_dir / "imports").glob("*.zip"))  # the copy is removed


async def test_not_a_zip_message_names_the_uploaded_file(studio):
    open_source_tab(studio, "Archive")
    with studio:
        (upload,) = [e for e in studio.client.elements.values() if e.props.get("data-testid") == "archive-upload"]
        await upload.handle_uploads([ui.upload.SmallFileUpload("holiday.zip", "application/zip", b"nope")])
    message = await _notice(studio, "is not a zip file")
    assert "holiday.zip" in message.lower()
    assert "upload-" not in message
