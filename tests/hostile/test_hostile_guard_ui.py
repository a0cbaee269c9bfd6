"""What a browser sends the studio's boxes and drop targets, whatever it is, never costs everyone: a refused edit
shows the document's words again in the box; an uploaded photo is decoded off the event loop (an 8000×5000 PNG
decoded on it held up every browser's requests for seconds); a value of the wrong type is ignored quietly."""
from __future__ import annotations

import io
import logging
import threading

from nicegui import ui
from PIL import Image as PILImage

from components import offload, slide_editor
from studio import limits
from ui_helpers import trigger, typed, until


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), "teal").save(buffer, "PNG")
    return buffer.getvalue()


async def test_a_refused_edit_shows_the_documents_words_again(studio, testid, monkeypatch):
    doc = studio.shared.document
    before = doc.carousel.slides[0].title
    (title,) = testid(studio, "slide-title")
    ran = typed(title, "a" * (limits.MAX_TITLE_CHARS + 1), monkeypatch)
    await studio.should_see("the limit is 2,000")
    await until(lambda: title.value == before)
    assert "updateValue" in ran  # the browser's box shows the document's words, not the refused ones
    (body,) = testid(studio, "slide-body")
    kept = doc.carousel.slides[0].body
    ran = typed(body, "w " * (limits.MAX_WORDS_PER_POST + 1), monkeypatch)
    await studio.should_see("keeps its last good text")
    await until(lambda: body.value == kept)
    assert "updateValue" in ran


async def test_a_photo_upload_is_decoded_off_the_event_loop(studio, testid, monkeypatch):
    loop_thread = threading.current_thread()
    decoded_in = []
    real = slide_editor.load_image

    def recording(*args, **kwargs):
        decoded_in.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(slide_editor, "load_image", recording)
    monkeypatch.setattr(offload, "_processes_allowed", [False])  # a thread of this process, where the recorder is
    (upload,) = testid(studio, "slide-image-upload")
    with studio:
        await upload.handle_uploads([ui.upload.SmallFileUpload("photo.png", "image/png", png_bytes())])
    await until(lambda: studio.shared.document.carousel.slides[0].image is not None)
    assert decoded_in and loop_thread not in decoded_in


async def test_values_of_the_wrong_type_are_ignored_quietly(studio, testid, caplog):
    doc = studio.shared.document
    title_before = doc.carousel.slides[0].title
    (title,) = testid(studio, "slide-title")
    title.value = ["two", "items"]
    await until(lambda: title.value == title_before)
    assert doc.carousel.slides[0].title == title_before
    (paste,) = testid(studio, "source-input")
    paste.value = 12345
    paste.value = ["a", "list"]
    thumb = testid(studio, "slide-thumb")[0]
    for args in (7, ["post"], "p1"):
        trigger(studio, thumb, "drop", args)
    await until(lambda: True)
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
