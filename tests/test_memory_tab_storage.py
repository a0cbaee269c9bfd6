"""What a closed page leaves outside itself goes with it: its empty browser-tab storage (NiceGUI keeps one per
visiting tab for 30 days), its upload route's types in Python's caches."""
from __future__ import annotations

from types import SimpleNamespace

from nicegui import Client, app
from nicegui.observables import ObservableDict

from components import memory


async def test_a_deleted_pages_empty_tab_storage_goes(studio_data, user):
    await user.open("/")
    client = user.client
    tab_id = client._pinned_tab_id
    assert tab_id and tab_id in app.storage._tabs  # NiceGUI made it when the page connected
    client.delete()  # as NiceGUI does once a closed tab's reconnect time is over
    user.client = None
    assert tab_id not in app.storage._tabs


def test_a_tab_storage_in_use_stays(monkeypatch):
    tabs = {"kept": ObservableDict({"k": 1}), "reloaded": ObservableDict(), "gone": ObservableDict()}
    monkeypatch.setattr(app.storage, "_tabs", tabs)
    reload = SimpleNamespace(_pinned_tab_id="reloaded")  # a newer page of the same tab, still open
    monkeypatch.setattr(Client, "instances", {"new": reload})
    for tab_id in tabs.copy():
        memory.forget_tab_storage(SimpleNamespace(_pinned_tab_id=tab_id))
    assert list(tabs) == ["kept", "reloaded"]


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
