"""An edit is made on the slide it was made on: typing sent before its tab heard that the slide was deleted in
another tab, a photo read while another slide was chosen."""
from __future__ import annotations

import asyncio
import io

from nicegui import ui
from PIL import Image as PILImage

from components import slide_editor
from ui_helpers import trigger, until


def png_bytes() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (64, 48), (200, 40, 40)).save(out, "PNG")
    return out.getvalue()


def words(studio) -> list[tuple[str, str, str]]:
    return [(s.title or "", s.body or "", s.alt_text or "") for s in studio.shared.document.carousel.slides]


async def two_tabs_on_slide_3(studio, create_user, testid):
    """Tab A and tab B both on slide 3."""
    other = create_user()
    await other.open("/")
    for tab in (studio, other):
        trigger(tab, testid(tab, "slide-thumb")[2], "click")
    return other


def browser_sends(tab, box, shown: str, value: str) -> None:
    """What a browser's box sends on a keystroke: the slide it showed (beforeinput), then its whole value."""
    trigger(tab, box, "beforeinput", shown)
    trigger(tab, box, "update:value", value)


async def test_typing_sent_before_its_slide_was_deleted_in_another_tab_goes_on_no_other_slide(
        studio, create_user, testid):
    other = await two_tabs_on_slide_3(studio, create_user, testid)
    (body,) = testid(studio, "slide-body")
    (title,) = testid(studio, "slide-title")
    (alt,) = testid(studio, "slide-alt")
    shown = body.props.get("data-cs-shown", "")
    old = studio.shared.document.carousel.slides[2]
    typed = (old.title or "", (old.body or "") + "Z", (old.alt_text or "") + "Q")
    before = words(studio)
    trigger(other, testid(other, "delete-slide")[0], "click")  # tab B deletes slide 3
    await until(lambda: len(words(studio)) == len(before) - 1)
    expected = before[:2] + before[3:]
    assert words(studio) == expected
    browser_sends(studio, body, shown, typed[1])  # A's keystroke, on its way while the delete was made
    browser_sends(studio, alt, shown, typed[2])
    browser_sends(studio, title, shown, typed[0] + "T")
    assert words(studio) == expected  # slide 4, now third, keeps its words; no slide has the typing
    notices = [m for m in studio.notify.messages if "typing in is gone" in m]
    assert len(notices) == 3 and "“Z”" in notices[0] and "“Q”" in notices[1] and "“T”" in notices[2]
    # A's boxes show the slide now selected, and typing on it is made on it
    assert body.value == expected[2][1]
    browser_sends(studio, body, body.props.get("data-cs-shown", ""), expected[2][1] + " more")
    assert words(studio)[2][1] == expected[2][1] + " more"


def held_decode(monkeypatch) -> tuple[asyncio.Event, asyncio.Event]:
    """The photo decode waits: (reading: it has begun, read: set to let it end)."""
    reading, read = asyncio.Event(), asyncio.Event()
    decode = slide_editor.decode_image

    async def slow_decode(data, **options):
        reading.set()
        await read.wait()
        return await decode(data, **options)
    monkeypatch.setattr(slide_editor, "decode_image", slow_decode)
    return reading, read


async def start_upload(studio, testid, reading: asyncio.Event) -> asyncio.Task:
    """Upload a photo on the slide shown; returns once its decode has begun."""
    (upload,) = testid(studio, "slide-image-upload")
    with studio:
        task = asyncio.create_task(upload.handle_uploads([ui.upload.SmallFileUpload("me.png", "image/png",
                                                                                     png_bytes())]))
    await reading.wait()
    return task


async def test_a_photo_read_while_another_slide_is_chosen_goes_on_the_slide_it_was_uploaded_on(
        studio, testid, monkeypatch):
    reading, read = held_decode(monkeypatch)
    slides = studio.shared.document.carousel.slides
    trigger(studio, testid(studio, "slide-thumb")[2], "click")
    task = await start_upload(studio, testid, reading)
    trigger(studio, testid(studio, "slide-thumb")[4], "click")  # another slide chosen while it is read
    read.set()
    await task
    await until(lambda: slides[2].image is not None)
    assert slides[4].image is None
    assert studio.notify.contains("on slide 3")


async def test_a_photo_whose_slide_is_deleted_while_it_is_read_is_put_nowhere(studio, testid, monkeypatch):
    reading, read = held_decode(monkeypatch)
    doc = studio.shared.document
    trigger(studio, testid(studio, "slide-thumb")[2], "click")
    task = await start_upload(studio, testid, reading)
    doc.delete_slide(2, origin=None)
    read.set()
    await task
    await until(lambda: studio.notify.contains("“me.png” was not put on another slide"))
    await asyncio.sleep(0.2)
    assert all(s.image is None for s in doc.carousel.slides)
