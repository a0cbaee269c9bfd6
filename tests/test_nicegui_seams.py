"""What components/nicegui_seams.py relies on in NiceGUI: each test names the seam a NiceGUI upgrade broke."""
from __future__ import annotations

import asyncio
import inspect
from concurrent.futures import ThreadPoolExecutor

import nicegui.nicegui
from fastapi import Request
from nicegui import Client, core, run
from nicegui import client as nicegui_client
from nicegui import json as nicegui_json
from nicegui.page import page

from components import nicegui_seams, page_html


def test_the_root_page_is_served_through_a_page_with_default_arguments(monkeypatch):
    """set_root_page_timeout: ``ui.run``'s root function is served by ``page('')`` and its timeout is a keyword default."""
    assert "page('')" in inspect.getsource(nicegui.nicegui), "NiceGUI no longer serves the root page via page('')"
    assert inspect.signature(page.__init__).parameters["response_timeout"].kind is inspect.Parameter.KEYWORD_ONLY
    monkeypatch.setitem(page.__init__.__kwdefaults__, "response_timeout", 3.0)
    nicegui_seams.set_root_page_timeout(42.0)
    assert page("").response_timeout == 42.0


def test_pages_are_written_with_the_client_modules_json(monkeypatch):
    """set_page_json: a page's elements are written with ``nicegui.client.json.dumps`` and escaped with its table."""
    source = inspect.getsource(Client.build_response)
    assert "json.dumps(" in source and ".translate(HTML_ESCAPE_TABLE)" in source, "NiceGUI writes pages otherwise"
    assert nicegui_client.HTML_ESCAPE_TABLE
    monkeypatch.setattr(nicegui_client, "json", nicegui_json)
    seen = object()
    nicegui_seams.set_page_json(seen)
    assert nicegui_client.json is seen


async def test_the_studio_page_is_escaped_by_page_html(studio_data, user, monkeypatch):
    """set_page_json in use: serving the studio's page goes through page_html's escaping (the request below is
    the page's only build)."""
    calls = []
    escape = page_html.escape
    monkeypatch.setattr(page_html, "escape", lambda text, table: calls.append(len(text)) or escape(text, table))
    response = await user.http_client.get("/")
    assert response.status_code == 200
    assert calls, "the page's HTML was not escaped by page_html: NiceGUI no longer uses nicegui.client.json"


async def test_a_page_waiting_for_its_browser_is_seen():
    """page_waits_for_browser: a page that awaits ``connected()`` sets the event NiceGUI serves it on."""
    client = Client(page(""))
    try:
        assert not nicegui_seams.page_waits_for_browser(client)
        assert hasattr(client, "_waiting_for_connection"), "NiceGUI's client no longer has _waiting_for_connection"
        client._waiting_for_connection.set()  # what ``await client.connected()`` does first
        assert nicegui_seams.page_waits_for_browser(client)
        assert "_waiting_for_connection.set()" in inspect.getsource(Client.connected)
    finally:
        client.delete()


async def test_cpu_bound_sends_work_to_the_lent_pool():
    """worker_pool, take_worker_pool, lend_worker_pool: ``run.cpu_bound`` uses ``run.process_pool``."""
    class Counting(ThreadPoolExecutor):
        submitted = 0

        def submit(self, fn, /, *args, **kwargs):
            Counting.submitted += 1
            return super().submit(fn, *args, **kwargs)

    pool = Counting(1)
    before = nicegui_seams.lend_worker_pool(pool)
    try:
        assert nicegui_seams.worker_pool() is pool and run.process_pool is pool
        assert await run.cpu_bound(abs, -3) == 3
        assert Counting.submitted == 1, "run.cpu_bound no longer sends work to run.process_pool"
        assert nicegui_seams.take_worker_pool() is pool
        assert nicegui_seams.worker_pool() is None
    finally:
        nicegui_seams.lend_worker_pool(before)
        pool.shutdown()


async def test_a_page_whose_browser_left_waits_for_it_to_reconnect(monkeypatch):
    """waits_for_reconnect: NiceGUI's ``handle_disconnect`` starts a delete task per document in
    ``Client._delete_tasks`` (what its own pruning reads) and a reconnection cancels it."""
    monkeypatch.setattr(core, "loop", asyncio.get_running_loop())  # where NiceGUI starts its background tasks
    client = Client(page(""))
    try:
        assert not nicegui_seams.waits_for_reconnect(client)
        assert isinstance(getattr(client, "_delete_tasks", None), dict), "NiceGUI's client has no _delete_tasks"
        assert "client._delete_tasks" in inspect.getsource(Client.prune_instances)
        client._socket_to_document_id["socket"] = "document"  # what a handshake registers
        client._num_connections["document"] += 1
        client.handle_disconnect("socket")
        assert nicegui_seams.waits_for_reconnect(client), "a disconnect no longer leaves a task in _delete_tasks"
        client._cancel_delete_task("document")  # what a reconnection's handshake does first
        assert not nicegui_seams.waits_for_reconnect(client)
    finally:
        client.delete()


def test_an_events_listeners_are_handed_to_one_at_a_time():
    """listeners, still_listening, hand_to, listener_owner: ``Event.emit`` calls ``_invoke_and_forget`` for each of
    ``Event.callbacks``, whose ``func`` is what was subscribed."""
    from nicegui import Event
    from nicegui import event as nicegui_event
    assert "_invoke_and_forget(callback" in inspect.getsource(Event.emit), "NiceGUI's emit calls its listeners otherwise"

    class Page:
        heard: list = []

        def changed(self, value):
            self.heard.append(value)

    page, event = Page(), Event()
    event.subscribe(page.changed)
    listeners = nicegui_seams.listeners(event)
    assert len(listeners) == 1 and nicegui_seams.listener_owner(listeners[0]) is page
    assert hasattr(nicegui_event, "_invoke_and_forget")
    nicegui_seams.hand_to(listeners[0], "typed")
    assert page.heard == ["typed"]
    assert nicegui_seams.still_listening(event, listeners[0])
    event.unsubscribe(page.changed)
    assert not nicegui_seams.still_listening(event, listeners[0])


async def test_a_value_elements_browser_sends_its_value_through_the_script_and_wrapper_given(studio_data, user):
    """sync_value_with: a select's ``update:modelValue`` listener is NiceGUI's one default; the wrapper sees each
    choice its browser sends (a key of ours beside the option's) and NiceGUI's handler reads only the option."""
    from nicegui import events, helpers, ui
    from nicegui.elements.mixins.value_element import ValueElement
    assert "self.on(f'update:{self.VALUE_PROP}', handle_change" in inspect.getsource(ValueElement.__init__), \
        "sync_value_with: NiceGUI's value element listens for its value otherwise"
    assert helpers.event_type_to_camel_case("update:model-value") == "update:modelValue"
    await user.open("/")
    heard = []
    with user:
        select = ui.select({"a": "A", "b": "B"}, value="a")

    def wrap(handle):
        def handler(e: events.GenericEventArguments):
            heard.append(e.args.get("mine"))
            handle(e)
        return handler
    nicegui_seams.sync_value_with(select, "(option) => emit({...option, mine: 'x'})", wrap)
    (listener,) = [listener for listener in select._event_listeners.values() if listener.type == "update:modelValue"]
    assert listener.js_handler.startswith("(option) =>")
    listener.handler(events.GenericEventArguments(sender=select, client=select.client,
                                                  args={"value": 1, "label": "B", "mine": "x"}))
    assert heard == ["x"] and select.value == "b", "sync_value_with: a select no longer reads its choice's 'value'"


async def test_an_upload_element_is_served_at_its_registered_url_by_the_route_put_there(studio_data, user):
    """serve_upload, take_upload: NiceGUI serves an upload element's files at its ``_registered_url`` (its ``url``),
    removes that route with the element, and hands files made by ``create_file_upload`` to ``handle_uploads`` after
    its ``_begin_upload_handlers``."""
    from nicegui import ui
    from nicegui.elements import upload as nicegui_upload
    source = inspect.getsource(nicegui_upload.Upload.__init__)
    assert "@app.post(self._registered_url" in source and "self._begin_upload_handlers" in source, \
        "serve_upload: NiceGUI serves an upload element otherwise"
    assert "create_file_upload(" in source and "self.handle_uploads(files)" in source, "take_upload: files otherwise"
    assert "app.remove_route(self._registered_url)" in inspect.getsource(nicegui_upload.Upload._handle_delete)
    await user.open("/")
    began, files = [], []
    with user:
        upload = ui.upload(on_begin_upload=lambda: began.append(True), on_upload=lambda e: files.append(e.file))

    async def receive(request: Request):
        await nicegui_seams.take_upload(upload, request, lambda file: setattr(file, "mark", request.headers["x-m"]))
        return {"served": "here"}
    nicegui_seams.serve_upload(upload, receive)
    url = upload.props["url"]
    response = await user.http_client.post(url, files={"file": ("a.txt", b"words")}, headers={"x-m": "m"})
    assert response.json() == {"served": "here"}, "serve_upload: the element's route is not the one put there"
    assert began == [True] and [(f.name, f.mark) for f in files] == [("a.txt", "m")]
    assert await files[0].read() == b"words"
    upload.set_visibility(False)
    assert (await user.http_client.post(url, files={"file": ("b.txt", b"x")}, headers={"x-m": "m"})).status_code == 403
    upload.delete()
    assert not [r for r in nicegui_seams.app.routes if getattr(r, "path", None) == url], "the route outlived its element"
