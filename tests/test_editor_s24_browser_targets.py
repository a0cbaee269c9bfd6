"""Real Chromium, the plain studio, one person in two tabs: tab A chooses a layout or removes a photo on slide 3
while tab B deletes it. A's click left before A heard of the delete: it must change no other slide."""
from __future__ import annotations

import pytest
from PIL import Image as PILImage

from studio.server_process import running_studio
from test_browser_share import chromium
from test_tidy_s23_browser_edit_target import BODY, HOLD, LET_GO, NOTICES, THUMBS, find, on_slide
from ui_helpers import wait

LAYOUT = "[data-testid=slide-layout]"


def open_tabs(studio):
    tabs = chromium(), chromium()
    for tab in tabs:
        tab.get(studio.url)
        wait(tab, lambda t=tab: find(t, BODY) and t.execute_script("return window.did_handshake"),
             timeout=120, describe=lambda t=tab: t.title)
    return tabs


def remove_buttons(tab) -> list:
    """The slide's "Remove image" button while it is shown (found by its words, as a person finds it)."""
    return [button for button in find(tab, "button.q-btn") if "Remove image" in button.text]


def has_photo(tab) -> bool:
    return bool(remove_buttons(tab))


def upload_photo(tab, path) -> None:
    """A photo on the slide this tab shows."""
    find(tab, "[data-testid=slide-image-upload] input[type=file]")[0].send_keys(str(path))
    wait(tab, lambda: has_photo(tab), describe=lambda: "no Remove image button")


def held_while_b_deletes_slide_3(a, b, count: int) -> None:
    """Tab A hears nothing more (its clicks still go out) while tab B deletes slide 3; B then shows the next."""
    a.execute_script(HOLD)
    find(b, "[data-testid=delete-slide]")[0].click()
    wait(b, lambda: len(find(b, THUMBS)) == count - 1, describe=lambda: f"{len(find(b, THUMBS))} thumbnails")


def let_go_and_hear(a, notice: str) -> None:
    wait(a, lambda: a.execute_script("return window.csHeld.length") > 0, describe=lambda: "nothing held")
    a.execute_script(LET_GO)
    wait(a, lambda: any(notice in n for n in a.execute_script(NOTICES)), describe=lambda: a.execute_script(NOTICES))


@pytest.mark.slow
def test_remove_image_clicked_before_its_tab_heard_its_slide_was_deleted_removes_no_photo(tmp_path):
    (tmp_path / "data").mkdir()
    photo = tmp_path / "photo.png"
    PILImage.new("RGB", (120, 90), (30, 90, 200)).save(photo)
    with running_studio(tmp_path / "data") as studio:
        a, b = open_tabs(studio)
        try:
            count = len(find(b, THUMBS))
            for index in (3, 2):
                on_slide(b, index, count)
                upload_photo(b, photo)
            wait(a, lambda: on_slide(a, 2, count) is not None and has_photo(a), describe=lambda: "no photo in A")
            held_while_b_deletes_slide_3(a, b, count)
            wait(b, lambda: has_photo(b), describe=lambda: "the slide now third shows no photo in B")
            remove_buttons(a)[0].click()  # tab A still shows slide 3's photo: its click names slide 3
            let_go_and_hear(a, "no photo was removed")
            wait(a, lambda: has_photo(a), describe=lambda: "A shows no photo on the slide now third")
            on_slide(b, 0, count - 1)
            on_slide(b, 2, count - 1)
            assert has_photo(b)  # the slide that was fourth keeps its photo
        finally:
            a.quit()
            b.quit()


@pytest.mark.slow
def test_a_layout_chosen_before_its_tab_heard_its_slide_was_deleted_changes_no_other_slide(tmp_path):
    with running_studio(tmp_path) as studio:
        a, b = open_tabs(studio)
        try:
            count = len(find(b, THUMBS))
            on_slide(b, 2, count)
            wait(a, lambda: on_slide(a, 2, count) is not None and find(a, LAYOUT)[0].is_displayed(),
                 describe=lambda: "no layout choice in A")
            held_while_b_deletes_slide_3(a, b, count)
            find(a, LAYOUT)[0].click()  # tab A's menu is slide 3's: the choice names it
            option = wait(a, lambda: [o for o in find(a, ".q-menu .q-item") if o.text.strip() == "Big statement"],
                          describe=lambda: [o.text for o in find(a, ".q-menu .q-item")])[0]
            option.click()
            let_go_and_hear(a, "no layout was changed")
            for index in range(count - 1):  # no slide took the layout
                on_slide(b, index, count - 1)
                assert "Big statement" not in find(b, LAYOUT)[0].text
        finally:
            a.quit()
            b.quit()


CHOSEN = ("return [...document.querySelectorAll('[data-testid=slide-thumb]')]"
          ".findIndex((t) => t.closest('.cs-selected') || t.querySelector('.cs-selected'))")


@pytest.mark.slow
def test_a_photo_goes_on_the_slide_its_upload_began_on_when_another_is_chosen_while_it_is_sent(tmp_path):
    import os
    (tmp_path / "data").mkdir()
    photo = tmp_path / "noise.png"  # (noise: a PNG of ~600 KB, sent slowly below)
    PILImage.frombytes("RGB", (460, 460), os.urandom(460 * 460 * 3)).save(photo)
    with running_studio(tmp_path / "data") as studio:
        a, b = open_tabs(studio)
        b.quit()
        try:
            count = len(find(a, THUMBS))
            on_slide(a, 2, count)
            a.execute_cdp_cmd("Network.enable", {})
            a.execute_cdp_cmd("Network.emulateNetworkConditions", {  # the upload takes ~12 s
                "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": 50_000})
            find(a, "[data-testid=slide-image-upload] input[type=file]")[0].send_keys(str(photo))
            find(a, THUMBS)[4].click()  # the person goes on to slide 5 while the photo is on its way
            wait(a, lambda: a.execute_script(CHOSEN) == 4, describe=lambda: a.execute_script(CHOSEN))
            wait(a, lambda: any("on slide 3, the slide it was uploaded on" in n for n in a.execute_script(NOTICES)),
                 timeout=120, describe=lambda: a.execute_script(NOTICES))
            a.execute_cdp_cmd("Network.emulateNetworkConditions", {
                "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
            assert not has_photo(a)  # slide 5 has none
            on_slide(a, 2, count)
            wait(a, lambda: has_photo(a), describe=lambda: "no photo on slide 3")
        finally:
            a.quit()
