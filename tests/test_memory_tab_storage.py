"""What a closed page leaves outside itself goes with it: its empty browser-tab storage (NiceGUI keeps one per
visiting tab for 30 days), its upload route's types in Python's caches."""
from __future__ import annotations

from nicegui import app

from components import memory


async def test_a_deleted_pages_empty_tab_storage_goes(studio_data, user):
    await user.open("/")
    client = user.client
    tab_id = client._pinned_tab_id
    assert tab_id and tab_id in app.storage._tabs  # NiceGUI made it when the page connected
    client.delete()  # as NiceGUI does once a closed tab's reconnect time is over
    user.client = None
    assert tab_id not in app.storage._tabs


async def test_a_tab_storage_in_use_stays(studio_data, user, create_user):
    """A deleted page's tab storage stays while it holds something (the tab's next page still finds it there) or
    while a newer page of the same tab is open (a reload: it goes on using the very same storage)."""
    await user.open("/")
    with user.client:
        app.storage.tab["kept"] = 1
    user.client.delete()
    await user.open("/")  # the same tab's next page
    with user.client:
        assert app.storage.tab.get("kept") == 1

    reloader = create_user()
    first = await reloader.open("/")
    await reloader.open("/")  # reloaded: a newer page of the same tab, still open
    with reloader.client:
        storage = app.storage.tab
    first.delete()
    with reloader.client:
        assert app.storage.tab is storage


def test_a_closed_pages_route_types_leave_pythons_caches():
    """Each page's upload route left its path's pattern in ``re``'s cache and its answer's ``Annotated`` type in
    ``typing``'s: the tidy-up after pages close lets them go."""
    import gc
    import re
    import typing
    import weakref

    class Marker:  # stands for the route's FieldInfo
        pass

    marker = Marker()
    alias = typing.Annotated[dict[str, str], marker]
    pattern = re.compile("^/_nicegui/client/closed-page-route-x9/upload$")
    held = [weakref.ref(marker), weakref.ref(pattern)]
    del marker, alias, pattern
    gc.collect()
    assert all(ref() is not None for ref in held)  # the caches hold them
    memory.forget_route_handlers()
    gc.collect()
    assert [ref() for ref in held] == [None, None]
