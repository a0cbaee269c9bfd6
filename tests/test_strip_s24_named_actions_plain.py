"""The plain studio, two tabs on one slide: their Delete clicks, both sent before either tab heard of the other's,
delete that slide once; no other slide goes."""
from __future__ import annotations

from ui_helpers import trigger, until


def titles(studio) -> list[str]:
    return [s.title or s.body[:20] for s in studio.shared.document.carousel.slides]


def shown(user, testid) -> dict:
    """What the tab's click sends: the names its action bar holds (components/slide_strip.py ``SAY_SHOWN``)."""
    (bar,) = testid(user, "strip-bar")
    return {"slide": bar.props.get("data-cs-shown"), "next": bar.props.get("data-cs-next")}


async def test_two_tabs_deleting_one_slide_at_once_delete_one_slide(studio, create_user, testid):
    other = create_user()
    await other.open("/")
    for tab in (studio, other):
        trigger(tab, testid(tab, "slide-thumb")[3], "click")
    await until(lambda: shown(studio, testid)["slide"] and shown(other, testid)["slide"])
    before = titles(studio)
    first, second = shown(studio, testid), shown(other, testid)
    trigger(studio, testid(studio, "delete-slide")[0], "click", first)
    trigger(other, testid(other, "delete-slide")[0], "click", second)
    assert titles(studio) == before[:3] + before[4:]
    notices = [m for tab in (studio, other) for m in tab.notify.messages]
    assert any("that slide a moment ago; nothing else was deleted." in m for m in notices)
    # the tab's bar now names the slide it shows, and Delete deletes that one
    await until(lambda: shown(other, testid)["slide"] != second["slide"])
    trigger(other, testid(other, "delete-slide")[0], "click", shown(other, testid))
    assert titles(studio) == before[:3] + before[5:]
