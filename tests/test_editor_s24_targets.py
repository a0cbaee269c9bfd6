"""The slide editor's other controls act on the slide they showed, as its text boxes do: a layout choice or a
"Remove image" click sent before its tab heard that its slide was deleted in another tab, and a photo whose
upload began on one slide while another was chosen (or its slide deleted) before the file had arrived."""
from __future__ import annotations

import asyncio
import io
from urllib.parse import quote

from nicegui import ui
from nicegui.events import GenericEventArguments
from PIL import Image as PILImage

from components import view as view_module
from components.slide_texts import SAY_SLIDE, SHOWN
from components.uploads import SHOWN_HEADER
from studio.image import load_image
from ui_helpers import trigger, until


def png_bytes(colour=(200, 40, 40)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(out, "PNG")
    return out.getvalue()


def told(monkeypatch) -> list:
    """(tab's client, message) of each notice a tab's view shows: with two simulated tabs, ``user.notify`` hears
    whichever tab the test touched last, not the tab told."""
    notices, notify = [], view_module.notify

    def recorded(message, client=None, **options):
        notices.append((client, message))
        notify(message, client, **options)
    monkeypatch.setattr(view_module, "notify", recorded)
    return notices


def slides(studio):
    return studio.shared.document.carousel.slides


def choose(tab, testid, index: int) -> None:
    trigger(tab, testid(tab, "slide-thumb")[index], "click")


def remove_button(tab):
    with tab:
        return next(e for e in tab.client.elements.values() if isinstance(e, ui.button) and e.text == "Remove image")


async def tab_b_deletes_slide_3(studio, create_user, testid) -> None:
    """A second tab deletes slide 3 (tab A shows it); returns once tab A has heard."""
    other = create_user()
    await other.open("/")
    count = len(slides(studio))
    choose(other, testid, 2)
    trigger(other, testid(other, "delete-slide")[0], "click")
    await until(lambda: len(slides(studio)) == count - 1)


def layout_option(select, key: str) -> dict:
    """What the browser sends when ``key`` is chosen: its option, and the slide name the select shows now."""
    return {**select.props["options"][list(select.options).index(key)], SHOWN: select.props.get(SHOWN)}


async def test_a_layout_chosen_before_its_tab_heard_its_slide_was_deleted_changes_no_other_slide(
        studio, create_user, testid):
    choose(studio, testid, 2)
    (select,) = testid(studio, "slide-layout")
    chosen = layout_option(select, "big-statement")  # the menu tab A's browser shows for slide 3
    await tab_b_deletes_slide_3(studio, create_user, testid)
    before = [s.layout for s in slides(studio)]
    trigger(studio, select, "update:modelValue", chosen)  # A's choice, sent before A heard of the delete
    assert [s.layout for s in slides(studio)] == before  # the slide now third keeps its layout
    assert studio.notify.contains("The slide you chose is gone")
    assert (select.value or None) == slides(studio)[2].layout  # the choice shows the slide now third's again
    trigger(studio, select, "update:modelValue", layout_option(select, "post-card"))  # and acts on it
    assert slides(studio)[2].layout == "post-card"


async def test_a_layout_chosen_on_a_slide_goes_on_it_when_another_was_chosen_before_it_arrived(studio, testid):
    choose(studio, testid, 2)
    (select,) = testid(studio, "slide-layout")
    chosen = layout_option(select, "big-statement")
    choose(studio, testid, 4)  # (the arrow key's move heard first)
    trigger(studio, select, "update:modelValue", chosen)
    assert slides(studio)[2].layout == "big-statement" and slides(studio)[4].layout is None


async def test_remove_image_clicked_before_its_tab_heard_its_slide_was_deleted_removes_no_photo(
        studio, create_user, testid):
    doc = studio.shared.document
    for index, colour in ((2, (200, 0, 0)), (3, (0, 0, 200))):
        doc.set_slide_image(index, load_image(png_bytes(colour), name="p.png"), origin=None)
    choose(studio, testid, 2)
    button = remove_button(studio)
    shown = button.props.get("data-cs-shown")
    fourth = slides(studio)[3].image
    await tab_b_deletes_slide_3(studio, create_user, testid)
    trigger(studio, button, "click", shown)  # A's click names the slide A's browser showed
    assert slides(studio)[2].image == fourth
    assert studio.notify.contains("no photo was removed")
    trigger(studio, remove_button(studio), "click", remove_button(studio).props.get("data-cs-shown"))
    assert slides(studio)[2].image is None  # a click on the slide now shown removes its photo


async def post_slowly(studio, upload, data: bytes, started: asyncio.Event, go: asyncio.Event):
    """The browser's upload of ``data`` by ``upload`` (its address, its headers): its first bytes, then (once ``go``
    is set) the rest."""
    boundary = "csboundary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"me.png\"\r\n"
            "Content-Type: image/png\r\n\r\n").encode()

    async def body():
        yield head + data[:16]
        started.set()
        await go.wait()
        yield data[16:] + f"\r\n--{boundary}--\r\n".encode()
    headers = {SHOWN_HEADER: quote(upload.props[SHOWN], safe="")}  # what its browser read as the file was chosen
    return await studio.http_client.post(upload.props["url"], content=body(), headers={
        **headers, "Content-Type": f"multipart/form-data; boundary={boundary}"})


async def upload_held(studio, testid):
    """An upload begun on the slide shown, its file still on its way: (its request, go: set to let it end)."""
    (upload,) = testid(studio, "slide-image-upload")
    started, go = asyncio.Event(), asyncio.Event()
    request = asyncio.create_task(post_slowly(studio, upload, png_bytes(), started, go))
    await started.wait()
    return request, go


async def test_a_photo_whose_upload_began_on_a_slide_goes_on_it_when_another_is_chosen_before_it_arrives(
        studio, testid, monkeypatch):
    notices = told(monkeypatch)
    choose(studio, testid, 2)
    request, go = await upload_held(studio, testid)
    choose(studio, testid, 4)  # the person goes on to slide 5 while the file is on its way
    go.set()
    assert (await request).status_code == 200
    await until(lambda: slides(studio)[2].image is not None)
    assert slides(studio)[4].image is None
    await until(lambda: (studio.client, "The photo is on slide 3, the slide it was uploaded on.") in notices)


async def test_a_photo_whose_slide_is_deleted_while_it_arrives_is_put_nowhere(studio, create_user, testid,
                                                                              monkeypatch):
    notices = told(monkeypatch)
    choose(studio, testid, 2)
    request, go = await upload_held(studio, testid)
    await tab_b_deletes_slide_3(studio, create_user, testid)  # tab A now shows the slide that was fourth
    go.set()
    assert (await request).status_code == 200
    await until(lambda: any(c is studio.client and "“me.png” was not put on another slide" in m for c, m in notices))
    await asyncio.sleep(0.2)
    assert all(s.image is None for s in slides(studio))


def drop_zones(tab) -> list:
    """The preview's halves a dragged post is let go on: (replace the slide, add to it)."""
    with tab:
        zones = [e for e in tab.client.elements.values() if "cs-drop-zone" in e.classes]
    return sorted(zones, key=lambda e: e.id)


def drop(tab, zone, said, dropped) -> None:
    """A drop as its browser sends it: each of the zone's two "drop" listeners hears its own script's args, the
    slide it showed (``SAY_SLIDE``) first, then what was dropped (the user fixture's trigger would hand both to each)."""
    first, second = [listener for listener in zone._event_listeners.values() if listener.type == "drop"]
    assert first.js_handler == SAY_SLIDE
    with tab:
        for listener, args in ((first, said), (second, dropped)):
            listener.handler(GenericEventArguments(sender=zone, client=tab.client, args=args))


def drop_overlay(tab):
    with tab:
        return next(e for e in tab.client.elements.values() if "cs-drop-overlay" in e.classes)


def texts(studio) -> list[tuple[str, str]]:
    return [(s.title or "", s.body or "") for s in slides(studio)]


async def test_a_post_dropped_before_its_tab_heard_its_slide_was_deleted_changes_no_other_slide(
        studio, create_user, testid):
    choose(studio, testid, 2)
    shown = drop_overlay(studio).props.get("data-cs-shown")
    post = studio.shared.document.carousel.thread.posts[-1].id
    await tab_b_deletes_slide_3(studio, create_user, testid)
    before = texts(studio)
    for zone in drop_zones(studio):  # the browser's drop: the slide it showed, then the post
        drop(studio, zone, shown, {"post_id": post, "shift": False})
    assert texts(studio) == before
    assert studio.notify.contains("the post was not put on another slide")
    replace = drop_zones(studio)[0]  # a drop on the slide now shown is made on it
    drop(studio, replace, drop_overlay(studio).props.get("data-cs-shown"), {"post_id": post, "shift": False})
    assert texts(studio) != before


async def test_a_choice_of_the_layout_already_chosen_leaves_no_slide_name_for_a_later_change(
        studio, create_user, testid):
    choose(studio, testid, 2)
    (select,) = testid(studio, "slide-layout")
    again = layout_option(select, "")  # tab A's browser re-sends the choice it shows, naming slide 3
    await tab_b_deletes_slide_3(studio, create_user, testid)
    assert (select.value or "") == ""  # (the slide now third has the carousel's layout too: nothing changes)
    trigger(studio, select, "update:modelValue", again)
    with studio:
        select.set_value("post-card")  # a change made on the server: the slide the select shows now
    assert slides(studio)[2].layout == "post-card"
    assert not studio.notify.contains("The slide you chose is gone")


async def test_the_photo_upload_is_capped_on_the_server_at_its_own_route(studio, testid):
    """The editor's upload is served by its own handler (to read the header) at NiceGUI's address: the server's
    upload cap still finds its button there and stops a body over it before the handler reads it."""
    from components.uploads import FRAMING_BYTES, body_cap
    from studio.limits import MAX_IMAGE_BYTES
    choose(studio, testid, 2)
    (upload,) = testid(studio, "slide-image-upload")
    assert body_cap(upload.props["url"]) == MAX_IMAGE_BYTES + FRAMING_BYTES
    upload.props["max-file-size"] = 1000  # (a small cap: the body below streams past it without saying its size)
    data = png_bytes() + bytes(FRAMING_BYTES + 4000)
    go = asyncio.Event()
    go.set()
    response = await post_slowly(studio, upload, data, asyncio.Event(), go)
    assert response.status_code == 413 and "larger than" in response.text
    head = {SHOWN_HEADER: quote(upload.props[SHOWN], safe=""), "Content-Length": str(MAX_IMAGE_BYTES + 2 * FRAMING_BYTES)}
    upload.props["max-file-size"] = MAX_IMAGE_BYTES
    assert (await studio.http_client.post(upload.props["url"], content=b"x", headers=head)).status_code == 413
    await asyncio.sleep(0.2)
    assert all(s.image is None for s in slides(studio))
    assert (await post_slowly(studio, upload, png_bytes(), asyncio.Event(), go)).status_code == 200  # within it
    await until(lambda: slides(studio)[2].image is not None)


async def test_a_slide_named_by_a_drop_that_carried_no_post_is_not_used_by_the_next_drop(studio, testid):
    choose(studio, testid, 2)
    zone = drop_zones(studio)[1]
    drop(studio, zone, drop_overlay(studio).props.get("data-cs-shown"), {"files": 1})  # slide 3 said; no post
    choose(studio, testid, 4)
    before = texts(studio)
    post = studio.shared.document.carousel.thread.posts[-1].id
    drop(studio, zone, None, {"post_id": post, "shift": False})  # its browser names no slide: the one shown now
    assert texts(studio)[2] == before[2] and texts(studio)[4] != before[4]
