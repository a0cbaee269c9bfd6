"""The studio's eight uses of NiceGUI beyond its public API, each behind one function here.

NiceGUI 3 has no public way to do any of them; tests/test_nicegui_seams.py checks what each relies on
and fails, naming the seam, when a NiceGUI upgrade changes it.

- The root page's build time limit: NiceGUI serves ``ui.run``'s root function through ``page('')`` with
  its default ``response_timeout`` of 3 s (``set_root_page_timeout``).
- The JSON a page's elements are written into its HTML with: ``nicegui.client`` looks ``json`` up at
  each page build (``set_page_json``, used by page_html).
- Whether a page being built already waits for its browser (``await client.connected()`` somewhere on
  it): NiceGUI then serves the page itself (``page_waits_for_browser``).
- The worker pool behind ``run.cpu_bound``: the module attribute ``run.process_pool``, which NiceGUI
  creates at start and kills at stop (``worker_pool``, ``take_worker_pool``, ``lend_worker_pool``).
- Whether a page's browser dropped its socket and NiceGUI waits for it to come back before deleting the
  page: its client's ``_delete_tasks``, as NiceGUI's own pruning of stale pages reads them
  (``waits_for_reconnect``, used by components/memory.py).
- An event's listeners one at a time: ``Event.callbacks`` (kept up to date as pages subscribe and are
  deleted) and ``nicegui.event._invoke_and_forget``, what ``Event.emit`` calls for each (``listeners``,
  ``still_listening``, ``hand_to``, ``listener_owner``; used by components/relay.py).
- How a value element's browser sends its value: the listener NiceGUI's ``ValueElement`` registers for
  ``update:`` its ``VALUE_PROP`` (camel-cased), with the default script ``emit(...args)`` (``sync_value_with``, used by
  components/paste_size.py to send a long text in parts; components/slide_editor.py to have a choice name its slide).
- Where an upload element's browser posts its files: the route NiceGUI adds at the element's ``_registered_url``
  (removed with the element) and serves with ``create_file_upload`` then ``handle_uploads`` after its
  ``_begin_upload_handlers`` (``serve_upload``, ``take_upload``; used by components/uploads.py to read a header).
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from typing import Any

from fastapi import HTTPException, Request
from nicegui import Event, app, events, ui
from nicegui import client as nicegui_client
from nicegui import event as nicegui_event
from nicegui import helpers, run
from nicegui.elements.mixins.value_element import ValueElement
from nicegui.elements.upload_files import FileUpload, create_file_upload
from nicegui.page import page


def set_root_page_timeout(seconds: float) -> None:
    """Give every page made with NiceGUI's default arguments (the root page among them) ``seconds`` to be built."""
    page.__init__.__kwdefaults__["response_timeout"] = seconds


def set_page_json(json_module: Any) -> None:
    """Have NiceGUI write pages' elements with ``json_module`` (it needs ``dumps`` like ``nicegui.json``'s)."""
    nicegui_client.json = json_module


def page_waits_for_browser(client: nicegui_client.Client) -> bool:
    """True once something on ``client``'s page awaits ``client.connected()``: NiceGUI then sends the page as
    built so far without waiting for the page function to return."""
    waiting = getattr(client, "_waiting_for_connection", None)
    return waiting is not None and waiting.is_set()


def waits_for_reconnect(client: nicegui_client.Client) -> bool:
    """True while ``client``'s browser has gone (its socket closed) and NiceGUI waits for it to reconnect before
    deleting the page; such a page was opened, and NiceGUI deletes it itself."""
    return bool(getattr(client, "_delete_tasks", None))


def worker_pool() -> Executor | None:
    """The pool ``run.cpu_bound`` sends work to (None before the app starts and after ``take_worker_pool``)."""
    return run.process_pool


def take_worker_pool() -> Executor | None:
    """Take the pool from NiceGUI: its own stop then finds no worker to kill. Returns it (or None)."""
    pool, run.process_pool = run.process_pool, None
    return pool


def lend_worker_pool(pool: Executor | None) -> Executor | None:
    """Have ``run.cpu_bound`` send work to ``pool`` (tests lend one warm pool to every app); returns the one before."""
    previous, run.process_pool = run.process_pool, pool
    return previous


def listeners(event: Event) -> list[Any]:
    """The listeners ``event`` has now, in the order ``emit`` would call them."""
    return list(event.callbacks)


def still_listening(event: Event, listener: Any) -> bool:
    """Whether ``listener`` (from ``listeners``) is still subscribed: its page may have been deleted since."""
    return any(callback is listener for callback in event.callbacks)


def hand_to(listener: Any, *args: Any) -> None:
    """Call one listener as ``Event.emit`` does: in its page's context, a failure handled as the app's."""
    nicegui_event._invoke_and_forget(listener, *args)


def listener_owner(listener: Any) -> Any:
    """The object whose method ``listener`` calls (a page's ``_changed``: the page), or None."""
    return getattr(listener.func, "__self__", None)


def sync_value_with(element: ValueElement, js_handler: str, wrap: Callable[[Callable], Callable]) -> None:
    """``element``'s browser sends its value with ``js_handler`` (its ``emit(...)`` calls reach the server in order),
    and the server hands each to ``wrap(NiceGUI's own handler)``. Call it before the page is sent."""
    event = helpers.event_type_to_camel_case(f"update:{element.VALUE_PROP}")
    found = [listener for listener in element._event_listeners.values() if listener.type == event]
    if len(found) != 1 or found[0].js_handler is not None:
        raise RuntimeError("NiceGUI's value element no longer has one default listener for its value")
    found[0].js_handler = js_handler
    found[0].handler = wrap(found[0].handler)
    element.update()


def serve_upload(upload: ui.upload, receive: Callable[[Request], Awaitable[Any]]) -> None:
    """Serve the requests ``upload``'s browser posts its files in with ``receive`` instead of NiceGUI's route, at the
    same address (its ``url`` prop, which the upload cap reads; NiceGUI removes the route with the element)."""
    url = upload._registered_url
    if upload.props.get("url") != url or not any(getattr(r, "path", None) == url for r in app.routes):
        raise RuntimeError("NiceGUI no longer serves an upload element at its _registered_url")
    app.remove_route(url)
    app.post(url, include_in_schema=False)(receive)


async def take_upload(upload: ui.upload, request: Request, mark: Callable[[FileUpload], Any]) -> None:
    """What NiceGUI's route does with ``request``: ``upload``'s begin handlers, then each file, ``mark``ed first,
    to its upload handlers. Refused (403) while the element ignores events (disabled or hidden)."""
    if upload.is_ignoring_events:
        raise HTTPException(status_code=403, detail="Upload is disabled or hidden")
    for handler in upload._begin_upload_handlers:
        events.handle_event(handler, events.UiEventArguments(sender=upload, client=upload.client))
    async with request.form() as form:
        files = [await create_file_upload(data) for data in form.values() if not isinstance(data, str)]
    for file in files:
        mark(file)
    await upload.handle_uploads(files)
