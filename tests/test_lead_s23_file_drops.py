"""In Chromium: a file dropped where nothing takes it is cancelled (the browser would otherwise open the file in
the studio's place) and the creator is told where files go; the paste box still takes a file, and dragged text is
left to the browser."""
from __future__ import annotations

import pytest

pytest.importorskip("selenium")

from test_paste_s22_browser import BOX, notices, state, studio  # noqa: E402
from ui_helpers import wait  # noqa: E402

pytestmark = pytest.mark.slow
assert studio  # (the fixture, imported)

# Fires dragover then drop on the element ``arguments[0]`` selects, carrying a file or (``arguments[1]`` false) text;
# returns for each whether the page cancelled it
_DRAG = """const target = document.querySelector(arguments[0]), carried = new DataTransfer();
if (arguments[1]) carried.items.add(new File(['An archive, say.'], 'twitter-archive.zip'));
else carried.setData('text/plain', 'some dragged words');
const fire = (type) => !target.dispatchEvent(new DragEvent(type, {dataTransfer: carried, bubbles: true,
                                                                   cancelable: true}));
return [fire('dragover'), fire('drop')];"""


def drag(driver, selector: str, file: bool) -> list[bool]:
    return driver.execute_script(_DRAG, selector, file)


def test_a_file_dropped_outside_every_drop_area_is_cancelled(studio):
    wait(studio, lambda: studio.execute_script("return !!document.querySelector('.q-footer')"), timeout=60,
         describe=lambda: state(studio))
    for place in (".q-footer", ".q-header", "body"):
        assert drag(studio, place, True) == [True, True], place
    assert studio.execute_script("return location.pathname") == "/"
    wait(studio, lambda: any("Drop a text file on the paste box" in n for n in notices(studio)), timeout=30,
         describe=lambda: state(studio))


def test_dragged_text_and_the_paste_box_keep_their_own_handling(studio):
    assert drag(studio, ".q-footer", False) == [False, False]  # text: the browser's own (nothing to open)
    assert drag(studio, BOX, True) == [True, True]  # the paste box takes the file itself
